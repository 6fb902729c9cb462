package diffview

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
)

// goDiff diffs two sequences of ids with go-diff as diff.go once did: one
// rune per id (the surrogates skipped), DiffMainRunes with no time limit.
// It returns the kind and the length of each operation.
func goDiff(a, b []int32) string {
	toRunes := func(ids []int32) []rune {
		rs := make([]rune, len(ids))
		for i, id := range ids {
			rs[i] = rune(id)
			if id >= 0xD800 {
				rs[i] += 0x800
			}
		}
		return rs
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	out := ""
	for _, d := range dmp.DiffMainRunes(toRunes(a), toRunes(b), false) {
		out += fmt.Sprintf("%d:%d ", d.Type, utf8.RuneCountInString(d.Text))
	}
	return out
}

// ourDiff is the differ's diff in goDiff's terms.
func ourDiff(a, b []int32) string {
	var d differ
	out := ""
	for _, op := range d.diff(a, b) {
		out += fmt.Sprintf("%d:%d ", op.kind, len(op.ids))
	}
	return out
}

// TestWordDiffIsGoDiffs checks that the diff of word ids is go-diff's, on
// random sequences of few distinct ids (so that ties between equally short
// scripts of edits, which go-diff breaks its own way, are everywhere), on
// sequences with blocks moved or repeated, and on every pair of paragraphs
// the command compares in the embedded corpus.
func TestWordDiffIsGoDiffs(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 3))
	random := func(n, k int) []int32 {
		s := make([]int32, n)
		for i := range s {
			s[i] = int32(rng.IntN(k))
		}
		return s
	}
	for c := range 4000 {
		k := 2 + c%6
		a := random(rng.IntN(40), k)
		var b []int32
		switch c % 4 {
		case 0: // unrelated
			b = random(rng.IntN(40), k)
		case 1: // a few edits
			b = append([]int32(nil), a...)
			for range 1 + rng.IntN(4) {
				if len(b) == 0 {
					break
				}
				i := rng.IntN(len(b))
				switch rng.IntN(3) {
				case 0:
					b = append(b[:i], b[i+1:]...)
				case 1:
					b[i] = int32(rng.IntN(k))
				default:
					b = append(b[:i], append([]int32{int32(rng.IntN(k))}, b[i:]...)...)
				}
			}
		case 2: // a block moved
			b = append([]int32(nil), a...)
			if len(b) > 4 {
				i, j := rng.IntN(len(b)/2), len(b)/2+rng.IntN(len(b)/2)
				b = append(append(append([]int32(nil), b[j:]...), b[i:j]...), b[:i]...)
			}
		default: // repeated, and one inside the other
			b = append(append(append([]int32(nil), a...), random(rng.IntN(5), k)...), a...)
		}
		if c%2 == 1 {
			a, b = b, a
		}
		if got, want := ourDiff(a, b), goDiff(a, b); got != want {
			t.Fatalf("case %d: a %v b %v\n got %s\nwant %s", c, a, b, got, want)
		}
	}

	// Ids past the surrogates, as a long text gives them.
	a, b := random(300, 5), random(300, 5)
	for i := range a {
		a[i] += 0xD7F0
		b[i] += 0xD7F0
	}
	if got, want := ourDiff(a, b), goDiff(a, b); got != want {
		t.Fatalf("ids past the surrogates:\n got %s\nwant %s", got, want)
	}

	c, err := corpus.Load("", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pairs := 0
	for i := 1; i < len(c.Reports); i++ {
		ra, rb := c.Reports[i-1], c.Reports[i]
		th := align.Classify(c, nil, nil)
		for _, l := range align.Pair(th, ra, rb, align.DefaultOptions()) {
			x, y := wordIDs(Tokenize(l.From.Text, Options{}), Tokenize(l.To.Text, Options{}))
			if got, want := ourDiff(x, y), goDiff(x, y); got != want {
				t.Fatalf("%s → %s:\n got %s\nwant %s", l.From.ID, l.To.ID, got, want)
			}
			pairs++
		}
	}
	if pairs < 50 {
		t.Fatalf("only %d pairs of paragraphs", pairs)
	}
}
