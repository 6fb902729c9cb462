package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/diffview"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// Labeler names a theme for headings: its id and a short label
// (align.Themes.Label).
type Labeler func(theme string) string

// painter holds the colors of the diff views.
type painter struct {
	del, ins, moved, head, dim, fig ink
	show                            func(string) string // the corpus text as the reader asked to see it
	color                           bool
}

func newPainter(st Style) painter {
	return painter{
		del: st.ink(color.FgRed), ins: st.ink(color.FgGreen), moved: st.ink(color.FgMagenta),
		head: st.ink(boldAttr...), dim: st.ink(dimAttr...), fig: st.ink(color.FgYellow), color: st.Color,
		show: st.shown,
	}
}

// textRun is a run of text of one kind, for the text views.
type textRun struct {
	text string
	kind diffview.OpKind
	mark bool   // moved
	to   string // the unit it moved to or from
	ign  bool   // ignored
}

// appendRun appends the visible form of a textRun: colored when colors are
// on, otherwise wrapped in [-…-] or {+…+}; a moved one is followed by the
// unit it moved to or from.
func (p painter) appendRun(dst []byte, s textRun) []byte {
	if s.kind == diffview.Equal || s.ign {
		return append(dst, s.text...)
	}
	if p.color {
		switch {
		case s.mark:
			dst, from := p.dim.begin(p.moved.paint(dst, s.text))
			return p.dim.end(appendMoved(dst, s), from)
		case s.kind == diffview.Delete:
			return p.del.paint(dst, s.text)
		default:
			return p.ins.paint(dst, s.text)
		}
	}
	open, closing := "[-", "-]"
	if s.kind == diffview.Insert {
		open, closing = "{+", "+}"
	}
	dst = append(append(append(dst, open...), s.text...), closing...)
	if s.mark {
		dst = appendMoved(dst, s)
	}
	return dst
}

// appendMoved appends the note of a moved run: "(moved to p2.7)".
func appendMoved(dst []byte, s textRun) []byte {
	return append(append(append(append(dst, "(moved "...), arrow(s)...), s.to...), ')')
}

// arrow says which way a moved sentence went: to the unit that now holds
// it, or from the one that held it.
func arrow(s textRun) string {
	if s.kind == diffview.Delete {
		return "to "
	}
	return "from "
}

// appendPairHeader appends the line that opens a pair: its units, their
// part and names, and their similarity.
func appendPairHeader(dst []byte, p diffview.Pair, pt painter) []byte {
	name := func(dst []byte, u *corpus.Unit) []byte {
		if u.Heading != "" {
			return append(dst, pt.show(u.Heading)...)
		}
		return hanzi.AppendTruncated(dst, pt.show(u.Text), 24)
	}
	switch {
	case p.From == nil:
		dst = pt.ins.paint(append(pt.head.paint(dst, p.To.ID), ' '), "added")
		return name(append(append(append(dst, "  "...), p.To.PartKind()...), "  "...), p.To)
	case p.To == nil:
		dst = pt.del.paint(append(pt.head.paint(dst, p.From.ID), ' '), "removed")
		return name(append(append(append(dst, "  "...), p.From.PartKind()...), "  "...), p.From)
	}
	dst = pt.head.paint(append(pt.head.paint(dst, p.From.ID), " → "...), p.To.ID)
	dst = append(append(append(dst, "  "...), p.To.PartKind()...), "  "...)
	// The new unit's name follows the old one's when they differ.
	from := len(dst)
	dst = name(dst, p.From)
	to := len(dst)
	dst = name(append(dst, " → "...), p.To)
	if string(dst[from:to]) == string(dst[to+len(" → "):]) {
		dst = dst[:to]
	}
	dst, at := pt.dim.begin(append(dst, "  "...))
	dst = strconv.AppendFloat(append(dst, "(similarity "...), p.Similarity, 'f', 2, 64) // as %.2f
	return pt.dim.end(append(dst, ')'), at)
}

// DiffInline writes every pair of the comparison, theme by theme, as one text
// with its deletions and insertions marked in place, then the figures that
// changed.
func DiffInline(w io.Writer, c *diffview.Comparison, st Style, label Labeler) error {
	pt := newPainter(st)
	tb := newTextBuffer(w, inlineSize(c, pt))
	b, at := pt.head.begin(tb.buf)
	b = append(append(append(append(b, c.A.Name()...), ' '), c.A.ID...), " → "...)
	b = append(append(append(b, c.B.Name()...), ' '), c.B.ID...)
	b = append(pt.head.end(b, at), '\n')
	theme := ""
	for _, p := range c.Pairs {
		if p.Theme != theme {
			theme = p.Theme
			b, at = pt.head.begin(append(b, '\n'))
			b = append(append(append(b, "══ "...), label(theme)...), ' ')
			b = append(pt.head.paint(pt.head.end(b, at), "════════"), '\n')
		}
		b = append(appendPairHeader(append(b, '\n'), p, pt), '\n')
		for _, op := range p.Ops {
			if op.Ignored && op.Kind == diffview.Delete {
				continue // the new form of an ignored change is shown, plain
			}
			b = pt.appendRun(b, textRun{text: pt.show(op.Text), kind: op.Kind, mark: op.Moved, to: op.MovedTo, ign: op.Ignored})
		}
		b = append(b, '\n')
		for _, f := range p.Figures {
			b = pt.fig.paint(append(b, "  "...), "figure")
			b = append(append(append(append(append(append(b, ' '), pt.show(f.Label)...), ": "...), pt.show(f.From)...), " → "...), pt.show(f.To)...)
			b = append(b, '\n')
		}
	}
	tb.buf = b
	return tb.flush()
}

// inlineSize is about the size of the inline view of c: its texts, and
// what a pair's header and the marks or colors of an edit take on average
// (these weigh a tenth of the view); a view that takes more grows its
// buffer once.
func inlineSize(c *diffview.Comparison, pt painter) int {
	mark, color := 4, len(pt.del.on)+len(pt.del.off) // [-…-], or a color's escapes
	if pt.color {
		mark = color
	}
	n := 0
	for _, p := range c.Pairs {
		n += 96 + 3*color
		for _, u := range []*corpus.Unit{p.From, p.To} {
			if u != nil {
				n += len(u.ID) + min(len(u.Heading), 80)
			}
		}
		for _, op := range p.Ops {
			n += len(op.Text)
			if op.Kind != diffview.Equal {
				n += mark
				if op.Moved {
					n += color + len("(moved from )") + len(op.MovedTo)
				}
			}
		}
		for _, f := range p.Figures {
			n += 16 + color + len(f.Label) + len(f.From) + len(f.To)
		}
	}
	return n
}

// DiffSideBySide writes every pair as two columns, the old text on the left
// with its deletions marked and the new on the right with its insertions;
// lines wrap inside their column and never exceed the width.
func DiffSideBySide(w io.Writer, c *diffview.Comparison, st Style, label Labeler) error {
	pt := newPainter(st)
	width := max(st.Width, 40)
	colW := (width - 3) / 2
	// Both columns repeat the text the two units share, and pad their lines:
	// half as much again as the inline view is about what they take.
	tb := newTextBuffer(w, inlineSize(c, pt)*8/5)
	head := hanzi.PadRight(hanzi.Truncate(fmt.Sprintf("%s %s", c.A.Name(), c.A.ID), colW), colW) + " │ " +
		hanzi.Truncate(fmt.Sprintf("%s %s", c.B.Name(), c.B.ID), colW)
	b := append(pt.head.paint(tb.buf, head), '\n')
	rule := pt.dim.wrap(strings.Repeat("─", width)) + "\n"
	theme := ""
	var left, right column
	var lruns, rruns []textRun
	for _, p := range c.Pairs {
		if p.Theme != theme {
			theme = p.Theme
			b = append(pt.head.paint(append(b, '\n'), hanzi.Truncate("══ "+label(theme)+" ══", width)), '\n')
		}
		b = append(b, rule...)
		lname, rname := "", ""
		if p.From != nil {
			lname = p.From.ID + " " + pt.show(p.From.Heading)
		}
		if p.To != nil {
			rname = p.To.ID + " " + pt.show(p.To.Heading)
		}
		lruns, rruns = append(lruns[:0], textRun{text: lname, kind: diffview.Equal}), append(rruns[:0], textRun{text: rname, kind: diffview.Equal})
		left.wrap(lruns, colW, pt)
		right.wrap(rruns, colW, pt)
		b = appendZipped(b, &left, &right, colW, pt.head)
		lruns, rruns = lruns[:0], rruns[:0]
		for _, op := range p.Ops {
			s := textRun{text: pt.show(op.Text), kind: op.Kind, mark: op.Moved, to: op.MovedTo, ign: op.Ignored}
			if op.Kind != diffview.Insert {
				lruns = append(lruns, s)
			}
			if op.Kind != diffview.Delete {
				rruns = append(rruns, s)
			}
		}
		left.wrap(lruns, colW, pt)
		right.wrap(rruns, colW, pt)
		b = appendZipped(b, &left, &right, colW, ink{})
		for _, f := range p.Figures {
			b = append(append(b, hanzi.Truncate(fmt.Sprintf("  figure %s: %s → %s", pt.show(f.Label), pt.show(f.From), pt.show(f.To)), width)...), '\n')
		}
	}
	tb.buf = b
	return tb.flush()
}

// visibleLine is a wrapped line of a column: where its text stands in the
// column's buffer, and how many columns it takes.
type visibleLine struct {
	from, to int
	width    int
}

// column is a column of text wrapped in lines, their text one line after
// another in one buffer; it is reused from one pair to the next.
type column struct {
	buf   []byte
	lines []visibleLine
	body  []rune
}

// line returns the text of line i, or "" past the last.
func (c *column) line(i int) ([]byte, int) {
	if i >= len(c.lines) {
		return nil, 0
	}
	l := c.lines[i]
	return c.buf[l.from:l.to], l.width
}

// wrap lays segments out in lines of at most width columns, in place of the
// column's lines before. Marks ([- -] {+ +}) take room like text when colors
// are off.
func (c *column) wrap(ss []textRun, width int, pt painter) {
	c.buf, c.lines = c.buf[:0], c.lines[:0]
	from, curW := 0, 0
	flush := func() {
		c.lines = append(c.lines, visibleLine{from, len(c.buf), curW})
		from, curW = len(c.buf), 0
	}
	for _, s := range ss {
		open, closing := "", ""
		if !pt.color && s.kind != diffview.Equal && !s.ign {
			open, closing = "[-", "-]"
			if s.kind == diffview.Insert {
				open, closing = "{+", "+}"
			}
			if s.mark {
				closing += "(moved " + arrow(s) + s.to + ")"
			}
		}
		// A moved run, with its note, takes the moved color; an equal or
		// ignored one none.
		var paint ink
		switch {
		case s.mark && pt.color:
			paint = pt.moved
			closing = "(moved " + arrow(s) + s.to + ")"
		case s.kind == diffview.Equal || s.ign:
		case s.kind == diffview.Delete:
			paint = pt.del
		default:
			paint = pt.ins
		}
		// Lay out open + text + closing rune by rune; colored runs are
		// painted line by line so that no escape spans a line break.
		run := -1 // where the run of this line began, painted; -1: none yet
		emitRun := func() {
			if run >= 0 {
				c.buf, run = paint.end(c.buf, run), -1
			}
		}
		body := c.body[:0]
		for _, part := range [...]string{open, s.text, closing} {
			body = hanzi.AppendRunes(body, part)
		}
		c.body = body
		for i, r := range body {
			if r == '\n' || r == '\r' {
				continue
			}
			rw := hanzi.RuneWidth(r)
			// A number or a Latin word goes whole to the next line when it
			// does not fit at the end of this one but fits on a line of its own.
			if w := wordWidth(body, i); w > rw && curW+w > width && w <= width && curW > 0 {
				emitRun()
				flush()
			}
			if curW+rw > width {
				emitRun()
				flush()
			}
			if run < 0 {
				c.buf, run = paint.begin(c.buf)
			}
			c.buf = utf8.AppendRune(c.buf, r)
			curW += rw
		}
		emitRun()
	}
	if len(c.buf) > from || len(c.lines) == 0 {
		flush()
	}
}

// wordWidth returns the width of the number or Latin word that starts at
// rs[i] (digits, letters, . and %), or 0 when none starts there.
func wordWidth(rs []rune, i int) int {
	isWord := func(r rune) bool {
		return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '.' || r == '%')
	}
	if !isWord(rs[i]) || i > 0 && isWord(rs[i-1]) {
		return 0
	}
	w := 0
	for j := i; j < len(rs) && isWord(rs[j]); j++ {
		w++
	}
	return w
}

// appendZipped appends two columns side by side, padding the left one, each
// line in the color k.
func appendZipped(dst []byte, left, right *column, colW int, k ink) []byte {
	for i := range max(len(left.lines), len(right.lines)) {
		l, lw := left.line(i)
		r, _ := right.line(i)
		var at int
		dst, at = k.begin(dst)
		dst = append(dst, l...)
		for range colW - lw {
			dst = append(dst, ' ')
		}
		dst = append(append(dst, " │ "...), r...)
		dst = append(k.end(dst, at), '\n')
	}
	return dst
}

// DiffStat writes, per theme and per pair, the similarity and how many
// characters were deleted and inserted.
func DiffStat(w io.Writer, c *diffview.Comparison, st Style, label Labeler) error {
	pt := newPainter(st)
	var b strings.Builder
	type agg struct {
		pairs, removed, added, del, ins int
		sim                             float64
	}
	totals := map[string]*agg{}
	var themes []string
	changed := make([][2]int, len(c.Pairs)) // each pair's characters deleted and inserted, counted once
	for k, p := range c.Pairs {
		a := totals[p.Theme]
		if a == nil {
			a = &agg{}
			totals[p.Theme] = a
			themes = append(themes, p.Theme)
		}
		d, i := changedChars(p.Ops)
		changed[k] = [2]int{d, i}
		a.del += d
		a.ins += i
		switch {
		case p.From == nil:
			a.added++
		case p.To == nil:
			a.removed++
		default:
			a.pairs++
			a.sim += p.Similarity
		}
	}
	fmt.Fprintf(&b, "%s\n", pt.head.wrap(fmt.Sprintf("%-14s %6s %10s %8s %8s %8s %6s", "THEME", "PAIRS", "SIMILARITY", "DELETED", "INSERTED", "REMOVED", "ADDED")))
	for _, t := range themes {
		a := totals[t]
		sim := "—"
		if a.pairs > 0 {
			sim = fmt.Sprintf("%.2f", a.sim/float64(a.pairs))
		}
		fmt.Fprintf(&b, "%-14s %6d %10s %8s %8s %8d %6d\n", t, a.pairs, sim, pt.del.wrap(fmt.Sprintf("-%d", a.del)), pt.ins.wrap(fmt.Sprintf("+%d", a.ins)), a.removed, a.added)
	}
	b.WriteString("\n")
	for k, p := range c.Pairs {
		d, i := changed[k][0], changed[k][1]
		var ids, sim, name string
		switch {
		case p.From == nil:
			ids, sim, name = "        → "+p.To.ID, "added", unitName(p.To)
		case p.To == nil:
			ids, sim, name = p.From.ID+" →", "removed", unitName(p.From)
		default:
			ids, sim, name = p.From.ID+" → "+p.To.ID, fmt.Sprintf("%.2f", p.Similarity), unitName(p.To)
		}
		line := fmt.Sprintf("%-17s %-7s %6s %6s  ", ids, sim, fmt.Sprintf("-%d", d), fmt.Sprintf("+%d", i))
		fmt.Fprintf(&b, "%s%s\n", line, hanzi.Truncate(pt.show(name), max(10, max(st.Width, 40)-hanzi.Width(line))))
	}
	return writeText(w, b.String())
}

func unitName(u *corpus.Unit) string {
	if u.Heading != "" {
		return u.Heading
	}
	return u.Text
}

// changedChars counts the characters deleted and inserted, ignored changes
// aside.
func changedChars(ops []diffview.Op) (del, ins int) {
	for _, op := range ops {
		if op.Ignored {
			continue
		}
		switch op.Kind {
		case diffview.Delete:
			del += utf8.RuneCountInString(op.Text)
		case diffview.Insert:
			ins += utf8.RuneCountInString(op.Text)
		}
	}
	return del, ins
}
