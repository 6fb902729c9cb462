package align

import (
	"cmp"
	"hash/fnv"
	"math"
	"regexp"
	"slices"
	"unicode"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/hanzi"
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

// pack packs two or three runes into a feature.
func pack(rs ...rune) feat {
	f := feat(0)
	for _, r := range rs {
		f = f<<21 | feat(r)
	}
	return packed | f
}

// hashOf hashes a string into a feature.
func hashOf(s string) feat {
	h := fnv.New64a()
	h.Write([]byte(s))
	return hashed | feat(h.Sum64())&(hashed-1)
}

// vector is a sparse feature vector.
type vector map[feat]float64

// entry is one feature of a sorted vector.
type entry struct {
	key feat
	val float64
}

// sorted returns the features of v in key order, normalised to length 1.
// Sums run in key order, so every run adds the same floats in the same
// order and gets the same result to the last bit.
func sorted(v vector) []entry {
	es := make([]entry, 0, len(v))
	for k, x := range v {
		es = append(es, entry{k, x})
	}
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

// doc holds what similarity needs to know of a unit.
type doc struct {
	unit    *corpus.Unit
	grams   []featCount  // character bigrams (and Latin words) of the text, with counts, sorted
	filter  bloom        // the same, to rule out quickly a clause of another unit
	runes   []rune       // the folded text
	tfidf   []entry      // weighted and normalised
	heading []feat       // bigrams of the unit's heading, sorted; nil when it has none
	section []feat       // bigrams of the titles of its section and subsection, sorted
	opener  bool         // the unit opens its section (see opens)
	leader  bool         // the unit comes first in its section (see leads)
	rare    []feat       // trigrams, quoted terms and figures rare in the corpus, sorted
	rareAt  []occurrence // where the rare features stand, by feature, then place
	clauses []clause     // the clauses long enough to be looked for in another unit
	themes  []entry      // theme scores, normalised
	class   Classification
}

// featCount is a feature and how many times a text has it.
type featCount struct {
	f feat
	n int32
}

var reFigureToken = regexp.MustCompile(`[0-9]+(?:\.[0-9]+)?(?:%|万|亿|个|户|家|项|条|所|座|平方米|公里|人|套|栋|处|元)`)
var reQuoted = regexp.MustCompile(`[“《「]([^”》」]{2,20})[”》」]`)

// grams returns the Han character bigrams of folded text and its runs of
// Latin letters and digits, with their counts, sorted.
func grams(folded string) []featCount {
	rs := []rune(folded)
	fs := make([]feat, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		switch {
		case hanzi.IsHan(rs[i]):
			if i+1 < len(rs) && hanzi.IsHan(rs[i+1]) {
				fs = append(fs, pack(rs[i], rs[i+1]))
			}
		case rs[i] < 128 && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i])):
			j := i
			for j < len(rs) && rs[j] < 128 && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '.') {
				j++
			}
			fs = append(fs, hashOf(hanzi.Lower(string(rs[i:j]))))
			i = j - 1
		}
	}
	return countRuns(fs)
}

// countRuns sorts features and counts each.
func countRuns(fs []feat) []featCount {
	slices.Sort(fs)
	var out []featCount
	for _, f := range fs {
		if n := len(out); n > 0 && out[n-1].f == f {
			out[n-1].n++
		} else {
			out = append(out, featCount{f, 1})
		}
	}
	return out
}

// occurrence is a feature found in a text and where: rune offsets [start,
// end) into the unit's folded text, which has the runes of its text one for
// one.
type occurrence struct {
	f          feat
	start, end int32
}

// rareCandidates returns the trigrams, quoted terms and figures of folded
// text and where they stand, in text order.
func rareCandidates(folded string) []occurrence {
	rs := []rune(folded)
	occ := make([]occurrence, 0, len(rs))
	for i := 0; i+2 < len(rs); i++ {
		if hanzi.IsHan(rs[i]) && hanzi.IsHan(rs[i+1]) && hanzi.IsHan(rs[i+2]) {
			occ = append(occ, occurrence{pack(rs[i], rs[i+1], rs[i+2]), int32(i), int32(i + 3)})
		}
	}
	var more []occurrence
	for _, q := range reQuoted.FindAllStringSubmatchIndex(folded, -1) {
		more = append(more, occurrence{hashOf("“" + folded[q[2]:q[3]]), int32(q[0]), int32(q[1])})
	}
	for _, loc := range reFigureToken.FindAllStringIndex(folded, -1) {
		more = append(more, occurrence{hashOf("#" + folded[loc[0]:loc[1]]), int32(loc[0]), int32(loc[1])})
	}
	if len(more) == 0 {
		return occ
	}
	// Byte offsets to rune offsets, in one pass over the text.
	slices.SortFunc(more, func(a, b occurrence) int { return cmp.Compare(a.start, b.start) })
	offsets := make([]int32, 0, 2*len(more))
	for _, o := range more {
		offsets = append(offsets, o.start, o.end)
	}
	slices.Sort(offsets)
	runeAt := map[int32]int32{}
	r, k := int32(0), 0
	for b := range folded {
		for k < len(offsets) && offsets[k] <= int32(b) {
			runeAt[offsets[k]] = r
			k++
		}
		r++
	}
	for ; k < len(offsets); k++ {
		runeAt[offsets[k]] = r
	}
	for i := range more {
		more[i].start, more[i].end = runeAt[more[i].start], runeAt[more[i].end]
	}
	occ = append(occ, more...)
	slices.SortStableFunc(occ, func(a, b occurrence) int { return cmp.Compare(a.start, b.start) })
	return occ
}

// featsOf returns the features of occurrences sorted by feature, without
// repeats.
func featsOf(occ []occurrence) []feat {
	fs := make([]feat, 0, len(occ))
	for _, o := range occ {
		if n := len(fs); n == 0 || fs[n-1] != o.f {
			fs = append(fs, o.f)
		}
	}
	return fs
}

// setOf returns the features of a count list.
func setOf(fc []featCount) []feat {
	s := make([]feat, len(fc))
	for i, c := range fc {
		s[i] = c.f
	}
	return s
}

// freqs counts, for each feature, how many units have it: sorted features
// and their counts.
type freqs struct {
	keys []feat
	n    []int32
}

func newFreqs(all []feat) freqs {
	var fr freqs
	for _, c := range countRuns(all) {
		fr.keys = append(fr.keys, c.f)
		fr.n = append(fr.n, c.n)
	}
	return fr
}

// of returns the count of feature f.
func (fr freqs) of(f feat) int {
	if i, ok := slices.BinarySearch(fr.keys, f); ok {
		return int(fr.n[i])
	}
	return 0
}

// model holds the documents of a corpus and the document frequencies that
// weight them.
type model struct {
	docs map[*corpus.Unit]*doc
	df   freqs // bigram → units it stands in
	df3  freqs // trigram, quoted term or figure → units it stands in
	n    int
}

// base is what a unit's document holds whichever pair of reports it is
// weighed in: its features, headings, clauses and the places of its rare
// candidates. A report is weighed in up to four pairs (with the report
// before and after it, and the reports two years off); its units' bases are
// made once (see Result.link).
type base struct {
	grams            []featCount
	filter           bloom
	heading, section []feat
	opener, leader   bool
	themes           []entry
	runes            []rune
	clauses          []clause     // unweighted: each model weighs a copy
	occ              []occurrence // by feature, then place
}

func newBase(u *corpus.Unit, cl Classification) *base {
	f := hanzi.Lower(u.Folded())
	b := &base{grams: grams(f)}
	for _, c := range b.grams {
		b.filter.add(c.f)
	}
	if u.Heading != "" {
		b.heading = setOf(grams(hanzi.Lower(hanzi.Fold(u.Heading))))
	}
	b.opener, b.leader = opens(u), leads(u)
	b.section = setOf(grams(hanzi.Lower(hanzi.Fold(u.SectionTitle() + "|" + u.SubsectionTitle()))))
	themes := vector{}
	for k, v := range cl.Scores {
		themes[hashOf(k)] = v
	}
	b.themes = sorted(themes)
	b.runes = []rune(f)
	b.clauses = clauses(b.runes)
	b.occ = rareCandidates(f)
	slices.SortFunc(b.occ, func(a, b occurrence) int {
		if c := cmp.Compare(a.f, b.f); c != 0 {
			return c
		}
		return cmp.Compare(a.start, b.start)
	})
	return b
}

// newModel builds the documents of every unit, with IDF weights over all of
// them: a bigram found in every paragraph (发展, 工作) weighs little, one found
// in a few (简易, 腾退) much. The work of each unit runs in parallel; the
// counts are added up in unit order, so the result is the same on every run.
// bases, when not nil, holds the bases of units already made and receives
// those made here.
func newModel(units []*corpus.Unit, classes map[*corpus.Unit]Classification, reports int, bases map[*corpus.Unit]*base) *model {
	m := &model{docs: map[*corpus.Unit]*doc{}, n: len(units)}
	docs := make([]*doc, len(units))
	rareOf := make([][]occurrence, len(units))
	bs := make([]*base, len(units))
	for i, u := range units {
		bs[i] = bases[u]
	}
	work.Each(len(units), func(i int) {
		u := units[i]
		if bs[i] == nil {
			bs[i] = newBase(u, classes[u])
		}
		b := bs[i]
		d := &doc{unit: u, grams: b.grams, filter: b.filter, heading: b.heading, section: b.section, opener: b.opener, leader: b.leader,
			themes: b.themes, runes: b.runes, clauses: slices.Clone(b.clauses), class: classes[u]}
		docs[i], rareOf[i] = d, b.occ
	})
	if bases != nil {
		for i, u := range units {
			bases[u] = bs[i]
		}
	}
	var all, all3 []feat
	for i, d := range docs {
		for _, c := range d.grams {
			all = append(all, c.f)
		}
		all3 = append(all3, featsOf(rareOf[i])...)
		m.docs[d.unit] = d
	}
	m.df, m.df3 = newFreqs(all), newFreqs(all3)
	// A trigram is rare when it stands in no more than two units per
	// report: a name that comes back in a year's review and plan, not a
	// phrase of every paragraph.
	limit := rareUnits * max(1, reports)
	work.Each(len(units), func(i int) {
		d := docs[i]
		for _, f := range featsOf(rareOf[i]) {
			if m.df3.of(f) <= limit {
				d.rare = append(d.rare, f)
			}
		}
		k := 0
		for _, o := range rareOf[i] { // both sorted by feature
			for k < len(d.rare) && d.rare[k] < o.f {
				k++
			}
			if k < len(d.rare) && d.rare[k] == o.f {
				d.rareAt = append(d.rareAt, o)
			}
		}
		idf := make([]float64, len(d.grams))
		v := make(vector, len(d.grams))
		for k, c := range d.grams {
			idf[k] = m.idf(c.f)
			v[c.f] = (1 + math.Log(float64(c.n))) * idf[k]
		}
		d.tfidf = sorted(v)
		weigh(d.clauses, d.grams, idf)
	})
	return m
}

func (m *model) idf(g feat) float64 {
	return math.Log(float64(m.n+1)/float64(m.df.of(g)+1)) + 1
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
	sec := dice(a.section, b.section)
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
	s := Similarity{Measures: Measures{Text: cosine(da.tfidf, db.tfidf), Heading: headingSimilarity(da, db), Theme: cosine(da.themes, db.themes)}}
	n, _ := phrases(da, db, sc)
	s.Rare = math.Min(1, float64(n)/rareFull)
	s.Coverage = math.Min(1, float64(covered(da, db, sc, nil))/coverFull)
	s.Score = wText*s.Text + wHeading*s.Heading + wRare*s.Rare + wTheme*s.Theme + wCoverage*s.Coverage
	return s
}

// shared returns the phrases two units share, in a's words and order: what
// a link shows, computed for links only.
func (m *model) shared(a, b *corpus.Unit) []string {
	_, runs := phrases(m.docs[a], m.docs[b], &scratch{})
	rs := []rune(a.Text)
	var out []string
	for _, r := range runs {
		out = append(out, string(rs[r.start:r.end]))
	}
	return out
}

// withContext adds to a matrix of similarities how well the sections of the
// two units match as a whole: for sections S and T, the mean over the units
// of each of its best score in the other (a section whose topics all come
// back, reworded, matches well even where its opening paragraph is too
// abstract to match on its words). Units outside any titled section are
// their own context.
func withContext(a, b []*corpus.Unit, sims [][]Similarity) {
	type key struct{ s, t *corpus.Section }
	bestA := map[key]float64{} // sum over units of S of their best in T
	bestB := map[key]float64{}
	size := map[*corpus.Section]int{}
	for _, u := range a {
		size[u.Section]++
	}
	for _, v := range b {
		size[v.Section]++
	}
	for i, u := range a {
		best := map[*corpus.Section]float64{}
		for j, v := range b {
			best[v.Section] = math.Max(best[v.Section], sims[i][j].Score)
		}
		for t, x := range best {
			bestA[key{u.Section, t}] += x
		}
	}
	for j, v := range b {
		best := map[*corpus.Section]float64{}
		for i, u := range a {
			best[u.Section] = math.Max(best[u.Section], sims[i][j].Score)
		}
		for s, x := range best {
			bestB[key{s, v.Section}] += x
		}
	}
	for i, u := range a {
		for j, v := range b {
			k := key{u.Section, v.Section}
			ctx := sims[i][j].Score
			if u.Section.Title != "" && v.Section.Title != "" {
				ctx = (bestA[k]/float64(size[u.Section]) + bestB[k]/float64(size[v.Section])) / 2
			}
			sims[i][j].Context = math.Min(1, ctx/contextFull)
			sims[i][j].Score += wContext * sims[i][j].Context
		}
	}
}

// contextFull is the mean best score at which two sections match fully.
const contextFull = 0.5
