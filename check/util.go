package check

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

func itoa(n int) string { return strconv.Itoa(n) }

// loose returns s as ignorable edits leave it: full-width forms narrowed
// (，→ ,), spaces of every kind dropped. Two texts alike but for such edits
// have the same loose form.
func loose(s string) string {
	s = width.Fold.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

// titleKey is the form of a heading that matching compares: folded to
// Simplified characters, loose.
func titleKey(s string) string { return loose(hanzi.Fold(s)) }

// short returns s cut to n characters, with … where it was cut.
func short(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return string(rs[:n]) + "…"
}

// lineDice is the Dice coefficient of the sets of non-blank lines of two
// texts (each line loose): how much of two files is the same, as git's
// rename detection measures it.
func lineDice(a, b string) float64 {
	set := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			if l = loose(l); l != "" {
				m[l] = true
			}
		}
		return m
	}
	sa, sb := set(a), set(b)
	if len(sa)+len(sb) == 0 {
		return 1
	}
	n := 0
	for l := range sa {
		if sb[l] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(sa)+len(sb))
}
