package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/reportdiff/reportdiff/check"
)

func TestEscapeWorkflowCommands(t *testing.T) {
	for _, tc := range []struct{ in, data, prop string }{
		{"plain 增长", "plain 增长", "plain 增长"},
		{"7%左右 → 6%左右", "7%25左右 → 6%25左右", "7%25左右 → 6%25左右"},
		{"a: b, c", "a: b, c", "a%3A b%2C c"},
		{"line\r\nnext\n", "line%0D%0Anext%0A", "line%0D%0Anext%0A"},
		{"%0A is not a newline", "%250A is not a newline", "%250A is not a newline"},
	} {
		if got := EscapeData(tc.in); got != tc.data {
			t.Errorf("EscapeData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := EscapeProperty(tc.in); got != tc.prop {
			t.Errorf("EscapeProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

func TestWorkflowCommand(t *testing.T) {
	for _, tc := range []struct {
		f    check.Finding
		want string
	}{
		{check.Finding{Rule: "figure-changed", Severity: check.Warning, File: "reports/a,b:c.txt", Line: 8, Column: 16, Message: "增长 7%左右 → 6%左右: a, b\nnext"},
			"::warning file=reports/a%2Cb%3Ac.txt,line=8,col=16,title=figure-changed::增长 7%25左右 → 6%25左右: a, b%0Anext"},
		{check.Finding{Rule: "report-removed", Severity: check.Notice, File: "r/2015.txt", Message: "gone"},
			"::notice file=r/2015.txt,title=report-removed::gone"},
		{check.Finding{Rule: "year-changed", Severity: check.Error, File: "a.txt", Line: 3, Message: "100%\r"},
			"::error file=a.txt,line=3,title=year-changed::100%25%0D"},
	} {
		if got := workflowCommand(tc.f); got != tc.want {
			t.Errorf("workflowCommand:\n got %s\nwant %s", got, tc.want)
		}
	}
}

// findings returns n findings of each severity, and two already there.
func findings(n int) *check.Result {
	res := &check.Result{Against: "HEAD"}
	for _, sev := range []check.Severity{check.Notice, check.Warning, check.Error} {
		for i := range n {
			res.Findings = append(res.Findings, check.Finding{Rule: "r", Severity: sev, File: "a.txt", Line: i + 1,
				Message: fmt.Sprintf("%s %d", sev, i), Fingerprint: "f", State: check.New})
		}
	}
	for i := range 2 {
		res.Findings = append(res.Findings, check.Finding{Rule: "q", Severity: check.Error, File: "b.txt", Line: i + 1,
			Message: "old", Fingerprint: "g", State: check.Existing})
	}
	return res
}

// TestGitHubLimits: GitHub shows 10 annotations of each kind per step: the
// errors come first, the rest go to the log as plain lines, and the last
// notice (which needs a place among the ten) says how many.
func TestGitHubLimits(t *testing.T) {
	var b bytes.Buffer
	if err := CheckGitHub(&b, findings(12)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	count := map[string]int{}
	for _, l := range lines {
		if kind, _, ok := strings.Cut(l, " "); ok && strings.HasPrefix(kind, "::") {
			count[kind]++
		}
	}
	if count["::error"] != 10 || count["::warning"] != 10 || count["::notice"] != 10 {
		t.Errorf("annotations %v, want 10 of each kind", count)
	}
	if !strings.HasPrefix(lines[0], "::error ") {
		t.Errorf("the first line is %q, want an error", lines[0])
	}
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "::notice title=reportdiff check::7 more findings not shown as annotations") {
		t.Errorf("the last line is %q", last)
	}
	if !strings.Contains(b.String(), "b.txt:1: error q: old (already there)\n") {
		t.Errorf("a finding already there is not in the log:\n%s", b.String())
	}
	b.Reset()
	if err := CheckGitHub(&b, findings(2)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "more findings") || strings.Count(b.String(), "\n::") != 5 {
		t.Errorf("within the limits, every new finding is an annotation and nothing more is said:\n%s", b.String())
	}
}

// TestSARIFSchema validates the SARIF output against the SARIF 2.1.0 schema
// (testdata/sarif-schema-2.1.0.json: the OASIS standard's schema with its
// errata, as the go-sarif module ships it), formats asserted.
func TestSARIFSchema(t *testing.T) {
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	res := findings(2)
	res.Findings = append(res.Findings,
		check.Finding{Rule: "figure-changed", Severity: check.Warning, File: "報告/2016 年.txt", Line: 8, Column: 16, Message: "增长 7% → 6%", Fingerprint: "0123", State: check.New},
		check.Finding{Rule: "report-removed", Severity: check.Notice, File: "r/a#b.txt", Message: "gone", Fingerprint: "4567", State: check.New})
	var b bytes.Buffer
	if err := CheckSARIF(&b, res); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("the SARIF output does not follow the schema: %v\n%s", err, b.String())
	}
	var log sarifLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != len(check.Rules()) {
		t.Errorf("%d rules in the driver, want every rule (%d)", len(run.Tool.Driver.Rules), len(check.Rules()))
	}
	got := map[string]sarifResult{}
	for _, r := range run.Results {
		got[r.RuleID] = r
	}
	fig := got["figure-changed"]
	loc := fig.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "%E5%A0%B1%E5%91%8A/2016%20%E5%B9%B4.txt" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" ||
		loc.Region == nil || loc.Region.StartLine != 8 || loc.Region.StartColumn != 16 || fig.Level != "warning" ||
		fig.PartialFingerprints[SARIFFingerprint] != "0123" || fig.BaselineState != "new" || run.Tool.Driver.Rules[fig.RuleIndex].ID != "figure-changed" {
		t.Errorf("the figure's result: %+v", fig)
	}
	if r := got["report-removed"]; r.Locations[0].PhysicalLocation.Region != nil || r.Level != "note" ||
		r.Locations[0].PhysicalLocation.ArtifactLocation.URI != "r/a%23b.txt" {
		t.Errorf("a finding on no line: %+v", r)
	}
	if r := got["q"]; r.RuleID != "" {
		t.Errorf("a finding of no rule of reportdiff is left out of SARIF: %+v", r)
	}
}

func TestMarkdown(t *testing.T) {
	res := &check.Result{Against: "origin/main", Compared: 1, Findings: []check.Finding{
		{Rule: "year-changed", Severity: check.Error, File: "r/a.txt", Line: 2, Subject: "a", Old: "2015", New: "2016", Message: "dated 2016"},
		{Rule: "figure-changed", Severity: check.Warning, File: "r/a.txt", Line: 4, Column: 3, Subject: "增长|率", Old: "7%", New: "6%", Message: "增长 7% → 6%"},
		{Rule: "commitment-changed", Severity: check.Warning, File: "r/a.txt", Line: 5, Subject: "中心", Old: "promised", New: "achieved"},
		{Rule: "part-removed", Severity: check.Error, File: "r/a.txt", Line: 1, Message: "no <plan> part"},
		{Rule: "wording-changed", Severity: check.Notice, File: "r/a.txt", Line: 6, Message: "reworded",
			Edits: []check.Edit{{Op: "equal", Text: "建成"}, {Op: "delete", Text: "文化"}, {Op: "insert", Text: "艺术"}, {Op: "equal", Text: "中心"}}},
	}}
	var b bytes.Buffer
	if err := CheckMarkdown(&b, res, 0); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"### reportdiff check against origin/main",
		"| error | 2 |",
		"#### Years\n\n| where | report | before | after |\n| --- | --- | --- | --- |\n| `r/a.txt:2` | a | 2015 | 2016 |",
		"| `r/a.txt:4:3` | 增长\\|率 | 7% | 6% |",
		"| `r/a.txt:5` | 中心 | promised | achieved |",
		"| error | part-removed | `r/a.txt:1` | no &lt;plan&gt; part |",
		"<details><summary>1 paragraph reworded</summary>",
		"- `r/a.txt:6` 建成<del>文化</del><ins>艺术</ins>中心",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	// Cut to fit: what is left is whole lines, <details> closed, and says so.
	for _, max := range []int{400, 700, len(out) - 10} {
		b.Reset()
		if err := CheckMarkdown(&b, res, max); err != nil {
			t.Fatal(err)
		}
		cut := b.String()
		if len(cut) > max || !strings.Contains(cut, "was cut to fit") || strings.Count(cut, "<details>") != strings.Count(cut, "</details>") {
			t.Errorf("cut to %d bytes (%d):\n%s", max, len(cut), cut)
		}
	}
}

func TestCheckText(t *testing.T) {
	var b bytes.Buffer
	if err := CheckText(&b, findings(1), Style{}); err != nil {
		t.Fatal(err)
	}
	want := `a.txt:1: notice r: notice 0
a.txt:1: warning r: warning 0
a.txt:1: error r: error 0
b.txt:1: error q: old (already there)
b.txt:2: error q: old (already there)
1 error, 1 warning and 1 notice (and 2 lint findings already there) against HEAD: 0 reports compared
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := CheckText(&b, &check.Result{}, Style{}); err != nil || b.Len() != 0 {
		t.Errorf("a clean lint writes nothing; got %q", b.String())
	}
}
