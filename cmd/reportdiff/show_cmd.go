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
decoded to UTF-8; --raw prints the file's own bytes instead (GB18030, Big5 …).

On a terminal, control characters of the text (escape sequences, BEL,
backspace, a lone carriage return) are shown as control pictures (␛, ␇),
never sent to it; to a file or a pipe the text goes byte for byte. --raw
goes to a file or a pipe only: the file's own bytes may hold any of them, or
an encoding the terminal does not read.`,
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
	switch {
	case opts.raw && opts.json():
		return usagef("--raw and --format json: give one (--raw prints the file's own bytes; the JSON holds the decoded text)")
	case opts.raw && opts.io.IsStdoutTTY():
		return usagef("--raw prints the file's own bytes, which may hold control characters or an encoding the terminal does not read: send them to a file or a pipe (reportdiff show --raw %s > FILE), or leave out --raw to see the text", opts.report)
	}
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
	text := r.Source.Text[r.Span.Start:r.Span.End]
	if opts.io.IsStdoutTTY() {
		return render.VisibleText(opts.io.Out, text)
	}
	_, err = io.WriteString(opts.io.Out, text)
	return err
}
