package diffview

import (
	"io"
	"testing"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
)

// BenchmarkDiff2015To2016 measures the whole embedded 2015 → 2016 diff as the
// command runs it: read the corpus, align it, compare the two reports and
// write the inline view. The word list loads once per process, as in the
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
		res := align.Prepare(c, align.Options{Reports: []*corpus.Report{from, to}})
		cmp := Compare(res, from, to, 0, Options{})
		if err := Inline(io.Discard, cmp, Style{Width: 100}, func(s string) string { return s }); err != nil {
			b.Fatal(err)
		}
	}
}
