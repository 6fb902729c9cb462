package check

import (
	"strings"

	"github.com/reportdiff/reportdiff/corpus"
)

// Lint checks a corpus as it stands (corpus.Check) and returns its findings
// as rules of this package, one per problem (a problem the reading warned
// of and the lint found again is told once), each with its fingerprint.
func Lint(c *corpus.Corpus, opts Options) []Finding {
	lines := map[string][]string{}
	for _, src := range c.Sources {
		lines[src.Name] = strings.Split(src.Text, "\n")
	}
	var fs []Finding
	seen := map[[3]string]bool{}
	for _, cf := range corpus.Check(c) {
		// The reading and the lint may both tell that a year is unknown.
		k := [3]string{cf.Rule, cf.File, itoa(cf.Line)}
		if seen[k] && cf.Rule == ruleYearUnknown {
			continue
		}
		seen[k] = true
		f := newFinding(cf.Rule, cf.File, cf.Line, cf.Column, cf.Report, cf.Message)
		// A finding is about the words of its line; one on no line, about
		// its message.
		about := cf.Message
		if ls := lines[cf.File]; cf.Line > 0 && cf.Line <= len(ls) {
			about = strings.TrimSpace(ls[cf.Line-1])
		}
		fs = append(fs, f.about(opts.rel(cf.File), about))
	}
	Sort(fs)
	fingerprint(fs)
	return fs
}
