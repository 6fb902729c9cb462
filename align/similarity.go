package align

import (
	"cmp"
	"iter"
	"math"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/ledscan"
	"github.com/reportdiff/reportdiff/internal/sortedset"
	"github.com/reportdiff/reportdiff/internal/work"
)

// Weights of the parts of the similarity of two units; they add up to 1
// (see the package documentation for how they were chosen).
const (
	wText     = 0.45 // TF-IDF cosine of the character bigrams of the texts
	wHeading  = 0.15 // overlap of the bigrams of the headings
	wRare     = 0.10 // phrases both share: names of projects and places, quoted terms, figures with units
	wTheme    = 0.10 // agreement of the theme scores
	wContext  = 0.10 // how well the sections the two units stand in match as a whole
	wCoverage = 0.10 // clauses of one that stand nearly word for word in the other
)

// feat is a feature of a text: a character bigram or trigram packed into
// one number (21 bits a character), or the hash of a word of Latin letters, a
// quoted term or a figure. Numbers, not strings, because every unit has
// hundreds of them and every pair of units is compared.
type feat uint64

const (
	packed feat = 1 << 63 // a bigram or trigram of runes
	hashed feat = 1 << 62 // the FNV-1a hash of a string
)

// pack2 packs two runes into a feature (a bigram), pack3 three (a
// trigram): spelt out rather than a loop over a list of runes, as they run
// for every character of every unit.
func pack2(a, b rune) feat    { return packed | feat(a)<<21 | feat(b) }
func pack3(a, b, c rune) feat { return packed | feat(a)<<42 | feat(b)<<21 | feat(c) }

// hashOf hashes a string into a feature: FNV-1a, 64 bits.
func hashOf(s string) feat { return hashOf2("", s) }

// hashOf2 is hashOf(a + b).
func hashOf2(a, b string) feat {
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	h := uint64(offset64)
	for i := 0; i < len(a); i++ {
		h ^= uint64(a[i])
		h *= prime64
	}
	for i := 0; i < len(b); i++ {
		h ^= uint64(b[i])
		h *= prime64
	}
	return hashed | feat(h)&(hashed-1)
}

// entry is one feature of a sorted vector.
type entry struct {
	key feat
	val float64
}

// sortedVector sorts the features of a sparse vector (distinct) by key and
// normalises them to length 1. Sums run in key order, so every run adds the
// same floats in the same order and gets the same result to the last bit.
func sortedVector(es []entry) []entry {
	slices.SortFunc(es, func(a, b entry) int { return cmp.Compare(a.key, b.key) })
	n := 0.0
	for _, e := range es {
		n += e.val * e.val
	}
	if n > 0 {
		n = math.Sqrt(n)
		for i := range es {
			es[i].val /= n
		}
	}
	return es
}

// cosine returns the cosine of two sorted, normalised vectors.
func cosine(a, b []entry) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].key < b[j].key:
			i++
		case a[i].key > b[j].key:
			j++
		default:
			s += a[i].val * b[j].val
			i++
			j++
		}
	}
	return s
}

// textCosine returns the cosine of the TF-IDF vectors of two units' texts,
// added up in key order as cosine does.
func textCosine(a, b *doc) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a.grams) && j < len(b.grams); {
		switch {
		case a.grams[i] < b.grams[j]:
			i++
		case a.grams[i] > b.grams[j]:
			j++
		default:
			s += a.tfidf[i] * b.tfidf[j]
			i++
			j++
		}
	}
	return s
}

// doc holds what similarity needs to know of a unit in a model: its prep
// (what does not depend on the model) and its weights in the model.
type doc struct {
	*prep
	unit    *corpus.Unit
	general bool      // its primary theme is General
	ids     []int32   // the number of each gram among the model's (see model.keys)
	tfidf   []float64 // the TF-IDF weight of each gram, normalised
	idf     []float64 // the model's IDF of each gram, by number (model.idf)
	totals  []float64 // the weight of each clause in the model (see weigh)
	least   float64   // the least of totals
	at3     []int32   // the index of each feature of occ (once each) among its report's (reportFreqs.df3)
	tri     *trigrams // those of its report
	group   int       // the report of the model it belongs to
	ord     int       // its place among the model's units
}

var reFigureToken = ledscan.MustCompile(`[0-9]+(?:\.[0-9]+)?(?:%|万|亿|个|户|家|项|条|所|座|平方米|公里|人|套|栋|处|元)`)

// openQuotes are the marks that open a quoted term.
var openQuotes = hanzi.NewMarks("“《「")

// quotedTerms appends to dst the quoted terms of a text, as [start, end)
// byte offsets of the match and of the term, the matches of
// `[“《「]([^”》」]{2,20})[”》」]` (a regular expression, leftmost first, one
// match after the other): an opening mark, two to twenty characters none
// of which closes, a closing mark. Written out rather than matched, as it
// is looked for in every unit.
func quotedTerms(dst [][4]int, s string) [][4]int {
	for i := 0; i < len(s); {
		at, size := openQuotes.Index(s[i:]) // by their lead bytes: most characters are passed over undecoded
		if at < 0 {
			break
		}
		i += at
		from := i + size
		j, n := from, 0
		for ; j < len(s) && n <= 20; n++ {
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == '”' || r == '》' || r == '」' {
				break
			}
			j += size
		}
		if j < len(s) && n >= 2 && n <= 20 {
			_, size := utf8.DecodeRuneInString(s[j:]) // the closing mark
			dst = append(dst, [4]int{i, j + size, from, j})
			i = j + size
			continue
		}
		i = from // no term opens here
	}
	return dst
}

// grams returns the Han character bigrams of folded text and its runs of
// Latin letters and digits, sorted, each once.
func grams(folded string, sc *prepScratch) []feat {
	sc.runes = hanzi.AppendRunes(sc.runes[:0], folded)
	return gramsOf(sc.runes, sc, nil, nil)
}

// repeat is a gram a text has more than once: its index among the text's
// grams and how many times. Nine in ten grams of a paragraph stand in it
// once: their counts are not kept.
type repeat struct{ gram, n int32 }

// gramsOf is grams of a text given as runes. With at non-nil (as long as
// rs), it also sets at[i] to the index among the grams returned of the
// bigram that starts at rune i, -1 where none does; with repeats non-nil,
// it sets it to the grams the text has more than once, in order.
func gramsOf(rs []rune, sc *prepScratch, at []int32, repeats *[]repeat) []feat {
	fs, pos := sc.feats[:0], sc.pos[:0] // the features and where each starts (-1: a Latin word)
	// Whether the next character is Han is carried to the next one, so
	// each is asked once.
	hanNext := len(rs) > 0 && hanzi.IsHan(rs[0])
	for i := 0; i < len(rs); i++ {
		han := hanNext
		hanNext = i+1 < len(rs) && hanzi.IsHan(rs[i+1])
		switch {
		case han:
			if hanNext {
				fs, pos = append(fs, pack2(rs[i], rs[i+1])), append(pos, int32(i))
			}
		case rs[i] < 128 && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i])):
			j := i
			for j < len(rs) && rs[j] < 128 && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '.') {
				j++
			}
			fs, pos = append(fs, hashOf(hanzi.Lower(string(rs[i:j])))), append(pos, -1)
			i = j - 1
			hanNext = j < len(rs) && hanzi.IsHan(rs[j])
		}
	}
	sc.feats, sc.pos = fs, pos
	for i := range at {
		at[i] = -1
	}
	from := sc.order(fs)
	n := 0
	for i, f := range fs {
		if i == 0 || fs[i-1] != f {
			n++
		}
	}
	out, reps := make([]feat, 0, n), sc.reps[:0]
	for i, f := range fs {
		if k := len(out); k > 0 && out[k-1] == f {
			if r := len(reps); r > 0 && reps[r-1].gram == int32(k-1) {
				reps[r-1].n++
			} else {
				reps = append(reps, repeat{int32(k - 1), 2})
			}
		} else {
			out = append(out, f)
		}
		if at != nil {
			if p := pos[from[i]]; p >= 0 {
				at[p] = int32(len(out) - 1)
			}
		}
	}
	sc.reps = reps
	if repeats != nil {
		*repeats = nil
		if len(reps) > 0 {
			*repeats = slices.Clone(reps)
		}
	}
	return out
}

// occurrence is a feature found in a text and where: byte offsets [start,
// end) into the unit's folded text.
type occurrence struct {
	f          feat
	start, end int32
}

// rareCandidates returns the trigrams of folded text in text order, then
// its quoted terms and figures in text order, with where they stand, and
// the key of each for sortOccurrences. The text is also given as its runes
// (rs), the byte offset of each rune and of the end (at) and the index of
// the bigram at each rune among its grams (gramAt, see gramsOf): a trigram
// is keyed by the index of its first two characters and its third, the
// same order as its feature in a number of half the bits, which needs half
// the radix passes; a quoted term or figure by its feature. The slices
// returned are sc's buffers, valid until their next use.
func rareCandidates(folded string, rs []rune, at, gramAt []int32, sc *prepScratch) ([]occurrence, []feat) {
	occ, keys := slices.Grow(sc.occ[:0], len(rs)), slices.Grow(sc.feats[:0], len(rs))
	for i := 0; i+2 < len(rs); i++ {
		// Three Han characters: a Han bigram at i and at i+1.
		if gramAt[i] >= 0 && gramAt[i+1] >= 0 {
			occ = append(occ, occurrence{pack3(rs[i], rs[i+1], rs[i+2]), at[i], at[i+3]})
			keys = append(keys, packed|feat(gramAt[i])<<21|feat(rs[i+2]))
		}
	}
	tri := len(occ)
	sc.quoted = quotedTerms(sc.quoted[:0], folded)
	for _, q := range sc.quoted {
		occ = append(occ, occurrence{hashOf2("“", folded[q[2]:q[3]]), int32(q[0]), int32(q[1])})
	}
	for _, loc := range reFigureToken.FindAllStringIndex(folded) {
		occ = append(occ, occurrence{hashOf2("#", folded[loc[0]:loc[1]]), int32(loc[0]), int32(loc[1])})
	}
	more := occ[tri:]
	slices.SortStableFunc(more, func(a, b occurrence) int { return cmp.Compare(a.start, b.start) })
	for _, o := range more {
		keys = append(keys, o.f)
	}
	sc.occ, sc.feats = occ, keys
	return occ, keys
}

// sortOccurrences returns occurrences sorted by feature, then place, given
// them with those of each feature in text order and their keys (as
// rareCandidates gives them): a stable sort by key.
func sortOccurrences(occ []occurrence, keys []feat, sc *prepScratch) []occurrence {
	from := sc.order(keys)
	out := make([]occurrence, len(occ))
	for i, k := range from {
		out[i] = occ[k]
	}
	return out
}

// freqs counts, for each feature, how many units have it: sorted features
// and their counts.
type freqs struct {
	keys []feat
	n    []int32
}

// countFeats counts features (fs, which it overwrites): the distinct
// features, sorted, and how many times each comes, and for each feature of
// fs its index among them.
//
// The hashed features (bit 63 clear), a few, are sorted apart with their
// indices (sorter.order says why). Each packed one is sorted as one number
// in fs itself: its bits below bit 63 above the bits of its index, by
// an American flag sort (flagsort.Sorter), which needs no second buffer; where they would not fit in 64
// bits (features of more than 42 bits among millions), they are sorted
// with their indices as the hashed ones are.
func (s *sorter) countFeats(fs []uint64) (freqs, []int32) {
	n := len(fs)
	at := make([]int32, n)
	low, ib, fits := packedShape(fs)
	if !fits {
		a, b := s.buffers(n)
		for i, f := range fs {
			a[i] = keyed{feat(f), int32(i)}
		}
		l, h := splitKeyed(a[:n], b[:n], low)
		return countKeyed(radix(l, b[:len(l)]), radix(h, b[len(l):]), nil, 0, at), at
	}
	a, b := s.buffers(low)
	l, h := 0, 0
	for i, f := range fs {
		if feat(f)&packed == 0 {
			a[l], l = keyed{feat(f), int32(i)}, l+1
		} else {
			fs[h], h = (f&^uint64(packed))<<ib|uint64(i), h+1
		}
	}
	s.flag.Sort(fs[:h], ib)
	return countKeyed(radix(a[:l], b[:l]), nil, fs[:h], ib, at), at
}

// splitKeyed moves the hashed features of a (low of them) before the
// packed ones, each in their order, through buf; it returns the two runs,
// in a.
func splitKeyed(a, buf []keyed, low int) (hashed, packedRun []keyed) {
	copy(buf, a)
	l, h := 0, low
	for _, k := range buf {
		if k.f&packed == 0 {
			a[l], l = k, l+1
		} else {
			a[h], h = k, h+1
		}
	}
	return a[:low], a[low:]
}

// countKeyed counts the features of sorted runs, each below the next: lo
// and hi of keyed features, then vs of packed features as countFeats sorts
// them (ib bits of index). It returns the distinct features and how many
// times each comes, and sets at, for each feature, to its index among them.
func countKeyed(lo, hi []keyed, vs []uint64, ib int, at []int32) freqs {
	n := 0
	for _, run := range [2][]keyed{lo, hi} {
		for x, c := range run {
			if x == 0 || run[x-1].f != c.f {
				n++
			}
		}
	}
	last := ^uint64(0) // no feature's bits above its index
	for _, v := range vs {
		if v>>ib != last {
			n, last = n+1, v>>ib
		}
	}
	fr := freqs{keys: make([]feat, n), n: make([]int32, n)}
	k := int32(-1) // the index of the last key
	for _, run := range [2][]keyed{lo, hi} {
		for x, c := range run {
			if x == 0 || run[x-1].f != c.f {
				k++
				fr.keys[k] = c.f
			}
			fr.n[k]++
			at[c.i] = k
		}
	}
	mask, last := uint64(1)<<ib-1, ^uint64(0)
	for _, v := range vs {
		if v>>ib != last {
			k, last = k+1, v>>ib
			fr.keys[k] = packed | feat(last)
		}
		fr.n[k]++
		at[v&mask] = k
	}
	return fr
}

// freqScratches keeps the buffers of freqsOf's sorts from one model to
// the next (*sorter): they hold the features of all the units of a report.
var freqScratches sync.Pool

// reportFreqs are the document frequencies of the units of one report,
// and where each unit's features stand among them.
type reportFreqs struct {
	df, df3 freqs
	at, at3 map[*corpus.Unit][]int32 // a unit's grams (features of prep.occ, once each) → their index in df (df3)
}

// low21 masks the last rune of a packed feature.
const low21 = 1<<21 - 1

// featsOf returns how many features freqsOf sorts at once for units with
// these preps: the grams, or the features of their occurrences.
func featsOf(ps []*prep) int {
	n, n3 := 0, 0
	for _, p := range ps {
		n += len(p.grams)
		n3 += p.n3
	}
	return max(n, n3)
}

// freqsOf returns the document frequencies of a report's units (with their
// preps), counted once, sorting with s (see countFeats). A trigram is
// sorted as the index of its first two characters among the report's
// bigrams (counted first) and its third: the same order in a number of
// some 35 bits rather than 63.
func (t *Themes) freqsOf(units []*corpus.Unit, ps []*prep, s *sorter) *reportFreqs {
	if len(units) == 0 {
		return &reportFreqs{}
	}
	r := units[0].Report
	t.mu.Lock()
	rf, ok := t.counted[r]
	t.mu.Unlock()
	if ok {
		return rf
	}
	n, n3 := 0, 0
	for _, p := range ps {
		n += len(p.grams)
		n3 += p.n3
	}
	// The units' features, one after the other, and where each stands
	// among the report's: the index of gram k of unit i is at[from+k].
	fs := s.values(max(n, n3))
	x := 0
	for _, p := range ps {
		for _, g := range p.grams {
			fs[x], x = uint64(g), x+1
		}
	}
	df, at := s.countFeats(fs[:n])
	x = 0
	from := 0 // where the unit's grams stand in at
	for _, p := range ps {
		k := 0
		for _, f := range distinctFeats(p.occ) {
			if f&packed != 0 {
				// The first two characters of a trigram are a bigram of
				// its unit, found in order (the trigrams are sorted).
				first := packed | (f&^packed)>>21
				for p.grams[k] < first {
					k++
				}
				f = packed | feat(at[from+k])<<21 | f&low21
			}
			fs[x], x = uint64(f), x+1
		}
		from += len(p.grams)
	}
	df3, at3 := s.countFeats(fs[:n3])
	for i, f := range df3.keys {
		if f&packed != 0 {
			df3.keys[i] = packed | (df.keys[(f&^packed)>>21]&^packed)<<21 | f&low21
		}
	}
	rf = &reportFreqs{df: df, df3: df3, at: make(map[*corpus.Unit][]int32, len(units)), at3: make(map[*corpus.Unit][]int32, len(units))}
	k, k3 := 0, 0
	for i, u := range units {
		n, n3 := len(ps[i].grams), ps[i].n3
		rf.at[u], rf.at3[u] = at[k:k+n:k+n], at3[k3:k3+n3:k3+n3]
		k, k3 = k+n, k3+n3
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if done, ok := t.counted[r]; ok {
		return done // counted meanwhile by another model: the same counts
	}
	if t.counted == nil {
		t.counted = map[*corpus.Report]*reportFreqs{}
	}
	t.counted[r] = rf
	return rf
}

// model holds the documents of a corpus and the document frequencies that
// weight them.
type model struct {
	docs map[*corpus.Unit]*doc
	n    int
	// keys is how many distinct grams the model's units have: doc.ids
	// number them from 0.
	keys int
	// idf holds the IDF of each gram of the model, by number (doc.ids).
	idf []float64
	// tri holds what the model knows of each report's trigrams.
	tri []trigrams
	// scratches holds the buffers of the comparisons of its units, reused
	// by every block of its two reports (*scratch).
	scratches sync.Pool
}

// trigrams is what a model knows of the trigrams, quoted terms and figures
// of the units of one of its reports (reportFreqs.df3): which are rare in
// the model and where they stand.
type trigrams struct {
	keys  []feat   // the report's, sorted
	rare  []bool   // whether each is rare in the model
	other []int32  // the index of each among the other report's keys, -1 when it has it not (nil with one report)
	units postings // the units of the report for which each is rare (model ordinals)
}

// weight returns the IDF of d's gram k in its model.
func (d *doc) weight(k int32) float64 { return d.idf[d.ids[k]] }

// rare appends to dst the features of d's occurrences rare in its model,
// in key order.
func (d *doc) rare(dst []feat) []feat {
	for _, x := range d.at3 {
		if d.tri.rare[x] {
			dst = append(dst, d.tri.keys[x])
		}
	}
	return dst
}

// postings lists, for each key of a sorted set, some numbers:
// of[at[k]:at[k+1]].
type postings struct {
	at []int32
	of []int32
}

// get returns the numbers of key k.
func (p postings) get(k int32) []int32 { return p.of[p.at[k]:p.at[k+1]] }

// Postings are built in two passes over the same (key, number) pairs, in
// the same order: newPostings, count for each key, start, put for each
// pair, done. Each key's numbers are written at at[k], moved on by one
// each, so that at[k] ends where at[k+1] began; done moves at back by one.

// newPostings returns the postings of n keys, to be counted.
func newPostings(n int) postings { return postings{at: make([]int32, n+1)} }

// count counts a number of key k.
func (p *postings) count(k int32) { p.at[k+1]++ }

// start makes room for the numbers counted.
func (p *postings) start() {
	for k := 1; k < len(p.at); k++ {
		p.at[k] += p.at[k-1]
	}
	p.of = make([]int32, p.at[len(p.at)-1])
}

// put puts number v of key k after those put before.
func (p *postings) put(k, v int32) {
	p.of[p.at[k]] = v
	p.at[k]++
}

// done ends the putting: get answers from now on.
func (p *postings) done() {
	copy(p.at[1:], p.at)
	p.at[0] = 0
}

// prep is what the similarity of a unit to others needs that does not
// depend on which units it is weighed with: read once per unit, shared by
// every model the unit is in (a report of a series is in four).
type prep struct {
	grams   []feat       // character bigrams (and Latin words) of the text, sorted, each once
	repeats []repeat     // those it has more than once
	text    string       // the folded text, lower case
	heading []feat       // bigrams of the unit's heading, sorted; nil when it has none
	section []feat       // bigrams of the titles of its section and subsection, sorted
	opener  bool         // the unit opens its section (see opens)
	leader  bool         // the unit comes first in its section (see leads)
	occ     []occurrence // trigrams, quoted terms and figures, by feature, then place
	n3      int          // how many different features occ has
	clauses []clause     // the clauses long enough to be looked for in another unit, unweighted
	// The clauses gram k of grams stands in (their indices):
	// inClause.get(k); none without clauses.
	inClause postings
	themes   []entry // theme scores, normalised
}

// prepScratch holds the buffers of newPrep, reused from one unit to the
// next. A prepScratch serves one goroutine.
type prepScratch struct {
	sorter
	feats  []feat
	pos    []int32
	gramAt []int32
	occ    []occurrence
	quoted [][4]int
	idx    []int32
	ends   []int32
	spans  []span
	set    []uint64 // the bigrams of a clause, a bit each by index (clauses)
	reps   []repeat
	runes  []rune  // the runes of a heading or of section titles (grams)
	text   []rune  // the runes of the unit's text
	at     []int32 // the byte offset of each in the text, and of its end
}

// newPrep reads a unit; section is the bigrams of the titles of its section
// and subsection (see sectionGrams).
func newPrep(u *corpus.Unit, class Classification, section []feat, sc *prepScratch) *prep {
	f := hanzi.Lower(u.Folded())
	p := &prep{text: f, section: section}
	rs, at := slices.Grow(sc.text[:0], len(f)), slices.Grow(sc.at[:0], len(f)+1)
	for i := 0; i < len(f); {
		r, size := hanzi.DecodeRune(f, i) // not range: it calls the runtime's decoder for every Han character
		rs, at = append(rs, r), append(at, int32(i))
		i += size
	}
	at = append(at, int32(len(f)))
	sc.text, sc.at = rs, at
	gramAt := slices.Grow(sc.gramAt[:0], len(rs))[:len(rs)]
	sc.gramAt = gramAt
	p.grams = gramsOf(rs, sc, gramAt, &p.repeats)
	if u.Heading != "" {
		p.heading = grams(hanzi.Lower(hanzi.Fold(u.Heading)), sc)
	}
	p.opener, p.leader = opens(u), leads(u)
	p.themes = make([]entry, 0, len(class.Scores))
	for k, v := range class.Scores {
		p.themes = append(p.themes, entry{hashOf(k), v})
	}
	p.themes = sortedVector(p.themes)
	p.clauses = clauses(rs, len(p.grams), gramAt, sc)
	p.inClause = clauseRefs(p.clauses, len(p.grams))
	occ, keys := rareCandidates(f, rs, at, gramAt, sc)
	p.occ = sortOccurrences(occ, keys, sc)
	for range distinctFeats(p.occ) {
		p.n3++
	}
	return p
}

// distinctFeats yields the features of occurrences sorted by feature, each
// once, with its number among them (from 0).
func distinctFeats(occ []occurrence) iter.Seq2[int, feat] {
	return func(yield func(int, feat) bool) {
		k := 0
		for x, o := range occ {
			if x > 0 && occ[x-1].f == o.f {
				continue
			}
			if !yield(k, o.f) {
				return
			}
			k++
		}
	}
}

// sectionTitles is what sectionGrams reads of a unit's section and
// subsection.
func sectionTitles(u *corpus.Unit) string { return u.SectionTitle() + "|" + u.SubsectionTitle() }

// sectionGrams returns the bigrams of the titles of a unit's section and
// subsection (sectionTitles), sorted.
func sectionGrams(titles string, sc *prepScratch) []feat {
	return grams(hanzi.Lower(hanzi.Fold(titles)), sc)
}

// drop forgets what was read of a report's units (their preps and document
// frequencies), once no model needs them: Align goes through a series
// holding three reports' at most.
func (t *Themes) drop(r *corpus.Report) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, u := range r.Units {
		delete(t.prepared, u)
	}
	delete(t.counted, r)
}

// preps returns the prep of each unit, reading in parallel those not read
// before.
func (t *Themes) preps(units []*corpus.Unit) []*prep {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.prepared == nil {
		t.prepared = make(map[*corpus.Unit]*prep, len(units))
	}
	var missing []*corpus.Unit
	for _, u := range units {
		if _, ok := t.prepared[u]; !ok {
			missing = append(missing, u)
			t.prepared[u] = nil // once, if a unit is given twice
		}
	}
	// The units of a section share its titles' bigrams (one slice).
	var sc prepScratch
	sections := bySection(missing, sectionTitles, func(titles string) []feat { return sectionGrams(titles, &sc) })
	read := make([]*prep, len(missing))
	work.EachWith(len(missing), func(sc *prepScratch, i int) {
		u := missing[i]
		read[i] = newPrep(u, t.Classes[u], sections[placeOf{u.Section, u.Subsection}], sc)
	})
	for i, u := range missing {
		t.prepared[u] = read[i]
	}
	ps := make([]*prep, len(units))
	for i, u := range units {
		ps[i] = t.prepared[u]
	}
	return ps
}

// newModel builds the documents of every unit, with IDF weights over all of
// them: a bigram found in every paragraph (发展, 工作) weighs little, one found
// in a few (简易, 腾退) much. The work of each unit runs in parallel; the
// counts are added up in unit order, so the result is the same on every run.
//
// The units come by report (groups), and the document frequencies of each
// report are counted once and added up for each model it is in.
func newModel(t *Themes, groups [][]*corpus.Unit) *model {
	var units []*corpus.Unit
	for _, g := range groups {
		units = append(units, g...)
	}
	reports := len(groups)
	m := &model{docs: make(map[*corpus.Unit]*doc, len(units)), n: len(units)}
	ps := t.preps(units)
	docs := make([]*doc, len(units))
	from := make([]int, len(groups)+1) // where each group's units start
	for k, g := range groups {
		from[k+1] = from[k] + len(g)
	}
	rfs := make([]*reportFreqs, len(groups))
	// One report after the other, so that they share the buffer of the
	// sorts (8 bytes a feature of a report, sized once for the larger):
	// counting them in parallel would give each its own for a fraction of
	// a millisecond. The buffer is kept for the next model.
	fs, _ := freqScratches.Get().(*sorter)
	if fs == nil {
		fs = &sorter{}
	}
	size := 0
	for k := range groups {
		size = max(size, featsOf(ps[from[k]:from[k+1]]))
	}
	fs.values(size)
	for k := range groups {
		rfs[k] = t.freqsOf(groups[k], ps[from[k]:from[k+1]], fs)
	}
	freqScratches.Put(fs)
	// A trigram is rare when it stands in no more than two units per
	// report: a name that comes back in a year's review and plan, not a
	// phrase of every paragraph.
	limit := rareUnits * max(1, reports)
	m.tri = make([]trigrams, len(groups))
	work.Each(len(groups), func(k int) {
		tr := &m.tri[k]
		tr.keys = rfs[k].df3.keys
		if len(groups) == 2 {
			tr.other = crossIn(rfs[k].df3, rfs[1-k].df3)
		}
		tr.rare = make([]bool, len(tr.keys))
		for x, n := range rfs[k].df3.n {
			if tr.other != nil && tr.other[x] >= 0 {
				n += rfs[1-k].df3.n[tr.other[x]]
			}
			tr.rare[x] = int(n) <= limit
		}
	})
	all := make([]doc, len(units))
	for k := range groups {
		for i := from[k]; i < from[k+1]; i++ {
			u := units[i]
			all[i] = doc{prep: ps[i], unit: u, general: t.Classes[u].Primary == General,
				at3: rfs[k].at3[u], tri: &m.tri[k], group: k, ord: i}
			docs[i] = &all[i]
			m.docs[u] = docs[i]
		}
	}
	// The model's grams are numbered (doc.ids): those of the first report
	// as its own, those of the second that the first has not after them
	// (see number). The IDF of each, by the number of units it stands in:
	// the count in each report, added up first (as floats: whole numbers,
	// exact).
	ids := make([][]int32, len(groups)) // for each key of a report's grams, its number (nil: the same)
	if len(groups) == 2 {
		ids[1], m.keys = number(rfs[0].df.keys, rfs[1].df.keys)
	} else if len(groups) == 1 {
		m.keys = len(rfs[0].df.keys)
	}
	// A count is written where it is the first of its gram, added where it
	// is not, so that the array's fresh pages are written before they are
	// read: a read of a fresh page maps the kernel's shared zero page, and
	// the write after it must copy that page and interrupt every other
	// processor running the program to flush its TLB (some 10 µs a page on
	// this project's virtual machine, against 1.5 for a page written
	// first). The first report's grams are numbered from 0, the second's
	// new ones after them.
	m.idf = make([]float64, m.keys)
	for k, rf := range rfs {
		for x, n := range rf.df.n {
			id := int32(x)
			if ids[k] != nil {
				id = ids[k][x]
			}
			if k == 0 || len(groups) == 2 && int(id) >= len(rfs[0].df.n) {
				m.idf[id] = float64(n)
			} else {
				m.idf[id] += float64(n)
			}
		}
	}
	byCount := make([]float64, m.n+1)
	for k := range byCount {
		byCount[k] = math.Log(float64(m.n+1)/float64(k+1)) + 1
	}
	for id, n := range m.idf {
		m.idf[id] = byCount[int(n)]
	}
	// Each unit's weights, its grams' numbers and its clauses' weights,
	// sub-slices of one array each.
	ng, nc := 0, 0
	for _, d := range docs {
		ng, nc = ng+len(d.grams), nc+len(d.clauses)
	}
	tfidfs, totals := make([]float64, ng), make([]float64, nc)
	var numbers []int32
	if len(groups) == 2 {
		numbers = make([]int32, ng-gramsIn(docs[:from[1]]))
	}
	for _, d := range docs {
		n, c := len(d.grams), len(d.clauses)
		d.tfidf, tfidfs = tfidfs[:n:n], tfidfs[n:]
		d.totals, totals = totals[:c:c], totals[c:]
		if ids[d.group] != nil {
			d.ids, numbers = numbers[:n:n], numbers[n:]
		}
		d.idf = m.idf
	}
	work.Each(len(units), func(i int) {
		d := docs[i]
		at := rfs[d.group].at[d.unit]
		if ids[d.group] == nil {
			d.ids = at
		} else {
			for k, x := range at {
				d.ids[k] = ids[d.group][x]
			}
		}
		// The weights in key order (the grams are sorted), normalised as
		// sorted does: the same sums in the same order. The weight of a
		// gram the text has once is its IDF (1 + ln 1 = 1), of the others
		// their IDF times 1 + ln n.
		tfidf, idf := d.tfidf, d.idf
		for k, id := range d.ids {
			tfidf[k] = idf[id]
		}
		for _, r := range d.repeats {
			tfidf[r.gram] *= tf(r.n)
		}
		norm := 0.0
		for _, w := range tfidf {
			norm += w * w
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for k := range d.tfidf {
				d.tfidf[k] /= norm
			}
		}
		weigh(d, d.totals)
		if len(d.totals) > 0 {
			d.least = slices.Min(d.totals)
		}
	})
	// The units of each report for which each of its trigrams is rare.
	work.Each(len(groups), func(k int) {
		tr := &m.tri[k]
		ds := docs[from[k]:from[k+1]]
		p := newPostings(len(tr.keys))
		for _, d := range ds {
			for _, x := range d.at3 {
				if tr.rare[x] {
					p.count(x)
				}
			}
		}
		p.start()
		for _, d := range ds {
			for _, x := range d.at3 {
				if tr.rare[x] {
					p.put(x, int32(d.ord))
				}
			}
		}
		p.done()
		tr.units = p
	})
	return m
}

// crossIn returns, for each key of fr, its index among o's keys (-1 when
// o has it not): one walk through both.
func crossIn(fr, o freqs) (idx []int32) {
	idx = make([]int32, len(fr.keys))
	j := 0
	for i, f := range fr.keys {
		for j < len(o.keys) && o.keys[j] < f {
			j++
		}
		idx[i] = -1
		if j < len(o.keys) && o.keys[j] == f {
			idx[i] = int32(j)
		}
	}
	return idx
}

// number numbers the keys of two sorted sets together, those of a by their
// index: for each key of b, the index of the same key in a, or a number
// from len(a) up in order; and how many numbers there are.
func number(a, b []feat) (ib []int32, n int) {
	ib, n = make([]int32, len(b)), len(a)
	i := 0
	for j, f := range b {
		for i < len(a) && a[i] < f {
			i++
		}
		if i < len(a) && a[i] == f {
			ib[j] = int32(i)
		} else {
			ib[j], n = int32(n), n+1
		}
	}
	return ib, n
}

// gramsIn returns how many grams the docs have.
func gramsIn(ds []*doc) int {
	n := 0
	for _, d := range ds {
		n += len(d.grams)
	}
	return n
}

// clauseRefs lists, for each gram of a unit (of n), the clauses it stands
// in, in clause order; no postings (nil) when there are no clauses.
func clauseRefs(cs []clause, n int) postings {
	if len(cs) == 0 {
		return postings{}
	}
	p := newPostings(n)
	for _, c := range cs {
		for _, k := range c.grams {
			p.count(k)
		}
	}
	p.start()
	for ci, c := range cs {
		for _, k := range c.grams {
			p.put(k, int32(ci))
		}
	}
	p.done()
	return p
}

// tfs holds the weight of a term that occurs n times, 1 + ln n, for the
// counts most terms have.
var tfs = func() (t [64]float64) {
	for n := 1; n < len(t); n++ {
		t[n] = 1 + math.Log(float64(n))
	}
	return t
}()

// tf returns 1 + ln n.
func tf(n int32) float64 {
	if n > 0 && int(n) < len(tfs) {
		return tfs[n]
	}
	return 1 + math.Log(float64(n))
}

// dice returns the Dice coefficient of two sets.
func dice(a, b []feat) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(sortedset.CountCommon(a, b)) / float64(len(a)+len(b))
}

// Measures are the six measures of the similarity of two units, each from
// 0 to 1, or their weights in its score.
type Measures struct {
	Text     float64 `json:"text"`     // TF-IDF cosine of the character bigrams of the texts
	Heading  float64 `json:"heading"`  // overlap of the bigrams of the headings and section titles
	Rare     float64 `json:"rare"`     // rare phrases both share
	Theme    float64 `json:"theme"`    // agreement of the theme scores
	Context  float64 `json:"context"`  // how well the two sections match as a whole
	Coverage float64 `json:"coverage"` // clauses of one that stand nearly word for word in the other
}

// Similarity is the score of a pair of units and its measures.
type Similarity struct {
	Score float64 `json:"score"`
	Measures
	Shared []string `json:"shared,omitempty"` // the phrases both share, in the first unit's words and order
}

// headingSimilarity compares what the headings of two units say: their own
// lead sentences, and the titles of the sections they stand in. A unit
// without a lead (the opening paragraph of a section) is known by its
// section alone.
func headingSimilarity(a, b *doc) float64 {
	return headingWith(a, b, dice(a.section, b.section))
}

// headingWith is headingSimilarity given how much the titles of the two
// units' sections share (sec).
func headingWith(a, b *doc, sec float64) float64 {
	switch {
	case a.opener && b.opener:
		// The openings of two sections state the aim of their sections.
		return 0.5 + 0.5*sec
	case a.opener || b.opener:
		return 0.5 * sec
	case a.heading == nil || b.heading == nil:
		return sec
	}
	return 0.7*dice(a.heading, b.heading) + 0.3*sec
}

// opens reports whether u is the opening paragraph of a titled section or
// subsection: its first unit, with no heading of its own. It states the aim
// of what follows rather than a topic of its own.
func opens(u *corpus.Unit) bool {
	return u.Heading == "" && leads(u)
}

// leads reports whether u is the first unit of a titled section or
// subsection.
func leads(u *corpus.Unit) bool {
	if u.Section == nil {
		return false
	}
	if ss := u.Subsection; ss != nil && ss.Title != "" && len(ss.Units) > 0 && ss.Units[0] == u {
		return true
	}
	if u.Section.Title == "" {
		return false
	}
	for _, ss := range u.Section.Subsections {
		if len(ss.Units) > 0 {
			return ss.Units[0] == u
		}
	}
	return false
}

const (
	rareUnits = 2 // a trigram is rare when it stands in at most this many units per report
	rareFull  = 4 // how many shared phrases make the rare measure 1
	coverFull = 3 // how many clauses found in the other unit make coverage 1
)

// similarity combines five of the measures: what the two texts say (bigram
// TF-IDF cosine), what their headings say, the phrases they share, whether
// they are about the same themes and the clauses of one that stand in the
// other. The sixth, context, needs all pairs of two reports and is added by
// withContext.
func (m *model) similarity(a, b *corpus.Unit, sc *scratch) Similarity {
	da, db := m.docs[a], m.docs[b]
	s := Similarity{Measures: Measures{Text: textCosine(da, db), Heading: headingSimilarity(da, db), Theme: cosine(da.themes, db.themes)}}
	n, _ := phrases(da, db, sc)
	s.Rare = math.Min(1, float64(n)/rareFull)
	s.Coverage = math.Min(1, float64(covered(da, db, sc, nil))/coverFull)
	s.Score = wText*s.Text + wHeading*s.Heading + wRare*s.Rare + wTheme*s.Theme + wCoverage*s.Coverage
	return s
}

// similarities computes the similarity of unit a to each unit of b, as
// similarity does, into out: the same numbers, but reading a once for all
// of b. inB gives the index in b of each unit of the model (by doc.ord), -1
// for the units not in b. a's grams are spread by number (doc.ids) into sc,
// so that a unit of b finds those it shares with a in one walk through its
// own, in key order (the order cosine adds them in); a's rare features
// find the units of b that have them through the model's postings, so a
// pair that shares none costs nothing more; and the clauses each unit may
// find in the other are weighed from the grams they share.
func (m *model) similarities(a *corpus.Unit, b []*doc, inB []int32, sc *scratch, out []weighed) {
	da := m.docs[a]
	if len(sc.pos) < m.keys {
		// Cleared at once: its fresh pages written before any is read
		// (see newModel's IDFs).
		sc.pos = make([]int32, m.keys)
		clear(sc.pos)
	}
	for k, id := range da.ids {
		sc.pos[id] = int32(k + 1)
	}
	defer func() {
		for _, id := range da.ids {
			sc.pos[id] = 0
		}
	}()
	// The rare features a shares with each unit of b, in key order.
	if cap(sc.lists) < len(b) {
		sc.lists = make([][]feat, len(b))
	}
	lists := sc.lists[:len(b)]
	for j := range lists {
		lists[j] = lists[j][:0]
	}
	for _, x := range da.at3 {
		if !da.tri.rare[x] {
			continue
		}
		f := da.tri.keys[x]
		for g := range m.tri {
			k := x
			if g != da.group {
				if k = da.tri.other[x]; k < 0 {
					continue
				}
			}
			for _, ord := range m.tri[g].units.get(k) {
				if j := inB[ord]; j >= 0 {
					lists[j] = append(lists[j], f)
				}
			}
		}
	}
	// The units of a section share its titles' bigrams (one slice, see
	// Themes.preps) and come one after the other: what a's section shares
	// with theirs is counted once for a run of them.
	var sec []feat
	secDice := -1.0
	for j, db := range b {
		if secDice < 0 || len(db.section) != len(sec) || len(sec) > 0 && &db.section[0] != &sec[0] {
			sec, secDice = db.section, dice(da.section, db.section)
		}
		// The grams both have, as index pairs, and the cosine of the texts.
		sc.both = sc.both[:0]
		text := 0.0
		for k, id := range db.ids {
			if p := sc.pos[id]; p != 0 {
				text += da.tfidf[p-1] * db.tfidf[k]
				sc.both = append(sc.both, p-1, int32(k))
			}
		}
		s := weighed{Measures: Measures{Text: text, Heading: headingWith(da, db, secDice), Theme: cosine(da.themes, db.themes)}}
		n, _ := phrasesOf(da, db, lists[j], sc)
		lists[j] = sc.shared // its buffer, grown or not
		s.Rare = math.Min(1, float64(n)/rareFull)
		cover := 0
		if len(da.clauses) > 0 && len(db.clauses) > 0 {
			sc.okA = held(sc.okA, da, sc.both, 0, &sc.held)
			sc.okB = held(sc.okB, db, sc.both, 1, &sc.held)
			cover = coveredIf(da, db, sc, nil)
		}
		s.Coverage = math.Min(1, float64(cover)/coverFull)
		s.Score = wText*s.Text + wHeading*s.Heading + wRare*s.Rare + wTheme*s.Theme + wCoverage*s.Coverage
		out[j] = s
	}
}

// held fills ok, for each clause of d, with whether the other unit holds
// coverMin of its weight, as promising does, given the grams both have
// (both: pairs of indices, d's at side 0 or 1 of each, in key order): the
// weights are added in the same order, the order of the clause's grams.
func held(ok []bool, d *doc, both []int32, side int, buf *[]float64) []bool {
	ok = slices.Grow(ok[:0], len(d.clauses))[:len(d.clauses)]
	ids, idf := d.ids, d.idf
	// A clause holds at most the weight of all the grams both have, added
	// in the same order (a sum of weights of none below zero, some left
	// out, is no larger, rounding included): when that is short of
	// coverMin of the lightest clause, no clause is held and the clauses
	// need not be weighed one by one.
	all := 0.0
	for x := side; x < len(both); x += 2 {
		all += idf[ids[both[x]]]
	}
	if all < coverMin*d.least {
		clear(ok)
		return ok
	}
	w := slices.Grow((*buf)[:0], len(d.clauses))[:len(d.clauses)]
	clear(w)
	for x := side; x < len(both); x += 2 {
		k := both[x]
		wk := idf[ids[k]]
		for _, c := range d.inClause.get(k) {
			w[c] += wk
		}
	}
	for i := range d.clauses {
		ok[i] = w[i] >= coverMin*d.totals[i]
	}
	*buf = w
	return ok
}

// shared returns the phrases two units share, in a's words and order: what
// a link shows, computed for links only.
func (m *model) shared(a, b *corpus.Unit) []string {
	sc, _ := m.scratches.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	defer m.scratches.Put(sc)
	da := m.docs[a]
	_, runs := phrases(da, m.docs[b], sc)
	// The runs are byte offsets into the folded text, which has the runes
	// of the text one for one: walk both to the text's bytes.
	f, t := 0, 0 // a rune's byte offset in the folded text and in the text
	byteAt := func(k int32) int {
		if int(k) < f {
			f, t = 0, 0
		}
		for f < int(k) {
			_, size := utf8.DecodeRuneInString(da.text[f:])
			f += size
			_, size = utf8.DecodeRuneInString(a.Text[t:])
			t += size
		}
		return t
	}
	var out []string
	for _, x := range runs {
		from := byteAt(x.start)
		s := a.Text[from:byteAt(x.end)]
		if !utf8.ValidString(s) {
			s = string([]rune(s)) // each byte that is not UTF-8 as U+FFFD, as a conversion to runes has it
		}
		out = append(out, s)
	}
	return out
}

// withContext adds to a matrix of similarities how well the sections of the
// two units match as a whole: for sections S and T, the mean over the units
// of each of its best score in the other (a section whose topics all come
// back, reworded, matches well even where its opening paragraph is too
// abstract to match on its words). Units outside any titled section are
// their own context.
// sims holds the similarity of pair (i, j) at i*len(b)+j.
func withContext(a, b []*corpus.Unit, sims []weighed) {
	// The sections are numbered, those of a and those of b apart, so that
	// the sums are held in arrays.
	size := map[*corpus.Section]int{}
	for _, u := range a {
		size[u.Section]++
	}
	for _, v := range b {
		size[v.Section]++
	}
	secA, sizeA := sectionsOf(a, size)
	secB, sizeB := sectionsOf(b, size)
	na, nb := len(sizeA), len(sizeB)
	bestA := make([]float64, na*nb) // [s*nb+t]: sum over units of S of their best in T
	bestB := make([]float64, na*nb)
	best := make([]float64, max(na, nb))
	for i := range a {
		clear(best)
		for j := range b {
			best[secB[j]] = math.Max(best[secB[j]], sims[i*len(b)+j].Score)
		}
		for t, x := range best[:nb] {
			bestA[secA[i]*nb+t] += x
		}
	}
	for j := range b {
		clear(best)
		for i := range a {
			best[secA[i]] = math.Max(best[secA[i]], sims[i*len(b)+j].Score)
		}
		for s, x := range best[:na] {
			bestB[s*nb+secB[j]] += x
		}
	}
	for i, u := range a {
		for j, v := range b {
			k := secA[i]*nb + secB[j]
			ctx := sims[i*len(b)+j].Score
			if u.Section.Title != "" && v.Section.Title != "" {
				ctx = (bestA[k]/float64(sizeA[secA[i]]) + bestB[k]/float64(sizeB[secB[j]])) / 2
			}
			sims[i*len(b)+j].Context = math.Min(1, ctx/contextFull)
			sims[i*len(b)+j].Score += wContext * sims[i*len(b)+j].Context
		}
	}
}

// sectionsOf numbers the sections of units in order: the number of each
// unit's section, and the size of each section (from size).
func sectionsOf(units []*corpus.Unit, size map[*corpus.Section]int) (sec []int, sizes []int) {
	num := map[*corpus.Section]int{}
	sec = make([]int, len(units))
	for i, u := range units {
		k, ok := num[u.Section]
		if !ok {
			k = len(sizes)
			num[u.Section] = k
			sizes = append(sizes, size[u.Section])
		}
		sec[i] = k
	}
	return sec, sizes
}

// contextFull is the mean best score at which two sections match fully.
const contextFull = 0.5
