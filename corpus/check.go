package corpus

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// Finding is a problem that Check found in a corpus. Rule is the id of the
// check rule it breaks (the rules and their severities are data of package
// check); Line and Column (in characters, from 1) are 0 when it concerns no
// single line or place.
type Finding struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column,omitempty"`
	Report  string `json:"report,omitempty"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

func (f Finding) String() string {
	if f.Line <= 0 {
		return fmt.Sprintf("%s: %s", f.File, f.Message)
	}
	return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Message)
}

// Check lints a corpus: every report has a review part and a plan part, its
// year is known and agrees with its evidence, numbered sections run without
// gaps, no unit is empty and paired quotes and title marks are balanced in
// every unit. Findings come in file and line order.
func Check(c *Corpus) []Finding {
	var fs []Finding
	for _, w := range c.Warnings {
		rule := w.Rule
		if rule == "" {
			rule = "reading"
		}
		fs = append(fs, Finding{File: w.Source, Line: w.Line, Rule: rule, Message: w.Message})
	}
	for _, r := range c.Reports {
		fs = append(fs, checkReport(r)...)
	}
	for _, src := range c.Sources {
		last := 0
		for _, r := range src.Reports {
			if r.Marker == nil {
				continue
			}
			if n := r.Marker.Number; n != last+1 {
				fs = append(fs, Finding{File: src.Name, Line: r.Marker.Line, Report: r.ID, Rule: "numbering-gap",
					Message: fmt.Sprintf("report marker %s follows number %d: a report is missing or numbered twice", r.Marker.Text, last)})
			}
			last = r.Marker.Number
		}
	}
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].File != fs[j].File {
			return fs[i].File < fs[j].File
		}
		if fs[i].Line != fs[j].Line {
			return fs[i].Line < fs[j].Line
		}
		return fs[i].Column < fs[j].Column
	})
	return fs
}

func checkReport(r *Report) []Finding {
	var fs []Finding
	src := r.Source
	add := func(line, col int, rule, format string, args ...any) {
		fs = append(fs, Finding{File: src.Name, Line: line, Column: col, Report: r.ID, Rule: rule,
			Message: fmt.Sprintf("report %s: ", r.ID) + fmt.Sprintf(format, args...)})
	}
	has := map[PartKind]bool{}
	headed := false // some part opens with a heading
	for _, p := range r.Parts {
		has[p.Kind] = true
		headed = headed || p.Heading != nil
	}
	// A text with no part heading and neither a review nor a plan that does
	// not call itself a work report (a policy address, a speech) is one
	// part: the reading's warning says so once, and a missing part is no
	// error of that text. A work report that lost its part headings, or
	// where some part is there, misses the others (headings lost in an
	// edit).
	oneText := !headed && !has[Review] && !has[Plan] && !r.callsItselfWorkReport()
	for _, k := range []PartKind{Review, Plan} {
		if !has[k] && !oneText {
			add(r.firstLine(), 0, "part-missing", "no %s part: no heading says %s", k, map[PartKind]string{
				Review: inScript(r.Script, "工作回顾 or 回顾", "工作回顧 or 回顧"),
				Plan:   inScript(r.Script, "主要任务, 工作任务, 工作安排 or 重点工作", "主要任務, 工作任務, 工作安排 or 重點工作")}[k])
		}
	}
	if r.Year == 0 {
		add(r.firstLine(), 0, "year-unknown", "the year of the report is unknown")
	}
	for _, e := range r.Evidence {
		// A file named by the year its report was delivered in (a December
		// session for the next year's work) is named rightly.
		if e.Kind == "file" && r.Year > 0 && e.Implies != r.Year && !strings.HasPrefix(r.Delivered, strconv.Itoa(e.Implies)+"-") {
			add(r.firstLine(), 0, "year-file-name", "the file name says %d but the text says %d (%s); rename the file or state the year", e.Implies, r.Year, r.yearWitness())
		}
	}
	// Numbered headings: sections within a part, continuing the part's own
	// numbering where both use the same marker (一、2018年工作回顧 … 三、…);
	// subsections within a section.
	for _, p := range r.Parts {
		prev := 0
		for _, s := range p.Sections {
			if s.Number == 0 {
				continue
			}
			want := prev + 1
			if prev == 0 && p.Heading != nil && strings.HasSuffix(p.Heading.Marker, "、") && strings.HasSuffix(s.Marker, "、") {
				want = p.Heading.Number + 1
			}
			if s.Number != want {
				add(s.Line(), 0, "numbering-gap", "section %s follows %s: a section is missing or numbered twice",
					numberText(s.Number), numberText(want-1))
			}
			prev = s.Number
			subPrev := 0
			for _, ss := range s.Subsections {
				if ss.Number == 0 {
					continue
				}
				if ss.Number != subPrev+1 {
					add(ss.Line(), 0, "numbering-gap", "subsection %s follows %s in section %q: a subsection is missing or numbered twice",
						numberText(ss.Number), numberText(subPrev), s.Title)
				}
				subPrev = ss.Number
			}
		}
	}
	for _, u := range r.Units {
		if u.Text == "" {
			add(u.Line, 0, "unit-empty", "unit %s is empty", u.ID)
			continue
		}
		for _, p := range [][2]string{{"“", "”"}, {"《", "》"}, {"「", "」"}, {"『", "』"}} {
			if o, c := strings.Count(u.Text, p[0]), strings.Count(u.Text, p[1]); o != c {
				off := u.SourceOffset(unpaired(u.Text, p[0], p[1]))
				add(src.LineAt(off), src.Column(off), "quotes-unbalanced", "unit %s has %d %s but %d %s", u.ID, o, p[0], c, p[1])
			}
		}
	}
	return fs
}

// yearWitness names the strongest evidence for the report's year.
func (r *Report) yearWitness() string {
	var best *Evidence
	for i, e := range r.Evidence {
		if e.Implies == r.Year && e.Kind != "file" && (best == nil || e.Weight > best.Weight) {
			best = &r.Evidence[i]
		}
	}
	if best == nil {
		return r.YearFrom
	}
	return fmt.Sprintf("line %d %q", best.Line, best.Text)
}

// unpaired returns the byte offset in s of the first closing mark without
// an opening one before it, else of the last opening mark left open.
func unpaired(s, open, close string) int {
	var stack []int
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], open):
			stack = append(stack, i)
			i += len(open)
		case strings.HasPrefix(s[i:], close):
			if len(stack) == 0 {
				return i
			}
			stack = stack[:len(stack)-1]
			i += len(close)
		default:
			i++
		}
	}
	if len(stack) > 0 {
		return stack[len(stack)-1]
	}
	return 0
}

func numberText(n int) string {
	if n == 0 {
		return "the start"
	}
	return fmt.Sprint(n)
}

// inScript returns the words a message quotes in the script of the report
// it speaks of: Traditional for a Traditional report, else Simplified.
func inScript(sc hanzi.Script, simplified, traditional string) string {
	if sc == hanzi.Traditional {
		return traditional
	}
	return simplified
}

// workReportWords are what a government work report calls itself in its
// title or opening: 政府工作报告, 向大会报告政府工作 (folded to Simplified).
var workReportWords = []string{"工作报告", "报告政府工作", "报告工作"}

// callsItselfWorkReport says whether the report's title or its first
// paragraphs name it a work report.
func (r *Report) callsItselfWorkReport() bool {
	texts := []string{r.Title}
	for i, u := range r.Units {
		if i == 3 {
			break
		}
		texts = append(texts, u.Text)
	}
	for _, t := range texts {
		f := hanzi.Fold(t)
		for _, w := range workReportWords {
			if strings.Contains(f, w) {
				return true
			}
		}
	}
	return false
}
