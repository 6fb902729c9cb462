package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/reportdiff/reportdiff/check"
)

// RuleJSON is a rule as `reportdiff check --rules --format json` writes it.
type RuleJSON struct {
	ID       string `json:"id"`
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Help     string `json:"help"`
}

// RulesJSON writes the rules as JSON.
func RulesJSON(w io.Writer, rules []check.Rule) error {
	out := []RuleJSON{}
	for _, r := range rules {
		out = append(out, RuleJSON{r.ID, r.Severity.String(), r.Summary, r.Help})
	}
	return JSON(w, map[string][]RuleJSON{"rules": out})
}

// RulesText writes the rules as a table: id, severity, what it means.
func RulesText(w io.Writer, rules []check.Rule) error {
	width := 0
	for _, r := range rules {
		width = max(width, len(r.ID))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s  %-8s  %s\n", width, "RULE", "SEVERITY", "WHAT IT MEANS")
	for _, r := range rules {
		fmt.Fprintf(&b, "%-*s  %-8s  %s\n", width, r.ID, r.Severity, r.Summary)
	}
	return writeText(w, b.String())
}

// RulesMarkdown writes the rules as a markdown table, the one README shows.
func RulesMarkdown(w io.Writer, rules []check.Rule) error {
	var b strings.Builder
	b.WriteString("| rule | severity | what it means | what to do |\n| --- | --- | --- | --- |\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, r.Severity, mdEscape(r.Summary), mdEscape(r.Help))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
