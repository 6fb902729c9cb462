package corpus_test

import (
	"testing"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/corpus/corpustest"
)

func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := corpus.Load("", corpus.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadSeries reads a series of some fifty real reports (see
// corpustest.SeriesDir); it is skipped where the shared corpora are not.
func BenchmarkLoadSeries(b *testing.B) {
	dir := corpustest.SeriesDir()
	if dir == "" {
		b.Skip("no series of reports here (../shared/corpora)")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := corpus.Load(dir, corpus.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
