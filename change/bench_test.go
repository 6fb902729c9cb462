package change

import (
	"testing"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/corpus/corpustest"
)

func benchmarkCommitments(b *testing.B, c *corpus.Corpus) {
	t := align.Classify(c, nil, nil)
	n := 0
	for _, r := range c.Reports {
		for _, u := range r.Units {
			n += len(u.Text)
		}
	}
	b.SetBytes(int64(n)) // MB/s: the same at every size when the cost grows with the text
	b.ReportAllocs()
	for b.Loop() {
		FindCommitments(t, CommitmentOptions{})
	}
}

// BenchmarkCommitments finds the commitments of the embedded corpus.
func BenchmarkCommitments(b *testing.B) {
	c, err := corpus.Load("", corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	benchmarkCommitments(b, c)
}

// BenchmarkCommitmentsSeries finds the commitments of every other report
// of a series of some fifty real reports (half the text, of every era) and
// of the whole series. Promises times clauses grows fourfold from one to
// the other; the cost grows with the text and with the mentions found (a
// commitment is followed through every report, so twice the reports give
// some three times the mentions), which MB/s shows. Skipped where the
// shared corpora are not.
func BenchmarkCommitmentsSeries(b *testing.B) {
	c := corpustest.LoadSeries(b)
	half := &corpus.Corpus{Series: c.Series, Sources: c.Sources}
	for i := 0; i < len(c.Reports); i += 2 {
		half.Reports = append(half.Reports, c.Reports[i])
	}
	b.Run("half", func(b *testing.B) { benchmarkCommitments(b, half) })
	b.Run("whole", func(b *testing.B) { benchmarkCommitments(b, c) })
}

// BenchmarkTargets reads the targets of the embedded corpus.
func BenchmarkTargets(b *testing.B) {
	c, err := corpus.Load("", corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	t := align.Classify(c, nil, nil)
	b.ReportAllocs()
	for b.Loop() {
		ReadTargets(t, DefaultTargetOptions())
	}
}

// BenchmarkTargetsSeries reads the targets of a series of some fifty real
// reports. Skipped where the shared corpora are not.
func BenchmarkTargetsSeries(b *testing.B) {
	t := align.Classify(corpustest.LoadSeries(b), nil, nil)
	b.ReportAllocs()
	for b.Loop() {
		ReadTargets(t, DefaultTargetOptions())
	}
}
