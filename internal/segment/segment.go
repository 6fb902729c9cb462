// Package segment cuts Chinese text into words: the route of greatest
// probability through a compact word list (words.txt: 73,000 words of two
// to four characters from jieba's dictionary), the method of jieba without
// its model for unknown words. Text is folded to Simplified first, so one
// list serves both scripts.
package segment

import (
	_ "embed"
	"math"
	"strings"
	"sync"
)

//go:embed words.txt
var wordsData string

// dictionary is the word list the segmenter uses: the log probability of
// each word of two to four characters, keyed by the word's characters
// packed into one number (16 bits each; the list holds characters of the
// Basic Multilingual Plane only), so a lookup neither builds a string nor
// compares one.
type dictionary struct {
	logp    map[uint64]float32
	minLogp float64 // the log probability of a character that is no word
}

var (
	dictOnce sync.Once
	dict     *dictionary
)

// pack packs up to four characters of the Basic Multilingual Plane; ok is
// false for others.
func pack(rs []rune) (key uint64, ok bool) {
	for _, r := range rs {
		if r >= 0x10000 {
			return 0, false
		}
		key = key<<16 | uint64(r)
	}
	return key | uint64(len(rs))<<62, true
}

// load reads the embedded word list once.
func load() *dictionary {
	dictOnce.Do(func() {
		type entry struct {
			key  uint64
			freq float64
		}
		entries := make([]entry, 0, 80000)
		total := 0.0
		var rs []rune
		for pos := 0; pos < len(wordsData); {
			end := strings.IndexByte(wordsData[pos:], '\n')
			if end < 0 {
				end = len(wordsData) - pos
			}
			line := wordsData[pos : pos+end]
			pos += end + 1
			word, freq, ok := strings.Cut(line, "\t")
			if !ok || strings.HasPrefix(line, "#") {
				continue
			}
			rs = rs[:0]
			for _, r := range word {
				rs = append(rs, r)
			}
			n := 0.0
			for i := 0; i < len(freq) && freq[i] >= '0' && freq[i] <= '9'; i++ {
				n = n*10 + float64(freq[i]-'0')
			}
			if key, ok := pack(rs); ok && len(rs) <= 4 && n > 0 {
				entries = append(entries, entry{key, n})
				total += n
			}
		}
		d := &dictionary{logp: make(map[uint64]float32, len(entries))}
		for _, e := range entries {
			d.logp[e.key] = float32(math.Log(e.freq / total))
		}
		// A single character scores below the rarest word, so any word of
		// the list beats splitting it into characters.
		d.minLogp = math.Log(1/total) - 2
		dict = d
	})
	return dict
}

// cut cuts a run of Han characters (folded to Simplified) into words by
// the route of greatest probability through the words of the dictionary, a
// character standing alone where no word fits (the method of jieba without
// its model for unknown words). It returns the rune length of each word.
func (d *dictionary) cut(run string) []int {
	rs := make([]rune, 0, len(run)/3+1)
	for _, r := range run {
		rs = append(rs, r)
	}
	n := len(rs)
	best := make([]float64, n+1) // best[i]: log probability of the runes from i on
	next := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		best[i], next[i] = d.minLogp+best[i+1], i+1
		for l := 2; l <= 4 && i+l <= n; l++ {
			key, ok := pack(rs[i : i+l])
			if !ok {
				break
			}
			if p, ok := d.logp[key]; ok && float64(p)+best[i+l] > best[i] {
				best[i], next[i] = float64(p)+best[i+l], i+l
			}
		}
	}
	lens := make([]int, 0, n/2+1)
	for i := 0; i < n; i = next[i] {
		lens = append(lens, next[i]-i)
	}
	return lens
}

// Lengths cuts a run of Han characters into words and returns the length of
// each in runes. The run should be folded to Simplified (hanzi.Fold).
func Lengths(run string) []int { return load().cut(run) }

// Load reads the word list now rather than at the first cut.
func Load() { load() }
