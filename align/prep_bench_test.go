package align

import (
	"testing"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/corpus/corpustest"
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

// BenchmarkAlignSeries aligns a series of some fifty real reports (see
// corpustest.SeriesDir); skipped where the shared corpora are not.
func BenchmarkAlignSeries(b *testing.B) {
	c := corpustest.LoadSeries(b)
	b.ReportAllocs()
	for b.Loop() {
		Align(Classify(c, nil, nil), DefaultOptions())
	}
}
