package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/diffview"
	"github.com/reportdiff/reportdiff/internal/script"
	"github.com/reportdiff/reportdiff/render"
)

type diffOptions struct {
	*globalOptions
	from, to     string
	theme        string
	unit         string
	grep         string
	sideBySide   bool
	stat         bool
	noPager      bool
	minScore     float64
	ignoreYears  bool
	ignorePunctW bool
	ignoreScript bool
	keepScript   bool
	script       string
	all          bool
}

func newDiffCmd(g *globalOptions, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "diff A B",
		Short: "Show, topic by topic, how the wording changed from report A to report B",
		Long: `diff compares two reports (named by year or id) topic by topic: every pair of
paragraphs that align links between them, with deletions and insertions on word
boundaries ("增長[-7%-]{+6%+}左右"), sentences that moved to another paragraph,
figures whose value changed, and every paragraph without a partner shown whole
as removed or added. Pairs are grouped by theme, in B's order.

Like diff(1), it exits 0 when nothing differs, 1 when something does, 2 on
trouble. On a terminal, output longer than the screen goes through $PAGER
(default: less -R).`,
		Args: argsUsage(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.from, opts.to = args[0], args[1]
			if w := opts.style().Width; opts.sideBySide && w < 40 {
				return usagef("--width %d: side by side needs at least 40 columns", w)
			}
			if opts.ignoreScript && opts.keepScript {
				return usagef("--ignore-script and --no-ignore-script do not go together")
			}
			if opts.script != "" {
				if _, err := script.ParseTarget(opts.script); err != nil {
					return usagef("--script %q: want simplified or traditional", opts.script)
				}
			}
			if opts.minScore < 0 || opts.minScore > 1 || math.IsNaN(opts.minScore) {
				return usagef("--min-score %v: want a number from 0 to 1", opts.minScore)
			}
			if opts.stat && opts.sideBySide {
				return usagef("--stat and --side-by-side do not go together")
			}
			if runF != nil {
				return runF(opts)
			}
			return runDiff(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.theme, "theme", "", "show one theme only")
	f.StringVar(&opts.unit, "unit", "", "show the pair that holds this unit id only")
	f.StringVar(&opts.grep, "grep", "", "show the pairs whose text holds this phrase (either script)")
	f.BoolVarP(&opts.sideBySide, "side-by-side", "y", false, "show the two texts in two columns")
	f.BoolVar(&opts.stat, "stat", false, "show per theme and per pair the similarity and the characters changed")
	f.BoolVar(&opts.noPager, "no-pager", false, "never page the output")
	f.BoolVar(&opts.all, "all", false, "show the pairs that did not change too")
	f.Float64Var(&opts.minScore, "min-score", align.DefaultMinScore, "the least similarity for two paragraphs to be paired")
	f.BoolVar(&opts.ignoreYears, "ignore-years", false, "take every year for the same word: 20xx年, 2035年, ２０３６年, 二〇三六年")
	f.BoolVar(&opts.ignorePunctW, "ignore-punct-width", false, "take full- and half-width punctuation (， and ,) for the same")
	f.BoolVar(&opts.ignoreScript, "ignore-script", false, "take a word in Traditional and in Simplified characters for the same (the default when the two reports are in different scripts)")
	f.BoolVar(&opts.keepScript, "no-ignore-script", false, "show differences of script as edits, even between reports in different scripts")
	f.StringVar(&opts.script, "script", "", "show the text in this script: simplified or traditional (Taiwan forms, which Big5 encodes)")
	return cmd
}

func runDiff(opts *diffOptions) error {
	col, err := opts.collection()
	if err != nil {
		return err
	}
	if !col.Many() {
		c, err := opts.loadSeries(col, col.Series[0])
		if err != nil {
			return err
		}
		opts.warn(c.Warnings)
		return opts.diffIn(c, c)
	}
	sa, _ := col.Locate(opts.from)
	sb, _ := col.Locate(opts.to)
	if sa != nil || sb != nil {
		// Reports named with their governments: those one or two series.
		if (sa == nil || sb == nil) && !col.Several() {
			sa, sb = col.Series[0], col.Series[0] // --gov leaves one government: the other name is of it too
		}
		if sa == nil || sb == nil {
			bare, named := opts.from, sb
			if sa != nil {
				bare, named = opts.to, sa
			}
			// The example names the government the other report was named with.
			return usagef("diff %s %s: name both reports with their government (e.g. %s/%s), or neither to compare within every government", opts.from, opts.to, named.Name, bare)
		}
		load := func(s *corpus.Series) (*corpus.Corpus, error) {
			c, err := opts.loadSeries(col, s)
			if err == nil {
				opts.warn(c.Warnings)
			}
			return c, err
		}
		ca, err := load(sa)
		if err != nil {
			return err
		}
		cb := ca
		if sb != sa {
			if cb, err = load(sb); err != nil {
				return err
			}
		}
		return opts.diffIn(ca, cb)
	}
	// The same two reports of every government that has both.
	if err := opts.onePage(col); err != nil {
		return err
	}
	var all bytes.Buffer
	secs, changed, found := opts.sections(&all, col), false, false
	type part struct {
		name    string
		out     []byte
		changed bool
		found   bool
		miss    pairMiss
	}
	var miss pairMiss
	// JSON and CSV of several governments are one document, one table: the
	// comparisons in a list, the rows under one header (their report ids
	// name their governments).
	var docs []json.RawMessage
	csvHeader := false
	err = eachSeries(opts.globalOptions, col, func(c *corpus.Corpus) (part, error) {
		a, errA := c.Find(opts.from)
		b, errB := c.Find(opts.to)
		if errA != nil || errB != nil {
			return part{miss: pairMiss{c.Series, errA, errB}}, nil
		}
		out, ch, err := opts.compare(c, c, a, b)
		return part{name: c.Series, out: out, changed: ch, found: true}, err
	}, func(pt part) error {
		if !pt.found {
			miss = miss.or(pt.miss)
			return nil
		}
		found = true
		changed = changed || pt.changed
		switch {
		case opts.json():
			docs = append(docs, json.RawMessage(pt.out))
			return nil
		case opts.format == "csv":
			out := pt.out
			if csvHeader {
				_, out, _ = bytes.Cut(out, []byte("\n"))
			}
			csvHeader = true
			_, err := all.Write(out)
			return err
		}
		if len(pt.out) == 0 {
			return nil // a government whose two reports show nothing: no heading either
		}
		return secs.write(pt.name, pt.out)
	})
	if err != nil {
		return err
	}
	if !found {
		return miss.err(len(col.Series), fmt.Sprintf("no government of the corpus has both %s and %s: name them as GOVERNMENT/YEAR", opts.from, opts.to))
	}
	if opts.json() {
		if docs == nil {
			docs = []json.RawMessage{}
		}
		if err := render.JSON(&all, struct {
			Comparisons []json.RawMessage `json:"comparisons"`
		}{docs}); err != nil {
			return err
		}
	}
	if err := opts.page(all.Bytes()); err != nil {
		return err
	}
	if changed {
		return errFound
	}
	return nil
}

// diffIn compares report A of corpus ca with report B of corpus cb (the
// same corpus, or two governments' series), pages the view and says
// whether they differ.
func (opts *diffOptions) diffIn(ca, cb *corpus.Corpus) error {
	a, err := ca.Find(opts.from)
	if err != nil {
		return usageError{err}
	}
	b, err := cb.Find(opts.to)
	if err != nil {
		return usageError{err}
	}
	out, changed, err := opts.compare(ca, cb, a, b)
	if err != nil {
		return err
	}
	if opts.html() {
		_, err = opts.io.Out.Write(out) // a page for a browser, not for the pager
	} else {
		err = opts.page(out)
	}
	if err != nil {
		return err
	}
	if changed {
		return errFound
	}
	return nil
}

// compare writes the view of how report b reworded report a.
func (opts *diffOptions) compare(ca, cb *corpus.Corpus, a, b *corpus.Report) ([]byte, bool, error) {
	c := ca
	if ca != cb {
		// Two governments' reports, weighed as a pair of their own.
		c = &corpus.Corpus{Sources: append(slices.Clip(ca.Sources), cb.Sources...), Reports: []*corpus.Report{a, b}}
	}
	if lx := align.DefaultLexicon(); opts.theme != "" && !lx.Has(opts.theme) {
		return nil, false, usagef("--theme %q: no such theme; the themes are %v", opts.theme, lx.IDs())
	}
	if opts.unit != "" && ca.Unit(opts.unit) == nil && cb.Unit(opts.unit) == nil {
		return nil, false, usagef("--unit %q: no such unit; see the ids with: reportdiff outline", opts.unit)
	}
	// Reports in different scripts are compared on their words, not their
	// characters, unless the reader asks otherwise.
	ignoreScript := opts.ignoreScript || !opts.keepScript && a.Script != "" && b.Script != "" && a.Script != b.Script
	// The texts are read while the paragraphs are paired.
	texts := diffview.Prepare(a, b, diffview.Options{IgnoreYears: opts.ignoreYears, IgnorePunctWidth: opts.ignorePunctW, IgnoreScript: ignoreScript})
	themes := align.Classify(c, nil, []*corpus.Report{a, b})
	cmp := texts.Compare(themes, align.Pair(themes, a, b, align.Options{MinScore: opts.minScore}))
	unit := opts.unit
	if u := ca.Unit(unit); u != nil {
		unit = u.ID
	} else if u := cb.Unit(unit); u != nil {
		unit = u.ID
	}
	cmp = cmp.Filter(diffview.Filter{Theme: opts.theme, Unit: unit, Phrase: opts.grep, All: opts.all})
	var out bytes.Buffer
	st := opts.style()
	if opts.script != "" {
		conv, _ := script.ParseTarget(opts.script)
		st.Show = func(s string) string {
			if t, err := script.Convert(s, conv); err == nil {
				return t
			}
			return s
		}
	}
	var err error
	switch {
	case len(cmp.Pairs) == 0 && !opts.json() && opts.format != "csv" && !opts.html():
		// Nothing to show: no text view at all, not even its header, as
		// diff(1) says nothing of two files that are the same.
	case opts.json():
		err = render.JSON(&out, render.ComparisonJSONOf(cmp))
	case opts.format == "csv":
		err = render.DiffCSV(&out, cmp)
	case opts.html():
		err = render.DiffHTML(&out, themes, cmp, render.HTMLOptions{})
	case opts.stat:
		err = render.DiffStat(&out, cmp, st, themes.Label)
	case opts.sideBySide:
		err = render.DiffSideBySide(&out, cmp, st, themes.Label)
	default:
		err = render.DiffInline(&out, cmp, st, themes.Label)
	}
	return out.Bytes(), cmp.Changed(), err
}

// page writes out, through the pager when stdout is a terminal and out is
// longer than the screen.
func (opts *diffOptions) page(out []byte) error {
	io := opts.io
	if !opts.noPager && io.IsStdoutTTY() && io.Height() > 0 && bytes.Count(out, []byte("\n")) >= io.Height() {
		io.StartPager()
		defer io.StopPager()
	}
	_, err := io.Out.Write(out)
	return err
}
