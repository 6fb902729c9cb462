package change

import (
	"math"
	"testing"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/corpus/corpustest"
)

func TestPrioritiesConstructed(t *testing.T) {
	c := corpustest.Build(t, traditional)
	p := MeasurePriorities(align.Classify(c, nil, nil), PriorityOptions{MinCount: 2, Top: 15})
	sums := map[string]float64{}
	for _, s := range p.Shares {
		sums[s.Report.ID+string(s.Part)] += s.Share
		if s.Rank < 1 || s.Rank > len(p.Themes) {
			t.Errorf("rank %d", s.Rank)
		}
	}
	for k, v := range sums {
		if math.Abs(v-1) > 1e-9 {
			t.Errorf("shares of %s add up to %v", k, v)
		}
	}
	if len(p.Terms) == 0 {
		t.Fatal("no words rose or fell")
	}
	// 發展 and 建設 are stop words; 惠民 (twice in the first report, once
	// after) and 服務 (once in the last) are not.
	var fresh []string
	for _, term := range p.Terms {
		if term.G2 < 0 {
			t.Errorf("negative G² %+v", term)
		}
		if term.New {
			fresh = append(fresh, term.Term)
			if term.CountFrom != 0 || term.CountTo == 0 {
				t.Errorf("a new word counted before: %+v", term)
			}
		}
	}
	if len(fresh) == 0 {
		t.Errorf("no new word between the reports in %+v", p.Terms)
	}
}

func TestKeyness(t *testing.T) {
	a := map[string]int{"疏解": 2, "文化": 50, "旧词": 6}
	b := map[string]int{"疏解": 30, "文化": 50, "新词": 6}
	r1, r2 := &corpus.Report{ID: "a"}, &corpus.Report{ID: "b"}
	ts := keyness(r1, r2, a, b, PriorityOptions{MinCount: 5, Top: 10})
	got := map[string]TermChange{}
	for _, t := range ts {
		got[t.Term] = t
	}
	if x := got["疏解"]; !x.Rising || x.G2 < 10 {
		t.Errorf("疏解 %+v", x)
	}
	if !got["新词"].New || !got["旧词"].Vanished {
		t.Errorf("new and vanished: %+v %+v", got["新词"], got["旧词"])
	}
	// G² by hand for 疏解: a=2, b=30, c=58 words, d=86 words.
	e1, e2 := 58.0*32/144, 86.0*32/144
	want := 2 * (2*math.Log(2/e1) + 30*math.Log(30/e2))
	if math.Abs(got["疏解"].G2-want) > 0.001 {
		t.Errorf("G² %v, want %v", got["疏解"].G2, want)
	}
}
