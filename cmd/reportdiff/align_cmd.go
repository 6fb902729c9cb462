package main

import (
	"bytes"
	"io"
	"math"
	"os"

	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/render"
)

type alignOptions struct {
	*globalOptions
	theme    string
	kind     string
	minScore float64
	explain  bool
	themes   string
	pair     []string // two unit ids: explain how they compare
}

func newAlignCmd(g *globalOptions, runF func(*alignOptions) error) *cobra.Command {
	opts := &alignOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "align [--explain A B]",
		Short: "Follow each topic through the years, theme by theme",
		Long: `align classifies every unit by theme and links the units of consecutive reports
that speak of the same topic: continuity links between the same kind of part
(review↔review, plan↔plan), followup links from a plan part to the next year's
review (what was promised → what was reported). Linked units form threads.

The text view shows, for each theme, one row per topic and one column per
report; each cell holds the unit's heading and the score of the link that
brought the topic there; — marks a year without it.

--explain alone shows the words that decided each unit's theme. With two
unit ids (as outline shows them), --explain A B shows how the two compare:
the score of the pair and each of its parts, the rare phrases they share and
the clauses of one found in the other, the rank of B among A's candidates in
B's part of B's report, and whether a link was made, or why not.`,
		Args: argsUsage(cobra.MaximumNArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 2 && !opts.explain:
				return usagef("two unit ids are read with --explain: reportdiff align --explain %s %s", args[0], args[1])
			case len(args) == 1:
				return usagef("--explain A B takes two unit ids, got %q", args[0])
			}
			opts.pair = args
			if opts.kind != "" && opts.kind != align.Continuity && opts.kind != align.Followup {
				return usagef("--kind %q: want continuity or followup", opts.kind)
			}
			if opts.minScore < 0 || opts.minScore > 1 || math.IsNaN(opts.minScore) {
				return usagef("--min-score %v: want a number from 0 to 1", opts.minScore)
			}
			if runF != nil {
				return runF(opts)
			}
			return runAlign(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.theme, "theme", "", "show one theme only (see the ids with --format json)")
	f.StringVar(&opts.kind, "kind", "", "show one kind of link only: continuity or followup")
	f.Float64Var(&opts.minScore, "min-score", align.DefaultMinScore, "the least similarity for a link, from 0 to 1")
	f.BoolVar(&opts.explain, "explain", false, "show the words that decided each unit's theme; with two unit ids A B, how the two compare")
	f.StringVar(&opts.themes, "themes", "", "a theme lexicon file that replaces the embedded one")
	return cmd
}

// loadLexicon reads --themes, or returns the embedded lexicon.
func loadLexicon(path string) (*align.Lexicon, error) {
	if path == "" {
		return align.DefaultLexicon(), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &corpus.InputError{Path: path, Msg: "cannot read the theme lexicon: " + err.Error()}
	}
	if err := corpus.CheckText(path, b); err != nil {
		return nil, err
	}
	lx, err := align.ParseLexicon(path, bytes.NewReader(b))
	if err != nil {
		return nil, &corpus.InputError{Path: path, Msg: err.Error()}
	}
	return lx, nil
}

func runAlign(opts *alignOptions) error {
	lx, err := loadLexicon(opts.themes)
	if err != nil {
		return err
	}
	if opts.theme != "" && !lx.Has(opts.theme) {
		return usagef("--theme %q: no such theme; the themes are %v", opts.theme, lx.IDs())
	}
	col, err := opts.collection()
	if err != nil {
		return err
	}
	if err := opts.onePage(col); err != nil {
		return err
	}
	if len(opts.pair) == 2 {
		// Two units of one series: that series alone.
		if s, _ := col.Locate(opts.pair[0]); s != nil {
			col.Series = []*corpus.Series{s}
		}
		if len(col.Series) > 1 {
			return usagef("--explain %s %s: name the units with their government (as outline shows them), or pick one with --gov", opts.pair[0], opts.pair[1])
		}
	}
	type part struct {
		name string
		doc  render.AlignJSON
		text []byte
	}
	filter := render.AlignFilter{Theme: opts.theme, Kind: opts.kind, Explain: opts.explain}
	var doc render.AlignJSON
	var stream *render.AlignStream // JSON of many governments, written as it comes
	if opts.json() && col.Many() && len(opts.pair) != 2 {
		var themes []render.ThemeJSON
		for _, t := range lx.Themes {
			themes = append(themes, render.ThemeJSON{ID: t.ID, Label: t.Label})
		}
		stream = render.NewAlignStream(opts.io.Out, themes)
	}
	secs := opts.sections(opts.io.Out, col)
	err = eachSeries(opts.globalOptions, col, func(c *corpus.Corpus) (part, error) {
		res := align.Align(align.Classify(c, lx, nil), align.Options{MinScore: opts.minScore})
		pt := part{name: c.Series}
		var b bytes.Buffer
		switch {
		case len(opts.pair) == 2:
			if err := explainPair(opts, &b, c, res); err != nil {
				return pt, err
			}
		case opts.json():
			pt.doc = render.AlignJSONOf(res, filter)
			if col.Many() {
				render.QualifyThreads(&pt.doc, c.Series)
			}
		case opts.html():
			if err := render.AlignHTML(&b, res, filter, render.HTMLOptions{}); err != nil {
				return pt, err
			}
		default:
			if err := render.Align(&b, res, filter, opts.style()); err != nil {
				return pt, err
			}
		}
		pt.text = b.Bytes()
		return pt, nil
	}, func(pt part) error {
		if stream != nil {
			return stream.Add(pt.doc)
		}
		if opts.json() && len(opts.pair) != 2 {
			doc = pt.doc
			return nil
		}
		return secs.write(pt.name, pt.text)
	})
	if err != nil {
		return err
	}
	if stream != nil {
		return stream.Close()
	}
	if opts.json() && len(opts.pair) != 2 {
		return render.JSON(opts.io.Out, doc)
	}
	return nil
}

// explainPair writes how two units compare (align --explain A B).
func explainPair(opts *alignOptions, w io.Writer, c *corpus.Corpus, res *align.Result) error {
	var units [2]*corpus.Unit
	for i, id := range opts.pair {
		u := c.Unit(id)
		if u == nil {
			return usagef("no unit %q in the corpus: unit ids are those reportdiff outline shows", id)
		}
		units[i] = u
	}
	if units[0] == units[1] {
		return usagef("--explain %s %s: give two different units", opts.pair[0], opts.pair[1])
	}
	if units[0].Report == units[1].Report {
		// Links join the units of two reports; two of one report are never weighed.
		return usagef("--explain %s %s: both are units of report %s; give a unit of each of two reports", opts.pair[0], opts.pair[1], units[0].Report.ID)
	}
	ex := res.Explain(units[0], units[1])
	if opts.json() {
		return render.JSON(w, render.ExplainJSONOf(ex))
	}
	return render.Explain(w, ex, opts.style())
}
