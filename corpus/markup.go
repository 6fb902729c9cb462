package corpus

import (
	"strings"
	"unicode"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// Reports come as plain text, as markdown (a YAML front matter block,
// **bold** and # headings, HTML comments, images and their captions) and as
// text extracted from a PDF (form feeds, page numbers, running headers and
// footers, a table of contents). markLines reads these marks before the
// structure is read: markup is taken out of a line's words (its segments skip
// the ** and # bytes), a line wholly in bold or opened by # is a heading, and
// lines that are not the report's words become furniture, pieces of their own
// that keep every byte of the file but never become paragraphs or titles.

// FurnitureKind says what a stretch of furniture is.
type FurnitureKind string

// The kinds of furniture.
const (
	FurnMeta    FurnitureKind = "meta"    // a YAML front matter block: title, source, date
	FurnComment FurnitureKind = "comment" // an HTML comment <!-- … -->
	FurnImage   FurnitureKind = "image"   // a markdown image ![…](…)
	FurnCaption FurnitureKind = "caption" // the caption of a photograph
	FurnRule    FurnitureKind = "rule"    // a markdown rule: ---, ***
	FurnPage    FurnitureKind = "page"    // a page number or a form feed
	FurnRunning FurnitureKind = "running" // a running header or footer
	FurnTOC     FurnitureKind = "toc"     // a table of contents
	// FurnAppendix (appendix.go): an appendix after the closing.
)

// Furniture is text around a report's words that is not part of them. It is
// a piece of its own between paragraphs; inside a paragraph broken by a page
// (…text / 12 / running header / text…) it stays within that paragraph's
// span but out of its text.
type Furniture struct {
	Span
	Line, EndLine int
	Kind          FurnitureKind
	Text          string // its lines' words, joined by line ends
}

var (
	reImage     = reading.New(`^!\[[^\]]*\]\([^)]*\)$`)
	reRule      = reading.New(`^(?:-{3,}|\*{3,}|_{3,}|={3,})$`)
	reATXMarker = reading.New(`^#{1,6}[ \t\x{3000}]+`)
	reListItem  = reading.New(`^[-*+][ \t]+`)
	rePageNo    = reading.New(`^(?:[-—–·•－]\s*)?[0-9]{1,3}(?:\s*[-—–·•－])?$|^第\s*[0-9]{1,3}\s*[页頁](?:\s*[/／,，]?\s*共\s*[0-9]{1,3}\s*[页頁])?$|^[0-9]{1,3}\s*[/／]\s*[0-9]{1,3}$|^(?i:page)\s*[0-9]{1,3}(?:\s*of\s*[0-9]{1,3})?$`)
	reTOCEntry  = reading.New(`^(.{2,60}?)[ \t\x{3000}]*(?:[.．·…_‧•]{3,}|…{2,})[ \t\x{3000}]*[0-9]{1,3}$`)
	reTOCNumber = reading.New(`[ \t\x{3000}.．·…_‧•]*[0-9]{1,3}$`)
	reCaption   = reading.New(`作.{0,4}(?:政府工作|施政)报告.{0,40}摄$`)
	// reCaptionCue matches, folded, what a photograph's caption says of
	// itself: a credit (摄, 记者, 供图, 图片来源) or an opening 图为 / 图：.
	reCaptionCue = reading.New(`摄|记者|通讯员|供图|图片|资料图|^图[为：:/]|^(?i:photo)`)
	reDigitRun   = reading.New(`[0-9]+`)
)

// markLines reads the markup and the furniture of a file's lines, in place.
func markLines(text string, lines []line) {
	frontMatter(lines)
	for i := 0; i < len(lines); i++ {
		l := &lines[i]
		if l.furn != "" || l.blank() {
			continue
		}
		switch {
		case strings.HasPrefix(l.text, "<!--"):
			// A comment runs to the line that closes it, fifty lines at most.
			end := i
			for j := i; j < len(lines) && j < i+50; j++ {
				if strings.Contains(lines[j].text, "-->") {
					end = j
					break
				}
			}
			if !strings.Contains(lines[end].text, "-->") {
				continue
			}
			for j := i; j <= end; j++ {
				lines[j].furn = FurnComment
			}
			i = end
		case strings.HasPrefix(l.text, "![") && reImage.MatchString(l.text):
			l.furn = FurnImage
			if j := nextContent(lines, i); j > 0 && caption(lines[j].text, true) {
				lines[j].furn = FurnCaption
			}
		case !runesOver(l.text, captionMax) && containsAny(l.text, "摄", "攝"):
			// (Only a short line may be a caption: a paragraph, most of a
			// text, is not scanned for the character.)
			if caption(l.text, false) {
				l.furn = FurnCaption
			}
		case strings.IndexByte("-*_=", l.text[0]) >= 0 && reRule.MatchString(l.text):
			l.furn = FurnRule
		case l.text == "\f" || len(l.text) <= 24 && rePageNo.MatchString(l.text):
			l.furn = FurnPage
		}
		if l.furn == "" {
			stripMarkup(text, l)
			stripJumps(text, l)
		}
	}
	contents(lines)
	runningLines(lines)
	appendices(lines)
}

// frontMatter marks a YAML block that opens the file: a line ---, key: value
// lines, and a closing --- (or ...) within forty lines.
func frontMatter(lines []line) {
	first := nextContent(lines, -1)
	if first < 0 || lines[first].text != "---" {
		return
	}
	for j := first + 1; j < len(lines) && j <= first+40; j++ {
		t := lines[j].text
		if t == "---" || t == "..." {
			for k := first; k <= j; k++ {
				lines[k].furn = FurnMeta
			}
			return
		}
		if t != "" && !strings.Contains(t, ":") && !strings.HasPrefix(t, "-") && !strings.HasPrefix(t, "#") {
			return // not YAML: a rule over text
		}
	}
}

// parseMeta reads the key: value lines of a front matter block.
func parseMeta(text string) map[string]string {
	m := map[string]string{}
	for _, l := range strings.Split(text, "\n") {
		k, v, ok := strings.Cut(l, ":")
		if !ok || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "-") {
			continue
		}
		v = strings.Trim(trimSpace(v), `"'`)
		if k = strings.ToLower(trimSpace(k)); k != "" && v != "" {
			m[k] = v
		}
	}
	return m
}

// captionMax is the most characters a caption has.
const captionMax = 80

// caption reports whether a line is the caption of a photograph: the speaker
// delivering the report, with the photographer's credit; after an image, a
// short line that says it is one (摄, 记者 某某, 图为…, 供图) and is not the
// report's own front matter (a dateline, a title, a salutation, a heading).
func caption(s string, afterImage bool) bool {
	if runesOver(s, captionMax) {
		return false
	}
	f := foldedNoSpace(s)
	if afterImage && !runesOver(s, 60) && reCaptionCue.MatchString(f) && !isSalutation(s) &&
		!strings.HasPrefix(s, "**") && !strings.HasPrefix(s, "#") && !isTitle(f) && !reDateline.MatchString(f) {
		if k, _, _ := marker(s); k == markNone {
			return true
		}
	}
	return reCaption.MatchString(f)
}

// nextContent returns the index of the first non-blank line after i, or -1.
func nextContent(lines []line, i int) int {
	for j := i + 1; j < len(lines); j++ {
		if !lines[j].blank() {
			return j
		}
	}
	return -1
}

// stripMarkup takes markdown's marks out of a line's words: a leading # and
// every ** (paired on the line or not). A line wholly in bold, or opened by
// #, is strong: a heading.
func stripMarkup(text string, l *line) {
	c := l.text
	start := l.cs
	if m := atxMarker(c); m != "" && runeLen(c) > len(m) {
		c, start = c[len(m):], start+len(m)
		l.strong = true
	} else if m := listItem(c); m != "" && runeLen(c) > len(m) {
		c, start = c[len(m):], start+len(m)
	}
	n := strings.Count(c, "**")
	if n == 0 {
		if start != l.cs {
			l.segs, l.text = []Span{{start, l.ce}}, c
		}
		return
	}
	// An unpaired ** (bold opened on one line and closed on another,
	// or never closed) is markup too: it never enters the words.
	var segs []Span
	var b strings.Builder
	pos := 0
	for k := 0; k < n; k++ {
		i := strings.Index(c[pos:], "**")
		if i > 0 {
			segs = append(segs, Span{start + pos, start + pos + i})
			b.WriteString(c[pos : pos+i])
		}
		pos += i + 2
	}
	if pos < len(c) {
		segs = append(segs, Span{start + pos, start + len(c)})
		b.WriteString(c[pos:])
	}
	words := b.String()
	if trimSpace(words) == "" {
		return // nothing but asterisks: leave them as words
	}
	if n == 2 && strings.HasPrefix(c, "**") && strings.HasSuffix(c, "**") {
		l.strong = true
	} else if strings.HasPrefix(c, "**") && len(segs) > 1 {
		l.boldLead = segs[0].Len()
	}
	l.boldOpens = n%2 == 1 && strings.HasPrefix(c, "**")
	l.boldCloses = n%2 == 1 && strings.HasSuffix(c, "**")
	segs = trimSegs(text, segs)
	l.segs, l.text = segs, trimSpace(words)
}

// atxMarker returns the # marker that opens c (reATXMarker), or "". The
// expression is tried only on a line that opens with #: every line is
// read for its markup, and a call costs more than the test.
func atxMarker(c string) string {
	if !strings.HasPrefix(c, "#") {
		return ""
	}
	return reATXMarker.FindString(c)
}

// listItem returns the marker of a list's item that opens c (reListItem),
// or "", trying the expression only on a line opened by - * or +.
func listItem(c string) string {
	if c == "" || strings.IndexByte("-*+", c[0]) < 0 {
		return ""
	}
	return reListItem.FindString(c)
}

// reJump matches a newspaper's note that the text goes on on another page,
// or comes from one: （下转第2版）, （紧接第一版）, （上接第1版）.
var reJump = reading.New(`[（(](?:下[转轉]|上接|[紧緊]接|接上|[转轉]下)第?[0-9一二三四五六七八九十]{1,3}版[）)]`)

// reJumpFrom matches a note that the text comes from another page, at the
// start of a line.
var reJumpFrom = reading.New(`^[（(](?:上接|[紧緊]接|接上)`)

// stripJumps takes a newspaper's page-jump notes out of a line's words; a
// line that holds nothing else is page furniture. A line opened by a note
// that it comes from another page (（上接第2版）…) goes on with the paragraph
// the jump cut, whatever ends the text before the jump.
func stripJumps(text string, l *line) {
	if !contains(l.text, "版") || !reJump.MatchString(l.text) {
		return
	}
	var segs []Span
	for _, sg := range l.segs {
		pos := sg.Start
		for _, m := range reJump.FindAllStringIndex(text[sg.Start:sg.End], -1) {
			note := text[sg.Start+m[0] : sg.Start+m[1]]
			l.jumps += runeLen(note)
			if sg.Start+m[0] == l.segs[0].Start && reJumpFrom.MatchString(note) {
				l.joins = true
			}
			// The spaces beside a note go with it.
			end := pos + len(strings.TrimRight(text[pos:sg.Start+m[0]], spaces))
			if end > pos {
				segs = append(segs, Span{pos, end})
			}
			rest := text[sg.Start+m[1] : sg.End]
			pos = sg.End - len(strings.TrimLeft(rest, spaces))
		}
		if pos < sg.End {
			segs = append(segs, Span{pos, sg.End})
		}
	}
	segs = trimSegs(text, segs)
	if len(segs) == 0 {
		l.furn = FurnPage
		return
	}
	var b strings.Builder
	for _, sg := range segs {
		b.WriteString(text[sg.Start:sg.End])
	}
	l.segs, l.text = segs, b.String()
}

// contents marks a table of contents: lines of entries with dot leaders and
// page numbers, or the short lines after a 目录 line whose words come again
// later as headings.
func contents(lines []line) {
	for i := 0; i < len(lines); i++ {
		l := &lines[i]
		if l.furn != "" || l.blank() {
			continue
		}
		if len(l.text) <= 12 && isContentsTitle(l.text) {
			l.furn = FurnTOC
			later := map[string]bool{}
			for j := i + 1; j < len(lines); j++ {
				later[lines[j].text] = true
			}
			for j := i + 1; j < len(lines) && j < i+200; j++ {
				e := &lines[j]
				if e.blank() || e.furn != "" {
					continue
				}
				entry := reTOCNumber.ReplaceAllString(e.text, "")
				if !tocEntry(e.text) && (runesOver(e.text, 40) || hasSentenceEnd(e.text) || !laterHas(lines[j+1:], entry)) {
					break
				}
				e.furn = FurnTOC
			}
			continue
		}
		// Three entries with leaders in five lines make a table.
		if !tocEntry(l.text) {
			continue
		}
		n, j := 0, i
		for k := i; k < len(lines) && k < i+5; k++ {
			if tocEntry(lines[k].text) {
				n++
			}
		}
		if n < 3 {
			continue
		}
		for j = i; j < len(lines); j++ {
			if !lines[j].blank() && !tocEntry(lines[j].text) {
				break
			}
			if !lines[j].blank() {
				lines[j].furn = FurnTOC
			}
		}
		i = j - 1
	}
}

// tocEntry reports whether a line is an entry of a table of contents: words,
// dot leaders, a page number.
func tocEntry(s string) bool {
	if n := len(s); n < 4 || n > 240 || s[n-1] < '0' || s[n-1] > '9' {
		return false
	}
	return reTOCEntry.MatchString(s)
}

// laterHas reports whether a line of rest holds entry as its words (spaces
// aside) at its start.
func laterHas(rest []line, entry string) bool {
	e := strings.Join(strings.Fields(entry), "")
	if e == "" {
		return false
	}
	for _, l := range rest {
		if l.text != "" && strings.HasPrefix(strings.Join(strings.Fields(l.text), ""), e) {
			return true
		}
	}
	return false
}

// runningLines marks running headers and footers: a short line that comes
// back three times or more, twice at least next to a page break (a form feed
// or a page number within two lines), or that comes twice or more and every
// time next to a page break (a header of three pages). Such a line may name
// the report (甲省政府工作报告): found here, it is furniture before the file
// is searched for titles that open a report of their own.
func runningLines(lines []line) {
	nearPage := func(i int) bool {
		for j := max(0, i-2); j < len(lines) && j <= i+2; j++ {
			if j != i && (lines[j].furn == FurnPage || lines[j].page) {
				return true
			}
		}
		return lines[i].page
	}
	type seen struct{ all, near []int }
	count := map[string]*seen{}
	any := false
	for i, l := range lines {
		if l.furn == FurnPage || l.page {
			any = true
		}
		if l.furn != "" || l.blank() || runesOver(l.text, 40) || isSalutation(l.text) || hasSentenceEnd(l.text) {
			continue
		}
		key := strings.Join(strings.Fields(l.text), "")
		if strings.ContainsAny(key, "0123456789") { // what reDigitRun matches: most lines have none
			key = reDigitRun.ReplaceAllString(key, "#")
		}
		s := count[key]
		if s == nil {
			s = &seen{}
			count[key] = s
		}
		s.all = append(s.all, i)
		if nearPage(i) {
			s.near = append(s.near, i)
		}
	}
	if !any {
		return
	}
	for _, s := range count {
		if len(s.near) >= 2 && (len(s.all) >= 3 || len(s.near) == len(s.all)) {
			for _, i := range s.all {
				lines[i].furn = FurnRunning
			}
		}
	}
}

// foldedNoSpace folds s and takes its spaces out, for matching.
func foldedNoSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, hanzi.Fold(s))
}

// isContentsTitle reports whether a short line, spaces aside, is the title
// of a table of contents.
func isContentsTitle(s string) bool {
	switch strings.Join(strings.Fields(s), "") {
	case "目录", "目錄", "目次":
		return true
	}
	return false
}
