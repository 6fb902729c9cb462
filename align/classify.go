package align

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/english"
	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/lazyre"
)

// Classification is what a unit is about.
type Classification struct {
	Primary string             // the theme with the highest score
	Scores  map[string]float64 // per theme, adding up to 1 (empty when no word matched)
	Hits    []Hit              // the words that decided, strongest first
	Reason  string             // why the primary theme was chosen when words did not decide it
}

// Hit is a lexicon word found in a unit or its headings.
type Hit struct {
	Theme  string
	Term   string
	Where  string // text, heading (the unit's lead sentence) or section (its section and subsection titles)
	Count  int
	Weight float64 // what it added to the theme's score
}

// generalRoles are roles whose units speak of the report as a whole.
var generalRoles = map[corpus.Role]bool{
	corpus.RoleFront: true, corpus.RoleSalutation: true, corpus.RoleOutcome: true, corpus.RoleTargets: true,
	corpus.RoleGuidelines: true, corpus.RoleThanks: true, corpus.RoleProblems: true, corpus.RoleIntro: true,
}

// Classify scores a unit against every theme. A word counts by its weight
// for each time it occurs (at most three), three times more when it stands in the
// unit's own heading, and the titles of the unit's section and subsection add
// a prior worth a quarter of what the unit's own words give: a unit is classified
// by what it says, helped by where it stands. Units that speak of the report
// as a whole (roles such as targets or thanks, the preamble and closing) are
// general whatever their words.
func (lx *Lexicon) Classify(u *corpus.Unit) Classification {
	var sc lexScratch
	return lx.classify(u, lx.sectionCounts(sectionLine(u), &sc), &sc)
}

// sectionLine is the titles of a unit's section and subsection, as
// Classify reads them.
func sectionLine(u *corpus.Unit) string { return u.SectionTitle() + " " + u.SubsectionTitle() }

// sectionCounts counts the terms of the titles of a section (sectionLine),
// for classify.
func (lx *Lexicon) sectionCounts(line string, sc *lexScratch) []termCount {
	return lx.counts(nil, hanzi.Lower(hanzi.Fold(line)), sc)
}

// classify is Classify, given the terms of the unit's section titles
// (sectionCounts).
func (lx *Lexicon) classify(u *corpus.Unit, section []termCount, sc *lexScratch) Classification {
	text := lx.counts(sc.found[:0], hanzi.Lower(u.Folded()), sc)
	var heading []termCount
	if u.Heading != "" {
		heading = lx.counts(text[len(text):], hanzi.Lower(hanzi.Fold(u.Heading)), sc)
	}
	sc.found = text[:0]
	// The scores of the unit's own words and of its section's titles, by
	// theme (lexicon order), and the themes that have a word.
	nt := len(lx.Themes)
	if len(sc.own) < nt {
		sc.own, sc.prior, sc.has = make([]float64, nt), make([]float64, nt), make([]bool, nt)
	}
	own, prior, found := sc.own[:nt], sc.prior[:nt], sc.has[:nt]
	clear(own)
	clear(prior)
	clear(found)
	// The hits are weighed and sorted as small keys, then written out
	// once: a Hit is 64 bytes, moved many times by a sort.
	keys := sc.hits[:0]
	add := func(terms []termCount, where int8, factor float64, into []float64) {
		for _, c := range terms { // lexicon order, as the hits have always come
			t := &lx.Terms[c.term]
			w := t.Weight * float64(min(c.n, 3)) * factor
			into[t.theme] += w
			found[t.theme] = true
			keys = append(keys, hitKey{w, int32(c.term), int32(c.n), where})
		}
	}
	add(text, hitText, 1, own)
	if u.Heading != "" {
		add(heading, hitHeading, 3, own)
	}
	add(section, hitSection, 1, prior)
	ownTotal, priorTotal := sum(own), sum(prior)
	scores := own
	if priorTotal > 0 {
		scale := 0.25 * ownTotal / priorTotal
		if ownTotal == 0 {
			scale = 1
		}
		for k, v := range prior {
			scores[k] += v * scale
		}
		for i := range keys {
			if keys[i].where == hitSection {
				keys[i].weight *= scale
			}
		}
	}
	c := Classification{Scores: map[string]float64{}}
	if total := sum(scores); total > 0 {
		for k, v := range scores {
			if found[k] {
				c.Scores[lx.Themes[k].ID] = math.Round(v/total*1000) / 1000
			}
		}
	}
	slices.SortStableFunc(keys, func(a, b hitKey) int { return cmp.Compare(b.weight, a.weight) })
	hits := make([]Hit, len(keys))
	for i, k := range keys {
		t := &lx.Terms[k.term]
		hits[i] = Hit{Theme: t.Theme, Term: t.Text, Where: hitWhere[k.where], Count: int(k.n), Weight: k.weight}
	}
	sc.hits = keys
	c.Hits = hits
	c.Primary = lx.best(c.Scores)
	kind := u.PartKind()
	switch {
	case generalRoles[u.Role] && !(u.Role == corpus.RoleOutcome && u.Heading != ""):
		// An outcome paragraph with a topic of its own (——人民生活持续改善。…)
		// is classified by its words; a bare list of figures is general.
		c.Primary, c.Reason = General, english.A(string(u.Role))+" paragraph speaks of the report as a whole"
	case kind == corpus.Preamble || kind == corpus.Closing:
		c.Primary, c.Reason = General, "the "+string(kind)+" speaks of the report as a whole"
	case (kind == corpus.Review || kind == corpus.Plan) && u.SectionTitle() == "" && overview(u) && !namesTopic(u, hits):
		c.Primary, c.Reason = General, "a paragraph before the first topic speaks of the "+string(kind)+" as a whole"
	case strings.HasPrefix(u.Folded(), "各位代表") && !concentrated(c, hits):
		c.Primary, c.Reason = General, "a paragraph addressed to the deputies sums up"
	case c.Primary == "":
		c.Primary, c.Reason = General, "no word of the lexicon"
	}
	return c
}

// hitKey is a Hit while classify weighs and sorts it: its weight, its term
// (index), count and place (hitWhere).
type hitKey struct {
	weight  float64
	term, n int32
	where   int8
}

// Places of a hit: indices of hitWhere.
const (
	hitText int8 = iota
	hitHeading
	hitSection
)

// hitWhere names the places of a hit, as Hit.Where says them.
var hitWhere = [...]string{hitText: "text", hitHeading: "heading", hitSection: "section"}

// reSceneLead matches the start of a lead sentence that places the year
// rather than naming a topic: 今年是…之年, 2035年是不平凡的一年, 过去五年….
var reSceneLead = lazyre.New(`^(今年|去年|明年|当年|上年|过去|刚刚过去|本届|新的一年|一年来|五年来|[0-9]{4}年|“?十[一二三四五六七八九]五”?)`)

// namesTopic reports whether a paragraph outside any section opens with a
// lead sentence of its own that names a topic (积极的财政政策要更加积极有为): a
// heading that neither places the year (今年经济社会发展任务重, 2035年是…)
// nor holds a word of the general theme (开局之年, 总体要求). Such a
// paragraph is classified by its words like any topic paragraph; one that
// sets the scene without a lead sentence is an overview of its part.
func namesTopic(u *corpus.Unit, hits []Hit) bool {
	if u.Heading == "" || reSceneLead.MatchString(hanzi.Fold(u.Heading)) {
		return false
	}
	for _, h := range hits {
		if h.Where == "heading" && h.Theme == General {
			return false
		}
	}
	return true
}

// Thresholds of concentrated: a paragraph addressed to the deputies is
// about one theme when that theme holds at least half its score and its own
// words weigh at least this much (ten words that lean towards a theme, or a
// few that name it). Measured on the seed, the national reports and four
// provinces' reports: the closing calls and the summings-up of a year spread
// over several themes or hold few words (under 30), while the paragraphs
// that report or promise the government's own conduct, a list of practical
// matters done for the people or the work on ethnic affairs hold more than
// half on one theme and weigh 30 to 250.
const (
	concentratedShare  = 0.5
	concentratedWeight = 30
)

// concentrated reports whether a unit's own words (its text and heading,
// not its section's title) are about one theme.
func concentrated(c Classification, hits []Hit) bool {
	own := 0.0
	for _, h := range hits {
		if h.Where != "section" {
			own += h.Weight
		}
	}
	return c.Primary != "" && c.Primary != General && c.Scores[c.Primary] >= concentratedShare && own >= concentratedWeight
}

// overview reports whether u, a unit outside any titled section, opens its
// part before the first topic: before the part's first titled section, or,
// in a part without sections (a review told in 一是…二是… paragraphs), a
// paragraph without a lead sentence before the first that has one.
func overview(u *corpus.Unit) bool {
	titled := false
	for _, s := range u.Part.Sections {
		titled = titled || s.Title != ""
	}
	if titled {
		return true
	}
	for _, v := range u.Report.Units {
		if v.Part != u.Part {
			continue
		}
		if v == u {
			return u.Heading == ""
		}
		if v.Heading != "" {
			return false
		}
	}
	return false
}

// best returns the theme with the highest score, the earlier in the lexicon
// on ties, or "".
func (lx *Lexicon) best(scores map[string]float64) string {
	best, bestScore := "", 0.0
	for _, t := range lx.Themes {
		if s := scores[t.ID]; s > bestScore {
			best, bestScore = t.ID, s
		}
	}
	return best
}

// sum adds the scores of the themes up in lexicon order, the same on every
// run.
func sum(scores []float64) float64 {
	t := 0.0
	for _, x := range scores {
		t += x
	}
	return t
}
