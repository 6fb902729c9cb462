package change

import (
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/segment"
)

// hanRun returns the Han characters s starts with.
func hanRun(s string) string {
	for i, r := range s {
		if !hanzi.IsHan(r) {
			return s[:i]
		}
	}
	return s
}

// wordLengths cuts a run of folded Han characters into words and returns
// the length of each in runes.
func wordLengths(run string) []int {
	if run == "" {
		return nil
	}
	return segment.Lengths(run)
}

// words cuts folded text into words: each run of Han characters by the
// segmenter, every other rune alone (spaces dropped).
func words(s string) []string {
	var ws []string
	for len(s) > 0 {
		if run := hanRun(s); run != "" {
			rs := []rune(run)
			k := 0
			for _, l := range wordLengths(run) {
				ws = append(ws, string(rs[k:k+l]))
				k += l
			}
			s = s[len(run):]
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		if r != ' ' && r != '\t' {
			ws = append(ws, s[:n])
		}
		s = s[n:]
	}
	return ws
}

// textRun is a stretch of Han characters and its offset.
type textRun struct {
	start int
	text  string
}

// runsWithOffsets returns the runs of Han characters of s.
func runsWithOffsets(s string) []textRun {
	var runs []textRun
	start := -1
	for i, r := range s {
		if hanzi.IsHan(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			runs = append(runs, textRun{start, s[start:i]})
			start = -1
		}
	}
	if start >= 0 {
		runs = append(runs, textRun{start, s[start:]})
	}
	return runs
}
