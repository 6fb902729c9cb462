package hanzi

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseNumeral: no panic; a numeral that parses has a positive value,
// LeadingNumeral splits its input without losing a byte, and the numeral it
// finds parses to the value it gives.
func FuzzParseNumeral(f *testing.F) {
	for _, s := range []string{"一", "十二", "一百零五", "八百六十", "兩", "二〇二二", "零", "十十", "百百一", "三是", "甲"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, ok := ParseNumeral(s); ok && n <= 0 {
			t.Fatalf("ParseNumeral(%q) = %d, ok", s, n)
		}
		num, n, rest := LeadingNumeral(s)
		if num+rest != s {
			t.Fatalf("LeadingNumeral(%q) = %q + %q", s, num, rest)
		}
		if n > 0 {
			if v, ok := ParseNumeral(num); !ok || v != n {
				t.Fatalf("LeadingNumeral(%q) = %q as %d, which parses to %d, %v", s, num, n, v, ok)
			}
		}
	})
}

// FuzzFold: folding keeps the number of runes, and folding twice changes
// nothing more; Fold, FoldMap, AppendFoldRunes and TallyScript, which read
// Han characters inline, agree with reading rune by rune.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"東城區政府工作報告", "社群專案", "社社群", "ＧＤＰ１２％", "乾隆皇帝", "\xff\xfe", "简体文字不变", "简体社群", "社羣", "a社\xff群", "\xe0\x80\x80\xed\xa0\x80\xef\xbf\xbf\xe4\xb8", "𠁞𠗣發們\xf0\xa0\x81"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Fold(s)
		if utf8.RuneCountInString(once) != utf8.RuneCountInString(s) {
			t.Fatalf("Fold(%q) = %q: rune count changed", s, once)
		}
		if !utf8.ValidString(once) {
			t.Fatalf("Fold(%q) = %q: not valid UTF-8", s, once)
		}
		if twice := Fold(once); twice != once {
			t.Fatalf("Fold is not idempotent on %q: %q then %q", s, once, twice)
		}
		f, idx := FoldMap(s)
		if f != once || len(idx) != len(f)+1 {
			t.Fatalf("FoldMap(%q) = %q with %d offsets", s, f, len(idx))
		}
		if fi := FoldIndex(s, once); !slices.Equal(fi, idx) {
			t.Fatalf("FoldIndex(%q) = %v, FoldMap gives %v", s, fi, idx)
		}
		for i := 0; i < len(s); {
			r, n := decode(s, i)
			if wr, wn := utf8.DecodeRuneInString(s[i:]); r != wr || n != wn {
				t.Fatalf("decode(%q, %d) = %q %d, utf8 gives %q %d", s, i, r, n, wr, wn)
			}
			i += n
		}
		if got, want := TallyScript(s), tallyByRune(s); got != want {
			t.Fatalf("TallyScript(%q) = %+v, counted rune by rune %+v", s, got, want)
		}
		if rs := AppendFoldRunes(nil, s); string(rs) != once {
			t.Fatalf("AppendFoldRunes(%q) = %q, Fold gives %q", s, string(rs), once)
		}
		if wf, widx := foldByRune(s); f != wf || !slices.Equal(idx, widx) {
			t.Fatalf("FoldMap(%q) = %q %v, folding rune by rune gives %q %v", s, f, idx, wf, widx)
		}
	})
}

// foldByRune is Fold as it was first written, rune by rune into a builder
// with no shortcut for a text that folds to itself: what FoldMap must give.
func foldByRune(s string) (string, []int) {
	var b strings.Builder
	idx := []int{}
	prev, prevAt := rune(-1), 0
	for i, r := range s {
		f := FoldRune(r)
		if v, ok := wordVariants[[2]rune{prev, f}]; ok {
			out := b.String()[:prevAt]
			b.Reset()
			b.WriteString(out)
			b.WriteRune(v[0])
			f = v[1]
		}
		n := b.Len()
		prev, prevAt = f, n
		b.WriteRune(f)
		for j := n; j < b.Len(); j++ {
			idx = append(idx, i)
		}
	}
	return b.String(), append(idx, len(s))
}

// FuzzMarksIndex checks Marks.Index against a scan that decodes every
// character, on any bytes: it finds the same mark at the same place; and
// Has against the set, for every character.
func FuzzMarksIndex(f *testing.F) {
	for _, s := range []string{"", "甲，乙。", "a,b;c", "\xe4，乙", "甲\xef\xbc", "\xe3\x80乙。", "\x8c，", "丙\xef\xbc\x8c\xbc", "“引语”！"} {
		f.Add(s)
	}
	marks := NewMarks("，,；;。：:！？!?")
	f.Fuzz(func(t *testing.T, s string) {
		at, n := marks.Index(s)
		wantAt, wantN := -1, 0
		for i, r := range s {
			if r != utf8.RuneError && strings.ContainsRune("，,；;。：:！？!?", r) {
				wantAt, wantN = i, utf8.RuneLen(r)
				break
			}
		}
		if at != wantAt || n != wantN {
			t.Fatalf("Index(%q) = %d, %d; decoding every character finds %d, %d", s, at, n, wantAt, wantN)
		}
		for _, r := range s {
			if marks.Has(r) != strings.ContainsRune("，,；;。：:！？!?", r) {
				t.Fatalf("Has(%q) = %v", r, marks.Has(r))
			}
		}
	})
}
