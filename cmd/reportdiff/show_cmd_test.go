package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShowControls checks that show sends no control character of a
// report to a terminal (it shows them as pictures), that the text goes to
// a pipe byte for byte, and that --raw, the file's own bytes, is refused on
// a terminal.
func TestShowControls(t *testing.T) {
	text := "2021年示范市政府工作报告\r\n一、2020年工作回顾\r\n" + strings.Repeat("全市经济运行稳中有进，新建学校十所，改造道路二十公里。\r\n", 20) +
		"控制\x1b[31m红色\x1b[0m和\x07响铃、\b退格。\x1b]0;pwned\x07\r\n二、2021年工作安排\r\n建成新馆。\r\n"
	path := filepath.Join(t.TempDir(), "2021.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, out, errOut := TestTerminal(80, 24, nil)
	if code := run([]string{"--corpus", path, "show", "2021"}, ios); code != exitOK {
		t.Fatalf("show on a terminal: exit %d: %s", code, errOut)
	}
	want := strings.NewReplacer("\x1b", "␛", "\x07", "␇", "\b", "␈").Replace(text)
	if out.String() != want {
		t.Errorf("show on a terminal wrote %q, want %q", out, want)
	}

	ios, out, _ = TestStreams()
	if code := run([]string{"--corpus", path, "show", "2021"}, ios); code != exitOK || out.String() != text {
		t.Errorf("show to a pipe: exit %d, wrote %q, want the text byte for byte", code, out)
	}
	ios, out, _ = TestStreams()
	if code := run([]string{"--corpus", path, "show", "2021", "--raw"}, ios); code != exitOK || out.String() != text {
		t.Errorf("show --raw to a pipe: exit %d, wrote %q, want the file's bytes", code, out)
	}

	// CSV, a table for a program: pictures on a terminal, bytes in a pipe.
	ios, out, errOut = TestTerminal(80, 24, nil)
	if code := run([]string{"--corpus", path, "outline", "2021", "--format", "csv"}, ios); code != exitOK || strings.ContainsAny(out.String(), "\x1b\x07\b") || !strings.Contains(out.String(), "␛[31m") {
		t.Errorf("outline --format csv on a terminal: exit %d (%s), wrote %q", code, errOut, out)
	}
	ios, out, _ = TestStreams()
	if code := run([]string{"--corpus", path, "outline", "2021", "--format", "csv"}, ios); code != exitOK || !strings.Contains(out.String(), "\x1b[31m") {
		t.Errorf("outline --format csv to a pipe: exit %d, wrote %q, want the text's bytes", code, out)
	}

	ios, out, errOut = TestTerminal(80, 24, nil)
	if code := run([]string{"--corpus", path, "show", "2021", "--raw"}, ios); code != exitTrouble || out.Len() != 0 || !strings.Contains(errOut.String(), "file or a pipe") {
		t.Errorf("show --raw on a terminal: exit %d, wrote %q, said %q; want exit 2 and nothing written", code, out, errOut)
	}
}
