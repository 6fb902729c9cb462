package segment

import (
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

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

func FuzzLengths(f *testing.F) {
	f.Add("加強全民國防教育和國防後備力量建設")
	f.Fuzz(func(t *testing.T, s string) {
		n := 0
		for _, l := range Lengths(s) {
			if l < 1 || l > 4 {
				t.Fatalf("word of %d runes", l)
			}
			n += l
		}
		if n != utf8.RuneCountInString(s) {
			t.Fatalf("lengths add up to %d, the text has %d runes", n, utf8.RuneCountInString(s))
		}
	})
}

// BenchmarkLoad measures reading the word list.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		dictOnce = sync.Once{}
		load()
	}
}

// TestWordsBin checks that words.bin is words.txt as genbin writes it: the
// same words, in key order, with their log probabilities.
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
	if d.n != len(words) {
		t.Fatalf("words.bin has %d words, words.txt %d: run go generate ./internal/segment", d.n, len(words))
	}
	for i, w := range words {
		want := float32(math.Log(w.freq / total))
		if d.key(i) != w.key || d.prob(i) != want {
			t.Fatalf("word %d: key %x logp %v, want %x %v: run go generate ./internal/segment", i, d.key(i), d.prob(i), w.key, want)
		}
	}
}

// The index by first character finds every word of the list, and no key
// that is not one, as a search of the whole list does.
func TestLookupByFirstCharacter(t *testing.T) {
	d := load()
	keys := make([]uint64, d.n)
	for i := range keys {
		keys[i] = d.key(i)
	}
	for i, k := range keys {
		if p, ok := d.lookup(k); !ok || p != d.prob(i) {
			t.Fatalf("word %d (%x) not found by its first character", i, k)
		}
		for _, other := range []uint64{k + 1, k - 1, k ^ 1<<16} {
			_, want := slices.BinarySearch(keys, other)
			if _, ok := d.lookup(other); ok != want {
				t.Fatalf("key %x: found %v, the list says %v", other, ok, want)
			}
		}
	}
}
