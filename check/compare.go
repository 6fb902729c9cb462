package check

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/reportdiff/reportdiff/change"
	"github.com/reportdiff/reportdiff/diffview"
	"github.com/reportdiff/reportdiff/internal/english"
)

// side is one report compared: its facts and where its findings go.
type side struct {
	facts *ReportFacts
	file  string // the file its findings name
}

// What a comparison of facts looks at beyond the year, parts, sections and
// commitments.
type factsCompare struct {
	figures    bool // the indicators' figures (a snapshot has no text to pair paragraphs by)
	unitCounts bool // the number of paragraphs of each section
}

// compareFacts returns what changed from the facts of a report a to those
// of its later version b. Findings name b's file and lines; what is gone is
// put at the place of b where it stood, or at b's first line.
func compareFacts(a, b side, opts Options, fc factsCompare) []Finding {
	var fs []Finding
	rel := opts.rel(b.file)
	at := func(rule string, line, col int, msg string, key ...string) *Finding {
		f := newFinding(rule, b.file, line, col, b.facts.ID, msg).about(rel, key...)
		fs = append(fs, f)
		return &fs[len(fs)-1]
	}
	fa, fb := a.facts, b.facts
	if fa.Year != fb.Year || fa.ReviewYear != fb.ReviewYear {
		msg := fmt.Sprintf("report %s is dated %s now, %s before", fb.ID, yearText(fb.Year), yearText(fa.Year))
		if fa.ReviewYear != fb.ReviewYear {
			msg += fmt.Sprintf("; it reviews %s, %s before", yearText(fb.ReviewYear), yearText(fa.ReviewYear))
		}
		f := at(ruleYearChanged, fb.yearLine, 0, msg+": check the dateline and the headings that carry the year",
			yearText(fa.Year), yearText(fb.Year))
		f.Subject, f.Old, f.New = fb.ID, yearText(fa.Year), yearText(fb.Year)
	}
	fs = append(fs, compareParts(a, b, rel)...)
	fs = append(fs, compareSections(a, b, rel, fc.unitCounts)...)
	// A part lost or found moves paragraphs from one part to another, and
	// with them every commitment and figure of a target or an outcome:
	// those follow from the part's finding, and are compared again once
	// the parts are read as before.
	if partKinds(fa) != partKinds(fb) {
		return fs
	}
	if fc.figures {
		fs = append(fs, compareFigures(a, b, rel)...)
	}
	fs = append(fs, compareCommitments(a, b, rel)...)
	return fs
}

// partKinds lists the kinds of a report's parts.
func partKinds(rf *ReportFacts) string {
	var ks []string
	for _, p := range rf.Parts {
		ks = append(ks, p.Kind)
	}
	return strings.Join(ks, ",")
}

func yearText(y int) string {
	if y == 0 {
		return "unknown"
	}
	return strconv.Itoa(y)
}

// compareParts matches parts by kind, in order.
func compareParts(a, b side, rel string) []Finding {
	var fs []Finding
	used := make([]bool, len(b.facts.Parts))
	for _, pa := range a.facts.Parts {
		j := -1
		for k, pb := range b.facts.Parts {
			if !used[k] && pb.Kind == pa.Kind {
				j = k
				break
			}
		}
		if j < 0 {
			msg := fmt.Sprintf("report %s has no %s part now", b.facts.ID, pa.Kind)
			if pa.Heading != "" {
				msg += fmt.Sprintf(" (it was headed %q): its heading was lost or no longer says what the part is", pa.Heading)
			}
			msg += "; the report's commitments are compared again once its parts are read as before"
			f := newFinding(rulePartRemoved, b.file, b.facts.Line, 0, b.facts.ID, msg).about(rel, pa.Kind, pa.Heading)
			f.Subject, f.Old = pa.Kind, pa.Heading
			fs = append(fs, f)
			continue
		}
		used[j] = true
		if pb := b.facts.Parts[j]; titleKey(pb.Heading) != titleKey(pa.Heading) {
			f := newFinding(ruleHeadingChanged, b.file, pb.Line, 0, b.facts.ID,
				fmt.Sprintf("the heading of the %s part reads %q now, %q before", pb.Kind, pb.Heading, pa.Heading)).about(rel, pa.Heading, pb.Heading)
			f.Subject, f.Old, f.New = pb.Kind, pa.Heading, pb.Heading
			fs = append(fs, f)
		}
	}
	for k, pb := range b.facts.Parts {
		if !used[k] {
			f := newFinding(rulePartAdded, b.file, pb.Line, 0, b.facts.ID,
				fmt.Sprintf("report %s has %s part now (%q)", b.facts.ID, english.A(pb.Kind), pb.Heading)).about(rel, pb.Kind, pb.Heading)
			f.Subject, f.New = pb.Kind, pb.Heading
			fs = append(fs, f)
		}
	}
	return fs
}

// compareSections matches sections by title (folded, spaces and widths
// aside), then what is left by the closest title in the same part (a
// heading reworded).
func compareSections(a, b side, rel string, unitCounts bool) []Finding {
	sa, sb := a.facts.Sections, b.facts.Sections
	match := make([]int, len(sa))
	used := make([]bool, len(sb))
	for i := range match {
		match[i] = -1
	}
	for i, x := range sa {
		for j, y := range sb {
			if !used[j] && titleKey(x.Title) == titleKey(y.Title) {
				match[i], used[j] = j, true
				break
			}
		}
	}
	for i, x := range sa {
		if match[i] >= 0 {
			continue
		}
		best, bestScore := -1, 0.5
		for j, y := range sb {
			if used[j] || y.Part != x.Part {
				continue
			}
			if s := diffview.CharDice(titleKey(x.Title), titleKey(y.Title)); s > bestScore {
				best, bestScore = j, s
			}
		}
		if best >= 0 {
			match[i], used[best] = best, true
		}
	}
	var fs []Finding
	add := func(rule string, line int, msg string, key ...string) *Finding {
		fs = append(fs, newFinding(rule, b.file, line, 0, b.facts.ID, msg).about(rel, key...))
		return &fs[len(fs)-1]
	}
	anchor := b.facts.Line // where a removed section stood: after the last section kept before it
	for i, x := range sa {
		j := match[i]
		if j < 0 {
			f := add(ruleSectionRemoved, anchor, fmt.Sprintf("the section %q of the %s part is gone (line %d before): its heading was lost or changed beyond recognition",
				x.Title, x.Part, x.Line), x.Part, x.Title)
			f.Subject, f.Old = x.Part, x.Title
			continue
		}
		y := sb[j]
		anchor = y.Line
		if y.Part != x.Part {
			f := add(ruleSectionMoved, y.Line, fmt.Sprintf("the section %q stands in the %s part now, in the %s part before: a part heading was lost or moved",
				y.Title, y.Part, x.Part), x.Title, x.Part, y.Part)
			f.Subject, f.Old, f.New = y.Title, x.Part, y.Part
		}
		if titleKey(y.Title) != titleKey(x.Title) {
			f := add(ruleHeadingChanged, y.Line, fmt.Sprintf("the heading %q reads %q now", x.Title, y.Title), x.Title, y.Title)
			f.Subject, f.Old, f.New = y.Part, x.Title, y.Title
		}
		if unitCounts && y.Units != x.Units {
			f := add(ruleUnitCount, y.Line, fmt.Sprintf("the section %q holds %s now, %d before", y.Title, english.Plural(y.Units, "paragraph", "paragraphs"), x.Units),
				y.Title, strconv.Itoa(x.Units), strconv.Itoa(y.Units))
			f.Subject, f.Old, f.New = y.Title, strconv.Itoa(x.Units), strconv.Itoa(y.Units)
		}
	}
	for j, y := range sb {
		if !used[j] {
			f := add(ruleSectionAdded, y.Line, fmt.Sprintf("a new section %q in the %s part", y.Title, y.Part), y.Part, y.Title)
			f.Subject, f.New = y.Part, y.Title
		}
	}
	return fs
}

// compareFigures matches figures by indicator and kind (a year that
// changed is the report's own change).
func compareFigures(a, b side, rel string) []Finding {
	type key struct{ indicator, kind string }
	byKey := map[key][]int{}
	for j, y := range b.facts.Figures {
		k := key{y.Indicator, y.Kind}
		byKey[k] = append(byKey[k], j)
	}
	used := make([]bool, len(b.facts.Figures))
	var fs []Finding
	add := func(rule string, line int, msg string, x FigureFact, old, new string) {
		f := newFinding(rule, b.file, line, 0, b.facts.ID, msg).about(rel, x.Indicator, x.Kind, old, new)
		f.Subject, f.Old, f.New = x.Indicator, old, new
		fs = append(fs, f)
	}
	for _, x := range a.facts.Figures {
		j := -1
		for _, c := range byKey[key{x.Indicator, x.Kind}] {
			if !used[c] {
				j = c
				break
			}
		}
		if j < 0 {
			add(ruleFigureRemoved, b.facts.Line, fmt.Sprintf("%s %s (the %s, line %d before) is gone", x.Indicator, x.Text, x.Kind, x.Line), x, x.Text, "")
			continue
		}
		used[j] = true
		y := b.facts.Figures[j]
		if y.Text != x.Text || y.Qualifier != x.Qualifier || !sameValue(x.Value, y.Value) {
			add(ruleFigureChanged, y.Line, fmt.Sprintf("%s %s → %s (the %s)", y.Indicator, x.Text, y.Text, y.Kind), y, x.Text, y.Text)
		}
	}
	for j, y := range b.facts.Figures {
		if !used[j] {
			add(ruleFigureAdded, y.Line, fmt.Sprintf("%s %s is new (the %s)", y.Indicator, y.Text, y.Kind), y, "", y.Text)
		}
	}
	return fs
}

func sameValue(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// promise reads a promise made again (repeated) as a promise: whether a
// plan's promise is the first depends on the reports before it, not on the
// report compared.
func promise(status string) string {
	if status == change.Repeated {
		return change.Promised
	}
	return status
}

// compareCommitments matches commitments by key and part, a promise made
// again being a promise.
func compareCommitments(a, b side, rel string) []Finding {
	type key struct{ key, part string }
	bs := map[key]CommitmentFact{}
	for _, y := range b.facts.Commitments {
		bs[key{y.Key, y.Part}] = y
	}
	as := map[key]bool{}
	var fs []Finding
	add := func(rule string, line int, msg string, subject, old, new string) {
		f := newFinding(rule, b.file, line, 0, b.facts.ID, msg).about(rel, subject, old, new)
		f.Subject, f.Old, f.New = subject, old, new
		fs = append(fs, f)
	}
	for _, x := range a.facts.Commitments {
		k := key{x.Key, x.Part}
		as[k] = true
		y, ok := bs[k]
		switch {
		case !ok:
			add(ruleCommitRemoved, b.facts.Line, fmt.Sprintf("the %s part no longer speaks of %s (%s, line %d before)", x.Part, x.Label, x.Status, x.Line),
				x.Label, x.Status, "")
		case promise(y.Status) != promise(x.Status):
			add(ruleCommitChanged, y.Line, fmt.Sprintf("%s in the %s part: %s → %s", y.Label, y.Part, x.Status, y.Status), y.Label, x.Status, y.Status)
		}
	}
	for _, y := range b.facts.Commitments {
		if !as[key{y.Key, y.Part}] {
			add(ruleCommitAdded, y.Line, fmt.Sprintf("the %s part speaks of %s now (%s)", y.Part, y.Label, y.Status), y.Label, "", y.Status)
		}
	}
	return fs
}
