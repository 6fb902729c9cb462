package main

import (
	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/render"
)

type checkOptions struct {
	*globalOptions
}

func newCheckCmd(g *globalOptions, runF func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{globalOptions: g}
	return &cobra.Command{
		Use:   "check",
		Short: "Lint the corpus for CI: parts, years, numbering, empty units, unbalanced quotes",
		Long: `check reads the corpus and reports, as file:line: message, every report without a
review or a plan part, every year that is unknown or contradicted by the text,
every gap in the numbering of sections and subsections, every empty unit and
every unit whose “ ” or 《 》 do not pair up. It exits 1 when it finds anything.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runCheck(opts)
		},
	}
}

// checkJSON is the document `reportdiff check --format json` writes.
type checkJSON struct {
	Findings []corpus.Finding `json:"findings"`
}

func runCheck(opts *checkOptions) error {
	opts.quietWarnings = true // they are findings here
	c, err := opts.load()
	if err != nil {
		return err
	}
	fs := corpus.Check(c)
	if opts.json() {
		if fs == nil {
			fs = []corpus.Finding{}
		}
		err = render.JSON(opts.io.Out, checkJSON{Findings: fs})
	} else {
		err = render.Findings(opts.io.Out, fs)
	}
	if err != nil {
		return err
	}
	if len(fs) > 0 {
		return errFound
	}
	return nil
}
