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

	"github.com/reportdiff/reportdiff/internal/segment/wordbin"
)

//go:generate sh -c "go run genbin/main.go < words.txt > words.bin"

// words.bin is words.txt as the segmenter reads it (see genbin for the
// format): for each length of word, an index by first character, the
// words' other characters packed into numbers, and their log
// probabilities; then a filter of every word's key.
//
//go:embed words.bin
var wordsBin []byte

// dictionary is the word list the segmenter uses: the log probability of
// each word of two to four characters. Its tables are read in place from
// the embedded words.bin, not copied or indexed at start: a command pays
// only for the pages its lookups touch. A word is found by its first
// character, which says where the words opening with it stand in the table
// of its length, and then by its other characters, packed into one number
// (16 bits each: the list holds characters of the Basic Multilingual Plane
// only), among those few: a lookup compares numbers, not strings.
//
// Most keys looked up are no word (in a report's text, measured: 97 in 100
// of three and four characters, half of two), so a filter comes first: two
// bits of one of 16,384 numbers (see wordbin.FilterBits), set by every word and
// by some two in a hundred of the keys that are none. A key it turns away
// costs a multiplication and a load rather than a binary search: the
// lookups of a diff of two reports took 16.9 M instructions, 9.7 M with
// it, for 128 KB more of the binary.
type dictionary struct {
	tables  [3]table // words of two, three and four characters
	minLogp float64  // the log probability of a character that is no word
	filter  []byte   // filterWords little-endian uint64
}

// table holds the words of one length.
type table struct {
	n     int
	first []byte // firsts little-endian uint32: where the words opening with hanFirst+c start (and end)
	rest  []byte // n little-endian numbers of width bytes: the other characters of each word
	width int    // 2, 4 or 8
	logp  []byte // n little-endian float32 log probabilities
}

// The first characters of the words: the unified ideographs (genbin
// refuses a word that opens with another).
const (
	hanFirst = wordbin.HanFirst
	hanLast  = wordbin.HanLast
	firsts   = hanLast - hanFirst + 2 // entries of a table's index
)

// filterWords is the number of uint64 of the filter.
const filterWords = wordbin.FilterWords

// mayHold reports whether key may be a word: false when it is none.
func (d *dictionary) mayHold(key uint64) bool {
	at, bits := wordbin.FilterBits(key)
	return binary.LittleEndian.Uint64(d.filter[8*at:])&bits == bits
}

// restAt returns the other characters of word i.
func (t *table) restAt(i int) uint64 {
	switch t.width {
	case 2:
		return uint64(binary.LittleEndian.Uint16(t.rest[2*i:]))
	case 4:
		return uint64(binary.LittleEndian.Uint32(t.rest[4*i:]))
	}
	return binary.LittleEndian.Uint64(t.rest[8*i:])
}

// bucket returns the words that open with character c: i ≤ word < j,
// within the table even if its index were damaged.
func (t *table) bucket(c uint64) (i, j int) {
	k := 4 * int(c-hanFirst)
	j = min(int(binary.LittleEndian.Uint32(t.first[k+4:])), t.n)
	return min(int(binary.LittleEndian.Uint32(t.first[k:])), j), j
}

// prob returns the log probability of word i.
func (t *table) prob(i int) float32 {
	return math.Float32frombits(binary.LittleEndian.Uint32(t.logp[4*i:]))
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

// load reads the embedded word list once: it only checks its sizes and
// slices it.
func load() *dictionary {
	dictOnce.Do(func() {
		d, err := read(wordsBin)
		if err != "" {
			panic("segment: words.bin " + err + "; run go generate") // a build defect, caught by the tests
		}
		dict = d
	})
	return dict
}

// read slices a word list in the format of genbin; err says what is
// wrong with it.
func read(b []byte) (*dictionary, string) {
	const head = 4 + 3*4 + 4
	if len(b) < head || string(b[:4]) != wordbin.Magic {
		return nil, "is not a word list"
	}
	d := &dictionary{minLogp: float64(math.Float32frombits(binary.LittleEndian.Uint32(b[16:])))}
	at := head
	for l := range d.tables {
		t := &d.tables[l]
		t.n = int(binary.LittleEndian.Uint32(b[4+4*l:]))
		t.width = [3]int{2, 4, 8}[l]
		size := 4*firsts + t.n*(t.width+4)
		if len(b)-at < size {
			return nil, "is cut short"
		}
		t.first = b[at : at+4*firsts]
		t.rest = b[at+4*firsts : at+4*firsts+t.n*t.width]
		t.logp = b[at+4*firsts+t.n*t.width : at+size]
		at += size
		// The index runs from the first word to the last (bucket keeps a
		// lookup within the table whatever stands between).
		if first, last := binary.LittleEndian.Uint32(t.first), binary.LittleEndian.Uint32(t.first[4*(firsts-1):]); first != 0 || int(last) != t.n {
			return nil, "has an index that does not span its table"
		}
	}
	if len(b)-at < 8*filterWords {
		return nil, "is cut short"
	}
	d.filter = b[at : at+8*filterWords]
	if at += 8 * filterWords; at != len(b) {
		return nil, "has bytes after its filter"
	}
	return d, ""
}

// lookup returns the log probability of the word with this key.
func (d *dictionary) lookup(key uint64) (float32, bool) {
	l := 2
	switch {
	case key >= 1<<48:
		l = 4
	case key >= 1<<32:
		l = 3
	}
	if !d.mayHold(key) {
		return 0, false
	}
	return d.search(key, l)
}

// search is lookup without the filter: it searches the table of words of
// l characters for key.
func (d *dictionary) search(key uint64, l int) (float32, bool) {
	shift := 16 * uint(l-1)
	c, rest := key>>shift, key&(1<<shift-1)
	if c < hanFirst || c > hanLast {
		return 0, false
	}
	t := &d.tables[l-2]
	lo, end := t.bucket(c)
	for hi := end; lo < hi; {
		m := int(uint(lo+hi) >> 1)
		if t.restAt(m) < rest {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < end && t.restAt(lo) == rest {
		return t.prob(lo), true
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
		// The keys of the words from i on, packed as pack does, one
		// character more at each length.
		key := uint64(0)
		for l := 1; l <= 4 && i+l <= n; l++ {
			r := rs[i+l-1]
			if r >= 0x10000 || r == 0 {
				break
			}
			if key = key<<16 | uint64(r); l == 1 {
				continue
			}
			if !d.mayHold(key) {
				continue // the filter, inlined: most keys are no word
			}
			if p, ok := d.search(key, l); ok && float64(p)+best[i+l] > best[i] {
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
