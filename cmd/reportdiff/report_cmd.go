package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
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
	output    string
	from, to  string
	themes    []string
	date      string
	title     string
	year      int    // --year Y: the year of the views across governments
	indicator string // --indicator NAME: that indicator alone
	maxSize   string // --max-size: the size a page of several governments keeps under (0: no limit)
	budget    int64  // … in bytes
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
(repeatable, or comma-separated); the targets are shown whatever the theme;
--indicator NAME shows that indicator alone.

On a corpus of several governments (a folder each, or several --gov), the
page compares them: the governments with their reports and the evidence for
each report's year, the reports of each year, every government's theme shares
(in the year --year gives, and across the years, a small chart per
government), the headline indicators of every government (target, outcome and
verdict), and the commitments several governments make; then each
government's own sections. --from and --to are then years. When the
governments' sections would make the page larger than --max-size (10MB unless
told: 500KB, 25MB, 0 for no limit), each goes to a page of its own in a
folder beside the page (-o FILE.html writes them to FILE_files/), which the
page links to; on stdout they are left out, with a warning.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if (opts.from == "") != (opts.to == "") {
				return usagef("--from and --to go together")
			}
			var err error
			if opts.budget, err = parseSize(opts.maxSize); err != nil {
				return usagef("--max-size %q: %v", opts.maxSize, err)
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
	f.Var(&yearFlag{g: g, year: &opts.year}, "year", "YEAR: the year of the views across governments (default: the year most governments have); ID=YEAR: state a report's year, as everywhere")
	f.StringVar(&opts.indicator, "indicator", "", "show this indicator alone (as the reports name it: 地区生产总值增长, GDP增长)")
	f.StringVar(&opts.maxSize, "max-size", "10MB", "with several governments: the size the page keeps under (KB, MB), the governments' sections going to pages of their own past it (0: no limit)")
	return cmd
}

func runReport(opts *reportOptions) error {
	col, err := opts.collection()
	if err != nil {
		return err
	}
	if err := checkThemes(align.DefaultLexicon(), opts.themes); err != nil {
		return err
	}
	indicator := ""
	if opts.indicator != "" {
		var ok bool
		if indicator, ok = change.IndicatorName(opts.indicator); !ok {
			return usagef("--indicator %q names no indicator: give one as the reports write it, e.g. 地区生产总值增长", opts.indicator)
		}
	}
	if col.Several() {
		return runComparison(opts, col, indicator)
	}
	if opts.year != 0 {
		return usagef("--year %d chooses the year of a comparison of governments, and the corpus holds one: narrow its years with --from and --to", opts.year)
	}
	c, err := opts.loadOne(col)
	if err != nil {
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
	d := buildReport(themes, reports, direct, true)
	d.ThemeFilter = opts.themes
	d.Indicators = onlyIndicator(d.Indicators, indicator)
	var out bytes.Buffer
	if err := render.WriteHTML(&out, d, render.HTMLOptions{Title: opts.title, Date: opts.date}); err != nil {
		return err
	}
	return opts.writePage(out.Bytes())
}

// writePage writes the page to -o FILE, or to stdout.
func (opts *reportOptions) writePage(page []byte) error {
	if opts.output == "" {
		_, err := opts.io.Out.Write(page)
		return err
	}
	return writeFile(opts.output, page)
}

func writeFile(path string, page []byte) error {
	if err := os.WriteFile(path, page, 0o644); err != nil {
		return &corpus.InputError{Path: path, Msg: "cannot write the page: " + err.Error()}
	}
	return nil
}

// onlyIndicator keeps the indicators named name (all of them for "").
func onlyIndicator(ins []change.Indicator, name string) []change.Indicator {
	if name == "" {
		return ins
	}
	return slices.DeleteFunc(ins, func(in change.Indicator) bool { return in.Name != name })
}

// runComparison writes the page that compares the governments of col.
// Each government is analysed and its part of the page made (its sections
// rendered) as it comes, a few side by side (--jobs), so that no more than
// those governments are held at once. The sections of the governments
// stay in the page while they fit --max-size; once they do not, each goes
// to a page of its own in a folder beside -o FILE (FILE_files), or, on
// stdout, is left out; the views across governments are in the page
// whatever its size.
func runComparison(opts *reportOptions, col *corpus.Collection, indicator string) error {
	from, to, err := opts.yearRange()
	if err != nil {
		return err
	}
	budget := opts.budget
	hopts := render.HTMLOptions{Title: opts.title, Date: opts.date}
	const (
		inline = iota // the governments' sections in the page
		pages         // … on pages of their own
		left          // … left out
	)
	mode, held := inline, int64(0)
	var folder string // beside -o FILE: FILE_files
	if opts.output != "" {
		folder = strings.TrimSuffix(opts.output, filepath.Ext(opts.output)) + "_files"
	}
	var parts []*render.GovPart
	var empty []string
	var sectionsOff atomic.Bool // once they are left out, no government needs them
	toPage := func(p *render.GovPart) error {
		var b bytes.Buffer
		if err := p.WritePage(&b, filepath.Base(opts.output), hopts); err != nil {
			return err
		}
		file := p.PageFile()
		p.SetPage(filepath.Base(folder) + "/" + file)
		return writeFile(filepath.Join(folder, file), b.Bytes())
	}
	// overflow moves the sections of the governments so far out of the
	// page, and says where the next ones go.
	overflow := func() error {
		if folder == "" {
			mode = left
			sectionsOff.Store(true)
			for _, p := range parts {
				p.Drop()
			}
			return nil
		}
		mode = pages
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return &corpus.InputError{Path: folder, Msg: "cannot make the folder of the governments' pages: " + err.Error()}
		}
		for _, p := range parts {
			if err := toPage(p); err != nil {
				return err
			}
		}
		return nil
	}
	type part struct {
		name string
		part *render.GovPart // nil: no report in the years
	}
	err = eachSeries(opts.globalOptions, col, func(c *corpus.Corpus) (part, error) {
		reports, direct := yearsOf(c, from, to)
		if len(reports) == 0 {
			return part{name: c.Series}, nil
		}
		narrow := *c
		narrow.Reports = reports
		themes := align.Classify(&narrow, nil, nil)
		sections := !sectionsOff.Load()
		d := buildReport(themes, reports, direct, sections)
		d.ThemeFilter = opts.themes
		d.Indicators = onlyIndicator(d.Indicators, indicator)
		p, err := render.NewGovPart(d, sections)
		return part{name: c.Series, part: p}, err
	}, func(pt part) error {
		p := pt.part
		if p == nil {
			empty = append(empty, pt.name)
			return nil
		}
		parts = append(parts, p)
		switch mode {
		case pages:
			return toPage(p)
		case left:
			p.Drop()
			return nil
		}
		if held += int64(p.Size()); budget > 0 && held > budget {
			return overflow()
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Said once the progress bar, if any, is gone.
	if len(empty) > 0 {
		fmt.Fprintf(opts.io.ErrOut, "reportdiff: warning: no report from %d to %d: %s (left out)\n", from, to, strings.Join(empty, ", "))
	}
	if mode == left {
		warnLeftOut(opts)
	}
	if len(parts) == 0 {
		return usagef("no government of the corpus has a report from %d to %d", from, to)
	}
	cmp := render.Comparison{Parts: parts, Year: opts.year, Indicator: indicator, Themes: opts.themes, MaxSize: budget}
	var out bytes.Buffer
	if err := render.WriteComparison(&out, cmp, hopts); err != nil {
		return err
	}
	if mode == inline && budget > 0 && int64(out.Len()) > budget {
		// The sections fit, but not with the views across governments.
		if err := overflow(); err != nil {
			return err
		}
		out.Reset()
		if err := render.WriteComparison(&out, cmp, hopts); err != nil {
			return err
		}
		if mode == left {
			warnLeftOut(opts)
		}
	}
	return opts.writePage(out.Bytes())
}

// parseSize reads a size: a number of bytes with KB, MB or GB after it
// (powers of 1024; K, M and G will do), or of megabytes alone; 0 is no
// limit.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	unit := int64(1 << 20)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}} {
		if strings.HasSuffix(t, u.suffix) {
			t, unit = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.n
			break
		}
	}
	x, err := strconv.ParseFloat(t, 64)
	if err != nil || x < 0 || math.IsInf(x, 0) || math.IsNaN(x) || x*float64(unit) > 1<<50 {
		return 0, fmt.Errorf("want a size such as 500KB or 10MB (0: no limit)")
	}
	return int64(x * float64(unit)), nil
}

// warnLeftOut says that the governments' sections were left out of the
// page.
func warnLeftOut(opts *reportOptions) {
	fmt.Fprintf(opts.io.ErrOut, "reportdiff: warning: the governments' own sections would make the page larger than --max-size %s: "+
		"it holds the views across governments only; give -o FILE to have a page for each government beside it\n", opts.maxSize)
}

// yearRange reads --from and --to as years, for a comparison of
// governments (0, 9999 when not given).
func (opts *reportOptions) yearRange() (from, to int, err error) {
	if opts.from == "" {
		return 0, 9999, nil
	}
	from, errFrom := strconv.Atoi(opts.from)
	to, errTo := strconv.Atoi(opts.to)
	if errFrom != nil || errTo != nil {
		return 0, 0, usagef("--from %s --to %s: on a corpus of several governments give years, e.g. --from 2019 --to 2023", opts.from, opts.to)
	}
	if from > to {
		return 0, 0, usagef("--from %d comes after --to %d: give the earlier year first", from, to)
	}
	return from, to, nil
}

// yearsOf returns the reports of a government from one year to another
// and, when the government has reports of both years and others between,
// those two, whose diff the page shows as well.
func yearsOf(c *corpus.Corpus, from, to int) (reports []*corpus.Report, direct [2]*corpus.Report) {
	for _, r := range c.Reports {
		if r.Year >= from && r.Year <= to {
			reports = append(reports, r)
		}
	}
	if n := len(reports); n > 2 && reports[0].Year == from && reports[n-1].Year == to {
		direct = [2]*corpus.Report{reports[0], reports[n-1]}
	}
	return reports, direct
}

// buildReport runs every analysis for the whole page: the alignment of the
// corpus, the priorities, commitments and targets, and the wording diffs of
// the consecutive reports among reports (their links are the alignment's
// own), with the diff of direct[0] and direct[1] when they are given.
// Without sections, it runs the analyses the views across governments read
// alone: the priorities, commitments and targets.
func buildReport(themes *align.Themes, reports []*corpus.Report, direct [2]*corpus.Report, sections bool) render.HTMLData {
	d := render.HTMLData{Corpus: themes.Corpus, Reports: reports, Overview: true, Themes: themes, Texts: sections}
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
		if !sections {
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
