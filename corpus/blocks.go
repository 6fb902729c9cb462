package corpus

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// blockKind says what a block of lines is.
type blockKind int

const (
	bParagraph blockKind = iota
	bSalutation
	bHeading // a candidate heading: short, no full stop
)

// block is a logical line: one physical line, or several joined because a
// paragraph or a heading was broken across them.
type block struct {
	kind    blockKind
	text    string // the joined content
	segs    []Span // the bytes of the words of each physical line
	start   int    // where its first line's content starts, markup included
	strong  bool   // marked as a heading: bold or #
	line    int
	endLine int
	marker  markerKind
	mtext   string // the marker as written
	number  int
	bare    int // value of a lost-parentheses marker, 0 if none
	// appendix: its first line opens an appendix of the year's projects.
	appendix bool
	// sentences are those of text, once cut (see showsMerges), or nil.
	sentences []Sentence
}

// buildBlocks joins the physical lines of a report into blocks:
//   - a heading whose quotes or brackets are left open continues on the next
//     line (第三部分 關於《…發展規劃 / 綱要…》的說明);
//   - a paragraph line that stops without final punctuation continues on the
//     next line unless that line is a heading (…引導更多民間資 / 本參與港區建設。).
func buildBlocks(lines []line) []*block {
	n := 0
	for _, l := range lines {
		if !l.blank() && l.furn == "" {
			n++
		}
	}
	content := make([]line, 0, n) // a copy: a line of it may be rewritten below, and lines are read again after
	for _, l := range lines {
		if !l.blank() && l.furn == "" {
			content = append(content, l)
		}
	}
	width := wrapWidth(content)
	indented := width > 0 && indentsParagraphs(content, width)
	first := firstWidth(content, width)
	// runsOn reports whether line i of a wrapped text runs on in the next:
	// it fills the width (a paragraph's first line, the width less its
	// indent where the indent was lost) and does not end a sentence, or
	// the next line is no paragraph's start, by its indent or its width (a
	// sentence may end at the end of a line). A page break between the two
	// changes nothing: its lines are furniture, not content.
	runsOn := func(i int, opening bool) bool {
		l := content[i]
		if joins(content, i) {
			return true
		}
		if width == 0 || l.strong || i+1 >= len(content) ||
			l.width() < width-1 && !(opening && first < width && l.width() >= first-1) {
			return false
		}
		next := content[i+1]
		if isSalutation(next.text) || opensHeading(next.text) || next.strong {
			return false
		}
		switch {
		case indented:
			return next.indent == 0
		case terminal(l.text) && opensParagraph(next.text):
			// Its indent lost, a paragraph whose last line fills the
			// width tells its end only by how the next one opens.
			return false
		case !terminal(l.text):
			return true
		case first < width:
			// A first line is as wide as the first lines are; a
			// line as wide as the text, or a short one that ends a
			// sentence, goes on with the paragraph.
			n := next.width()
			return n >= width-1 || n < first-1 && terminal(next.text) && !headingCandidate(next.text)
		}
		return false
	}
	var blocks []*block
	for i := 0; i < len(content); i++ {
		l := content[i]
		if head, rest, ok := splitBoldHeading(l); ok {
			// **2035年工作回顾** 2035年是…: a part heading, then a paragraph.
			b := &block{kind: bHeading, text: head.text, segs: head.segs, start: l.cs, strong: true, line: l.no, endLine: l.no}
			b.marker, b.mtext, b.number = marker(b.text)
			blocks = append(blocks, b)
			content[i] = rest
			i--
			continue
		}
		// The line's segments, clipped: a block that grows copies them.
		b := &block{text: l.text, segs: slices.Clip(l.segs), start: l.cs, strong: l.strong, line: l.no, endLine: l.no,
			appendix: l.appendix}
		if boldAcross(content, i) {
			// **甲省政府 / 工作报告**: one heading in bold over two lines.
			b.kind, b.strong = bHeading, true
			i++
			b.add(content[i])
			b.marker, b.mtext, b.number = marker(b.text)
			blocks = append(blocks, b)
			continue
		}
		// A text wrapped at a fixed width: a full line without final
		// punctuation goes on in the next, whatever that one looks like.
		for opening := true; runsOn(i, opening); opening = false {
			i++
			b.add(content[i])
		}
		if len(b.segs) > 1 {
			b.kind = bParagraph
			if headingCandidate(b.text) {
				b.kind = bHeading
			}
			b.marker, b.mtext, b.number = marker(b.text)
			blocks = append(blocks, b)
			continue
		}
		switch {
		case isSalutation(l.text):
			b.kind = bSalutation
		case l.strong && !runesOver(l.text, 80):
			b.kind = bHeading
		case headingCandidate(l.text) && !brokenProse(l.text, content[i+1:]) && !joins(content, i):
			b.kind = bHeading
			for !balanced(b.text) && i+1 < len(content) && !runesOver(content[i+1].text, 60) {
				i++
				b.add(content[i])
			}
		default:
			for joins(content, i) || !terminal(b.text) && i+1 < len(content) && !headingCandidate(content[i+1].text) &&
				!isSalutation(content[i+1].text) && !content[i+1].strong {
				i++
				b.add(content[i])
			}
		}
		b.marker, b.mtext, b.number = marker(b.text)
		if b.marker == markNone {
			b.bare, _ = bareMarker(b.text)
		}
		blocks = append(blocks, b)
	}
	return blocks
}

// boldAcross reports whether content[i] and the line after it are one
// heading in bold broken over two lines: the first opens the bold, the next
// (right after it) closes it, and together they are short and have no full
// stop. A title whole on its line, with the dateline or the speaker after it
// in the same bold, is two lines.
func boldAcross(content []line, i int) bool {
	if i+1 >= len(content) {
		return false
	}
	l, next := content[i], content[i+1]
	if !l.boldOpens || l.boldCloses || !next.boldCloses || next.boldOpens || next.no != l.no+1 {
		return false
	}
	joined := l.text + next.text
	if runesOver(joined, 40) || !headingCandidate(joined) || isTitle(hanzi.Fold(l.text)) {
		return false
	}
	f := hanzi.Fold(next.text)
	return !reDateline.MatchString(f) && !reSpeaker.MatchString(f)
}

// joins reports whether the line after content[i] goes on with its
// paragraph after a page jump: it is opened by （上接第2版） and content[i] is
// no heading.
func joins(content []line, i int) bool {
	return i+1 < len(content) && content[i+1].joins && !content[i].strong
}

// splitBoldHeading cuts a line opened by a part heading in bold and going on
// with a paragraph into the two.
func splitBoldHeading(l line) (head, rest line, ok bool) {
	if l.boldLead == 0 || len(l.segs) < 2 || l.segs[0].Len() != l.boldLead {
		return l, l, false
	}
	t := trimSpace(l.text[:l.boldLead])
	_, isPart := partKindOf(t)
	if k, _, _ := marker(t); k == markDun && headingCandidate(t) {
		isPart = true // 二、乘势而上，推动现代化建设迈上新台阶 in bold, then its first paragraph
	}
	if !isPart || hasSentenceEnd(t) || runesOver(t, 40) {
		return l, l, false
	}
	head, rest = l, l
	head.text, head.segs, head.boldLead = t, l.segs[:1], 0
	after := l.text[l.boldLead:]
	rest.text, rest.boldLead = trimSpace(after), 0
	rest.segs = append([]Span(nil), l.segs[1:]...)
	rest.segs[0].Start += len(after) - len(strings.TrimLeft(after, spaces))
	if rest.segs[0].Len() <= 0 {
		return l, l, false
	}
	rest.cs = rest.segs[0].Start
	return head, rest, rest.text != ""
}

// brokenProse reports whether a short line without a full stop is the start
// of a paragraph broken across lines rather than a heading: it has no
// numbering, a comma inside, and the next line carries on as prose.
func brokenProse(s string, rest []line) bool {
	if len(rest) == 0 || !strings.ContainsAny(s, "，,") || isSalutation(rest[0].text) || headingCandidate(rest[0].text) || rest[0].strong {
		return false
	}
	if k, _, _ := marker(s); k != markNone {
		return false
	}
	if n, _ := bareMarker(s); n > 0 {
		return false
	}
	return true
}

// wrapWidth returns the width, in characters, at which a text was hard
// wrapped (as text taken from a PDF often is), or 0 when it was not: the
// longest of three neighbouring lengths (wrapped lines vary by a character
// or two where half-width digits and punctuation fall) that together hold
// most lines of 16 characters or more, at least three in ten of them and at
// least five.
func wrapWidth(content []line) int {
	count := map[int]int{}
	long := 0
	for _, l := range content {
		if n := l.width(); n >= 16 {
			count[n]++
			long++
		}
	}
	best, bestN := 0, 0
	for n, c := range count {
		if c > bestN || c == bestN && n > best {
			best, bestN = n, c
		}
	}
	if bestN < 5 || bestN*10 < long*3 {
		// No one length: three neighbouring ones, for proportional text.
		best, bestN = 0, 0
		for n := range count {
			c := count[n] + count[n-1] + count[n-2]
			if c > bestN || c == bestN && n > best {
				best, bestN = n, c
			}
		}
		if bestN < 5 || bestN*10 < long*4 {
			return 0
		}
		return best - 1
	}
	return best
}

// indentsParagraphs reports whether a text wrapped at width marks where its
// paragraphs start by an indent, as a PDF's text does: lines are indented
// (five at least), most of those after a short line (which ends a paragraph
// or a heading) are, and almost none after a full line that does not end a
// sentence, which runs on in the next. The share of indented lines among all
// says nothing: long paragraphs make it small.
func indentsParagraphs(content []line, width int) bool {
	all, after, afterIndented, opens, opensIndented := 0, 0, 0, 0, 0
	for i, l := range content {
		if l.indent > 0 {
			all++
		}
		if i == 0 {
			continue
		}
		switch prev := content[i-1]; {
		case prev.width() < width-1:
			opens++
			if l.indent > 0 {
				opensIndented++
			}
		case !terminal(prev.text):
			after++
			if l.indent > 0 {
				afterIndented++
			}
		}
	}
	return all >= 5 && after >= 5 && afterIndented*10 <= after && opensIndented*2 >= opens
}

// firstWidth returns the width of the first lines of the paragraphs of a
// text wrapped at width whose indents were lost: a width a little less than
// the text's (by the indent of two to four characters) common among the
// lines that open paragraphs (after a line that does not fill the width) and
// three times rarer among those that go on with one. It returns width when
// there is none.
func firstWidth(content []line, width int) int {
	if width == 0 {
		return width
	}
	opens, goesOn := map[int]int{}, map[int]int{}
	for i := 1; i < len(content); i++ {
		n := content[i].width()
		if n < width-4 || n > width-2 || content[i].indent > 0 {
			continue
		}
		if content[i-1].width() < width-1 {
			opens[n]++
		} else if !terminal(content[i-1].text) {
			goesOn[n]++
		}
	}
	best, bestN := width, 0
	for n, c := range opens {
		if c > bestN || c == bestN && n > best {
			best, bestN = n, c
		}
	}
	if bestN < 5 || bestN < 3*goesOn[best] {
		return width
	}
	return best
}

// opensHeading reports whether a line starts with the numbering of a part
// or section (第一部分, 一、, （一）), so it cannot continue a wrapped line.
func opensHeading(s string) bool {
	k, _, _ := marker(s)
	return k == markPart || k == markDun || k == markParen || k == markDigit
}

// reOrdinalLead matches an ordinal that opens a paragraph of a list:
// 第一，第二、.
var reOrdinalLead = reading.New(`^第[一二三四五六七八九十]{1,3}[，,、]`)

// opensParagraph reports whether a line starts the way a paragraph mostly
// starts and a sentence inside one seldom does: a dash (——稳增长…), a
// salutation (各位代表！…), the numbering of a heading or of an item of a
// list (一、, （一）, 1., 第一，). Not 二是: the items it numbers run on in
// one paragraph three times as often as they open one.
func opensParagraph(s string) bool {
	if opensHeading(s) || strings.HasPrefix(s, "——") || strings.HasPrefix(s, "――") || reOrdinalLead.MatchString(s) {
		return true
	}
	return salutationLed(s)
}

func (b *block) add(l line) {
	b.text += l.text
	b.segs = append(b.segs, l.segs...)
	b.endLine = l.no
}

var (
	reFiveYearPeriod = reading.New(fiveYears + `(?:时期|期间)`)
	// reFiveYearPlan matches a five-year plan or its period named in a
	// heading: “十六五”时期, 十六五规划, 九五计划.
	reFiveYearPlan = reading.New(fiveYears + `(?:时期|期间|规划|计划)`)
	// reWorkYear matches a year of work named in a heading: 2036年, 二〇三六年,
	// 今年, 明年.
	reWorkYear = reading.New(`(?:(?:19|20)[0-9]{2}|[一二][〇零九○][〇零一二三四五六七八九○]{2})\s*年|今年|明年`)
	// reYearTasks matches a year of work and what it asks for:
	// 2036年经济社会发展总体要求, 今年的预期目标.
	reYearTasks = reading.New(`(?:` + reWorkYear.String() + `).{0,12}?(?:总体要求|预期目标|主要目标)`)
)

// fiveYears matches the name of a five-year plan before what it names
// (十六五, “九五”).
const fiveYears = `(?:十[一二三四五六七八九]*|[六七八九])五.{0,2}`

// partKindOf tells from a heading's words which part it opens; ok is false
// when the words name no part. A heading that names a year of work and no
// look back (三、2036年工作, 全面做好2037年工作, 明年的主要任务) opens a plan,
// also beside the next five years (未来五年奋斗方向和2036年的工作, “十七五”时期
// 目标任务和2036年工作安排, 今后五年奋斗目标和2036年发展总体要求; not
// 2050年远景目标, no year of work). A heading
// that says what was done (上年目标任务完成情况, 全面完成了…各项任务), or names
// a time past and its achievements with no task (“十六五”时期全省发展取得显著
// 成就, 2035年工作和“十六五”发展成就, 关于去年和今年一季度工作), opens a
// review.
func partKindOf(heading string) (kind PartKind, ok bool) {
	f := hanzi.Fold(heading)
	has := func(words ...string) bool { return containsAny(f, words...) }
	if has("工作报告", "施政报告") {
		return "", false // a title
	}
	ahead := has("今后五年", "未来五年")
	// Every match of reWorkYear holds 年, and every one of reFiveYearPlan
	// and reFiveYearPeriod holds 五: a heading without them is not tried
	// (most are not; the expressions backtrack over the whole heading).
	hasYear, hasFive := contains(f, "年"), contains(f, "五")
	year := hasYear && reWorkYear.MatchString(f)
	plan := hasFive && reFiveYearPlan.MatchString(f)
	done := has("完成情况", "执行情况", "完成了", "胜利完成")
	achieved := (has("成就", "成绩") || has("去年") && has("工作")) && !has("目标", "任务")
	switch {
	case (ahead || plan) && year && (has("工作", "任务") || reYearTasks.MatchString(f)) &&
		!has("回顾", "远景") && !done && !achieved:
		return Plan, true // 未来五年奋斗方向和2036年的工作, 今后五年奋斗目标和2036年发展总体要求
	case has("纲要", "五年规划", "规划建议") && !has("回顾"),
		hasFive && reFiveYearPeriod.MatchString(f) && has("目标", "任务") && !has("回顾", "总结") && !done,
		ahead && !has("回顾"):
		return Outline, true
	case has("回顾", "工作总结"), done,
		achieved && (year || plan || has("去年")),
		has("过去五年", "过去一年", "一年来", "五年来", "基本估计") && !has("任务", "安排", "重点工作", "总体要求"):
		return Review, true
	case has("任务", "工作安排", "重点工作", "总体要求", "总体部署", "主要目标", "预期目标",
		"政策取向", "工作部署", "下一步", "工作建议", "工作思路", "今年工作", "主要工作"),
		year && has("工作", "目标", "指导思想", "思路"):
		return Plan, true
	}
	return "", false
}

// splitSentences cuts text at 。！？ (with the closing quotes that follow) and
// returns byte ranges; text between the last stop and the end is a sentence
// of its own.
func splitSentences(text string) []Sentence { return appendSentences(nil, text) }

// appendSentences appends to ss the sentences of text (splitSentences).
func appendSentences(ss []Sentence, text string) []Sentence {
	start := 0
	for pos := 0; pos < len(text); {
		at, n := hanzi.SentenceStops.Index(text[pos:])
		if at < 0 {
			break
		}
		pos += at + n
		for pos < len(text) {
			c, m := utf8.DecodeRuneInString(text[pos:])
			if !isCloser(c) {
				break
			}
			pos += m
		}
		ss = appendSentence(ss, text, start, pos)
		start = pos
	}
	if start < len(text) {
		ss = appendSentence(ss, text, start, len(text))
	}
	return ss
}

func isCloser(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '）', ')', '》', '〉', '】', '"', '\'':
		return true
	}
	return false
}

func appendSentence(ss []Sentence, text string, start, end int) []Sentence {
	raw := text[start:end]
	t := trimSpace(raw)
	if t == "" {
		return ss
	}
	s := start + strings.Index(raw, t)
	return append(ss, Sentence{Start: s, End: s + len(t), Text: t})
}

// leadSentence returns the first sentence of text when it reads as a heading:
// short, or enumerated (一是…, （一）…), followed by more text. It comes back
// without its final punctuation and leading dashes; "" when there is none.
func leadSentence(text string, ss []Sentence) string {
	if len(ss) < 2 || isSalutation(ss[0].Text) {
		return ""
	}
	first := strings.TrimRight(ss[0].Text, "。！？!?")
	first = strings.TrimLeft(first, "—-－ \u3000")
	n := runeLen(first)
	if n == 0 || n > 40 {
		return ""
	}
	k, _, _ := marker(first)
	_, bare := bareMarker(first)
	enumerated := k != markNone || bare > 0
	if !enumerated && (n > 24 || strings.ContainsAny(first, "，,：:；;")) {
		return ""
	}
	return first
}

// bigrams is a set of pairs of Han characters, folded.
type bigrams map[[2]rune]bool

// genericBigrams returns the two-character words so common in work reports
// that sharing them says nothing about sharing a topic, made on first use.
var genericBigrams = sync.OnceValue(func() bigrams {
	m := bigrams{}
	for _, w := range strings.Fields(`推进 加强 完善 深化 建设 工作 发展 进一 一步 全面 积极 实施 开展 提高 提升
		推动 坚持 持续 不断 做好 落实 健全 加快 加大 继续 实现 完成 成功 进行 做到 着力 努力 大力 切实
		机制 制度 体系 重点 全区 全市 我区 我市 区域 有效 不断 进展 成效 取得 明显 显著 稳步 深入
		以及 我们 各项 相关 和谐 促进 服务 管理 社会 创新 改革`) {
		rs := []rune(w)
		m[[2]rune{rs[0], rs[1]}] = true
	}
	return m
})

// contentBigrams returns the set of folded Han bigrams of s that are not
// generic.
func contentBigrams(s string) bigrams {
	m, generic := bigrams{}, genericBigrams()
	prev := rune(-1)
	for _, r := range hanzi.Fold(s) {
		if bg := [2]rune{prev, r}; hanzi.IsHan(prev) && hanzi.IsHan(r) && !generic[bg] {
			m[bg] = true
		}
		prev = r
	}
	return m
}

// topicSentence reports whether a sentence has the shape of a topic
// paragraph's lead: 4 to 16 characters, no commas, digits or quotes inside.
func topicSentence(s string) bool {
	body := strings.TrimRight(s, "。！？!?")
	if runesOver(body, 16) || runeLen(body) < 4 || !strings.HasSuffix(s, "。") {
		return false
	}
	if k, _, _ := marker(body); k != markNone {
		return false
	}
	if n, _ := bareMarker(body); n > 0 {
		return false
	}
	return !strings.ContainsAny(body, "，,、；;：:（）()0123456789%—-") && hanRatio(body) > 0.9
}

// topicBreaks returns the indexes of the sentences of a paragraph that open a
// topic paragraph of their own, for paragraphs that were merged on one line
// (…改善通勤條件。加強水源地保護。把水質達標…). A sentence opens a topic when it
// has a topic sentence's shape, is neither first nor last, the text before it
// has two sentences or more, and either a stray space stands before it or
// (when byCohesion is set) it shares two or more content words with the two
// sentences after it, and it shares none with the lead of the topic it would
// end: a topic sentence
// announces what follows, a short item in a list does not, and an item that
// speaks of the current topic (推進社區醫療服務 … 建立社區醫院標準化指標體系)
// belongs to it.
func topicBreaks(ss []Sentence, byCohesion bool) []int {
	var breaks []int
	last := 0
	var lead bigrams // read when first needed
	for i := 1; i+1 < len(ss); i++ {
		if !topicSentence(ss[i].Text) || i-last < 2 {
			continue
		}
		spaced := ss[i].Start > ss[i-1].End
		if !spaced && !byCohesion {
			continue
		}
		if lead == nil {
			lead = bigrams{}
			if topicSentence(ss[0].Text) {
				lead = contentBigrams(ss[0].Text)
			}
		}
		cand := contentBigrams(ss[i].Text)
		if overlaps(cand, lead) {
			continue
		}
		next := ss[i+1].Text
		if i+2 < len(ss) {
			next += ss[i+2].Text
		}
		shared := 0
		nb := contentBigrams(next)
		for bg := range cand {
			if nb[bg] {
				shared++
			}
		}
		follows := runeLen(ss[i+1].Text) > runeLen(ss[i].Text)
		if follows && (spaced || byCohesion && shared >= 2) {
			breaks = append(breaks, i)
			last = i
			lead = cand
		}
	}
	return breaks
}

func overlaps(a, b bigrams) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}
