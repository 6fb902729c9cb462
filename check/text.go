package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/diffview"
	"github.com/reportdiff/reportdiff/internal/figure"
)

// compareText compares the words of two versions of a report: paragraphs
// merged or split, figures changed, added or removed, paragraphs reworded.
// It returns the findings (naming b's file and lines) and the number of
// paragraphs whose only changes are ignorable.
func compareText(a, b *corpus.Report, opts Options) ([]Finding, int) {
	t := &textCompare{a: a, b: b, opts: opts, rel: opts.rel(b.Source.Name), grouped: map[*corpus.Unit]bool{}}
	t.mergesAndSplits()
	t.pairs(pairUnits(a.Units, b.Units))
	return t.fs, t.ignorable
}

// unitPair is a paragraph and its later version; one side is nil for a
// paragraph removed or added.
type unitPair struct{ From, To *corpus.Unit }

// pairUnits pairs the paragraphs of two versions of a report. Two versions
// of one report keep their paragraphs in order, whatever happens to the
// headings around them, so the paragraphs alike but for ignorable edits are
// paired in order first (the longest common subsequence), and then, between
// two such anchors, the paragraphs left over are paired in order with the
// most similar one (half their character pairs shared at least). Topic
// alignment (align.Pair) is for reports of different years; it pairs part by
// part, and would pair wrongly the paragraphs of a part whose heading was
// lost.
func pairUnits(a, b []*corpus.Unit) []unitPair {
	a, b = nonEmpty(a), nonEmpty(b)
	ka, kb := make([]string, len(a)), make([]string, len(b))
	for i, u := range a {
		ka[i] = loose(u.Text)
	}
	for j, u := range b {
		kb[j] = loose(u.Text)
	}
	// lcs[i][j]: the longest common subsequence of ka[i:] and kb[j:].
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			switch {
			case ka[i] == kb[j]:
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	var out []unitPair
	gapA, gapB := []*corpus.Unit{}, []*corpus.Unit{}
	flush := func() {
		out = append(out, pairGap(gapA, gapB)...)
		gapA, gapB = gapA[:0], gapB[:0]
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case ka[i] == kb[j]:
			flush()
			out = append(out, unitPair{a[i], b[j]})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			gapA = append(gapA, a[i])
			i++
		default:
			gapB = append(gapB, b[j])
			j++
		}
	}
	gapA, gapB = append(gapA, a[i:]...), append(gapB, b[j:]...)
	flush()
	return out
}

func nonEmpty(us []*corpus.Unit) []*corpus.Unit {
	var out []*corpus.Unit
	for _, u := range us {
		if loose(u.Text) != "" {
			out = append(out, u)
		}
	}
	return out
}

// pairGap pairs the paragraphs between two anchors: in order, each with the
// most similar one after the last paired, when they share half their
// character pairs.
func pairGap(a, b []*corpus.Unit) []unitPair {
	var out []unitPair
	next := 0 // the first paragraph of b not passed
	for _, x := range a {
		best, bestScore := -1, 0.5
		for j := next; j < len(b); j++ {
			if s := bigramDice(x.Folded(), b[j].Folded()); s > bestScore {
				best, bestScore = j, s
			}
		}
		if best < 0 {
			out = append(out, unitPair{From: x})
			continue
		}
		for _, y := range b[next:best] {
			out = append(out, unitPair{To: y})
		}
		out = append(out, unitPair{x, b[best]})
		next = best + 1
	}
	for _, y := range b[next:] {
		out = append(out, unitPair{To: y})
	}
	return out
}

// bigramDice is the Dice coefficient of the character pairs of two texts.
func bigramDice(a, b string) float64 {
	pairs := func(s string) map[[2]rune]int {
		m := map[[2]rune]int{}
		prev := rune(-1)
		for _, r := range s {
			if prev >= 0 {
				m[[2]rune{prev, r}]++
			}
			prev = r
		}
		return m
	}
	pa, pb := pairs(a), pairs(b)
	n, total := 0, 0
	for k, c := range pa {
		n += min(c, pb[k])
		total += c
	}
	for _, c := range pb {
		total += c
	}
	if total == 0 {
		return 0
	}
	return 2 * float64(n) / float64(total)
}

type textCompare struct {
	a, b      *corpus.Report
	opts      Options
	rel       string
	fs        []Finding
	ignorable int
	grouped   map[*corpus.Unit]bool // units of a merge or split, told of as a group
}

func (t *textCompare) add(rule string, u *corpus.Unit, off int, msg string, key ...string) *Finding {
	line, col := t.b.Source.LineAt(t.b.Span.Start), 0
	if u != nil {
		src := u.Source()
		so := u.SourceOffset(off)
		line, col = src.LineAt(so), src.Column(so)
	}
	t.fs = append(t.fs, newFinding(rule, t.b.Source.Name, line, col, t.b.ID, oneLine(msg)).about(t.rel, key...))
	return &t.fs[len(t.fs)-1]
}

func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// flat is the text of a report's paragraphs one after another, loose
// (spaces out, widths narrowed), with where each paragraph starts.
type flat struct {
	text  string
	units []*corpus.Unit
	start []int
}

func flatten(r *corpus.Report) flat {
	var f flat
	var b strings.Builder
	for _, u := range r.Units {
		l := loose(u.Text)
		if l == "" {
			continue
		}
		f.units = append(f.units, u)
		f.start = append(f.start, b.Len())
		b.WriteString(l)
	}
	f.text = b.String()
	return f
}

// unitAt returns the index of the paragraph that holds byte offset off.
func (f flat) unitAt(off int) int {
	return sort.Search(len(f.start), func(i int) bool { return f.start[i] > off }) - 1
}

// hasStart reports whether a paragraph starts in [from, to].
func (f flat) hasStart(from, to int) bool {
	i := sort.SearchInts(f.start, from)
	return i < len(f.start) && f.start[i] <= to
}

// segment is a stretch of text the same in both versions.
type segment struct{ a, b, n int }

// mapper carries positions of one text into the other through the
// stretches they share, in order in both texts.
type mapper []segment

// before returns where, in the other text, the shared stretch that ends
// last at or before x ends (x itself when x is inside one).
func (m mapper) before(x int, fromA bool) (int, bool) {
	pos, ok := 0, false
	for _, s := range m {
		from, to := s.a, s.b
		if !fromA {
			from, to = s.b, s.a
		}
		if from >= x {
			break
		}
		pos, ok = to+min(x, from+s.n)-from, true
	}
	return pos, ok
}

// after returns where, in the other text, the shared stretch that starts
// first at or after x starts (x itself when x is inside one).
func (m mapper) after(x int, fromA bool) (int, bool) {
	for _, s := range m {
		from, to := s.a, s.b
		if !fromA {
			from, to = s.b, s.a
		}
		if from+s.n > x {
			return to + max(x, from) - from, true
		}
	}
	return 0, false
}

// mergesAndSplits finds paragraph breaks that one version has and the
// other has not, where the words on both sides of the break are the same in
// both: two paragraphs merged into one, or one split in two. The texts of
// all paragraphs, joined, are diffed word by word, and each break carried
// through the words the versions share.
func (t *textCompare) mergesAndSplits() {
	fa, fb := flatten(t.a), flatten(t.b)
	var m mapper
	for _, op := range diffview.Diff(fa.text, fb.text, diffview.Options{}) {
		if op.Kind == diffview.Equal {
			m = append(m, segment{op.AStart, op.BStart, len(op.Text)})
		}
	}
	// lost returns, for each break of x that y does not have, the break's
	// paragraph in x and the paragraph of y that runs across it. A break is
	// carried to y through the shared words on either side of it (past
	// words changed right at the break: 。 turned into ，); y has it when
	// one of its paragraphs starts between them.
	lost := func(x, y flat, fromA bool) [][2]int {
		var out [][2]int
		for i := 1; i < len(x.start); i++ {
			p := x.start[i]
			left, ok1 := m.before(p, fromA)
			right, ok2 := m.after(p, fromA)
			if !ok1 || !ok2 || left == 0 || left > right || y.hasStart(left, right) {
				continue
			}
			out = append(out, [2]int{i, y.unitAt(left - 1)})
		}
		return out
	}
	type group struct {
		old, new []*corpus.Unit
	}
	var groups []group
	for _, g := range lost(fa, fb, true) { // merged: a's units g[0]-1 and g[0] are b's g[1]
		ua, ub := fa.units[g[0]-1], fa.units[g[0]]
		u := fb.units[g[1]]
		f := t.add(ruleUnitMerged, u, 0, fmt.Sprintf("two paragraphs are one now (lines %d and %d before): %s | %s",
			ua.Line, ub.Line, short(tail(ua.Text, 12), 14), short(ub.Text, 12)), ua.Text, ub.Text)
		f.Subject = short(u.Text, 20)
		groups = append(groups, group{[]*corpus.Unit{ua, ub}, []*corpus.Unit{u}})
	}
	for _, g := range lost(fb, fa, false) { // split: b's units g[0]-1 and g[0] were a's g[1]
		ua, ub := fb.units[g[0]-1], fb.units[g[0]]
		u := fa.units[g[1]]
		f := t.add(ruleUnitSplit, ub, 0, fmt.Sprintf("a paragraph is cut in two here (line %d before): %s | %s",
			u.Line, short(tail(ua.Text, 12), 14), short(ub.Text, 12)), ua.Text, ub.Text)
		f.Subject = short(u.Text, 20)
		groups = append(groups, group{[]*corpus.Unit{u}, []*corpus.Unit{ua, ub}})
	}
	// Groups that share a paragraph are one group; each is reworded only
	// when its words changed beyond the break.
	for len(groups) > 0 {
		g := groups[0]
		groups = groups[1:]
		for changed := true; changed; {
			changed = false
			for i := 0; i < len(groups); i++ {
				if overlap(g.old, groups[i].old) || overlap(g.new, groups[i].new) {
					g.old, g.new = union(g.old, groups[i].old), union(g.new, groups[i].new)
					groups = append(groups[:i], groups[i+1:]...)
					changed = true
					i--
				}
			}
		}
		for _, u := range append(append([]*corpus.Unit{}, g.old...), g.new...) {
			t.grouped[u] = true
		}
		ta, tb := joined(g.old), joined(g.new)
		if loose(ta) != loose(tb) {
			t.reworded(ta, tb, g.new[0], ruleWordingChanged)
		}
	}
}

func tail(s string, n int) string {
	rs := []rune(s)
	return string(rs[max(0, len(rs)-n):])
}

func overlap(a, b []*corpus.Unit) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// union returns the units of a and b, each once, in report order.
func union(a, b []*corpus.Unit) []*corpus.Unit {
	out := append([]*corpus.Unit{}, a...)
	for _, u := range b {
		if !overlap(out, []*corpus.Unit{u}) {
			out = append(out, u)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out
}

func joined(us []*corpus.Unit) string {
	var b strings.Builder
	for _, u := range us {
		b.WriteString(u.Text)
	}
	return b.String()
}

// pairs tells of the paragraphs that changed, pair by pair.
func (t *textCompare) pairs(pairs []unitPair) {
	// A paragraph removed here and added there word for word moved.
	removed, added := map[string]*corpus.Unit{}, map[string]*corpus.Unit{}
	for _, p := range pairs {
		switch {
		case p.To == nil:
			removed[loose(p.From.Text)] = p.From
		case p.From == nil:
			added[loose(p.To.Text)] = p.To
		}
	}
	// Where a removed paragraph stood in b: before the paragraph that took
	// the place of the next one of a that is still there.
	next := map[int]*corpus.Unit{}
	for _, p := range pairs {
		if p.From != nil && p.To != nil {
			next[p.From.Seq] = p.To
		}
	}
	placeOf := func(u *corpus.Unit) *corpus.Unit {
		for s := u.Seq + 1; s <= len(t.a.Units); s++ {
			if v := next[s]; v != nil {
				return v
			}
		}
		return nil
	}
	for _, p := range pairs {
		if p.From != nil && t.grouped[p.From] || p.To != nil && t.grouped[p.To] {
			continue
		}
		switch {
		case p.From != nil && p.To != nil:
			t.pair(p.From, p.To)
		case p.To == nil:
			k := loose(p.From.Text)
			if to := added[k]; to != nil {
				if p.From.PartKind() != to.PartKind() {
					t.add(ruleWordingChanged, to, 0, fmt.Sprintf("a paragraph moved from the %s part to the %s part (line %d before): %s",
						p.From.PartKind(), to.PartKind(), p.From.Line, short(to.Text, 24)), "moved", to.Text)
				}
				continue
			}
			at := placeOf(p.From)
			f := t.add(ruleWordingChanged, at, 0, fmt.Sprintf("a paragraph is gone (line %d before): %s", p.From.Line, short(p.From.Text, 40)), "removed", p.From.Text)
			f.Edits = []Edit{{Op: string(diffview.Delete), Text: p.From.Text}}
			t.figures(figure.Extract(p.From.Text), nil, nil, p.From, at)
		default:
			if removed[loose(p.To.Text)] != nil {
				continue // told of where it was removed
			}
			f := t.add(ruleWordingChanged, p.To, 0, "a new paragraph: "+short(p.To.Text, 40), "added", p.To.Text)
			f.Edits = []Edit{{Op: string(diffview.Insert), Text: p.To.Text}}
			t.figures(nil, figure.Extract(p.To.Text), nil, nil, p.To)
		}
	}
}

// pair tells of the changes between two versions of a paragraph.
func (t *textCompare) pair(a, b *corpus.Unit) {
	if a.Text == b.Text {
		return
	}
	if loose(a.Text) == loose(b.Text) {
		t.ignorable++
		if t.opts.Ignorable {
			t.reworded(a.Text, b.Text, b, ruleWordingIgnorable)
		}
		return
	}
	fa, fb := figure.Extract(a.Text), figure.Extract(b.Text)
	t.figures(fa, fb, diffview.MatchFigures(fa, fb), a, b)
	if loose(masked(a.Text, fa)) != loose(masked(b.Text, fb)) {
		t.reworded(a.Text, b.Text, b, ruleWordingChanged)
	}
}

// figures tells of the figures of a paragraph (a, nil when new) that
// changed in its later version (b, nil when gone), paired by match.
func (t *textCompare) figures(fa, fb []figure.Figure, match []int, a, b *corpus.Unit) {
	matched := make([]bool, len(fb))
	for i, x := range fa {
		j := -1
		if match != nil {
			j = match[i]
		}
		if j >= 0 {
			matched[j] = true
			if y := fb[j]; x.Qualified != y.Qualified {
				label := strings.TrimSpace(y.Label)
				f := t.add(ruleFigureChanged, b, y.Start, fmt.Sprintf("%s %s → %s", label, x.Qualified, y.Qualified), figure.Key(label), x.Qualified, y.Qualified)
				f.Subject, f.Old, f.New = label, x.Qualified, y.Qualified
			}
			continue
		}
		if strings.TrimSpace(x.Label) == "" {
			continue
		}
		label := strings.TrimSpace(x.Label)
		f := t.add(ruleFigureRemoved, b, 0, fmt.Sprintf("%s %s is gone (line %d before)", label, x.Qualified, a.LineOf(x.Start)), figure.Key(label), x.Qualified)
		f.Subject, f.Old = label, x.Qualified
	}
	for j, y := range fb {
		if matched[j] || strings.TrimSpace(y.Label) == "" {
			continue
		}
		label := strings.TrimSpace(y.Label)
		f := t.add(ruleFigureAdded, b, y.Start, fmt.Sprintf("%s %s is new", label, y.Qualified), figure.Key(label), y.Qualified)
		f.Subject, f.New = label, y.Qualified
	}
}

// masked returns text with each of its figures replaced by one mark, so
// that two texts that differ only in their figures compare equal.
func masked(text string, figs []figure.Figure) string {
	var b strings.Builder
	last := 0
	for _, f := range figs {
		end := f.Start + len(f.Qualified)
		if f.Start < last || end > len(text) {
			continue
		}
		b.WriteString(text[last:f.Start])
		b.WriteString("#")
		last = end
	}
	b.WriteString(text[last:])
	return b.String()
}

// reworded tells of the word-level diff of two versions of a paragraph (or
// of paragraphs merged or split), placed at the first change in b.
func (t *textCompare) reworded(ta, tb string, b *corpus.Unit, rule string) {
	first := -1
	var edits []Edit
	for _, op := range diffview.Diff(ta, tb, diffview.Options{}) {
		if op.Kind != diffview.Equal && first < 0 {
			first = op.BStart
		}
		edits = append(edits, Edit{Op: string(op.Kind), Text: op.Text})
	}
	if first < 0 || first > len(b.Text) {
		first = 0 // the first change stands in a later paragraph of a group
	}
	f := t.add(rule, b, first, "reworded: "+Snippet(edits), ta, tb)
	f.Edits = edits
}

// Snippet shows a word-level diff in one line: deletions as [-…-],
// insertions as {+…+}, with a few words of context around them and … where
// unchanged words are left out.
func Snippet(edits []Edit) string {
	var b strings.Builder
	for _, e := range Trim(edits, 10, 40) {
		switch e.Op {
		case string(diffview.Delete):
			b.WriteString("[-" + e.Text + "-]")
		case string(diffview.Insert):
			b.WriteString("{+" + e.Text + "+}")
		default:
			b.WriteString(e.Text)
		}
	}
	return oneLine(b.String())
}

// Trim shortens a word-level diff for showing: unchanged words are kept
// only ctx characters around each change, deletions and insertions only
// most characters; … stands where words are left out.
func Trim(edits []Edit, ctx, most int) []Edit {
	out := make([]Edit, 0, len(edits))
	for i, e := range edits {
		rs := []rune(e.Text)
		if e.Op != string(diffview.Equal) {
			e.Text = short(e.Text, most)
			out = append(out, e)
			continue
		}
		first, last := i == 0, i == len(edits)-1
		switch {
		case first && last:
		case first && len(rs) > ctx:
			e.Text = "…" + string(rs[len(rs)-ctx:])
		case last && len(rs) > ctx:
			e.Text = string(rs[:ctx]) + "…"
		case !first && !last && len(rs) > 2*ctx+1:
			e.Text = string(rs[:ctx]) + "…" + string(rs[len(rs)-ctx:])
		}
		out = append(out, e)
	}
	return out
}
