package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// line is one physical line of a source.
type line struct {
	no         int    // 1-based line number
	start, end int    // the line's bytes, its line end included
	cs, ce     int    // the bytes of its content, spaces trimmed
	text       string // its words: the content without markup
	segs       []Span // the bytes of its words
	strong     bool   // wholly in bold, or opened by #: a heading
	boldLead   int    // the bytes of text in bold at its start, when more follows
	boldOpens  bool   // opened by ** that the line does not close
	boldCloses bool   // closed by ** that the line did not open
	page       bool   // it holds a form feed
	furn       FurnitureKind
	indent     int  // the characters of white space before its content
	jumps      int  // the characters of the page-jump notes taken out of its words
	joins      bool // opened by a note that it comes from another page: it continues the paragraph cut
	appendix   bool // opens an appendix of the year's projects after the closing: a plan part
}

// width returns the characters of a line as set: its indent, its words and
// its page-jump notes.
func (l line) width() int { return l.indent + runeLen(l.text) + l.jumps }

func (l line) blank() bool { return l.text == "" }

// splitLines cuts text[start:end] into lines. first is the number of the line
// at start.
func splitLines(text string, start, end, first int) []line {
	// Sized once: a line a newline, and the last; the one segment of
	// each line is a piece of one array.
	n := strings.Count(text[start:end], "\n") + 1
	ls := make([]line, 0, n)
	spans := make([]Span, n)
	no := first
	for pos := start; pos < end; no++ {
		nl := strings.IndexByte(text[pos:end], '\n')
		stop := end
		if nl >= 0 {
			stop = pos + nl + 1
		}
		raw := text[pos:stop]
		content := trimSpace(raw)
		cs := pos
		page := strings.IndexByte(raw, '\f') >= 0
		switch {
		case content != "":
			cs = pos + strings.Index(raw, content)
		case page:
			// A form feed alone on its line: a page break, furniture.
			content, cs = "\f", pos+strings.IndexByte(raw, '\f')
		}
		indent := 0
		if content != "" {
			indent = utf8.RuneCountInString(raw[:cs-pos])
		}
		seg := spans[len(ls) : len(ls)+1 : len(ls)+1]
		seg[0] = Span{cs, cs + len(content)}
		ls = append(ls, line{no: no, start: pos, end: stop, cs: cs, ce: cs + len(content), text: content,
			segs: seg, page: page, indent: indent})
		pos = stop
	}
	return ls
}

// lineStarts returns the byte offset of the start of every line of text.
func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' && i+1 < len(text) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// runeLen counts the runes of s as ranging over it does (hanzi.RuneCount).
func runeLen(s string) int { return hanzi.RuneCount(s) }

// runesOver reports whether s has more than n runes, without counting
// them in a text whose length in bytes decides (a rune takes one to four).
func runesOver(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > utf8.UTFMax*n:
		return true
	}
	return runeLen(s) > n
}

// lastRune returns the last rune of s, or 0.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// closers are characters that may follow a sentence's final punctuation.
const closers = "”’」』）)》〉】\"'"

// terminal reports whether s ends a sentence or a clause that a new line may
// follow: 。！？；： and their half-width forms, possibly inside closing quotes.
func terminal(s string) bool {
	s = strings.TrimRight(s, closers+" \u3000")
	switch lastRune(s) {
	case '。', '！', '？', '；', '：', '!', '?', ';', ':', '…', '.':
		return true
	}
	return false
}

// hasSentenceEnd reports whether s has a full stop anywhere.
func hasSentenceEnd(s string) bool {
	return strings.ContainsAny(s, "。！？!?")
}

// balanced reports whether the paired quotes and brackets of s are closed.
func balanced(s string) bool {
	for _, p := range [][2]rune{{'《', '》'}, {'“', '”'}, {'（', '）'}, {'(', ')'}, {'「', '」'}} {
		if strings.Count(s, string(p[0])) > strings.Count(s, string(p[1])) {
			return false
		}
	}
	return true
}

// marker kinds, from the highest level down.
type markerKind int

const (
	markNone    markerKind = iota
	markPart               // 第一部分
	markDun                // 一、
	markParen              // （一） (一)
	markBare               // 一 with its parentheses lost: 一加快發展臨港產業
	markDigit              // 1. 1、 (1)
	markEnumShi            // 一是 (never a heading; opens a unit)
)

var (
	rePartMarker  = reading.New(`^第([一二三四五六七八九十]+|[0-9]+)(部分|篇|章)[\s\x{3000}:：、，,]*`)
	reDunMarker   = reading.New(`^([一二三四五六七八九十]+)[、，,．.][\s\x{3000}]*`)
	reParenMarker = reading.New(`^[（(]([一二三四五六七八九十]+)[）)][\s\x{3000}、]*`)
	reDigitMarker = reading.New(`^(?:[（(]([0-9]{1,2})[）)]|([0-9]{1,2})[、．.])[\s\x{3000}]*`)
	reShiMarker   = reading.New(`^([一二三四五六七八九十]+)是`)
)

// marker reads the numbering at the start of s.
func marker(s string) (kind markerKind, text string, n int) {
	first, _ := utf8.DecodeRuneInString(s)
	if first != '第' && first != '(' && first != '（' && !(first >= '0' && first <= '9') && !hanzi.IsNumeralRune(first) {
		return markNone, "", 0
	}
	// Each expression is tried only on a line that opens with a character
	// its matches open with (a call costs more than the test): every block
	// is read for its marker.
	paren, numeral := first == '(' || first == '（', strings.ContainsRune("一二三四五六七八九十", first)
	if first == '第' {
		if m := rePartMarker.FindStringSubmatch(s); m != nil {
			return markPart, m[0], numberOf(m[1])
		}
	}
	if numeral {
		if m := reDunMarker.FindStringSubmatch(s); m != nil {
			return markDun, m[0], numberOf(m[1])
		}
	}
	if paren {
		if m := reParenMarker.FindStringSubmatch(s); m != nil {
			return markParen, m[0], numberOf(m[1])
		}
	}
	if paren || first >= '0' && first <= '9' {
		if m := reDigitMarker.FindStringSubmatch(s); m != nil {
			next, _ := utf8.DecodeRuneInString(s[len(m[0]):])
			if !unicode.IsDigit(next) { // 1.5萬 is a number, not a marker
				return markDigit, m[0], numberOf(m[1] + m[2])
			}
		}
	}
	if numeral {
		if m := reShiMarker.FindStringSubmatch(s); m != nil {
			return markEnumShi, m[0], numberOf(m[1])
		}
	}
	return markNone, "", 0
}

func numberOf(s string) int {
	if n, ok := hanzi.ParseNumeral(s); ok {
		return n
	}
	n := 0
	for _, r := range s {
		if r >= '０' && r <= '９' {
			r -= '０' - '0' // full width
		}
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// wordAfterNumeral lists characters that, right after a numeral, make an
// ordinary word (一年, 一些, 一是, 三個…) rather than a heading whose
// parentheses were lost.
const wordAfterNumeral = "年是個个些方直起體体次樣样定切律般致批流系項项件位名種种條条屆届月日號号點点倍成半層层級级產产線线代手季期週周天家所座套輪轮類类份張张枚台臺段步道頁页份場场項萬万千百億亿"

// bareMarker reports whether s starts with a numeral whose parentheses were
// lost, and returns its value and length in bytes.
func bareMarker(s string) (n int, size int) {
	num, v, rest := hanzi.LeadingNumeral(s)
	if v == 0 || rest == "" {
		return 0, 0
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !hanzi.IsHan(r) || strings.ContainsRune(wordAfterNumeral, r) || hanzi.IsNumeralRune(r) {
		return 0, 0
	}
	return v, len(num)
}

// isSalutation reports whether s is a salutation alone on its line: 各位代表：
func isSalutation(s string) bool {
	if !strings.HasPrefix(s, "各位") {
		return false
	}
	f := hanzi.Fold(s)
	if runesOver(f, 24) || hasSentenceEnd(strings.TrimRight(f, "！!")) {
		return false
	}
	body := strings.TrimRight(f, "：:！!，, \u3000")
	return !strings.ContainsAny(body, "，,。")
}

// headingCandidate reports whether a line may be a heading: short, with no
// full stop, not ending like the lead-in of a list.
func headingCandidate(s string) bool {
	if s == "" || runesOver(s, 60) || hasSentenceEnd(s) {
		return false
	}
	switch lastRune(s) {
	case '：', ':', '，', ',', '、', '；', ';':
		return false
	}
	return true
}

// hanRatio returns the share of Han characters among the letters of s.
func hanRatio(s string) float64 {
	han, all := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			all++
			if hanzi.IsHan(r) {
				han++
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(han) / float64(all)
}
