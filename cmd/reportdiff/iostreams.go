package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"

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

	outTTY    bool
	width     int
	height    int
	noColor   bool   // NO_COLOR is set, or TERM=dumb
	pager     string // $PAGER, or "less -R"
	colorMode string // auto, always, never: set from --color

	pagerCmd *exec.Cmd
	realOut  io.Writer
}

// System returns the streams of the process.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, colorMode: "auto"}
	fd := os.Stdout.Fd()
	s.outTTY = isatty.IsTerminal(fd) || isatty.IsCygwinTerminal(fd)
	if s.outTTY {
		if w, h, err := term.GetSize(int(fd)); err == nil && w > 0 {
			s.width, s.height = w, h
		}
	}
	if s.width == 0 {
		if w, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && w > 0 {
			s.width = w
		}
	}
	_, noColor := os.LookupEnv("NO_COLOR")
	s.noColor = noColor || os.Getenv("TERM") == "dumb"
	s.pager = os.Getenv("PAGER")
	if s.pager == "" {
		s.pager = "less -R"
	}
	return s
}

// TestStreams returns streams writing to buffers, not a terminal.
func TestStreams() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut, colorMode: "auto", pager: "less -R"}, out, errOut
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

// StartPager sends Out through the pager, only when stdout is a terminal.
func (s *IOStreams) StartPager() error {
	if !s.outTTY || s.pager == "" || s.pager == "cat" {
		return nil
	}
	args := strings.Fields(s.pager)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = s.Out, s.ErrOut
	cmd.Env = append(os.Environ(), "LESS=FRX"+os.Getenv("LESS"))
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return nil // no pager to be had: write straight to the terminal
	}
	s.pagerCmd, s.realOut, s.Out = cmd, s.Out, in
	return nil
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
