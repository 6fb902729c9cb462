package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

// IOStreams holds the command's input and outputs and what is known about
// them: whether stdout is a terminal, how wide it is, whether colors are
// wanted and which pager to use. It is decided once, at start-up, from the
// environment; tests build one from buffers with TestStreams.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	outTTY        bool
	errTTY        bool          // stderr is a terminal: a progress bar may be shown there
	progressAfter time.Duration // how long work runs before a progress bar shows (a second)
	width         int
	height        int
	noColor       bool   // NO_COLOR is set to a value, or TERM=dumb
	pager         string // $PAGER, or "less -R": a shell command
	lessEnv       bool   // LESS is unset: the pager gets LESS=FRX
	colorMode     string // auto, always, never: set from --color

	stepSummary string // GITHUB_STEP_SUMMARY: the file a GitHub Actions step's summary is appended to

	closeOut func() error // closes the file -o names, once the command is done
	pagerCmd *exec.Cmd
	realOut  io.Writer
}

// System returns the streams of the process.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, colorMode: "auto"}
	fd := os.Stdout.Fd()
	s.outTTY = isatty.IsTerminal(fd) || isatty.IsCygwinTerminal(fd)
	efd := os.Stderr.Fd()
	s.errTTY = isatty.IsTerminal(efd) || isatty.IsCygwinTerminal(efd)
	s.progressAfter = time.Second
	if s.outTTY {
		if w, h, err := term.GetSize(int(fd)); err == nil && w > 0 {
			s.width, s.height = w, h
		}
	}
	s.fromEnv(os.LookupEnv)
	return s
}

// fromEnv reads what the environment says of the terminal, as git and the
// GitHub CLI read it: NO_COLOR set to a value (no-color.org: an empty
// NO_COLOR does not count) or TERM=dumb turns colors off; COLUMNS gives the
// width when the terminal does not; PAGER names the pager, a shell command;
// LESS, when the user has not set it, becomes FRX for the pager.
func (s *IOStreams) fromEnv(lookup func(string) (string, bool)) {
	get := func(k string) string { v, _ := lookup(k); return v }
	if s.width == 0 {
		if w, err := strconv.Atoi(get("COLUMNS")); err == nil && w > 0 {
			s.width = w
		}
	}
	s.noColor = get("NO_COLOR") != "" || get("TERM") == "dumb"
	s.pager = get("PAGER")
	if s.pager == "" {
		s.pager = "less -R"
	}
	_, set := lookup("LESS")
	s.lessEnv = !set
	s.stepSummary = get("GITHUB_STEP_SUMMARY")
}

// StepSummary returns the file GitHub Actions appends a step's summary
// from (GITHUB_STEP_SUMMARY), or "" outside GitHub Actions.
func (s *IOStreams) StepSummary() string { return s.stepSummary }

// TestStreams returns streams writing to buffers, not a terminal.
func TestStreams() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut, colorMode: "auto", pager: "less -R", lessEnv: true}, out, errOut
}

// TestTerminal returns streams writing to buffers that stand for a
// terminal of the given size, with the environment env.
func TestTerminal(width, height int, env map[string]string) (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	s, out, errOut := TestStreams()
	s.outTTY, s.width, s.height = true, width, height
	s.fromEnv(func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	return s, out, errOut
}

// ColorEnabled decides colors: --color always or never wins; auto colors a
// terminal unless NO_COLOR is set.
func (s *IOStreams) ColorEnabled() bool {
	switch s.colorMode {
	case "always":
		return true
	case "never":
		return false
	}
	return s.outTTY && !s.noColor
}

// Width returns the width of the terminal, or 100 when stdout is not one.
func (s *IOStreams) Width() int {
	if s.width > 0 {
		return s.width
	}
	return 100
}

// Height returns the number of lines of the terminal, or 0 when stdout is
// not one.
func (s *IOStreams) Height() int { return s.height }

// IsStdoutTTY reports whether stdout is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.outTTY }

// IsStderrTTY reports whether stderr is a terminal, where a progress bar
// may be drawn; never in a pipe, a file or a CI log.
func (s *IOStreams) IsStderrTTY() bool { return s.errTTY }

// StartPager sends Out through the pager, only when stdout is a terminal.
// The pager is a shell command, run as git runs it (sh -c "$PAGER"), so
// PAGER='less -R "+/a b"' works. When it cannot start (its program is not
// found, or sh fails), StartPager says so on ErrOut and output goes straight
// to the terminal.
func (s *IOStreams) StartPager() {
	if !s.outTTY || strings.TrimSpace(s.pager) == "" || strings.TrimSpace(s.pager) == "cat" {
		return
	}
	fail := func(err error) {
		fmt.Fprintf(s.ErrOut, "reportdiff: warning: the pager %q did not start (%v); writing straight to the terminal\n", s.pager, err)
	}
	if prog := firstWord(s.pager); prog != "" {
		if _, err := exec.LookPath(prog); err != nil {
			fail(err)
			return
		}
	}
	cmd := exec.Command("sh", "-c", s.pager)
	cmd.Stdout, cmd.Stderr = s.Out, s.ErrOut
	cmd.Env = os.Environ()
	if s.lessEnv {
		cmd.Env = append(cmd.Env, "LESS=FRX")
	}
	in, err := cmd.StdinPipe()
	if err != nil {
		fail(err)
		return
	}
	if err := cmd.Start(); err != nil {
		fail(err)
		return
	}
	s.pagerCmd, s.realOut, s.Out = cmd, s.Out, in
}

// firstWord returns the program a shell command line starts with, when the
// line starts with a plain word (no quotes, variables or redirections), or
// "".
func firstWord(cmdline string) string {
	w := strings.Fields(cmdline)
	if len(w) == 0 || strings.ContainsAny(w[0], "'\"$`\\=<>|&;(){}*?~") {
		return ""
	}
	return w[0]
}

// StopPager waits for the pager to finish.
func (s *IOStreams) StopPager() {
	if s.pagerCmd == nil {
		return
	}
	if c, ok := s.Out.(io.Closer); ok {
		c.Close()
	}
	_ = s.pagerCmd.Wait()
	s.Out, s.pagerCmd = s.realOut, nil
}
