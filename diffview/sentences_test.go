package diffview

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/figure"
	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/sortedset"
)

// sentencesRead is every sentence of a report, read for findByReading.
type sentencesRead struct {
	units []*corpus.Unit
	keys  []string
	pairs [][]uint64
}

func readSentences(r *corpus.Report) sentencesRead {
	var sr sentencesRead
	for _, u := range r.Units {
		for _, s := range u.Sentences {
			key := appendSentenceKey(nil, s.Text)
			sr.units, sr.keys, sr.pairs = append(sr.units, u), append(sr.keys, string(key)), append(sr.pairs, appendCharPairs(nil, key))
		}
	}
	return sr
}

// findByReading is what sentenceIndex.find returns, found by reading every
// sentence of the report: the first sentence with the same key in a unit
// other than partner, else the one of the highest Dice coefficient of
// character pairs above 0.8 (the first of those that tie).
func (sr sentencesRead) findByReading(sentence string, partner *corpus.Unit) *corpus.Unit {
	key := appendSentenceKey(nil, sentence)
	if utf8.RuneCount(key) < 10 {
		return nil
	}
	for i, k := range sr.keys {
		if sr.units[i] != partner && k == string(key) {
			return sr.units[i]
		}
	}
	ps := appendCharPairs(nil, key)
	var best *corpus.Unit
	bestDice := 0.8
	for i, qs := range sr.pairs {
		if d := 2 * float64(sortedset.CountCommon(ps, qs)) / float64(len(ps)+len(qs)); sr.units[i] != partner && d > bestDice {
			best, bestDice = sr.units[i], d
		}
	}
	return best
}

// TestSentenceIndexFind looks for every sentence of the embedded corpus,
// as written and with a character dropped or doubled, in every report,
// with and without a partner to pass over, and checks that the index finds
// what reading every sentence finds.
func TestSentenceIndexFind(t *testing.T) {
	c, err := corpus.Load("", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	found, tried := 0, 0
	for _, r := range c.Reports {
		ix, sr := newSentenceIndex(r), readSentences(r)
		var f finder
		for _, q := range c.Reports {
			for _, u := range q.Units {
				for k, s := range u.Sentences {
					rs := []rune(s.Text)
					cut := len(rs) / 2
					// Every fifth character replaced: a coefficient about the
					// threshold, where find's bounds turn sentences away.
					fifth := slices.Clone(rs)
					for i := 2; i < len(fifth); i += 5 {
						fifth[i] = '某'
					}
					// Two fifths more, of pairs no report has: all of the
					// sentence's pairs among two thirds of the query's or
					// more, the edge of what find may turn away.
					more := string(rs) + string([]rune(strings.Repeat("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥", 8))[:len(rs)*2/5])
					for _, text := range []string{s.Text, string(rs[:cut]) + string(rs[cut+1:]), string(rs[:cut+1]) + string(rs[cut:]), string(fifth), more} {
						// The unit at the same place in r, or none, to pass over.
						var partner *corpus.Unit
						if k%2 == 0 && u.Seq <= len(r.Units) {
							partner = r.Units[u.Seq-1]
						}
						got, want := ix.find(&f, text, partner), sr.findByReading(text, partner)
						if got != want {
							t.Fatalf("%s, %q (partner %v): found %v, want %v", r.ID, text, partner, got, want)
						}
						tried++
						if got != nil {
							found++
						}
					}
				}
			}
		}
	}
	if found == 0 || found == tried {
		t.Errorf("found %d of %d sentences: the test tries nothing", found, tried)
	}
}

// TestPairFilter checks that a pairFilter holds every pair added to it,
// and not every pair: pairs of random characters of the ranges a report
// has, some added, all asked about.
func TestPairFilter(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	char := func() uint64 {
		if rng.IntN(4) == 0 {
			return uint64(rng.IntN(0x80))
		}
		return uint64(hanzi.UnifiedFirst + rng.IntN(hanzi.UnifiedLast-hanzi.UnifiedFirst+1))
	}
	var f pairFilter
	added := map[uint64]bool{}
	for range 10000 {
		p := char()<<21 | char()
		added[p] = true
		f.add(p)
	}
	others, taken := 0, 0
	for range 100000 {
		p := char()<<21 | char()
		switch {
		case added[p] && !f.has(p):
			t.Fatalf("pair %x added, not held", p)
		case !added[p]:
			others++
			if f.has(p) {
				taken++
			}
		}
	}
	for p := range added {
		if !f.has(p) {
			t.Fatalf("pair %x added, not held", p)
		}
	}
	if taken == 0 || taken > others/5 {
		t.Errorf("%d of %d pairs not added are taken for added ones: want some, under one in five", taken, others)
	}
}

// TestPostings checks that the postings of a pair, searched for within its
// bucket, are the entries of that pair: on random sentences of characters
// at the edges of the buckets (digits and letters, the first and last
// unified ideographs and those around a bucket's edge, characters beyond).
func TestPostings(t *testing.T) {
	pool := []rune{'1', '2', 'a', 'Z', '%', 0x4E00, 0x4E01, 0x4E0F, 0x4E10, 0x4E11, 0x7000, 0x9FFE, 0x9FFF, 0x20000, 0x20001}
	rng := rand.New(rand.NewPCG(5, 6))
	r := &corpus.Report{}
	for k := range 50 {
		u := &corpus.Unit{Seq: k + 1, Report: r}
		for range 1 + rng.IntN(3) {
			var b strings.Builder
			for range 2 + rng.IntN(12) {
				b.WriteRune(pool[rng.IntN(len(pool))])
			}
			u.Sentences = append(u.Sentences, corpus.Sentence{Text: b.String()})
		}
		r.Units = append(r.Units, u)
	}
	ix := newSentenceIndex(r)
	for _, a := range pool {
		for _, b := range pool {
			p := uint64(a)<<21 | uint64(b)
			var want []uint64
			for _, e := range ix.entries {
				if e>>idBits == p {
					want = append(want, e)
				}
			}
			if got := ix.postings(p); !slices.Equal(got, want) {
				t.Fatalf("postings of %c%c: %x, want %x", a, b, got, want)
			}
		}
	}
	for id := range int32(len(ix.npairs)) {
		if want := len(appendCharPairs(nil, ix.key(id))); int(ix.npairs[id]) != want {
			t.Fatalf("sentence %d: %d pairs, want %d", id, ix.npairs[id], want)
		}
	}
}

// TestReadFigures checks that a unit's figures, read from the folded text
// the unit keeps, are the figures of its text, for every unit of the
// embedded corpus.
func TestReadFigures(t *testing.T) {
	c, err := corpus.Load("", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var tz tokenizer
	figures := 0
	for _, r := range c.Reports {
		for _, u := range r.Units {
			got, want := tz.read(u).figs, figure.Extract(u.Text)
			if !slices.Equal(got, want) {
				t.Fatalf("%s: figures %v, want %v", u.ID, got, want)
			}
			figures += len(got)
		}
	}
	if figures == 0 {
		t.Fatal("no figures read")
	}
}

// TestSplitAfter checks SplitAfter, which finds its marks by their bytes,
// against cutting after every character that is one of them, decoded: on
// random texts of marks, closers, Han and ASCII characters and bytes that
// are no UTF-8; the parts always join to the text.
func TestSplitAfter(t *testing.T) {
	byRunes := func(s, ends string) []string {
		var parts []string
		for s != "" {
			n := len(s)
			for i, r := range s {
				if strings.ContainsRune(ends, r) {
					n = i + utf8.RuneLen(r)
					for n < len(s) {
						c, size := utf8.DecodeRuneInString(s[n:])
						if !strings.ContainsRune(closers, c) {
							break
						}
						n += size
					}
					break
				}
			}
			parts = append(parts, s[:n])
			s = s[n:]
		}
		return parts
	}
	pool := []string{"。", "！", "？", "!", "?", "；", "”", "）", ")", "甲", "a", " ", "\xe3", "\x80", "\xff"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(20) {
			b.WriteString(pool[rng.IntN(len(pool))])
		}
		s := b.String()
		for _, ends := range []string{"。！？!?", "。！？!?；;"} {
			got, want := SplitAfter(s, hanzi.NewMarks(ends)), byRunes(s, ends)
			if !slices.Equal(got, want) || strings.Join(got, "") != s {
				t.Fatalf("SplitAfter(%q, %q) = %q, want %q", s, ends, got, want)
			}
		}
	}
}
