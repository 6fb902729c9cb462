package hanzi

import (
	"strings"
	"unicode/utf8"
)

// Marks is a set of punctuation marks (。！？, or ，；。) that Index finds in
// text by the first bytes of their encodings: a mark is ASCII or opens with
// a lead byte, and no lead byte continues a character, so a byte that opens
// no mark is passed over without decoding the character it stands in
// (strings.IndexAny and a regexp decode every character, at twice the cost
// or more).
type Marks struct {
	lead [256]bool
	set  string
}

// SentenceStops are the marks that end a sentence: 。！？ and their ASCII
// forms. The corpus cuts a paragraph's sentences at them, and a diff looks
// for moved sentences cut the same way.
var SentenceStops = NewMarks("。！？!?")

// NewMarks returns the set of the characters of marks.
func NewMarks(marks string) *Marks {
	m := &Marks{set: marks}
	for _, r := range marks {
		m.lead[utf8.AppendRune(nil, r)[0]] = true
	}
	return m
}

// Index returns the offset and the length of the first mark of s, or -1
// and 0. A byte that is no UTF-8 is no mark.
func (m *Marks) Index(s string) (at, n int) {
	for i := 0; i < len(s); i++ {
		if !m.lead[s[i]] {
			continue
		}
		if r, size := decode(s, i); (r != utf8.RuneError || size > 1) && strings.ContainsRune(m.set, r) {
			return i, size
		}
	}
	return -1, 0
}

// Has reports whether r is one of the marks.
func (m *Marks) Has(r rune) bool { return strings.ContainsRune(m.set, r) }
