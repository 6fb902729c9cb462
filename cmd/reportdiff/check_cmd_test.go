package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckExitCodes: exit 1 when a finding at or above --fail-on is
// there, else 0; 2 on trouble, with a message that says what to do.
func TestCheckExitCodes(t *testing.T) {
	dir := gitCorpus(t, 3) // one figure edited: a warning
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{}, exitOK},
		{[]string{"--fail-on", "error"}, exitOK},
		{[]string{"--fail-on", "warning"}, exitFindings},
		{[]string{"--fail-on", "notice"}, exitFindings},
		{[]string{"--fail-on", "never"}, exitOK},
		{[]string{"--fail-on", "fatal"}, exitTrouble},
	} {
		ios, out, errOut := TestStreams()
		args := append([]string{"check", "--corpus", dir, "--against", "HEAD"}, tc.args...)
		if code := run(args, ios); code != tc.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", tc.args, code, tc.code, out, errOut)
		}
	}
	// A year edited: an error, which fails by default.
	first := filepath.Join(dir, "r0000.txt")
	b, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(first, []byte(strings.ReplaceAll(string(b), "1980年", "1970年")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
	}{{nil, exitFindings}, {[]string{"--fail-on", "never"}, exitOK}} {
		ios, out, errOut := TestStreams()
		args := append([]string{"check", "--corpus", dir, "--against", "HEAD"}, tc.args...)
		if code := run(args, ios); code != tc.code || !strings.Contains(out.String(), "error year-changed") {
			t.Errorf("a year edited, %v: exit %d, want %d\n%s%s", tc.args, code, tc.code, out, errOut)
		}
	}
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "a.txt"), []byte("一、2020年工作回顾\n发展。\n二、2021年工作安排\n推进。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"--corpus", dir, "--against", "no-such-branch"}, `unknown revision "no-such-branch" (fetch it first`},
		{[]string{"--corpus", outside, "--against", "HEAD"}, "is not in a git work tree (run the check in a clone"},
		{[]string{"--against", "HEAD"}, "--against: give the corpus with --corpus PATH"},
		{[]string{"--corpus", dir, "--against", "HEAD", "--baseline", "f.json"}, "--against and --baseline: give one"},
		{[]string{"--corpus", dir, "--update-baseline"}, "--update-baseline: give the file with --baseline FILE"},
		{[]string{"--corpus", dir, "--baseline", filepath.Join(outside, "none.json")}, "cannot read the baseline"},
	} {
		ios, out, errOut := TestStreams()
		if code := run(append([]string{"check"}, tc.args...), ios); code != exitTrouble || !strings.Contains(errOut.String(), tc.says) {
			t.Errorf("%v: exit %d, want 2 saying %q\n%s%s", tc.args, code, tc.says, out, errOut)
		}
	}
}
