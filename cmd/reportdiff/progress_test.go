package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The progress bar is drawn on a terminal only: never in a pipe, a file or
// a CI log, however long the work.
func TestProgressOnlyOnATerminal(t *testing.T) {
	dir := t.TempDir()
	for _, gov := range []string{"甲市", "乙市", "丙市"} {
		os.MkdirAll(filepath.Join(dir, gov), 0o755)
		text := gov + "政府工作报告\n各位代表：\n一、2021年工作回顾\n经济平稳。\n二、2022年工作安排\n推进建设。\n"
		os.WriteFile(filepath.Join(dir, gov, "2022.txt"), []byte(text), 0o644)
	}
	for _, tty := range []bool{false, true} {
		ios, out, errOut := TestStreams()
		ios.errTTY, ios.progressAfter = tty, 0 // shown at once, were it a terminal
		if code := run([]string{"--corpus", dir, "--jobs", "1", "corpus", "--format", "csv"}, ios); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.Contains(out.String(), "甲市/2022") {
			t.Errorf("output %q", out)
		}
		drawn := strings.Contains(errOut.String(), "reading and analysing")
		if drawn != tty {
			t.Errorf("stderr a terminal: %v; progress drawn: %v (%q)", tty, drawn, errOut)
		}
	}
}
