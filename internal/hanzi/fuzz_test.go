package hanzi

import (
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
// nothing more.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"東城區政府工作報告", "社群專案", "社社群", "ＧＤＰ１２％", "乾隆皇帝", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Fold(s)
		if utf8.RuneCountInString(once) != utf8.RuneCountInString(s) {
			t.Fatalf("Fold(%q) = %q: rune count changed", s, once)
		}
		if twice := Fold(once); twice != once {
			t.Fatalf("Fold is not idempotent on %q: %q then %q", s, once, twice)
		}
		f, idx := FoldMap(s)
		if f != once || len(idx) != len(f)+1 {
			t.Fatalf("FoldMap(%q) = %q with %d offsets", s, f, len(idx))
		}
	})
}
