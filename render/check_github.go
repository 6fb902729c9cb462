package render

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/reportdiff/reportdiff/check"
)

// GitHubAnnotations is how many annotations of each kind (error, warning,
// notice) GitHub Actions shows for one step; it drops the rest.
const GitHubAnnotations = 10

// CheckGitHub writes findings as GitHub Actions workflow commands
// (::error file=…,line=…,col=…,title=…::message), the most severe first so
// that those GitHub shows are the ones that matter: at most 10 of each kind
// (one notice kept for the last line when some are left over). The rest,
// and the findings already there, follow as plain lines of the log; a
// final ::notice says how many were not annotated.
func CheckGitHub(w io.Writer, res *check.Result) error {
	fs := append([]check.Finding(nil), res.Findings...)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity > fs[j].Severity })
	var annotate, rest []check.Finding
	room := map[check.Severity]int{check.Error: GitHubAnnotations, check.Warning: GitHubAnnotations, check.Notice: GitHubAnnotations}
	for _, f := range fs {
		if f.State != check.Existing && room[f.Severity] > 0 {
			annotate = append(annotate, f)
			room[f.Severity]--
			continue
		}
		rest = append(rest, f)
	}
	left := 0
	for _, f := range rest {
		if f.State != check.Existing {
			left++
		}
	}
	// The last notice needs a place of its own among the ten.
	if left > 0 && room[check.Notice] == 0 {
		for i := len(annotate) - 1; i >= 0; i-- {
			if annotate[i].Severity == check.Notice {
				rest = append([]check.Finding{annotate[i]}, rest...)
				annotate = append(annotate[:i], annotate[i+1:]...)
				left++
				break
			}
		}
	}
	var b strings.Builder
	for _, f := range annotate {
		b.WriteString(workflowCommand(f) + "\n")
	}
	for _, f := range rest {
		line := fmt.Sprintf("%s: %s %s: %s", Where(f), f.Severity, f.Rule, f.Message)
		if f.State == check.Existing {
			line += " (already there)"
		}
		b.WriteString(escapeCommandStart(line) + "\n")
	}
	if left > 0 {
		fmt.Fprintf(&b, "::notice title=reportdiff check::%s\n", EscapeData(fmt.Sprintf(
			"%s not shown as annotations (GitHub shows %d of each kind per step): they are listed in the log of this step and in the job summary. %s",
			plural(left, "more finding", "more findings"), GitHubAnnotations, Summary(res))))
	}
	return VisibleText(w, b.String()) // a log shows ANSI colors: the corpus's own escapes must not play
}

// workflowCommand writes one finding as a workflow command.
func workflowCommand(f check.Finding) string {
	props := []string{"file=" + EscapeProperty(f.File)}
	if f.Line > 0 {
		props = append(props, "line="+strconv.Itoa(f.Line))
		if f.Column > 0 {
			props = append(props, "col="+strconv.Itoa(f.Column))
		}
	}
	props = append(props, "title="+EscapeProperty(f.Rule))
	return "::" + f.Severity.String() + " " + strings.Join(props, ",") + "::" + EscapeData(f.Message)
}

// EscapeData escapes the message of a workflow command as the Actions
// toolkit does: % as %25, CR as %0D, LF as %0A.
func EscapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// EscapeProperty escapes a property of a workflow command: as EscapeData,
// and : as %3A and , as %2C.
func EscapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// escapeCommandStart keeps a plain line of the log from being read as a
// workflow command: a line cannot start with ::, and it holds no line break.
func escapeCommandStart(s string) string {
	s = strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
	if strings.HasPrefix(s, "::") {
		s = " " + s
	}
	return s
}
