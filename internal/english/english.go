// Package english words the counts and kinds of reportdiff's messages:
// "1 report", "2 reports"; "a plan part", "an outline part".
package english

import "strconv"

// Plural returns the count with the noun's form for it: "1 report",
// "2 reports", "0 reports".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// A returns word with its indefinite article: "a plan", "an outline". The
// article goes by the first letter (a vowel takes "an"), which is right for
// the words reportdiff puts after it: part kinds, roles, column kinds.
func A(word string) string {
	if word != "" {
		switch word[0] {
		case 'a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U':
			return "an " + word
		}
	}
	return "a " + word
}
