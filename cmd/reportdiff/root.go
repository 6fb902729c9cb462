package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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
	width      int
	years      []string
	encoding   string
	govs       []string // --gov: the series to read, as shell patterns
	jobs       int      // --jobs: series read and analysed side by side
	strict     bool     // --strict: a file that cannot be read is an error
	output     string   // -o: the file output goes to

	warned   map[string]bool // warnings of the reading shown so far
	shown    int
	moreWarn int

	quietWarnings bool // the command shows the reading's warnings itself
}

// maxWarnings is how many warnings of the reading a command shows on
// stderr; check lists them all.
const maxWarnings = 20

// options returns the options of the reading the flags give.
func (g *globalOptions) options() (corpus.Options, error) {
	years, err := parseYears(g.years)
	if err != nil {
		return corpus.Options{}, err
	}
	opts := corpus.Options{Years: years, Strict: g.strict}
	if g.encoding != "" {
		enc, err := corpus.EncodingName(g.encoding)
		if err != nil {
			return opts, usagef("--encoding: %v", err)
		}
		opts.Encoding = enc
	}
	return opts, nil
}

// load reads the corpus the flags name: one government's reports (a
// corpus of several is narrowed to one with --gov).
func (g *globalOptions) load() (*corpus.Corpus, error) {
	col, err := g.collection()
	if err != nil {
		return nil, err
	}
	return g.loadOne(col)
}

// loadOne reads the one series of a collection, showing the warnings of
// its reading; a collection of several is refused.
func (g *globalOptions) loadOne(col *corpus.Collection) (*corpus.Corpus, error) {
	if col.Several() {
		return nil, usagef("this reads one government's reports: pick one with --gov (the corpus holds %d)", len(col.Series))
	}
	c, err := g.loadSeries(col, col.Series[0])
	if err != nil {
		return nil, err
	}
	if !g.quietWarnings {
		g.warn(c.Warnings)
	}
	return c, nil
}

// parseYears reads --year values: ID=YEAR, a report id (or file name) and a
// year from 1900 to 2200. An id given twice must be given the same year.
func parseYears(vals []string) (map[string]int, error) {
	years := map[string]int{}
	for _, v := range vals {
		id, year, ok := strings.Cut(v, "=")
		id = strings.TrimSpace(id)
		n, err := strconv.Atoi(strings.TrimSpace(year))
		if !ok || id == "" || err != nil || n < 1900 || n > 2200 {
			return nil, usagef("--year %q: want ID=YEAR with a year from 1900 to 2200, e.g. --year p1=2036", v)
		}
		if y, dup := years[id]; dup && y != n {
			return nil, usagef("--year %q: %s is given the year %d already", v, id, y)
		}
		years[id] = n
	}
	return years, nil
}

// warn writes the warnings of the reading to stderr, each once, at most
// maxWarnings of them.
func (g *globalOptions) warn(ws []corpus.Warning) {
	g.addWarnings(ws, nil)
	g.flushWarnings(nil)
}

// addWarnings writes warnings of the reading to stderr, each once, until
// maxWarnings have been written in all; the progress bar, if any, steps
// aside meanwhile.
func (g *globalOptions) addWarnings(ws []corpus.Warning, bar *progress) {
	if len(ws) == 0 {
		return
	}
	if g.warned == nil {
		g.warned = map[string]bool{}
	}
	bar.clear()
	defer bar.redraw()
	for _, w := range ws {
		s := w.String()
		if g.warned[s] {
			continue
		}
		g.warned[s] = true
		if g.shown == maxWarnings {
			g.moreWarn++
			continue
		}
		g.shown++
		fmt.Fprintf(g.io.ErrOut, "reportdiff: warning: %s\n", render.Visible(s))
	}
}

// flushWarnings says how many warnings were not shown.
func (g *globalOptions) flushWarnings(bar *progress) {
	if g.moreWarn > 0 {
		bar.clear()
		fmt.Fprintf(g.io.ErrOut, "reportdiff: warning: … and %d more (reportdiff check lists them all)\n", g.moreWarn)
		bar.redraw()
		g.moreWarn = 0
	}
}

func (g *globalOptions) style() render.Style {
	w := g.io.Width()
	if g.width > 0 {
		w = g.width
	}
	return render.Style{Color: g.io.ColorEnabled(), Width: w}
}

func (g *globalOptions) json() bool { return g.format == "json" }

func (g *globalOptions) html() bool { return g.format == "html" }

// formatsKey is the annotation of a command that lists the formats it
// writes, the first its default.
const formatsKey = "formats"

// writes declares the formats a command writes.
func writes(cmd *cobra.Command, formats ...string) *cobra.Command {
	if cmd.Annotations == nil {
		cmd.Annotations = map[string]string{}
	}
	cmd.Annotations[formatsKey] = strings.Join(formats, ",")
	return cmd
}

// formatsOf returns the formats a command writes.
func formatsOf(cmd *cobra.Command) []string {
	if f := cmd.Annotations[formatsKey]; f != "" {
		return strings.Split(f, ",")
	}
	return []string{"text"}
}

// validate checks the global flags once they are parsed, for the command
// about to run.
func (g *globalOptions) validate(cmd *cobra.Command) error {
	if err := emptyValues(cmd.Flags()); err != nil {
		return err
	}
	fs := formatsOf(cmd)
	if f := cmd.Flags().Lookup("format"); f != nil && !f.Changed {
		g.format = fs[0] // a command that writes no text writes its first format
	}
	if !slices.Contains(fs, g.format) {
		return usagef("--format %q: %s writes %s", g.format, cmd.CommandPath(), orList(fs))
	}
	switch g.color {
	case "auto", "always", "never":
	default:
		return usagef("--color %q: want auto, always or never", g.color)
	}
	if cmd.Flags().Changed("width") && g.width <= 0 {
		return usagef("--width %d: want a number of columns above 0", g.width)
	}
	if g.jobs <= 0 {
		return usagef("--jobs %d: want a number of series to read side by side, 1 or more", g.jobs)
	}
	if g.format == "parquet" && g.output == "" && g.io.IsStdoutTTY() {
		return usagef("--format parquet writes a binary file: give it with -o FILE, or send the output to a file or a pipe")
	}
	if g.output != "" {
		f, err := os.Create(g.output)
		if err != nil {
			return &corpus.InputError{Path: g.output, Msg: "cannot write the output: " + err.Error()}
		}
		g.io.Out = f
		g.io.closeOut = f.Close
		g.io.outTTY = false
	}
	if g.format == "csv" && g.io.IsStdoutTTY() {
		// A table for a program, on a terminal: the corpus's control
		// characters as pictures there too (to a file or a pipe, byte for byte).
		vw := &render.VisibleWriter{W: g.io.Out}
		g.io.Out, g.io.closeOut = vw, vw.Flush
	}
	g.io.colorMode = g.color
	return nil
}

// emptyValues refuses a flag given an empty value (--grep "", --unit "",
// --corpus "$UNSET"): none of reportdiff's flags means anything by one, and
// taking it for the flag left out would answer another question silently.
func emptyValues(fs *pflag.FlagSet) error {
	var err error
	fs.Visit(func(f *pflag.Flag) {
		if err != nil {
			return
		}
		empty := false
		switch v := f.Value.(type) {
		case pflag.SliceValue:
			empty = slices.Contains(v.GetSlice(), "") || len(v.GetSlice()) == 0
		default:
			empty = f.Value.Type() == "string" && f.Value.String() == ""
		}
		if empty {
			err = usagef("--%s \"\": an empty value; give one, or leave the flag out", f.Name)
		}
	})
	return err
}

// orList joins words as "a, b or c".
func orList(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " or " + ws[len(ws)-1]
}

// onceFlag is a string flag that may be given once: a second --corpus
// naming another path is a mistake, not a choice of the last (the same path
// again is harmless, and shell completion parses the flags twice).
type onceFlag struct {
	p   *string
	set bool
}

func (f *onceFlag) Set(s string) error {
	if f.set && s != *f.p {
		return fmt.Errorf("given twice (%q, then %q): give it once", *f.p, s)
	}
	*f.p, f.set = s, true
	return nil
}

func (f *onceFlag) String() string { return *f.p }
func (f *onceFlag) Type() string   { return "string" }

func newRootCmd(io *IOStreams) *cobra.Command {
	g := &globalOptions{io: io}
	root := &cobra.Command{
		Use:   "reportdiff",
		Short: "Compare annual government work reports year by year",
		Long: `reportdiff reads a corpus of government work reports (政府工作報告), in Simplified or
Traditional Chinese, and shows how they changed from year to year.

Without --corpus it reads the embedded default corpus of three district work
reports. A corpus is a file holding one report or several
(each opened by a line 篇1, 篇2 …), or a directory of text files, one report
each, with an optional manifest.json. Files may be plain text, markdown or text
taken from a PDF, in UTF-8, GB18030, Big5 or UTF-16 (detected; --encoding
forces one).

Exit status: 0 nothing found, 1 findings or differences, 2 bad usage or input.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// What reading and classifying need whatever the arguments is made
		// while the program initialises (package warm).
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return g.validate(cmd)
		},
		Version: version(),
	}
	root.SetVersionTemplate("reportdiff {{.Version}}\n")
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.Var(&onceFlag{p: &g.corpusPath}, "corpus", "corpus file or directory (default: the embedded corpus)")
	pf.StringVar(&g.format, "format", "text", "output format: text, json, csv … (each command's help says which it writes)")
	pf.IntVar(&g.width, "width", 0, "columns for the text views (default: the terminal's width, or 100)")
	pf.StringVar(&g.color, "color", "auto", "color output: auto, always or never (auto honours NO_COLOR)")
	pf.StringArrayVar(&g.years, "year", nil, "state a report's year outright: ID=YEAR (repeatable)")
	pf.StringVar(&g.encoding, "encoding", "", "read the corpus files in this encoding: utf-8, gb18030, big5, utf-16 (default: detect)")
	pf.StringArrayVar(&g.govs, "gov", nil, "read the series (governments) whose name matches, shell style: 甲*, *省 (repeatable)")
	pf.IntVar(&g.jobs, "jobs", runtime.NumCPU(), "how many series to read and analyse side by side (default: the number of cores)")
	pf.BoolVar(&g.strict, "strict", false, "a report file that cannot be read (empty, not text) is an error, not a warning")
	pf.StringVarP(&g.output, "output", "o", "", "write the output to this file (for --format parquet)")
	// Every command writes text and JSON; CSV where its view is a table,
	// and Parquet for the long tables; HTML where its view is more than a
	// text; report writes HTML only.
	root.AddCommand(
		writes(newCorpusCmd(g, nil), "text", "json", "csv", "parquet", "html"),
		writes(newOutlineCmd(g, nil), "text", "json", "csv", "html"),
		writes(newCheckCmd(g, nil), "text", "json", "github", "sarif", "markdown", "html"),
		writes(newFactsCmd(g, nil), "json"),
		writes(newAlignCmd(g, nil), "text", "json", "html"),
		writes(newDiffCmd(g, nil), "text", "json", "csv", "html"),
		writes(newShowCmd(g, nil), "text", "json"),
		writes(newPrioritiesCmd(g, nil), "text", "json", "csv", "parquet", "html"),
		writes(newCommitmentsCmd(g, nil), "text", "json", "csv", "parquet", "html"),
		writes(newTargetsCmd(g, nil), "text", "json", "csv", "parquet", "html"),
		writes(newReportCmd(g, nil), "html"),
	)
	g.registerCompletions(root)
	return root
}

// run runs the command line args and returns the exit status.
func run(args []string, io *IOStreams) int {
	root := newRootCmd(io)
	root.SetArgs(args)
	err := root.Execute()
	if io.closeOut != nil {
		if cerr := io.closeOut(); err == nil && cerr != nil {
			err = &corpus.InputError{Path: "-o", Msg: "cannot write the output: " + cerr.Error()}
		}
	}
	code := exitCode(err)
	if err != nil && !errors.Is(err, errFound) {
		var ie *corpus.InputError
		if errors.As(err, &ie) {
			for _, w := range ie.Warnings { // what the reading noticed before it failed
				fmt.Fprintf(io.ErrOut, "reportdiff: warning: %s\n", render.Visible(w.String()))
			}
		}
		fmt.Fprintf(io.ErrOut, "reportdiff: %s\n", render.Visible(err.Error())) // a message may quote the corpus
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

// version describes the build from its build information: the module's
// version (a tag when installed with go install …@vX.Y.Z, "(devel)" for a
// build from a work tree), the commit and its time, whether the tree had
// changes, and the Go release.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(no build information)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev != "" {
		v += " commit " + rev[:min(12, len(rev))]
		if dirty {
			v += "+changes"
		}
		if when != "" {
			v += " " + when
		}
	}
	return v + " " + info.GoVersion
}
