package main

import (
	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/render"
)

type corpusOptions struct {
	*globalOptions
	verbose bool
}

func newCorpusCmd(g *globalOptions, runF func(*corpusOptions) error) *cobra.Command {
	opts := &corpusOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "corpus",
		Short: "List the reports of the corpus in year order, with the evidence for their years",
		Args:  argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runCorpus(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.verbose, "verbose", "v", false, "show the evidence for each report's year")
	return cmd
}

func runCorpus(opts *corpusOptions) error {
	opts.quietWarnings = opts.verbose || opts.format == "json" // shown in the output itself
	if opts.html() {
		c, err := opts.load()
		if err != nil {
			return err
		}
		return render.CorpusHTML(opts.io.Out, c, render.HTMLOptions{})
	}
	col, err := opts.collection()
	if err != nil {
		return err
	}
	type part struct {
		rows  []render.ReportRow
		warns []corpus.Warning
	}
	var table render.Table[render.CorpusRow]
	if opts.tabular() {
		if table, err = openTable[render.CorpusRow](opts.globalOptions); err != nil {
			return err
		}
	}
	var rows []render.ReportRow
	warns := col.Warnings
	err = eachSeries(opts.globalOptions, col, func(c *corpus.Corpus) (part, error) {
		return part{render.Rows(c), c.Warnings}, nil
	}, func(p part) error {
		if table != nil {
			return table.Write(render.CorpusRows(p.rows))
		}
		rows = append(rows, p.rows...)
		warns = append(warns, p.warns...)
		return nil
	})
	if err != nil {
		return err
	}
	switch {
	case table != nil:
		return table.Close()
	case opts.format == "json":
		return render.JSON(opts.io.Out, render.CorpusDoc(rows, warns))
	}
	return render.CorpusRowsTable(opts.io.Out, rows, warns, opts.verbose, opts.style())
}
