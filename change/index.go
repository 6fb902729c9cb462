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
// comparing; the comparisons themselves are unchanged. A clause the index
// gives is read only when its sketch (a signature of its characters and
// pairs) holds what one way of matching needs (see matcher.needs).

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

// postings lists, for each pair of neighbouring runes, the ids of the
// strings that hold it. The ids of a pair are chained from the last one
// back, in two slices for all pairs: a map of growing lists, read and
// written again for every pair of every string, cost more than the rest of
// the index.
type postings struct {
	at   map[uint64]int32 // pair → its number
	last []int32          // pair number → its last entry, or -1
	ids  []int32          // entry → id
	prev []int32          // entry → the entry before it of the same pair, or -1
}

func newPostings() *postings { return &postings{at: map[uint64]int32{}} }

// add adds id to the postings of the pair k (ids come in ascending order),
// once.
func (p *postings) add(k uint64, id int32) {
	n, ok := p.at[k]
	if !ok {
		n = int32(len(p.last))
		p.at[k] = n
		p.last = append(p.last, -1)
	}
	e := p.last[n]
	if e >= 0 && p.ids[e] == id {
		return
	}
	p.ids = append(p.ids, id)
	p.prev = append(p.prev, e)
	p.last[n] = int32(len(p.ids) - 1)
}

// addPairs adds id to the postings of every pair of neighbouring runes of
// s that only holds (all when only is nil) and returns the sketch of s (see
// signatureOf).
func (p *postings) addPairs(s string, id int32, only *pairSet) signature {
	var sig signature
	prev := rune(-1)
	for _, r := range s {
		sig.addRune(r)
		if prev >= 0 {
			k := pairKey(prev, r)
			if only == nil || only.has(k) {
				p.add(k, id)
			}
			sig.addPair(k)
		}
		prev = r
	}
	if !utf8.ValidString(s) {
		return allBits
	}
	return sig
}

// pairSet is a set of pairs of runes, with a bitmap that answers most
// questions about pairs it does not hold without reading the map.
type pairSet struct {
	bits [1 << 10]uint64 // a bit for each pair, by a hash
	m    map[uint64]bool
}

func (s *pairSet) add(k uint64) {
	b := k * pairMix >> 48
	s.bits[b>>6] |= 1 << (b & 63)
	s.m[k] = true
}

func (s *pairSet) has(k uint64) bool {
	b := k * pairMix >> 48
	return s.bits[b>>6]&(1<<(b&63)) != 0 && s.m[k]
}

// openingPairs returns the pairs the forms of the matchers open with: the
// only pairs the clause index is asked for.
func openingPairs(ms []*matcher) *pairSet {
	s := &pairSet{m: map[uint64]bool{}}
	for _, m := range ms {
		for _, k := range m.forms() {
			if key, one, ok := firstPair(k); ok && !one {
				s.add(key)
			}
		}
	}
	return s
}

// appendOf appends the ids that hold the pair k to out, last first.
func (p *postings) appendOf(out []int32, k uint64) []int32 {
	n, ok := p.at[k]
	if !ok {
		return out
	}
	for e := p.last[n]; e >= 0; e = p.prev[e] {
		out = append(out, p.ids[e])
	}
	return out
}

// signature is a sketch of the characters of a text and of its pairs of
// neighbouring characters: a bit for each, chosen by a hash. A bit that is
// not set says the text lacks every character and pair of that bit; a bit
// that is set says nothing for sure.
type signature [4]uint64

// Multipliers of Fibonacci hashing, one for pairs and one for characters;
// the top eight bits of the product choose the bit.
const (
	pairMix = 0x9E3779B97F4A7C15
	runeMix = 0xC2B2AE3D27D4EB4F
)

func (s *signature) addPair(key uint64) { s.set(key * pairMix >> 56) }
func (s *signature) addRune(r rune)     { s.set(uint64(uint32(r)) * runeMix >> 56) }
func (s *signature) set(bit uint64)     { s[bit>>6] |= 1 << (bit & 63) }

// holds reports whether s has every bit of need set.
func (s *signature) holds(need *signature) bool {
	return s[0]&need[0] == need[0] && s[1]&need[1] == need[1] && s[2]&need[2] == need[2] && s[3]&need[3] == need[3]
}

// allBits is the sketch of a text that is not UTF-8: a byte that is no
// UTF-8 may read otherwise beside its neighbours.
var allBits = signature{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}

// signatureOf sketches the characters and pairs of s.
func signatureOf(s string) signature {
	if !utf8.ValidString(s) {
		return allBits
	}
	var sig signature
	prev := rune(-1)
	for _, r := range s {
		sig.addRune(r)
		if prev >= 0 {
			sig.addPair(pairKey(prev, r))
		}
		prev = r
	}
	return sig
}

// clauseIndex finds the clauses that may speak of a commitment: those that
// hold the first two characters of one of the forms of its key, as
// matcher.mayMatch asks, and whose sketches hold what one way of matching
// needs (see matcher.needs), without reading every clause.
type clauseIndex struct {
	all []clause
	// pair → the clauses whose norm or counted text holds it: one index for
	// both, as most clauses have no number and the two texts are one.
	pairs *postings
	// The sketches of each clause's norm, counted and stateless texts.
	sigs, countedSigs, statelessSigs []signature
}

// newClauseIndex indexes the clauses all for the matchers whose forms open
// with the pairs of only (all matchers when only is nil).
func newClauseIndex(all []clause, only *pairSet) *clauseIndex {
	ix := &clauseIndex{all: all, pairs: newPostings(), sigs: make([]signature, len(all)),
		countedSigs: make([]signature, len(all)), statelessSigs: make([]signature, len(all))}
	for i, cl := range all {
		ix.sigs[i] = ix.pairs.addPairs(cl.norm, int32(i), only)
		ix.countedSigs[i] = ix.sigs[i]
		if cl.counted != cl.norm {
			ix.countedSigs[i] = ix.pairs.addPairs(cl.counted, int32(i), only)
		}
		ix.statelessSigs[i] = ix.countedSigs[i]
		if cl.stateless != cl.counted {
			ix.statelessSigs[i] = signatureOf(cl.stateless)
		}
	}
	return ix
}

// candidates returns, in ascending order, the clauses that may match m
// (every clause that m.matches may accept) and self, which is always a
// mention of its own promise; self < 0 adds none.
func (ix *clauseIndex) candidates(m matcher, self int) []int32 {
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
			return ix.sketched(out, m, self)
		}
		out = ix.pairs.appendOf(out, key)
	}
	out = ix.sketched(out, m, self)
	slices.Sort(out)
	return slices.Compact(out)
}

// sketched keeps of the clauses cands those whose sketches hold what m
// needs (see matcher.needs), and self.
func (ix *clauseIndex) sketched(cands []int32, m matcher, self int) []int32 {
	needs, ok := m.needs()
	if !ok {
		return cands
	}
	sigs := ix.sigs
	if m.counted {
		sigs = ix.countedSigs
	}
	return slices.DeleteFunc(cands, func(j int32) bool {
		if int(j) == self {
			return false
		}
		for k := range needs {
			n := &needs[k]
			if n.stateless && ix.statelessSigs[j].holds(&n.sig) || !n.stateless && sigs[j].holds(&n.sig) {
				return false
			}
		}
		return true
	})
}

// need is what one way of matching needs a clause to hold: the bits of a
// sketch of the text the matcher reads (the norm, or the counted text of a
// count), or of the clause's stateless text.
type need struct {
	sig       signature
	stateless bool
}

// needs returns what a clause must hold for m.matches to accept it, as
// needs of which the clause must meet one: every pair of a form the text
// holds whole (or its character, for a form of one); for a count, the pairs
// of its part in the stateless text; else, for a form renamed may find, its
// first two characters with its last one or with the two after them (see
// renamed). ok is false when m has no key or a form is not UTF-8: then
// every candidate of the index is read.
func (m matcher) needs() (needs []need, ok bool) {
	if m.key == "" {
		return nil, false // a key of nothing: every clause holds it
	}
	for _, k := range m.forms() {
		if !utf8.ValidString(k) {
			return nil, false
		}
	}
	for _, k := range m.forms() {
		if k != "" {
			needs = append(needs, need{sig: wholeSketch(k)})
		}
	}
	if m.counted {
		if m.part != "" {
			needs = append(needs, need{sig: wholeSketch(m.part), stateless: true})
		}
		return needs, true
	}
	for _, k := range []string{m.key, m.bare, m.title} {
		if utf8.RuneCountInString(k) < 5 {
			continue // renamed finds no key this short
		}
		rs := []rune(k)
		var last, prefix signature
		last.addPair(pairKey(rs[0], rs[1]))
		last.addRune(rs[len(rs)-1])
		for i := range 3 {
			prefix.addPair(pairKey(rs[i], rs[i+1]))
		}
		needs = append(needs, need{sig: last}, need{sig: prefix})
	}
	return leastNeeds(needs), true
}

// leastNeeds drops the needs that hold another of the same text (a form's
// pairs hold the first three, a key's pairs those of its part), which a
// clause meets only when it meets that one too: every clause is tested
// against what remains.
func leastNeeds(needs []need) []need {
	var out []need
	for i, n := range needs {
		if slices.Index(needs, n) < i {
			continue // the same as one before it
		}
		if slices.ContainsFunc(needs, func(o need) bool { return o.stateless == n.stateless && o.sig != n.sig && n.sig.holds(&o.sig) }) {
			continue // more than another
		}
		out = append(out, n)
	}
	return out
}

// wholeSketch returns the bits a text holding s whole has: those of the
// pairs of s, or of its character when it has one.
func wholeSketch(s string) signature {
	var sig signature
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			sig.addPair(pairKey(prev, r))
		}
		prev = r
	}
	if utf8.RuneCountInString(s) == 1 {
		sig.addRune(prev)
	}
	return sig
}

// keyIndex finds the keys of the objects promised that a key may name
// again (see sameThing): those that hold its first two characters, and
// those whose first two characters it holds.
type keyIndex struct {
	pairs *postings          // pair → the keys that hold it
	first map[uint64][]int32 // pair → the keys that open with it
}

func newKeyIndex() *keyIndex {
	return &keyIndex{pairs: newPostings(), first: map[uint64][]int32{}}
}

// add indexes the key of object id (ids come in ascending order).
func (kx *keyIndex) add(key string, id int) {
	kx.pairs.addPairs(key, int32(id), nil)
	if k, one, ok := firstPair(key); ok && !one {
		kx.first[k] = append(kx.first[k], int32(id))
	}
}

// candidates returns, in ascending order, the objects whose keys may name the
// same thing as key.
func (kx *keyIndex) candidates(key string) []int32 {
	var out []int32
	if k, one, ok := firstPair(key); ok && !one {
		out = kx.pairs.appendOf(out, k)
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
