package main

import (
	"math"
	"slices"

	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/change"
	"github.com/reportdiff/reportdiff/render"
)

type prioritiesOptions struct {
	*globalOptions
	from, to string
	minCount int
	top      int
	table    string
}

func newPrioritiesCmd(g *globalOptions, runF func(*prioritiesOptions) error) *cobra.Command {
	opts := &prioritiesOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "priorities",
		Short: "Show which themes rose and fell in attention, and which words",
		Long: `priorities shows the share of each theme in the review and plan parts of every
report (characters, weighted by each paragraph's theme scores, so report length
does not count), its rank and its change in percentage points, and the words
that rose and fell between consecutive reports (or --from A --to B) by
log-likelihood G², with new and vanished words. --format csv writes one table
for R or pandas: the shares, or with --table terms the words.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if (opts.from == "") != (opts.to == "") {
				return usagef("--from and --to go together")
			}
			if opts.top < 0 {
				return usagef("--top %d: want a number of words from 0 up", opts.top)
			}
			if opts.minCount < 0 {
				return usagef("--min-count %d: want a count from 0 up", opts.minCount)
			}
			if opts.table != "shares" && opts.table != "terms" {
				return usagef("--table %q: want shares or terms", opts.table)
			}
			if runF != nil {
				return runF(opts)
			}
			return runPriorities(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.from, "from", "", "compare words from this report (year or id)")
	f.StringVar(&opts.to, "to", "", "… to this report")
	f.IntVar(&opts.minCount, "min-count", 5, "the least count, in both reports together, of a word that rose or fell")
	f.IntVar(&opts.top, "top", 15, "how many rising and how many falling words per pair of reports")
	f.StringVar(&opts.table, "table", "shares", "with --format csv: shares or terms")
	return cmd
}

func runPriorities(opts *prioritiesOptions) error {
	c, err := opts.load()
	if err != nil {
		return err
	}
	po := change.PriorityOptions{MinCount: opts.minCount, Top: opts.top}
	if opts.from != "" {
		if po.From, err = c.Find(opts.from); err != nil {
			return usageError{err}
		}
		if po.To, err = c.Find(opts.to); err != nil {
			return usageError{err}
		}
	}
	themes := align.Classify(c, nil, nil)
	p := change.MeasurePriorities(themes, po)
	switch opts.format {
	case "json":
		return render.JSON(opts.io.Out, render.PrioritiesJSONOf(p))
	case "csv":
		return render.PrioritiesCSV(opts.io.Out, p, opts.table)
	case "html":
		return render.PrioritiesHTML(opts.io.Out, themes, p, render.HTMLOptions{})
	}
	return render.Priorities(opts.io.Out, p, c.Reports, opts.style())
}

type commitmentsOptions struct {
	*globalOptions
	status  string
	term    string
	explain string
}

var commitmentStatuses = []string{change.Achieved, change.Partial, change.Missed, change.Repeated, change.Unreported, change.Open}

func newCommitmentsCmd(g *globalOptions, runF func(*commitmentsOptions) error) *cobra.Command {
	opts := &commitmentsOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "commitments",
		Short: "Follow the concrete promises of the plans through the years",
		Long: `commitments finds the concrete promises of the plan parts (named projects,
places and events, quantified promises: 爭創…, 完成…, 啟動…, 建成N個…) and
follows each through every report: promised again, reported in a later
review, reworded (甲乙環線景觀 → 甲乙環線綠道 is one commitment; the fifth fair
is not the fourth). Each mention and each commitment has a status: achieved,
partial, missed (with the reason the text gives), repeated (promised again,
no report of completion), unreported (never mentioned again) or open
(promised in the last report, which no report follows yet).

--term PHRASE gives the timeline of any phrase instead: each occurrence with
its part and status. --explain PHRASE says, for each clause that holds the
phrase, why it did or did not become a commitment and which commitments it
speaks of. --format csv writes one row per mention.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.status != "" && !slices.Contains(commitmentStatuses, opts.status) {
				return usagef("--status %q: want one of %v", opts.status, commitmentStatuses)
			}
			if opts.term != "" && opts.explain != "" {
				return usagef("--term and --explain do not go together")
			}
			if runF != nil {
				return runF(opts)
			}
			return runCommitments(opts)
		},
	}
	cmd.Flags().StringVar(&opts.status, "status", "", "show the commitments with this status only")
	cmd.Flags().StringVar(&opts.term, "term", "", "show the timeline of a phrase (either script)")
	cmd.Flags().StringVar(&opts.explain, "explain", "", "say why each clause holding a phrase did or did not become a commitment")
	return cmd
}

func runCommitments(opts *commitmentsOptions) error {
	c, err := opts.load()
	if err != nil {
		return err
	}
	themes := align.Classify(c, nil, nil)
	if opts.explain != "" {
		vs := change.ExplainCommitments(themes, opts.explain)
		switch opts.format {
		case "json":
			return render.JSON(opts.io.Out, render.ExplanationsJSONOf(vs))
		case "csv", "html":
			return usagef("--explain writes text or json")
		}
		return render.Explanations(opts.io.Out, vs, opts.style())
	}
	cs := change.FindCommitments(themes, change.CommitmentOptions{Term: opts.term})
	if opts.status != "" {
		var keep []change.Commitment
		for _, cm := range cs {
			if cm.Status == opts.status {
				keep = append(keep, cm)
			}
		}
		cs = keep
	}
	switch opts.format {
	case "json":
		return render.JSON(opts.io.Out, render.CommitmentsJSONOf(cs))
	case "csv":
		return render.CommitmentsCSV(opts.io.Out, cs)
	case "html":
		return render.CommitmentsHTML(opts.io.Out, themes, cs, render.HTMLOptions{})
	}
	return render.Commitments(opts.io.Out, cs, opts.style())
}

type targetsOptions struct {
	*globalOptions
	tolerance float64
	all       bool
}

func newTargetsCmd(g *globalOptions, runF func(*targetsOptions) error) *cobra.Command {
	opts := &targetsOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "targets",
		Short: "Set each year's targets beside the outcomes the next review reports",
		Long: `targets reads the numeric indicators of the targets paragraphs (主要預期目標),
the outcome paragraphs (預計地區生產總值…) and the rest of the text, matches them
across years even where they were renamed (財政收入 → 一般公共預算收入),
and judges each year's target against its outcome: met, missed, no target, no
outcome, not numeric (a target in words: 達到上級要求), or not comparable
(target and outcome count different things: % and 億元).

A target "around" (左右) is met by an outcome no more than --tolerance below it
(percentage points for %, default 0.5; 5% of the target for other measures);
a floor (以上, 不低於) or an aspiration (力爭) by an outcome at or above it; a
ceiling (以內, 控制在) by one at or below it; a range by one at or above its low
end. For indicators where less is better (prices, unemployment) an "around"
target is a ceiling. A target set for two years (今明兩年…) is judged against
the second year's outcome.

The text view shows the headline indicators (those with a target, or with
figures of more than one year); --all shows every figure. --format json and
--format csv (one row per value) hold every figure, each indicator marked
headline or not.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.tolerance < 0 || math.IsNaN(opts.tolerance) || math.IsInf(opts.tolerance, 0) {
				return usagef("--tolerance %v: want a number from 0 up", opts.tolerance)
			}
			if runF != nil {
				return runF(opts)
			}
			return runTargets(opts)
		},
	}
	cmd.Flags().Float64Var(&opts.tolerance, "tolerance", 0.5, "how far below an \"around\" target an outcome may fall and still meet it")
	cmd.Flags().BoolVar(&opts.all, "all", false, "show every figure in the text view, not only the headline indicators")
	return cmd
}

func runTargets(opts *targetsOptions) error {
	c, err := opts.load()
	if err != nil {
		return err
	}
	themes := align.Classify(c, nil, nil)
	ins := change.ReadTargets(themes, change.TargetOptions{Tolerance: opts.tolerance})
	switch opts.format {
	case "json":
		return render.JSON(opts.io.Out, render.TargetsJSONOf(ins))
	case "csv":
		return render.TargetsCSV(opts.io.Out, ins)
	}
	if !opts.all {
		ins = slices.DeleteFunc(ins, func(in change.Indicator) bool { return !in.Headline })
	}
	if opts.html() {
		return render.TargetsHTML(opts.io.Out, themes, ins, render.HTMLOptions{})
	}
	return render.Targets(opts.io.Out, ins, opts.style())
}
