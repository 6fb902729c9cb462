package diffview

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// diffByWordMap diffs two texts cut into words as Diff did before the keys
// of a comparison were numbered once: a table of the words' keys built for
// the one diff, the texts of merged operations joined. Diff must give the
// same operations.
func diffByWordMap(a, b string, ta, tb []Token) []Op {
	code := make(map[string]rune, len(ta))
	encode := func(toks []Token) []rune {
		rs := make([]rune, len(toks))
		for i, t := range toks {
			r, ok := code[t.Key]
			if !ok {
				r = wordRune(len(code))
				code[t.Key] = r
			}
			rs[i] = r
		}
		return rs
	}
	ra, rb := encode(ta), encode(tb)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	var ops []Op
	emit := func(op Op) {
		if op.Text == "" {
			return
		}
		if n := len(ops); n > 0 && ops[n-1].Kind == op.Kind && ops[n-1].Ignored == op.Ignored && !op.Ignored {
			ops[n-1].Text += op.Text
			return
		}
		ops = append(ops, op)
	}
	i, j := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			for k := 0; k < n; k++ {
				x, y := ta[i+k], tb[j+k]
				if x.Text == y.Text {
					emit(Op{Kind: Equal, Text: x.Text})
					continue
				}
				emit(Op{Kind: Delete, Text: x.Text, Ignored: true})
				emit(Op{Kind: Insert, Text: y.Text, Ignored: true})
			}
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			emit(Op{Kind: Delete, Text: a[ta[i].Start:ta[i+n-1].End]})
			i += n
		case diffmatchpatch.DiffInsert:
			emit(Op{Kind: Insert, Text: b[tb[j].Start:tb[j+n-1].End]})
			j += n
		}
	}
	// The glue between two edits becomes a deletion and an insertion, and
	// each run of edits is joined.
	edit := func(i int) bool { return i >= 0 && i < len(ops) && ops[i].Kind != Equal && !ops[i].Ignored }
	var out []Op
	for i, op := range ops {
		if op.Kind == Equal && utf8.RuneCountInString(op.Text) <= 1 && edit(i-1) && edit(i+1) {
			out = append(out, Op{Kind: Delete, Text: op.Text}, Op{Kind: Insert, Text: op.Text})
			continue
		}
		out = append(out, op)
	}
	var joined []Op
	for i := 0; i < len(out); {
		if out[i].Kind == Equal || out[i].Ignored {
			joined = append(joined, out[i])
			i++
			continue
		}
		var del, ins string
		for ; i < len(out) && out[i].Kind != Equal && !out[i].Ignored; i++ {
			if out[i].Kind == Delete {
				del += out[i].Text
			} else {
				ins += out[i].Text
			}
		}
		if del != "" {
			joined = append(joined, Op{Kind: Delete, Text: del})
		}
		if ins != "" {
			joined = append(joined, Op{Kind: Insert, Text: ins})
		}
	}
	return fixStarts(joined)
}

// TestDiffByWordMap checks that Diff, and Compare's diffs of the words it
// read once per comparison, give the operations diffByWordMap gives: on
// pairs of units of the embedded corpus (paired or not, some folded to
// Simplified or written with half-width commas, so that the options have
// work to do), with no option, each option and all of them.
func TestDiffByWordMap(t *testing.T) {
	c, err := corpus.Load("", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var units []*corpus.Unit
	for _, r := range c.Reports {
		units = append(units, align.Alignable(r)...)
	}
	half := strings.NewReplacer("，", ",", "；", ";")
	variant := func(k int, s string) string {
		switch k % 3 {
		case 1:
			return hanzi.Fold(s)
		case 2:
			return half.Replace(s)
		}
		return s
	}
	masks := []int{0, 1, 2, 4, 7} // no option, each alone, all
	diffs := 0
	for _, mask := range masks {
		opts := Options{IgnoreYears: mask&1 != 0, IgnorePunctWidth: mask&2 != 0, IgnoreScript: mask&4 != 0}
		for i := range units {
			for j := i; j < len(units); j += 41 {
				a, b := units[i].Text, variant(i+j, units[j].Text)
				want := diffByWordMap(a, b, Tokenize(a, opts), Tokenize(b, opts))
				if got := Diff(a, b, opts); !slices.Equal(got, want) {
					t.Fatalf("%+v: units %s and %s:\n got %v\nwant %v", opts, units[i].ID, units[j].ID, got, want)
				}
				diffs++
			}
		}
	}
	if diffs < 2000 {
		t.Fatalf("only %d diffs compared", diffs)
	}
	// The texts of a comparison, read once.
	for k := 1; k < len(c.Reports); k++ {
		a, b := c.Reports[k-1], c.Reports[k]
		themes := align.Classify(c, nil, []*corpus.Report{a, b})
		links := align.Pair(themes, a, b, align.DefaultOptions())
		for _, mask := range masks {
			opts := Options{IgnoreYears: mask&1 != 0, IgnorePunctWidth: mask&2 != 0, IgnoreScript: mask&4 != 0}
			tx := Prepare(a, b, opts)
			<-tx.done
			var w pairWork // its buffers serve every pair, as in Compare
			for _, l := range links {
				p := Pair{From: l.From, To: l.To}
				tx.diff(&w, &p)
				x, y := l.From.Text, l.To.Text
				if want := diffByWordMap(x, y, Tokenize(x, opts), Tokenize(y, opts)); !slices.Equal(p.Ops, want) {
					t.Fatalf("%+v: units %s and %s:\n got %v\nwant %v", opts, l.From.ID, l.To.ID, p.Ops, want)
				}
			}
		}
	}
}
