package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/english"
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
		if err := pageTemplate().ExecuteTemplate(&b, "sections", p); err != nil {
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
	if err := pageTemplate().ExecuteTemplate(&b, "page", &p); err != nil {
		return err
	}
	return VisibleText(w, b.String()) // html/template escapes markup, not ESC, BEL or BS
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
	// names it; "" shows those whose targets two governments or more judge.
	Indicator string
	Themes    []string // show these themes only (nil: all)
	MaxSize   int64    // the size the page keeps under (bytes), said when the governments' sections are not in it
}

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
	if err := pageTemplate().ExecuteTemplate(&body, "compare", p.view); err != nil {
		return err
	}
	p.Body = template.HTML(body.String()) // markup the templates made
	var b bytes.Buffer
	if err := pageTemplate().ExecuteTemplate(&b, "page", &p.page); err != nil {
		return err
	}
	return VisibleText(w, b.String()) // html/template escapes markup, not ESC, BEL or BS
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
	s := english.Plural(len(g.reports), "report", "reports")
	if span := yearSpan(g.reports); span != "" {
		s += ", " + span
	}
	return s
}

// yearSpan is "2019–2023" for the reports' years.
func yearSpan(rs []govReport) string {
	s := yearSpanInts(rs)
	switch {
	case s[0] == 0:
		return ""
	case s[0] == s[1]:
		return strconv.Itoa(s[0])
	}
	return fmt.Sprintf("%d–%d", s[0], s[1])
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
