package check

import (
	"sort"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/change"
	"github.com/reportdiff/reportdiff/corpus"
)

// FactsVersion is the version of the facts format; a snapshot of another
// version is refused.
const FactsVersion = 1

// Snapshot is what reportdiff reads from a corpus, report by report: the
// baseline a corpus is checked against, and what `reportdiff facts` writes.
type Snapshot struct {
	Version int           `json:"reportdiff_facts"`
	Reports []ReportFacts `json:"reports"`
}

// ReportFacts are the facts of one report.
type ReportFacts struct {
	ID          string           `json:"id"`
	File        string           `json:"file"` // the path within the corpus
	Line        int              `json:"line"` // where the report starts
	Year        int              `json:"year"`
	ReviewYear  int              `json:"review_year"`
	Units       int              `json:"units"`
	Parts       []PartFact       `json:"parts"`
	Sections    []SectionFact    `json:"sections"`
	Figures     []FigureFact     `json:"figures"`
	Commitments []CommitmentFact `json:"commitments"`
	Lint        []LintFact       `json:"lint"`

	yearLine int // the line of the strongest evidence for the year
}

// PartFact is a part of a report: its kind and heading.
type PartFact struct {
	Kind    string `json:"kind"`
	Heading string `json:"heading"`
	Line    int    `json:"line"`
}

// SectionFact is a section with a title: its part, title and paragraphs.
type SectionFact struct {
	Part  string `json:"part"`
	Title string `json:"title"`
	Line  int    `json:"line"`
	Units int    `json:"units"`
}

// FigureFact is a figure of an indicator, as targets reads it: a target of
// the plan or an outcome of the review.
type FigureFact struct {
	Indicator string   `json:"indicator"`
	Kind      string   `json:"kind"`
	Year      int      `json:"year"`
	Value     *float64 `json:"value"` // null for a target in words
	Qualifier string   `json:"qualifier,omitempty"`
	Measure   string   `json:"measure,omitempty"`
	Text      string   `json:"text"` // the figure as written (7%左右), or the words of a target in words
	Line      int      `json:"line"`
}

// CommitmentFact is a commitment a report makes or reports on, with the
// status it gives it in one part.
type CommitmentFact struct {
	Key    string `json:"key"`
	Label  string `json:"label"`
	Part   string `json:"part"`
	Status string `json:"status"`
	Line   int    `json:"line"`
}

// LintFact is a lint finding of a report, known by its fingerprint.
type LintFact struct {
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Line        int    `json:"line"`
	Message     string `json:"message"`
}

// What facts reads.
type factsOptions struct {
	figures bool // the figures of the indicators (targets reads them)
}

// Facts reads the facts of every report of a corpus, its lint findings
// among them, in file order.
func Facts(c *corpus.Corpus, opts Options) *Snapshot {
	s, _ := facts(c, opts)
	return s
}

// facts returns the facts of a corpus and its lint findings.
func facts(c *corpus.Corpus, opts Options) (*Snapshot, []Finding) {
	lint := Lint(c, opts)
	byReport := readFacts(c, c.Reports, lint, opts, factsOptions{figures: true})
	s := &Snapshot{Version: FactsVersion, Reports: []ReportFacts{}}
	for _, src := range c.Sources {
		for _, r := range src.Reports {
			s.Reports = append(s.Reports, *byReport[r])
		}
	}
	return s, lint
}

// readFacts reads the facts of the reports of c, given the lint findings
// of c.
func readFacts(c *corpus.Corpus, reports []*corpus.Report, lint []Finding, opts Options, fo factsOptions) map[*corpus.Report]*ReportFacts {
	out := map[*corpus.Report]*ReportFacts{}
	for _, r := range reports {
		out[r] = structureOf(r, opts)
	}
	// Commitments are followed through the reports and the one before each
	// (whose promises the review of the next reports on).
	view := c
	if len(reports) < len(c.Reports) {
		keep := map[*corpus.Report]bool{}
		for i, r := range c.Reports {
			if out[r] != nil {
				keep[r] = true
				if i > 0 {
					keep[c.Reports[i-1]] = true
				}
			}
		}
		view = &corpus.Corpus{Sources: c.Sources, Warnings: c.Warnings}
		for _, r := range c.Reports {
			if keep[r] {
				view.Reports = append(view.Reports, r)
			}
		}
	}
	themes := align.Classify(view, nil, nil)
	// The targets are read while the commitments are followed: the two read
	// the same themes and nothing else of each other.
	var targets []change.Indicator
	read := make(chan struct{})
	go func() {
		defer close(read)
		if fo.figures {
			targets = change.ReadTargets(themes, change.DefaultTargetOptions())
		}
	}()
	for _, cm := range change.FindCommitments(themes, change.CommitmentOptions{}) {
		done := map[[2]any]bool{}
		for _, m := range cm.Mentions {
			rf := out[m.Unit.Report]
			k := [2]any{m.Unit.Report, m.Unit.PartKind()}
			if rf == nil || done[k] {
				continue
			}
			done[k] = true
			rf.Commitments = append(rf.Commitments, CommitmentFact{Key: cm.Key, Label: cm.Label, Part: string(m.Unit.PartKind()),
				Status: m.Status, Line: m.Line})
		}
	}
	<-read
	if fo.figures {
		for _, in := range targets {
			for _, v := range in.Values {
				rf := out[v.Unit.Report]
				if rf == nil {
					continue
				}
				f := FigureFact{Indicator: in.Name, Kind: v.Kind, Year: v.Year, Qualifier: v.Qualifier, Measure: in.Measure, Text: v.Figure, Line: v.Line}
				if v.Numeric {
					x := v.Value
					f.Value = &x
				}
				rf.Figures = append(rf.Figures, f)
			}
		}
	}
	reportOf := reportsByPlace(reports)
	for _, f := range lint {
		if r := reportOf(f); r != nil {
			out[r].Lint = append(out[r].Lint, LintFact{Rule: f.Rule, Fingerprint: f.Fingerprint, Line: f.Line, Message: f.Message})
		}
	}
	for _, rf := range out {
		rf.sort()
	}
	return out
}

// structureOf reads a report's year and structure.
func structureOf(r *corpus.Report, opts Options) *ReportFacts {
	rf := &ReportFacts{ID: r.ID, File: opts.rel(r.Source.Name), Line: r.Source.LineAt(r.Span.Start), Year: r.Year,
		ReviewYear: r.ReviewYear, Units: len(r.Units), Parts: []PartFact{}, Sections: []SectionFact{},
		Figures: []FigureFact{}, Commitments: []CommitmentFact{}, Lint: []LintFact{}}
	rf.yearLine = rf.Line
	weight := 0
	for _, e := range r.Evidence {
		if e.Implies == r.Year && e.Weight > weight {
			rf.yearLine, weight = e.Line, e.Weight
		}
	}
	for _, p := range r.Parts {
		pf := PartFact{Kind: string(p.Kind)}
		if p.Heading != nil {
			pf.Heading, pf.Line = p.Heading.Text, p.Heading.Line
		} else {
			pf.Line = partLine(p)
		}
		rf.Parts = append(rf.Parts, pf)
		for _, s := range p.Sections {
			if s.Title == "" {
				continue
			}
			n := 0
			for _, ss := range s.Subsections {
				n += len(ss.Units)
			}
			rf.Sections = append(rf.Sections, SectionFact{Part: string(p.Kind), Title: s.Title, Line: s.Line(), Units: n})
		}
	}
	return rf
}

// partLine returns the line of a part's first unit.
func partLine(p *corpus.Part) int {
	for _, s := range p.Sections {
		if l := s.Line(); l > 0 {
			return l
		}
	}
	return 0
}

// reportsByPlace returns a function that finds the report a finding is
// about: by its id, else the report of its file whose lines hold it (the
// first report of the file for a finding before them all).
func reportsByPlace(reports []*corpus.Report) func(Finding) *corpus.Report {
	return func(f Finding) *corpus.Report {
		var best *corpus.Report
		bestLine := -1
		for _, r := range reports {
			if r.Source.Name != f.File {
				continue
			}
			if f.Report != "" {
				if r.ID == f.Report {
					return r
				}
				continue
			}
			start := r.Source.LineAt(r.Span.Start)
			if start > f.Line {
				start = 0 // a finding before the report: only if nothing better
			}
			if start > bestLine || start == bestLine && r.Index < best.Index {
				best, bestLine = r, start
			}
		}
		return best
	}
}

// sort puts a report's figures, commitments and lint findings in line
// order, so that a snapshot is the same on every run.
func (rf *ReportFacts) sort() {
	sort.SliceStable(rf.Figures, func(i, j int) bool {
		a, b := rf.Figures[i], rf.Figures[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Indicator != b.Indicator {
			return a.Indicator < b.Indicator
		}
		return a.Kind < b.Kind
	})
	sort.SliceStable(rf.Commitments, func(i, j int) bool {
		a, b := rf.Commitments[i], rf.Commitments[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Key < b.Key
	})
	sort.SliceStable(rf.Lint, func(i, j int) bool {
		a, b := rf.Lint[i], rf.Lint[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Fingerprint < b.Fingerprint
	})
}
