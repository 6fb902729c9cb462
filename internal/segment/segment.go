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
)

//go:embed words.txt
var wordsData string

// dictionary is the word list the segmenter uses: the log probability of
// each word of two to four characters, found by the word's characters packed
// into one number (16 bits each; the list holds characters of the Basic
// Multilingual Plane only). words.txt lists words in the order of those
// numbers, so they are read straight into a sorted table: no map to build,
// and a lookup compares numbers, not strings.
type dictionary struct {
	keys    []uint64
	logp    []float32
	minLogp float64 // the log probability of a character that is no word
}

var (
	dictOnce sync.Once
	dict     *dictionary
)

// pack packs up to four characters of the Basic Multilingual Plane into
// one number, 16 bits each; ok is false for other characters. Words of
// different lengths cannot share a number (no character is 0), and a
// shorter word's number is the smaller.
func pack(rs []rune) (key uint64, ok bool) {
	for _, r := range rs {
		if r >= 0x10000 || r == 0 {
			return 0, false
		}
		key = key<<16 | uint64(r)
	}
	return key, true
}

// load reads the embedded word list once.
func load() *dictionary {
	dictOnce.Do(func() {
		d := &dictionary{keys: make([]uint64, 0, 80000), logp: make([]float32, 0, 80000)}
		freqs := make([]float64, 0, 80000)
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
			if key, ok := pack(rs); ok && len(rs) >= 2 && len(rs) <= 4 && n > 0 {
				d.keys = append(d.keys, key)
				freqs = append(freqs, n)
				total += n
			}
		}
		if !sort.SliceIsSorted(d.keys, func(i, j int) bool { return d.keys[i] < d.keys[j] }) {
			panic("segment: words.txt is not in key order; regenerate it with gendict") // a build defect, caught by the tests
		}
		for _, f := range freqs {
			d.logp = append(d.logp, float32(math.Log(f/total)))
		}
		// A single character scores below the rarest word, so any word of
		// the list beats splitting it into characters.
		d.minLogp = math.Log(1/total) - 2
		dict = d
	})
	return dict
}

// lookup returns the log probability of the word with this key.
func (d *dictionary) lookup(key uint64) (float32, bool) {
	i := sort.Search(len(d.keys), func(i int) bool { return d.keys[i] >= key })
	if i < len(d.keys) && d.keys[i] == key {
		return d.logp[i], true
	}
	return 0, false
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
			if p, ok := d.lookup(key); ok && float64(p)+best[i+l] > best[i] {
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
