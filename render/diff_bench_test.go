package render

import (
	"bytes"
	"io"
	"testing"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/diffview"
)

// compare2015To2016 compares the 2015 and 2016 reports of the embedded
// corpus as `reportdiff diff 2015 2016` does, keeping the changed pairs.
func compare2015To2016(b *testing.B) (*align.Themes, *diffview.Comparison) {
	c, err := corpus.Load("", corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	from, _ := c.Find("2015")
	to, _ := c.Find("2016")
	t := align.Classify(c, nil, []*corpus.Report{from, to})
	cmp := diffview.Compare(t, from, to, align.Pair(t, from, to, align.DefaultOptions()), diffview.Options{})
	return t, cmp.Filter(diffview.Filter{})
}

// BenchmarkDiffText writes the embedded 2015 → 2016 diff in the text views
// of `reportdiff diff` (inline, side by side, stat), colored and not, into
// a buffer as the command does: the last stage of the command, which runs
// on one processor after everything else.
func BenchmarkDiffText(b *testing.B) {
	t, cmp := compare2015To2016(b)
	views := []struct {
		name string
		view func(io.Writer, *diffview.Comparison, Style, Labeler) error
	}{{"inline", DiffInline}, {"side-by-side", DiffSideBySide}, {"stat", DiffStat}}
	for _, v := range views {
		for _, color := range []bool{false, true} {
			name := v.name
			if color {
				name += "-color"
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					var out bytes.Buffer
					if err := v.view(&out, cmp, Style{Color: color}, t.Label); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
