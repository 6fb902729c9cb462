package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiffExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"diff", "2015", "2016"}, exitFindings},
		{[]string{"diff", "2015", "2015"}, exitOK},
		{[]string{"diff", "p2", "p2", "--format", "json"}, exitOK},
		{[]string{"diff", "2015", "2030"}, exitTrouble},
		{[]string{"diff", "2015"}, exitTrouble},
		{[]string{"diff", "2015", "2016", "--side-by-side", "--width", "30"}, exitTrouble},
		{[]string{"diff", "2015", "2016", "--theme", "weather"}, exitTrouble},
		{[]string{"diff", "2015", "2016", "--unit", "p9.9"}, exitTrouble},
	}
	for _, tt := range tests {
		ios, _, _ := TestStreams()
		if got := run(tt.args, ios); got != tt.want {
			t.Errorf("reportdiff %s: exit %d, want %d", strings.Join(tt.args, " "), got, tt.want)
		}
	}
}

// TestPager checks that the pager runs only when stdout is a terminal, and
// that it then gets the whole output.
func TestPager(t *testing.T) {
	dir := t.TempDir()
	paged := filepath.Join(dir, "paged")
	script := filepath.Join(dir, "pager.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\ncat > "+paged+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	ios, out, _ := TestStreams()
	ios.pager, ios.height = script, 10
	if code := run([]string{"diff", "2015", "2016"}, ios); code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	if _, err := os.Stat(paged); err == nil {
		t.Fatal("the pager ran although stdout is not a terminal")
	}
	if out.Len() == 0 {
		t.Fatal("no output")
	}

	ios, out, _ = TestStreams()
	ios.pager, ios.height, ios.outTTY = script, 10, true
	run([]string{"diff", "2015", "2016", "--color", "never"}, ios)
	b, err := os.ReadFile(paged)
	if err != nil || len(b) == 0 || !strings.Contains(string(b), "2015 p2 → 2016 p1") {
		t.Fatalf("the pager did not get the output: %v, %d bytes", err, len(b))
	}
	if out.Len() != 0 {
		t.Errorf("output went around the pager")
	}
	os.Remove(paged)
	ios, _, _ = TestStreams()
	ios.pager, ios.height, ios.outTTY = script, 10, true
	run([]string{"diff", "2015", "2016", "--no-pager"}, ios)
	if _, err := os.Stat(paged); err == nil {
		t.Fatal("the pager ran with --no-pager")
	}
}
