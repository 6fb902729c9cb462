// Package ledscan finds the matches of a regular expression whose every
// match opens with one of a few characters (a digit: 12.5%, 3个; a quotation
// mark: “某某”): rather than trying the expression at every byte of a text,
// as an unanchored search does, it tries it anchored at each of those
// characters. The matches are those of regexp's FindAll…(s, -1), found in a
// fraction of the time on prose, where those characters are few.
package ledscan

import (
	"strings"

	"github.com/reportdiff/reportdiff/internal/lazyre"
)

// Regexp is an expression whose every match opens with one of its leading
// characters and is not empty.
type Regexp struct {
	anchored *lazyre.Regexp // compiled on first use
	leads    string         // the characters a match may open with; "" for the ASCII digits
}

// MustCompile returns expr, which must match nothing that does not open
// with an ASCII digit, to be compiled on first use (it panics then on a
// syntax error, as regexp.MustCompile does; lazyre.All finds one in a test).
func MustCompile(expr string) *Regexp {
	return &Regexp{anchored: lazyre.New(`^(?:` + expr + `)`)}
}

// MustCompileLed is MustCompile for an expr that must match nothing that
// does not open with one of the characters of leads.
func MustCompileLed(expr, leads string) *Regexp {
	return &Regexp{anchored: lazyre.New(`^(?:` + expr + `)`), leads: leads}
}

// FindAllStringSubmatchIndex is regexp's FindAllStringSubmatchIndex(s, -1).
func (re *Regexp) FindAllStringSubmatchIndex(s string) [][]int {
	var out [][]int
	for pos := 0; pos < len(s); {
		i := re.next(s, pos)
		if i < 0 {
			break
		}
		m := re.anchored.FindStringSubmatchIndex(s[i:])
		if m == nil || m[1] == 0 {
			pos = i + 1 // on to the next byte: a leading character is found by its first
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		out = append(out, m)
		pos = m[1]
	}
	return out
}

// FindAllStringIndex is regexp's FindAllStringIndex(s, -1).
func (re *Regexp) FindAllStringIndex(s string) [][]int {
	ms := re.FindAllStringSubmatchIndex(s)
	for i, m := range ms {
		ms[i] = m[:2]
	}
	return ms
}

// next returns the offset of the first leading character of s at or after
// from, or -1.
func (re *Regexp) next(s string, from int) int {
	if re.leads == "" {
		return nextDigit(s, from)
	}
	if i := strings.IndexAny(s[from:], re.leads); i >= 0 {
		return from + i
	}
	return -1
}

// nextDigit returns the offset of the first ASCII digit of s at or after
// from, or -1.
func nextDigit(s string, from int) int {
	for i := from; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			return i
		}
	}
	return -1
}
