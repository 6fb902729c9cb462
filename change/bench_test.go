package change

import (
	"testing"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/corpus/corpustest"
)

func benchmarkCommitments(b *testing.B, c *corpus.Corpus) {
	t := align.Classify(c, nil, nil)
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

// BenchmarkCommitmentsSeries finds the commitments of a series of some
// fifty real reports; its cost grows with the text, not with promises
// times clauses. Skipped where the shared corpora are not.
func BenchmarkCommitmentsSeries(b *testing.B) {
	benchmarkCommitments(b, corpustest.LoadSeries(b))
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
