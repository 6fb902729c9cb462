// Package segment cuts Chinese text into words: the route of greatest
// probability through a compact word list (words.txt: 73,000 words of two
// to four characters from jieba's dictionary), the method of jieba without
// its model for unknown words. Text is folded to Simplified first, so one
// list serves both scripts.
package segment

import (
	_ "embed"
	"encoding/binary"
	"math"
	"sync"
)

//go:generate sh -c "go run genbin/main.go < words.txt > words.bin"

// words.bin is words.txt as the segmenter loads it (see genbin): packed
// keys in ascending order and log probabilities.
//
//go:embed words.bin
var wordsBin []byte

// dictionary is the word list the segmenter uses: the log probability of
// each word of two to four characters, found by the word's characters packed
// into one number (16 bits each; the list holds characters of the Basic
// Multilingual Plane only), in a sorted table: a lookup compares numbers,
// not strings. The table is read in place from the embedded words.bin,
// not copied: a command pays only for the pages its lookups touch.
type dictionary struct {
	n       int
	keys    []byte  // n little-endian uint64 keys, ascending
	logp    []byte  // n little-endian float32 log probabilities
	minLogp float64 // the log probability of a character that is no word
	// first[l-2][c] is where the words of l characters whose first is
	// hanFirst+c start in keys (and first[l-2][c+1] where they end): a
	// lookup searches the few words that open with its character, not all.
	first [3][]int32
}

// key returns the key of word i.
func (d *dictionary) key(i int) uint64 { return binary.LittleEndian.Uint64(d.keys[8*i:]) }

// prob returns the log probability of word i.
func (d *dictionary) prob(i int) float32 {
	return math.Float32frombits(binary.LittleEndian.Uint32(d.logp[4*i:]))
}

// search returns the first word of lo … hi-1 whose key is key or more, or
// hi.
func (d *dictionary) search(lo, hi int, key uint64) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.key(m) < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// The first characters first indexes: the unified ideographs, which open
// nearly every word; a word opening with another is searched for in all.
const (
	hanFirst = 0x4E00
	hanLast  = 0x9FFF
)

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
		b := wordsBin
		if len(b) < 8 || string(b[:4]) != "RDW1" {
			panic("segment: words.bin is not a word list; run go generate") // a build defect, caught by the tests
		}
		n := int(binary.LittleEndian.Uint32(b[4:]))
		b = b[8:]
		if len(b) != n*12+4 {
			panic("segment: words.bin is cut short; run go generate")
		}
		d := &dictionary{n: n, keys: b[:8*n], logp: b[8*n : 12*n]}
		d.minLogp = float64(math.Float32frombits(binary.LittleEndian.Uint32(b[12*n:])))
		// Keys of two characters come first, then three, then four (a
		// shorter word's number is the smaller), each in order of their
		// first character.
		bounds := [4]int{0, n, n, n} // where the words of 2, 3 and 4 characters start, and the end
		bounds[1] = d.search(0, n, 1<<32)
		bounds[2] = d.search(0, n, 1<<48)
		for l := 2; l <= 4; l++ {
			shift := 16 * uint(l-1)
			idx := make([]int32, hanLast-hanFirst+2)
			k, end := bounds[l-2], bounds[l-1]
			for c := range idx {
				for k < end && d.key(k)>>shift < uint64(hanFirst+c) {
					k++
				}
				idx[c] = int32(k)
			}
			d.first[l-2] = idx
		}
		dict = d
	})
	return dict
}

// wordLen returns the number of characters of a key.
func wordLen(key uint64) int {
	switch {
	case key < 1<<32:
		return 2
	case key < 1<<48:
		return 3
	}
	return 4
}

// lookup returns the log probability of the word with this key.
func (d *dictionary) lookup(key uint64) (float32, bool) {
	lo, hi := 0, d.n
	if l := wordLen(key); len(d.first[l-2]) > 0 {
		if c := key >> (16 * uint(l-1)); c >= hanFirst && c <= hanLast {
			idx := d.first[l-2]
			lo, hi = int(idx[c-hanFirst]), int(idx[c-hanFirst+1])
		}
	}
	if i := d.search(lo, hi, key); i < hi && d.key(i) == key {
		return d.prob(i), true
	}
	return 0, false
}

// Cutter cuts runs of Han characters into words, reusing its buffers from
// one run to the next. A Cutter serves one goroutine; its zero value is
// ready.
type Cutter struct {
	best []float64
	next []int
}

// AppendLengths cuts a run of Han characters, given as runes folded to
// Simplified, into words by the route of greatest probability through the
// words of the dictionary, a character standing alone where no word fits
// (the method of jieba without its model for unknown words). It appends the
// rune length of each word to dst.
func (c *Cutter) AppendLengths(dst []int, rs []rune) []int {
	d := load()
	n := len(rs)
	c.best = append(c.best[:0], make([]float64, n+1)...) // best[i]: log probability of the runes from i on
	c.next = append(c.next[:0], make([]int, n+1)...)
	best, next := c.best, c.next
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
	for i := 0; i < n; i = next[i] {
		dst = append(dst, next[i]-i)
	}
	return dst
}

// Lengths cuts a run of Han characters into words and returns the length of
// each in runes. The run should be folded to Simplified (hanzi.Fold).
func Lengths(run string) []int {
	rs := make([]rune, 0, len(run)/3+1)
	for _, r := range run {
		rs = append(rs, r)
	}
	var c Cutter
	return c.AppendLengths(make([]int, 0, len(rs)/2+1), rs)
}

// Load reads the word list now rather than at the first cut.
func Load() { load() }
