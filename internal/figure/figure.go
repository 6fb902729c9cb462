// Package figure finds the numbers of a Chinese text with their units, their
// qualifiers and what they measure: 地區生產總值增長6.8%左右, 某項收入完成
// 12.34億元, 控制在0.9 %以內, 6.5%—7%, 4~5家, 由8.8%降至6.5%.
package figure

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/ledscan"
	"github.com/reportdiff/reportdiff/internal/segment"
)

// Qualifiers of a figure.
const (
	Around       = "around"       // 左右
	Floor        = "floor"        // 以上, 不低於, 超過
	Ceiling      = "ceiling"      // 以內, 以下, 控制在, 不超過
	Aspirational = "aspirational" // 力爭
)

// Figure is a number of a text.
type Figure struct {
	Text       string  // the figure as written, unit included: 12.34億元, 6.5%—7%
	Qualified  string  // Text with the word after it that qualifies it (7%左右, 2%以內), or Text
	Start, End int     // byte offsets of Text in the text
	Value      float64 // the number; for a range, its low end
	Low, High  float64 // the ends of a range; both Value otherwise
	Range      bool
	Measure    string // what it counts: %, 億元, 萬人, 戶 … ("" for a bare number)
	Qualifier  string // around, floor, ceiling, aspirational or ""
	Label      string // what it measures, in the text's own words: 地區生產總值增長
	// A change from one level to another (由8.8%降至6.5%) gives two figures:
	// the first is the Base the second changed from, and the second holds
	// the first's words and value in From and FromValue.
	Base      bool
	From      string
	FromValue float64
}

//go:embed data/words.tsv
var wordsData string

// vocabulary is the word lists of data/words.tsv and the units a figure may
// have. It is made on first use, not as the package initialises: every
// command links the package, and a program can have it made on an idle
// processor beforehand (Warm).
type vocabulary struct {
	lists map[string][]string // the lists of data/words.tsv by name

	leadingFill, trailingVerbs, directions, predicates, headless []string
	changeVerbs, comparisons                                     []string // longest first
	beforeFigure                                                 []string

	// unitsByFirst holds the units by their first character, longest first:
	// startsWithUnit reads only those that may match.
	unitsByFirst map[rune][]string
}

// vocab returns the vocabulary, made once.
var vocab = sync.OnceValue(func() *vocabulary {
	lists := readLists(wordsData)
	return &vocabulary{
		lists:         lists,
		leadingFill:   lists["fill"],
		trailingVerbs: lists["trailing"],
		directions:    lists["direction"],
		predicates:    lists["predicate"],
		headless:      lists["headless"],
		changeVerbs:   longestFirst(lists["change"]),
		beforeFigure:  lists["before"],
		comparisons:   longestFirst(lists["compare"]),
		unitsByFirst:  byFirst(units()),
	}
})

// Warm starts making the word lists and units in the background and
// returns at once: a program about to read figures calls it early, on a
// processor that has nothing else to do. Extract makes them where it
// needs them otherwise.
func Warm() { go vocab() }

// readLists reads word lists, a list a line (its name, a tab, its words
// parted by spaces); a list may take several lines.
func readLists(data string) map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		name, words, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		ws := strings.Fields(words)
		if prev, ok := m[name]; ok {
			ws = append(prev, ws...)
		}
		m[name] = ws
	}
	return m
}

func longestFirst(ws []string) []string {
	ws = slices.Clone(ws)
	slices.SortStableFunc(ws, func(a, b string) int { return len(b) - len(a) })
	return ws
}

// units returns the units that may follow a number, in Simplified form,
// longest first: a magnitude (万, 亿, 万亿) may stand before a counted unit.
func units() []string {
	counted := []string{
		"个百分点", "平方公里", "平方米", "千瓦时", "千瓦", "公顷", "公里", "人次", "吨标准煤", "标准煤", "百分点", "元", "个", "家", "户",
		"套", "栋", "处", "项", "条", "所", "座", "亩", "米", "吨", "人", "辆", "次", "倍", "岁", "天", "件", "名", "位",
		"场", "台", "部", "批", "块", "间", "张", "本", "册", "种", "门", "斤", "美元", "千米",
		// Concentrations and rates of the environment: PM2.5 in 微克/立方米.
		"微克/立方米", "微克每立方米", "毫克/立方米", "毫克/升", "立方米", "千克",
	}
	magnitudes := []string{"万亿", "亿", "万", "千"}
	us := make([]string, 0, len(magnitudes)*(len(counted)+1)+len(counted))
	us = append(us, magnitudes...)
	for _, m := range magnitudes {
		for _, c := range counted {
			if c != "个百分点" && c != "百分点" && c != "倍" && c != "岁" && c != "天" {
				us = append(us, m+c)
			}
		}
	}
	us = append(us, counted...)
	slices.SortStableFunc(us, func(a, b string) int { return len(b) - len(a) })
	return us
}

// byFirst groups words by their first character, in their order.
func byFirst(ws []string) map[rune][]string {
	m := map[rune][]string{}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}

// approximations that may stand between a number and its unit: 450多万套,
// 1000余人. They make the figure a floor.
var approximations = []string{"多", "余"}

var reNumber = ledscan.MustCompile(`([0-9]+(?:\.[0-9]+)?)(\s*(?:%|‰))?(?:\s*(?:—|–|-|－|~|～|至|到)\s*([0-9]+(?:\.[0-9]+)?)(\s*(?:%|‰))?)?`)

// Extract returns the figures of text in order. Years (2035年, 20xx年),
// dates and ordinals (第3届) are not figures.
func Extract(text string) []Figure {
	if !hasDigit(text) {
		return []Figure{} // every figure opens with a digit
	}
	return extract(text, hanzi.Fold(text))
}

// ExtractFolded is Extract for a text whose folding, hanzi.Fold(text), is
// at hand (a corpus unit keeps its own): the text is not folded again.
func ExtractFolded(text, folded string) []Figure {
	if !hasDigit(text) {
		return []Figure{}
	}
	return extract(text, folded)
}

// extract returns the figures of text, folded is hanzi.Fold(text).
func extract(text, folded string) []Figure {
	idx := offsets{text: text}
	if !sameShape(text, folded) {
		idx.fold = hanzi.FoldIndex(text, folded)
	}
	ms := reNumber.FindAllStringSubmatchIndex(folded)
	// The figures, and beside them their places in the folded text while
	// labels are read (not in one slice of both, copied into figures at
	// the end: a figure is 160 bytes).
	figs := make([]Figure, 0, len(ms))
	places := make([]span, 0, len(ms))
	for _, m := range ms {
		if f, at, ok := readFigure(text, folded, idx, m); ok {
			figs, places = append(figs, f), append(places, at)
		}
	}
	labelAll(text, folded, idx, figs, places)
	changes(text, folded, idx, figs, places)
	return respectively(text, figs)
}

// offsets maps the byte offsets of a folded text to those of the text, as
// hanzi.FoldMap does: every byte of a rune to where the rune starts. Most
// texts fold to texts of the same shape (sameShape: a Simplified text to
// itself, a Traditional character to a Simplified one of as many bytes), and
// their offsets are read off the text rather than from an index built for
// them, of a number per byte.
type offsets struct {
	text string // the text
	fold []int  // hanzi.FoldMap's index, when the folded text is of another shape
}

// sameShape reports whether the runes of a and b, in order, are of the same
// sizes in bytes, and so stand at the same offsets.
func sameShape(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); {
		_, n := hanzi.DecodeRune(a, i)
		if _, m := hanzi.DecodeRune(b, i); m != n {
			return false
		}
		i += n
	}
	return true
}

// at returns the offset in the text of byte i of the folded text (or of its
// end).
func (o offsets) at(i int) int {
	if o.fold != nil {
		return o.fold[i]
	}
	for i > 0 && i < len(o.text) && !utf8.RuneStart(o.text[i]) {
		i--
	}
	return i
}

// hasDigit reports whether text holds a digit once folded: an ASCII one
// or a full-width one (０–９, EF BC 90–99 in UTF-8).
func hasDigit(text string) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c >= '0' && c <= '9':
			return true
		case c == 0xEF && i+2 < len(text) && text[i+1] == 0xBC && text[i+2] >= 0x90 && text[i+2] <= 0x99:
			return true
		}
	}
	return false
}

// readFigure reads the number matched by m with its unit and qualifier, and
// its place in the folded text; ok is false for a year, a date, an ordinal
// or a part of a word.
func readFigure(text, folded string, idx offsets, m []int) (Figure, span, bool) {
	start, end := m[0], m[1]
	after := folded[end:]
	before := folded[:start]
	if strings.HasPrefix(strings.TrimLeft(after, " "), "年") && m[6] < 0 && end-start == 4 ||
		strings.HasPrefix(after, "月") || strings.HasPrefix(after, "日") || strings.HasSuffix(before, "第") ||
		start > 0 && isWordByte(folded[start-1]) || len(after) > 0 && isWordByte(after[0]) && after[0] != '.' ||
		strings.HasPrefix(after, "号") {
		return Figure{}, span{}, false
	}
	if u := startsWithUnit(strings.TrimLeft(after, " ")); u != "" && strings.HasPrefix(strings.TrimLeft(after, " ")[len(u):], "级") {
		return Figure{}, span{}, false // 30万吨级: a grade, not a count
	}
	f := Figure{}
	f.Value, _ = strconv.ParseFloat(folded[m[2]:m[3]], 64)
	f.Low, f.High = f.Value, f.Value
	if m[6] >= 0 {
		f.Range = true
		f.High, _ = strconv.ParseFloat(folded[m[6]:m[7]], 64)
	}
	switch {
	case m[4] >= 0:
		f.Measure = strings.TrimSpace(folded[m[4]:m[5]])
	case m[8] >= 0:
		f.Measure = strings.TrimSpace(folded[m[8]:m[9]])
	}
	if f.Measure == "" {
		rest := strings.TrimLeft(after, " ")
		approx := ""
		for _, a := range approximations {
			if r := strings.TrimPrefix(rest, a); r != rest && startsWithUnit(r) != "" {
				approx, rest = a, r
				break
			}
		}
		if u := startsWithUnit(rest); u != "" {
			f.Measure = u
			end += len(after) - len(rest) + len(u)
			if approx != "" {
				f.Qualifier = Floor
			}
		}
	}
	f.Start, f.End = idx.at(start), idx.at(end)
	f.Text = text[f.Start:f.End]
	tail := folded[end:]
	f.Qualified = f.Text
	for _, w := range []string{"左右", "以上", "以内", "以下"} {
		if strings.HasPrefix(tail, w) {
			f.Qualified = text[f.Start:idx.at(end+len(w))]
			break
		}
	}
	switch {
	case f.Qualifier != "": // 多 or 余 made it a floor already
	case strings.HasPrefix(tail, "左右"):
		f.Qualifier = Around
	case strings.HasPrefix(tail, "以上"), strings.HasSuffix(before, "不低于"), strings.HasSuffix(before, "不少于"), strings.HasSuffix(before, "超过"):
		f.Qualifier = Floor
	case strings.HasPrefix(tail, "以内"), strings.HasPrefix(tail, "以下"), strings.HasSuffix(before, "控制在"), strings.HasSuffix(before, "不超过"), strings.HasSuffix(before, "低于"):
		f.Qualifier = Ceiling
	}
	return f, span{start, end}, true
}

// labelAll gives each figure its label: the clause before it, less the words
// that only fill it; a clause that says only which way a figure went takes
// the subject of the figure before it (收入完成12亿元，增长5.5%); a clause
// that names no subject of its own takes the subject of the clause before it
// (…产业保持良好势头，增加值占GDP的64%; 总值过万亿，达到…); a counted figure
// after a bare verb takes the words after it (建成12个文化驿站).
// places are the figures' places in the folded text.
func labelAll(text, folded string, idx offsets, figs []Figure, places []span) {
	prevEnd := 0
	var subject span
	orig := func(s span) string { return text[idx.at(s.start):idx.at(s.end)] }
	for i := range figs {
		f, at := &figs[i], places[i]
		cs, ce := clauseBefore(folded, prevEnd, at.start, "，,；;。：:、（(！？\n")
		// 生产总值（GDP）突破…, 县（市、区）新增…: the parenthesis is the
		// name's, the 、 in it no break; a number's closing mark, （3）, is
		// no part of what follows.
		for _, breaks := range []string{"，,；;。：:、！？\n", "，,；;。：:！？\n"} {
			if closesParen(folded[cs:ce]) {
				cs, ce = clauseBefore(folded, prevEnd, at.start, breaks)
			}
		}
		for _, p := range []string{"）", ")"} {
			if strings.HasPrefix(folded[cs:ce], p) {
				cs += len(p)
			}
		}
		if ws, _ := clauseBefore(folded, prevEnd, at.start, "，,；;。：:（(！？\n"); ws < cs && strings.Contains(folded[ws:ce], "分别") {
			cs = ws // 甲、乙分别增长3%、4%: the names before 分别 stay with it
		}
		if f.Qualifier == "" && strings.Contains(folded[cs:ce], "力争") {
			f.Qualifier = Aspirational
		}
		raw := cs
		cs = skipFill(folded, cs, ce)
		clause := span{cs, ce}
		core := trimVerbs(folded[cs:ce], vocab().trailingVerbs)
		// A clause with words but no subject of its own (达到, 占总量的, 增加值
		// 占GDP的) measures what the clause before names.
		headlessClause := cs < ce && (core == "" || firstWordIn(core, vocab().headless))
		// A figure right after 、 shares the subject of the one before:
		// 某空间120处、3.5万平方米.
		listed := cs == ce && strings.HasSuffix(strings.TrimRight(folded[:cs], " "), "、")
		switch {
		case isDirection(core) && subject.end > subject.start:
			f.Label = orig(subject) + orig(clause)
		case (headlessClause || listed) && subject.end > subject.start && sameSentence(folded, subject.end, cs):
			f.Label = orig(subject) + orig(clause)
		case headlessClause:
			f.Label = orig(clause)
			if s, ok := subjectBefore(folded, raw); ok {
				f.Label = orig(s) + orig(clause)
				subject = s
			}
		default:
			f.Label = orig(clause)
			if utf8.RuneCountInString(core) <= 3 {
				if o, ok := objectAfter(folded, f, at.end); ok {
					f.Label += orig(o)
					break
				}
			}
			if stem := trimVerbs(core, vocab().directions); stem != "" {
				subject = span{cs, cs + len(stem)}
			}
		}
		if r, _ := utf8.DecodeRuneInString(folded[at.end:]); f.Measure != "" || !hanzi.IsHan(r) {
			prevEnd = at.end // a bare number inside a name (世界500强企业) does not part the clause
		}
	}
}

// closesParen reports whether s closes a parenthesis it does not open.
func closesParen(s string) bool {
	return strings.Count(s, "）")+strings.Count(s, ")") > strings.Count(s, "（")+strings.Count(s, "(")
}

// skipFill moves the start of a clause past the words that only fill it and
// past a year (2020年).
func skipFill(folded string, cs, ce int) int {
	for changed := true; changed; {
		changed = false
		for _, f := range vocab().leadingFill {
			if strings.HasPrefix(folded[cs:ce], f) && ce-cs > len(f) {
				cs += len(f)
				changed = true
			}
		}
		if rest := folded[cs:ce]; strings.HasPrefix(rest, "20") {
			if i := strings.Index(rest, "年"); i >= 0 && i <= 4 {
				cs += i + len("年")
				changed = true
			}
		}
	}
	return cs
}

// sameSentence reports whether nothing but commas stands between two offsets.
func sameSentence(folded string, from, to int) bool {
	return from <= to && !strings.ContainsAny(folded[from:to], "；;。！？\n")
}

// subjectBefore returns the subject of the clause before the one starting at
// cs, when only a comma parts them: its words up to the first that says what
// the subject does (甲产业 of 甲产业保持良好势头).
func subjectBefore(folded string, cs int) (span, bool) {
	end := strings.TrimRight(folded[:cs], " ")
	if !strings.HasSuffix(end, "，") && !strings.HasSuffix(end, ",") {
		return span{}, false
	}
	_, n := utf8.DecodeLastRuneInString(end)
	pe := len(end) - n
	ps, _ := clauseBefore(folded, 0, pe, "，,；;。：:、（(！？\n")
	ps = skipFill(folded, ps, pe)
	if strings.ContainsAny(folded[ps:pe], "0123456789") {
		return span{}, false // a clause with a figure of its own
	}
	at := ps
	for _, l := range segment.Lengths(hanRun(folded[ps:pe])) {
		w := runesAt(folded[at:], l)
		if slices.Contains(vocab().predicates, w) || opensWithPredicate(folded[at:pe]) {
			break
		}
		at += len(w)
	}
	if utf8.RuneCountInString(folded[ps:at]) < 2 {
		return span{}, false
	}
	return span{ps, at}, true
}

// opensWithPredicate reports whether s opens with a predicate of two
// characters or more that the word list does not hold as a word, so the
// cutter may split it (迈上 of 迈上新台阶 is cut 迈|上|新).
func opensWithPredicate(s string) bool {
	for _, p := range vocab().predicates {
		if len(p) > utf8.UTFMax && strings.HasPrefix(s, p) && segment.Frequency(p) == 0 {
			return true
		}
	}
	return false
}

// objectAfter returns what a counted figure counts when the words after it
// say so (新建4家创业基地: 创业基地): Han characters up to a break or 的. fe
// is where the figure ends in the folded text.
func objectAfter(folded string, f *Figure, fe int) (span, bool) {
	switch m := f.Measure; {
	case m == "" || m == "%" || m == "‰" || strings.HasSuffix(m, "百分点") || m == "倍" || m == "岁" || m == "天":
		return span{}, false
	}
	at := fe
	for _, w := range []string{"左右", "以上", "以内", "以下"} {
		if strings.HasPrefix(folded[at:], w) {
			return span{}, false
		}
	}
	run := hanRun(folded[at:])
	if i := strings.Index(run, "的"); i >= 0 {
		run = run[:i]
	}
	// The object ends where what it does begins: 13个学科进入前列.
	end := 0
	for _, l := range segment.Lengths(run) {
		if w := runesAt(run[end:], l); slices.Contains(vocab().predicates, w) {
			break
		} else {
			end += len(w)
		}
	}
	run = run[:end]
	if n := utf8.RuneCountInString(run); n < 2 || n > 12 {
		return span{}, false
	}
	return span{at, at + len(run)}, true
}

// hanRun returns the Han characters s starts with.
func hanRun(s string) string {
	for i, r := range s {
		if !hanzi.IsHan(r) {
			return s[:i]
		}
	}
	return s
}

// runesAt returns the first n runes of s.
func runesAt(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// firstWordIn reports whether s opens with one of ws; a word of one
// character only when the segmenter cuts it alone (占, not 占地面积).
//
// The run is cut into words only when a word of one character opens s:
// nearly every clause opens with none of ws (cutting every clause took
// half of labelAll's time).
func firstWordIn(s string, ws []string) bool {
	run := hanRun(s)
	if run == "" {
		return false
	}
	first, cut := "", false
	for _, w := range ws {
		if !strings.HasPrefix(s, w) {
			continue
		}
		if utf8.RuneCountInString(w) > 1 {
			return true
		}
		if !cut {
			first, cut = runesAt(run, segment.Lengths(run)[0]), true
		}
		if w == first {
			return true
		}
	}
	return false
}

// changes reads 由A降至B (从A提高到B): B is the level reached, named as A's
// clause names it, and A the base it changed from.
// places are the figures' places in the folded text.
func changes(text, folded string, idx offsets, figs []Figure, places []span) {
	for i := 0; i+1 < len(figs); i++ {
		a, b := &figs[i], &figs[i+1]
		if (a.Measure == "%") != (b.Measure == "%") {
			continue
		}
		between := folded[places[i].end:places[i+1].start]
		for _, w := range []string{"左右", "以上"} {
			between = strings.TrimPrefix(between, w)
		}
		vpos := places[i+1].start - len(between)
		verb := ""
		for _, v := range vocab().changeVerbs {
			if strings.HasPrefix(between, v) {
				verb = v
				break
			}
		}
		if verb == "" || !onlyWords(strings.TrimPrefix(between, verb), vocab().beforeFigure) {
			continue
		}
		// 由 or 从 opens the stretch before A, at most a few characters ahead.
		lf := hanzi.Fold(a.Label)
		at := max(strings.LastIndex(lf, "由"), strings.LastIndex(lf, "从"))
		if at < 0 || utf8.RuneCountInString(lf[at:]) > 7 {
			continue
		}
		subject := runesAt(a.Label, utf8.RuneCountInString(lf[:at]))
		a.Base = true
		a.Label = subject
		b.Label = subject + text[idx.at(vpos):idx.at(vpos+len(verb))]
		b.From, b.FromValue = a.Text, a.Value
		i++
	}
}

// onlyWords reports whether s is made of the words ws and spaces only.
func onlyWords(s string, ws []string) bool {
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		w := ""
		for _, x := range ws {
			if strings.HasPrefix(s, x) {
				w = x
				break
			}
		}
		if w == "" {
			return false
		}
		s = s[len(w):]
	}
	return true
}

// respectively gives each figure of a 分别 list its own name: in
// 能耗和二氧化碳排放分别降低13.5%、18%, 13.5% is 能耗降低 and 18% is
// 二氧化碳排放降低.
// A list whose names and figures do not pair up one to one is left alone.
func respectively(text string, figs []Figure) []Figure {
	for i := 0; i < len(figs); i++ {
		// Nearly every label holds no 分别: it is not read as runes.
		if !strings.Contains(hanzi.Fold(figs[i].Label), "分别") {
			continue
		}
		label := []rune(figs[i].Label)
		folded := []rune(hanzi.Fold(figs[i].Label))
		at := strings.Index(string(folded), "分别")
		if at < 0 || len(folded) != len(label) {
			continue
		}
		at = utf8.RuneCountInString(string(folded)[:at])
		subject, verb := string(label[:at]), string(label[at+2:])
		names := splitNames(subject)
		if len(names) == 1 {
			names = pairedNames(names[0])
		}
		j := i
		for j+1 < len(figs) {
			sep := hanzi.Fold(strings.TrimSpace(text[figs[j].End:figs[j+1].Start]))
			for _, w := range []string{"左右", "以上", "以内", "以下"} {
				sep = strings.TrimSpace(strings.TrimPrefix(sep, w))
			}
			if sep != "、" && sep != "和" {
				break
			}
			j++
		}
		if len(names) < 2 || j-i+1 != len(names) {
			continue
		}
		// Names that only say which group (其中城镇和农村分别增长…) take the
		// subject of the figure before them in the sentence.
		if i > 0 && !strings.ContainsAny(text[figs[i-1].End:figs[i].Start], "；;。") && !slices.ContainsFunc(names, func(n string) bool { return utf8.RuneCountInString(n) > 2 }) {
			n := utf8.RuneCountInString(trimVerbs(hanzi.Fold(figs[i-1].Label), vocab().directions))
			if stem := runesAt(figs[i-1].Label, n); n > 2 {
				for k := range names {
					names[k] += stem
				}
			}
		}
		// A short first name shares the head of the last: 城镇和农村居民收入
		// is 城镇居民收入 and 农村居民收入; a name with no measure shares the
		// last's: 甲产业和乙产业增加值占比 is 甲产业增加值占比 and 乙产业….
		last := []rune(names[len(names)-1])
		lastFolded := hanzi.Fold(string(last))
		for k := range names[:len(names)-1] {
			if n := utf8.RuneCountInString(names[k]); n <= 3 && n < len(last)-1 {
				names[k] += string(last[n:])
			} else if at := headAt(lastFolded); at > 0 && headAt(hanzi.Fold(names[k])) < 0 {
				names[k] += string(last[utf8.RuneCountInString(lastFolded[:at]):])
			}
		}
		for k := range names {
			figs[i+k].Label = names[k] + verb
		}
		i = j
	}
	return figs
}

// headAt returns where in a folded name the first word of what it measures
// (增加值, 收入, 比重 …) stands, or -1.
func headAt(name string) int {
	at := -1
	for _, w := range vocab().headless {
		if i := strings.Index(name, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// pairedNames returns the two names a subject that names two groups at once
// stands for (data/words.tsv, pair: 城乡居民收入 → 城镇居民收入, 农村居民收入),
// or the subject alone.
func pairedNames(subject string) []string {
	p := vocab().lists["pair"]
	for i := 0; i+2 < len(p); i += 3 {
		f := hanzi.Fold(subject)
		if at := strings.Index(f, p[i]); at >= 0 {
			rs := []rune(subject)
			a := utf8.RuneCountInString(f[:at])
			b := a + utf8.RuneCountInString(p[i])
			before, after := string(rs[:a]), string(rs[b:])
			one, two := p[i+1], p[i+2]
			if t := vocab().lists["pairT"]; string(rs[a:b]) != p[i] && i+2 < len(t) && string(rs[a:b]) == t[i] {
				one, two = t[i+1], t[i+2] // the subject's own script
			}
			return []string{before + one + after, before + two + after}
		}
	}
	return []string{subject}
}

// splitNames cuts 甲和乙、丙 into its names.
func splitNames(s string) []string {
	var names []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == '和' || r == '與' || r == '与' || r == '及' }) {
		if part = strings.TrimSpace(part); part != "" {
			names = append(names, part)
		}
	}
	return names
}

// startsWithUnit returns the longest unit s starts with, or "".
func startsWithUnit(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	for _, u := range vocab().unitsByFirst[r] {
		if strings.HasPrefix(s, u) {
			return u
		}
	}
	return ""
}

func isWordByte(b byte) bool {
	return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == '.'
}

// span is a stretch of the folded text.
type span struct{ start, end int }

// clauseBefore returns the stretch between the last of breaks before start
// (or from, the end of the previous figure) and start, spaces trimmed.
func clauseBefore(s string, from, start int, breaks string) (int, int) {
	c := s[from:start]
	if i := strings.LastIndexAny(c, breaks); i >= 0 {
		_, size := utf8.DecodeRuneInString(c[i:])
		from += i + size
	}
	for from < start && (s[from] == ' ' || s[from] == '\t') {
		from++
	}
	for start > from && (s[start-1] == ' ' || s[start-1] == '\t') {
		start--
	}
	return from, start
}

// isDirection reports whether a clause says only which way a figure went:
// 增长, 同比下降, 较上年增长 ….
func isDirection(s string) bool {
	for _, c := range vocab().comparisons {
		if t, ok := strings.CutPrefix(s, c); ok {
			s = t
			break
		}
	}
	return slices.Contains(vocab().directions, s)
}

func trimVerbs(s string, verbs []string) string {
	for _, v := range verbs {
		s = strings.TrimSuffix(s, v)
	}
	return s
}

// Key returns a label reduced for comparison: folded, with the verbs that
// only say how a figure relates to it (完成, 达到, 控制在 …) dropped.
func Key(label string) string {
	return trimVerbs(hanzi.Fold(label), vocab().trailingVerbs)
}
