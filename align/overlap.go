package align

import (
	"cmp"
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/reportdiff/reportdiff/internal/sortedset"
)

// This file holds the two measures of what two units share word for word:
// the rare phrases they share, and the clauses of one that stand nearly
// word for word in the other.

// span is a stretch of a unit's text, [start, end): rune offsets for a
// clause (the same in its text and its folded text), byte offsets into its
// folded text for an occurrence and a run of them.
type span struct{ start, end int32 }

// scratch holds the buffers of the comparison of two units, reused from one
// pair to the next, so that comparing every pair of two reports allocates
// nothing in the common case. A scratch serves one goroutine.
type scratch struct {
	shared   []feat
	ra0, rb0 []feat // the rare features of each unit
	ra, rb   []span
	dup      []bool
	okA, okB []bool
	hitB     []bool
	okIdx    []int32

	// for similarities
	pos   []int32   // by gram number, 1 + the gram's index in the unit read, 0 for none
	lists [][]feat  // the rare features shared with each unit
	both  []int32   // the grams two units share, as index pairs
	held  []float64 // the weight of each clause the other unit holds
}

// Shared phrases.

// runs appends to dst the stretches of a text covered by those of its rare
// features that are shared (a sorted set), given where its features stand
// (sorted by feature, then place; those not shared are passed over):
// overlapping or touching features make one stretch, so a long name shared
// whole (滨江湿地公园二期工程, eight trigrams) is one phrase, not seven.
func runs(dst []span, at []occurrence, shared []feat) []span {
	from := len(dst)
	k := 0
	for _, f := range shared {
		// The occurrences of f, found by galloping through at, which is
		// sorted by feature as shared is.
		k += sort.Search(len(at)-k, func(x int) bool { return at[k+x].f >= f })
		for ; k < len(at) && at[k].f == f; k++ {
			dst = append(dst, span{at[k].start, at[k].end})
		}
	}
	ss := dst[from:]
	slices.SortFunc(ss, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	out := ss[:0]
	for _, s := range ss {
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return dst[:from+len(out)]
}

// phrases returns how many phrases two units share, and the runs of the
// first unit that make them. A phrase is a run of shared rare features
// (see runs), its text counted once however often it stands (see
// distinct); the count is the fewer of the two units' counts, so a phrase
// that stands whole in one unit and cut in two in the other counts once.
// The runs are in sc's buffers until its next use.
func phrases(a, b *doc, sc *scratch) (int, []span) {
	sc.ra0, sc.rb0 = a.rare(sc.ra0[:0]), b.rare(sc.rb0[:0])
	return phrasesOf(a, b, sortedset.AppendCommon(sc.shared[:0], sc.ra0, sc.rb0), sc)
}

// phrasesOf is phrases given the rare features a and b share (sorted).
func phrasesOf(a, b *doc, shared []feat, sc *scratch) (int, []span) {
	sc.shared = shared
	if len(shared) == 0 {
		return 0, nil
	}
	sc.ra = distinct(a, runs(sc.ra[:0], a.occ, shared), sc)
	sc.rb = distinct(b, runs(sc.rb[:0], b.occ, shared), sc)
	return min(len(sc.ra), len(sc.rb)), sc.ra
}

// distinct drops, in place, the runs whose text stands in another run of d:
// the same name found twice (湿地公园 … 湿地公园) or within a longer one
// (滨江湿地公园) is one phrase.
func distinct(d *doc, rs []span, sc *scratch) []span {
	if len(rs) < 2 {
		return rs
	}
	// The texts are valid UTF-8 (folding writes U+FFFD for a byte that is
	// not), so a text holds another as bytes where it holds it as
	// characters, and of two texts one holds, the longer in bytes is the
	// longer in characters.
	text := func(r span) string { return d.text[r.start:r.end] }
	sc.dup = slices.Grow(sc.dup[:0], len(rs))[:len(rs)]
	for i, r := range rs {
		sc.dup[i] = false
		for j, o := range rs {
			if j != i && (len(text(o)) > len(text(r)) || j < i) && strings.Contains(text(o), text(r)) {
				sc.dup[i] = true
				break
			}
		}
	}
	out := rs[:0]
	for i, r := range rs {
		if !sc.dup[i] {
			out = append(out, r)
		}
	}
	return out
}

// Clauses found in the other unit.

// clause is a clause of a unit long enough to be looked for in another.
type clause struct {
	span
	grams []int32 // its distinct character bigrams (and Latin words): their indices among the unit's grams, sorted
}

// minClauseGrams is the fewest distinct bigrams of a clause looked for in
// another unit: about ten characters. Shorter clauses (加强组织领导) stand in
// many paragraphs and prove nothing.
const minClauseGrams = 9

// coverMin is the overlap at which a clause stands nearly word for word in
// another: four in five of its weighted bigrams, as for the moved sentences
// of the diff view.
const coverMin = 0.8

// clauses cuts a folded text, given as runes, at the marks that end a
// clause (，；。：！？ and their ASCII forms) and keeps the clauses with at
// least minClauseGrams distinct bigrams of Han characters. A clause rather
// than a sentence: the sentences of work reports run long, and the part of
// one report that another repeats is often one clause of a longer sentence
// (…，统筹推进港口、航道、物流园区和口岸设施四项建设。).
// The text is given as the runes of a unit's folded text, how many grams
// it has (n) and the index among its grams (sorted) of the bigram at each
// rune (gramAt, -1 where none starts, see gramsOf): a clause's bigrams are
// sorted as their indices, which stand for them. The clauses' bigrams
// share one array.
func clauses(rs []rune, n int, gramAt []int32, sc *prepScratch) []clause {
	ix, ends := sc.idx[:0], sc.ends[:0] // where each clause's indices end in ix
	spans := sc.spans[:0]
	set := slices.Grow(sc.set[:0], (n+63)>>6)[:(n+63)>>6] // a bit by gram index, clear between clauses
	start := 0
	for i, r := range rs {
		switch r {
		case '，', ',', '；', ';', '。', '：', ':', '！', '!', '？', '?':
		default:
			if i+1 < len(rs) {
				continue
			}
		}
		// The clause's bigrams are marked in a set of bits by index, then
		// read in order: sorted and each once, without a sort (the sorts
		// of clauses of a dozen to a few dozen indices were a tenth of
		// reading a unit).
		from := len(ix)
		for k := start; k+1 <= i; k++ {
			if g := gramAt[k]; g >= 0 {
				set[g>>6] |= 1 << (g & 63)
			}
		}
		for w, b := range set {
			if b == 0 {
				continue
			}
			for ; b != 0; b &= b - 1 {
				ix = append(ix, int32(w<<6|bits.TrailingZeros64(b)))
			}
			set[w] = 0
		}
		if len(ix)-from >= minClauseGrams {
			spans = append(spans, span{int32(start), int32(i + 1)})
			ends = append(ends, int32(len(ix)))
		} else {
			ix = ix[:from]
		}
		start = i + 1
	}
	sc.idx, sc.ends, sc.spans, sc.set = ix, ends, spans, set
	if len(spans) == 0 {
		return nil
	}
	all := slices.Clone(ix)
	out := make([]clause, len(spans))
	from := int32(0)
	for i, end := range ends {
		out[i] = clause{span: spans[i], grams: all[from:end:end]}
		from = end
	}
	return out
}

// weigh returns the weight of each clause of d in its model: the sum of
// the IDF of its bigrams, in their order. out is a buffer of len(d.clauses).
func weigh(d *doc, out []float64) []float64 {
	for i, c := range d.clauses {
		total := 0.0
		for _, g := range c.grams {
			total += d.weight(g)
		}
		out[i] = total
	}
	return out
}

// overlap returns how much of the smaller of clause i of a and clause j of
// b the other holds: the weight of the bigrams they share over the weight
// of the smaller's.
func overlap(a, b *doc, i, j int) float64 {
	s, t := a.clauses[i].grams, b.clauses[j].grams
	shared := 0.0
	for x, y := 0, 0; x < len(s) && y < len(t); {
		p, q := a.grams[s[x]], b.grams[t[y]]
		switch {
		case p < q:
			x++
		case p > q:
			y++
		default:
			shared += a.weight(s[x])
			x++
			y++
		}
	}
	return shared / min(a.totals[i], b.totals[j])
}

// clauseMatch is a clause of one unit found in the other.
type clauseMatch struct {
	A, B    span // where it stands in each unit's text
	Overlap float64
}

// covered returns how many clauses of a and b stand nearly word for word in
// a clause of the other: the fewer of the two units' counts, so one long
// clause holding two short ones counts once. With found non-nil, it also
// calls found for every such pair of clauses.
//
// A clause can stand in a clause of the other unit only if the other unit
// as a whole holds coverMin of its weight (see promising); the clauses that
// cannot are not compared one by one.
func covered(a, b *doc, sc *scratch, found func(clauseMatch)) int {
	if len(a.clauses) == 0 || len(b.clauses) == 0 {
		return 0
	}
	sc.okA, sc.okB = promising(sc.okA, a, b), promising(sc.okB, b, a)
	return coveredIf(a, b, sc, found)
}

// coveredIf is covered once sc.okA and sc.okB say which clauses of a and
// of b the other unit may hold.
func coveredIf(a, b *doc, sc *scratch, found func(clauseMatch)) int {
	// The clauses of b the other may hold: a clause of a the other may not
	// hold is compared with those only, when they are the smaller.
	sc.okIdx = sc.okIdx[:0]
	for j, ok := range sc.okB {
		if ok {
			sc.okIdx = append(sc.okIdx, int32(j))
		}
	}
	if len(sc.okIdx) == 0 && !slices.Contains(sc.okA, true) {
		return 0
	}
	sc.hitB = slices.Grow(sc.hitB[:0], len(b.clauses))[:len(b.clauses)]
	clear(sc.hitB)
	inA, inB := 0, 0
	for i := range a.clauses {
		s := &a.clauses[i]
		hit := false
		try := func(j int) {
			t := &b.clauses[j]
			if a.totals[i] <= b.totals[j] && !sc.okA[i] || b.totals[j] < a.totals[i] && !sc.okB[j] {
				return // the smaller one is not held by the other unit
			}
			if o := overlap(a, b, i, j); o >= coverMin {
				if !hit {
					inA++
				}
				hit = true
				if !sc.hitB[j] { // count each clause of b once
					sc.hitB[j], inB = true, inB+1
				}
				if found != nil {
					found(clauseMatch{A: s.span, B: t.span, Overlap: o})
				}
			}
		}
		if sc.okA[i] {
			for j := range b.clauses {
				try(j)
			}
		} else {
			for _, j := range sc.okIdx {
				try(int(j))
			}
		}
	}
	return min(inA, inB)
}

// promising fills ok, for each clause of a, with whether unit b as a whole
// holds coverMin of its weight: the weight of its bigrams that b has, added
// in key order (as the weights of the bigrams two clauses share are, so a
// clause that another holds passes). A clause that fails cannot stand in a
// clause of b.
func promising(ok []bool, a, b *doc) []bool {
	ok = slices.Grow(ok[:0], len(a.clauses))[:len(a.clauses)]
	for i, c := range a.clauses {
		held := 0.0
		k := 0
		for _, g := range c.grams {
			f := a.grams[g]
			for k < len(b.grams) && b.grams[k] < f {
				k++
			}
			if k < len(b.grams) && b.grams[k] == f {
				held += a.weight(g)
			}
		}
		ok[i] = held >= coverMin*a.totals[i]
	}
	return ok
}
