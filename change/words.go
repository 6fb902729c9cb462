package change

import (
	"sync"
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
	ts := tokens(s)
	ws := make([]string, len(ts))
	for i, t := range ts {
		ws[i] = t.text
	}
	return ws
}

// cutter holds the buffers of a segment.Cutter between calls of tokens,
// which run on many goroutines.
var cutters = sync.Pool{New: func() any { return new(cutter) }}

type cutter struct {
	segment.Cutter
	runes []rune
	lens  []int
}

// cut cuts a run of folded Han characters into words: the length of each in
// runes, and the run's runes, in c's buffers until its next use.
func (c *cutter) cut(run string) (lens []int, runes []rune) {
	c.runes = c.runes[:0]
	for i := 0; i < len(run); {
		r, n := hanzi.DecodeRune(run, i)
		c.runes = append(c.runes, r)
		i += n
	}
	c.lens = c.AppendLengths(c.lens[:0], c.runes)
	return c.lens, c.runes
}

// tokens cuts folded text into words with their offsets: runs of Han
// characters by the segmenter, every other rune alone, spaces left out.
// Each word is a piece of s, not a copy.
func tokens(s string) []token {
	ts := make([]token, 0, len(s)/5+1) // a word of two Han characters is 6 bytes: one allocation for most texts
	var c *cutter
	for at := 0; at < len(s); {
		if run := hanRun(s[at:]); run != "" {
			if c == nil {
				c = cutters.Get().(*cutter)
				defer cutters.Put(c)
			}
			lens, _ := c.cut(run)
			for _, l := range lens {
				end := at
				for ; l > 0; l-- {
					_, n := hanzi.DecodeRune(s, end)
					end += n
				}
				ts = append(ts, token{s[at:end], at, end})
				at = end
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[at:])
		if r != ' ' && r != '\t' {
			ts = append(ts, token{s[at : at+n], at, at + n})
		}
		at += n
	}
	return ts
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
