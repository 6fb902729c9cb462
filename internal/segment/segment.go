// Package segment cuts Chinese text into words: the route of greatest
// probability through a compact word list (words.txt: 73,000 words of two
// to four characters from jieba's dictionary), the method of jieba without
// its model for unknown words. Text is folded to Simplified first, so one
// list serves both scripts.
package segment

import (
	_ "embed"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed words.txt
var wordsData string

// dictionary is the word list the segmenter uses: words of two to four
// characters in Simplified form with their frequencies, one a line, sorted.
// Words are found by binary search in the embedded text itself, so loading
// costs one pass to find the lines, not a map of 73,000 entries.
// wordLine locates a word of the list: its offset and length in bytes.
type wordLine struct {
	off  int32
	size uint8
}

func (l wordLine) word() string { return wordsData[l.off : l.off+int32(l.size)] }

type dictionary struct {
	lines   []wordLine        // each word line
	byFirst map[rune][2]int32 // first character → range of lines[] starting with it
	total   float64           // the sum of the frequencies
	minLogp float64           // the log probability of a character that is no word
}

var (
	dictOnce sync.Once
	dict     *dictionary
)

// loadDictionary indexes the embedded word list once.
func load() *dictionary {
	dictOnce.Do(func() {
		d := &dictionary{lines: make([]wordLine, 0, 80000), byFirst: make(map[rune][2]int32, 6000)}
		for pos := 0; pos < len(wordsData); {
			end := strings.IndexByte(wordsData[pos:], '\n')
			if end < 0 {
				end = len(wordsData) - pos
			}
			if wordsData[pos] != '#' && end > 0 {
				r, _ := utf8.DecodeRuneInString(wordsData[pos:])
				rg, ok := d.byFirst[r]
				if !ok {
					rg[0] = int32(len(d.lines))
				}
				rg[1] = int32(len(d.lines) + 1)
				d.byFirst[r] = rg
				tab := strings.IndexByte(wordsData[pos:pos+end], '\t')
				d.lines = append(d.lines, wordLine{int32(pos), uint8(tab)})
				d.total += d.freqAt(pos)
			}
			pos += end + 1
		}
		// A single character scores below the rarest word, so any word of
		// the list beats splitting it into characters.
		d.minLogp = math.Log(1/d.total) - 2
		dict = d
	})
	return dict
}

// freqAt reads the frequency of the line at pos.
func (d *dictionary) freqAt(pos int) float64 {
	tab := strings.IndexByte(wordsData[pos:], '\t')
	n := 0.0
	for i := pos + tab + 1; i < len(wordsData) && wordsData[i] >= '0' && wordsData[i] <= '9'; i++ {
		n = n*10 + float64(wordsData[i]-'0')
	}
	return n
}

// logp returns the log probability of w, and whether it is a word.
func (d *dictionary) logp(w string) (float64, bool) {
	r, _ := utf8.DecodeRuneInString(w)
	rg, ok := d.byFirst[r]
	if !ok {
		return 0, false
	}
	lines := d.lines[rg[0]:rg[1]]
	i := sort.Search(len(lines), func(i int) bool { return lines[i].word() >= w })
	if i == len(lines) || lines[i].word() != w {
		return 0, false
	}
	return math.Log(d.freqAt(int(lines[i].off)) / d.total), true
}

// cut cuts a run of Han characters (folded to Simplified) into words by
// the route of greatest probability through the words of the dictionary, a
// character standing alone where no word fits (the method of jieba without
// its model for unknown words). It returns the rune length of each word.
func (d *dictionary) cut(run string) []int {
	offs := runeOffsets(run)
	n := len(offs) - 1
	best := make([]float64, n+1) // best[i]: log probability of the runes from i on
	next := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		best[i], next[i] = d.minLogp+best[i+1], i+1
		for l := 2; l <= 4 && i+l <= n; l++ {
			if p, ok := d.logp(run[offs[i]:offs[i+l]]); ok && p+best[i+l] > best[i] {
				best[i], next[i] = p+best[i+l], i+l
			}
		}
	}
	var lens []int
	for i := 0; i < n; i = next[i] {
		lens = append(lens, next[i]-i)
	}
	return lens
}

// runeOffsets returns the byte offset of each rune of s, and len(s).
func runeOffsets(s string) []int {
	offs := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		offs = append(offs, i)
	}
	return append(offs, len(s))
}

// Lengths cuts a run of Han characters into words and returns the length of
// each in runes. The run should be folded to Simplified (hanzi.Fold).
func Lengths(run string) []int { return load().cut(run) }

// Load reads the word list now rather than at the first cut.
func Load() { load() }
