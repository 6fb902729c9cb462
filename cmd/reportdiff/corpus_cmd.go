package main

import (
	"github.com/spf13/cobra"

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
	opts.quietWarnings = opts.verbose || opts.format != "text" // shown in the output itself
	c, err := opts.load()
	if err != nil {
		return err
	}
	switch opts.format {
	case "json":
		return render.JSON(opts.io.Out, render.CorpusJSONOf(c))
	case "csv":
		return render.CorpusCSV(opts.io.Out, c)
	case "html":
		return render.CorpusHTML(opts.io.Out, c, render.HTMLOptions{})
	}
	return render.CorpusTable(opts.io.Out, c, opts.verbose, opts.style())
}
