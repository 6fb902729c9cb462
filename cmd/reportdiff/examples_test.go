package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// workflow is the part of a GitHub Actions workflow the test reads.
type workflow struct {
	Name string `yaml:"name"`
	On   map[string]any
	Jobs map[string]struct {
		RunsOn string `yaml:"runs-on"`
		Steps  []struct {
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// TestExampleWorkflows: the example CI files are YAML that parses, the
// GitHub workflow checks out enough history, sets up Go, uploads the SARIF
// it writes, and every reportdiff command line of both runs in the
// end-to-end script testdata/script/workflow.txtar.
func TestExampleWorkflows(t *testing.T) {
	script, err := os.ReadFile("testdata/script/workflow.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var commands []string
	b, err := os.ReadFile("../../examples/github-actions.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf workflow
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatalf("examples/github-actions.yml: %v", err)
	}
	job, ok := wf.Jobs["check"]
	if !ok || job.RunsOn == "" || wf.On["pull_request"] == nil {
		t.Fatalf("examples/github-actions.yml: no check job run on pull requests: %+v", wf)
	}
	uses := map[string]map[string]string{}
	for _, s := range job.Steps {
		if name, _, ok := strings.Cut(s.Uses, "@"); ok {
			uses[name] = s.With
		}
		if s.Run != "" {
			commands = append(commands, s.Run)
		}
	}
	if uses["actions/checkout"]["fetch-depth"] != "0" {
		t.Errorf("actions/checkout fetches %q commits: origin/main needs the history (fetch-depth: 0)", uses["actions/checkout"]["fetch-depth"])
	}
	if uses["actions/setup-go"]["go-version"] == "" {
		t.Error("no actions/setup-go with a go-version")
	}
	if uses["github/codeql-action/upload-sarif"]["sarif_file"] != "reportdiff.sarif" {
		t.Error("the SARIF written is not uploaded")
	}
	b, err = os.ReadFile("../../examples/gitlab-ci.yml")
	if err != nil {
		t.Fatal(err)
	}
	var gl map[string]struct {
		Script []string `yaml:"script"`
	}
	if err := yaml.Unmarshal(b, &gl); err != nil {
		t.Fatalf("examples/gitlab-ci.yml: %v", err)
	}
	commands = append(commands, gl["reportdiff"].Script...)
	found := 0
	for _, c := range commands {
		if !strings.HasPrefix(c, "reportdiff ") {
			continue
		}
		found++
		// The script runs the command line as it stands, its output
		// redirected by cp stdout.
		line, file, redirected := strings.Cut(c, " > ")
		want := "exec " + line + "\n"
		if !strings.Contains(string(script), want) {
			t.Errorf("%q does not run in testdata/script/workflow.txtar (no line %q)", c, strings.TrimSpace(want))
		}
		if redirected && !strings.Contains(string(script), "cp stdout "+filepath.Clean(file)) {
			t.Errorf("%q: the script does not keep its output in %s", c, file)
		}
	}
	if found < 3 {
		t.Errorf("%d reportdiff command lines in the examples, want 3", found)
	}
}
