package align

import (
	"fmt"
	"slices"
	"strings"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/english"
)

// Explanation says how two units compare and why a link was or was not
// made between them: what `align --explain A B` shows.
type Explanation struct {
	From, To *corpus.Unit // From stands in the earlier report
	Swapped  bool         // the units were asked for in the other order
	Kind     string       // the kind of link the two may have: Continuity, Followup, or "" when none
	Similarity
	Covered    []CoveredClause // clauses of From that stand nearly word for word in To
	MinScore   float64         // the least score of a link
	Clear      float64         // the score that keeps a unit's best partner beside its assigned one
	Rank       int             // To's rank among From's candidates, 1 for the best
	Candidates []Candidate     // every unit of To's part of To's report, best first
	Linked     bool
	Why        string // how the link was made, or why it was not
}

// ScoreWeights returns the weights of the measures of a similarity in its
// score; they add up to 1.
func ScoreWeights() Measures {
	return Measures{Text: wText, Heading: wHeading, Rare: wRare, Theme: wTheme, Context: wContext, Coverage: wCoverage}
}

// CoveredClause is a clause of one unit found in another, with the clause
// that holds it, as written in each.
type CoveredClause struct {
	From, To string
	Overlap  float64
}

// Candidate is a unit that a unit might be linked to, with their score
// (0 when the pair may not link, see Barred).
type Candidate struct {
	Unit   *corpus.Unit
	Score  float64
	Barred string // why the pair may not link whatever it scores, or ""
	Linked bool
}

// Explain compares units a and b of different reports as the links of
// their two reports do: with the model of the two reports and the context
// of their sections among the units of their two parts.
func (res *Result) Explain(a, b *corpus.Unit) Explanation {
	ex := Explanation{From: a, To: b, MinScore: res.minScore, Clear: res.minScore + splitMargin}
	c := res.Corpus
	if c.Index(a.Report) > c.Index(b.Report) {
		ex.From, ex.To, ex.Swapped = b, a, true
	}
	from, to := ex.From, ex.To
	switch {
	case from.PartKind() == to.PartKind():
		ex.Kind = Continuity
	case from.PartKind() == corpus.Plan && to.PartKind() == corpus.Review:
		ex.Kind = Followup
	}
	m := res.modelOf(from.Report, to.Report)
	kind := ex.Kind
	if kind == "" {
		kind = Continuity // to weigh the pair all the same
	}
	bl := res.block(m, res.byPart(from.Report, from.PartKind()), res.byPart(to.Report, to.PartKind()), kind)
	i, j := slices.Index(bl.a, from), slices.Index(bl.b, to)
	if i < 0 || j < 0 {
		ex.Why = "a unit without a topic (front matter, salutation or empty) is never linked"
		return ex
	}
	ex.Similarity = bl.similarity(i, j)
	ex.Shared = m.shared(from, to)
	fr, tr := []rune(from.Text), []rune(to.Text)
	covered(m.docs[from], m.docs[to], &scratch{}, func(x clauseMatch) {
		ex.Covered = append(ex.Covered, CoveredClause{From: string(fr[x.A.start:x.A.end]), To: string(tr[x.B.start:x.B.end]), Overlap: x.Overlap})
	})
	linked := map[*corpus.Unit]bool{}
	for _, l := range res.Links {
		if l.From == from && l.Kind == ex.Kind {
			linked[l.To] = true
		}
	}
	for k, v := range bl.b {
		ex.Candidates = append(ex.Candidates, Candidate{Unit: v, Score: bl.sims[bl.at(i, k)].Score, Barred: bl.bars[bl.at(i, k)].String(), Linked: linked[v]})
	}
	slices.SortStableFunc(ex.Candidates, func(x, y Candidate) int {
		switch {
		case x.Score > y.Score:
			return -1
		case x.Score < y.Score:
			return 1
		}
		return 0
	})
	for k, cand := range ex.Candidates {
		if cand.Unit == to {
			ex.Rank = k + 1
		}
	}
	ex.Linked = linked[to]
	ex.Why = res.why(ex, bl, i, j)
	return ex
}

// why says how the link of pair (i, j) of block bl was made, or why it was
// not.
func (res *Result) why(ex Explanation, bl *block, i, j int) string {
	c := res.Corpus
	gap := c.Index(ex.To.Report) - c.Index(ex.From.Report)
	switch {
	case gap == 0:
		return "the two units stand in one report: links join different reports"
	case ex.Kind == "":
		return fmt.Sprintf("%s unit and %s unit are never linked: continuity links join the same kind of part, followups a plan to the next report's review", english.A(string(ex.From.PartKind())), english.A(string(ex.To.PartKind())))
	case gap > 2 || gap == 2 && ex.Kind == Followup:
		return "the reports are not consecutive: links join consecutive reports (and, for a topic that skips a year, a unit with no link to the next report to the report after it)"
	case bl.bars[bl.at(i, j)] != barNone:
		return bl.bars[bl.at(i, j)].String()
	}
	s, min := bl.sims[bl.at(i, j)].Score, ex.MinScore
	if gap == 2 {
		min = ex.Clear // a topic that skips a year must clear the threshold
		if ex.Linked {
			return fmt.Sprintf("a topic that skips a year: neither unit is linked across the report between, and the pair scores %.3f, at least %.2f", s, min)
		}
		if s < min {
			return fmt.Sprintf("scores %.3f, below %.2f, the least for a topic that skips a year", s, min)
		}
		return "a topic that skips a year is linked only when neither unit has a link across the report between"
	}
	d := bl.decide(min)
	name := func(k int, inB bool) string {
		switch {
		case k < 0:
			return "none"
		case inB:
			return fmt.Sprintf("%s (%.3f)", bl.b[k].ID, bl.score(i, k))
		}
		return fmt.Sprintf("%s (%.3f)", bl.a[k].ID, bl.score(k, j))
	}
	if ex.Linked {
		var how []string
		bestOf := func(u, of *corpus.Unit) string { return fmt.Sprintf("%s is the best partner of %s", u.ID, of.ID) }
		if d.pick[i] == j {
			how = append(how, "the optimal assignment pairs them")
			switch {
			case d.bestA[i] == j:
				how = append(how, bestOf(ex.To, ex.From))
			case d.bestB[j] == i:
				how = append(how, bestOf(ex.From, ex.To))
			default:
				how = append(how, fmt.Sprintf("neither is the other's best partner, but the pair clears %.2f", d.clear))
			}
		} else {
			if d.bestA[i] == j {
				how = append(how, bestOf(ex.To, ex.From))
			}
			if d.bestB[j] == i {
				how = append(how, bestOf(ex.From, ex.To))
			}
			how = append(how, fmt.Sprintf("a second link, clearing %.2f (a topic that split or merged)", d.clear))
		}
		return strings.Join(how, "; ")
	}
	if s < min {
		return fmt.Sprintf("scores %.3f, below the threshold %.2f", s, min)
	}
	if d.pick[i] == j {
		return fmt.Sprintf("the assignment paired them, but neither is the other's best partner and the pair scores under %.2f: a filler, dropped", d.clear)
	}
	var why []string
	if k := d.pick[i]; k >= 0 {
		why = append(why, fmt.Sprintf("the assignment gave %s to %s", ex.From.ID, name(k, true)))
	} else {
		why = append(why, fmt.Sprintf("the assignment left %s unpaired", ex.From.ID))
	}
	if k := slices.Index(d.pick, j); k >= 0 {
		why = append(why, fmt.Sprintf("%s to %s", ex.To.ID, name(k, false)))
	}
	switch {
	case d.bestA[i] == j || d.bestB[j] == i:
		why = append(why, fmt.Sprintf("the pair is a best partner but scores under %.2f, the least for a second link", d.clear))
	default:
		why = append(why, fmt.Sprintf("the pair is neither unit's best partner (%s's is %s, %s's is %s)", ex.From.ID, name(d.bestA[i], true), ex.To.ID, name(d.bestB[j], false)))
	}
	return strings.Join(why, "; ")
}
