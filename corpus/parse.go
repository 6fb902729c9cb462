package corpus

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/work"
)

// reReportMarker matches a line that opens one report of several in a file:
// 篇1, 篇 2, 篇２ (full width), 第3篇.
var reReportMarker = reading.New(`^(?:篇\s*([0-9０-９]+|[一二三四五六七八九十]+)|第([0-9０-９]+|[一二三四五六七八九十]+)篇)$`)

// ParseSource reads one file's text into its reports. name is used in ids
// and messages. It never fails: a text with no structure still gives one
// report with one part, and a warning says so.
func ParseSource(name, text string) (*Source, []Warning) {
	Warm()
	src := &Source{Name: name, Text: text, lines: lineStarts(text)}
	lines := splitLines(text, 0, len(text), 1)
	markLines(text, lines)
	type mark struct {
		l   line
		num int
	}
	var marks []mark
	for _, l := range lines {
		if m := reReportMarker.FindStringSubmatch(l.text); m != nil {
			marks = append(marks, mark{l, numberOf(m[1] + m[2])})
		}
	}
	var warns []Warning
	if len(marks) == 0 {
		starts := reportStarts(lines)
		if starts == nil {
			r := &Report{Source: src, Index: 1, Span: Span{0, len(text)}}
			warns = append(warns, parseReport(r, lines)...)
			src.Reports = []*Report{r}
			return src, warns
		}
		// Several reports, each opened by its front matter or opening.
		bounds := append([]int{0}, starts...)
		bodies := make([][]line, len(bounds))
		for i, b := range bounds {
			end := len(lines)
			if i+1 < len(bounds) {
				end = bounds[i+1]
			}
			bodies[i] = lines[b:end:end]
			r := &Report{Source: src, Index: i + 1, Span: Span{lines[b].start, lines[end-1].end}}
			if i == 0 {
				r.Span.Start = 0
			}
			src.Reports = append(src.Reports, r)
		}
		return src, append(warns, parseReports(src, bodies)...)
	}
	// Lines before the first marker are the file's front matter.
	first := marks[0].l.start
	for _, l := range lines {
		if l.start >= first {
			break
		}
		if !l.blank() {
			src.Front = append(src.Front, &Unit{Role: RoleFront, Text: l.text, Line: l.no, EndLine: l.no,
				Span: Span{l.start, l.end}, segs: l.segs})
		} else if n := len(src.Front); n > 0 {
			src.Front[n-1].Span.End = l.end
		}
	}
	if len(src.Front) == 0 {
		first = 0 // only blank lines before the first marker: they go with it
	} else {
		src.Front[0].Span.Start = 0
	}
	bodies := make([][]line, len(marks))
	for i, m := range marks {
		start, end := m.l.start, len(text)
		if i == 0 {
			start = first
		}
		if i+1 < len(marks) {
			end = marks[i+1].l.start
		}
		r := &Report{Source: src, Index: i + 1, Span: Span{start, end}}
		r.Marker = &Heading{Span: Span{start, m.l.end}, Line: m.l.no, EndLine: m.l.no, Text: m.l.text, Marker: m.l.text, Number: m.num}
		// The report's lines are a run of the file's (lines are in order),
		// shared rather than copied, as when reports are told apart by
		// their openings above.
		from, _ := slices.BinarySearchFunc(lines, m.l.end, func(l line, at int) int { return cmp.Compare(l.start, at) })
		to, _ := slices.BinarySearchFunc(lines, end, func(l line, at int) int { return cmp.Compare(l.start, at) })
		bodies[i] = lines[from:to:to]
		src.Reports = append(src.Reports, r)
	}
	return src, append(warns, parseReports(src, bodies)...)
}

// parseReports reads the reports of a file side by side, each from its
// lines; each writes only its own. The bodies are runs of one array of the
// file's lines, clipped (full slice expressions) so that an append to one
// cannot write over the next report's lines while that is read.
//
// A report is read in two steps: its tree (parseTree, one piece of work),
// then its units (readUnits, in pieces of about equal size). One piece of
// work per report left a processor idle while the last report was read
// alone (three reports on two processors: half the time of one report); a
// report's units are read, in pieces, by whichever processor is free, while
// the trees of the others are still being built.
func parseReports(src *Source, bodies [][]line) []Warning {
	n := len(bodies)
	reportWarns := make([][]Warning, n)
	workers := runtime.GOMAXPROCS(0)
	if n == 1 || workers == 1 {
		for i := range bodies {
			reportWarns[i] = parseReport(src.Reports[i], bodies[i])
		}
		return joinWarnings(reportWarns)
	}
	// The pieces of each report's units: some four per processor in
	// all, more for a longer report, one at least.
	size, total := make([]int, n), 0
	for i, b := range bodies {
		if len(b) > 0 {
			size[i] = b[len(b)-1].end - b[0].start
		}
		total += size[i]
	}
	type task struct{ report, piece int }
	tasks := make([]task, 0, 5*workers+n)
	for i := range bodies {
		tasks = append(tasks, task{i, -1}) // the tree
	}
	pieces := make([]int, n)
	for i := range bodies {
		pieces[i] = max(1, (size[i]*4*workers+total/2)/max(1, total))
		for j := range pieces[i] {
			tasks = append(tasks, task{i, j})
		}
	}
	built := make([]chan struct{}, n)
	fronts := make([]int, n)
	tallies := make([][]hanzi.ScriptTally, n)
	for i := range built {
		built[i] = make(chan struct{})
		tallies[i] = make([]hanzi.ScriptTally, pieces[i])
	}
	// Tasks start in order (work.Each), every tree before any piece of
	// units, so the tree a piece waits for is being built by another
	// goroutine, never waiting itself.
	work.Each(len(tasks), func(t int) {
		i, r := tasks[t].report, src.Reports[tasks[t].report]
		if tasks[t].piece < 0 {
			reportWarns[i] = parseTree(r, bodies[i])
			fronts[i] = frontEnd(r)
			close(built[i])
			return
		}
		<-built[i]
		tallies[i][tasks[t].piece] = readUnits(r, tasks[t].piece, pieces[i], fronts[i])
	})
	for i, r := range src.Reports {
		var t hanzi.ScriptTally
		for _, p := range tallies[i] {
			t = t.Add(p)
		}
		r.Script = t.Script()
	}
	return joinWarnings(reportWarns)
}

func joinWarnings(ws [][]Warning) []Warning {
	var warns []Warning
	for _, w := range ws {
		warns = append(warns, w...)
	}
	return warns
}

// parseReport reads a report: its tree, then its units.
func parseReport(r *Report, lines []line) []Warning {
	warns := parseTree(r, lines)
	r.Script = readUnits(r, 0, 1, frontEnd(r)).Script()
	return warns
}

// readUnits reads the units of piece j of p of a report whose tree is
// built: it folds their text, makes the sketch of its characters, finds
// their lead sentences and gives them their roles (the units before the
// one at front may be front matter: frontEnd). It returns the tally of the
// script of piece j of p of the report's bytes. The pieces of units are
// runs of about equal text, those of bytes cut at line ends; together they
// hold every unit and byte of the report once.
func readUnits(r *Report, j, p, front int) hanzi.ScriptTally {
	units := r.Units
	from, to := 0, len(units)
	if p > 1 {
		total := 0
		for _, u := range units {
			total += len(u.Text)
		}
		// bound returns the first unit whose text starts at or after
		// k/p of the units' text.
		bound := func(k int) int {
			if k == p {
				return len(units)
			}
			at, lo := 0, total*k/p
			for i, u := range units {
				if at >= lo {
					return i
				}
				at += len(u.Text)
			}
			return len(units)
		}
		from, to = bound(j), bound(j+1)
	}
	for i, u := range units[from:to] {
		u.Heading = leadSentence(u.Text, u.Sentences)
		u.folded = hanzi.Fold(u.Text)
		u.sketch = sketchOf(u.folded)
		assignRole(u, from+i < front)
	}
	text := r.Source.Text
	// cut returns where piece k of the bytes starts: at the line after
	// k/p of the report's bytes (a line end is a character's end).
	cut := func(k int) int {
		switch k {
		case 0:
			return r.Span.Start
		case p:
			return r.Span.End
		}
		at := r.Span.Start + (r.Span.End-r.Span.Start)*k/p
		if i := strings.IndexByte(text[at:r.Span.End], '\n'); i >= 0 {
			return at + i + 1
		}
		return r.Span.End
	}
	return hanzi.TallyScript(text[cut(j):cut(j+1)])
}

// reportBuilder walks the blocks of one report and builds its tree.
type reportBuilder struct {
	r      *Report
	part   *Part
	sec    *Section
	sub    *Subsection
	pieces []draft
	levels [2]markerKind // the marker kinds of sections and subsections in the current part
	merged bool          // the report shows topic paragraphs merged on one line
	bareN  int           // the last lost-parentheses number seen in the current section

	sentences []Sentence // the sentences of a heading read as a paragraph, until the next
}

// draft is a piece before its span is final: content starts at start.
type draft struct {
	start   int
	heading *Heading
	unit    *Unit
	furn    *Furniture
}

// parseTree builds the tree of a report from its lines: its parts,
// sections, subsections and units, each piece with its span.
func parseTree(r *Report, lines []line) []Warning {
	blocks := buildBlocks(lines)
	b := &reportBuilder{r: r, merged: showsMerges(blocks)}
	parts := b.partHeadings(blocks)
	// The closing comes before an appendix of projects, whose numbered
	// entries are no headings of the report's own.
	body := blocks
	for i, bl := range blocks {
		if bl.appendix {
			body = blocks[:i]
			break
		}
	}
	closing := closingStart(body, parts)
	var warns []Warning
	if len(parts) == 0 && len(lines) > 0 {
		sc := hanzi.ScriptOf(r.Source.Text[lines[0].start:lines[len(lines)-1].end])
		warns = append(warns, Warning{Source: r.Source.Name, Line: firstLine(lines),
			Message: "no part headings found (" + inScript(sc, "工作回顾, 主要任务", "工作回顧, 主要任務") + " …): the report is read as one part"})
	}
	b.startPart(Preamble, nil)
	if len(parts) == 0 {
		// No parts: the report's own numbering makes its sections.
		b.levels = levelsOf(blocks)
	}
	for i, bl := range blocks {
		if i == closing {
			b.startPart(Closing, nil)
		}
		if bl.appendix {
			// An appendix of the year's projects: a plan part of its own.
			b.startPart(Plan, b.heading(bl))
			b.levels = levelsOf(blocks[i+1:])
			continue
		}
		if kind, ok := parts[i]; ok {
			h := b.heading(bl)
			b.startPart(kind, h)
			b.levels = levelsOf(blocks[i+1 : nextPart(parts, i, len(blocks))])
			continue
		}
		b.block(bl)
	}
	b.furniture(lines, blocks)
	b.finish()
	r.Parts = nonEmpty(r.Parts)
	return warns
}

// nonEmpty drops the parts that hold nothing: no heading and no unit.
func nonEmpty(parts []*Part) []*Part {
	var out []*Part
	for _, p := range parts {
		units := 0
		for _, s := range p.Sections {
			for _, ss := range s.Subsections {
				units += len(ss.Units)
			}
		}
		if p.Heading != nil || units > 0 {
			out = append(out, p)
		}
	}
	return out
}

func firstLine(lines []line) int {
	for _, l := range lines {
		if !l.blank() {
			return l.no
		}
	}
	return 0
}

// partHeadings returns, by block index, the part each part heading opens.
// 第N部分 always opens a part; an unnumbered heading opens one when its words
// name a part; 一、… headings open parts only in reports whose first 一、
// heading names a part (一、2018年工作回顧), or that have no other part
// headings and some 一、 heading naming a part (一、在前进中的五年 … 三、今年的
// 主要任务), and are sections otherwise. 第N章 opens a part only when its words
// name one.
func (b *reportBuilder) partHeadings(blocks []*block) map[int]PartKind {
	dunIsPart, firstDun, dunNames, others := false, true, false, false
	// The part each heading names, read once for the two walks below.
	type named struct {
		kind PartKind
		ok   bool
	}
	names := make([]named, len(blocks))
	for i, bl := range blocks {
		if bl.kind != bHeading {
			continue
		}
		kind, ok := partKindOf(bl.text)
		names[i] = named{kind, ok}
		switch {
		case bl.marker == markDun && firstDun:
			dunIsPart, firstDun = ok, false
			dunNames = dunNames || ok
		case bl.marker == markDun:
			dunNames = dunNames || ok
		case ok && (bl.marker == markPart || bl.marker == markNone && bl.bare == 0 && !runesOver(bl.text, 40)):
			others = true
		}
	}
	dunIsPart = dunIsPart || !others && dunNames
	parts := map[int]PartKind{}
	prev := PartKind("")
	for i, bl := range blocks {
		if bl.kind != bHeading {
			continue
		}
		kind, ok := names[i].kind, names[i].ok
		switch {
		case bl.marker == markPart && strings.HasSuffix(bl.mtext, "章") && !ok:
			continue
		case bl.marker == markPart:
			if !ok {
				if prev == "" {
					prev = Review
				}
				kind = prev
			}
		case bl.marker == markNone && bl.bare == 0 && ok && !runesOver(bl.text, 40) && (bl.strong || !strings.ContainsAny(bl.text, "，,")):
		case bl.marker == markDun && dunIsPart && ok:
		default:
			continue
		}
		parts[i] = kind
		prev = kind
	}
	// Two plan headings naming consecutive years: the first looks back
	// (一、2035年主要工作 … 二、2036年目标任务和重点工作).
	var planYears []int
	for i := range blocks {
		if parts[i] == Plan {
			planYears = append(planYears, i)
		}
	}
	for a, i := range planYears {
		y := headingYear(blocks[i].text)
		for _, j := range planYears[a+1:] {
			if y > 0 && headingYear(blocks[j].text) == y+1 {
				parts[i] = Review
			}
		}
	}
	// A report with a plan and no review: the first 一、 heading before the
	// plan, naming no part, opens the review (一、克服困难，2035年经济社会发展
	// 取得新成效 … 二、2036年工作任务).
	if dunIsPart && !hasKind(parts, Review) {
		for i, bl := range blocks {
			if k, ok := parts[i]; ok && k != Review {
				break
			}
			if bl.kind == bHeading && bl.marker == markDun {
				if _, ok := parts[i]; !ok && bl.number == 1 {
					parts[i] = Review
				}
				break
			}
		}
	}
	inferParts(blocks, parts)
	return parts
}

// headingYear returns the first year a heading names, or 0.
func headingYear(s string) int {
	f, _ := squeeze(hanzi.Fold(s), nil)
	if m := reYear.FindStringSubmatch(f); m != nil {
		return yearOf(m[1])
	}
	return 0
}

func hasKind(parts map[int]PartKind, kind PartKind) bool {
	for _, k := range parts {
		if k == kind {
			return true
		}
	}
	return false
}

func nextPart(parts map[int]PartKind, i, n int) int {
	for j := i + 1; j < n; j++ {
		if _, ok := parts[j]; ok {
			return j
		}
	}
	return n
}

// closingStart returns the index of the block that opens the closing part,
// after the last numbered heading once the plan began: the last salutation
// on a line of its own; failing that the last paragraph opened by a
// salutation (各位代表！新的征程…) or a last paragraph with the final appeal
// (让我们…), taking the paragraph before it when that one is opened by a
// salutation (各位代表！… / 让我们…).
func closingStart(blocks []*block, parts map[int]PartKind) int {
	planAt := -1
	for i := range blocks {
		if k, ok := parts[i]; ok && (k == Plan || k == Outline) && planAt < 0 {
			planAt = i
		}
	}
	if planAt < 0 {
		return -1
	}
	// The closing comes after the last numbered heading.
	last := planAt
	for i := len(blocks) - 1; i > planAt; i-- {
		if bl := blocks[i]; bl.kind == bHeading && bl.marker != markNone {
			last = i
			break
		}
	}
	for i := len(blocks) - 1; i > last; i-- {
		if blocks[i].kind == bSalutation {
			return i
		}
	}
	final := true // no paragraph after this one
	for i := len(blocks) - 1; i > last; i-- {
		if blocks[i].kind != bParagraph {
			continue
		}
		f := hanzi.Fold(blocks[i].text)
		if salutationLed(f) {
			return i
		}
		if final && appeals(f) || strings.HasPrefix(strings.TrimLeft(strings.TrimPrefix(f, "各位代表"), "！!，,：: "), "让我们") {
			if p := i - 1; p > last && blocks[p].kind == bParagraph && salutationLed(hanzi.Fold(blocks[p].text)) {
				return p
			}
			return i
		}
		final = false
	}
	return -1
}

// levelsOf returns the marker kinds that number sections and subsections in
// a part, highest first.
func levelsOf(blocks []*block) [2]markerKind {
	seen := map[markerKind]bool{}
	for _, bl := range blocks {
		switch {
		case bl.kind == bHeading && bl.marker == markNone && bl.bare > 0 && !runesOver(bl.text, 30):
			seen[markBare] = true
		case bl.kind == bHeading && (bl.marker == markDun || bl.marker == markParen || bl.marker == markDigit):
			seen[bl.marker] = true
		case bl.kind == bParagraph && (bl.marker == markDun || bl.marker == markParen):
			seen[bl.marker] = true
		}
	}
	var lv [2]markerKind
	n := 0
	for _, k := range []markerKind{markDun, markParen, markBare, markDigit} {
		if seen[k] && n < 2 {
			lv[n] = k
			n++
		}
	}
	return lv
}

func (b *reportBuilder) heading(bl *block) *Heading {
	h := &Heading{Line: bl.line, EndLine: bl.endLine, Text: bl.text, Marker: strings.TrimSpace(bl.mtext), Number: bl.number}
	if bl.marker == markNone && bl.bare > 0 {
		_, size := bareMarker(bl.text)
		h.Marker, h.Number = bl.text[:size], bl.bare
	}
	b.pieces = append(b.pieces, draft{start: bl.start, heading: h})
	return h
}

func (b *reportBuilder) startPart(kind PartKind, h *Heading) {
	b.part = &Part{Kind: kind, Heading: h}
	b.r.Parts = append(b.r.Parts, b.part)
	b.sec, b.sub, b.bareN = nil, nil, 0
	b.levels = [2]markerKind{}
}

func (b *reportBuilder) startSection(h *Heading, title string, n int) {
	b.sec = &Section{Part: b.part, Heading: h, Title: title, Number: n}
	b.part.Sections = append(b.part.Sections, b.sec)
	b.sub, b.bareN = nil, 0
}

func (b *reportBuilder) startSubsection(h *Heading, title string, n int) {
	if b.sec == nil {
		b.startSection(nil, "", 0)
	}
	b.sub = &Subsection{Section: b.sec, Heading: h, Title: title, Number: n}
	b.sec.Subsections = append(b.sec.Subsections, b.sub)
}

// level returns 1 or 2 when bl opens a section or a subsection, else 0.
func (b *reportBuilder) level(bl *block) int {
	kind := bl.marker
	if kind == markNone && bl.bare > 0 && bl.kind == bHeading && !runesOver(bl.text, 30) {
		if bl.bare != b.bareN+1 {
			return 0 // a lost-parentheses marker must continue the numbering
		}
		kind = markBare
	}
	if bl.kind == bParagraph && kind != markDun && kind != markParen {
		return 0
	}
	if bl.kind == bSalutation {
		return 0
	}
	for i, lv := range b.levels {
		if lv != markNone && lv == kind {
			return i + 1
		}
	}
	return 0
}

func (b *reportBuilder) block(bl *block) {
	lv := b.level(bl)
	if lv > 0 {
		var h *Heading
		var title string
		if bl.kind == bHeading {
			h = b.heading(bl)
			title = strings.TrimSpace(bl.text[len(h.Marker):])
		} else {
			b.sentences = appendSentences(b.sentences[:0], bl.text)
			title = strings.TrimSpace(strings.TrimPrefix(strings.TrimRight(b.sentences[0].Text, "。！？!?"), bl.mtext))
		}
		n := bl.number
		if bl.marker == markNone {
			n = bl.bare
		}
		mtext := strings.TrimSpace(bl.mtext)
		if bl.marker == markNone {
			_, size := bareMarker(bl.text)
			mtext = bl.text[:size]
		}
		if lv == 1 {
			b.startSection(h, title, n)
			b.sec.Marker = mtext
		} else {
			b.startSubsection(h, title, n)
			b.sub.Marker = mtext
			if b.levels[1] == markBare {
				b.bareN = n
			}
		}
		if bl.kind == bHeading {
			return
		}
	}
	b.units(bl)
}

// units turns a paragraph block into one unit, or several where topic
// paragraphs were merged on one line.
func (b *reportBuilder) units(bl *block) {
	if b.sec == nil {
		b.startSection(nil, "", 0)
	}
	if b.sub == nil {
		b.startSubsection(nil, "", 0)
	}
	// The block's sentences become its units': those of a unit are the
	// ones that start in it (a unit is cut where a sentence starts, and
	// only spaces lie between sentences), their offsets made the unit's.
	ss := bl.sentences // cut by showsMerges, or not yet
	if ss == nil {
		ss = splitSentences(bl.text)
	}
	cuts, firsts := []int{0}, []int{0}
	if bl.kind == bParagraph {
		for _, i := range topicBreaks(ss, b.merged) {
			cuts, firsts = append(cuts, ss[i].Start), append(firsts, i)
		}
	}
	cuts, firsts = append(cuts, len(bl.text)), append(firsts, len(ss))
	for i := 0; i+1 < len(cuts); i++ {
		segs := subSegs(bl.segs, cuts[i], cuts[i+1])
		u := &Unit{Report: b.r, Part: b.part, Section: b.sec, Subsection: b.sub, segs: segs}
		// A block's text is the bytes of its segments joined, so the
		// unit's is a piece of it, not a copy (a one-line paragraph's is
		// a piece of the source).
		raw := bl.text[cuts[i]:cuts[i+1]]
		u.Text = trimSpace(raw)
		at := cuts[i] + len(raw) - len(strings.TrimLeft(raw, spaces)) // where u.Text starts in bl.text
		u.Sentences = ss[firsts[i]:firsts[i+1]:firsts[i+1]]
		for j := range u.Sentences {
			u.Sentences[j].Start -= at
			u.Sentences[j].End -= at
		}
		u.segs = trimSegs(b.r.Source.Text, segs)
		if bl.kind == bSalutation {
			u.Role = RoleSalutation
		}
		b.sub.Units = append(b.sub.Units, u)
		b.r.Units = append(b.r.Units, u)
		start := u.segs[0].Start
		if i == 0 {
			start = bl.start
		}
		b.pieces = append(b.pieces, draft{start: start, unit: u})
	}
}

// showsMerges reports whether a report bears the mark of topic paragraphs
// merged on one line: a stray space before a topic sentence inside a
// paragraph. Only such a report has its paragraphs cut by cohesion as well,
// since well-typeset reports (one paragraph a line) use short sentences
// inside a topic too.
//
// The sentences it cuts are kept with their blocks, which become units
// with them (units): a paragraph is cut into sentences once.
func showsMerges(blocks []*block) bool {
	for _, bl := range blocks {
		if bl.kind != bParagraph {
			continue
		}
		if bl.sentences = splitSentences(bl.text); len(topicBreaks(bl.sentences, false)) > 0 {
			return true
		}
	}
	return false
}

// subSegs returns the parts of segs that hold bytes [from, to) of their
// joined text.
func subSegs(segs []Span, from, to int) []Span {
	var out []Span
	off := 0
	for _, s := range segs {
		lo, hi := max(from, off), min(to, off+s.Len())
		if lo < hi {
			out = append(out, Span{s.Start + lo - off, s.Start + hi - off})
		}
		off += s.Len()
	}
	return out
}

// trimSegs drops the spaces at the start of the first segment and the end of
// the last one, so the segments hold exactly the unit's text.
func trimSegs(text string, segs []Span) []Span {
	out := append([]Span(nil), segs...)
	for len(out) > 0 {
		s := &out[0]
		t := strings.TrimLeft(text[s.Start:s.End], spaces)
		s.Start = s.End - len(t)
		if s.Len() > 0 {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		s := &out[len(out)-1]
		t := strings.TrimRight(text[s.Start:s.End], spaces)
		s.End = s.Start + len(t)
		if s.Len() > 0 {
			break
		}
		out = out[:len(out)-1]
	}
	return out
}

// furniture makes pieces of the furniture lines of the report: one piece for
// each run of lines of one kind between paragraphs; a run inside a paragraph
// (a page break in the middle of it) stays in that paragraph's span.
func (b *reportBuilder) furniture(lines []line, blocks []*block) {
	r := b.r
	text := r.Source.Text
	bi := 0
	var cur *Furniture
	for _, l := range lines {
		if l.furn == "" {
			if !l.blank() {
				cur = nil
			}
			continue
		}
		for bi < len(blocks) && blocks[bi].segs[len(blocks[bi].segs)-1].End <= l.start {
			bi++
		}
		inside := bi < len(blocks) && blocks[bi].start < l.start
		if cur != nil && cur.Kind == l.furn {
			cur.Text += "\n" + text[l.cs:l.ce]
			cur.EndLine, cur.End = l.no, l.ce
			continue
		}
		cur = &Furniture{Span: Span{l.cs, l.ce}, Line: l.no, EndLine: l.no, Kind: l.furn, Text: text[l.cs:l.ce]}
		r.Furniture = append(r.Furniture, cur)
		if !inside {
			b.pieces = append(b.pieces, draft{start: l.cs, furn: cur})
		}
	}
	for _, f := range r.Furniture {
		if f.Kind == FurnMeta && r.Meta == nil {
			r.Meta = parseMeta(f.Text)
		}
	}
}

// finish gives every piece its final span, so that the pieces of the report
// cover its bytes exactly, and numbers the units.
func (b *reportBuilder) finish() {
	r := b.r
	src := r.Source
	var all []draft
	if r.Marker != nil {
		all = append(all, draft{start: r.Span.Start, heading: r.Marker})
	}
	all = append(all, b.pieces...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].start < all[j].start })
	if len(r.Units) == 0 {
		// Nothing but blank lines or furniture: one empty unit keeps the
		// bytes.
		u := &Unit{Report: r, Span: r.Span, Line: src.LineAt(r.Span.Start), EndLine: src.LineAt(max(r.Span.Start, r.Span.End-1))}
		b.startPart(Preamble, nil)
		b.startSection(nil, "", 0)
		b.startSubsection(nil, "", 0)
		u.Part, u.Section, u.Subsection = b.part, b.sec, b.sub
		b.sub.Units = append(b.sub.Units, u)
		r.Units = append(r.Units, u)
		all = append([]draft{{start: r.Span.Start, unit: u}}, all...)
	}
	all[0].start = r.Span.Start
	for i, d := range all {
		end := r.Span.End
		if i+1 < len(all) {
			end = all[i+1].start
		}
		sp := Span{d.start, end}
		switch {
		case d.heading != nil:
			d.heading.Span = sp
			r.pieces = append(r.pieces, Piece{Heading: d.heading})
		case d.furn != nil:
			d.furn.Span = sp
			r.pieces = append(r.pieces, Piece{Furniture: d.furn})
		default:
			d.unit.Span = sp
			r.pieces = append(r.pieces, Piece{Unit: d.unit})
		}
	}
	for i, u := range r.Units {
		u.Seq = i + 1
		if len(u.segs) > 0 {
			u.Line = src.LineAt(u.segs[0].Start)
			u.EndLine = src.LineAt(u.segs[len(u.segs)-1].End - 1)
		}
	}
	r.Government, r.Title = reportTitle(r)
}

var (
	reRepresent    = reading.New(`我代表([^，,。；;：:\s向]{1,20}?)(?:人民政府|政府|[，,向])`)
	reCongressOf   = reading.New(`在([^，,。；;：:\s第]{2,16}?)第[一二三四五六七八九十]+[届屆]人民代表大[会會]`)
	reOffice       = reading.New(`^(.{0,16}?)(?:人民政府)?(?:代理|代)?(?:总理|省长|市长|区长|县长|州长|盟长|旗长|主席|行政长官)`)
	reOfficeSuffix = reading.New(`(?:代理|代)?(?:总理|省长|市长|区长|县长|州长|盟长|旗长|主席|行政长官)$`)
	reYearPrefix   = reading.New(`^(?:[0-9]{1,2}月[0-9]{1,2}日)|^(?:(?:19|20)[0-9]{2}|[一二][〇零九○][〇零一二三四五六七八九○]{2})\s*年(?:度)?`)
	reYearSuffix   = reading.New(`[《“]?(?:(?:19|20)[0-9]{2}|[一二][〇零九○][〇零一二三四五六七八九○]{2})\s*年(?:度)?$|[《“]$`)
)

// reportTitle finds the government and title of a report from what it says
// of itself, never inventing either: the title is a title line of the file
// or report front matter (…政府工作報告, …施政報告), else the front matter's
// title; the government is read from the title line, the dateline
// (在某省第十四届人民代表大会…), the speaker line (某省省长 某某), the front
// matter's title, and last 我代表某某人民政府. A bare level (省, 自治区) names no
// government. Either is "" when unknown.
func reportTitle(r *Report) (gov, title string) {
	var cands []string
	for _, u := range r.Source.Front {
		cands = append(cands, u.Text)
	}
	for _, u := range r.Units {
		if u.Part != nil && u.Part.Kind != Preamble || u.Role == RoleSalutation {
			break
		}
		cands = append(cands, u.Text)
	}
	for _, c := range cands {
		f := hanzi.Fold(c)
		i := strings.Index(f, "政府工作报告")
		if i < 0 {
			i = strings.Index(f, "施政报告")
		}
		if i >= 0 && !runesOver(c, 40) {
			title = c
			gov = govName(string([]rune(c)[:runeLen(f[:i])]))
			break
		}
	}
	for _, c := range cands {
		if gov != "" {
			break
		}
		f := hanzi.Fold(c)
		if m := reCongressOf.FindStringSubmatchIndex(f); m != nil {
			gov = govName(runeSlice(c, f, m[2], m[3]))
		} else if m := reOffice.FindStringSubmatchIndex(f); m != nil && !runesOver(c, 30) && !hasSentenceEnd(c) {
			gov = govName(runeSlice(c, f, m[2], m[3]))
		}
	}
	if t := r.Meta["title"]; t != "" {
		f := hanzi.Fold(t)
		if i := strings.Index(f, "政府工作报告"); i >= 0 && gov == "" {
			gov = govName(string([]rune(t)[:runeLen(f[:i])]))
		}
		if title == "" {
			title = t
		}
	}
	for _, u := range r.Units {
		if u.Seq > 6 || gov != "" {
			break
		}
		f := hanzi.Fold(u.Text)
		if m := reRepresent.FindStringSubmatchIndex(f); m != nil {
			gov = govName(runeSlice(u.Text, f, m[2], m[3]))
			break
		}
	}
	return gov, trimSpace(reTitleDateline.ReplaceAllString(title, ""))
}

// reTitleDateline is a dateline in brackets at the end of a title line
// (某省政府工作报告（2031年1月15日 王某）): the delivered date, no part of the
// title.
var reTitleDateline = reading.New(`[（(][^（）()]*[0-9０-９〇一二三四五六七八九]{4}\s*年[^（）()]*[）)]\s*$`)

// runeSlice returns the part of s that bytes [i, j) of its folding f hold:
// folding keeps the number of runes, not of bytes.
func runeSlice(s, f string, i, j int) string {
	rs := []rune(s)
	return string(rs[runeLen(f[:i]):runeLen(f[:j])])
}

// govName cleans the name of a government read before a title or an office:
// a year, spaces and markup off; "" when what is left is a bare level (省,
// 自治区, 本市) or not a name.
func govName(s string) string {
	s = trimSpace(strings.Trim(s, "*#—-－ 　"))
	s = reYearPrefix.ReplaceAllString(s, "")
	s = reYearSuffix.ReplaceAllString(s, "")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "人民政府"), "政府")
	s = trimSpace(strings.TrimSuffix(s, "人民"))
	f := hanzi.Fold(s)
	if m := reOfficeSuffix.FindStringIndex(f); m != nil {
		// A speaker's title names no government: 行政长官, 某市市长 → 某市.
		s = trimSpace(runeSlice(s, f, 0, m[0]))
		f = hanzi.Fold(s)
	}
	if runeLen(f) < 2 || runesOver(f, 16) || hanRatio(f) < 1 {
		return ""
	}
	switch f {
	case "自治区", "自治州", "自治县", "特别行政区", "本省", "本市", "本区", "本县", "我省", "我市", "我区", "全省", "全市", "全区":
		return ""
	}
	if strings.HasPrefix(f, "第") || strings.ContainsAny(f, "在向作的会议大会") {
		return ""
	}
	return s
}

// reportIDs gives every report an id: the file's stem for a file holding one
// report, p1, p2 … by marker (or by place, when the reports have no
// markers) for a file holding several, prefixed with the stem when the
// corpus has several files.
func reportIDs(sources []*Source) {
	used := map[string]int{}
	for _, src := range sources {
		stem := stemOf(src.Name)
		for _, r := range src.Reports {
			var id string
			switch {
			case r.Marker == nil && len(src.Reports) == 1:
				id = stem
			case len(sources) == 1:
				id = fmt.Sprintf("p%d", markerNumber(r))
			default:
				id = fmt.Sprintf("%s-p%d", stem, markerNumber(r))
			}
			if used[id]++; used[id] > 1 {
				id = fmt.Sprintf("%s-%d", id, used[id])
			}
			r.ID = id
			for _, u := range r.Units {
				u.ID = fmt.Sprintf("%s.%d", id, u.Seq)
			}
		}
	}
}

func markerNumber(r *Report) int {
	if r.Marker != nil && r.Marker.Number > 0 {
		return r.Marker.Number
	}
	return r.Index
}

func stemOf(name string) string {
	name = strings.TrimPrefix(name, "embedded:")
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	if name == "" {
		return "report"
	}
	return name
}
