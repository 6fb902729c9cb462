package diffview

import (
	"testing"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
)

// BenchmarkDiff2015To2016 measures the whole embedded 2015 → 2016 diff as the
// command computes it: read the corpus, classify and pair the two reports,
// compare them. The word list loads once per process, as in the
// command; BenchmarkLoad in internal/segment measures that load alone.
func BenchmarkDiff2015To2016(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		c, err := corpus.Load("", corpus.Options{})
		if err != nil {
			b.Fatal(err)
		}
		from, _ := c.Find("2015")
		to, _ := c.Find("2016")
		t := align.Classify(c, nil, []*corpus.Report{from, to})
		if cmp := Compare(t, from, to, align.Pair(t, from, to, align.DefaultOptions()), Options{}); len(cmp.Pairs) == 0 {
			b.Fatal("no pairs")
		}
	}
}
