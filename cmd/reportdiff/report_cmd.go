package main

import (
	"bytes"
	"os"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/change"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/diffview"
	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/script"
	"github.com/reportdiff/reportdiff/internal/work"
	"github.com/reportdiff/reportdiff/render"
)

type reportOptions struct {
	*globalOptions
	output   string
	from, to string
	themes   []string
	date     string
	title    string
}

func newReportCmd(g *globalOptions, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the whole corpus as one self-contained HTML page",
		Long: `report writes one HTML page that holds everything reportdiff reads in the corpus:
the reports with the evidence for their years, the topics through the years,
the priorities as charts, the wording diffs of every two consecutive reports
side by side, the commitments, the targets against the outcomes, and the full
text of every paragraph, which every quote links to.

The page is one file that works offline (no request leaves it), reads in full
with JavaScript off, prints, and is the same byte for byte on every run: it
carries a date only when --date gives one. It goes to stdout, or to -o FILE.

--from A --to B narrow the page to the reports from A to B (with the diff of
A and B themselves when they are not consecutive); --theme narrows the themes
(repeatable, or comma-separated); the targets are shown whatever the theme.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if (opts.from == "") != (opts.to == "") {
				return usagef("--from and --to go together")
			}
			if opts.date != "" {
				if _, err := time.Parse(time.DateOnly, opts.date); err != nil {
					return usagef("--date %q: want a date as YYYY-MM-DD", opts.date)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return runReport(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", "write the page to this file instead of stdout")
	f.StringVar(&opts.from, "from", "", "the first report of the page (year or id)")
	f.StringVar(&opts.to, "to", "", "the last report of the page (year or id)")
	f.StringSliceVar(&opts.themes, "theme", nil, "show these themes only (repeatable, or comma-separated)")
	f.StringVar(&opts.date, "date", "", "the date to show on the page, as YYYY-MM-DD (default: none, so the page is the same on every run)")
	f.StringVar(&opts.title, "title", "", "the page's title (default: the government and the years)")
	return cmd
}

func runReport(opts *reportOptions) error {
	diffview.Warm()
	c, err := opts.load()
	if err != nil {
		return err
	}
	if err := checkThemes(align.DefaultLexicon(), opts.themes); err != nil {
		return err
	}
	var direct [2]*corpus.Report
	if opts.from != "" {
		a, err := c.Find(opts.from)
		if err != nil {
			return usageError{err}
		}
		b, err := c.Find(opts.to)
		if err != nil {
			return usageError{err}
		}
		ia, ib := c.Index(a), c.Index(b)
		if ia > ib {
			return usagef("--from %s comes after --to %s: give the earlier report first", opts.from, opts.to)
		}
		if ib-ia > 1 {
			direct = [2]*corpus.Report{a, b}
		}
		// The page is about these years alone: every analysis reads only
		// them (a promise is followed to the last of them).
		narrow := *c
		narrow.Reports = c.Reports[ia : ib+1]
		c = &narrow
	}
	themes := align.Classify(c, nil, nil)
	reports := c.Reports
	d := buildReport(themes, reports, direct)
	d.ThemeFilter = opts.themes
	var out bytes.Buffer
	if err := render.WriteHTML(&out, d, render.HTMLOptions{Title: opts.title, Date: opts.date}); err != nil {
		return err
	}
	if opts.output == "" {
		_, err := opts.io.Out.Write(out.Bytes())
		return err
	}
	if err := os.WriteFile(opts.output, out.Bytes(), 0o644); err != nil {
		return &corpus.InputError{Path: opts.output, Msg: "cannot write the page: " + err.Error()}
	}
	return nil
}

// buildReport runs every analysis for the whole page: the alignment of the
// corpus, the priorities, commitments and targets, and the wording diffs of
// the consecutive reports among reports (their links are the alignment's
// own), with the diff of direct[0] and direct[1] when they are given.
func buildReport(themes *align.Themes, reports []*corpus.Report, direct [2]*corpus.Report) render.HTMLData {
	d := render.HTMLData{Corpus: themes.Corpus, Reports: reports, Overview: true, Themes: themes, Texts: true}
	// The analyses read the themes and nothing else: the alignment and the
	// diffs on one side, the priorities, commitments and targets on the
	// other, at the same time.
	work.Each(2, func(i int) {
		if i == 1 {
			d.Priorities = change.MeasurePriorities(themes, change.DefaultPriorityOptions())
			d.Commitments = append([]change.Commitment{}, change.FindCommitments(themes, change.CommitmentOptions{})...)
			// The headline indicators, as targets shows them without --all.
			d.Indicators = slices.DeleteFunc(change.ReadTargets(themes, change.DefaultTargetOptions()),
				func(in change.Indicator) bool { return !in.Headline })
			if d.Indicators == nil {
				d.Indicators = []change.Indicator{}
			}
			if len(reports) > 0 && reports[0].Script == hanzi.Traditional {
				script.To("", script.Traditional) // the page writes the indicators' names so: load the dictionaries now
			}
			return
		}
		d.Align = align.Align(themes, align.DefaultOptions())
		for i := 0; i+1 < len(reports); i++ {
			a, b := reports[i], reports[i+1]
			var links []align.Link
			for _, l := range d.Align.Links {
				if l.Kind == align.Continuity && l.From.Report == a && l.To.Report == b {
					links = append(links, l)
				}
			}
			d.Comparisons = append(d.Comparisons, diffview.Compare(themes, a, b, links, diffview.Options{}).Filter(diffview.Filter{}))
		}
		if a, b := direct[0], direct[1]; a != nil {
			links := align.Pair(themes, a, b, align.DefaultOptions())
			d.Comparisons = append(d.Comparisons, diffview.Compare(themes, a, b, links, diffview.Options{}).Filter(diffview.Filter{}))
		}
	})
	return d
}

// checkThemes refuses a theme the lexicon does not have.
func checkThemes(lx *align.Lexicon, themes []string) error {
	for _, t := range themes {
		if !lx.Has(t) {
			return usagef("--theme %q: no such theme; the themes are %v", t, lx.IDs())
		}
	}
	return nil
}
