package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// TestSketchNeverMisses checks the one promise of a sketch: a word that
// stands in a text is always found possible, so a search it spares could
// have found nothing.
func TestSketchNeverMisses(t *testing.T) {
	texts := []string{
		"全面深化改革的第二年，经济平稳增长。",
		"全面深化改革的第二年，經濟平穩增長。",
		"衷心感谢各位代表！Thanks 2035年 \xff\xfe 周年",
		"café\u00a0東\xe5\x85全\xa0𠀀年",
		"",
	}
	for _, text := range texts {
		k := sketchOf(text)
		for i := range text {
			for j := i + 1; j <= len(text); j++ {
				w := wordOf(text[i:j])
				if !w.in(text, &k) {
					t.Fatalf("%q: the sketch misses %q", text, text[i:j])
				}
			}
		}
	}
}

// TestSketchSpares checks that a sketch rules out words whose characters
// the text lacks (else it spares nothing), and that anyIn agrees with
// strings.Contains.
func TestSketchSpares(t *testing.T) {
	text := "过去一年，全区经济平稳增长。"
	k := sketchOf(text)
	for _, tc := range []struct {
		words []string
		want  bool
	}{
		{[]string{"衷心感谢", "崇高的敬意"}, false},
		{[]string{"周年", "经济"}, true},
		{[]string{"济经"}, false}, // all characters there, not the word
		{nil, false},
	} {
		if got := anyIn(text, &k, wordsOf(tc.words...)); got != tc.want {
			t.Errorf("anyIn(%q, %q) = %v, want %v", text, tc.words, got, tc.want)
		}
	}
	spared := 0
	for _, w := range wordsOf("衷心的感谢", "衷心感谢", "诚挚的谢意", "崇高的敬意", "表示感谢", "主要预期目标") {
		if !k.mayHold(&w.sketch) {
			spared++
		}
		if strings.Contains(text, w.text) {
			t.Fatalf("bad case: %q holds %q", text, w.text)
		}
	}
	if spared < 5 {
		t.Errorf("the sketch of %q rules out %d of 6 words it lacks; want 5 at least", text, spared)
	}
}

// TestContains checks contains against strings.Contains on every piece
// of some texts, and on words that are not there.
func TestContains(t *testing.T) {
	texts := []string{"全面深化改革的第二年，经济平稳增长。", "衷心感谢各位代表！Thanks 2035年 \xff\xfe 周年", "aaab", ""}
	words := []string{"", "年", "周年", "济平", "ab", "aab", "b", "\xfe", "改革改革", "深化改革的第二年，经济平稳增长。！"}
	for _, text := range texts {
		for i := range text {
			for j := i; j <= len(text); j++ {
				words = append(words, text[i:j])
			}
		}
	}
	for _, text := range texts {
		for _, w := range words {
			if got, want := contains(text, w), strings.Contains(text, w); got != want {
				t.Fatalf("contains(%q, %q) = %v, want %v", text, w, got, want)
			}
		}
	}
}

// FuzzSketch checks, on any text, what the searches of a unit's folded
// text rely on: a sketch never rules out a word that stands in the text,
// nor one that stands in the text squeezed (collectEvidence searches that
// with the sketch of the text); contains finds what strings.Contains
// finds; runeLen counts as ranging does.
func FuzzSketch(f *testing.F) {
	for _, s := range [][2]string{
		{"全面深化改革的第二年，经济平稳增长。", "第二年"},
		{"發展 𠁞𠀾 周\u3000年\u00a0届", "周年"},
		{"\xe5 \xb9\xb4 \xe5\u3000\xb9\xb4", "年"},
		{"café\xff\xfe漢\xf0\xa0\x81", "\xa0\x81"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, text, w string) {
		if got, want := runeLen(text), utf8.RuneCountInString(text); got != want {
			t.Fatalf("runeLen(%q) = %d, want %d", text, got, want)
		}
		if got, want := contains(text, w), strings.Contains(text, w); got != want {
			t.Fatalf("contains(%q, %q) = %v, want %v", text, w, got, want)
		}
		if len(text) > 64 {
			text = text[:64] // every piece of it is tried
		}
		folded := hanzi.Fold(text)
		squeezed, _ := squeeze(folded, nil)
		for _, c := range [][2]string{{text, text}, {folded, folded}, {folded, squeezed}} {
			k, s := sketchOf(c[0]), c[1]
			for i := range len(s) {
				for j := i + 1; j <= len(s) && j-i <= 24; j++ {
					if w := wordOf(s[i:j]); !w.in(s, &k) {
						t.Fatalf("the sketch of %q misses %q, which stands in %q", c[0], w.text, s)
					}
				}
			}
		}
	})
}
