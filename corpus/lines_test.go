package corpus

import (
	"testing"
	"unicode/utf8"
)

// TestRuneLen checks runeLen against ranging over the string, bytes that
// are no UTF-8 among them.
func TestRuneLen(t *testing.T) {
	for _, s := range []string{"", "abc", "東城區2035年", "政府\xe5\x85", "\xff\xfe漢", "\xe4\xb8\xad\xe6", "𠀀a\u3000", "\xed\xa0\x80", "\xe0\x80\x80"} {
		for i := 0; i <= len(s); i++ {
			if got, want := runeLen(s[i:]), utf8.RuneCountInString(s[i:]); got != want {
				t.Errorf("runeLen(%q) = %d, want %d", s[i:], got, want)
			}
		}
	}
}
