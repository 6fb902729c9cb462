package diffview

import (
	"testing"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
)

// BenchmarkCompare2015To2016 measures diffview's share of the embedded
// 2015 → 2016 diff alone: read the texts of the two reports (Prepare) and
// compare the pairs align.Pair gives (Compare). The corpus, the themes and
// the links are computed once, outside the loop.
func BenchmarkCompare2015To2016(b *testing.B) {
	c, err := corpus.Load("", corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	from, _ := c.Find("2015")
	to, _ := c.Find("2016")
	t := align.Classify(c, nil, []*corpus.Report{from, to})
	links := align.Pair(t, from, to, align.DefaultOptions())
	Compare(t, from, to, links, Options{}) // the word list loads once per process
	b.ReportAllocs()
	for b.Loop() {
		if cmp := Compare(t, from, to, links, Options{}); len(cmp.Pairs) == 0 {
			b.Fatal("no pairs")
		}
	}
}
