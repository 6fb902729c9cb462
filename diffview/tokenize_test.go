package diffview

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/figure"
	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/segment"
)

// TestAppendWordsPlain checks appendWords, which tells most places open no
// year by their first byte, finds figures by a walk that never goes back
// and reads the ends of a run's words off the run, against plainWordEnds,
// the cut as first written: on every unit of the embedded corpus and on
// constructed texts (years in each form, figures inside runs of Han
// characters, characters beyond the plane, bytes that are no UTF-8,
// Traditional text, CRLF, one character, none).
func TestAppendWordsPlain(t *testing.T) {
	c, err := corpus.Load("", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"", "年", "a", "\xff", "二〇三六年目标", "到２０３６年，增长7.5%左右", "二○二一年和20XX年", "十四五时期",
		"新建4家创业基地，建成12个文化驿站", "𠀀𠁞東城區發展\r\n經濟增長6.5%", "政府\xe5\x85工作\xe4年报告",
		"1.5万人、二〇三六年2036年", "一二三四五六七八九十年", "GDP增长7%，CPI涨幅2%以内 。",
	}
	for _, r := range c.Reports {
		for _, u := range r.Units {
			texts = append(texts, u.Text)
		}
	}
	var tz tokenizer
	for _, text := range texts {
		figs := figure.Extract(text)
		var got []int
		for _, w := range tz.appendWords(nil, text, figs) {
			got = append(got, int(w.end))
		}
		if want := plainWordEnds(text, figs); !slices.Equal(got, want) {
			t.Fatalf("%q: words end at %v, want %v", text, got, want)
		}
	}
}

// plainWordEnds is appendWords as first written: a binary search of the
// figures at every place asked about, every year tested in full (yearLen),
// every character decoded by the library, a word's end found by decoding
// its characters again.
func plainWordEnds(text string, figs []figure.Figure) []int {
	var ends []int
	add := func(end int) { ends = append(ends, end) }
	var starts, stops []int
	for _, f := range figs {
		i, found := slices.BinarySearch(starts, f.Start)
		if found {
			stops[i] = f.End
			continue
		}
		starts, stops = slices.Insert(starts, i, f.Start), slices.Insert(stops, i, f.End)
	}
	number := func(pos int) (int, bool) {
		if i, ok := slices.BinarySearch(starts, pos); ok {
			return stops[i], true
		}
		return 0, false
	}
	for pos := 0; pos < len(text); {
		if end, ok := number(pos); ok {
			add(end)
			pos = end
			continue
		}
		if n := yearLen(text[pos:]); n > 0 {
			add(pos + n)
			pos += n
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
				if _, isNum := number(end); isNum && end > pos || end > pos && yearLen(text[end:]) > 0 {
					break
				}
				end += n
			}
			at := pos
			for _, l := range segment.Lengths(hanzi.Fold(text[pos:end])) {
				for ; l > 0; l-- {
					_, n := utf8.DecodeRuneInString(text[at:])
					at += n
				}
				add(at)
			}
			pos = end
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			end := pos
			for end < len(text) {
				c := text[end]
				if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9') {
					break
				}
				if _, isNum := number(end); isNum && end > pos || end > pos && yearLen(text[end:]) > 0 {
					break
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
	return ends
}
