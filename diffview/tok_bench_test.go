package diffview

import (
	"testing"

	"github.com/reportdiff/reportdiff/corpus"
)

// BenchmarkTokenize cuts every unit of the 2015 and 2016 reports into words.
func BenchmarkTokenize(b *testing.B) {
	c, _ := corpus.Load("", corpus.Options{})
	var texts []string
	for _, y := range []string{"2015", "2016"} {
		r, _ := c.Find(y)
		for _, u := range r.Units {
			texts = append(texts, u.Text)
		}
	}
	Tokenize(texts[0], Options{})
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Tokenize(t, Options{})
		}
	}
}
