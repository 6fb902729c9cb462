package main

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestReadmeExamples runs every example of README.md, a fenced block that
// opens with "$ go run ./cmd/reportdiff ARGS" (optionally "| head -N" or
// "| tail -N"), and checks that the block shows the real output. With
// -update it rewrites the blocks instead.
func TestReadmeExamples(t *testing.T) {
	const path = "../../README.md"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	var out []string
	examples := 0
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		if lines[i] != "```" || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "$ go run ./cmd/reportdiff ") {
			continue
		}
		cmdLine := lines[i+1]
		out = append(out, cmdLine)
		end := i + 2
		for end < len(lines) && lines[end] != "```" {
			end++
		}
		got := runExample(t, cmdLine)
		want := strings.Join(lines[i+2:end], "\n")
		if got != want && !*update {
			t.Errorf("README example %q shows:\n%s\nbut prints:\n%s", cmdLine, want, got)
		}
		out = append(out, got)
		examples++
		i = end - 1
	}
	if examples < 5 {
		t.Fatalf("found %d examples in README.md", examples)
	}
	if *update {
		if err := os.WriteFile(path, []byte(strings.Join(out, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runExample runs "$ go run ./cmd/reportdiff ARGS [| head -N | tail -N]".
func runExample(t *testing.T, line string) string {
	t.Helper()
	parts := strings.Split(strings.TrimPrefix(line, "$ go run ./cmd/reportdiff "), " | ")
	ios, stdout, _ := TestStreams()
	run(strings.Fields(parts[0]), ios)
	text := strings.TrimSuffix(stdout.String(), "\n")
	rows := strings.Split(text, "\n")
	for _, p := range parts[1:] {
		f := strings.Fields(p)
		if len(f) != 2 {
			t.Fatalf("%q: only head -N and tail -N pipes are understood", line)
		}
		n, err := strconv.Atoi(strings.TrimPrefix(f[1], "-"))
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		switch f[0] {
		case "head":
			rows = rows[:min(n, len(rows))]
		case "tail":
			rows = rows[max(0, len(rows)-n):]
		default:
			t.Fatalf("%q: only head and tail pipes are understood", line)
		}
	}
	return strings.Join(rows, "\n")
}

// TestReadmeAgainstExample: README's example of check --against is the
// output the end-to-end script expects (testdata/script/against.txtar,
// want/text.txt), which the script checks against the real command.
func TestReadmeAgainstExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile("testdata/script/against.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var want string
	for _, f := range ar.Files {
		if f.Name == "want/text.txt" {
			want = string(f.Data)
		}
	}
	block := "```\n$ reportdiff check --corpus reports --against HEAD\n" + want + "```\n"
	if want == "" || !strings.Contains(string(readme), block) {
		t.Errorf("README does not show the output of check --against HEAD that against.txtar expects:\n%s", block)
	}
}
