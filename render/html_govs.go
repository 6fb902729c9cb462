package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/change"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// A page that compares governments (reportdiff report on a corpus of
// several) holds the views across governments: the governments with their
// reports and the evidence for each report's year, the reports of each
// year, every government's theme shares (in one year, and across the
// years), the headline indicators of every government, and the
// commitments several governments make. Then come the sections of each
// government, those of its own page, their anchors qualified by its name
// (HTMLData.Scope), so that they stay unique and the same whatever other
// governments stand beside them.
//
// A government becomes a GovPart as soon as it is analysed, so that its
// corpus can be let go before the next is read: its sections rendered, and
// the few facts the views across governments read. The caller decides
// where the sections go, by their size: in the comparison page, on a page
// of their own that the comparison links to (GovPart.SetPage,
// GovPart.WritePage), or nowhere (GovPart.Drop).

// GovPart is one government's part of a comparison.
type GovPart struct {
	Name        string // the government ("unknown" when no one knows it)
	lang        string // of its name
	body        []byte // its sections; nil when left out
	page        string // its own page, relative to the comparison's, when it has one
	shell       page   // its page without its sections: the titles, the contents, the years and themes
	reports     []govReport
	shares      []govShare
	indicators  []indicatorView
	commitments []commitmentView // without their mentions
	script      string           // the language of its reports
}

// govReport is what the comparison says of a report.
type govReport struct {
	ID, Name, Title, Lang, YearFrom string
	Year, Chars                     int
	Anchor                          string // its card in the government's overview
	Evidence                        *evidenceView
}

// govShare is a theme's share of a part of the report of a year.
type govShare struct {
	Theme, Part string
	Year        int
	Share       float64
}

// NewGovPart makes the part of the government whose data d is: its
// sections rendered when sections is true (the facts alone otherwise).
func NewGovPart(d HTMLData, sections bool) (*GovPart, error) {
	d.Scope = d.Corpus.Series
	if d.Scope == "" {
		d.Scope = corpus.Unknown
	}
	p := buildPage(&d, HTMLOptions{})
	g := &GovPart{Name: d.Scope, lang: textLang(d.Scope), script: d.pageLang()}
	if sections {
		var b bytes.Buffer
		if err := pageTemplate.ExecuteTemplate(&b, "sections", p); err != nil {
			return nil, err
		}
		g.body = b.Bytes()
	}
	g.shell = page{Title: p.Title, TitleGov: p.TitleGov, TitleRest: p.TitleRest, Lang: p.Lang, TOC: p.TOC, Years: p.Years,
		ThemeNav: p.ThemeNav, Quotes: p.Quotes}
	rows := Rows(d.Corpus)
	for i, r := range d.Corpus.Reports {
		if !d.inRange(r) {
			continue
		}
		gr := govReport{ID: r.ID, Name: r.Name(), Title: r.Title, Lang: d.lang(r), YearFrom: yearSource(rows[i]), Year: r.Year,
			Chars: rows[i].Chars, Anchor: reportAnchor(r.ID)}
		// The first piece of evidence from the text itself (with a line),
		// else the first.
		for i, e := range r.Evidence {
			if e.Line > 0 || i == len(r.Evidence)-1 && gr.Evidence == nil {
				gr.Evidence = &evidenceView{Kind: e.Kind, Text: e.Text, Reason: e.Reason, Line: e.Line, Implies: e.Implies}
				break
			}
		}
		g.reports = append(g.reports, gr)
	}
	if d.Priorities != nil {
		for _, s := range d.Priorities.Shares {
			if s.Report.Year != 0 && d.inRange(s.Report) && d.showTheme(s.Theme) {
				g.shares = append(g.shares, govShare{Theme: s.Theme, Part: string(s.Part), Year: s.Report.Year, Share: s.Share})
			}
		}
	}
	if p.Targets != nil {
		g.indicators = p.Targets.Indicators
	}
	if p.Commitments != nil {
		for _, c := range p.Commitments.Items {
			c.Mentions = nil
			g.commitments = append(g.commitments, c)
		}
	}
	return g, nil
}

// Size is the size of the government's sections, in bytes.
func (g *GovPart) Size() int { return len(g.body) }

// Drop leaves the government's sections out.
func (g *GovPart) Drop() { g.body = nil }

// SetPage says that the government's sections are on a page of their own,
// file (relative to the comparison page), and leaves them out of the
// comparison.
func (g *GovPart) SetPage(file string) {
	g.page, g.body = file, nil
}

// PageFile is the name of the file of the government's own page: its
// name, with the characters a file name may not hold (/ \ : * ? " < > |,
// spaces, controls) written as _XXXX_, as anchors write them.
func (g *GovPart) PageFile() string {
	var b strings.Builder
	for _, r := range g.Name {
		switch {
		case r == '_' || r < 0x20 || r == 0x7f || strings.ContainsRune(`/\:*?"<>| %#`, r):
			fmt.Fprintf(&b, "_%x_", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String() + ".html"
}

// WritePage writes the government's own page: its sections, with a link
// back to its row of the comparison (comparison: the file of the
// comparison page, relative to the government's page's folder, which is
// the next folder down).
func (g *GovPart) WritePage(w io.Writer, comparison string, opts HTMLOptions) error {
	p := g.shell
	p.Date, p.Body = opts.Date, template.HTML(g.body) // markup the templates made
	p.Back = "../" + comparison + "#" + govAnchor(g.Name)
	var b bytes.Buffer
	if err := pageTemplate.ExecuteTemplate(&b, "page", &p); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// href links to the anchor a of the government's sections: in the
// comparison, or on its own page; "" when the sections are left out.
func (g *GovPart) href(a string) string {
	switch {
	case g.page != "":
		return g.page + "#" + a
	case g.body != nil:
		return "#" + a
	}
	return ""
}

// rebase makes a link of the government's sections (#u-…) a link from the
// comparison.
func (g *GovPart) rebase(u unitRef) unitRef {
	if strings.HasPrefix(u.Href, "#") {
		u.Href = g.href(u.Href[1:])
	}
	return u
}

// govAnchor is the anchor of a government on the comparison page: its
// sections, or its row of the table of governments when they are not
// there.
func govAnchor(name string) string { return anchor("g-", name) }

// Comparison is what a page of several governments shows.
type Comparison struct {
	Parts []*GovPart // in the order of the governments' names
	// Year is the year of the theme shares and of the indicators; 0 picks,
	// for the shares, the latest year of which the most governments have
	// a report and, for the indicators, the latest year whose targets the
	// most governments judge (met or missed).
	Year int
	// Indicator shows one indicator alone, named as change.IndicatorName
	// names it; "" shows the headline indicators of two governments or more.
	Indicator string
	Themes    []string // show these themes only (nil: all)
	MaxSize   int64    // the size the page keeps under (bytes), said when the governments' sections are not in it
}

// How many commitments made by several governments, and how many
// indicators judged by several, the comparison shows at most (those of
// the most governments): enough for the national programmes and the
// headline indicators of a large corpus, in a page that stays light. The
// rest are named, or counted, with the command that has them all.
const (
	maxShared     = 200
	maxIndicators = 40
)

// compareView is the body of a page that compares governments.
type compareView struct {
	Note        string
	Governments govsView
	Years       []yearRow
	Shares      *sharesAcross
	Indicators  *indicatorsAcross
	Shared      *sharedView
	Blocks      []govBlock
}

type govLink struct{ Href, Name, Lang string }

type govsView struct {
	Rows []govRow
}

type govRow struct {
	Anchor, Href, Name, Lang string // Anchor: when the government's sections are not in the page
	Reports, Chars           int
	Years, Gaps, Title       string
	TitleLang                string
	OtherTitles              int // titles of other reports than the one most have
	List                     []govReportRow
}

type govReportRow struct {
	Year, ID, Href, Title, Lang, YearFrom string
	Evidence                              *evidenceView
}

type yearRow struct {
	Anchor string
	Year   int
	Govs   []govLink
}

// WriteComparison writes the page that compares the governments of c.
func WriteComparison(w io.Writer, c Comparison, opts HTMLOptions) error {
	p := buildComparison(&c, opts)
	var body bytes.Buffer
	if err := pageTemplate.ExecuteTemplate(&body, "compare", p.view); err != nil {
		return err
	}
	p.Body = template.HTML(body.String()) // markup the templates made
	var b bytes.Buffer
	if err := pageTemplate.ExecuteTemplate(&b, "page", &p.page); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

type comparisonPage struct {
	page
	view *compareView
}

func buildComparison(c *Comparison, opts HTMLOptions) *comparisonPage {
	d := &HTMLData{lexicon: align.DefaultLexicon(), converted: map[string]string{}, ThemeFilter: c.Themes, script: majorityScript(c.Parts)}
	v := &compareView{}
	p := &comparisonPage{page: page{Title: opts.Title, TitleRest: opts.Title, Date: opts.Date, Lang: d.script}, view: v}
	years := map[int]int{} // governments with a report of the year
	for _, g := range c.Parts {
		seen := map[int]bool{}
		for _, r := range g.reports {
			if r.Year != 0 && !seen[r.Year] {
				seen[r.Year] = true
				years[r.Year]++
			}
		}
	}
	var all []int
	for y := range years {
		all = append(all, y)
	}
	sort.Ints(all)
	if p.Title == "" {
		p.TitleRest = fmt.Sprintf("Work reports of %d governments", len(c.Parts))
		if n := len(all); n > 0 {
			p.TitleRest += ", " + strconv.Itoa(all[0])
			if all[n-1] != all[0] {
				p.TitleRest += "–" + strconv.Itoa(all[n-1])
			}
		}
		p.Title = p.TitleRest
	}
	v.Note = detailNote(c)
	v.Governments = governments(c.Parts)
	p.TOC = append(p.TOC, tocEntry{Href: "#governments", Label: fmt.Sprintf("Governments (%d)", len(c.Parts))})
	for _, g := range c.Parts {
		href := "#" + govAnchor(g.Name) // its sections, or its row of the table
		if g.page != "" {
			href = g.page
		}
		p.Govs = append(p.Govs, govLink{Href: href, Name: g.Name, Lang: g.lang})
	}
	v.Years = yearRows(c.Parts, all)
	if len(v.Years) > 0 {
		p.TOC = append(p.TOC, tocEntry{Href: "#years", Label: "Years"})
		for _, y := range v.Years {
			p.Years = append(p.Years, yearLink{Href: "#" + y.Anchor, Label: strconv.Itoa(y.Year)})
		}
	}
	v.Shares = d.sharesAcross(c, years)
	p.TOC = append(p.TOC, tocEntry{Href: "#shares", Label: "Theme shares"}) // the themes have a list of their own
	for _, t := range v.Shares.Themes {
		p.ThemeNav = append(p.ThemeNav, themeLink{Href: "#" + t.Anchor, Label: t.Label})
	}
	v.Indicators = d.indicatorsAcross(c)
	e := tocEntry{Href: "#indicators", Label: fmt.Sprintf("Indicators (%d)", len(v.Indicators.Items))}
	for _, in := range v.Indicators.Items {
		label := in.Name
		if in.Measure != "" {
			label += " (" + in.Measure + ")"
		}
		e.Children = append(e.Children, tocEntry{Href: "#" + in.Anchor, Label: label})
	}
	p.TOC = append(p.TOC, e)
	v.Shared = d.shared(c)
	p.TOC = append(p.TOC, tocEntry{Href: "#shared", Label: fmt.Sprintf("Shared commitments (%d)", v.Shared.Total)})
	e = tocEntry{Href: "", Label: "Each government"}
	for _, g := range c.Parts {
		if g.body == nil {
			continue
		}
		b := govBlock{Anchor: govAnchor(g.Name), Name: g.Name, Lang: g.lang, Body: template.HTML(g.body), Facts: g.facts()} // markup the templates made
		for _, t := range g.shell.TOC {
			b.TOC = append(b.TOC, tocEntry{Href: t.Href, Label: t.Label})
		}
		v.Blocks = append(v.Blocks, b)
		e.Children = append(e.Children, tocEntry{Href: "#" + b.Anchor, Label: g.Name})
	}
	if len(e.Children) > 0 {
		e.Href = e.Children[0].Href
		p.TOC = append(p.TOC, e)
	}
	return p
}

// govBlock opens a government's sections in the comparison.
type govBlock struct {
	Anchor, Name, Lang, Facts string
	TOC                       []tocEntry
	Body                      template.HTML
}

// facts says in a line how many reports of which years a government has.
func (g *GovPart) facts() string {
	s := fmt.Sprintf("%d report", len(g.reports))
	if len(g.reports) != 1 {
		s += "s"
	}
	if span := yearSpan(g.reports); span != "" {
		s += ", " + span
	}
	return s
}

// yearSpan is "2019–2023" for the reports' years.
func yearSpan(rs []govReport) string {
	first, last := 0, 0
	for _, r := range rs {
		if r.Year == 0 {
			continue
		}
		if first == 0 || r.Year < first {
			first = r.Year
		}
		last = max(last, r.Year)
	}
	switch {
	case first == 0:
		return ""
	case first == last:
		return strconv.Itoa(first)
	}
	return fmt.Sprintf("%d–%d", first, last)
}

// detailNote says where the governments' sections are.
func detailNote(c *Comparison) string {
	inline, pages, none := 0, 0, 0
	for _, g := range c.Parts {
		switch {
		case g.page != "":
			pages++
		case g.body != nil:
			inline++
		default:
			none++
		}
	}
	switch {
	case pages > 0:
		return fmt.Sprintf("Each government's own sections (its reports, themes, priorities, wording diffs, commitments, targets and texts) are on a page of its own, linked from here: in this page they would make it larger than %s.", sizeText(c.MaxSize))
	case none > 0:
		return fmt.Sprintf("The governments' own sections (their themes, wording diffs, commitments, targets and texts) are left out: in this page they would make it larger than %s. Write the page to a file (-o FILE) to have a page for each government beside it, or narrow it with --gov, --from and --to, or --theme.", sizeText(c.MaxSize))
	}
	return "Each government's own sections (its reports, themes, priorities, wording diffs, commitments, targets and texts) follow the views across governments."
}

// sizeText writes a size in bytes as MB or KB.
func sizeText(n int64) string {
	if n >= 1<<20 {
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', -1, 64) + " MB"
	}
	return strconv.FormatFloat(float64(n)/(1<<10), 'f', -1, 64) + " KB"
}

// majorityScript is the language most governments' reports are written
// in (Simplified on a tie): the page writes the themes' labels so.
func majorityScript(parts []*GovPart) string {
	n := 0
	for _, g := range parts {
		if g.script == "zh-Hant" {
			n++
		}
	}
	if 2*n > len(parts) {
		return "zh-Hant"
	}
	return "zh-Hans"
}

func governments(parts []*GovPart) govsView {
	var v govsView
	for _, g := range parts {
		row := govRow{Name: g.Name, Lang: g.lang, Reports: len(g.reports), Years: yearSpan(g.reports)}
		switch {
		case g.page != "":
			row.Anchor, row.Href = govAnchor(g.Name), g.page
		case g.body != nil:
			row.Href = "#" + govAnchor(g.Name)
		default:
			row.Anchor = govAnchor(g.Name)
		}
		titles := map[string]int{}
		have := map[int]bool{}
		for _, r := range g.reports {
			row.Chars += r.Chars
			titles[r.Title]++
			have[r.Year] = true
			rr := govReportRow{Year: yearText(r.Year), ID: r.ID, Href: g.href(r.Anchor), Title: r.Title, Lang: r.Lang, YearFrom: r.YearFrom, Evidence: r.Evidence}
			row.List = append(row.List, rr)
			if row.TitleLang == "" {
				row.TitleLang = r.Lang
			}
		}
		// The title most reports have (the first of them on a tie), and how
		// many others there are.
		best := ""
		for _, r := range g.reports {
			if titles[r.Title] > titles[best] {
				best = r.Title
			}
		}
		row.Title, row.OtherTitles = best, len(titles)-1
		var gaps []string
		if span := yearSpanInts(g.reports); span[0] != 0 {
			for y := span[0]; y <= span[1]; y++ {
				if !have[y] {
					gaps = append(gaps, strconv.Itoa(y))
				}
			}
		}
		if len(gaps) > 0 {
			row.Gaps = fmt.Sprintf("no report of %s", strings.Join(gaps, ", "))
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}

// yearSpanInts is the first and last year of the reports (0, 0 when none
// has one).
func yearSpanInts(rs []govReport) [2]int {
	var s [2]int
	for _, r := range rs {
		if r.Year == 0 {
			continue
		}
		if s[0] == 0 || r.Year < s[0] {
			s[0] = r.Year
		}
		s[1] = max(s[1], r.Year)
	}
	return s
}

// yearRows lists, for every year, the governments that have a report of
// it, each linked to the report.
func yearRows(parts []*GovPart, years []int) []yearRow {
	var rows []yearRow
	for _, y := range years {
		row := yearRow{Anchor: "y-" + strconv.Itoa(y), Year: y}
		for _, g := range parts {
			for _, r := range g.reports {
				if r.Year == y {
					href := g.href(r.Anchor)
					if href == "" {
						href = "#" + govAnchor(g.Name)
					}
					row.Govs = append(row.Govs, govLink{Href: href, Name: g.Name, Lang: g.lang})
					break
				}
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// mostYear is the year with the largest count, the latest on a tie; 0 for
// none.
func mostYear(counts map[int]int) int {
	best := 0
	for y, n := range counts {
		if y != 0 && n > 0 && (best == 0 || n > counts[best] || n == counts[best] && y > best) {
			best = y
		}
	}
	return best
}

// sharesAcross is the theme shares of every government: per theme, a bar
// chart of the year with a bar per government, and a small chart per
// government across the years; the numbers of the year in a table.
type sharesAcross struct {
	Year    int
	Chosen  bool // the year was picked, not given
	Themes  []themeAcross
	Without []themeLabel // the themes no government gives a share
}

type themeAcross struct {
	Anchor string
	Label  themeLabel
	Parts  []partAcross
	Rows   []shareAcrossRow
}

type partAcross struct {
	Part      string
	Bars      *barChart
	Multiples []yearChart
	None      []govLink // governments whose reports never give the theme a share of this part
}

type shareAcrossRow struct {
	Gov   govLink
	Cells []shareCell // per part: the share of the year and the change against the year before
}

func (d *HTMLData) sharesAcross(c *Comparison, years map[int]int) *sharesAcross {
	v := &sharesAcross{Year: c.Year}
	if v.Year == 0 {
		v.Year, v.Chosen = mostYear(years), true
	}
	parts := []string{string(corpus.Review), string(corpus.Plan)}
	first, last := 0, 0
	for y := range years {
		if first == 0 || y < first {
			first = y
		}
		last = max(last, y)
	}
	for _, th := range d.lexicon.Themes {
		if !d.showTheme(th.ID) {
			continue
		}
		ta := themeAcross{Anchor: anchor("x-t-", th.ID), Label: d.label(th.ID)}
		name := ta.Label.Zh
		if name == "" {
			name = th.ID
		}
		for _, part := range parts {
			pa := partAcross{Part: part}
			type series struct {
				g   *GovPart
				pts []govShare
			}
			var all []series
			var items []barItem
			top, yearTop := 0.0, 0.0
			for _, g := range c.Parts {
				var pts []govShare
				for _, s := range g.shares {
					if s.Theme == th.ID && s.Part == part {
						pts = append(pts, s)
						top = math.Max(top, s.Share)
						if s.Year == v.Year {
							items = append(items, barItem{Label: g.Name, Lang: g.lang, Desc: g.Name, Value: s.Share})
							yearTop = math.Max(yearTop, s.Share)
						}
					}
				}
				if len(pts) > 0 {
					all = append(all, series{g, pts})
				}
			}
			if !slices.ContainsFunc(all, func(s series) bool {
				return slices.ContainsFunc(s.pts, func(x govShare) bool { return x.Share > 0 })
			}) {
				continue // no government gives the theme a share of this part
			}
			if len(items) > 0 {
				t, step := niceMax(yearTop)
				b := bars(anchor("x-bars-", part+"-"+th.ID), fmt.Sprintf("%s %d", part, v.Year),
					fmt.Sprintf("%s, %s %d: share of the part's characters by government", th.ID, part, v.Year), d.script, items, t, step)
				pa.Bars = &b
			}
			t, _ := niceMax(top)
			for _, s := range all {
				if !slices.ContainsFunc(s.pts, func(x govShare) bool { return x.Share > 0 }) {
					pa.None = append(pa.None, govLink{Name: s.g.Name, Lang: s.g.lang})
					continue
				}
				pa.Multiples = append(pa.Multiples, yearLine(s.g, th.ID, part, s.pts, first, last, t))
			}
			ta.Parts = append(ta.Parts, pa)
		}
		if len(ta.Parts) == 0 {
			v.Without = append(v.Without, ta.Label)
			continue
		}
		for _, g := range c.Parts {
			row := shareAcrossRow{Gov: govLink{Name: g.Name, Lang: g.lang}}
			any := false
			for _, part := range parts {
				cell := shareCell{Empty: true}
				var prev *govShare
				for i, s := range g.shares {
					if s.Theme == th.ID && s.Part == part && s.Year == v.Year-1 {
						prev = &g.shares[i]
					}
				}
				for _, s := range g.shares {
					if s.Theme == th.ID && s.Part == part && s.Year == v.Year {
						cell = shareCell{Share: pct(s.Share)}
						if prev != nil {
							cell.Change, cell.Sign = signedPoints((s.Share - prev.Share) * 100)
						}
						any = true
					}
				}
				row.Cells = append(row.Cells, cell)
			}
			if any {
				ta.Rows = append(ta.Rows, row)
			}
		}
		v.Themes = append(v.Themes, ta)
	}
	return v
}

// yearChart is one government's share of a theme in a part across the
// years, on an axis of years shared by every government of the page.
type yearChart struct {
	ID, Title, Desc       string
	Gov                   govLink
	W, H                  int
	Lines                 []string // a polyline for every run of consecutive years
	Dots                  []dot    // the years that stand alone
	Ticks                 []tick   // horizontal grid lines with their labels
	Years                 []tick   // the first and last years under the axis
	Last                  tick     // the last value, beside the last point
	AxisX1, AxisX2, AxisY string
}

// yearLine draws a government's shares (in year order) on the years first
// to last and the shares 0 to top.
func yearLine(g *GovPart, theme, part string, pts []govShare, first, last int, top float64) yearChart {
	const (
		w, h   = 180, 90
		left   = 32.0
		right  = 42.0
		topPad = 8.0
		bottom = 20.0
	)
	plotW, plotH := w-left-right, h-topPad-bottom
	c := yearChart{ID: anchor("x-line-", part+"-"+theme+"-"+g.Name), Gov: govLink{Name: g.Name, Lang: g.lang}, W: w, H: h,
		AxisX1: px(left), AxisX2: px(w - right), AxisY: px(topPad + plotH)}
	c.Title = fmt.Sprintf("%s: share of %s in the %s part by year", g.Name, theme, part)
	x := func(y int) float64 {
		if last == first {
			return left + plotW/2
		}
		return left + float64(y-first)*plotW/float64(last-first)
	}
	yv := func(s float64) float64 { return topPad + plotH - s/top*plotH }
	var desc, run []string
	flush := func() {
		if len(run) > 1 {
			c.Lines = append(c.Lines, strings.Join(run, " "))
		}
		run = nil
	}
	for i, s := range pts {
		if i > 0 && s.Year != pts[i-1].Year+1 {
			flush()
		}
		run = append(run, px(x(s.Year))+","+px(yv(s.Share)))
		alone := (i == 0 || pts[i-1].Year != s.Year-1) && (i == len(pts)-1 || pts[i+1].Year != s.Year+1)
		if alone {
			c.Dots = append(c.Dots, dot{CX: px(x(s.Year)), CY: px(yv(s.Share)), Title: fmt.Sprintf("%d: %s", s.Year, pct(s.Share))})
		}
		desc = append(desc, fmt.Sprintf("%d %s", s.Year, pct(s.Share)))
	}
	flush()
	c.Desc = strings.Join(desc, ", ")
	l := pts[len(pts)-1]
	c.Last = tick{Label: pct(l.Share), TX: px(x(l.Year) + 4), TY: px(yv(l.Share) + 4)}
	for _, v := range []float64{0, top} {
		c.Ticks = append(c.Ticks, tick{X1: px(left), X2: px(left + plotW), Y1: px(yv(v)), Y2: px(yv(v)), TX: px(left - 4), TY: px(yv(v) + 4), Label: tickPct(v)})
	}
	c.Years = append(c.Years, tick{TX: px(x(first)), TY: px(h - 5), Label: strconv.Itoa(first)})
	if last != first {
		c.Years = append(c.Years, tick{TX: px(x(last)), TY: px(h - 5), Label: strconv.Itoa(last)})
	}
	return c
}

// indicatorsAcross is the headline indicators of every government.
type indicatorsAcross struct {
	Year    int
	Chosen  bool
	Asked   string // the indicator asked for, when one was
	Items   []indicatorAcross
	More    []indicatorName // judged by several governments, past maxIndicators
	Omitted int             // headline indicators judged by one government or none
}

// indicatorName names an indicator not shown, with the number of
// governments that judge it.
type indicatorName struct {
	Name, Lang, Measure string
	Govs                int
}

type indicatorAcross struct {
	Anchor, Name, Lang, Measure string
	Govs, Judges                int             // governments that report it, that judge it
	Rows                        []verdictAcross // the year's
	Years                       []int
	Matrix                      []matrixRow
}

type verdictAcross struct {
	Gov             govLink
	Target, Outcome *valueView
	Verdict         verdictCell
}

// judged reports whether a verdict weighs a target against an outcome.
func judged(v string) bool { return v == change.Met || v == change.MissedGoal }

func (d *HTMLData) indicatorsAcross(c *Comparison) *indicatorsAcross {
	v := &indicatorsAcross{Year: c.Year, Asked: c.Indicator}
	type key struct{ name, measure string }
	type entry struct {
		g      *GovPart
		in     *indicatorView
		judged bool // met or missed in some year
	}
	by := map[key][]entry{}
	judges := map[key]int{} // governments that judge the indicator
	var keys []key
	years := map[int]int{}
	for _, g := range c.Parts {
		counted := map[int]bool{}
		for i := range g.indicators {
			in := &g.indicators[i]
			if c.Indicator != "" && in.name != c.Indicator {
				continue
			}
			k := key{in.name, in.measure}
			if by[k] == nil {
				keys = append(keys, k)
			}
			e := entry{g: g, in: in}
			for _, r := range in.Rows {
				if judged(r.Verdict.Verdict) {
					e.judged = true
					if !counted[r.Year] {
						counted[r.Year] = true
						years[r.Year]++
					}
				}
			}
			by[k] = append(by[k], e)
			if e.judged {
				judges[k]++
			}
		}
	}
	if v.Year == 0 {
		v.Year, v.Chosen = mostYear(years), true
	}
	// The indicators that most governments judge, then that most report.
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if judges[a] != judges[b] {
			return judges[a] > judges[b]
		}
		if len(by[a]) != len(by[b]) {
			return len(by[a]) > len(by[b])
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.measure < b.measure
	})
	for _, k := range keys {
		es := by[k]
		name := d.inScript(k.name)
		lang := textLang(name)
		if lang == "zh" {
			lang = d.script
		}
		switch {
		case c.Indicator != "":
		case judges[k] < 2:
			v.Omitted++
			continue
		case len(v.Items) == maxIndicators:
			v.More = append(v.More, indicatorName{Name: name, Lang: lang, Measure: d.inScript(k.measure), Govs: judges[k]})
			continue
		}
		ia := indicatorAcross{Anchor: anchor("x-i-", nameHash(k.name+"|"+k.measure)), Name: name, Lang: lang, Measure: d.inScript(k.measure),
			Govs: len(es), Judges: judges[k]}
		ys := map[int]bool{}
		for _, e := range es {
			row := verdictAcross{Gov: govLink{Href: e.g.href(e.in.Anchor), Name: e.g.Name, Lang: e.g.lang}}
			found := false
			for _, r := range e.in.Rows {
				ys[r.Year] = true
				if r.Year == v.Year {
					row.Target, row.Outcome, row.Verdict, found = e.g.rebaseValue(r.Target), e.g.rebaseValue(r.Outcome), r.Verdict, true
				}
			}
			if found {
				ia.Rows = append(ia.Rows, row)
			}
		}
		for y := range ys {
			ia.Years = append(ia.Years, y)
		}
		sort.Ints(ia.Years)
		for _, e := range es {
			mr := matrixRow{Href: e.g.href(e.in.Anchor), Name: e.g.Name, Lang: e.g.lang}
			for _, y := range ia.Years {
				cell := verdictCell{}
				for _, r := range e.in.Rows {
					if r.Year == y {
						cell = r.Verdict
					}
				}
				mr.Cells = append(mr.Cells, cell)
			}
			ia.Matrix = append(ia.Matrix, mr)
		}
		v.Items = append(v.Items, ia)
	}
	return v
}

// rebaseValue makes the links of a value of the government's sections
// links from the comparison.
func (g *GovPart) rebaseValue(v *valueView) *valueView {
	if v == nil {
		return nil
	}
	out := *v
	out.Unit = g.rebase(v.Unit)
	return &out
}

// sharedView is the commitments that several governments make: the same
// key (the promise's object as commitments follows it through a
// government's reports: folded to Simplified characters, its years and
// figures taken out) in the commitments of two governments or more.
type sharedView struct {
	Items      []sharedCommitment
	Total      int // keys of two governments or more
	Govs       int
	MaxListed  int
	ThemeNames bool
}

type sharedCommitment struct {
	Anchor, Key, Label, Lang string
	Theme                    themeLabel
	Govs                     []commitmentAt
}

type commitmentAt struct {
	Gov                   govLink
	Label, Lang           string // as that government words it
	Status, Symbol, Years string
}

// unquoted is s without quotation marks.
func unquoted(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("“”‘’「」『』\"'", r) {
			return -1
		}
		return r
	}, s)
}

func (d *HTMLData) shared(c *Comparison) *sharedView {
	v := &sharedView{Govs: len(c.Parts), MaxListed: maxShared}
	by := map[string][]commitmentAt{}
	first := map[string]int{}
	var keys []string
	labels := map[string]*commitmentView{}
	for _, g := range c.Parts {
		seen := map[string]bool{}
		for i := range g.commitments {
			cm := &g.commitments[i]
			if seen[cm.key] || !d.showTheme(cm.Theme.ID) {
				continue
			}
			seen[cm.key] = true
			if by[cm.key] == nil {
				keys = append(keys, cm.key)
				labels[cm.key] = cm
			}
			years := ""
			switch {
			case cm.first == 0:
			case cm.first == cm.last:
				years = strconv.Itoa(cm.first)
			default:
				years = fmt.Sprintf("%d–%d", cm.first, cm.last)
			}
			if cm.first != 0 && (first[cm.key] == 0 || cm.first < first[cm.key]) {
				first[cm.key] = cm.first
			}
			by[cm.key] = append(by[cm.key], commitmentAt{Gov: govLink{Href: g.href(cm.Anchor), Name: g.Name, Lang: g.lang},
				Label: cm.Label, Lang: cm.Lang, Status: cm.Status, Symbol: cm.Symbol, Years: years})
		}
	}
	keys = slices.DeleteFunc(keys, func(k string) bool { return len(by[k]) < 2 })
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if len(by[a]) != len(by[b]) {
			return len(by[a]) > len(by[b])
		}
		if first[a] != first[b] {
			return first[a] < first[b]
		}
		return a < b
	})
	v.Total = len(keys)
	for i, k := range keys {
		if i == maxShared {
			break
		}
		l := labels[k]
		sc := sharedCommitment{Anchor: anchor("x-c-", nameHash(k)), Label: l.Label, Lang: l.Lang, Theme: d.label(l.Theme.ID), Govs: by[k]}
		if unquoted(hanzi.Fold(l.Label)) != k {
			sc.Key = k // the key says what matched, where the label does not
		}
		v.Items = append(v.Items, sc)
	}
	return v
}
