package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/change"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/render"
)

type prioritiesOptions struct {
	*globalOptions
	from, to string
	year     int
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
	f.StringVar(&opts.table, "table", "shares", "with --format csv or parquet: shares or terms")
	f.Var(&yearFlag{g: g, year: &opts.year}, "year", "YEAR: the theme shares of every government's report of that year; ID=YEAR: state a report's year, as everywhere")
	return cmd
}

func runPriorities(opts *prioritiesOptions) error {
	col, err := opts.collection()
	if err != nil {
		return err
	}
	if err := opts.onePage(col); err != nil {
		return err
	}
	if opts.year != 0 {
		return prioritiesOfYear(opts, col)
	}
	if col.Many() && opts.from != "" {
		// A pair named with its government reads that government alone.
		if s, _ := col.Locate(opts.from); s != nil {
			col.Series = []*corpus.Series{s}
		}
	}
	type part struct {
		name string
		doc  render.PrioritiesJSON
		text []byte
		miss pairMiss
	}
	var miss pairMiss
	var shares render.Table[render.ShareRow]
	var terms render.Table[render.TermRow]
	if opts.tabular() {
		if opts.table == "terms" {
			terms, err = openTable[render.TermRow](opts.globalOptions)
		} else {
			shares, err = openTable[render.ShareRow](opts.globalOptions)
		}
		if err != nil {
			return err
		}
	}
	var doc render.PrioritiesJSON
	secs, found := opts.sections(opts.io.Out, col), false
	err = eachSeries(opts.globalOptions, col, func(c *corpus.Corpus) (part, error) {
		po := change.PriorityOptions{MinCount: opts.minCount, Top: opts.top}
		if opts.from != "" {
			var errFrom, errTo error
			po.From, errFrom = c.Find(opts.from)
			po.To, errTo = c.Find(opts.to)
			if errFrom != nil || errTo != nil {
				return part{miss: pairMiss{c.Series, errFrom, errTo}}, nil // this government has no such reports
			}
		}
		themes := align.Classify(c, nil, nil)
		p := change.MeasurePriorities(themes, po)
		pt := part{name: c.Series, doc: render.PrioritiesJSONOf(p)}
		var err error
		pt.text, err = opts.view(func(w io.Writer) error { return render.Priorities(w, p, c.Reports, opts.style()) },
			func(w io.Writer) error { return render.PrioritiesHTML(w, themes, p, render.HTMLOptions{}) })
		return pt, err
	}, func(pt part) error {
		if pt.name == "" && pt.doc.Themes == nil {
			miss = miss.or(pt.miss)
			return nil
		}
		found = true
		switch {
		case shares != nil:
			return shares.Write(render.ShareRows(pt.doc))
		case terms != nil:
			return terms.Write(render.TermRows(pt.doc))
		case opts.format == "json":
			doc = render.MergePriorities(doc, pt.doc)
			return nil
		}
		return secs.write(pt.name, pt.text)
	})
	if err != nil {
		return err
	}
	if !found && opts.from != "" {
		return miss.err(len(col.Series), fmt.Sprintf("no government of the corpus has both reports %s and %s", opts.from, opts.to))
	}
	switch {
	case shares != nil:
		return shares.Close()
	case terms != nil:
		return terms.Close()
	case opts.format == "json":
		return render.JSON(opts.io.Out, doc)
	}
	return nil
}

// prioritiesOfYear writes the theme shares of every government's report of
// one year (priorities --year Y): a row per government.
func prioritiesOfYear(opts *prioritiesOptions, col *corpus.Collection) error {
	var seen yearsSeen
	rows, written, err := tabulate(opts.globalOptions, col, func(c *corpus.Corpus) ([]render.ShareRow, error) {
		seen.add(c)
		r, prev := yearReport(c, opts.year)
		if r == nil {
			return nil, nil
		}
		reports := []*corpus.Report{r}
		if prev != nil {
			reports = []*corpus.Report{prev, r} // the change against the year before
		}
		sub := &corpus.Corpus{Series: c.Series, Sources: c.Sources, Reports: reports}
		p := change.MeasurePriorities(align.Classify(sub, nil, nil), change.PriorityOptions{Top: 0})
		var out []render.ShareRow
		for _, row := range render.ShareRows(render.PrioritiesJSONOf(p)) {
			if row.Report == r.ID {
				out = append(out, row)
			}
		}
		return out, nil
	})
	if err == nil {
		err = seen.check(opts.year)
	}
	switch {
	case err != nil || written:
		return err
	case opts.format == "json":
		return render.JSON(opts.io.Out, map[string]any{"year": opts.year, "shares": rows})
	}
	return render.SharesOfYear(opts.io.Out, rows, opts.year, opts.style())
}

// yearReport returns the one report of a year of a series, and the one of
// the year before when there is one; nil when the series has no report of
// that year, or several.
func yearReport(c *corpus.Corpus, year int) (r, prev *corpus.Report) {
	r, err := c.Find(strconv.Itoa(year))
	if err != nil || r == nil || r.Year != year {
		return nil, nil
	}
	if i := c.Index(r); i > 0 && c.Reports[i-1].Year == year-1 {
		prev = c.Reports[i-1]
	}
	return r, prev
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
	col, err := opts.collection()
	if err != nil {
		return err
	}
	if opts.explain != "" && opts.format != "text" && opts.format != "json" {
		return usagef("--explain writes text or json")
	}
	if err := opts.onePage(col); err != nil {
		return err
	}
	type part struct {
		name     string
		doc      render.CommitmentsJSON
		explains render.ExplanationsJSON
		text     []byte
	}
	var table render.Table[render.CommitmentRow]
	if opts.tabular() {
		if table, err = openTable[render.CommitmentRow](opts.globalOptions); err != nil {
			return err
		}
	}
	var doc render.CommitmentsJSON
	var explains render.ExplanationsJSON
	secs := opts.sections(opts.io.Out, col)
	err = eachSeries(opts.globalOptions, col, func(c *corpus.Corpus) (part, error) {
		themes := align.Classify(c, nil, nil)
		pt := part{name: c.Series}
		var b bytes.Buffer
		if opts.explain != "" {
			vs := change.ExplainCommitments(themes, opts.explain)
			pt.explains = render.ExplanationsJSONOf(vs)
			if opts.format == "text" {
				if err := render.Explanations(&b, vs, opts.style()); err != nil {
					return pt, err
				}
			}
			pt.text = b.Bytes()
			return pt, nil
		}
		cs := change.FindCommitments(themes, change.CommitmentOptions{Term: opts.term})
		if opts.status != "" {
			cs = slices.DeleteFunc(cs, func(cm change.Commitment) bool { return cm.Status != opts.status })
		}
		pt.doc = render.CommitmentsJSONOf(cs)
		var err error
		pt.text, err = opts.view(func(w io.Writer) error { return render.Commitments(w, cs, opts.style()) },
			func(w io.Writer) error { return render.CommitmentsHTML(w, themes, cs, render.HTMLOptions{}) })
		return pt, err
	}, func(pt part) error {
		switch {
		case table != nil:
			return table.Write(render.CommitmentRows(pt.doc))
		case opts.format == "json" && opts.explain != "":
			explains.Clauses = append(explains.Clauses, pt.explains.Clauses...)
			return nil
		case opts.format == "json":
			doc.Commitments = append(doc.Commitments, pt.doc.Commitments...)
			return nil
		}
		if len(pt.text) == 0 && col.Many() {
			return nil
		}
		return secs.write(pt.name, pt.text)
	})
	if err != nil {
		return err
	}
	switch {
	case table != nil:
		return table.Close()
	case opts.format == "json" && opts.explain != "":
		if explains.Clauses == nil {
			explains.Clauses = []render.ExplanationJSON{}
		}
		return render.JSON(opts.io.Out, explains)
	case opts.format == "json":
		if doc.Commitments == nil {
			doc.Commitments = []render.CommitmentJSON{}
		}
		return render.JSON(opts.io.Out, doc)
	}
	return nil
}

type targetsOptions struct {
	*globalOptions
	tolerance float64
	all       bool
	indicator string // --indicator: one indicator across governments
	year      int    // --year Y: the year of --indicator
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
	cmd.Flags().StringVar(&opts.indicator, "indicator", "", "one indicator across governments: a row per government and year with target, outcome and verdict")
	cmd.Flags().Var(&yearFlag{g: g, year: &opts.year}, "year", "YEAR: with --indicator, that year only; ID=YEAR: state a report's year, as everywhere")
	return cmd
}

func runTargets(opts *targetsOptions) error {
	if opts.year != 0 && opts.indicator == "" {
		return usagef("--year %d: give the indicator to compare across governments with --indicator NAME", opts.year)
	}
	col, err := opts.collection()
	if err != nil {
		return err
	}
	topts := change.TargetOptions{Tolerance: opts.tolerance}
	if opts.indicator != "" {
		if opts.html() {
			return usagef("--indicator writes text, json, csv or parquet")
		}
		return indicatorAcross(opts, col, topts)
	}
	if err := opts.onePage(col); err != nil {
		return err
	}
	type part struct {
		name string
		doc  render.TargetsJSON
		text []byte
	}
	var table render.Table[render.TargetRow]
	if opts.tabular() {
		if table, err = openTable[render.TargetRow](opts.globalOptions); err != nil {
			return err
		}
	}
	var doc render.TargetsJSON
	secs := opts.sections(opts.io.Out, col)
	err = eachSeries(opts.globalOptions, col, func(c *corpus.Corpus) (part, error) {
		themes := align.Classify(c, nil, nil)
		ins := change.ReadTargets(themes, topts)
		pt := part{name: c.Series, doc: render.TargetsJSONOf(ins)}
		if !opts.all {
			ins = slices.DeleteFunc(ins, func(in change.Indicator) bool { return !in.Headline })
		}
		var err error
		pt.text, err = opts.view(func(w io.Writer) error { return render.Targets(w, ins, opts.style()) },
			func(w io.Writer) error { return render.TargetsHTML(w, themes, ins, render.HTMLOptions{}) })
		return pt, err
	}, func(pt part) error {
		switch {
		case table != nil:
			return table.Write(render.TargetRows(pt.doc))
		case opts.format == "json":
			doc.Indicators = append(doc.Indicators, pt.doc.Indicators...)
			return nil
		}
		return secs.write(pt.name, pt.text)
	})
	if err != nil {
		return err
	}
	switch {
	case table != nil:
		return table.Close()
	case opts.format == "json":
		if doc.Indicators == nil {
			doc.Indicators = []render.IndicatorJSON{}
		}
		return render.JSON(opts.io.Out, doc)
	}
	return nil
}

// indicatorAcross writes one indicator of every government (targets
// --indicator NAME [--year Y]): a row per government and year with the
// target, the outcome and the verdict. The indicator is matched in each
// government's reports by the rules that match it across years.
func indicatorAcross(opts *targetsOptions, col *corpus.Collection, topts change.TargetOptions) error {
	name, ok := change.IndicatorName(opts.indicator)
	if !ok {
		return usagef("--indicator %q names no indicator: give one as the reports write it, e.g. 地区生产总值增长", opts.indicator)
	}
	var seen yearsSeen
	rows, written, err := tabulate(opts.globalOptions, col, func(c *corpus.Corpus) ([]render.VerdictRow, error) {
		seen.add(c)
		themes := align.Classify(c, nil, nil)
		if opts.year != 0 {
			// The year's plan sets the target, the next year's review reports the outcome.
			var rs []*corpus.Report
			for _, r := range c.Reports {
				if r.Year == opts.year || r.Year == opts.year+1 {
					rs = append(rs, r)
				}
			}
			if len(rs) == 0 {
				return nil, nil
			}
			themes = align.Classify(&corpus.Corpus{Series: c.Series, Sources: c.Sources, Reports: rs}, nil, nil)
		}
		ins := change.ReadTargets(themes, topts)
		return render.VerdictRows(ins, name, opts.year), nil
	})
	if err == nil && opts.year != 0 {
		err = seen.check(opts.year)
	}
	switch {
	case err != nil || written:
		return err
	case opts.format == "json":
		return render.JSON(opts.io.Out, map[string]any{"indicator": name, "year": opts.year, "verdicts": rows})
	}
	return render.VerdictsAcross(opts.io.Out, name, rows, opts.style())
}
