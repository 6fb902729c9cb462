package align

import (
	"fmt"
	"sort"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/work"
)

// Kinds of link.
const (
	Continuity = "continuity" // the same topic in the same kind of part of two reports
	Followup   = "followup"   // a promise of a plan part and the report on it in the next year's review
)

// DefaultMinScore is the least similarity for a link. It was chosen on the
// embedded corpus: pairs that a reader judges to be the same topic mostly
// score 0.25 and up (reworded topic paragraphs around 0.3 to 0.5, stock
// paragraphs such as targets and thanks higher), while neighbouring topics
// of one section stay below.
const DefaultMinScore = 0.25

// splitMargin is how much more than the minimum a second link of a unit
// (a topic that split or merged) must score.
const splitMargin = 0.05

// Options change how reports are aligned.
type Options struct {
	Lexicon  *Lexicon // nil means DefaultLexicon()
	MinScore float64  // 0 means DefaultMinScore
	// Reports, when set, limits Prepare to these reports: their units are
	// classified and weighed among themselves (diff needs two reports only).
	Reports []*corpus.Report
}

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
	Corpus   *corpus.Corpus
	Lexicon  *Lexicon
	Units    []*corpus.Unit // the units aligned, in corpus order
	Classes  map[*corpus.Unit]Classification
	Links    []Link
	Threads  []Thread // topics through two reports or more
	Singles  []Thread // topics in one report only: new or dropped
	model    *model
	minScore float64
}

// Align classifies every unit of a corpus and links the units of
// consecutive reports that speak of the same topic. See the package
// documentation for the method.
func Align(c *corpus.Corpus, opts Options) *Result {
	res := Prepare(c, opts)
	res.link()
	return res
}

// Prepare classifies every unit and builds the similarity model, but links
// nothing: Match then links any two reports.
func Prepare(c *corpus.Corpus, opts Options) *Result {
	if opts.Lexicon == nil {
		opts.Lexicon = DefaultLexicon()
	}
	if opts.MinScore == 0 {
		opts.MinScore = DefaultMinScore
	}
	res := &Result{Corpus: c, Lexicon: opts.Lexicon, Classes: map[*corpus.Unit]Classification{}}
	reports := c.Reports
	if opts.Reports != nil {
		reports = opts.Reports
	}
	for _, r := range reports {
		for _, u := range r.Units {
			if u.Role == corpus.RoleFront || u.Role == corpus.RoleSalutation || u.Text == "" {
				continue
			}
			res.Units = append(res.Units, u)
		}
	}
	classes := make([]Classification, len(res.Units))
	work.Each(len(res.Units), func(i int) { classes[i] = opts.Lexicon.Classify(res.Units[i]) })
	for i, u := range res.Units {
		res.Classes[u] = classes[i]
	}
	res.model = newModel(res.Units, res.Classes, len(reports))
	res.minScore = opts.MinScore
	return res
}

// link makes the continuity and followup links of consecutive reports and
// the threads.
func (res *Result) link() {
	c := res.Corpus
	opts := Options{MinScore: res.minScore}
	byReport := map[*corpus.Report]map[corpus.PartKind][]*corpus.Unit{}
	for _, u := range res.Units {
		if byReport[u.Report] == nil {
			byReport[u.Report] = map[corpus.PartKind][]*corpus.Unit{}
		}
		byReport[u.Report][u.PartKind()] = append(byReport[u.Report][u.PartKind()], u)
	}
	kinds := []corpus.PartKind{corpus.Preamble, corpus.Review, corpus.Plan, corpus.Outline, corpus.Closing}
	rs := c.Reports
	for i := 0; i+1 < len(rs); i++ {
		a, b := byReport[rs[i]], byReport[rs[i+1]]
		for _, k := range kinds {
			res.Links = append(res.Links, res.match(a[k], b[k], Continuity, opts.MinScore)...)
		}
		res.Links = append(res.Links, res.match(a[corpus.Plan], b[corpus.Review], Followup, opts.MinScore)...)
	}
	// A topic may skip a year: units left without a continuity link to the
	// next report are matched with the report after it.
	for i := 0; i+2 < len(rs); i++ {
		for _, k := range kinds {
			from := res.unlinked(byReport[rs[i]][k], true)
			to := res.unlinked(byReport[rs[i+2]][k], false)
			res.Links = append(res.Links, res.match(from, to, Continuity, opts.MinScore+splitMargin)...)
		}
	}
	res.fillShared(res.Links)
	sort.SliceStable(res.Links, func(i, j int) bool {
		a, b := res.Links[i], res.Links[j]
		if a.From.Report != b.From.Report {
			return c.Index(a.From.Report) < c.Index(b.From.Report)
		}
		if a.From.Seq != b.From.Seq {
			return a.From.Seq < b.From.Seq
		}
		if a.To.Report != b.To.Report {
			return c.Index(a.To.Report) < c.Index(b.To.Report)
		}
		return a.To.Seq < b.To.Seq
	})
	res.threads()
}

// unlinked returns the units that have no continuity link forward (forward
// true) or backward.
func (res *Result) unlinked(units []*corpus.Unit, forward bool) []*corpus.Unit {
	linked := map[*corpus.Unit]bool{}
	for _, l := range res.Links {
		if l.Kind != Continuity {
			continue
		}
		if forward {
			linked[l.From] = true
		} else {
			linked[l.To] = true
		}
	}
	var out []*corpus.Unit
	for _, u := range units {
		if !linked[u] {
			out = append(out, u)
		}
	}
	return out
}

// match links the units of a to those of b: an optimal one-to-one
// assignment of the pairs scoring at least min, then, for topics that split
// or merged, a second link for a unit left out whose best partner scores
// min+splitMargin or more.
func (res *Result) match(a, b []*corpus.Unit, kind string, min float64) []Link {
	if len(a) == 0 || len(b) == 0 {
		return nil
	}
	sims := make([][]Similarity, len(a))
	w := make([][]float64, len(a))
	work.Each(len(a), func(i int) {
		sims[i] = make([]Similarity, len(b))
		w[i] = make([]float64, len(b))
		for j, v := range b {
			sims[i][j] = res.model.similarity(a[i], v)
		}
	})
	withContext(a, b, sims)
	for i, u := range a {
		for j, v := range b {
			if (res.Classes[u].Primary == General) != (res.Classes[v].Primary == General) {
				// A paragraph about the report as a whole (targets, thanks,
				// problems) is no topic of a section, nor the other way.
				sims[i][j].Score = 0
			}
			if s := sims[i][j].Score; s >= min {
				w[i][j] = s
			}
		}
	}
	pick := assign(w)
	var links []Link
	usedB := make([]bool, len(b))
	for i, j := range pick {
		if j >= 0 {
			links = append(links, Link{From: a[i], To: b[j], Kind: kind, Similarity: sims[i][j]})
			usedB[j] = true
		}
	}
	for j := range b {
		if usedB[j] {
			continue
		}
		best := -1
		for i := range a {
			if best < 0 || sims[i][j].Score > sims[best][j].Score {
				best = i
			}
		}
		if sims[best][j].Score >= min+splitMargin {
			links = append(links, Link{From: a[best], To: b[j], Kind: kind, Similarity: sims[best][j]})
		}
	}
	for i, j := range pick {
		if j >= 0 {
			continue
		}
		best := 0
		for k := range b {
			if sims[i][k].Score > sims[i][best].Score {
				best = k
			}
		}
		if sims[i][best].Score >= min+splitMargin {
			links = append(links, Link{From: a[i], To: b[best], Kind: kind, Similarity: sims[i][best]})
		}
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

// Similarity returns the similarity of any two units of the corpus.
func (res *Result) Similarity(a, b *corpus.Unit) Similarity {
	s := res.model.similarity(a, b)
	s.Shared = res.model.shared(a, b)
	return s
}

// fillShared names the rare words each link's units share.
func (res *Result) fillShared(links []Link) {
	for i := range links {
		links[i].Shared = res.model.shared(links[i].From, links[i].To)
	}
}

// Match links the units of any two reports of the corpus, part by part, as
// continuity links between consecutive reports are made. For two
// consecutive reports it gives the continuity links Align found between
// them, less those that skip a year.
func (res *Result) Match(a, b *corpus.Report, minScore float64) []Link {
	if minScore == 0 {
		minScore = DefaultMinScore
	}
	kinds := []corpus.PartKind{corpus.Preamble, corpus.Review, corpus.Plan, corpus.Outline, corpus.Closing}
	var links []Link
	for _, k := range kinds {
		links = append(links, res.match(res.unitsOf(a, k), res.unitsOf(b, k), Continuity, minScore)...)
	}
	res.fillShared(links)
	return links
}

func (res *Result) unitsOf(r *corpus.Report, k corpus.PartKind) []*corpus.Unit {
	var us []*corpus.Unit
	for _, u := range res.Units {
		if u.Report == r && u.PartKind() == k {
			us = append(us, u)
		}
	}
	return us
}
