package main

import (
	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/check"
	"github.com/reportdiff/reportdiff/corpus"
)

type factsOptions struct {
	*globalOptions
}

func newFactsCmd(g *globalOptions, runF func(*factsOptions) error) *cobra.Command {
	opts := &factsOptions{globalOptions: g}
	return &cobra.Command{
		Use:   "facts",
		Short: "Write a JSON snapshot of what reportdiff reads from the corpus, the baseline of check",
		Long: `facts writes, report by report, what reportdiff reads from the corpus: id, file,
year, reviewed year, parts, sections, paragraphs, the figures of the indicators
(indicator, kind, year, value, qualifier, line), the commitments with their
statuses and the lint findings with their fingerprints. One fact a line, in a
fixed order, so that the file diffs well in git. Keep it in the repository and
check the corpus against it: reportdiff check --baseline FILE.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runFacts(opts)
		},
	}
}

func runFacts(opts *factsOptions) error {
	opts.quietWarnings = true // they are lint findings of the snapshot
	col, err := opts.collection()
	if err != nil {
		return err
	}
	var snap *check.Snapshot
	err = eachSeries(opts.globalOptions, col, func(c *corpus.Corpus) (*check.Snapshot, error) {
		return check.Facts(c, check.Options{Root: corpusRoot(opts.corpusPath)}), nil
	}, func(s *check.Snapshot) error {
		if snap == nil {
			snap = s
		} else {
			snap.Reports = append(snap.Reports, s.Reports...)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return check.WriteSnapshot(opts.io.Out, snap)
}
