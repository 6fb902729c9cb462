package check

import (
	"fmt"

	"github.com/reportdiff/reportdiff/corpus"
)

// AgainstBaseline compares a corpus with a snapshot of its facts, the
// baseline: every fact that changed (from an edit of the text, or from a
// reportdiff that reads the text differently) is a finding, and so is every
// lint finding, accepted (Existing) when the baseline records it. A lint
// finding the baseline records that no longer occurs is a finding too
// (baseline-fixed), so that the baseline only shrinks. It returns the
// corpus's own snapshot too, to write in the baseline's place.
func AgainstBaseline(base *Snapshot, name string, c *corpus.Corpus, opts Options) (*Result, *Snapshot) {
	cur, lint := facts(c, opts)
	res := &Result{Against: name}
	pairs, onlyOld, onlyCur := matchFacts(base.Reports, cur.Reports)
	var changes []Finding
	fileOf := map[*ReportFacts]string{} // an old report's file now
	for _, p := range pairs {
		a, b := p[0], p[1]
		fileOf[a] = b.File
		file := opts.display(b.File)
		res.Compared++
		if a.File != b.File {
			f := newFinding(ruleReportRenamed, file, 0, 0, b.ID, fmt.Sprintf("report %s of %s is in %s now", a.ID, a.File, b.File)).about(b.File, a.File)
			f.Subject, f.Old, f.New = b.ID, a.File, b.File
			changes = append(changes, f)
		}
		changes = append(changes, compareFacts(side{a, file}, side{b, file}, opts, factsCompare{figures: true, unitCounts: true})...)
	}
	for _, a := range onlyOld {
		f := newFinding(ruleReportRemoved, opts.display(a.File), 0, 0, a.ID, fmt.Sprintf("report %s (%s) is not in the corpus now", a.ID, yearText(a.Year))).about(a.File, a.ID)
		f.Subject, f.Old = a.ID, yearText(a.Year)
		changes = append(changes, f)
	}
	for _, b := range onlyCur {
		f := newFinding(ruleReportAdded, opts.display(b.File), b.Line, 0, b.ID, fmt.Sprintf("report %s (%s) is not in the baseline", b.ID, yearText(b.Year))).about(b.File, b.ID)
		f.Subject, f.New = b.ID, yearText(b.Year)
		changes = append(changes, f)
	}
	fingerprint(changes)
	for i := range changes {
		changes[i].State = New
	}
	// Lint findings: accepted when the baseline has them.
	known := map[string]int{}
	for i := range base.Reports {
		for _, l := range base.Reports[i].Lint {
			known[l.Fingerprint]++
		}
	}
	for _, f := range lint {
		f.State = New
		if known[f.Fingerprint] > 0 {
			known[f.Fingerprint]--
			f.State = Existing
		}
		changes = append(changes, f)
	}
	var fixed []Finding
	for i := range base.Reports {
		a := &base.Reports[i]
		file := a.File
		if f, ok := fileOf[a]; ok {
			file = f
		}
		for _, l := range a.Lint {
			if known[l.Fingerprint] == 0 {
				continue
			}
			known[l.Fingerprint]--
			f := newFinding(ruleBaselineFixed, opts.display(file), l.Line, 0, a.ID,
				fmt.Sprintf("the baseline's %s finding no longer occurs (%s): update the baseline", l.Rule, l.Message)).about(file, l.Fingerprint)
			f.Subject, f.Old = l.Rule, l.Fingerprint
			fixed = append(fixed, f)
		}
	}
	fingerprint(fixed)
	for i := range fixed {
		fixed[i].State = New
	}
	changes = append(changes, fixed...)
	Sort(changes)
	res.Findings = changes
	return res, cur
}

// matchFacts pairs the reports of a baseline with those of the corpus: by
// file and id, then by file where each side has one report there, then by
// year where each side has one report of that year left (a file renamed).
func matchFacts(a, b []ReportFacts) (pairs [][2]*ReportFacts, onlyA, onlyB []*ReportFacts) {
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	pair := func(i, j int) {
		pairs = append(pairs, [2]*ReportFacts{&a[i], &b[j]})
		usedA[i], usedB[j] = true, true
	}
	for i := range a {
		for j := range b {
			if !usedB[j] && a[i].File == b[j].File && a[i].ID == b[j].ID {
				pair(i, j)
				break
			}
		}
	}
	left := func(used []bool, rs []ReportFacts, keep func(ReportFacts) bool) []int {
		var out []int
		for i, r := range rs {
			if !used[i] && keep(r) {
				out = append(out, i)
			}
		}
		return out
	}
	for i := range a {
		if usedA[i] {
			continue
		}
		sameFile := func(r ReportFacts) bool { return r.File == a[i].File }
		if la, lb := left(usedA, a, sameFile), left(usedB, b, sameFile); len(la) == 1 && len(lb) == 1 {
			pair(la[0], lb[0])
		}
	}
	for i := range a {
		if usedA[i] || a[i].Year == 0 {
			continue
		}
		sameYear := func(r ReportFacts) bool { return r.Year == a[i].Year }
		if la, lb := left(usedA, a, sameYear), left(usedB, b, sameYear); len(la) == 1 && len(lb) == 1 {
			pair(la[0], lb[0])
		}
	}
	for i := range a {
		if !usedA[i] {
			onlyA = append(onlyA, &a[i])
		}
	}
	for j := range b {
		if !usedB[j] {
			onlyB = append(onlyB, &b[j])
		}
	}
	return pairs, onlyA, onlyB
}
