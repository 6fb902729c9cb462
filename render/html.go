package render

import (
	"bytes"
	"embed"
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/change"
	"github.com/reportdiff/reportdiff/check"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/diffview"
	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/script"
)

// The HTML views are one self-contained page each: the CSS and the small
// script are inline, nothing is fetched from anywhere, and everything the
// page says is in its HTML, so it reads the same with JavaScript off, from a
// mail attachment or on paper. The page is written by html/template, which
// escapes every corpus string in its context; the only markup not written by
// a template is the page's own CSS and script.
//
// One page is built from an HTMLData: each command fills the parts it has
// (the whole report fills them all), and the page holds a section for each
// part that is there, in a fixed order, with a table of contents. The data
// is turned into plain view structs first (html_views.go, html_diff.go,
// html_chart.go); the templates (html/page.tmpl) only range over them.

//go:embed html/page.tmpl html/govs.tmpl html/style.css html/script.js
var htmlFiles embed.FS

// pageTemplate is parsed on first use: only the HTML views need it.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{
		"css":    func() template.CSS { return template.CSS(mustRead("html/style.css")) },
		"script": func() template.JS { return template.JS(mustRead("html/script.js")) },
		// text joins the texts of runs.
		"text": func(rs []runView) string {
			var b strings.Builder
			for _, r := range rs {
				b.WriteString(r.Text)
			}
			return b.String()
		},
		"textLang": textLang, // the language of a text the reading made (a reason, folded to Simplified)
		"pairCtx":  func(c *comparisonView, p pairView) pairCtx { return pairCtx{C: c, P: p} },
		"termTable": func(caption string, rows []termRow, lang, from, to string) termTable {
			return termTable{Caption: caption, Rows: rows, Lang: lang, From: from, To: to}
		},
		"govLink": func(href, name, lang string) govLink { return govLink{Href: href, Name: name, Lang: lang} },
		"plural":  plural, // {{plural .Sections "section" "sections"}}: 1 section, 2 sections
	}).ParseFS(htmlFiles, "html/page.tmpl", "html/govs.tmpl"))
})

// pairCtx is a pair with its comparison, for the pair template.
type pairCtx struct {
	C *comparisonView
	P pairView
}

// termTable is a table of words that rose or fell.
type termTable struct {
	Caption, Lang, From, To string
	Rows                    []termRow
}

func mustRead(name string) string {
	b, err := htmlFiles.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time: cannot happen
	}
	return string(b)
}

// HTMLData is what a page shows. Every field but Corpus may be left empty;
// the page then has no section for it.
type HTMLData struct {
	Corpus      *corpus.Corpus
	View        string                 // what the page shows, before the title: "Wording diff" ("" for the whole report)
	AlignKind   string                 // align.Continuity or align.Followup: show that kind of link only ("" for both)
	Reports     []*corpus.Report       // the reports the page covers, in year order (nil: every report)
	Overview    bool                   // the reports with the evidence for their years
	Themes      *align.Themes          // names the themes (Align.Themes when nil)
	Align       *align.Result          // topics through the years
	Priorities  *change.Priorities     // theme shares and words
	Comparisons []*diffview.Comparison // wording diffs
	Commitments []change.Commitment    // promises followed through the reports
	Indicators  []change.Indicator     // targets against outcomes
	Findings    *check.Result          // what check found
	Texts       bool                   // every unit of the reports, so that every unit link has a target
	ThemeFilter []string               // show these themes only (nil: all)
	// Scope is the government whose part of a page that compares
	// governments this is: the anchors that are not made from a report's or
	// a unit's id (which name their government already) carry it, so that
	// they stay unique beside the other governments' (g-甲市/themes,
	// t-甲市/culture). "" on a page of one government.
	Scope     string
	units     map[*corpus.Unit]bool // the units whose text the page holds
	pairOf    map[string]string     // unit id → anchor of the diff pair that holds it, per comparison
	lexicon   *align.Lexicon        // the themes' names
	langs     map[*corpus.Report]string
	converted map[string]string // names written in the page's script
	script    string            // the language of the page's own Chinese words when no report sets it (pageLang)
}

// HTMLOptions say how the page is labelled.
type HTMLOptions struct {
	Title string // the page's title; "" makes one from the corpus
	Date  string // shown as the date of the page when not empty; no clock is read
}

// page is the view of a whole page: what the template ranges over.
type page struct {
	Title       string // of the document
	TitleGov    string // the heading: the government's name (in Lang) …
	TitleRest   string // … and the rest
	Lang        string // the language of the corpus titles in the heading
	Date        string
	TOC         []tocEntry
	Years       []yearLink
	ThemeNav    []themeLink
	Overview    *overviewView
	Findings    *findingsView
	Themes      *themesView
	Priorities  *prioritiesView
	Diffs       *diffsView
	Commitments *commitmentsView
	Targets     *targetsView
	Texts       *textsView
	Quotes      bool          // the page holds the texts its quotes link to
	Back        string        // on a government's page of a comparison: the comparison
	Govs        []govLink     // on a comparison: the governments
	Body        template.HTML // the content made beforehand (a government's sections, a comparison), markup of the templates only
}

// sectionHead opens a major section: its anchor and, on a page that
// compares governments, the government whose section it is.
type sectionHead struct {
	Anchor, Gov, GovLang string
}

// head returns the head of the section name ("overview", "themes" …).
func (d *HTMLData) head(name string) sectionHead {
	h := sectionHead{Anchor: name}
	if d.Scope != "" {
		h = sectionHead{Anchor: anchor("g-", d.Scope+"/"+name), Gov: d.Scope, GovLang: textLang(d.Scope)}
	}
	return h
}

type tocEntry struct {
	Href, Label string
	Children    []tocEntry
}

type yearLink struct{ Href, Label string }

type themeLink struct {
	Href  string
	Label themeLabel
}

// themeLabel names a theme: its id, the Chinese short label in the script
// of the page and the English one.
type themeLabel struct {
	ID, Zh, En, Lang string
}

// unitRef is a unit named on the page; Href is empty when the page does
// not hold its text.
type unitRef struct {
	ID, Href, Heading, Lang string
}

// WriteHTML writes the page of d.
func WriteHTML(w io.Writer, d HTMLData, opts HTMLOptions) error {
	p := buildPage(&d, opts)
	var b bytes.Buffer
	if err := pageTemplate().ExecuteTemplate(&b, "page", p); err != nil {
		return err
	}
	return VisibleText(w, b.String()) // html/template escapes markup, not ESC, BEL or BS
}

// buildPage turns the data into the page's view.
func buildPage(d *HTMLData, opts HTMLOptions) *page {
	d.prepare()
	p := &page{Title: opts.Title, TitleRest: opts.Title, Date: opts.Date}
	if p.Title == "" {
		p.TitleGov, p.TitleRest = d.title()
		p.Title = p.TitleGov + p.TitleRest
		if d.View != "" {
			p.Title = d.View + " · " + p.Title
			p.TitleRest += " · " + d.View
		}
	}
	if len(d.Reports) > 0 {
		p.Lang = d.lang(d.Reports[0])
	}
	if d.Overview {
		p.Overview = d.overview()
		p.TOC = append(p.TOC, tocEntry{Href: "#" + p.Overview.Anchor, Label: "Overview"})
	}
	if d.Findings != nil {
		p.Findings = d.findings()
		p.TOC = append(p.TOC, tocEntry{Href: "#" + p.Findings.Anchor, Label: fmt.Sprintf("Findings (%d)", len(d.Findings.Findings))})
	}
	if d.Align != nil {
		p.Themes = d.themes()
		p.TOC = append(p.TOC, tocEntry{Href: "#" + p.Themes.Anchor, Label: "Themes through the years"}) // the themes have a list of their own
	}
	if d.Priorities != nil {
		p.Priorities = d.priorities()
		p.TOC = append(p.TOC, tocEntry{Href: "#" + p.Priorities.Anchor, Label: "Priorities"})
	}
	if len(d.Comparisons) > 0 {
		p.Diffs = &diffsView{sectionHead: d.head("diffs")}
		e := tocEntry{Href: "#" + p.Diffs.Anchor, Label: "Wording diffs"}
		for _, c := range d.Comparisons {
			cv := d.comparison(c)
			p.Diffs.Comparisons = append(p.Diffs.Comparisons, cv)
			e.Children = append(e.Children, tocEntry{Href: "#" + cv.Anchor, Label: cv.FromName + " → " + cv.ToName})
		}
		p.TOC = append(p.TOC, e)
	}
	if d.Commitments != nil {
		p.Commitments = d.commitments()
		p.TOC = append(p.TOC, tocEntry{Href: "#" + p.Commitments.Anchor, Label: fmt.Sprintf("Commitments (%d)", len(d.Commitments))})
	}
	if d.Indicators != nil {
		p.Targets = d.targets()
		p.TOC = append(p.TOC, tocEntry{Href: "#" + p.Targets.Anchor, Label: fmt.Sprintf("Targets (%d)", len(d.Indicators))})
	}
	if d.Texts {
		p.Texts, p.Quotes = d.texts(), true
		e := tocEntry{Href: "#" + p.Texts.Anchor, Label: "Texts"}
		for _, r := range p.Texts.Reports {
			e.Children = append(e.Children, tocEntry{Href: "#" + r.Anchor, Label: r.Name})
		}
		p.TOC = append(p.TOC, e)
		for _, r := range p.Texts.Reports {
			p.Years = append(p.Years, yearLink{Href: "#" + r.Anchor, Label: r.Name})
		}
	} else if p.Overview != nil {
		for _, r := range p.Overview.Reports {
			p.Years = append(p.Years, yearLink{Href: "#" + r.Anchor, Label: r.Name})
		}
	}
	if p.Themes != nil {
		// Each theme links to its wording diffs, and they back to it.
		for i := range p.Themes.Themes {
			t := &p.Themes.Themes[i]
			p.ThemeNav = append(p.ThemeNav, themeLink{Href: "#" + t.Anchor, Label: t.Label})
			for _, cv := range p.diffs() {
				for j := range cv.Themes {
					if dt := &cv.Themes[j]; dt.Label.ID == t.Label.ID {
						t.Diffs = append(t.Diffs, yearLink{Href: "#" + dt.Anchor, Label: cv.FromName + " → " + cv.ToName})
						dt.AlignHref = "#" + t.Anchor
					}
				}
			}
		}
	}
	return p
}

// diffs returns the comparisons of the page, nil when it has none.
func (p *page) diffs() []*comparisonView {
	if p.Diffs == nil {
		return nil
	}
	return p.Diffs.Comparisons
}

// prepare fills what the views share: the reports, the units whose text the
// page holds, the lexicon, the language of each report.
func (d *HTMLData) prepare() {
	if d.Reports == nil {
		d.Reports = d.Corpus.Reports
	}
	d.langs = map[*corpus.Report]string{}
	d.converted = map[string]string{}
	for _, r := range d.Reports {
		d.langs[r] = scriptLang(r)
	}
	switch {
	case d.Themes != nil:
		d.lexicon = d.Themes.Lexicon
	case d.Align != nil:
		d.lexicon = d.Align.Lexicon
	default:
		d.lexicon = align.DefaultLexicon()
	}
	d.units = map[*corpus.Unit]bool{}
	if d.Texts {
		for _, r := range d.Reports {
			for _, u := range r.Units {
				d.units[u] = true
			}
		}
	}
	d.pairOf = map[string]string{}
}

// title makes a title from the corpus: its government, and the rest
// with the years.
func (d *HTMLData) title() (gov, rest string) {
	for _, r := range d.Reports {
		if r.Government != "" {
			gov = r.Government
			break
		}
	}
	rest = "Work reports"
	if gov != "" {
		rest = " work reports"
	}
	if n := len(d.Reports); n > 0 {
		first, last := d.Reports[0].Name(), d.Reports[n-1].Name()
		if first == last {
			return gov, rest + ", " + first
		}
		return gov, rest + ", " + first + "–" + last
	}
	return gov, rest
}

// lang returns the language tag of a report's text.
func (d *HTMLData) lang(r *corpus.Report) string {
	if l, ok := d.langs[r]; ok {
		return l
	}
	l := scriptLang(r)
	d.langs[r] = l
	return l
}

// scriptLang is the language tag of a report's text, from the script the
// reading found (or, for a report built by hand, from its characters).
func scriptLang(r *corpus.Report) string {
	if r.Script != "" {
		return langOf(r.Script)
	}
	return textLang(r.Source.Text[r.Span.Start:r.Span.End])
}

// textLang tells zh-Hant from zh-Hans by the characters of text; a text
// whose characters do not tell is just zh.
func textLang(text string) string { return langOf(hanzi.ScriptOf(text)) }

func langOf(s hanzi.Script) string {
	switch s {
	case hanzi.Traditional:
		return "zh-Hant"
	case hanzi.Simplified:
		return "zh-Hans"
	}
	return "zh"
}

// reportName names a report by its year, with its id when that is not the
// year: "2036 p1".
func reportName(r *corpus.Report) string {
	if r.ID == r.Name() {
		return r.ID
	}
	return r.Name() + " " + r.ID
}

// ref names a unit, linked to its text when the page holds it.
func (d *HTMLData) ref(u *corpus.Unit) unitRef {
	if u == nil {
		return unitRef{}
	}
	r := unitRef{ID: u.ID, Heading: hanzi.Truncate(unitLabel(u), refWidth), Lang: d.lang(u.Report)}
	if d.units[u] {
		r.Href = "#" + unitAnchor(u.ID)
	}
	return r
}

// refWidth is how many columns of a unit's heading a reference shows (a
// unit without a heading is named by its text): 30 Chinese characters.
const refWidth = 60

// refByID names a unit by its id.
func (d *HTMLData) refByID(id string) unitRef {
	if u := d.Corpus.Unit(id); u != nil {
		return d.ref(u)
	}
	return unitRef{ID: id}
}

// label names a theme for the page.
func (d *HTMLData) label(id string) themeLabel {
	l := themeLabel{ID: id, Lang: "zh-Hant"}
	for _, th := range d.lexicon.Themes {
		if th.ID != id {
			continue
		}
		short, _, _ := strings.Cut(th.Label, ":")
		for _, f := range strings.Fields(short) {
			if hasHan(f) {
				l.Zh += f
			} else {
				l.En = strings.TrimSpace(l.En + " " + f)
			}
		}
	}
	// The lexicon's labels are written in Traditional characters; a page of
	// Simplified reports shows them folded.
	page := d.pageLang()
	if page == "" {
		page = "zh-Hant"
	}
	l.Zh = d.inScript(l.Zh)
	// A label written alike in both scripts (民生) takes the page's.
	if l.Lang = textLang(l.Zh); l.Lang == "zh" {
		l.Lang = page
	}
	return l
}

// inScript writes a name that is not the reports' own words (a theme's
// label, an indicator's name) in the script of the page's first report;
// a name already in it, or that the conversion fails on, comes back as it is.
func (d *HTMLData) inScript(s string) string {
	if d.pageLang() == "" || s == "" {
		return s
	}
	want := hanzi.Simplified
	if d.pageLang() == "zh-Hant" {
		want = hanzi.Traditional
	}
	if got := hanzi.ScriptOf(s); got == "" || got == want {
		return s
	}
	if out, ok := d.converted[s]; ok {
		return out
	}
	out, err := script.To(s, want)
	if err != nil {
		out = s
	}
	d.converted[s] = out
	return out
}

// pageLang is the language of the page's own Chinese words (the themes'
// labels, the indicators' names): that of its first report, or the one a
// comparison of governments chose; "" when there is none.
func (d *HTMLData) pageLang() string {
	if d.script != "" {
		return d.script
	}
	if len(d.Reports) > 0 {
		return d.lang(d.Reports[0])
	}
	return ""
}

func hasHan(s string) bool {
	for _, r := range s {
		if hanzi.IsHan(r) {
			return true
		}
	}
	return false
}

// showTheme reports whether the theme filter keeps theme id.
func (d *HTMLData) showTheme(id string) bool {
	if len(d.ThemeFilter) == 0 {
		return true
	}
	for _, t := range d.ThemeFilter {
		if t == id {
			return true
		}
	}
	return false
}

// inRange reports whether the page covers report r.
func (d *HTMLData) inRange(r *corpus.Report) bool {
	for _, x := range d.Reports {
		if x == r {
			return true
		}
	}
	return false
}

// Anchors are derived from ids, so that a link into the page survives its
// regeneration: u-p1.14 for a unit, r-p1 for a report, text-p1 for its text,
// d-p2-p1 for a comparison, pair-p2.4-p1.4 for a pair of it, t-culture for a
// theme, c-… and i-… for a commitment and an indicator (from a hash of their
// names, which are Chinese). Characters other than ASCII letters, digits, .
// and - are written as _XXXX_ (their code point in hex), so every anchor is
// ASCII and the same in an href as in an id.

func anchor(prefix, id string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-':
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "_%x_", r)
		}
	}
	return b.String()
}

func unitAnchor(id string) string   { return anchor("u-", id) }
func reportAnchor(id string) string { return anchor("r-", id) }
func textAnchor(id string) string   { return anchor("text-", id) }
func themeAnchor(id string) string  { return anchor("t-", id) }

// scoped is the anchor of a thing whose id does not name its government
// (a theme, a part of the priorities): on a government's part of a
// comparison the id is qualified by the government, as reports' ids are
// (t-甲市/culture, written t-_7532__5e02__2f_culture).
func (d *HTMLData) scoped(prefix, id string) string {
	if d.Scope == "" {
		return anchor(prefix, id)
	}
	return anchor(prefix, d.Scope+"/"+id)
}

// hashAnchor names a thing by a hash of its (Chinese) name, qualified by
// the government on its part of a comparison.
func (d *HTMLData) hashAnchor(prefix, name string) string {
	return d.scoped(prefix, nameHash(name))
}

// nameHash is a short hash of a name: 8 hexadecimal digits.
func nameHash(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	return fmt.Sprintf("%08x", h.Sum32())
}

// uniqueAnchors makes anchors unique in order of appearance: a second a
// becomes a-2.
type uniqueAnchors map[string]int

func (u uniqueAnchors) of(a string) string {
	u[a]++
	if n := u[a]; n > 1 {
		return fmt.Sprintf("%s-%d", a, n)
	}
	return a
}
