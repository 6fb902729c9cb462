package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/work"
	"github.com/reportdiff/reportdiff/render"
)

// A corpus of many series (one government's reports each) is read and
// analysed a series at a time: read a series, analyse it, hand its rows
// on, let it go. Series run side by side (--jobs); their output comes in
// the order of their names, whatever order they finish in.

// collection opens the corpus the flags name, with the series --gov
// selects.
func (g *globalOptions) collection() (*corpus.Collection, error) {
	opts, err := g.options()
	if err != nil {
		return nil, err
	}
	col, err := corpus.Open(g.corpusPath, opts)
	if err != nil {
		return nil, err
	}
	if err := col.Select(g.govs); err != nil {
		return nil, err
	}
	if len(col.Series) == 0 {
		return nil, &corpus.InputError{Path: g.corpusPath, Msg: "no report files in the directory or its folders", Hint: "put one text file per report in it, a folder per government"}
	}
	return col, nil
}

// loadSeries reads one series of the collection; a corpus read whole whose
// government was not known before reading it must match --gov.
func (g *globalOptions) loadSeries(col *corpus.Collection, s *corpus.Series) (*corpus.Corpus, error) {
	c, err := col.Load(s)
	if err != nil {
		return nil, err
	}
	if gcTuned && textBytes(c) > heavyCorpus {
		// What a series of megabytes keeps live is tens of MB: at main's
		// setting the heap would grow to five times that between
		// collections; at this one to three times, for no measurable time.
		debug.SetGCPercent(heavyGC)
	}
	if s.Name == "" && len(g.govs) > 0 && !corpus.Matches(c.Series, g.govs) {
		name := c.Series
		if name == "" {
			name = "unknown"
		}
		return nil, &corpus.InputError{Path: "--gov", Msg: fmt.Sprintf("no government of the corpus matches %q: its reports are of %s", g.govs, name)}
	}
	return c, nil
}

// The collector's settings (percent of the live heap allocated between
// collections): light for a small corpus, heavy for a corpus of more than
// heavyCorpus bytes of text.
const (
	lightGC     = 400
	heavyGC     = 200
	heavyCorpus = 1 << 20
)

// gcTuned is set by main when it sets the collector's percent (GOGC is not
// set): only then does loadSeries change it.
var gcTuned bool

// textBytes returns the size of the texts of a corpus.
func textBytes(c *corpus.Corpus) int {
	n := 0
	for _, src := range c.Sources {
		n += len(src.Text)
	}
	return n
}

// eachSeries reads and analyses the series of a collection side by side
// (--jobs at a time) and hands each result to emit, in the order of the
// series, showing the warnings of each series' reading as it goes (unless
// the command shows them itself) and, on a terminal, a progress bar when
// the work takes more than a second. analyse should return plain data, not
// the corpus, so that each series can be let go once emitted.
func eachSeries[T any](g *globalOptions, col *corpus.Collection, analyse func(c *corpus.Corpus) (T, error), emit func(v T) error) error {
	type done struct {
		v     T
		warns []corpus.Warning
		skip  bool
	}
	bar := g.startProgress(len(col.Series), "reading and analysing")
	defer bar.finish()
	if !g.quietWarnings {
		g.addWarnings(col.Warnings, bar)
	}
	err := work.Ordered(len(col.Series), g.jobs, g.jobs+1, func(i int) (done, error) {
		c, err := g.loadSeries(col, col.Series[i])
		if err != nil {
			var ie *corpus.InputError
			if col.Many() && !g.strict && errors.As(err, &ie) && errors.Is(err, corpus.ErrNoReports) {
				// A government none of whose files could be read: said, and the others go on.
				return done{warns: append(ie.Warnings, corpus.Warning{Source: ie.Path, Message: ie.Msg}), skip: true}, nil
			}
			return done{}, err
		}
		v, err := analyse(c)
		return done{v: v, warns: c.Warnings}, err
	}, func(i int, d done) error {
		if !g.quietWarnings || d.skip {
			g.addWarnings(d.warns, bar)
		}
		bar.add()
		if d.skip {
			return nil
		}
		return emit(d.v)
	})
	g.flushWarnings(bar)
	return err
}

// progress is a progress bar on stderr, drawn only when stderr is a
// terminal and the work has run for a while (IOStreams.progressAfter); in
// a pipe, a file or a CI log it draws nothing. Its methods do nothing on a
// nil progress.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	desc  string
	total int
	n     int
	bar   *progressbar.ProgressBar
	timer *time.Timer
}

// startProgress returns the progress of total pieces of work, nil when
// stderr is no terminal or there is one piece of work or none.
func (g *globalOptions) startProgress(total int, desc string) *progress {
	if !g.io.IsStderrTTY() || total < 2 {
		return nil
	}
	p := &progress{w: g.io.ErrOut, desc: desc, total: total}
	if g.io.progressAfter <= 0 {
		p.show() // at once, not when a timer's goroutine gets to it
		return p
	}
	p.timer = time.AfterFunc(g.io.progressAfter, p.show)
	return p
}

func (p *progress) show() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil || p.n >= p.total {
		return
	}
	p.bar = progressbar.NewOptions(p.total,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription(p.desc),
		progressbar.OptionShowCount(),
		progressbar.OptionSetItsString("governments"),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetPredictTime(true),
	)
	p.bar.Set(p.n)
}

func (p *progress) add() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if p.bar != nil {
		p.bar.Add(1)
	}
}

// clear takes the bar off the screen while something else is written to
// stderr; redraw puts it back.
func (p *progress) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	if p.bar != nil {
		p.bar.Clear()
	}
}

func (p *progress) redraw() {
	if p == nil {
		return
	}
	if p.bar != nil {
		p.bar.RenderBlank()
	}
	p.mu.Unlock()
}

func (p *progress) finish() {
	if p == nil {
		return
	}
	if p.timer != nil {
		p.timer.Stop()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
	p.bar = nil
	p.n = p.total
}

// tabular reports whether the format is a table written row by row: CSV or
// Parquet.
func (g *globalOptions) tabular() bool { return g.format == "csv" || g.format == "parquet" }

// openTable starts the table of the command's rows in --format csv or
// parquet.
func openTable[R any](g *globalOptions) (render.Table[R], error) {
	return render.NewTable[R](g.io.Out, g.format)
}

// tabulate runs analyse on every series and hands its rows on: straight to
// the table in --format csv or parquet (written then is true), else into
// the rows returned, for a view of all of them.
func tabulate[R any](g *globalOptions, col *corpus.Collection, analyse func(*corpus.Corpus) ([]R, error)) (rows []R, written bool, err error) {
	var table render.Table[R]
	if g.tabular() {
		if table, err = openTable[R](g); err != nil {
			return nil, false, err
		}
	}
	err = eachSeries(g, col, analyse, func(rs []R) error {
		if table != nil {
			return table.Write(rs)
		}
		rows = append(rows, rs...)
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	if table != nil {
		return nil, true, table.Close()
	}
	if rows == nil {
		rows = []R{}
	}
	return rows, false, nil
}

// view renders one series' text or HTML view, as --format asks; nothing
// for the other formats.
func (g *globalOptions) view(text, html func(io.Writer) error) ([]byte, error) {
	var b bytes.Buffer
	var err error
	switch g.format {
	case "text":
		err = text(&b)
	case "html":
		err = html(&b)
	}
	return b.Bytes(), err
}

// sections writes the text views of governments one after another, each
// under its heading (══ 甲省 ══) when the corpus holds several.
type sections struct {
	g   *globalOptions
	col *corpus.Collection
	w   io.Writer
	n   int
}

func (g *globalOptions) sections(w io.Writer, col *corpus.Collection) *sections {
	return &sections{g: g, col: col, w: w}
}

func (s *sections) write(name string, text []byte) error {
	if s.col.Many() {
		if s.n > 0 {
			fmt.Fprintln(s.w)
		}
		fmt.Fprintln(s.w, render.SeriesHeading(name, s.g.style()))
	}
	s.n++
	_, err := s.w.Write(text)
	return err
}

// yearFlag is the --year of the commands that compare governments in one
// year (priorities, targets): a bare year (2023) is that year; ID=YEAR
// states a report's year, as the global --year does, which it stands in
// for on these commands.
type yearFlag struct {
	g    *globalOptions
	year *int
}

func (f *yearFlag) Set(s string) error {
	if strings.Contains(s, "=") {
		f.g.years = append(f.g.years, s)
		return nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1900 || n > 2200 {
		return fmt.Errorf("want a year from 1900 to 2200 (or ID=YEAR to state a report's year)")
	}
	if *f.year != 0 && *f.year != n {
		return fmt.Errorf("given twice (%d, then %d): give one year", *f.year, n)
	}
	*f.year = n
	return nil
}

func (f *yearFlag) String() string {
	if *f.year == 0 {
		return ""
	}
	return strconv.Itoa(*f.year)
}

func (f *yearFlag) Type() string { return "year" }

// onePage refuses --format html on a corpus of several governments: a page
// shows one government (pick it with --gov); reportdiff report compares
// governments.
func (g *globalOptions) onePage(col *corpus.Collection) error {
	if g.html() && col.Several() {
		return usagef("--format html shows one government: pick one with --gov (the corpus holds %d)", len(col.Series))
	}
	return nil
}

// findReport reads the series a report name points to and finds the
// report: a name with its government (甲省/2023) in a corpus of several,
// a bare year or id where the corpus (or --gov) leaves one series.
func (g *globalOptions) findReport(name string) (*corpus.Corpus, *corpus.Report, error) {
	col, err := g.collection()
	if err != nil {
		return nil, nil, err
	}
	s := col.Series[0]
	if col.Several() {
		if s, _ = col.Locate(name); s == nil {
			return nil, nil, usagef("%q: name the report with its government, e.g. %s (the corpus holds %d governments), or pick one with --gov",
				name, g.exampleName(col, name), len(col.Series))
		}
	}
	c, err := g.loadSeries(col, s)
	if err != nil {
		return nil, nil, err
	}
	if !g.quietWarnings {
		g.warn(c.Warnings)
	}
	r, err := c.Find(name)
	if err != nil {
		return nil, nil, usageError{err}
	}
	return c, r, nil
}

// yearsSeen gathers, series by series (side by side), the years the
// reports are dated, so that a --year no report has is refused with the
// years there are.
type yearsSeen struct {
	mu    sync.Mutex
	years map[int]bool
}

// add notes the years of the reports of c.
func (y *yearsSeen) add(c *corpus.Corpus) {
	y.mu.Lock()
	defer y.mu.Unlock()
	if y.years == nil {
		y.years = map[int]bool{}
	}
	for _, r := range c.Reports {
		if r.Year > 0 {
			y.years[r.Year] = true
		}
	}
}

// check refuses a --year no report of the corpus is dated.
func (y *yearsSeen) check(year int) error {
	if y.years[year] {
		return nil
	}
	if len(y.years) == 0 {
		return usagef("--year %d: no report of the corpus is dated (state years with --year ID=YEAR)", year)
	}
	return usagef("--year %d: no report of the corpus is dated %d; its reports are dated %s", year, year, yearRanges(y.years))
}

// yearRanges writes years as runs: 2023–2031, 2033, 2035–2036.
func yearRanges(years map[int]bool) string {
	ys := make([]int, 0, len(years))
	for y := range years {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, strconv.Itoa(ys[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d–%d", ys[i], ys[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// pairMiss is why a government's series lacks one or both reports of a
// pair a command compares in every government (diff 2020 2021).
type pairMiss struct {
	series   string
	from, to error // the errors of finding each report; nil for one found
}

// or returns the more telling of two misses: one that found a report of
// the pair (it lacks, or cannot tell apart, only the other) over one that
// found neither; the first on ties.
func (m pairMiss) or(o pairMiss) pairMiss {
	half := func(p pairMiss) bool { return (p.from == nil) != (p.to == nil) }
	if m.from == nil && m.to == nil || !half(m) && half(o) {
		return o
	}
	return m
}

// err says why no government had both reports: with one government read
// (--gov), why it had not, as show would say it; with several, the
// message msg, and why the government closest to having both had not.
func (m pairMiss) err(series int, msg string) error {
	why := m.from
	if why == nil {
		why = m.to
	}
	switch {
	case why == nil:
		return usagef("%s", msg)
	case series == 1:
		return usageError{why}
	case m.series != "":
		return usagef("%s (%s: %v)", msg, m.series, why)
	}
	return usagef("%s (%v)", msg, why)
}

// exampleName returns a report name to give as an example of a name with
// its government: the first government that has a report called name
// (甲省/2023), else the first report of the first government with one read.
// It reads the series one by one until one fits, so it is for messages.
func (g *globalOptions) exampleName(col *corpus.Collection, name string) string {
	first := ""
	for _, s := range col.Series {
		c, err := col.Load(s)
		if err != nil || len(c.Reports) == 0 {
			continue
		}
		if _, err := c.Find(name); err == nil && s.Name != "" {
			return s.Name + "/" + name
		}
		if first == "" {
			first = c.Reports[0].ID
		}
	}
	if first == "" {
		return "GOVERNMENT/" + name
	}
	return first
}
