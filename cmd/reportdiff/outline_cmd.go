package main

import (
	"bytes"
	"io"

	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/render"
)

type outlineOptions struct {
	*globalOptions
	report string
}

func newOutlineCmd(g *globalOptions, runF func(*outlineOptions) error) *cobra.Command {
	opts := &outlineOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "outline [REPORT]",
		Short: "Show the parts, sections and units of a report (by year or id), or of all",
		Args:  argsUsage(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.report = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runOutline(opts)
		},
	}
	return cmd
}

func runOutline(opts *outlineOptions) error {
	if opts.report != "" {
		c, r, err := opts.findReport(opts.report)
		if err != nil {
			return err
		}
		return opts.writeOutlineTo(opts.io.Out, c, []*corpus.Report{r})
	}
	col, err := opts.collection()
	if err != nil {
		return err
	}
	if err := opts.onePage(col); err != nil {
		return err
	}
	if opts.format == "json" {
		var doc render.OutlineJSON
		err := eachSeries(opts.globalOptions, col, func(c *corpus.Corpus) (render.OutlineJSON, error) {
			return render.OutlineJSONOf(c.Reports), nil
		}, func(d render.OutlineJSON) error {
			if doc.Units == nil {
				doc = d
			} else {
				doc.Units = append(doc.Units, d.Units...)
			}
			return nil
		})
		if err != nil {
			return err
		}
		return render.JSON(opts.io.Out, doc)
	}
	first := true
	return eachSeries(opts.globalOptions, col, func(c *corpus.Corpus) ([]byte, error) {
		var b bytes.Buffer
		err := opts.writeOutlineTo(&b, c, c.Reports)
		return b.Bytes(), err
	}, func(b []byte) error {
		if opts.format == "csv" && !first {
			if i := bytes.IndexByte(b, '\n'); i >= 0 {
				b = b[i+1:] // the header once
			}
		}
		first = false
		_, err := opts.io.Out.Write(b)
		return err
	})
}

// writeOutlineTo writes the outline of reports of corpus c.
func (opts *outlineOptions) writeOutlineTo(w io.Writer, c *corpus.Corpus, reports []*corpus.Report) error {
	switch opts.format {
	case "json":
		return render.JSON(w, render.OutlineJSONOf(reports))
	case "csv":
		return render.OutlineCSV(w, reports)
	case "html":
		return render.OutlineHTML(w, c, reports, render.HTMLOptions{})
	}
	return render.Outline(w, reports, opts.style())
}
