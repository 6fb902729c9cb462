package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/reportdiff/reportdiff/check"
)

// MaxSummary is the most a GitHub job summary may hold (1 MiB for a step),
// less room to spare.
const MaxSummary = 1<<20 - 4096

// CheckMarkdown writes a summary of a check for a pull-request comment or
// a job summary: the counts by severity, the years, figures and
// commitments that changed as tables, the other findings, then the wording
// edits, collapsed. When maxBytes > 0 the summary is cut to fit, with a
// note that says so.
func CheckMarkdown(w io.Writer, res *check.Result, maxBytes int) error {
	var b strings.Builder
	c := res.Count()
	title := "reportdiff check"
	if res.Against != "" {
		title += " against " + res.Against
	}
	fmt.Fprintf(&b, "### %s\n\n%s\n\n", mdEscape(title), mdEscape(Summary(res)))
	b.WriteString("| severity | findings |\n| --- | ---: |\n")
	fmt.Fprintf(&b, "| error | %d |\n| warning | %d |\n| notice | %d |\n", c.Error, c.Warning, c.Notice)
	if c.Existing > 0 {
		fmt.Fprintf(&b, "| already there | %d |\n", c.Existing)
	}
	groups := []struct {
		title, subject string
		rules          []string
	}{
		{"Years", "report", []string{"year-changed"}},
		{"Figures", "indicator", []string{"figure-changed", "figure-added", "figure-removed"}},
		{"Commitments", "commitment", []string{"commitment-changed", "commitment-added", "commitment-removed"}},
	}
	shown := map[string]bool{"wording-changed": true, "wording-ignorable": true}
	for _, g := range groups {
		var rows []string
		for _, f := range res.Findings {
			for _, r := range g.rules {
				if f.Rule == r {
					rows = append(rows, fmt.Sprintf("| %s | %s | %s | %s |", codeSpan(Where(f)), mdEscape(f.Subject), mdCell(f.Old), mdCell(f.New)))
				}
			}
		}
		for _, r := range g.rules {
			shown[r] = true
		}
		if len(rows) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n#### %s\n\n| where | %s | before | after |\n| --- | --- | --- | --- |\n%s\n", g.title, g.subject, strings.Join(rows, "\n"))
	}
	var others, wording []check.Finding
	for _, f := range res.Findings {
		switch {
		case f.Rule == "wording-changed" || f.Rule == "wording-ignorable":
			wording = append(wording, f)
		case !shown[f.Rule]:
			others = append(others, f)
		}
	}
	if len(others) > 0 {
		b.WriteString("\n#### Other findings\n\n| severity | rule | where | message |\n| --- | --- | --- | --- |\n")
		for _, f := range others {
			msg := f.Message
			if f.State == check.Existing {
				msg += " (already there)"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", f.Severity, f.Rule, codeSpan(Where(f)), mdEscape(msg))
		}
	}
	if len(wording) > 0 {
		fmt.Fprintf(&b, "\n#### Wording\n\n<details><summary>%s</summary>\n\n", plural(len(wording), "paragraph reworded", "paragraphs reworded"))
		for _, f := range wording {
			fmt.Fprintf(&b, "- %s %s\n", codeSpan(Where(f)), editsHTML(f))
		}
		b.WriteString("\n</details>\n")
	}
	out := b.String()
	if maxBytes > 0 && len(out) > maxBytes {
		out = cutMarkdown(out, maxBytes)
	}
	return VisibleText(w, out)
}

// cutMarkdown cuts a summary at a line end to fit in max bytes, closes what
// the cut left open and says that it was cut.
func cutMarkdown(s string, max int) string {
	const note = "\n\n*The summary was cut to fit the space a job summary has: every finding is in the log of the step.*\n"
	limit := max - len(note) - len("\n</details>\n")
	if limit < 0 {
		return ""
	}
	s = s[:limit]
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[:i+1]
	}
	if strings.Count(s, "<details>") > strings.Count(s, "</details>") {
		s += "\n</details>\n"
	}
	return s + note
}

// editsHTML shows a word-level diff with <del> and <ins>, as GitHub renders
// them; the message stands in for a finding without one.
func editsHTML(f check.Finding) string {
	if len(f.Edits) == 0 {
		return mdEscape(f.Message)
	}
	var b strings.Builder
	for _, e := range check.Trim(f.Edits, 30, 200) {
		t := mdEscape(e.Text)
		switch e.Op {
		case "delete":
			b.WriteString("<del>" + t + "</del>")
		case "insert":
			b.WriteString("<ins>" + t + "</ins>")
		default:
			b.WriteString(t)
		}
	}
	return b.String()
}

// mdEscape makes text safe in a markdown table cell or list item: &, <
// and > escaped, | escaped, line breaks as spaces, and no markdown emphasis.
func mdEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "|", `\|`, "\r", " ", "\n", " ", "*", `\*`, "_", `\_`, "`", "'", "[", `\[`).Replace(s)
}

func mdCell(s string) string {
	if s == "" {
		return "—"
	}
	return mdEscape(s)
}

// codeSpan writes a file's place as inline code, which markdown shows as it
// is.
func codeSpan(s string) string {
	return "`" + strings.NewReplacer("`", "'", "\r", " ", "\n", " ", "|", `\|`).Replace(s) + "`"
}
