package change

import (
	_ "embed"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
)

// Share is the part of a report's attention a theme gets.
type Share struct {
	Theme   string
	Report  *corpus.Report
	Part    corpus.PartKind
	Share   float64 // from 0 to 1; the shares of one part of one report add up to 1
	Rank    int     // 1 for the theme with the largest share of the part
	Change  float64 // in percentage points against the previous report's same part
	HasPrev bool    // Change is known
}

// TermChange is a word whose frequency changed between two reports.
type TermChange struct {
	Term               string
	From, To           *corpus.Report
	CountFrom, CountTo int
	G2                 float64 // log-likelihood of the difference
	Rising             bool    // more frequent in To, per word of text
	New, Vanished      bool    // absent from From, or from To
}

// Priorities is what rose and fell in attention.
type Priorities struct {
	Themes []string          // in lexicon order
	Parts  []corpus.PartKind // review, plan
	Shares []Share           // by theme, then report, then part
	Terms  []TermChange      // by pair of reports, then rising before falling, by G²
}

// PriorityOptions change what Priorities measures.
type PriorityOptions struct {
	MinCount int // the least count, in the two reports together, of a word that rose or fell
	Top      int // how many rising and how many falling words per pair of reports; 0 lists none
	From, To *corpus.Report
}

// DefaultPriorityOptions returns the options priorities uses unless told
// otherwise: words counted 5 times or more, the top 15 each way.
func DefaultPriorityOptions() PriorityOptions { return PriorityOptions{MinCount: 5, Top: 15} }

//go:embed data/stopwords.txt
var stopData string

// stopwords returns the stop words (data/stopwords.txt), read on first use.
var stopwords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, line := range dataLines(stopData) {
		for _, w := range strings.Fields(line) {
			m[w] = true
		}
	}
	return m
})

// MeasurePriorities computes the theme shares of the review and plan parts of
// every report and the words that rose and fell between consecutive reports
// (or between opts.From and opts.To). A unit weighs its number of
// characters, spread over the themes by its theme scores, so a long report
// does not count more than a short one and a paragraph about two themes
// counts for both.
func MeasurePriorities(res *align.Themes, opts PriorityOptions) *Priorities {
	opts.Top = max(opts.Top, 0)
	p := &Priorities{Themes: res.Lexicon.IDs(), Parts: []corpus.PartKind{corpus.Review, corpus.Plan}}
	type key struct {
		r    *corpus.Report
		part corpus.PartKind
	}
	weight := map[key]map[string]float64{}
	total := map[key]float64{}
	for _, u := range res.Units {
		k := key{u.Report, u.PartKind()}
		if k.part != corpus.Review && k.part != corpus.Plan {
			continue
		}
		n := float64(utf8.RuneCountInString(u.Text))
		cl := res.Classes[u]
		if weight[k] == nil {
			weight[k] = map[string]float64{}
		}
		scores := cl.Scores
		if len(scores) == 0 || cl.Primary == align.General {
			scores = map[string]float64{cl.Primary: 1}
		}
		for _, t := range p.Themes {
			weight[k][t] += n * scores[t]
		}
		total[k] += n
	}
	for _, t := range p.Themes {
		for i, r := range res.Corpus.Reports {
			for _, part := range p.Parts {
				k := key{r, part}
				if total[k] == 0 {
					continue
				}
				s := Share{Theme: t, Report: r, Part: part, Share: weight[k][t] / total[k]}
				s.Rank = 1
				for _, o := range p.Themes {
					if w := weight[k][o]; w > weight[k][t] || w == weight[k][t] && o < t {
						s.Rank++
					}
				}
				if i > 0 && total[key{res.Corpus.Reports[i-1], part}] > 0 {
					prev := key{res.Corpus.Reports[i-1], part}
					s.Change = (s.Share - weight[prev][t]/total[prev]) * 100
					s.HasPrev = true
				}
				p.Shares = append(p.Shares, s)
			}
		}
	}
	pairs := [][2]*corpus.Report{}
	if opts.From != nil && opts.To != nil {
		pairs = append(pairs, [2]*corpus.Report{opts.From, opts.To})
	} else {
		for i := 0; i+1 < len(res.Corpus.Reports); i++ {
			pairs = append(pairs, [2]*corpus.Report{res.Corpus.Reports[i], res.Corpus.Reports[i+1]})
		}
	}
	counts := map[*corpus.Report]map[string]int{}
	forms := written{}
	for _, pr := range pairs {
		for _, r := range pr {
			if counts[r] == nil {
				counts[r] = wordCounts(r, forms)
			}
		}
		p.Terms = append(p.Terms, keyness(pr[0], pr[1], counts[pr[0]], counts[pr[1]], opts)...)
	}
	for i := range p.Terms {
		if f, ok := forms[p.Terms[i].Term]; ok {
			p.Terms[i].Term = f
		}
	}
	return p
}

// wordCounts counts the words of two characters or more of a report, its
// units' texts folded to Simplified, stop words left out.
// written maps a folded word to the form a text first wrote it in.
type written map[string]string

func wordCounts(r *corpus.Report, forms written) map[string]int {
	m := map[string]int{}
	stop := stopwords()
	var c cutter
	for _, u := range r.Units {
		if u.Role == corpus.RoleFront || u.Role == corpus.RoleSalutation {
			continue
		}
		var orig []rune // the text's runes, read when a word is first seen: folding keeps the number of characters
		folded := u.Folded()
		byteAt, at := 0, 0 // a run's byte offset and rune offset in folded
		for _, hr := range runsWithOffsets(folded) {
			run := hr.text
			at += utf8.RuneCountInString(folded[byteAt:hr.start])
			byteAt = hr.start
			lens, runes := c.cut(run)
			i, b := 0, 0 // the word's rune and byte offsets in run
			for _, l := range lens {
				e := b
				for _, r := range runes[i : i+l] {
					e += utf8.RuneLen(r)
				}
				if l >= 2 {
					w := run[b:e]
					if !stop[w] {
						m[w]++
						if _, ok := forms[w]; !ok {
							if orig == nil {
								orig = []rune(u.Text)
							}
							if at+i+l <= len(orig) {
								forms[w] = string(orig[at+i : at+i+l])
							}
						}
					}
				}
				i, b = i+l, e
			}
		}
	}
	return m
}

// keyness compares the word counts of two reports by Dunning's
// log-likelihood G² (Dunning 1993; Rayson and Garside 2000): for a word
// counted a times in a text of c words and b times in one of d words,
// with expected counts E1 = c(a+b)/(c+d) and E2 = d(a+b)/(c+d),
// G² = 2(a ln(a/E1) + b ln(b/E2)). Words absent from one report and found
// at least three times in the other are new or vanished.
func keyness(from, to *corpus.Report, a, b map[string]int, opts PriorityOptions) []TermChange {
	c, d := 0.0, 0.0
	for _, n := range a {
		c += float64(n)
	}
	for _, n := range b {
		d += float64(n)
	}
	words := map[string]bool{}
	for w := range a {
		words[w] = true
	}
	for w := range b {
		words[w] = true
	}
	var rising, falling []TermChange
	for w := range words {
		x, y := float64(a[w]), float64(b[w])
		if a[w]+b[w] < opts.MinCount && !(a[w] == 0 && b[w] >= 3) && !(b[w] == 0 && a[w] >= 3) {
			continue
		}
		e1, e2 := c*(x+y)/(c+d), d*(x+y)/(c+d)
		g2 := 0.0
		if x > 0 {
			g2 += x * math.Log(x/e1)
		}
		if y > 0 {
			g2 += y * math.Log(y/e2)
		}
		t := TermChange{Term: w, From: from, To: to, CountFrom: a[w], CountTo: b[w], G2: math.Round(2*g2*1000) / 1000,
			Rising: y/d > x/c, New: a[w] == 0, Vanished: b[w] == 0}
		if t.Rising {
			rising = append(rising, t)
		} else {
			falling = append(falling, t)
		}
	}
	byG2 := func(ts []TermChange) []TermChange {
		sort.Slice(ts, func(i, j int) bool {
			if ts[i].G2 != ts[j].G2 {
				return ts[i].G2 > ts[j].G2
			}
			return ts[i].Term < ts[j].Term
		})
		if len(ts) > opts.Top {
			ts = ts[:opts.Top]
		}
		return ts
	}
	return append(byG2(rising), byG2(falling)...)
}
