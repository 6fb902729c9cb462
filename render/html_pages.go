package render

import (
	"io"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/change"
	"github.com/reportdiff/reportdiff/check"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/diffview"
)

// The pages of the commands: each is the command's view alone, made of the
// same components as the whole report. A page whose view links to
// paragraphs holds the texts of its reports, so that every link lands.

// CorpusHTML writes the reports with the evidence for their years.
func CorpusHTML(w io.Writer, c *corpus.Corpus, opts HTMLOptions) error {
	return WriteHTML(w, HTMLData{Corpus: c, View: "Reports", Overview: true}, opts)
}

// OutlineHTML writes the reports' parts, sections and paragraphs.
func OutlineHTML(w io.Writer, c *corpus.Corpus, reports []*corpus.Report, opts HTMLOptions) error {
	return WriteHTML(w, HTMLData{Corpus: c, View: "Outline", Reports: reports, Texts: true}, opts)
}

// CheckHTML writes what check found, each finding linked to its paragraph
// of the corpus c.
func CheckHTML(w io.Writer, c *corpus.Corpus, res *check.Result, opts HTMLOptions) error {
	return WriteHTML(w, HTMLData{Corpus: c, View: "Check", Findings: res, Texts: true}, opts)
}

// AlignHTML writes the topics through the years, theme by theme (one
// theme, or one kind of link, as f says).
func AlignHTML(w io.Writer, res *align.Result, f AlignFilter, opts HTMLOptions) error {
	d := HTMLData{Corpus: res.Corpus, View: "Themes", Align: res, AlignKind: f.Kind, Texts: true}
	if f.Theme != "" {
		d.ThemeFilter = []string{f.Theme}
	}
	return WriteHTML(w, d, opts)
}

// DiffHTML writes the wording diff of two reports.
func DiffHTML(w io.Writer, t *align.Themes, c *diffview.Comparison, opts HTMLOptions) error {
	reports := []*corpus.Report{c.A, c.B}
	if c.A == c.B {
		reports = reports[:1]
	} else if t.Corpus.Index(c.A) > t.Corpus.Index(c.B) {
		reports = []*corpus.Report{c.B, c.A}
	}
	return WriteHTML(w, HTMLData{Corpus: t.Corpus, View: "Wording diff", Reports: reports, Themes: t,
		Comparisons: []*diffview.Comparison{c}, Texts: true}, opts)
}

// PrioritiesHTML writes the theme shares and the words that rose and fell.
func PrioritiesHTML(w io.Writer, t *align.Themes, p *change.Priorities, opts HTMLOptions) error {
	return WriteHTML(w, HTMLData{Corpus: t.Corpus, View: "Priorities", Themes: t, Priorities: p}, opts)
}

// CommitmentsHTML writes the commitments, one timeline each.
func CommitmentsHTML(w io.Writer, t *align.Themes, cs []change.Commitment, opts HTMLOptions) error {
	return WriteHTML(w, HTMLData{Corpus: t.Corpus, View: "Commitments", Themes: t, Commitments: nonNil(cs), Texts: true}, opts)
}

// TargetsHTML writes the targets against the outcomes.
func TargetsHTML(w io.Writer, t *align.Themes, ins []change.Indicator, opts HTMLOptions) error {
	return WriteHTML(w, HTMLData{Corpus: t.Corpus, View: "Targets", Themes: t, Indicators: nonNil(ins), Texts: true}, opts)
}

// nonNil returns s, or an empty slice for nil: a section that found
// nothing still says so.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
