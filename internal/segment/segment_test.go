package segment

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/gentest"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

func words(s string) string {
	f := hanzi.Fold(s)
	rs := []rune(s)
	var out []string
	i := 0
	for _, l := range Lengths(f) {
		out = append(out, string(rs[i:i+l]))
		i += l
	}
	return strings.Join(out, "/")
}

func TestLengths(t *testing.T) {
	tests := []struct{ in, want string }{
		{"加強全民國防教育", "加強/全民/國防/教育"},
		{"地区生产总值增长", "地区/生产总值/增长"},
		{"推进城市管理体制改革", "推进/城市/管理/体制/改革"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := words(tt.in); got != tt.want {
			t.Errorf("%q: %s, want %s", tt.in, got, tt.want)
		}
	}
}

// FuzzLengths: the lengths are of words of one to four runes that add up
// to the text's, and are those of plainLengths, which looks every key up
// without the filter.
func FuzzLengths(f *testing.F) {
	f.Add("加強全民國防教育和國防後備力量建設")
	f.Add("地区生产总值增长𠀀生产总值\x00总值增长")
	f.Fuzz(func(t *testing.T, s string) {
		n := 0
		got := Lengths(s)
		for _, l := range got {
			if l < 1 || l > 4 {
				t.Fatalf("word of %d runes", l)
			}
			n += l
		}
		if n != utf8.RuneCountInString(s) {
			t.Fatalf("lengths add up to %d, the text has %d runes", n, utf8.RuneCountInString(s))
		}
		if want := plainLengths([]rune(s)); !slices.Equal(got, want) {
			t.Fatalf("Lengths(%q) = %v, looked up without the filter %v", s, got, want)
		}
	})
}

// TestLengthsPlain cuts texts made of the list's own words (and of them cut
// and joined otherwise, one character off) as plainLengths does: the
// filter, tested inline in AppendLengths, turns no word away.
func TestLengthsPlain(t *testing.T) {
	keys, _ := entries(load())
	var rs []rune
	for i, k := range keys {
		if i%7 != 0 {
			continue
		}
		var w []rune
		for ; k > 0; k >>= 16 {
			w = append([]rune{rune(k & 0xFFFF)}, w...)
		}
		rs = append(rs, w...)
		if i%3 == 0 {
			rs = append(rs, w[0]+1)
		}
	}
	var c Cutter
	for from := 0; from < len(rs); from += 500 {
		run := rs[from:min(from+600, len(rs))]
		if got, want := c.AppendLengths(nil, run), plainLengths(run); !slices.Equal(got, want) {
			t.Fatalf("runes %d on: lengths %v, looked up without the filter %v", from, got, want)
		}
	}
}

// plainLengths is AppendLengths as first written: every key packed by pack
// and searched for in the table of its length, with no filter.
func plainLengths(rs []rune) []int {
	d := load()
	n := len(rs)
	best, next := make([]float64, n+1), make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		best[i], next[i] = d.minLogp+best[i+1], i+1
		for l := 2; l <= 4 && i+l <= n; l++ {
			key, ok := pack(rs[i : i+l])
			if !ok {
				break
			}
			if p, ok := d.search(key, l); ok && float64(p)+best[i+l] > best[i] {
				best[i], next[i] = float64(p)+best[i+l], i+l
			}
		}
	}
	var out []int
	for i := 0; i < n; i = next[i] {
		out = append(out, next[i]-i)
	}
	return out
}

// BenchmarkLoad measures reading the word list.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		dictOnce = sync.Once{}
		load()
	}
}

// entries returns every word of d in key order (words of two characters,
// then three, then four; by first character, then the rest), walking its
// tables as a reader who knows the format would.
func entries(d *dictionary) (keys []uint64, probs []float32) {
	for l, t := range d.tables {
		shift := 16 * uint(l+1)
		for c := uint64(hanFirst); c <= hanLast; c++ {
			i, j := t.bucket(c)
			for k := i; k < j; k++ {
				keys = append(keys, c<<shift|t.restAt(k))
				probs = append(probs, t.prob(k))
			}
		}
	}
	return keys, probs
}

// TestWordsBin checks that words.bin is words.txt as genbin writes it: the
// same words, in key order, with their log probabilities, every word in the
// bucket of its first character.
func TestWordsBin(t *testing.T) {
	b, err := os.ReadFile("words.txt")
	if err != nil {
		t.Fatal(err)
	}
	type word struct {
		key  uint64
		freq float64
	}
	var words []word
	total := 0.0
	for _, line := range strings.Split(string(b), "\n") {
		w, f, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		n, err := strconv.ParseFloat(f, 64)
		if err != nil {
			t.Fatalf("words.txt: %q", line)
		}
		key, ok := pack([]rune(w))
		if !ok {
			t.Fatalf("words.txt: %q cannot be packed", w)
		}
		words = append(words, word{key, n})
		total += n
	}
	sort.Slice(words, func(i, j int) bool { return words[i].key < words[j].key })
	d := load()
	keys, probs := entries(d)
	n := 0
	for _, tb := range d.tables {
		n += tb.n
	}
	if len(keys) != len(words) || n != len(words) {
		t.Fatalf("words.bin has %d words (%d in its buckets), words.txt %d: run go generate ./internal/segment", n, len(keys), len(words))
	}
	for i, w := range words {
		want := float32(math.Log(w.freq / total))
		if keys[i] != w.key || probs[i] != want {
			t.Fatalf("word %d: key %x logp %v, want %x %v: run go generate ./internal/segment", i, keys[i], probs[i], w.key, want)
		}
	}
}

// TestGenbin checks that words.bin is, byte for byte, what genbin makes of
// words.txt now.
func TestGenbin(t *testing.T) {
	want := gentest.Output(t, "genbin/main.go", "words.txt")
	if !bytes.Equal(wordsBin, want) {
		t.Fatalf("words.bin (%d bytes) is not what genbin makes of words.txt (%d bytes): run go generate ./internal/segment", len(wordsBin), len(want))
	}
}

// A word list that is not one, or is cut short, or runs on, is refused
// with a reason rather than read out of its bounds.
func TestReadRefuses(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "is not a word list"},
		{"other magic", append([]byte("RDW1"), wordsBin[4:]...), "is not a word list"},
		{"cut short", wordsBin[:len(wordsBin)-1], "is cut short"},
		{"header only", wordsBin[:20], "is cut short"},
		{"runs on", append(slices.Clip(wordsBin), 0), "has bytes after its filter"},
		{"no filter", wordsBin[:len(wordsBin)-8*filterWords], "is cut short"},
		{"index not from the first word", withUint32(wordsBin, 20, 1), "has an index that does not span its table"},
		{"index past the last word", withUint32(wordsBin, 20+4*(firsts-1), 1<<30), "has an index that does not span its table"},
	}
	// An index damaged between its ends keeps lookups within the table.
	d, err := read(withUint32(wordsBin, 20+4*100, 1<<30))
	if err != "" {
		t.Fatal(err)
	}
	for c := uint64(hanFirst); c <= hanLast; c++ {
		d.lookup(c<<16 | 0x4E00)
	}
	for _, tt := range tests {
		if _, err := read(tt.b); err != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := read(wordsBin); err != "" {
		t.Errorf("words.bin: %q", err)
	}
}

// withUint32 returns a copy of b with the little-endian uint32 at at set to v.
func withUint32(b []byte, at int, v uint32) []byte {
	c := slices.Clone(b)
	binary.LittleEndian.PutUint32(c[at:], v)
	return c
}

// A lookup finds every word of the list, and no key that is not one, as a
// search of the whole list does: keys one off a word, of another length,
// opening with a character that is no unified ideograph.
func TestLookup(t *testing.T) {
	d := load()
	keys, probs := entries(d)
	for i, k := range keys {
		if p, ok := d.lookup(k); !ok || p != probs[i] {
			t.Fatalf("word %d (%x) not found", i, k)
		}
		for _, other := range []uint64{k + 1, k - 1, k ^ 1<<16, k >> 16, k<<16 | 0x4E00, k&0xFFFF | 0x3007<<16} {
			_, want := slices.BinarySearch(keys, other)
			if _, ok := d.lookup(other); ok != want {
				t.Fatalf("key %x: found %v, the list says %v", other, ok, want)
			}
		}
	}
}

// The filter lets every word through (TestLookup) and turns away nearly
// every key that is none: of the keys one character off a word, at most
// one in twenty passes it.
func TestFilter(t *testing.T) {
	d := load()
	keys, _ := entries(d)
	passed, tried := 0, 0
	for _, k := range keys {
		for _, other := range []uint64{k + 1, k ^ 1<<16, k<<16 | 0x4E00} {
			if _, found := slices.BinarySearch(keys, other); found {
				continue
			}
			tried++
			if d.mayHold(other) {
				passed++
			}
		}
	}
	if passed*20 > tried {
		t.Errorf("%d of %d keys that are no word pass the filter", passed, tried)
	}
}

// BenchmarkLengths cuts the embedded corpus's text (folded, in runs of Han
// characters) into words: the lookups of the word list, as diff makes them.
func BenchmarkLengths(b *testing.B) {
	text, err := os.ReadFile("../../corpus/seed/seed.txt")
	if err != nil {
		b.Skip(err)
	}
	var runs [][]rune
	var run []rune
	for _, r := range hanzi.Fold(string(text)) {
		if r >= hanFirst && r <= hanLast {
			run = append(run, r)
			continue
		}
		if len(run) > 0 {
			runs = append(runs, run)
			run = nil
		}
	}
	load()
	var c Cutter
	var dst []int
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range runs {
			dst = c.AppendLengths(dst[:0], r)
		}
	}
}
