package change

import (
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
)

// TestSeedQuotes checks, on the embedded corpus, that every status and
// every figure quotes text that is really in the report at the line it
// names, and a few answers a reader of the reports agrees with.
func TestSeedQuotes(t *testing.T) {
	c, err := corpus.Load("", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := c.Sources[0].Text
	ins := ReadTargets(align.Classify(c, nil, nil), DefaultTargetOptions())
	assertQuotes(t, c, ins)
	res := align.Classify(c, nil, nil)
	cs := FindCommitments(res, CommitmentOptions{})
	for _, cm := range cs {
		for _, m := range cm.Mentions {
			if !strings.Contains(lineOf(src, m.Line), m.Text) {
				t.Errorf("%s: %q is not on line %d", cm.Label, m.Text, m.Line)
			}
		}
	}
	find := func(label string) Commitment {
		for _, cm := range cs {
			if strings.Contains(cm.Label, label) {
				return cm
			}
		}
		t.Fatalf("no commitment %s", label)
		return Commitment{}
	}
	if cm := find("雙擁模範城"); cm.Status != Partial || len(cm.Mentions) < 4 {
		t.Errorf("雙擁模範城: %s, %d mentions", cm.Status, len(cm.Mentions))
	}
	center := find("區文化活動中心")
	var missed bool
	for _, m := range center.Mentions {
		missed = missed || m.Status == Missed && strings.Contains(m.Reason, "影響") || m.Status == Missed && strings.Contains(m.Reason, "影响")
	}
	if !missed || center.Status != Achieved {
		t.Errorf("區文化活動中心: %s, missed with reason %v", center.Status, missed)
	}
	var gdp map[int]string
	for _, in := range ins {
		if in.Name == "地区生产总值增长" {
			gdp = verdictsByYear(in)
		}
	}
	if gdp[2014] != Met || gdp[2015] != Met || gdp[2016] != NoOutcome || gdp[2013] != NoTarget {
		t.Errorf("GDP verdicts %v", gdp)
	}
}
