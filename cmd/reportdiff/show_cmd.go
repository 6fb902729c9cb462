package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/render"
)

type showOptions struct {
	*globalOptions
	report string
	raw    bool
}

func newShowCmd(g *globalOptions, runF func(*showOptions) error) *cobra.Command {
	opts := &showOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "show REPORT",
		Short: "Print the text of one report (by year or id) exactly as it stands in its file",
		Long: `Print the text of one report (by year or id) exactly as it stands in its file,
decoded to UTF-8; --raw prints the file's own bytes instead (GB18030, Big5 …).`,
		Args: argsUsage(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.report = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runShow(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.raw, "raw", false, "print the report's bytes as they are in its file, undecoded")
	return cmd
}

func runShow(opts *showOptions) error {
	_, r, err := opts.findReport(opts.report)
	if err != nil {
		return err
	}
	if opts.raw {
		_, err = opts.io.Out.Write(r.Source.Raw(r.Span))
		return err
	}
	if opts.json() {
		return render.JSON(opts.io.Out, render.ShowJSONOf(r))
	}
	_, err = io.WriteString(opts.io.Out, r.Source.Text[r.Span.Start:r.Span.End])
	return err
}
