package align

import (
	"testing"

	"github.com/reportdiff/reportdiff/corpus"
)

// BenchmarkPair classifies and pairs the units of two reports, as diff
// does.
func BenchmarkPair(b *testing.B) {
	c, _ := corpus.Load("", corpus.Options{})
	a0, _ := c.Find("2015")
	b0, _ := c.Find("2016")
	b.ReportAllocs()
	for b.Loop() {
		t := Classify(c, nil, []*corpus.Report{a0, b0})
		Pair(t, a0, b0, DefaultOptions())
	}
}
