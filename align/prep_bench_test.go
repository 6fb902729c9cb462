package align

import (
	"testing"

	"github.com/reportdiff/reportdiff/corpus"
)

// BenchmarkPrepare classifies and weighs the units of two reports, as diff
// does.
func BenchmarkPrepare(b *testing.B) {
	c, _ := corpus.Load("", corpus.Options{})
	a0, _ := c.Find("2015")
	b0, _ := c.Find("2016")
	b.ReportAllocs()
	for b.Loop() {
		Prepare(c, Options{Reports: []*corpus.Report{a0, b0}})
	}
}
