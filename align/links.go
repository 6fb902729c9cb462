package align

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/work"
)

// Kinds of link.
const (
	Continuity = "continuity" // the same topic in the same kind of part of two reports
	Followup   = "followup"   // a promise of a plan part and the report on it in the next year's review
)

// DefaultMinScore is the least similarity for a link. It was measured on
// the embedded corpus against links judged by hand (see the package
// documentation): nine in ten of the sure links score 0.25 and up, the
// reworded topic paragraphs mostly 0.25 to 0.45, stock paragraphs such as
// targets and thanks higher, while neighbouring topics of one section stay
// below.
const DefaultMinScore = 0.18

// splitMargin is how much more than the minimum a pair must score to be
// linked besides the optimal assignment, as the best partner of one of its
// units (a topic that split or merged), or to stay when the assignment
// made it though it is neither unit's best partner.
const splitMargin = 0.06

// Options change how reports are aligned.
type Options struct {
	// MinScore is the least similarity for a link, from 0 to 1. Zero is a
	// value like any other (every pair that scores at all may link); start
	// from DefaultOptions for the default.
	MinScore float64
}

// DefaultOptions returns the options align uses unless told otherwise.
func DefaultOptions() Options { return Options{MinScore: DefaultMinScore} }

// Link joins two units of different reports that speak of the same topic.
type Link struct {
	From, To *corpus.Unit
	Kind     string
	Similarity
}

// Thread is a chain of continuity links: one topic through two or more
// reports, or a single unit whose topic appears nowhere else.
type Thread struct {
	ID      string
	Theme   string
	Part    corpus.PartKind
	Units   []*corpus.Unit // in year order, then report order
	New     bool           // absent from the first report
	Dropped bool           // absent from the last report
}

// Reports returns how many reports the thread runs through.
func (t Thread) Reports() int {
	seen := map[*corpus.Report]bool{}
	for _, u := range t.Units {
		seen[u.Report] = true
	}
	return len(seen)
}

// Result is the alignment of a corpus.
type Result struct {
	*Themes
	Links    []Link
	Threads  []Thread // topics through two reports or more
	Singles  []Thread // topics in one report only: new or dropped
	minScore float64

	mu     sync.Mutex
	models map[[2]*corpus.Report]*model // the similarity model of each pair of reports compared
}

// Align links the units of consecutive reports that speak of the same
// topic and chains the links into threads. Every pair of reports is weighed
// by a model of its own two reports (see the package documentation), so the
// links Align makes between two consecutive reports are exactly those Pair
// makes for them.
func Align(t *Themes, opts Options) *Result {
	res := &Result{Themes: t, minScore: opts.MinScore, models: map[[2]*corpus.Report]*model{}}
	res.link()
	return res
}

// Pair returns the continuity links between the units of reports a and b,
// part by part: for two consecutive reports of the corpus, exactly the
// continuity links Align makes between them, with the same scores; for any
// other two, the links Align would make were they consecutive. t must hold
// the classes of both reports' units. A report paired with itself links
// every unit to itself. The links' Shared phrases are left empty: a
// comparison of two reports needs the links and their scores, and the
// phrases are named for the views that show them (Align, Result.Explain).
func Pair(t *Themes, a, b *corpus.Report, opts Options) []Link {
	res := &Result{Themes: t, minScore: opts.MinScore, models: map[[2]*corpus.Report]*model{}}
	links := res.continuity(a, b, res.minScore)
	sortLinks(t.Corpus, links)
	return links
}

// partKinds are the kinds of part in report order.
var partKinds = []corpus.PartKind{corpus.Preamble, corpus.Review, corpus.Plan, corpus.Outline, corpus.Closing}

// modelOf returns the similarity model of the units of two reports, built
// once.
func (res *Result) modelOf(a, b *corpus.Report) *model {
	key := [2]*corpus.Report{a, b}
	if res.Corpus.Index(a) > res.Corpus.Index(b) {
		key = [2]*corpus.Report{b, a}
	}
	res.mu.Lock()
	defer res.mu.Unlock()
	if m, ok := res.models[key]; ok {
		return m
	}
	groups := [][]*corpus.Unit{res.unitsOf(key[0])}
	if key[1] != key[0] {
		groups = append(groups, res.unitsOf(key[1]))
	}
	m := newModel(res.Themes, groups)
	res.models[key] = m
	return m
}

// pairModel builds the model of two reports for link, uncached: link holds
// the models of the pairs at hand only.
func (res *Result) pairModel(a, b *corpus.Report) *model {
	return newModel(res.Themes, [][]*corpus.Unit{res.unitsOf(a), res.unitsOf(b)})
}

// unitsOf returns the classified units of a report, in order.
func (res *Result) unitsOf(r *corpus.Report) []*corpus.Unit {
	var us []*corpus.Unit
	for _, u := range r.Units {
		if _, ok := res.Classes[u]; ok {
			us = append(us, u)
		}
	}
	return us
}

// byPart returns the classified units of a report of one kind of part.
func (res *Result) byPart(r *corpus.Report, k corpus.PartKind) []*corpus.Unit {
	var us []*corpus.Unit
	for _, u := range r.Units {
		if _, ok := res.Classes[u]; ok && u.PartKind() == k {
			us = append(us, u)
		}
	}
	return us
}

// continuity links the units of a and b part by part.
func (res *Result) continuity(a, b *corpus.Report, min float64) []Link {
	return res.continuityIn(res.modelOf(a, b), a, b, min)
}

// continuityIn links the units of a and b part by part, weighed by m. The
// parts are matched in parallel, their links kept in part order.
func (res *Result) continuityIn(m *model, a, b *corpus.Report, min float64) []Link {
	byKind := make([][]Link, len(partKinds))
	work.Each(len(partKinds), func(i int) {
		k := partKinds[i]
		byKind[i] = res.match(m, res.byPart(a, k), res.byPart(b, k), Continuity, min)
	})
	var links []Link
	for _, ls := range byKind {
		links = append(links, ls...)
	}
	return links
}

// link makes the continuity and followup links of consecutive reports and
// the threads. It goes through the reports in order, holding the models
// of the pairs at hand only (and what similarity reads of the units of
// three reports at most, see Themes.drop), so that its memory does not grow
// with the number of reports: the links of report i and i+1, then those of
// i-1 and i+1 for a topic that skipped a year, once the links of report i
// both ways are known.
func (res *Result) link() {
	rs := res.Corpus.Reports
	fwd, back := map[*corpus.Unit]bool{}, map[*corpus.Unit]bool{} // units with a continuity link forward, backward
	add := func(m *model, ls []Link) {
		for i := range ls {
			ls[i].Shared = m.shared(ls[i].From, ls[i].To)
			if ls[i].Kind == Continuity {
				fwd[ls[i].From], back[ls[i].To] = true, true
			}
		}
		res.Links = append(res.Links, ls...)
	}
	for i := 0; i+1 < len(rs); i++ {
		m := res.pairModel(rs[i], rs[i+1])
		ls := res.continuityIn(m, rs[i], rs[i+1], res.minScore)
		ls = append(ls, res.match(m, res.byPart(rs[i], corpus.Plan), res.byPart(rs[i+1], corpus.Review), Followup, res.minScore)...)
		add(m, ls)
		if i == 0 {
			continue
		}
		// A topic may skip a year: units of report i-1 left without a
		// continuity link to report i are matched with report i+1.
		a, b := rs[i-1], rs[i+1]
		m = res.pairModel(a, b)
		var skip []Link
		for _, k := range partKinds {
			from := without(res.byPart(a, k), fwd)
			to := without(res.byPart(b, k), back)
			skip = append(skip, res.match(m, from, to, Continuity, res.minScore+splitMargin)...)
		}
		add(m, skip)
		res.drop(a) // report i-1 is weighed in no other pair
	}
	sortLinks(res.Corpus, res.Links)
	res.threads()
}

// without returns the units not in the set.
func without(units []*corpus.Unit, set map[*corpus.Unit]bool) []*corpus.Unit {
	var out []*corpus.Unit
	for _, u := range units {
		if !set[u] {
			out = append(out, u)
		}
	}
	return out
}

// sortLinks orders links by their first unit, then their second, in corpus
// order.
func sortLinks(c *corpus.Corpus, links []Link) {
	index := make(map[*corpus.Report]int, len(c.Reports))
	for i, r := range c.Reports {
		index[r] = i
	}
	sort.SliceStable(links, func(i, j int) bool {
		a, b := links[i], links[j]
		if a.From.Report != b.From.Report {
			return index[a.From.Report] < index[b.From.Report]
		}
		if a.From.Seq != b.From.Seq {
			return a.From.Seq < b.From.Seq
		}
		if a.To.Report != b.To.Report {
			return index[a.To.Report] < index[b.To.Report]
		}
		return a.To.Seq < b.To.Seq
	})
}

// match links the units of a to those of b (see block.link).
func (res *Result) match(m *model, a, b []*corpus.Unit, kind string, min float64) []Link {
	return res.block(m, a, b, kind).link(min)
}

// block is the comparison of the units of two parts: the similarity of
// every pair, with the context of their sections, and the pairs that may
// not link whatever they score.
//
// The pairs are held in one slice each, pair (i, j) at i*len(b)+j (see
// at): a block of two parts of a hundred units each holds ten thousand.
type block struct {
	a, b []*corpus.Unit
	kind string
	sims []weighed
	bars []bar // why a pair may not link, barNone when it may
}

// weighed is the similarity of a pair of units as a block holds it: the
// phrases they share are named for links only (Similarity.Shared).
type weighed struct {
	Score float64
	Measures
}

// at returns the index of pair (i, j) in the block's slices.
func (bl *block) at(i, j int) int { return i*len(bl.b) + j }

// similarity returns the similarity of pair (i, j), without its phrases.
func (bl *block) similarity(i, j int) Similarity {
	s := bl.sims[bl.at(i, j)]
	return Similarity{Score: s.Score, Measures: s.Measures}
}

// bar is a reason a pair may not link whatever it scores.
type bar uint8

// Reasons a pair may not link whatever it scores.
const (
	barNone bar = iota
	barGeneral
	barOpener
	barPromise
	barOpenPlan
	barWords
)

// String says the reason, "" for barNone.
func (b bar) String() string { return barReasons[b] }

var barReasons = [...]string{
	barNone:     "",
	barGeneral:  "one speaks of the report as a whole (general), the other of a topic",
	barOpener:   "one opens its section (states the aim of what follows), the other is a topic paragraph",
	barPromise:  "a followup joins a promise to what was reported on it: among general paragraphs, only targets to outcome figures",
	barOpenPlan: "a followup joins a promise to what was reported on it: the opening of a section states an aim, not a promise",
	barWords:    "their words share next to nothing (no rare phrase, no clause, a text cosine under 0.05): alike sections and themes alone make no link",
}

// minText is the least text cosine of two topic paragraphs that share no
// rare phrase and no clause for them to be linked (barWords says it).
const minText = 0.05

// block computes the similarities of the units of a and b, as linked by
// kind.
func (res *Result) block(m *model, a, b []*corpus.Unit, kind string) *block {
	bl := &block{a: a, b: b, kind: kind}
	if len(a) == 0 || len(b) == 0 {
		return bl
	}
	bl.sims, bl.bars = make([]weighed, len(a)*len(b)), make([]bar, len(a)*len(b))
	inB := make([]int32, m.n)
	for k := range inB {
		inB[k] = -1
	}
	bd := make([]*doc, len(b))
	for j, v := range b {
		bd[j] = m.docs[v]
		inB[bd[j].ord] = int32(j)
	}
	work.Each(len(a), func(i int) {
		sc, _ := m.scratches.Get().(*scratch)
		if sc == nil {
			sc = &scratch{}
		}
		m.similarities(a[i], bd, inB, sc, bl.sims[bl.at(i, 0):bl.at(i+1, 0)])
		m.scratches.Put(sc)
	})
	withContext(a, b, bl.sims)
	for i, u := range a {
		du := m.docs[u]
		for j, v := range b {
			dv, x := bd[j], bl.at(i, j)
			if u.Folded() == v.Folded() {
				bl.sims[x] = identical // the same words: nothing to weigh
			}
			bl.bars[x] = barred(du, dv, kind)
			if s := bl.sims[x]; bl.bars[x] == barNone && s.Text < minText && s.Rare == 0 && s.Coverage == 0 && !(du.opener && dv.opener) {
				bl.bars[x] = barWords
			}
		}
	}
	return bl
}

// barred says why the units of du and dv may not be joined by a link of
// kind, or barNone.
func barred(du, dv *doc, kind string) bar {
	u, v := du.unit, dv.unit
	gu, gv := du.general, dv.general
	switch {
	case gu != gv:
		// A paragraph about the report as a whole (targets, thanks,
		// problems) is no topic of a section, nor the other way.
		return barGeneral
	case du.opener && !dv.leader || dv.opener && !du.leader:
		// The first paragraph of a section with a lead sentence of its
		// own (水是城市的命脉。) may open it too.
		return barOpener
	case kind == Followup && gu && !(u.Role == corpus.RoleTargets && v.Role == corpus.RoleOutcome):
		return barPromise
	case kind == Followup && du.opener:
		return barOpenPlan
	}
	return barNone
}

// score returns the score of pair (i, j) for linking: 0 when it may not
// link.
func (bl *block) score(i, j int) float64 {
	if x := bl.at(i, j); bl.bars[x] == barNone {
		return bl.sims[x].Score
	}
	return 0
}

// best returns the best partner in b of unit i of a (across false) or the
// best partner in a of unit j of b (across true), -1 when every pair is
// barred or scores 0; ties go to the earlier unit.
func (bl *block) best(k int, across bool) int {
	best, bestScore := -1, 0.0
	n := len(bl.b)
	if across {
		n = len(bl.a)
	}
	for x := 0; x < n; x++ {
		i, j := k, x
		if across {
			i, j = x, k
		}
		if s := bl.score(i, j); s > bestScore {
			best, bestScore = x, s
		}
	}
	return best
}

// decision is what link makes of a block: the optimal assignment, each
// unit's best partner, and the pairs kept.
type decision struct {
	pick         []int // the assignment: a's partner in b, or -1
	bestA, bestB []int // each unit's best partner in the other part, or -1
	clear        float64
	keep         map[[2]int]bool
}

// decide links the units of the block: the pairs of an optimal one-to-one
// assignment of the pairs scoring at least min, and each unit's best
// partner when it clears min by splitMargin (a topic that split or merged
// has two partners). An assigned pair that is neither unit's best partner
// and does not clear min by splitMargin is a filler the assignment forced
// and is dropped.
func (bl *block) decide(min float64) decision {
	d := decision{clear: min + splitMargin, keep: map[[2]int]bool{}}
	if len(bl.a) == 0 || len(bl.b) == 0 {
		return d
	}
	w := make([][]float64, len(bl.a))
	for i := range bl.a {
		w[i] = make([]float64, len(bl.b))
		for j := range bl.b {
			if s := bl.score(i, j); s >= min && s > 0 {
				w[i][j] = s
			}
		}
	}
	d.pick = assign(w)
	d.bestA = make([]int, len(bl.a))
	for i := range bl.a {
		d.bestA[i] = bl.best(i, false)
	}
	d.bestB = make([]int, len(bl.b))
	for j := range bl.b {
		d.bestB[j] = bl.best(j, true)
	}
	for i, j := range d.pick {
		if j >= 0 && (d.bestA[i] == j || d.bestB[j] == i || bl.score(i, j) >= d.clear) {
			d.keep[[2]int{i, j}] = true
		}
	}
	for i, j := range d.bestA {
		if j >= 0 && bl.score(i, j) >= d.clear {
			d.keep[[2]int{i, j}] = true
		}
	}
	for j, i := range d.bestB {
		if i >= 0 && bl.score(i, j) >= d.clear {
			d.keep[[2]int{i, j}] = true
		}
	}
	return d
}

// link returns the links decide keeps, in the order of a, then b.
func (bl *block) link(min float64) []Link {
	d := bl.decide(min)
	pairs := make([][2]int, 0, len(d.keep))
	for p := range d.keep {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(p, q [2]int) int { return cmp.Or(cmp.Compare(p[0], q[0]), cmp.Compare(p[1], q[1])) })
	var links []Link
	for _, p := range pairs {
		i, j := p[0], p[1]
		links = append(links, Link{From: bl.a[i], To: bl.b[j], Kind: bl.kind, Similarity: bl.similarity(i, j)})
	}
	return links
}

// threads joins units by their continuity links and names the theme of each
// chain: the primary theme most of its units have.
func (res *Result) threads() {
	parent := map[*corpus.Unit]*corpus.Unit{}
	var find func(u *corpus.Unit) *corpus.Unit
	find = func(u *corpus.Unit) *corpus.Unit {
		if p, ok := parent[u]; ok && p != u {
			r := find(p)
			parent[u] = r
			return r
		}
		return u
	}
	for _, l := range res.Links {
		if l.Kind == Continuity {
			a, b := find(l.From), find(l.To)
			if a != b {
				parent[b] = a
			}
		}
	}
	groups := map[*corpus.Unit][]*corpus.Unit{}
	var order []*corpus.Unit
	for _, u := range res.Units {
		root := find(u)
		if _, ok := groups[root]; !ok {
			order = append(order, root)
		}
		groups[root] = append(groups[root], u)
	}
	if len(res.Corpus.Reports) == 0 {
		return
	}
	first, last := res.Corpus.Reports[0], res.Corpus.Reports[len(res.Corpus.Reports)-1]
	for _, root := range order {
		units := groups[root]
		t := Thread{Theme: res.majority(units), Part: units[0].PartKind(), Units: units}
		t.New = units[0].Report != first
		t.Dropped = units[len(units)-1].Report != last
		if t.Reports() >= 2 {
			t.ID = fmt.Sprintf("t%d", len(res.Threads)+1)
			res.Threads = append(res.Threads, t)
		} else {
			t.ID = fmt.Sprintf("s%d", len(res.Singles)+1)
			res.Singles = append(res.Singles, t)
		}
	}
}

func (res *Result) majority(units []*corpus.Unit) string {
	count := map[string]float64{}
	for _, u := range units {
		count[res.Classes[u].Primary]++
		for k, v := range res.Classes[u].Scores {
			count[k] += v / 100 // scores break ties between equal counts
		}
	}
	best, bestN := General, -1.0
	for _, t := range res.Lexicon.Themes {
		if count[t.ID] > bestN {
			best, bestN = t.ID, count[t.ID]
		}
	}
	return best
}

// identical is the similarity of two units with the same words.
var identical = weighed{Score: 1, Measures: Measures{Text: 1, Heading: 1, Rare: 1, Theme: 1, Context: 1, Coverage: 1}}
