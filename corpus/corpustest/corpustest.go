// Package corpustest builds corpora from constructed text for the tests of
// the packages that read them.
package corpustest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reportdiff/reportdiff/corpus"
)

// Build reads text (reports marked 篇N, as in one file holding several) into
// a corpus, failing the test if it cannot be read.
func Build(t testing.TB, text string) *corpus.Corpus {
	t.Helper()
	c, err := corpus.FromText("t.txt", text)
	if err != nil {
		t.Fatalf("reading the constructed corpus: %v", err)
	}
	return c
}

// SeriesDir returns the folder of the longest series of real reports of one
// government in the shared corpora (../shared/corpora/provinces beside the
// repository, found from the working directory up), for benchmarks on a
// series of some fifty reports; "" where the shared corpora are not.
func SeriesDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for range 5 {
		provinces := filepath.Join(dir, "shared", "corpora", "provinces")
		if entries, err := os.ReadDir(provinces); err == nil {
			best, most := "", 0
			for _, e := range entries {
				if !e.IsDir() {
					continue
				}
				files, _ := os.ReadDir(filepath.Join(provinces, e.Name()))
				if len(files) > most {
					best, most = filepath.Join(provinces, e.Name()), len(files)
				}
			}
			return best
		}
		dir = filepath.Dir(dir)
	}
	return ""
}

// LoadSeries reads the series SeriesDir names, skipping the benchmark where
// there is none.
func LoadSeries(b testing.TB) *corpus.Corpus {
	b.Helper()
	dir := SeriesDir()
	if dir == "" {
		b.Skip("no series of reports here (../shared/corpora)")
	}
	c, err := corpus.Load(dir, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return c
}
