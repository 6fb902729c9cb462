package main

import (
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
	c, err := opts.load()
	if err != nil {
		return err
	}
	reports := c.Reports
	if opts.report != "" {
		r, err := c.Find(opts.report)
		if err != nil {
			return usageError{err}
		}
		reports = []*corpus.Report{r}
	}
	switch opts.format {
	case "json":
		return render.JSON(opts.io.Out, render.OutlineJSONOf(reports))
	case "csv":
		return render.OutlineCSV(opts.io.Out, reports)
	case "html":
		return render.OutlineHTML(opts.io.Out, c, reports, render.HTMLOptions{})
	}
	return render.Outline(opts.io.Out, reports, opts.style())
}
