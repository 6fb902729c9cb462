package diffview

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/figure"
	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/segment"
)

// Options change what counts as a difference.
type Options struct {
	IgnoreYears      bool // 20xx年, 2035年 and 2036年 are all the same word
	IgnorePunctWidth bool // ， and , (and the other full- and half-width pairs) are the same
	IgnoreScript     bool // a word in Traditional characters is the same as in Simplified ones (經濟 and 经济)
}

// Token is a word of a text: a dictionary word, a number with its unit, a
// year, a run of Latin letters and digits, a run of spaces or one other
// character.
type Token struct {
	Text       string // as written
	Key        string // what the diff compares: Text, normalised as the options say
	Start, End int    // byte offsets in the text
}

// yearTokenLen returns the length of the year at the start of s, or 0: four
// digits of one kind and 年, the first two 19 or 20 — ASCII (2036年, and
// 20xx年 with xx or XX for the last two), full-width (２０３６年) or Chinese
// numerals (二〇三六年, 二零三六年, 二○三六年).
//
// Nearly every place of a text opens no year, and most tell so by their
// first byte (a year opens with 1, 2, or the lead byte E4 of 一 and 二 or
// EF of １ and ２): that test is small enough to be inlined where a text's
// every character is asked about.
func yearTokenLen(s string) int {
	if s != "" {
		switch s[0] {
		case '1', '2', 0xE4, 0xEF:
			return yearLen(s)
		}
	}
	return 0
}

// yearLen is yearTokenLen past the test of the first byte.
func yearLen(s string) int {
	const year = "年"
	if len(s) < 4 || !(s[0] == '1' || s[0] == '2' || strings.HasPrefix(s, "一") || strings.HasPrefix(s, "二") ||
		strings.HasPrefix(s, "１") || strings.HasPrefix(s, "２")) {
		return 0
	}
	var ds [4]int // the digits' values; -1 for x
	kind, pos := 0, 0
	for i := range ds {
		r, n := utf8.DecodeRuneInString(s[pos:])
		v, k := yearDigit(r)
		if k == 0 || i > 0 && k != kind || v < 0 && (i < 2 || k != 1) {
			return 0
		}
		ds[i], kind, pos = v, k, pos+n
	}
	if !(ds[0] == 1 && ds[1] == 9 || ds[0] == 2 && ds[1] == 0) || (ds[2] < 0) != (ds[3] < 0) ||
		!strings.HasPrefix(s[pos:], year) {
		return 0
	}
	return pos + len(year)
}

// yearDigit returns the value of a digit of a year and its kind (1 ASCII,
// 2 full-width, 3 Chinese numeral; 0 for no digit); x and X are ASCII
// digits of value -1.
func yearDigit(r rune) (int, int) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), 1
	case r == 'x' || r == 'X':
		return -1, 1
	case r >= '０' && r <= '９':
		return int(r - '０'), 2
	}
	if i := strings.IndexRune("〇一二三四五六七八九", r); i >= 0 {
		return utf8.RuneCountInString("〇一二三四五六七八九"[:i]), 3
	}
	switch r {
	case '零', '○', '◯':
		return 0, 3
	}
	return 0, 0
}

var punctWidth = strings.NewReplacer("，", ",", "：", ":", "；", ";", "（", "(", "）", ")", "！", "!", "？", "?", "　", " ")

// Tokenize cuts text into words.
func Tokenize(text string, opts Options) []Token {
	var tz tokenizer
	words := tz.appendWords(nil, text, figure.Extract(text))
	toks := make([]Token, len(words))
	start := 0
	for i, w := range words {
		end := int(w.end)
		t := Token{Text: text[start:end], Start: start, End: end}
		t.Key = wordKey(t.Text, opts)
		toks[i], start = t, end
	}
	return toks
}

// wordKey returns what the diff compares of a word: the word, normalised as
// the options say.
func wordKey(word string, opts Options) string {
	key := word
	if opts.IgnoreScript {
		key = hanzi.Fold(key)
	}
	if opts.IgnorePunctWidth {
		key = punctWidth.Replace(key)
	}
	if opts.IgnoreYears && yearTokenLen(word) > 0 {
		key = "\x00year"
	}
	return key
}

// word is a word of a text as a diff reads it: where it ends (it starts
// where the word before it ends: the words of a text cover it, one after
// another) and the number of its key (Token.Key), which is the same for the
// same key in both texts of a diff (keyNumbers).
type word struct {
	end int32 // (a unit's text is far under 2 GB: a word takes 8 bytes, not 16)
	id  int32
}

// tokenizer cuts texts into words, reusing its buffers from one text to the
// next; it serves one goroutine.
type tokenizer struct {
	starts []int // where each figure starts, ascending
	ends   []int // and where it ends
	runes  []rune
	lens   []int
	// charEnds is where each character of a run of Han characters ends.
	charEnds []int
	cut      segment.Cutter
	words    []word
}

// appendWords cuts text into words, given its figures, and appends them to
// dst, their keys not numbered yet.
func (tz *tokenizer) appendWords(dst []word, text string, figs []figure.Figure) []word {
	add := func(end int) { dst = append(dst, word{end: int32(end)}) }
	// The figures by where they start; of two that start at one place, the
	// later in figs counts.
	tz.starts, tz.ends = tz.starts[:0], tz.ends[:0]
	for _, f := range figs {
		i, found := slices.BinarySearch(tz.starts, f.Start)
		if found {
			tz.ends[i] = f.End
			continue
		}
		tz.starts, tz.ends = slices.Insert(tz.starts, i, f.Start), slices.Insert(tz.ends, i, f.End)
	}
	// number returns the end of the figure that starts at p, if one does.
	// The places asked about never go back: the figures before the last
	// one asked about are passed over once (a binary search for each
	// character took more).
	next := 0 // the first figure that starts at or after the last place asked about
	number := func(p int) (int, bool) {
		for next < len(tz.starts) && tz.starts[next] < p {
			next++
		}
		if next < len(tz.starts) && tz.starts[next] == p {
			return tz.ends[next], true
		}
		return 0, false
	}
	for pos := 0; pos < len(text); {
		if end, ok := number(pos); ok {
			add(end)
			pos = end
			continue
		}
		if n := yearTokenLen(text[pos:]); n > 0 {
			add(pos + n)
			pos += n
			continue
		}
		r, size := hanzi.DecodeRune(text, pos)
		switch {
		case hanzi.IsHan(r):
			// The run, and where each of its characters ends, so that the
			// words' ends are read off rather than decoded again.
			end := pos
			tz.charEnds = tz.charEnds[:0]
			for end < len(text) {
				c, n := hanzi.DecodeRune(text, end)
				if !hanzi.IsHan(c) {
					break
				}
				if _, isNum := number(end); isNum && end > pos || end > pos && yearTokenLen(text[end:]) > 0 {
					break // a number or a year in Chinese numerals (二〇三六年) is a word of its own
				}
				end += n
				tz.charEnds = append(tz.charEnds, end)
			}
			tz.runes = hanzi.AppendFoldRunes(tz.runes[:0], text[pos:end])
			tz.lens = tz.cut.AppendLengths(tz.lens[:0], tz.runes)
			k := 0
			for _, l := range tz.lens {
				k += l
				add(tz.charEnds[k-1])
			}
			pos = end
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			end := pos
			for end < len(text) {
				c := text[end]
				if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9') {
					break
				}
				if _, isNum := number(end); isNum && end > pos || end > pos && yearTokenLen(text[end:]) > 0 {
					break // a number or a year in Chinese numerals (二〇三六年) is a word of its own
				}
				end++
			}
			add(end)
			pos = end
		case unicode.IsSpace(r):
			end := pos
			for end < len(text) {
				c, n := utf8.DecodeRuneInString(text[end:])
				if !unicode.IsSpace(c) {
					break
				}
				end += n
			}
			add(end)
			pos = end
		default:
			add(pos + size)
			pos += size
		}
	}
	return dst
}
