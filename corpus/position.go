package corpus

import "unicode/utf8"

// Column returns the 1-based column of byte offset off in its line,
// counted in characters (Unicode code points), as editors and SARIF's
// unicodeCodePoints count them.
func (s *Source) Column(off int) int {
	off = max(0, min(off, len(s.Text)))
	start := 0
	if l := s.LineAt(off); l > 0 && l <= len(s.lines) {
		start = s.lines[l-1]
	}
	return 1 + utf8.RuneCountInString(s.Text[start:off])
}
