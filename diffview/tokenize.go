package diffview

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/figure"
	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/segment"
)

// Options change what counts as a difference.
type Options struct {
	IgnoreYears      bool // 20xx年, 2015年 and 2016年 are all the same word
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

var reYearToken = regexp.MustCompile(`^(?:19|20)(?:[0-9]{2}|xx|XX)年`)

var punctWidth = strings.NewReplacer("，", ",", "：", ":", "；", ";", "（", "(", "）", ")", "！", "!", "？", "?", "　", " ")

// Tokenize cuts text into words.
func Tokenize(text string, opts Options) []Token {
	return tokenize(text, figure.Extract(text), opts)
}

// tokenize cuts text into words, given its figures.
func tokenize(text string, figs []figure.Figure, opts Options) []Token {
	var toks []Token
	add := func(start, end int) {
		t := Token{Text: text[start:end], Start: start, End: end}
		t.Key = t.Text
		if opts.IgnoreScript {
			t.Key = hanzi.Fold(t.Key)
		}
		if opts.IgnorePunctWidth {
			t.Key = punctWidth.Replace(t.Key)
		}
		if opts.IgnoreYears && reYearToken.MatchString(t.Text) {
			t.Key = "\x00year"
		}
		toks = append(toks, t)
	}
	numbers := map[int]int{} // start → end of each figure
	for _, f := range figs {
		numbers[f.Start] = f.End
	}
	for pos := 0; pos < len(text); {
		if end, ok := numbers[pos]; ok {
			add(pos, end)
			pos = end
			continue
		}
		if m := reYearToken.FindString(text[pos:]); m != "" {
			add(pos, pos+len(m))
			pos += len(m)
			continue
		}
		r, size := utf8.DecodeRuneInString(text[pos:])
		switch {
		case hanzi.IsHan(r):
			end := pos
			for end < len(text) {
				c, n := utf8.DecodeRuneInString(text[end:])
				if !hanzi.IsHan(c) {
					break
				}
				if _, isNum := numbers[end]; isNum && end > pos {
					break
				}
				end += n
			}
			at := pos
			for _, l := range segment.Lengths(hanzi.Fold(text[pos:end])) {
				wordEnd := at
				for ; l > 0; l-- {
					_, n := utf8.DecodeRuneInString(text[wordEnd:])
					wordEnd += n
				}
				add(at, wordEnd)
				at = wordEnd
			}
			pos = end
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			end := pos
			for end < len(text) {
				c := text[end]
				if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9') {
					break
				}
				if _, isNum := numbers[end]; isNum && end > pos {
					break
				}
				end++
			}
			add(pos, end)
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
			add(pos, end)
			pos = end
		default:
			add(pos, pos+size)
			pos += size
		}
	}
	return toks
}
