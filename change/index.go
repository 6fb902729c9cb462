package change

import (
	"slices"
	"unicode/utf8"
)

// This file holds the two indexes that keep the cost of commitments in
// proportion to the text: every promise is looked for in every clause of
// the corpus, and every new promise is compared with the commitments found
// before it. Both comparisons need the first two characters of one string
// to stand in the other (see matcher.mayMatch and sameThing), so an index
// of the pairs of neighbouring characters gives the few strings worth
// comparing; the comparisons themselves are unchanged.

// pairKey packs two runes into one number.
func pairKey(a, b rune) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// firstPair returns the key of the first two runes of s; one is false when
// s holds a single rune, and ok false when it holds none.
func firstPair(s string) (key uint64, one, ok bool) {
	a, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return 0, false, false
	}
	if n == len(s) {
		return 0, true, true
	}
	b, _ := utf8.DecodeRuneInString(s[n:])
	return pairKey(a, b), false, true
}

// addPairs appends id to the postings of every pair of neighbouring runes
// of s, once per id (ids come in ascending order).
func addPairs(postings map[uint64][]int32, s string, id int32) {
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			k := pairKey(prev, r)
			if l := postings[k]; len(l) == 0 || l[len(l)-1] != id {
				postings[k] = append(l, id)
			}
		}
		prev = r
	}
}

// clauseIndex finds the clauses that may speak of a commitment: those that
// hold the first two characters of one of the forms of its key, as
// matcher.mayMatch asks, without reading every clause.
type clauseIndex struct {
	all     []clause
	norm    map[uint64][]int32 // pair → the clauses whose norm holds it
	counted map[uint64][]int32 // the same for the counted texts, built on first use
}

func newClauseIndex(all []clause) *clauseIndex {
	ix := &clauseIndex{all: all, norm: map[uint64][]int32{}}
	for i := range all {
		addPairs(ix.norm, all[i].norm, int32(i))
	}
	return ix
}

// candidates returns, in ascending order, the clauses that may match m
// (every clause that matcher.mayMatch lets through) and self, which is
// always a mention of its own promise; self < 0 adds none.
func (ix *clauseIndex) candidates(m matcher, self int) []int32 {
	postings := ix.norm
	if m.counted {
		if ix.counted == nil {
			ix.counted = map[uint64][]int32{}
			for i := range ix.all {
				addPairs(ix.counted, ix.all[i].counted, int32(i))
			}
		}
		postings = ix.counted
	}
	var out []int32
	if self >= 0 {
		out = append(out, int32(self))
	}
	for _, k := range m.forms() {
		key, one, ok := firstPair(k)
		switch {
		case !ok:
			continue
		case one:
			// A form of one character: rare enough to read every clause.
			out = out[:0]
			for i := range ix.all {
				out = append(out, int32(i))
			}
			return out
		}
		out = append(out, postings[key]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// keyIndex finds the commitments a new key may name again (see sameThing):
// those whose key holds the new key's first two characters, and those whose
// first two characters the new key holds.
type keyIndex struct {
	pairs map[uint64][]int32 // pair → the commitments whose key holds it
	first map[uint64][]int32 // pair → the commitments whose key opens with it
}

func newKeyIndex() *keyIndex {
	return &keyIndex{pairs: map[uint64][]int32{}, first: map[uint64][]int32{}}
}

// add indexes the key of commitment id (ids come in ascending order).
func (kx *keyIndex) add(key string, id int) {
	addPairs(kx.pairs, key, int32(id))
	if k, one, ok := firstPair(key); ok && !one {
		kx.first[k] = append(kx.first[k], int32(id))
	}
}

// candidates returns, in ascending order, the commitments that may name the
// same thing as key.
func (kx *keyIndex) candidates(key string) []int32 {
	var out []int32
	if k, one, ok := firstPair(key); ok && !one {
		out = append(out, kx.pairs[k]...)
	}
	prev := rune(-1)
	for _, r := range key {
		if prev >= 0 {
			out = append(out, kx.first[pairKey(prev, r)]...)
		}
		prev = r
	}
	slices.Sort(out)
	return slices.Compact(out)
}
