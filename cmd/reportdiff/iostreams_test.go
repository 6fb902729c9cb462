package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestColorDecision runs a command on a fake terminal under several
// environments: colors are on for a terminal unless NO_COLOR has a value
// (an empty NO_COLOR does not count, as no-color.org says) or TERM is dumb;
// --color always and never win over both.
func TestColorDecision(t *testing.T) {
	tests := []struct {
		env   map[string]string
		args  []string
		color bool
	}{
		{map[string]string{}, nil, true},
		{map[string]string{"NO_COLOR": ""}, nil, true},
		{map[string]string{"NO_COLOR": "1"}, nil, false},
		{map[string]string{"TERM": "dumb"}, nil, false},
		{map[string]string{"NO_COLOR": "1"}, []string{"--color", "always"}, true},
		{map[string]string{}, []string{"--color", "never"}, false},
	}
	for _, tt := range tests {
		ios, out, _ := TestTerminal(100, 0, tt.env)
		args := append([]string{"outline", "2014"}, tt.args...)
		if code := run(args, ios); code != exitOK {
			t.Fatalf("%v %v: exit %d", tt.env, args, code)
		}
		if got := strings.Contains(out.String(), "\x1b["); got != tt.color {
			t.Errorf("env %v, %v: colors %v, want %v", tt.env, tt.args, got, tt.color)
		}
	}
	// Not a terminal: no colors, whatever the environment.
	ios, out, _ := TestStreams()
	run([]string{"outline", "2014"}, ios)
	if strings.Contains(out.String(), "\x1b[") {
		t.Error("colors on output that is not a terminal")
	}
}

// TestPagerEnvironment checks what the pager is given: the whole output,
// LESS=FRX only when the user has not set LESS, and PAGER read as a shell
// command (quotes and redirections work).
func TestPagerEnvironment(t *testing.T) {
	dir := t.TempDir()
	got := filepath.Join(dir, "paged file")
	env := filepath.Join(dir, "env")
	pager := `sh -c 'echo "LESS=$LESS" > "$0"; cat > "$1"' '` + env + `' '` + got + `'`
	for _, tt := range []struct {
		less     *string
		wantLess string
	}{
		{nil, "LESS=FRX"},
		{ptr("-S"), "LESS=-S"},
		{ptr(""), "LESS="},
	} {
		e := map[string]string{"PAGER": pager}
		if tt.less != nil {
			e["LESS"] = *tt.less
			t.Setenv("LESS", *tt.less)
		} else {
			os.Unsetenv("LESS")
		}
		ios, out, _ := TestTerminal(100, 10, e)
		if code := run([]string{"diff", "2015", "2016", "--color", "never"}, ios); code != exitFindings {
			t.Fatalf("exit %d", code)
		}
		b, err := os.ReadFile(got)
		if err != nil || !strings.Contains(string(b), "2015 p2 → 2016 p1") {
			t.Fatalf("the pager did not get the output: %v, %d bytes", err, len(b))
		}
		if out.Len() != 0 {
			t.Error("output went around the pager")
		}
		if e, _ := os.ReadFile(env); strings.TrimSpace(string(e)) != tt.wantLess {
			t.Errorf("LESS %v: the pager saw %q, want %q", tt.less, strings.TrimSpace(string(e)), tt.wantLess)
		}
	}
}

func ptr(s string) *string { return &s }

// TestPagerMissing checks that a pager that cannot start leaves the output
// on the terminal, with a warning.
func TestPagerMissing(t *testing.T) {
	ios, out, errOut := TestTerminal(100, 10, map[string]string{"PAGER": "/no/such/pager -R"})
	if code := run([]string{"diff", "2015", "2016"}, ios); code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out.String(), "2015 p2 → 2016 p1") {
		t.Error("no output on the terminal")
	}
	if !strings.Contains(errOut.String(), `the pager "/no/such/pager -R" did not start`) {
		t.Errorf("no warning: %q", errOut.String())
	}
}
