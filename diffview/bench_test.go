package diffview

import (
	"testing"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
)

// classify2015To2016 reads the embedded corpus and classifies its 2015 and
// 2016 reports, as the command does before it pairs them.
func classify2015To2016(b *testing.B) (t *align.Themes, from, to *corpus.Report) {
	c, err := corpus.Load("", corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	from, _ = c.Find("2015")
	to, _ = c.Find("2016")
	return align.Classify(c, nil, []*corpus.Report{from, to}), from, to
}

// BenchmarkDiff2015To2016 measures the whole embedded 2015 → 2016 diff as the
// command computes it: read the corpus, classify and pair the two reports,
// compare them. The word list loads once per process, as in the
// command; BenchmarkLoad in internal/segment measures that load alone.
func BenchmarkDiff2015To2016(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		t, from, to := classify2015To2016(b)
		if cmp := Compare(t, from, to, align.Pair(t, from, to, align.DefaultOptions()), Options{}); len(cmp.Pairs) == 0 {
			b.Fatal("no pairs")
		}
	}
}

// BenchmarkCompare2015To2016 measures diffview's share of the embedded
// 2015 → 2016 diff alone: read the texts of the two reports (Prepare) and
// compare the pairs align.Pair gives (Compare). The corpus, the themes and
// the links are computed once, outside the loop.
func BenchmarkCompare2015To2016(b *testing.B) {
	t, from, to := classify2015To2016(b)
	links := align.Pair(t, from, to, align.DefaultOptions())
	Compare(t, from, to, links, Options{}) // the word list loads once per process
	b.ReportAllocs()
	for b.Loop() {
		if cmp := Compare(t, from, to, links, Options{}); len(cmp.Pairs) == 0 {
			b.Fatal("no pairs")
		}
	}
}
