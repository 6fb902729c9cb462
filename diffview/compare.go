package diffview

import (
	"bytes"
	"cmp"
	"hash/maphash"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/figure"
	"github.com/reportdiff/reportdiff/internal/flagsort"
	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/sortedset"
	"github.com/reportdiff/reportdiff/internal/work"
)

// Pair is a unit of the old report and the unit of the new report that
// speaks of the same topic, with the diff of their texts. A unit with no
// partner is a pair with one side nil: removed (To nil) or added (From nil).
type Pair struct {
	From, To   *corpus.Unit
	Theme      string
	Similarity float64
	Ops        []Op
	Figures    []FigureChange
}

// FigureChange is a number whose value changed between the two texts.
type FigureChange struct {
	Label    string // what it measures, in the new text's words
	From, To string // the figures as written, with their qualifiers (7%左右 → 6%左右)
}

// Comparison is the diff of two reports.
type Comparison struct {
	A, B  *corpus.Report
	Pairs []Pair // grouped by theme in lexicon order, in B's order within a theme
}

// Texts is what a comparison reads of two reports before their units are
// paired: the figures and words of every unit, and the sentences of each
// report to find moved ones in. Prepare reads them in the background, so
// that a caller can pair the units (align.Pair) meanwhile.
type Texts struct {
	a, b *corpus.Report
	opts Options
	done chan struct{}
	// The figures and words of the units of a and of b, by their place
	// in their report (Unit.Seq - 1): a slice rather than a map from the
	// units, for the 0.15 MB such a map took, grown unit by unit.
	ofA, ofB []unitText
	keys     int // the distinct keys of the units' words (keyNumbers)
	inA, inB *sentenceIndex
}

// unitText is a unit's figures and words.
type unitText struct {
	figs  []figure.Figure
	words []word
	read  bool // the unit was read: it is one Prepare reads (align.Alignable)
}

// textOf returns the figures and words Prepare read of unit u, if it read
// them.
func (tx *Texts) textOf(u *corpus.Unit) (unitText, bool) {
	r, ts := tx.a, tx.ofA
	if u.Report == tx.b {
		r, ts = tx.b, tx.ofB
	}
	if i := place(r, u); i >= 0 && ts[i].read {
		return ts[i], true
	}
	return unitText{}, false
}

// place returns the index of unit u in r.Units, or -1: Unit.Seq says it,
// unless u is no unit of r (or a unit made otherwise than by the corpus
// reader, without its number).
func place(r *corpus.Report, u *corpus.Unit) int {
	if i := u.Seq - 1; i >= 0 && i < len(r.Units) && r.Units[i] == u {
		return i
	}
	return slices.Index(r.Units, u)
}

// Prepare starts reading the texts of reports a and b for a comparison with
// these options, in the background; Compare waits for it.
func Prepare(a, b *corpus.Report, opts Options) *Texts {
	tx := &Texts{a: a, b: b, opts: opts, done: make(chan struct{})}
	go func() {
		defer close(tx.done)
		units := align.Alignable(a)
		inA := len(units) // units[:inA] are a's
		if b != a {
			units = append(units, align.Alignable(b)...)
		}
		tx.ofA = make([]unitText, len(a.Units))
		tx.ofB = tx.ofA // a report compared with itself: one table
		if b != a {
			tx.ofB = make([]unitText, len(b.Units))
		}
		// at returns where units[i]'s text goes.
		at := func(i int) *unitText {
			if i < inA {
				return &tx.ofA[place(a, units[i])]
			}
			return &tx.ofB[place(b, units[i])]
		}
		work.EachWith(len(units)+2, func(tz *tokenizer, i int) {
			switch i {
			case 0:
				tx.inA = newSentenceIndex(a)
			case 1:
				if b != a {
					tx.inB = newSentenceIndex(b)
				}
			default:
				*at(i - 2) = tz.read(units[i-2])
			}
		})
		if b == a {
			tx.inB = tx.inA // a report compared with itself: one index
		}
		// The keys are numbered once for every diff of the comparison. A
		// report's words repeat: about one in six or seven is a key not met
		// before, and the table, sized for one in eight, grows once at most.
		words := 0
		for i := range units {
			words += len(at(i).words)
		}
		keys := keyNumbers{opts: opts, ids: make(map[string]int32, words/8)}
		for i, u := range units {
			keys.number(u.Text, at(i).words)
		}
		tx.keys = len(keys.ids)
	}()
	return tx
}

// read reads a unit's figures and words, the keys of its words not
// numbered yet.
func (tz *tokenizer) read(u *corpus.Unit) unitText {
	figs := figure.ExtractFolded(u.Text, u.Folded())
	tz.words = tz.appendWords(tz.words[:0], u.Text, figs)
	return unitText{figs: figs, words: slices.Clone(tz.words), read: true}
}

// diff sets the operations and figure changes of pair p, its operations
// in w's buffer.
func (tx *Texts) diff(w *pairWork, p *Pair) {
	ta, okA := tx.textOf(p.From)
	tb, okB := tx.textOf(p.To)
	keys := tx.keys
	if !okA || !okB {
		// A unit of neither report: both units are read now, their keys
		// numbered for this diff alone.
		var tz tokenizer
		ta, tb = tz.read(p.From), tz.read(p.To)
		keys = numberPair(tx.opts, p.From.Text, ta.words, p.To.Text, tb.words)
	}
	p.Ops = w.diff(p.From.Text, p.To.Text, ta.words, tb.words, keys, tx.opts != Options{})
	p.Figures = w.figureChanges(ta.figs, tb.figs, tx.opts)
}

// Compare diffs report a against report b: every pair of units that links
// join (align.Pair gives them), and every unit of either report left without
// a partner, shown whole. The themes t must cover both reports.
func Compare(t *align.Themes, a, b *corpus.Report, links []align.Link, opts Options) *Comparison {
	return Prepare(a, b, opts).Compare(t, links)
}

// Compare diffs the two reports of the texts, as Compare does.
func (tx *Texts) Compare(t *align.Themes, links []align.Link) *Comparison {
	<-tx.done
	a, b := tx.a, tx.b
	comp := &Comparison{A: a, B: b}
	linkedA, linkedB := map[*corpus.Unit]bool{}, map[*corpus.Unit]bool{}
	for _, l := range links {
		linkedA[l.From], linkedB[l.To] = true, true
	}
	var removed, added []*corpus.Unit
	for _, u := range align.Alignable(a) {
		if !linkedA[u] {
			removed = append(removed, u)
		}
	}
	if b != a {
		for _, u := range align.Alignable(b) {
			if !linkedB[u] {
				added = append(added, u)
			}
		}
	}
	pairs := make([]Pair, 0, len(links)+len(removed)+len(added))
	for _, l := range links {
		pairs = append(pairs, Pair{From: l.From, To: l.To, Theme: t.Theme(l.To), Similarity: l.Score})
	}
	for _, u := range removed {
		pairs = append(pairs, Pair{From: u, Theme: t.Theme(u)})
	}
	for _, u := range added {
		pairs = append(pairs, Pair{To: u, Theme: t.Theme(u)})
	}
	// Each pair's operations are worked out in its goroutine's buffers (the
	// diff, then the moved sentences) and kept in a slice of their size.
	// The pairs go to the goroutines costliest first, so that no long diff
	// is left to run alone at the end.
	byCost := pairsByCost(pairs)
	work.EachWith(len(pairs), func(s *pairWork, i int) {
		p := &pairs[byCost[i]]
		switch {
		case p.To == nil:
			s.whole = append(s.whole[:0], Op{Kind: Delete, Text: p.From.Text})
			p.Ops = s.whole
		case p.From == nil:
			s.whole = append(s.whole[:0], Op{Kind: Insert, Text: p.To.Text})
			p.Ops = s.whole
		default:
			tx.diff(s, p)
		}
		p.Ops = slices.Clone(s.markMoved(p, tx.inA, tx.inB))
	})
	comp.Pairs = pairs
	order := map[string]int{}
	for i, th := range t.Lexicon.Themes {
		order[th.ID] = i
	}
	// Within a theme, B's order; a removed unit goes after the pair whose old
	// unit comes just before it.
	pos := func(p Pair) (float64, int) {
		if p.To != nil {
			return float64(p.To.Seq), 0
		}
		prevFrom, at := 0, 0.0
		for _, q := range comp.Pairs {
			if q.From != nil && q.To != nil && q.From.Seq < p.From.Seq && q.From.Seq > prevFrom {
				prevFrom, at = q.From.Seq, float64(q.To.Seq)
			}
		}
		return at + 0.5, p.From.Seq
	}
	sort.SliceStable(comp.Pairs, func(i, j int) bool {
		pi, pj := comp.Pairs[i], comp.Pairs[j]
		if order[pi.Theme] != order[pj.Theme] {
			return order[pi.Theme] < order[pj.Theme]
		}
		xi, si := pos(pi)
		xj, sj := pos(pj)
		if xi != xj {
			return xi < xj
		}
		return si < sj
	})
	return comp
}

// pairsByCost returns the indices of pairs, those of the costliest diffs
// first. A diff's cost grows with the product of its texts' lengths (go-diff
// takes time as the length of the texts times the number of edits); a pair
// shown whole costs little. Ties keep their order.
func pairsByCost(pairs []Pair) []int {
	cost := make([]int, len(pairs))
	order := make([]int, len(pairs))
	for i, p := range pairs {
		order[i] = i
		if p.From != nil && p.To != nil {
			cost[i] = len(p.From.Text) * len(p.To.Text)
		}
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(cost[y], cost[x]) })
	return order
}

// pairWork holds the buffers of the work on one pair; it serves one
// goroutine.
type pairWork struct {
	differ
	mover
	figureMatcher
	whole []Op // the operation of a unit shown whole
}

// markMoved cuts the deletions and insertions of pair p at sentence ends
// and marks those sentences that stand in another unit of the other report
// (found by inA and inB, the sentence indexes of the two reports), word for
// word or nearly (at least four in five of their character pairs shared): a
// sentence that moved rather than one that was written anew or dropped.
// MovedTo names the unit it stands in. It returns the pair's operations so
// marked, in m's buffer.
func (m *mover) markMoved(p *Pair, inA, inB *sentenceIndex) []Op {
	ops := m.ops[:0]
	for _, op := range p.Ops {
		if op.Kind == Equal || op.Ignored {
			ops = append(ops, op)
			continue
		}
		text, at := "", op.BStart // the unit's text and where the op stands in it
		if op.Kind == Delete && p.From != nil {
			text, at = p.From.Text, op.AStart
		} else if p.To != nil {
			text = p.To.Text
		}
		// Neighbouring sentences with the same mark stay one operation,
		// a stretch of op.Text (mergeOps would join them again).
		from, off := 0, 0
		var mark *corpus.Unit
		for k, rest := 0, op.Text; rest != ""; k++ {
			part := rest[:cutAfter(rest, hanzi.SentenceStops)]
			rest = rest[len(part):]
			at += len(part)
			var to *corpus.Unit
			if endsSentence(part) || endsSentence(text[:min(len(text), at+3)]) {
				// A whole sentence: look for it in the other report.
				switch op.Kind {
				case Delete:
					to = inB.find(&m.finder, part, p.To)
				case Insert:
					to = inA.find(&m.finder, part, p.From)
				}
			}
			if k > 0 && to != mark {
				ops = append(ops, movedOp(op, op.Text[from:off], mark))
				from = off
			}
			mark = to
			off += len(part)
		}
		if off > from {
			ops = append(ops, movedOp(op, op.Text[from:off], mark))
		}
	}
	m.ops = ops
	return fixStarts(mergeOps(ops))
}

// mover holds the buffers of markMoved; it serves one goroutine.
type mover struct {
	finder
	ops []Op
}

// movedOp returns op holding text, marked moved to unit to when to is not
// nil.
func movedOp(op Op, text string, to *corpus.Unit) Op {
	op.Text = text
	if to != nil {
		op.Moved, op.MovedTo = true, to.ID
	}
	return op
}

// mergeOps joins neighbouring operations of the same kind and marks, in
// place.
func mergeOps(ops []Op) []Op {
	out := ops[:0] // written behind where it reads
	for _, op := range ops {
		if n := len(out); n > 0 && out[n-1].Kind == op.Kind && out[n-1].Moved == op.Moved && out[n-1].MovedTo == op.MovedTo &&
			out[n-1].Ignored == op.Ignored && !op.Ignored {
			out[n-1].Text += op.Text
			continue
		}
		out = append(out, op)
	}
	return out
}

// sentenceIndex finds the sentences of a report by their character pairs.
// Once built it is only read, by any number of goroutines.
type sentenceIndex struct {
	units   []*corpus.Unit
	keys    []byte   // the keys of all sentences (appendSentenceKey), one after another
	keyAt   []int    // where each sentence's key starts in keys (and the next's ends)
	npairs  []int32  // how many distinct character pairs each sentence has
	entries []uint64 // every (character pair, sentence), packed (see entry), sorted
	// bucketAt[b] is where the entries of the pairs of bucket b
	// (pairBucket) start, and those of b+1 end: a pair's postings are
	// searched for among the few of its bucket, not among all the
	// entries (a third of find's time went into that search).
	bucketAt [pairBuckets + 1]int32
	// present holds a bit for every pair of the report, by its hash (and
	// some other pairs): how many of a sentence's pairs the report may
	// hold, told without their postings (see find).
	present pairFilter
	seed    maphash.Seed
	byHash  map[uint64]int32 // the hash of a key → the first sentence whose key has that hash
	sameKey []int32          // sentence → the next sentence whose key has its hash, or -1
}

// A character pair takes 42 bits (two runes of 21), a sentence number the
// 22 below them: an entry of the index is one number, and sorting the
// numbers sorts by pair, then sentence.
const idBits = 22

func entry(pair uint64, id int32) uint64 { return pair<<idBits | uint64(id) }

// pairBuckets is the number of buckets of sentenceIndex.bucketAt: one for
// the pairs that open below the unified ideographs (digits, letters), one
// for each 16 ideographs U+4E00 … U+9FFF, where nearly every pair of a
// report opens, and one for the pairs that open beyond.
const pairBuckets = (hanzi.UnifiedLast-hanzi.UnifiedFirst)>>4 + 3

// pairBucket returns the bucket of a character pair, by its first
// character. Buckets ascend with the pairs, as the entries do.
func pairBucket(pair uint64) int {
	r := pair >> 21
	if r < hanzi.UnifiedFirst {
		return 0
	}
	return int(min((r-hanzi.UnifiedFirst)>>4+1, pairBuckets-1))
}

func newSentenceIndex(r *corpus.Report) *sentenceIndex {
	ix := &sentenceIndex{}
	size, n := 0, 0
	for _, u := range r.Units {
		for _, s := range u.Sentences {
			size += len(s.Text)
		}
		n += len(u.Sentences)
	}
	ix.keys, ix.keyAt, ix.units = make([]byte, 0, size), make([]int, 1, n+1), make([]*corpus.Unit, 0, n)
	for _, u := range r.Units {
		for _, s := range u.Sentences {
			ix.keys = appendSentenceKey(ix.keys, s.Text)
			ix.keyAt = append(ix.keyAt, len(ix.keys))
			ix.units = append(ix.units, u)
		}
	}
	// Every pair of neighbouring characters of each sentence becomes an
	// entry; sorted, then rid of the repeats of a pair within a sentence
	// (equal entries, side by side once sorted), they are the index. A
	// candidate's own pairs are read again from its key (find compares a
	// few of them, a handful a report). (Each sentence's pairs were sorted
	// and made distinct first: sorting some thousand small lists cost
	// more than the one sort of the few repeats they drop.)
	// A report of millions of sentences has too many to pack into entries:
	// none is looked for in it.
	var entries []uint64
	ix.npairs = make([]int32, n)
	if n < 1<<idBits && len(ix.keys) < 1<<31 {
		entries = make([]uint64, 0, utf8.RuneCount(ix.keys))
		for id := range int32(n) {
			from := len(entries)
			entries = appendPairs(entries, ix.key(id))
			for k := from; k < len(entries); k++ {
				entries[k] = entry(entries[k], id)
			}
		}
	}
	// Some ten thousand numbers a report: sorted by their bits, in half the
	// time a comparison sort takes.
	var fs flagsort.Sorter
	fs.Sort(entries, 0)
	entries = slices.Compact(entries)
	ix.entries = entries
	// Each sentence's distinct pairs are counted and every pair is marked
	// in the filter, in one pass (the filter's fresh pages written first:
	// see align's newModel).
	clear(ix.present[:])
	for _, e := range entries {
		ix.npairs[e&(1<<idBits-1)]++
		ix.present.add(e >> idBits)
	}
	// Where the entries of each bucket of first characters start.
	for b, k := 0, 0; b <= len(ix.bucketAt)-1; b++ {
		for k < len(entries) && pairBucket(entries[k]>>idBits) < b {
			k++
		}
		ix.bucketAt[b] = int32(k)
	}
	// The sentences of each key's hash, chained in order from the first.
	ix.seed, ix.byHash, ix.sameKey = maphash.MakeSeed(), make(map[uint64]int32, n), make([]int32, n)
	for id := int32(n) - 1; id >= 0; id-- {
		h := maphash.Bytes(ix.seed, ix.key(id))
		next, ok := ix.byHash[h]
		if !ok {
			next = -1
		}
		ix.sameKey[id], ix.byHash[h] = next, id
	}
	return ix
}

// pairFilter is a set of character pairs that may say a pair is in it when
// it is not, never the other way: a bit for each pair, by its hash.
type pairFilter [1 << pairFilterBits / 64]uint64

// pairFilterBits is the size of a pairFilter in bits, a power of two: 16
// KB, for the five to twenty thousand distinct pairs of a report (a
// district's report some 6,500, where one pair in twenty that it has not
// is taken for one it has).
const pairFilterBits = 17

func pairHash(pair uint64) uint64 { return pair * 0x9E3779B97F4A7C15 >> (64 - pairFilterBits) }

func (f *pairFilter) add(pair uint64) { h := pairHash(pair); f[h/64] |= 1 << (h % 64) }

func (f *pairFilter) has(pair uint64) bool { h := pairHash(pair); return f[h/64]&(1<<(h%64)) != 0 }

// key returns the key of sentence id.
func (ix *sentenceIndex) key(id int32) []byte {
	return ix.keys[ix.keyAt[id]:ix.keyAt[id+1]]
}

// postings returns the entries of the sentences that hold character pair p.
func (ix *sentenceIndex) postings(p uint64) []uint64 {
	b := pairBucket(p)
	within := ix.entries[ix.bucketAt[b]:ix.bucketAt[b+1]]
	i, _ := slices.BinarySearch(within, entry(p, 0))
	j := i
	for j < len(within) && within[j]>>idBits == p {
		j++
	}
	return within[i:j]
}

// finder holds the buffers of sentenceIndex.find; it serves one goroutine.
type finder struct {
	key   []byte
	pairs []uint64
	other []uint64 // a candidate's pairs
	lists [][]uint64
	order []uint64 // the lists by length (find)
	ids   []int32
}

// find returns a unit other than partner that holds the sentence, word for
// word or nearly, or nil. Sentences under ten characters are not looked for.
// A sentence with a Dice coefficient of 0.8 or more shares at least two in
// three of the query's character pairs, so it holds one of any third of them
// plus one: only the sentences holding one of the query's rarest pairs, that
// many of them, are compared. The best is the one with the highest
// coefficient, the first in the report of those that tie.
func (ix *sentenceIndex) find(f *finder, sentence string, partner *corpus.Unit) *corpus.Unit {
	f.key = appendSentenceKey(f.key[:0], sentence)
	if utf8.RuneCount(f.key) < 10 {
		return nil
	}
	if id, ok := ix.byHash[maphash.Bytes(ix.seed, f.key)]; ok {
		for ; id >= 0; id = ix.sameKey[id] {
			if ix.units[id] != partner && bytes.Equal(ix.key(id), f.key) {
				return ix.units[id]
			}
		}
	}
	f.pairs = appendCharPairs(f.pairs[:0], f.key)
	ps := f.pairs
	// A sentence that shares n of the query's pairs, having m, has a
	// coefficient 2n/(len(ps)+m) of at most 2h/(len(ps)+h), h the query's
	// pairs the report holds at all (n ≤ h, n ≤ m); that is over 0.8 only
	// when 3h > 2·len(ps) (in whole numbers: a coefficient of 0.8 or less
	// is never computed above 0.8). Seven in ten of the sentences a diff
	// looks for, written anew rather than moved, fail this: the filter's
	// count, h or more, turns most of them away before any postings are
	// read, and h, once counted, the others.
	may := 0
	for _, p := range ps {
		if ix.present.has(p) {
			may++
		}
	}
	if 3*may <= 2*len(ps) {
		return nil
	}
	lists := f.lists[:0]
	for _, p := range ps {
		if l := ix.postings(p); len(l) > 0 {
			lists = append(lists, l)
		}
	}
	f.lists = lists
	if 3*len(lists) <= 2*len(ps) {
		return nil
	}
	// The lists by length, of equal ones the first first: each list's
	// length and number packed into one number, so that a sort of numbers
	// does what a stable sort by a function took twice the time for.
	order := f.order[:0]
	for k, l := range lists {
		order = append(order, uint64(len(l))<<32|uint64(k))
	}
	f.order = order
	slices.Sort(order)
	rare := min(len(ps)/3+1, len(lists))
	ids := f.ids[:0]
	for _, o := range order[:rare] {
		for _, e := range lists[uint32(o)] {
			ids = append(ids, int32(e&(1<<idBits-1)))
		}
	}
	f.ids = ids
	slices.Sort(ids)
	best, bestDice := int32(-1), 0.8
	for i := 0; i < len(ids); {
		id, hits := ids[i], 0
		for ; i < len(ids) && ids[i] == id; i++ {
			hits++ // the rare pairs it holds, one per list
		}
		if ix.units[id] == partner {
			continue
		}
		// A Dice coefficient of 0.8 needs lengths within half of each other.
		m := int(ix.npairs[id])
		if 2*m < len(ps) || m > 2*len(ps) {
			continue
		}
		// It shares at most its rare pairs and every pair outside the rare
		// lists that the report holds at all: when even that many would not
		// beat the best, the pairs need not be counted.
		if most := hits + len(lists) - rare; 2*float64(most)/float64(len(ps)+m) <= bestDice {
			continue
		}
		f.other = appendCharPairs(f.other[:0], ix.key(id))
		n := sortedset.CountCommon(ps, f.other)
		if d := 2 * float64(n) / float64(len(ps)+m); d > bestDice {
			best, bestDice = id, d
		}
	}
	if best < 0 {
		return nil
	}
	return ix.units[best]
}

// endsSentence reports whether s ends with 。！？ (and closing quotes): a
// part of a diff is a whole sentence when it, or the text right after it,
// ends one.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " "+closers+"\"'")
	r, _ := utf8.DecodeLastRuneInString(s)
	return hanzi.SentenceStops.Has(r)
}

// appendCharPairs appends to dst the distinct pairs of neighbouring
// characters of a sentence key, each packed into a number, sorted.
func appendCharPairs(dst []uint64, key []byte) []uint64 {
	n := len(dst)
	dst = appendPairs(dst, key)
	slices.Sort(dst[n:])
	return append(dst[:n], slices.Compact(dst[n:])...)
}

// appendPairs appends to dst every pair of neighbouring characters of key,
// in order, repeats kept.
func appendPairs(dst []uint64, key []byte) []uint64 {
	prev := rune(-1)
	for i := 0; i < len(key); {
		r, size := utf8.DecodeRune(key[i:])
		if prev >= 0 {
			dst = append(dst, uint64(prev)<<21|uint64(r))
		}
		prev, i = r, i+size
	}
	return dst
}

// appendSentenceKey appends to dst a text folded character by character,
// its spaces and punctuation dropped, so that a sentence is found again
// whatever its script or commas.
func appendSentenceKey(dst []byte, s string) []byte {
	for _, r := range s {
		r = hanzi.FoldRune(r)
		if hanzi.IsHan(r) || r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') || r == '%' {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// closers are the closing quotes and brackets that may follow the end of a
// sentence (hanzi.SentenceStops) or clause.
const closers = "”’」』）)"

// SplitAfter cuts s after each of the marks ends and the closing quotes and
// brackets right after it (”’」』）)); the parts joined give s back.
func SplitAfter(s string, ends *hanzi.Marks) []string {
	var parts []string
	for s != "" {
		n := cutAfter(s, ends)
		parts = append(parts, s[:n])
		s = s[n:]
	}
	return parts
}

// cutAfter returns the length of the first part SplitAfter(s, ends) gives:
// up to the first of the marks ends and the closing quotes and brackets
// right after it, or all of s.
func cutAfter(s string, ends *hanzi.Marks) int {
	at, n := ends.Index(s)
	if at < 0 {
		return len(s)
	}
	end := at + n
	for end < len(s) {
		c, n := utf8.DecodeRuneInString(s[end:])
		if !strings.ContainsRune(closers, c) {
			break
		}
		end += n
	}
	return end
}

// figureChanges returns the figures of two texts, paired by MatchFigures,
// whose value changed. With opts.IgnoreScript, a figure written in the other
// script (億元, 亿元) has not changed.
func (m *figureMatcher) figureChanges(fa, fb []figure.Figure, opts Options) []FigureChange {
	var out []FigureChange
	for i, j := range m.match(fa, fb) {
		if j < 0 {
			continue
		}
		from, to := fa[i].Qualified, fb[j].Qualified
		if from != to && !(opts.IgnoreScript && hanzi.Fold(from) == hanzi.Fold(to)) {
			out = append(out, FigureChange{Label: fb[j].Label, From: from, To: to})
		}
	}
	return out
}

// MatchFigures pairs the figures of two texts by what they measure: for
// each figure of fa, the index of its partner in fb, or -1 when it has none
// (a figure removed; a figure of fb that no index names was added). Labels
// are matched exactly first, then, for figures left over, by the closest
// label that shares at least half its characters (城鎮居民收入 → 城鎮居民人均
// 收入), with the same measure, unless what tells each label from the other
// labels of its own text differs (甲產業增加值佔GDP的 and 乙產業增加值佔GDP
// 比重 in paragraphs where every label holds 增加值佔GDP). Figures without a
// label are never paired. Of several partners equally close, the last in fb
// is taken.
//
// The figures of fb are indexed by what they measure (label and measure),
// so that a paragraph of many figures is not read once for each figure of
// the other (matchFiguresByReading in the tests reads it so: the same
// pairs).
func MatchFigures(fa, fb []figure.Figure) []int {
	var m figureMatcher
	return m.match(fa, fb)
}

// figureMatcher pairs figures as MatchFigures does, reusing its tables and
// buffers from one pair of texts to the next: a comparison matches the
// figures of every pair of paragraphs. It serves one goroutine; what match
// returns is valid until its next call.
type figureMatcher struct {
	ka, kb []string // the keys of the labels (figure.Key)
	matchA []int
	groups figureGroups
	// matchClosest's
	holding map[rune]int32 // character → its list of the groups whose keys hold it
	lists   [][]int32
	seen    []int
	rs      []runeCount
	sorted  []rune
	// distinctive's, and every group's sorted characters
	count map[rune]int
	ends  []int
	runes []rune
	own   [][]rune
}

// match pairs the figures of fa and fb (MatchFigures).
func (m *figureMatcher) match(fa, fb []figure.Figure) []int {
	m.ka, m.kb = appendFigureKeys(m.ka[:0], fa), appendFigureKeys(m.kb[:0], fb)
	ka, kb := m.ka, m.kb
	m.matchA = m.matchA[:0]
	for range fa {
		m.matchA = append(m.matchA, -1)
	}
	matchA := m.matchA
	// The same label and measure: each figure of fa takes the first of fb
	// not yet taken.
	groups := &m.groups
	groups.reset(fb, kb)
	left := 0
	for i, x := range fa {
		if ka[i] == "" {
			continue
		}
		if g, ok := groups.of[figureWhat{ka[i], x.Measure}]; ok && len(groups.list[g].free) > 0 {
			matchA[i] = groups.takeFirst(g)
			continue
		}
		left++
	}
	if left > 0 {
		m.matchClosest(fa, matchA)
	}
	return matchA
}

// appendFigureKeys appends the key of each figure's label (figure.Key).
func appendFigureKeys(dst []string, fs []figure.Figure) []string {
	for _, f := range fs {
		dst = append(dst, figure.Key(f.Label))
	}
	return dst
}

// figureWhat is what a figure measures: its label's key and its measure.
type figureWhat struct{ key, measure string }

// figureGroup is the figures of a text that measure the same thing: all
// of them are as close to a label of the other text, and told apart from it
// alike.
type figureGroup struct {
	what  figureWhat
	runes []rune // the characters of the key, sorted
	free  []int  // its figures not yet paired, in order
}

// figureGroups indexes the labelled figures of a text by what they
// measure, and the groups by the characters of their keys.
type figureGroups struct {
	of   map[figureWhat]int
	list []figureGroup
}

// reset indexes the figures fs, whose label keys are keys, reusing the
// tables of the figures indexed before.
func (gs *figureGroups) reset(fs []figure.Figure, keys []string) {
	if gs.of == nil {
		gs.of = map[figureWhat]int{}
	}
	clear(gs.of)
	gs.list = gs.list[:0]
	for j, f := range fs {
		if keys[j] == "" {
			continue
		}
		w := figureWhat{keys[j], f.Measure}
		g, ok := gs.of[w]
		if !ok {
			g = len(gs.list)
			gs.of[w] = g
			if g < cap(gs.list) {
				gs.list = gs.list[:g+1] // a group of before: its slice of figures serves again
				gs.list[g].what, gs.list[g].free = w, gs.list[g].free[:0]
			} else {
				gs.list = append(gs.list, figureGroup{what: w})
			}
		}
		gs.list[g].free = append(gs.list[g].free, j)
	}
}

// takeFirst pairs the first free figure of group g and returns it.
func (gs *figureGroups) takeFirst(g int) int {
	j := gs.list[g].free[0]
	gs.list[g].free = gs.list[g].free[1:]
	return j
}

// takeLast pairs the last free figure of group g and returns it.
func (gs *figureGroups) takeLast(g int) int {
	free := gs.list[g].free
	j := free[len(free)-1]
	gs.list[g].free = free[:len(free)-1]
	return j
}

// matchClosest pairs each labelled figure of fa left without a partner
// with the free figure of the groups whose label is the closest (CharDice
// 0.5 or more; of equals, the last figure), same measure, not told apart.
//
// A label of n characters shares at least n/3 of them with any label it
// may pair with: a Dice coefficient of 0.5 needs 4·shared ≥ n + m, and
// shared ≤ m. So a group that may pair holds one of any set of the label's
// characters outside which fewer than n/3 of them stand: only the groups
// holding one of the label's rarest characters, that many, are weighed.
func (m *figureMatcher) matchClosest(fa []figure.Figure, matchA []int) {
	ka, kb, gs := m.ka, m.kb, &m.groups
	// The characters of every label, twice (distinctive), and of every
	// group's key, in one buffer sized once.
	n := 0
	for _, k := range ka {
		n += 2 * utf8.RuneCountInString(k)
	}
	for _, k := range kb {
		n += 2 * utf8.RuneCountInString(k)
	}
	for _, g := range gs.list {
		n += utf8.RuneCountInString(g.what.key)
	}
	m.runes, m.own = slices.Grow(m.runes[:0], n), slices.Grow(m.own[:0], len(ka)+len(kb))
	da, db := m.distinctive(ka), m.distinctive(kb)
	if m.holding == nil {
		m.holding = map[rune]int32{}
	}
	clear(m.holding)
	m.lists = m.lists[:0]
	for g := range gs.list {
		grp := &gs.list[g]
		from := len(m.runes)
		m.runes = hanzi.AppendRunes(m.runes, grp.what.key)
		grp.runes = m.runes[from:len(m.runes):len(m.runes)]
		slices.Sort(grp.runes)
		for k, r := range grp.runes {
			if k == 0 || r != grp.runes[k-1] {
				m.hold(r, int32(g))
			}
		}
	}
	holding := func(r rune) []int32 {
		if l, ok := m.holding[r]; ok {
			return m.lists[l]
		}
		return nil
	}
	seen := m.seen[:0] // the figure of fa that last weighed a group, plus one
	for range gs.list {
		seen = append(seen, 0)
	}
	m.seen = seen
	rs, sorted := m.rs, m.sorted
	for i, x := range fa {
		if matchA[i] >= 0 || ka[i] == "" {
			continue
		}
		sorted = hanzi.AppendRunes(sorted[:0], ka[i])
		slices.Sort(sorted)
		rs = countRunes(rs[:0], sorted)
		slices.SortFunc(rs, func(p, q runeCount) int {
			if d := len(holding(p.r)) - len(holding(q.r)); d != 0 {
				return d
			}
			return int(p.r - q.r)
		})
		n, rest := 0, 0
		for _, rc := range rs {
			n += rc.n
		}
		rest = n
		best, bestG, bestScore := -1, -1, 0.5
		for _, rc := range rs {
			if 3*rest < n {
				break // no group without the characters weighed so far can pair
			}
			rest -= rc.n
			for _, g := range holding(rc.r) {
				if seen[g] == i+1 {
					continue
				}
				seen[g] = i + 1
				grp := &gs.list[g]
				if len(grp.free) == 0 || grp.what.measure != x.Measure {
					continue
				}
				// da and db are the same for every figure of the group.
				if tellsApart(da[i], db[grp.free[0]]) {
					continue
				}
				s := sortedDice(sorted, grp.runes) // CharDice(ka[i], grp.what.key)
				j := grp.free[len(grp.free)-1]
				if s > bestScore || s == bestScore && j > best {
					best, bestG, bestScore = j, int(g), s
				}
			}
		}
		if bestG >= 0 {
			matchA[i] = gs.takeLast(bestG)
		}
	}
	m.rs, m.sorted = rs, sorted
}

// hold adds group g to the groups holding character r.
func (m *figureMatcher) hold(r rune, g int32) {
	l, ok := m.holding[r]
	if !ok {
		l = int32(len(m.lists))
		m.holding[r] = l
		if int(l) < cap(m.lists) {
			m.lists = m.lists[:l+1] // a list of before serves again
			m.lists[l] = m.lists[l][:0]
		} else {
			m.lists = append(m.lists, nil)
		}
	}
	m.lists[l] = append(m.lists[l], g)
}

// runeCount is a character and how many times a text holds it.
type runeCount struct {
	r rune
	n int
}

// countRunes appends to dst the distinct characters of rs (sorted) with
// their counts.
func countRunes(dst []runeCount, rs []rune) []runeCount {
	for k, r := range rs {
		if k > 0 && r == rs[k-1] {
			dst[len(dst)-1].n++
			continue
		}
		dst = append(dst, runeCount{r, 1})
	}
	return dst
}

// sortedDice is CharDice of two strings given as their characters, sorted.
func sortedDice(a, b []rune) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(sortedset.CountCommon(a, b)) / float64(len(a)+len(b))
}

// distinctive returns, for each label of a text, the characters no other
// label of that text holds, sorted: what tells its figure from its
// neighbours' (the industry's name where every label of a paragraph of
// shares holds 增加值佔GDP). The characters are appended to m.runes, the
// lists to m.own, which are only appended to until matchClosest starts
// again: what distinctive returns stays valid until then.
func (m *figureMatcher) distinctive(keys []string) [][]rune {
	if m.count == nil {
		m.count = map[rune]int{}
	}
	clear(m.count) // character → the labels that hold it
	// Each label's distinct characters, sorted, one label after another;
	// label i's end at m.ends[i].
	m.ends = m.ends[:0]
	at := len(m.runes)
	for _, k := range keys {
		from := len(m.runes)
		m.runes = hanzi.AppendRunes(m.runes, k)
		slices.Sort(m.runes[from:])
		m.runes = m.runes[:from+len(slices.Compact(m.runes[from:]))]
		for _, r := range m.runes[from:] {
			m.count[r]++
		}
		m.ends = append(m.ends, len(m.runes))
	}
	start := len(m.own)
	for _, end := range m.ends {
		set := m.runes[at:end]
		at = end
		from := len(m.runes)
		for _, r := range set {
			if m.count[r] == 1 {
				m.runes = append(m.runes, r)
			}
		}
		m.own = append(m.own, m.runes[from:len(m.runes):len(m.runes)])
	}
	return m.own[start:len(m.own):len(m.own)]
}

// tellsApart reports whether two labels are told apart by what
// distinguishes each in its own text (sorted characters): both have
// characters of their own and share none of them.
func tellsApart(a, b []rune) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return false
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return true
}

// CharDice is the Dice coefficient of the characters of two strings: twice
// the characters they share (as many times as both hold each) over all
// their characters; 0 for two empty strings.
func CharDice(a, b string) float64 {
	ca := map[rune]int{}
	for _, r := range a {
		ca[r]++
	}
	n, total := 0, utf8.RuneCountInString(a)+utf8.RuneCountInString(b)
	for _, r := range b {
		if ca[r] > 0 {
			ca[r]--
			n++
		}
	}
	if total == 0 {
		return 0
	}
	return 2 * float64(n) / float64(total)
}

// Changed reports whether the comparison holds any difference that counts.
func (c *Comparison) Changed() bool {
	for _, p := range c.Pairs {
		if p.Changed() {
			return true
		}
	}
	return false
}

// Changed reports whether the pair holds a difference that counts: a unit
// removed or added, or an edit the options do not ignore.
func (p Pair) Changed() bool {
	return p.From == nil || p.To == nil || Changed(p.Ops)
}

// Filter says which pairs of a comparison to keep; the zero Filter keeps
// the pairs that changed.
type Filter struct {
	Theme  string // the pairs of this theme only
	Unit   string // the pair that holds this unit id on either side only
	Phrase string // the pairs whose texts hold this phrase (either script) only
	All    bool   // unchanged pairs too
}

// Filter returns the pairs of the comparison that f keeps.
func (c *Comparison) Filter(f Filter) *Comparison {
	out := &Comparison{A: c.A, B: c.B}
	theme, unit, phrase := f.Theme, f.Unit, f.Phrase
	key := hanzi.Fold(phrase)
	kept := make([]int32, 0, len(c.Pairs)) // the pairs kept, copied once they are counted
	for i, p := range c.Pairs {
		if !f.All && !p.Changed() {
			continue
		}
		if theme != "" && p.Theme != theme {
			continue
		}
		if unit != "" && !(p.From != nil && p.From.ID == unit || p.To != nil && p.To.ID == unit) {
			continue
		}
		if phrase != "" && !(p.From != nil && strings.Contains(p.From.Folded(), key) ||
			p.To != nil && strings.Contains(p.To.Folded(), key)) {
			continue
		}
		kept = append(kept, int32(i))
	}
	if len(kept) > 0 {
		out.Pairs = make([]Pair, len(kept))
		for k, i := range kept {
			out.Pairs[k] = c.Pairs[i]
		}
	}
	return out
}
