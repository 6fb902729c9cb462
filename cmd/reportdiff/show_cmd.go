package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/render"
)

type showOptions struct {
	*globalOptions
	report string
}

func newShowCmd(g *globalOptions, runF func(*showOptions) error) *cobra.Command {
	opts := &showOptions{globalOptions: g}
	return &cobra.Command{
		Use:   "show REPORT",
		Short: "Print the text of one report (by year or id) exactly as it stands in its file",
		Args:  argsUsage(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.report = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runShow(opts)
		},
	}
}

func runShow(opts *showOptions) error {
	c, err := opts.load()
	if err != nil {
		return err
	}
	r, err := c.Find(opts.report)
	if err != nil {
		return usageError{err}
	}
	if opts.json() {
		return render.JSON(opts.io.Out, render.ShowJSONOf(r))
	}
	_, err = io.WriteString(opts.io.Out, r.Source.Text[r.Span.Start:r.Span.End])
	return err
}
