package render

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/diffview"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// diffsView is the wording diffs of a page.
type diffsView struct {
	sectionHead
	Comparisons []*comparisonView
}

// comparisonView is the wording diff of two reports: a summary per theme,
// then per theme the pairs of paragraphs side by side.
type comparisonView struct {
	Anchor, FromName, ToName, FromID, ToID string
	FromLang, ToLang                       string
	Stats                                  []themeStat
	Total                                  themeStat
	Themes                                 []diffTheme
}

// themeStat is what diff --stat says of a theme.
type themeStat struct {
	Href                     string
	Label                    themeLabel
	Pairs, Deleted, Inserted int
	Removed, Added           int
	Similarity               string
	simSum                   float64
}

type diffTheme struct {
	Anchor    string
	AlignHref string // the theme's topics through the years
	Label     themeLabel
	Pairs     []pairView
}

// pairView is a pair of paragraphs (or one removed or added whole), as rows
// of aligned sentences.
type pairView struct {
	Anchor, Kind      string // changed, unchanged, removed, added
	From, To          unitRef
	Part              string
	Similarity        string
	Deleted, Inserted int
	Rows              []rowView
	Figures           []FigureJSON
}

// rowView is a row of the side-by-side view: a sentence (or a few) of the
// old paragraph beside what stands for it in the new one.
type rowView struct {
	Left, Right []runView
	Same        bool // both sides hold the same words
}

// runView is a run of text of one kind. Kind is eq, del or ins; a moved run
// names the unit it went to or came from (Other), with a link to it (Href)
// and a key shared with its counterpart in the other pair (Key).
type runView struct {
	Kind, Text       string
	Moved            bool
	Other, Href, Key string
}

func pairAnchor(p diffview.Pair) string {
	switch {
	case p.From == nil:
		return anchor("added-", p.To.ID)
	case p.To == nil:
		return anchor("removed-", p.From.ID)
	}
	return anchor("pair-", p.From.ID+"-"+p.To.ID)
}

func (d *HTMLData) comparison(c *diffview.Comparison) *comparisonView {
	cv := &comparisonView{Anchor: anchor("d-", c.A.ID+"-"+c.B.ID), FromName: c.A.Name(), ToName: c.B.Name(), FromID: c.A.ID, ToID: c.B.ID,
		FromLang: d.lang(c.A), ToLang: d.lang(c.B)}
	// Where each unit stands in this comparison, for the links of moved
	// sentences: the pair that holds it, else its text.
	where := map[string]string{}
	for _, p := range c.Pairs {
		if !d.showTheme(p.Theme) {
			continue
		}
		a := "#" + cv.Anchor + "-" + pairAnchor(p)
		for _, u := range []*corpus.Unit{p.From, p.To} {
			if u != nil {
				if _, ok := where[u.ID]; !ok {
					where[u.ID] = a
				}
			}
		}
	}
	target := func(id string) string {
		if h, ok := where[id]; ok {
			return h
		}
		return d.refByID(id).Href
	}
	stats := map[string]*themeStat{}
	for _, p := range c.Pairs {
		if !d.showTheme(p.Theme) {
			continue
		}
		n := len(cv.Themes)
		if n == 0 || cv.Themes[n-1].Label.ID != p.Theme {
			cv.Themes = append(cv.Themes, diffTheme{Anchor: cv.Anchor + "-" + themeAnchor(p.Theme), Label: d.label(p.Theme)})
			n++
			st := &themeStat{Href: "#" + cv.Themes[n-1].Anchor, Label: cv.Themes[n-1].Label}
			stats[p.Theme] = st
		}
		pv := pairView{Anchor: cv.Anchor + "-" + pairAnchor(p), From: d.ref(p.From), To: d.ref(p.To)}
		pv.Deleted, pv.Inserted = changedChars(p.Ops)
		st := stats[p.Theme]
		switch {
		case p.From == nil:
			pv.Kind, pv.Part = "added", string(p.To.PartKind())
			pv.Rows = []rowView{{Right: []runView{{Kind: "ins", Text: p.To.Text}}}}
			st.Added++
		case p.To == nil:
			pv.Kind, pv.Part = "removed", string(p.From.PartKind())
			pv.Rows = []rowView{{Left: []runView{{Kind: "del", Text: p.From.Text}}}}
			st.Removed++
		default:
			pv.Kind, pv.Part = "changed", string(p.To.PartKind())
			if !p.Changed() {
				pv.Kind = "unchanged"
			}
			pv.Similarity = fmt.Sprintf("%.2f", p.Similarity)
			pv.Rows = sentenceRows(p, target)
			st.Pairs++
			st.simSum += p.Similarity
		}
		st.Deleted += pv.Deleted
		st.Inserted += pv.Inserted
		for _, f := range p.Figures {
			pv.Figures = append(pv.Figures, FigureJSON(f))
		}
		cv.Themes[n-1].Pairs = append(cv.Themes[n-1].Pairs, pv)
	}
	for _, t := range cv.Themes {
		st := stats[t.Label.ID]
		st.Similarity = "—"
		if st.Pairs > 0 {
			st.Similarity = fmt.Sprintf("%.2f", st.simSum/float64(st.Pairs))
		}
		cv.Stats = append(cv.Stats, *st)
		cv.Total.Pairs += st.Pairs
		cv.Total.Deleted += st.Deleted
		cv.Total.Inserted += st.Inserted
		cv.Total.Removed += st.Removed
		cv.Total.Added += st.Added
		cv.Total.simSum += st.simSum
	}
	cv.Total.Similarity = "—"
	if cv.Total.Pairs > 0 {
		cv.Total.Similarity = fmt.Sprintf("%.2f", cv.Total.simSum/float64(cv.Total.Pairs))
	}
	return cv
}

// sentenceRows lays a pair's operations out as rows of aligned sentences.
// Both texts are cut into sentences after every 。！？ and ； (with the
// quotes that close them). The equal stretches of the diff anchor the rows:
// an old and a new sentence that share equal words are joined, and the
// sentences joined to each other, directly or through others, make one row.
// Between two such rows, the sentences that share nothing with the other
// side (deleted or inserted whole) stand side by side in order, one row
// each, the longer side's rest beside empty cells. The left runs of the rows
// rebuild the old text, the right runs the new.
func sentenceRows(p diffview.Pair, target func(id string) string) []rowView {
	oldText, newText := diffview.Rebuild(p.Ops, diffview.Delete), diffview.Rebuild(p.Ops, diffview.Insert)
	oldS, newS := clauseSpans(oldText), clauseSpans(newText)
	// Join the sentences that share equal words, walking the operations.
	oldGroup, newGroup := make([]int, len(oldS)), make([]int, len(newS)) // the row of each sentence, -1 when none
	for i := range oldGroup {
		oldGroup[i] = -1
	}
	for i := range newGroup {
		newGroup[i] = -1
	}
	type link struct{ a, b int }
	var links []link
	posA, posB := 0, 0
	for _, op := range p.Ops {
		n := len(op.Text)
		shared := op.Kind == diffview.Equal || op.Ignored
		switch {
		case op.Kind == diffview.Equal:
			for off := 0; off < n; {
				ia, ib := spanAt(oldS, posA+off), spanAt(newS, posB+off)
				step := min(oldS[ia].end-(posA+off), newS[ib].end-(posB+off), n-off)
				if hasWord(op.Text[off : off+step]) {
					links = append(links, link{ia, ib})
				}
				off += step
			}
			posA += n
			posB += n
		case op.Kind == diffview.Delete:
			if shared {
				links = append(links, link{spanAt(oldS, posA), spanAt(newS, posB)})
			}
			posA += n
		default:
			if shared {
				links = append(links, link{spanAt(oldS, posA), spanAt(newS, posB)})
			}
			posB += n
		}
	}
	// Rows of joined sentences: a diff runs forward on both sides, so a new
	// link either extends the last row or opens one after it.
	type row struct{ a0, a1, b0, b1 int } // sentence ranges, inclusive
	var joined []row
	for _, l := range links {
		if k := len(joined); k > 0 && (l.a <= joined[k-1].a1 || l.b <= joined[k-1].b1) {
			joined[k-1].a1 = max(joined[k-1].a1, l.a)
			joined[k-1].b1 = max(joined[k-1].b1, l.b)
			continue
		}
		joined = append(joined, row{l.a, l.a, l.b, l.b})
	}
	// Between and around the joined rows, the sentences of each side that
	// share nothing, side by side; a sentence that moved stands alone, as
	// it has its partner elsewhere.
	movedA, movedB := movedSpans(p.Ops, oldS, true), movedSpans(p.Ops, newS, false)
	var rows []row
	nextA, nextB := 0, 0
	gap := func(a1, b1 int) { // the sentences before a1 and b1
		for nextA < a1 || nextB < b1 {
			r := row{a0: nextA, a1: nextA - 1, b0: nextB, b1: nextB - 1}
			left := nextA < a1
			right := nextB < b1 && !(left && (movedA[nextA] || movedB[nextB]))
			if left {
				r.a1 = nextA
				nextA++
			}
			if right {
				r.b1 = nextB
				nextB++
			}
			rows = append(rows, r)
		}
	}
	for _, j := range joined {
		gap(j.a0, j.b0)
		rows = append(rows, j)
		nextA, nextB = j.a1+1, j.b1+1
	}
	gap(len(oldS), len(newS))
	var out []rowView
	for _, r := range rows {
		var rv rowView
		if r.a1 >= r.a0 {
			rv.Left = clipRuns(p, target, true, oldS[r.a0].start, oldS[r.a1].end)
		}
		if r.b1 >= r.b0 {
			rv.Right = clipRuns(p, target, false, newS[r.b0].start, newS[r.b1].end)
		}
		rv.Same = len(rv.Left) == 1 && len(rv.Right) == 1 && rv.Left[0].Kind == "eq" && rv.Right[0] == rv.Left[0]
		out = append(out, rv)
	}
	return out
}

// movedSpans reports, for each sentence of one side (the old one when old),
// whether it holds a moved sentence.
func movedSpans(ops []diffview.Op, spans []span, old bool) []bool {
	moved := make([]bool, len(spans))
	pos := 0
	for _, op := range ops {
		if op.Kind == diffview.Equal || old == (op.Kind == diffview.Delete) {
			if op.Moved && len(op.Text) > 0 {
				for i := spanAt(spans, pos); i < len(spans) && spans[i].start < pos+len(op.Text); i++ {
					moved[i] = true
				}
			}
			pos += len(op.Text)
		}
	}
	return moved
}

// span is a sentence: byte offsets into a text.
type span struct{ start, end int }

// clauseSpans cuts text into sentences; a text without any is one.
func clauseSpans(text string) []span {
	var ss []span
	at := 0
	for _, c := range splitClauses(text) {
		// Spaces after a sentence end go with it.
		if len(ss) > 0 && strings.TrimSpace(c) == "" {
			ss[len(ss)-1].end += len(c)
		} else {
			ss = append(ss, span{at, at + len(c)})
		}
		at += len(c)
	}
	if len(ss) == 0 {
		ss = append(ss, span{0, 0})
	}
	return ss
}

// spanAt returns the index of the sentence that holds byte offset off (the
// last one for the end of the text).
func spanAt(ss []span, off int) int {
	i := sort.Search(len(ss), func(i int) bool { return ss[i].end > off })
	return min(i, len(ss)-1)
}

// hasWord reports whether s holds a letter, digit or Chinese character:
// a stretch of punctuation alone joins no sentences.
func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// clipRuns returns the runs of one side of a pair (old: equal and deleted,
// new: equal and inserted) that fall in [start, end) of that side's text.
func clipRuns(p diffview.Pair, target func(string) string, old bool, start, end int) []runView {
	var runs []runView
	pos := 0
	for _, op := range p.Ops {
		mine := op.Kind == diffview.Equal || old && op.Kind == diffview.Delete || !old && op.Kind == diffview.Insert
		if !mine {
			continue
		}
		s, e := max(pos, start), min(pos+len(op.Text), end)
		if s < e {
			runs = appendRun(runs, runOf(op, op.Text[s-pos:e-pos], p.From, p.To, target))
		}
		pos += len(op.Text)
	}
	return runs
}

// runOf makes the run of a piece of an operation.
func runOf(op diffview.Op, piece string, from, to *corpus.Unit, target func(string) string) runView {
	r := runView{Kind: "eq", Text: piece}
	if op.Kind == diffview.Equal || op.Ignored {
		return r
	}
	switch op.Kind {
	case diffview.Delete:
		r.Kind = "del"
	case diffview.Insert:
		r.Kind = "ins"
	}
	if op.Moved {
		r.Moved, r.Other, r.Href = true, op.MovedTo, target(op.MovedTo)
		// A sentence moved from unit x to unit y has the key x>y on both of
		// its sides.
		if op.Kind == diffview.Delete && from != nil {
			r.Key = from.ID + ">" + op.MovedTo
		} else if to != nil {
			r.Key = op.MovedTo + ">" + to.ID
		}
	}
	return r
}

// appendRun adds r to runs, joined to the last run when they are alike.
func appendRun(runs []runView, r runView) []runView {
	if n := len(runs); n > 0 && runs[n-1].Kind == r.Kind && runs[n-1].Moved == r.Moved && runs[n-1].Key == r.Key && runs[n-1].Other == r.Other {
		runs[n-1].Text += r.Text
		return runs
	}
	return append(runs, r)
}

// clauseEnds end a row's sentence: the sentence ends, and the semicolon
// that separates the items of the long sentences of a report.
const clauseEnds = "。！？!?；;"

// splitClauses cuts s after each clause end and the closing quotes after it.
func splitClauses(s string) []string { return diffview.SplitAfter(s, clauseMarks) }

// clauseMarks finds clauseEnds in a text by their bytes.
var clauseMarks = hanzi.NewMarks(clauseEnds)

// endsClause reports whether s ends a clause (closing quotes aside).
func endsClause(s string) bool {
	s = strings.TrimRight(s, "”’」』）) \n")
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && strings.ContainsRune(clauseEnds, r)
}
