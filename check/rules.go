package check

import (
	"fmt"
	"strings"
)

// Severity says how much a finding matters.
type Severity int

// The severities, least first.
const (
	Notice  Severity = iota + 1 // worth a look: a report added, a paragraph reworded
	Warning                     // a change of substance to review: a figure, a commitment
	Error                       // the corpus is broken or a fact it states changed: a year, a lost part
)

var severityNames = map[Severity]string{Notice: "notice", Warning: "warning", Error: "error"}

func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity reads error, warning or notice.
func ParseSeverity(name string) (Severity, error) {
	for s, n := range severityNames {
		if n == name {
			return s, nil
		}
	}
	return 0, fmt.Errorf("no severity %q: want error, warning or notice", name)
}

// Rule is a kind of finding: its id, its default severity, what it means
// in one line and what to do about it.
type Rule struct {
	ID       string
	Severity Severity
	Summary  string
	Help     string
}

// The rule ids the package itself produces.
const (
	ruleReading          = "reading"
	rulePartMissing      = "part-missing"
	ruleYearUnknown      = "year-unknown"
	ruleYearConflict     = "year-conflict"
	ruleYearDuplicate    = "year-duplicate"
	ruleYearFileName     = "year-file-name"
	ruleNumberingGap     = "numbering-gap"
	ruleUnitEmpty        = "unit-empty"
	ruleQuotes           = "quotes-unbalanced"
	ruleReportAdded      = "report-added"
	ruleReportRemoved    = "report-removed"
	ruleReportRenamed    = "report-renamed"
	ruleYearChanged      = "year-changed"
	rulePartRemoved      = "part-removed"
	rulePartAdded        = "part-added"
	ruleSectionRemoved   = "section-removed"
	ruleSectionMoved     = "section-moved"
	ruleSectionAdded     = "section-added"
	ruleHeadingChanged   = "heading-changed"
	ruleUnitMerged       = "unit-merged"
	ruleUnitSplit        = "unit-split"
	ruleUnitCount        = "unit-count-changed"
	ruleFigureChanged    = "figure-changed"
	ruleFigureAdded      = "figure-added"
	ruleFigureRemoved    = "figure-removed"
	ruleCommitChanged    = "commitment-changed"
	ruleCommitAdded      = "commitment-added"
	ruleCommitRemoved    = "commitment-removed"
	ruleWordingChanged   = "wording-changed"
	ruleWordingIgnorable = "wording-ignorable"
	ruleBaselineFixed    = "baseline-fixed"
)

// rules is every rule, lint rules first, then the changes of an edit, then
// the baseline's own; each id is stable: CI configurations and baselines
// name them.
var rules = []Rule{
	{rulePartMissing, Error, "a report has one of its review and plan parts but not the other",
		"Give the part a heading that says what it is (…年工作回顾/回顧, …年主要任务/任務, 工作安排 …). A text with no part heading and neither part that does not call itself a work report (a policy address, a speech) is read as one part: the reading warning says so, and this rule stays silent."},
	{ruleYearUnknown, Error, "nothing in a report says which year it was delivered",
		"Add the dateline or year headings the original has, or state the year with --year ID=YEAR or in manifest.json."},
	{ruleYearConflict, Warning, "evidence in a report points to more than one year",
		"Check the passages the message names: a year mistyped in transcription, or a report filed under the wrong year."},
	{ruleYearDuplicate, Warning, "two reports are dated the same year",
		"One of them is probably filed under the wrong year, or the same report was added twice."},
	{ruleYearFileName, Warning, "a report's file name says one year and its text another",
		"Rename the file to the year the text gives, or state the year with --year ID=YEAR or in manifest.json."},
	{ruleNumberingGap, Warning, "a numbered section, subsection or report marker skips a number or repeats one",
		"Look for a heading lost or broken in transcription, or a number mistyped."},
	{ruleUnitEmpty, Warning, "a paragraph holds no words",
		"Remove the stray heading or marker, or restore the paragraph that was lost."},
	{ruleQuotes, Warning, "a paragraph opens a “, 「, 『 or 《 it does not close, or closes one it did not open",
		"Restore the missing mark; a paragraph broken in two by a line break often leaves one half unpaired."},
	{ruleReading, Warning, "something the reading noticed and went on with",
		"Read the message: it names the line and what was odd about it."},
	{ruleReportAdded, Notice, "a report was added to the corpus",
		"Nothing to do if the report is meant to be there; its lint findings are listed as new."},
	{ruleReportRemoved, Notice, "a report was removed from the corpus",
		"Nothing to do if the removal is meant; otherwise restore the file."},
	{ruleReportRenamed, Notice, "a report file was renamed or moved, found by its content",
		"Nothing to do if the new name is meant; the report is compared with its old version under the old name."},
	{ruleYearChanged, Error, "the year a report was delivered, or the year it reviews, changed",
		"If the edit meant to redate the report, rename its file to match; otherwise undo the change to the dateline or headings that carry the year."},
	{rulePartRemoved, Error, "a part of a report (review, plan, outline …) is no longer found",
		"Restore the part's heading: an edited or lost heading makes its part run into the one before."},
	{rulePartAdded, Notice, "a report has a part it did not have before",
		"Check that the new heading is a part heading and not a sentence that reads like one."},
	{ruleSectionRemoved, Error, "a section heading of a report is gone",
		"Restore the heading, or check that the section was meant to go."},
	{ruleSectionMoved, Error, "a section now stands in another part of its report",
		"A part heading was probably lost or moved; restore it so that the section is read where it belongs."},
	{ruleSectionAdded, Notice, "a report has a section it did not have before",
		"Check that the new heading is meant."},
	{ruleHeadingChanged, Warning, "the words of a part or section heading changed",
		"Check the new heading against the original; headings carry the structure and the years."},
	{ruleUnitMerged, Warning, "two paragraphs became one",
		"Restore the paragraph break if the original has one."},
	{ruleUnitSplit, Warning, "a paragraph was cut in two",
		"Join the lines if the original has one paragraph there."},
	{ruleUnitCount, Warning, "a section holds more or fewer paragraphs than the baseline records",
		"Paragraphs were added, removed, merged or split: check the section against the original."},
	{ruleFigureChanged, Warning, "a figure changed its value or qualifier",
		"Check the figure against the original text; a transcription error changes what the report says."},
	{ruleFigureAdded, Warning, "a figure is new, in a paragraph that was there before or in a new one",
		"Check the figure against the original text."},
	{ruleFigureRemoved, Warning, "a figure is gone, from a paragraph that is still there or with its paragraph",
		"Check against the original text whether the figure was meant to go."},
	{ruleCommitChanged, Warning, "a commitment's status in a report changed (promised, achieved, partial, missed …)",
		"Check the sentence that reports on the commitment against the original."},
	{ruleCommitAdded, Warning, "a report makes or reports on a commitment it did not before",
		"Check the new sentence against the original."},
	{ruleCommitRemoved, Warning, "a report no longer makes or reports on a commitment",
		"Check against the original whether the sentence was meant to go."},
	{ruleWordingChanged, Notice, "the words of a paragraph changed",
		"Read the word-level diff; nothing to do if it is a correction."},
	{ruleWordingIgnorable, Notice, "a paragraph changed only in punctuation width or spaces",
		"Nothing to do; these are counted and listed only with --ignorable."},
	{ruleBaselineFixed, Warning, "a lint finding recorded in the baseline no longer occurs",
		"Good news: rewrite the baseline (check --baseline FILE --update-baseline) so that it only shrinks."},
}

// Rules returns every rule, in a fixed order.
func Rules() []Rule { return append([]Rule(nil), rules...) }

// RuleOf returns the rule with the given id; an id the package does not
// know is a warning whose summary is the id itself.
func RuleOf(id string) Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	return Rule{ID: id, Severity: Warning, Summary: strings.ReplaceAll(id, "-", " ")}
}
