package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/check"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/english"
	"github.com/reportdiff/reportdiff/render"
)

type checkOptions struct {
	*globalOptions
	against        string
	baseline       string
	updateBaseline bool
	failOn         string
	rules          bool
	ignorable      bool
}

func newCheckCmd(g *globalOptions, runF func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Lint the corpus for CI, or say what an edit changed in substance",
		Long: `check lints the corpus: every report without a review or a plan part, every year
that is unknown or contradicted by the text, every gap in the numbering, every
empty paragraph and every “ or 《 left unpaired.

--against REV compares the corpus with the same corpus at a git revision (the
corpus must be in a git work tree; the earlier files are read with git, the
checkout is not touched); --against PATH with another copy on disk. It tells
the reports added, removed and renamed, years that changed, parts and sections
lost or moved, paragraphs merged or split, figures and commitments that
changed, and paragraphs reworded, as word-level diffs; and the lint findings
the edit introduced, apart from those already there. Only the files whose
bytes changed are read again.

--baseline FILE compares the corpus with a snapshot of its facts (reportdiff
facts > FILE): every fact that changed is reported, and lint findings the
snapshot records are accepted; --update-baseline rewrites it.

Every finding has a rule (--rules lists them), a severity, a place and a
fingerprint. Formats: text (file:line:col: severity rule: message), json,
github (workflow commands; with GITHUB_STEP_SUMMARY set, a markdown summary is
appended to it), sarif (2.1.0, for code scanning) and markdown.

Exit status: 1 when a finding at or above --fail-on (default error) is there
that was not there before, 0 otherwise, 2 on trouble.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runCheck(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.against, "against", "", "compare with the corpus at a git revision (REV), or with another copy of it (PATH)")
	f.StringVar(&opts.baseline, "baseline", "", "compare with a snapshot of the corpus's facts (written by reportdiff facts)")
	f.BoolVar(&opts.updateBaseline, "update-baseline", false, "rewrite the --baseline file with the corpus's facts as they are")
	f.StringVar(&opts.failOn, "fail-on", "error", "exit 1 when a finding at or above this severity is there: error, warning, notice or never")
	f.BoolVar(&opts.rules, "rules", false, "list the rules with their severity and what they mean")
	f.BoolVar(&opts.ignorable, "ignorable", false, "list the paragraphs that changed only in punctuation width or spaces (otherwise counted)")
	return cmd
}

// failLevel reads --fail-on: the least severity that fails, 0 for never.
func failLevel(s string) (check.Severity, error) {
	if s == "never" {
		return 0, nil
	}
	sev, err := check.ParseSeverity(s)
	if err != nil {
		return 0, usagef("--fail-on %q: want error, warning, notice or never", s)
	}
	return sev, nil
}

func runCheck(opts *checkOptions) error {
	if opts.rules {
		return opts.writeRules()
	}
	failAt, err := failLevel(opts.failOn)
	if err != nil {
		return err
	}
	switch {
	case opts.against != "" && opts.baseline != "":
		return usagef("--against and --baseline: give one (a baseline already tells the lint findings it accepts)")
	case opts.updateBaseline && opts.baseline == "":
		return usagef("--update-baseline: give the file with --baseline FILE")
	case opts.against != "" && opts.corpusPath == "":
		return usagef("--against: give the corpus with --corpus PATH (the embedded corpus has no earlier version)")
	}
	copts, err := opts.options()
	if err != nil {
		return err
	}
	var col *corpus.Collection
	if opts.against != "" || opts.baseline != "" {
		what := "--against"
		if opts.baseline != "" {
			what = "--baseline"
		}
		if col, err = opts.oneSeries(what); err != nil {
			return err
		}
	}
	chk := check.Options{Root: corpusRoot(opts.corpusPath), Ignorable: opts.ignorable}
	var res *check.Result
	switch {
	case opts.against != "":
		res, err = opts.checkAgainst(col, copts, chk)
	case opts.baseline != "":
		res, err = opts.checkBaseline(chk)
	default:
		res, err = opts.lint(chk)
	}
	if err != nil {
		return err
	}
	relocate(res, opts.corpusPath)
	if err := opts.write(res); err != nil {
		return err
	}
	if !opts.updateBaseline && res.Fails(failAt) {
		return errFound
	}
	return nil
}

// lint checks the corpus as it stands, a government at a time.
func (opts *checkOptions) lint(chk check.Options) (*check.Result, error) {
	opts.quietWarnings = true // they are findings here
	col, err := opts.collection()
	if err != nil {
		return nil, err
	}
	res := &check.Result{}
	for _, w := range col.Warnings {
		res.Findings = append(res.Findings, check.Lint(&corpus.Corpus{Warnings: []corpus.Warning{w}}, chk)...)
	}
	err = eachSeries(opts.globalOptions, col, func(c *corpus.Corpus) ([]check.Finding, error) {
		return check.Lint(c, chk), nil
	}, func(fs []check.Finding) error {
		res.Findings = append(res.Findings, fs...)
		return nil
	})
	return res, err
}

// oneSeries reads the corpus for a check that compares it with another
// version (--against, --baseline): one series; a corpus of several
// governments is checked a government at a time, named with --gov.
func (opts *globalOptions) oneSeries(what string) (*corpus.Collection, error) {
	col, err := opts.collection()
	if err != nil {
		return nil, err
	}
	if col.Several() {
		return nil, usagef("%s compares one government's reports: pick one with --gov (%d governments here), or give --corpus its folder", what, len(col.Series))
	}
	return col, nil
}

// checkBaseline compares the corpus with the snapshot in --baseline, and
// rewrites it with --update-baseline.
func (opts *checkOptions) checkBaseline(chk check.Options) (*check.Result, error) {
	opts.quietWarnings = true
	base := &check.Snapshot{Version: check.FactsVersion}
	b, err := os.ReadFile(opts.baseline)
	switch {
	case errors.Is(err, fs.ErrNotExist) && opts.updateBaseline:
	case err != nil:
		return nil, &corpus.InputError{Path: opts.baseline, Msg: "cannot read the baseline: " + err.Error(),
			Hint: "write one with: reportdiff facts > " + opts.baseline + ", or check --baseline " + opts.baseline + " --update-baseline"}
	default:
		if base, err = check.ParseSnapshot(b); err != nil {
			return nil, &corpus.InputError{Path: opts.baseline, Msg: "not a baseline of facts: " + err.Error(),
				Hint: "write it again with: reportdiff check --baseline " + opts.baseline + " --update-baseline"}
		}
	}
	c, err := opts.load()
	if err != nil {
		return nil, err
	}
	res, cur := check.AgainstBaseline(base, opts.baseline, c, chk)
	if opts.updateBaseline {
		var buf bytes.Buffer
		if err := check.WriteSnapshot(&buf, cur); err != nil {
			return nil, err
		}
		if err := writeFileAtomic(opts.baseline, buf.Bytes()); err != nil {
			return nil, &corpus.InputError{Path: opts.baseline, Msg: "cannot write the baseline: " + err.Error()}
		}
		lint := 0
		for _, r := range cur.Reports {
			lint += len(r.Lint)
		}
		fmt.Fprintf(opts.io.ErrOut, "reportdiff: wrote %s: the facts of %s; lint findings accepted: %d\n", opts.baseline, english.Plural(len(cur.Reports), "report", "reports"), lint)
	}
	return res, nil
}

// writeFileAtomic writes a file through a temporary file beside it, so that
// a failure leaves the old file whole. The file gets the mode of the file it
// replaces, or that of any new file (0666 less the umask): os.CreateTemp
// would leave it readable by its owner alone.
func writeFileAtomic(path string, b []byte) error {
	mode, replaces := os.FileMode(0o666), false // the umask takes its part when the file is created
	if info, err := os.Stat(path); err == nil {
		mode, replaces = info.Mode().Perm(), true
	}
	var tmp *os.File
	var err error
	for try := 0; ; try++ {
		name := filepath.Join(filepath.Dir(path), fmt.Sprintf(".%s.%d-%d", filepath.Base(path), os.Getpid(), try))
		tmp, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
		if err == nil || !errors.Is(err, fs.ErrExist) || try == 100 {
			break
		}
	}
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && replaces {
		err = os.Chmod(tmp.Name(), mode) // the replaced file's mode, whatever the umask
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// write writes the result in the format asked for; with --format github
// on GitHub Actions, it appends the markdown summary to the step's summary.
func (opts *checkOptions) write(res *check.Result) error {
	out := opts.io.Out
	switch opts.format {
	case "json":
		return render.CheckJSONTo(out, res)
	case "sarif":
		return render.CheckSARIF(out, res)
	case "markdown":
		return render.CheckMarkdown(out, res, 0)
	case "html":
		opts.quietWarnings = true // they are findings here
		c, err := opts.load()     // the paragraphs the findings link to, as the corpus stands
		if err != nil {
			return err
		}
		return render.CheckHTML(out, c, res, render.HTMLOptions{})
	case "github":
		if err := render.CheckGitHub(out, res); err != nil {
			return err
		}
		if path := opts.io.StepSummary(); path != "" {
			if err := appendSummary(path, res); err != nil {
				fmt.Fprintf(opts.io.ErrOut, "reportdiff: warning: GITHUB_STEP_SUMMARY: %v\n", err)
			}
		}
		return nil
	}
	return render.CheckText(out, res, opts.style())
}

// appendSummary appends the markdown summary to the step summary file,
// within the room GitHub gives a step.
func appendSummary(path string, res *check.Result) error {
	room := render.MaxSummary
	if info, err := os.Stat(path); err == nil {
		room -= int(info.Size())
	}
	if room <= 0 {
		return fmt.Errorf("%s is full (GitHub keeps 1 MiB per step)", path)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	err = render.CheckMarkdown(f, res, room)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (opts *checkOptions) writeRules() error {
	rules := check.Rules()
	switch opts.format {
	case "json":
		return render.RulesJSON(opts.io.Out, rules)
	case "markdown":
		return render.RulesMarkdown(opts.io.Out, rules)
	case "text":
		return render.RulesText(opts.io.Out, rules)
	}
	return usagef("--rules --format %q: the rules are listed as text, json or markdown", opts.format)
}

// corpusRoot returns the directory the corpus's files stand in: the corpus
// directory, or the directory of a corpus file ("" for the embedded one).
func corpusRoot(path string) string {
	if path == "" {
		return ""
	}
	if info, err := os.Stat(path); err == nil && !info.IsDir() {
		return filepath.Dir(path)
	}
	return path
}

// relocate names the findings' files as code hosts want them: relative to
// the top of the git work tree the corpus is in, slash-separated; outside a
// work tree, as given.
func relocate(res *check.Result, corpusPath string) {
	top := ""
	if corpusPath != "" {
		if repo, err := openRepo(corpusRoot(corpusPath)); err == nil {
			top = repo.Top
		}
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		if strings.HasPrefix(f.File, "embedded:") {
			continue
		}
		f.File = repoPath(top, f.File)
	}
}

// repoPath returns a file's path relative to top, slash-separated, when it
// is inside top; else the path as given, cleaned.
func repoPath(top, file string) string {
	if top != "" {
		if abs, err := filepath.Abs(file); err == nil {
			dir := filepath.Dir(abs)
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				dir = real
			}
			if topReal, err := filepath.EvalSymlinks(top); err == nil {
				top = topReal
			}
			if rel, err := filepath.Rel(top, filepath.Join(dir, filepath.Base(abs))); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return filepath.ToSlash(rel)
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(file))
}
