package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/fatih/color"

	"github.com/reportdiff/reportdiff/check"
	"github.com/reportdiff/reportdiff/internal/english"
)

// Where returns a finding's place as file, file:line or file:line:col.
func Where(f check.Finding) string {
	s := f.File
	if f.Line > 0 {
		s += ":" + strconv.Itoa(f.Line)
		if f.Column > 0 {
			s += ":" + strconv.Itoa(f.Column)
		}
	}
	return s
}

// CheckText writes findings one a line, as compilers and linters do
// (file:line:col: severity rule: message; a finding already there ends in
// "(already there)"), then, when there is anything to say, a line of counts.
func CheckText(w io.Writer, res *check.Result, st Style) error {
	sev := map[check.Severity]func(string) string{
		check.Error:   st.paint(color.FgRed, color.Bold),
		check.Warning: st.paint(color.FgYellow),
		check.Notice:  st.paint(color.FgCyan),
	}
	dim := st.paint(color.Faint)
	var b strings.Builder
	for _, f := range res.Findings {
		paint := sev[f.Severity]
		if paint == nil {
			paint = func(s string) string { return s }
		}
		fmt.Fprintf(&b, "%s: %s %s: %s", Where(f), paint(f.Severity.String()), f.Rule, f.Message)
		if f.State == check.Existing {
			b.WriteString(dim(" (already there)"))
		}
		b.WriteByte('\n')
	}
	if len(res.Findings) > 0 || res.Against != "" || res.Ignorable > 0 {
		b.WriteString(Summary(res) + "\n")
	}
	return writeText(w, b.String())
}

// Summary says in one line how many findings there are of each severity,
// what the corpus was compared with and what was left out.
func Summary(res *check.Result) string {
	c := res.Count()
	s := countsText(c)
	if c.Existing > 0 {
		s += fmt.Sprintf(" (and %s already there)", plural(c.Existing, "lint finding", "lint findings"))
	}
	if res.Against != "" {
		s += fmt.Sprintf(" against %s: %s compared", res.Against, plural(res.Compared, "report", "reports"))
		if res.Unchanged > 0 {
			s += fmt.Sprintf(", %s unchanged", plural(res.Unchanged, "file", "files"))
		}
	}
	if res.Ignorable > 0 {
		s += fmt.Sprintf("; %s only in punctuation width or spaces", plural(res.Ignorable, "paragraph changed", "paragraphs changed"))
		if !hasRule(res, "wording-ignorable") {
			s += " (--ignorable lists them)"
		}
	}
	return s
}

func hasRule(res *check.Result, rule string) bool {
	for _, f := range res.Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// countsText says "1 error, 2 warnings and 3 notices".
func countsText(c check.Counts) string {
	return fmt.Sprintf("%s, %s and %s", plural(c.Error, "error", "errors"), plural(c.Warning, "warning", "warnings"), plural(c.Notice, "notice", "notices"))
}

// plural returns "1 report", "2 reports": the count and the noun's form
// for it.
func plural(n int, one, many string) string { return english.Plural(n, one, many) }
