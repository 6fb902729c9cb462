package render

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/change"
	"github.com/reportdiff/reportdiff/check"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// overviewView lists the reports with the evidence for their years.
type overviewView struct {
	sectionHead
	Reports  []reportView
	Warnings []string
}

type reportView struct {
	Anchor, ID, Name, Lang        string
	Year, ReviewYear, Delivered   string
	Script, Encoding              string
	Government, Title, File       string
	Line, Chars, Sections, UnitsN int
	Parts                         string
	YearFrom                      string
	TextHref                      string
	Evidence                      []evidenceView
}

type evidenceView struct {
	Kind, Text, Reason string
	Line, Implies      int
	Unit               unitRef
}

func (d *HTMLData) overview() *overviewView {
	v := &overviewView{sectionHead: d.head("overview")}
	rows := Rows(d.Corpus)
	for i, r := range d.Corpus.Reports {
		if !d.inRange(r) {
			continue
		}
		row := rows[i]
		rv := reportView{Anchor: reportAnchor(r.ID), ID: r.ID, Name: r.Name(), Lang: d.lang(r), Year: yearText(r.Year),
			ReviewYear: yearText(r.ReviewYear), Delivered: row.Delivered, Script: row.Script, Encoding: row.Encoding, Government: r.Government, Title: r.Title, File: row.File, Line: row.Line,
			Chars: row.Chars, Sections: row.Sections, UnitsN: row.Units, Parts: strings.Join(row.Parts, ", "), YearFrom: yearSource(row)}
		if d.Texts {
			rv.TextHref = "#" + textAnchor(r.ID)
		}
		for _, e := range r.Evidence {
			rv.Evidence = append(rv.Evidence, evidenceView{Kind: e.Kind, Text: e.Text, Reason: e.Reason, Line: e.Line,
				Implies: e.Implies, Unit: d.ref(unitAtLine(r, e.Line))})
		}
		v.Reports = append(v.Reports, rv)
	}
	for _, w := range d.Corpus.Warnings {
		v.Warnings = append(v.Warnings, w.String())
	}
	return v
}

// unitAtLine returns the unit of r that holds line n, or nil.
func unitAtLine(r *corpus.Report, n int) *corpus.Unit {
	for _, u := range r.Units {
		if u.Line <= n && n <= max(u.Line, u.EndLine) {
			return u
		}
	}
	return nil
}

// findingsView is what check found.
type findingsView struct {
	sectionHead
	Summary string
	Items   []findingView
}

type findingView struct {
	Where, Severity, Symbol, Rule, Message string
	Subject, Old, New                      string // what changed, for a change of a figure, year, heading or commitment
	Existing                               bool   // already there in the earlier version or the baseline
	Unit                                   unitRef
}

// severitySymbols mark each severity with a sign as well as a color.
var severitySymbols = map[check.Severity]string{check.Error: "✗", check.Warning: "⚠", check.Notice: "ℹ"}

func (d *HTMLData) findings() *findingsView {
	v := &findingsView{sectionHead: d.head("findings"), Summary: Summary(d.Findings)}
	for _, f := range d.Findings.Findings {
		fv := findingView{Where: Where(f), Severity: f.Severity.String(), Symbol: severitySymbols[f.Severity], Rule: f.Rule,
			Message: f.Message, Subject: f.Subject, Old: f.Old, New: f.New, Existing: f.State == check.Existing}
		if u := d.unitOfFinding(f); u != nil {
			fv.Unit = d.ref(u)
		}
		v.Items = append(v.Items, fv)
	}
	return v
}

// unitOfFinding returns the paragraph a finding's line stands in (for a
// heading, the paragraph after it), in the report it names or, failing
// that, in a report of its file; nil when there is none.
func (d *HTMLData) unitOfFinding(f check.Finding) *corpus.Unit {
	if f.Line <= 0 {
		return nil
	}
	for _, r := range d.Reports {
		if f.Report != "" && r.ID != f.Report || f.Report == "" && !sameFile(r.Source.Name, f.File) {
			continue
		}
		if r.Source.LineAt(r.Span.Start) > f.Line {
			continue
		}
		if u := unitAtLine(r, f.Line); u != nil {
			return u
		}
		for _, u := range r.Units {
			if u.Line > f.Line {
				return u
			}
		}
	}
	return nil
}

// sameFile reports whether a finding's file (a path within the corpus's
// repository, or as given) names the source.
func sameFile(source, file string) bool {
	return source == file || strings.HasSuffix(source, "/"+file)
}

// themesView is the alignment: per theme a table of topics by report.
type themesView struct {
	sectionHead
	Reports []colHead
	Themes  []themeTable
}

type colHead struct {
	Name, ID, Href string
}

type themeTable struct {
	Anchor                string
	Label                 themeLabel
	Threads, New, Dropped int
	Rows                  []topicRow
	Followups             []followRow
	Diffs                 []yearLink // the theme in the wording diffs
}

type topicRow struct {
	Anchor, Part string
	Cells        []topicCell
	New, Dropped bool
}

type topicCell struct {
	Units []unitRef
	Score string // the score of the link that brought the topic here
}

type followRow struct {
	From, To unitRef
	Score    string
}

func (d *HTMLData) themes() *themesView {
	res := d.Align
	v := &themesView{sectionHead: d.head("themes")}
	for _, r := range res.Corpus.Reports {
		if d.inRange(r) {
			ch := colHead{Name: r.Name(), ID: r.ID}
			if d.Texts {
				ch.Href = "#" + textAnchor(r.ID)
			}
			v.Reports = append(v.Reports, ch)
		}
	}
	best := map[*corpus.Unit]float64{}
	for _, l := range res.Links {
		if l.Kind == align.Continuity && l.Score > best[l.To] {
			best[l.To] = l.Score
		}
	}
	anchors := uniqueAnchors{}
	for _, th := range res.Lexicon.Themes {
		if !d.showTheme(th.ID) {
			continue
		}
		rows := append(filterThreads(res.Threads, th.ID), filterThreads(res.Singles, th.ID)...)
		sort.SliceStable(rows, func(i, j int) bool { return lessThread(res.Corpus, rows[i], rows[j]) })
		tt := themeTable{Anchor: d.scoped("t-", th.ID), Label: d.label(th.ID)}
		for _, t := range rows {
			if d.AlignKind == align.Followup {
				break
			}
			if t.Reports() >= 2 {
				tt.Threads++
			}
			if t.New {
				tt.New++
			}
			if t.Dropped {
				tt.Dropped++
			}
			row := topicRow{Anchor: anchors.of(anchor("topic-", t.Units[0].ID)), Part: string(t.Part), New: t.New, Dropped: t.Dropped}
			for _, r := range res.Corpus.Reports {
				if !d.inRange(r) {
					continue
				}
				var cell topicCell
				for _, u := range t.Units {
					if u.Report == r {
						cell.Units = append(cell.Units, d.ref(u))
						if len(cell.Units) == 1 && best[u] > 0 {
							cell.Score = fmt.Sprintf("%.2f", best[u])
						}
					}
				}
				row.Cells = append(row.Cells, cell)
			}
			tt.Rows = append(tt.Rows, row)
		}
		for _, l := range res.Links {
			if d.AlignKind != align.Continuity && l.Kind == align.Followup && (res.Classes[l.From].Primary == th.ID || res.Classes[l.To].Primary == th.ID) &&
				d.inRange(l.From.Report) && d.inRange(l.To.Report) {
				tt.Followups = append(tt.Followups, followRow{From: d.ref(l.From), To: d.ref(l.To), Score: fmt.Sprintf("%.2f", l.Score)})
			}
		}
		if len(tt.Rows) == 0 && len(tt.Followups) == 0 {
			continue
		}
		v.Themes = append(v.Themes, tt)
	}
	return v
}

// commitmentsView is the commitments, one timeline each, with a count per
// status for the filter.
type commitmentsView struct {
	sectionHead
	Statuses []statusCount
	Items    []commitmentView
}

type statusCount struct {
	Status, Symbol string
	Count          int
	Items          []commitmentLink
}

type commitmentLink struct {
	Href, Label, Lang string
}

type commitmentView struct {
	Anchor, Label, Lang, Status, Symbol, Reason string
	Theme                                       themeLabel
	Mentions                                    []mentionView
	key                                         string // the commitment's key, which names it across governments
	first, last                                 int    // the years of its first and last mentions on the page (0: unknown)
}

type mentionView struct {
	Year, Part, Status, Symbol, Reason string
	Unit                               unitRef
	Line                               int
	Before, Key, After                 string // the quote, its key phrase highlighted
}

// statusSymbols mark every status with a sign, so that no status is told by
// its color alone.
var statusSymbols = map[string]string{
	change.Promised: "○", change.Repeated: "↻", change.Achieved: "✓", change.Partial: "◐", change.Missed: "✗",
	change.Mentioned: "·", change.Unreported: "?", change.Open: "…",
}

// statusOrder is the order of the statuses in the filter.
var statusOrder = []string{change.Achieved, change.Partial, change.Missed, change.Repeated, change.Unreported, change.Open,
	change.Promised, change.Mentioned}

func (d *HTMLData) commitments() *commitmentsView {
	v := &commitmentsView{sectionHead: d.head("commitments")}
	anchors := uniqueAnchors{}
	byStatus := map[string]*statusCount{}
	for _, c := range d.Commitments {
		if !d.showTheme(c.Theme) {
			continue
		}
		cv := commitmentView{Anchor: anchors.of(d.hashAnchor("c-", c.Key)), Label: c.Label, Status: c.Status,
			Symbol: statusSymbols[c.Status], Reason: c.Reason, Theme: d.label(c.Theme), key: c.Key}
		for _, m := range c.Mentions {
			if !d.inRange(m.Unit.Report) {
				continue
			}
			if cv.Lang == "" {
				cv.Lang = d.lang(m.Unit.Report)
			}
			if y := m.Unit.Report.Year; y != 0 {
				if cv.first == 0 || y < cv.first {
					cv.first = y
				}
				cv.last = max(cv.last, y)
			}
			before, key, after := highlight(m.Text, c.Label)
			cv.Mentions = append(cv.Mentions, mentionView{Year: m.Unit.Report.Name(), Part: string(m.Unit.PartKind()),
				Status: m.Status, Symbol: statusSymbols[m.Status], Reason: m.Reason, Unit: d.ref(m.Unit), Line: m.Line,
				Before: before, Key: key, After: after})
		}
		if len(cv.Mentions) == 0 {
			continue
		}
		v.Items = append(v.Items, cv)
		sc := byStatus[c.Status]
		if sc == nil {
			sc = &statusCount{Status: c.Status, Symbol: statusSymbols[c.Status]}
			byStatus[c.Status] = sc
		}
		sc.Count++
		sc.Items = append(sc.Items, commitmentLink{Href: "#" + cv.Anchor, Label: cv.Label, Lang: cv.Lang})
	}
	for _, s := range statusOrder {
		if sc := byStatus[s]; sc != nil {
			v.Statuses = append(v.Statuses, *sc)
			delete(byStatus, s)
		}
	}
	var rest []string
	for s := range byStatus {
		rest = append(rest, s)
	}
	sort.Strings(rest)
	for _, s := range rest {
		v.Statuses = append(v.Statuses, *byStatus[s])
	}
	return v
}

// highlight cuts text around the longest stretch it shares with phrase,
// compared in Simplified characters so that either script matches: the
// commitment's name as this mention words it. A stretch under two
// characters is no match: text comes back whole in before.
func highlight(text, phrase string) (before, key, after string) {
	ft, tmap := hanzi.FoldMap(text)
	fp := hanzi.Fold(phrase)
	tr, pr := []rune(ft), []rune(fp)
	// byte offset of each rune of ft
	offs := make([]int, 0, len(tr)+1)
	for i := range ft {
		offs = append(offs, i)
	}
	offs = append(offs, len(ft))
	bestLen, bestEnd := 0, 0
	prev := make([]int, len(pr)+1)
	cur := make([]int, len(pr)+1)
	for i := 1; i <= len(tr); i++ {
		for j := 1; j <= len(pr); j++ {
			if tr[i-1] == pr[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] > bestLen {
					bestLen, bestEnd = cur[j], i
				}
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	if bestLen < 2 {
		return text, "", ""
	}
	start, end := tmap[offs[bestEnd-bestLen]], tmap[offs[bestEnd]]
	return text[:start], text[start:end], text[end:]
}

// targetsView is the indicators: a matrix of verdicts by year, then a table
// per indicator.
type targetsView struct {
	sectionHead
	Years      []int
	Matrix     []matrixRow
	Indicators []indicatorView
}

type matrixRow struct {
	Href, Name, Lang string
	Cells            []verdictCell
}

type verdictCell struct {
	Verdict, Symbol, Class string
}

type indicatorView struct {
	Anchor, Name, Lang, Measure string
	AliasLang                   string
	Aliases                     []string
	Rows                        []verdictRow
	name, measure               string // as reportdiff names them in Simplified characters, across governments
}

type verdictRow struct {
	Year            int
	Target, Outcome *valueView
	Verdict         verdictCell
	OutcomeOf       string // the indicator the outcome is of, when another scope of it
}

type valueView struct {
	Figure, Qualifier, Text string
	Unit                    unitRef
	Line                    int
}

// verdictSymbols mark every verdict with a sign as well as a color.
var verdictSymbols = map[string]string{
	change.Met: "✓", change.MissedGoal: "✗", change.NoTarget: "–", change.NoOutcome: "…", change.NotNumeric: "≈",
	change.Incomparable: "≠",
}

func verdictOf(v string) verdictCell {
	return verdictCell{Verdict: v, Symbol: verdictSymbols[v], Class: "v-" + strings.ReplaceAll(v, " ", "-")}
}

func (d *HTMLData) targets() *targetsView {
	v := &targetsView{sectionHead: d.head("targets")}
	years := map[int]bool{}
	anchors := uniqueAnchors{}
	for _, in := range d.Indicators {
		iv := indicatorView{Anchor: anchors.of(d.hashAnchor("i-", in.Name)), Name: d.inScript(in.Name), Measure: d.inScript(in.Measure),
			name: in.Name, measure: in.Measure}
		if len(in.Aliases) > 1 || len(in.Aliases) == 1 && in.Aliases[0] != iv.Name {
			iv.Aliases = in.Aliases // the names as the reports write them, when they are not just the name
		}
		for _, vd := range in.Verdicts {
			row := verdictRow{Year: vd.Year, Verdict: verdictOf(vd.Verdict), OutcomeOf: d.inScript(vd.OutcomeOf)}
			keep := false
			for _, val := range []*change.Value{vd.Target, vd.Outcome} {
				if val != nil && d.inRange(val.Unit.Report) {
					keep = true
					if iv.Lang == "" {
						iv.Lang = d.lang(val.Unit.Report)
					}
				}
			}
			if !keep {
				continue
			}
			row.Target, row.Outcome = d.value(vd.Target), d.value(vd.Outcome)
			iv.Rows = append(iv.Rows, row)
			years[vd.Year] = true
		}
		if len(iv.Rows) == 0 {
			continue
		}
		// The name is reportdiff's own, written in the page's script; the
		// aliases are as the reports write them.
		iv.AliasLang = iv.Lang
		if l := textLang(iv.Name); l != "zh" {
			iv.Lang = l
		}
		v.Indicators = append(v.Indicators, iv)
	}
	for y := range years {
		v.Years = append(v.Years, y)
	}
	sort.Ints(v.Years)
	for _, iv := range v.Indicators {
		mr := matrixRow{Href: "#" + iv.Anchor, Name: iv.Name, Lang: iv.Lang}
		for _, y := range v.Years {
			cell := verdictCell{}
			for _, r := range iv.Rows {
				if r.Year == y {
					cell = r.Verdict
				}
			}
			mr.Cells = append(mr.Cells, cell)
		}
		v.Matrix = append(v.Matrix, mr)
	}
	return v
}

func (d *HTMLData) value(v *change.Value) *valueView {
	if v == nil {
		return nil
	}
	return &valueView{Figure: v.Figure, Qualifier: v.Qualifier, Text: v.Text, Unit: d.ref(v.Unit), Line: v.Line}
}

// textsView is every unit of the reports, in their parts and sections.
type textsView struct {
	sectionHead
	Reports []reportText
}

type reportText struct {
	Anchor, ID, Name, Title, Lang, File string
	FirstLine, LastLine                 int
	Parts                               []partText
}

type partText struct {
	Kind, Heading string
	Line          int
	Sections      []sectionText
}

type sectionText struct {
	Title string // marker and title
	Line  int
	Subs  []subsectionText
}

type subsectionText struct {
	Title string
	Line  int
	Units []unitText
}

type unitText struct {
	Anchor, ID, Role, Theme string
	Line, EndLine           int
	Heading, Rest           string
}

func (d *HTMLData) texts() *textsView {
	v := &textsView{sectionHead: d.head("texts")}
	theme := func(u *corpus.Unit) string {
		if d.Themes != nil {
			if cl, ok := d.Themes.Classes[u]; ok {
				return cl.Primary
			}
		}
		if d.Align != nil {
			if cl, ok := d.Align.Classes[u]; ok {
				return cl.Primary
			}
		}
		return ""
	}
	for _, r := range d.Reports {
		rt := reportText{Anchor: textAnchor(r.ID), ID: r.ID, Name: r.Name(), Title: r.Title, Lang: d.lang(r), File: r.Source.Name,
			FirstLine: r.Source.LineAt(r.Span.Start), LastLine: r.Source.LineAt(max(r.Span.Start, r.Span.End-1))}
		unitOf := func(u *corpus.Unit) unitText {
			ut := unitText{Anchor: unitAnchor(u.ID), ID: u.ID, Role: string(u.Role), Theme: theme(u), Line: u.Line, EndLine: u.EndLine, Rest: u.Text}
			if u.Heading != "" && strings.HasPrefix(u.Text, u.Heading) {
				ut.Heading, ut.Rest = u.Heading, u.Text[len(u.Heading):]
			}
			return ut
		}
		// Front matter and units outside any part come first, as a part of
		// their own.
		var loose []unitText
		for _, u := range r.Units {
			if u.Part == nil {
				loose = append(loose, unitOf(u))
			}
		}
		if len(loose) > 0 {
			rt.Parts = append(rt.Parts, partText{Kind: "front", Sections: []sectionText{{Subs: []subsectionText{{Units: loose}}}}})
		}
		for _, p := range r.Parts {
			pt := partText{Kind: string(p.Kind)}
			if p.Heading != nil {
				pt.Heading, pt.Line = p.Heading.Text, p.Heading.Line
			}
			for _, s := range p.Sections {
				st := sectionText{Line: s.Line()}
				if s.Heading != nil {
					st.Title = strings.TrimSpace(s.Marker + s.Title)
				}
				for _, ss := range s.Subsections {
					sst := subsectionText{Line: ss.Line()}
					if ss.Heading != nil {
						sst.Title = strings.TrimSpace(ss.Marker + ss.Title)
					}
					for _, u := range ss.Units {
						sst.Units = append(sst.Units, unitOf(u))
					}
					st.Subs = append(st.Subs, sst)
				}
				pt.Sections = append(pt.Sections, st)
			}
			rt.Parts = append(rt.Parts, pt)
		}
		v.Reports = append(v.Reports, rt)
	}
	return v
}

// runeCount is the number of characters of s.
func runeCount(s string) int { return utf8.RuneCountInString(s) }
