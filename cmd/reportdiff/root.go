package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/render"
)

// Exit statuses, like diff(1).
const (
	exitOK       = 0 // nothing to report
	exitFindings = 1 // findings or differences
	exitTrouble  = 2 // bad usage or bad input
)

// usageError is an error in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// errFound says the command found what it reports with exit status 1
// (findings, differences); its output has been written already.
var errFound = errors.New("found")

// exitCode decides the exit status of every command, in this one place.
func exitCode(err error) int {
	var ie *corpus.InputError
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFound):
		return exitFindings
	case errors.As(err, &ie), errors.As(err, &ue):
		return exitTrouble
	}
	return exitTrouble
}

// globalOptions are the flags every command takes.
type globalOptions struct {
	io         *IOStreams
	corpusPath string
	format     string
	color      string
	years      []string

	quietWarnings bool // the command shows the reading's warnings itself
}

// load reads the corpus the flags name.
func (g *globalOptions) load() (*corpus.Corpus, error) {
	opts := corpus.Options{Years: map[string]int{}}
	for _, y := range g.years {
		id, year, ok := strings.Cut(y, "=")
		n, err := strconv.Atoi(year)
		if !ok || err != nil || n < 1900 || n > 2200 {
			return nil, usagef("--year %q: want ID=YEAR, e.g. --year p1=2016", y)
		}
		opts.Years[id] = n
	}
	c, err := corpus.Load(g.corpusPath, opts)
	if err != nil {
		return nil, err
	}
	if !g.quietWarnings {
		for _, w := range c.Warnings {
			fmt.Fprintf(g.io.ErrOut, "reportdiff: warning: %s\n", w)
		}
	}
	return c, nil
}

func (g *globalOptions) style() render.Style {
	return render.Style{Color: g.io.ColorEnabled(), Width: g.io.Width()}
}

func (g *globalOptions) json() bool { return g.format == "json" }

// allowFormats fails unless --format is one of formats.
func (g *globalOptions) allowFormats(formats ...string) error {
	for _, f := range formats {
		if g.format == f {
			return nil
		}
	}
	return usagef("--format %q: this command writes %s", g.format, strings.Join(formats, " or "))
}

// validate checks the global flags once they are parsed.
func (g *globalOptions) validate() error {
	switch g.format {
	case "text", "json", "csv":
	default:
		return usagef("--format %q: want text or json (csv for priorities)", g.format)
	}
	switch g.color {
	case "auto", "always", "never":
	default:
		return usagef("--color %q: want auto, always or never", g.color)
	}
	g.io.colorMode = g.color
	return nil
}

func newRootCmd(io *IOStreams) *cobra.Command {
	g := &globalOptions{io: io}
	root := &cobra.Command{
		Use:   "reportdiff",
		Short: "Compare annual government work reports year by year",
		Long: `reportdiff reads a corpus of government work reports (政府工作報告), in Simplified or
Traditional Chinese, and shows how they changed from year to year.

Without --corpus it reads the embedded default corpus: three work reports of
Dongcheng District, Beijing. A corpus is a file holding one report or several
(each opened by a line 篇1, 篇2 …), or a directory of UTF-8 text files, one
report each, with an optional manifest.json.

Exit status: 0 nothing found, 1 findings or differences, 2 bad usage or input.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return g.validate()
		},
	}
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.StringVar(&g.corpusPath, "corpus", "", "corpus file or directory (default: the embedded Dongcheng reports)")
	pf.StringVar(&g.format, "format", "text", "output format: text or json")
	pf.StringVar(&g.color, "color", "auto", "color output: auto, always or never (auto honours NO_COLOR)")
	pf.StringArrayVar(&g.years, "year", nil, "state a report's year outright: ID=YEAR (repeatable)")
	root.AddCommand(
		newCorpusCmd(g, nil),
		newOutlineCmd(g, nil),
		newCheckCmd(g, nil),
		newAlignCmd(g, nil),
		newDiffCmd(g, nil),
		newShowCmd(g, nil),
		newPrioritiesCmd(g, nil),
		newCommitmentsCmd(g, nil),
		newTargetsCmd(g, nil),
	)
	return root
}

// run runs the command line args and returns the exit status.
func run(args []string, io *IOStreams) int {
	root := newRootCmd(io)
	root.SetArgs(args)
	err := root.Execute()
	code := exitCode(err)
	if err != nil && !errors.Is(err, errFound) {
		fmt.Fprintf(io.ErrOut, "reportdiff: %v\n", err)
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintln(io.ErrOut, "Run 'reportdiff --help' for usage.")
		}
	}
	return code
}

// argsUsage wraps a cobra positional-argument check so that its errors are
// usage errors.
func argsUsage(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
