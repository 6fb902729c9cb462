// Package corpustest builds corpora from constructed text for the tests of
// the packages that read them.
package corpustest

import (
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
