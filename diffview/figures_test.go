package diffview

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/figure"
)

// matchFiguresByReading is MatchFigures as it was first written: every
// figure of fa reads every figure of fb, first for the same label, then for
// the closest. The indexed MatchFigures must pair the same figures.
func matchFiguresByReading(fa, fb []figure.Figure) []int {
	ka, kb := appendFigureKeys(nil, fa), appendFigureKeys(nil, fb)
	da, db := distinctiveSets(ka), distinctiveSets(kb)
	matchA := make([]int, len(fa))
	usedB := make([]bool, len(fb))
	for i := range matchA {
		matchA[i] = -1
	}
	for i, x := range fa {
		for j, y := range fb {
			if !usedB[j] && ka[i] != "" && ka[i] == kb[j] && x.Measure == y.Measure {
				matchA[i], usedB[j] = j, true
				break
			}
		}
	}
	for i, x := range fa {
		if matchA[i] >= 0 || ka[i] == "" {
			continue
		}
		best, bestScore := -1, 0.5
		for j, y := range fb {
			if usedB[j] || x.Measure != y.Measure || setsTellApart(da[i], db[j]) {
				continue
			}
			if s := CharDice(ka[i], kb[j]); s >= bestScore {
				best, bestScore = j, s
			}
		}
		if best >= 0 {
			matchA[i], usedB[best] = best, true
		}
	}
	return matchA
}

func distinctiveSets(keys []string) []map[rune]bool {
	count := map[rune]int{}
	for _, k := range keys {
		seen := map[rune]bool{}
		for _, r := range k {
			if !seen[r] {
				seen[r] = true
				count[r]++
			}
		}
	}
	out := make([]map[rune]bool, len(keys))
	for i, k := range keys {
		out[i] = map[rune]bool{}
		for _, r := range k {
			if count[r] == 1 {
				out[i][r] = true
			}
		}
	}
	return out
}

func setsTellApart(a, b map[rune]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for r := range a {
		if b[r] {
			return false
		}
	}
	return true
}

// randomFigures returns n figures whose labels are drawn from a few
// characters (so that many labels are equal, or close, or share what tells
// them apart) and whose measures from a few, some without a label.
func randomFigures(rng *rand.Rand, n int, chars []rune) []figure.Figure {
	measures := []string{"%", "亿元", "万人", ""}
	fs := make([]figure.Figure, n)
	for i := range fs {
		var label []rune
		if rng.IntN(8) > 0 {
			for range 1 + rng.IntN(6) {
				label = append(label, chars[rng.IntN(len(chars))])
			}
		}
		fs[i] = figure.Figure{Text: fmt.Sprint(i), Label: string(label), Measure: measures[rng.IntN(len(measures))]}
	}
	return fs
}

// TestMatchFiguresIndexed checks that the indexed MatchFigures pairs the
// figures that reading every pair of figures pairs: on constructed figures
// (labels of few characters, in both scripts, so that equal labels, close
// ones, ties and labels told apart all occur) and on every pair of units of
// the embedded corpus.
func TestMatchFiguresIndexed(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 14))
	alphabets := [][]rune{
		[]rune("增长收入居民产业"),
		[]rune("增長收入居民產業"),
		[]rune("甲乙丙丁增加值占GDP比重"),
		[]rune("城镇农村人均可支配收入增长投资"),
	}
	var m figureMatcher
	for k := range 3000 {
		chars := alphabets[k%len(alphabets)]
		fa := randomFigures(rng, rng.IntN(12), chars)
		fb := randomFigures(rng, rng.IntN(12), chars)
		if k%7 == 0 {
			fb = append(fb, fa...) // the same labels, repeated
		}
		got, want := MatchFigures(fa, fb), matchFiguresByReading(fa, fb)
		if !slices.Equal(got, want) {
			t.Fatalf("case %d: %v, want %v\nfa %v\nfb %v", k, got, want, labels(fa), labels(fb))
		}
		// A matcher that served every case before pairs them alike.
		if got := m.match(fa, fb); !slices.Equal(got, want) {
			t.Fatalf("case %d, reused matcher: %v, want %v\nfa %v\nfb %v", k, got, want, labels(fa), labels(fb))
		}
	}
	c, err := corpus.Load("", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, r := range c.Reports {
		for _, u := range align.Alignable(r) {
			texts = append(texts, u.Text)
		}
	}
	figs := make([][]figure.Figure, len(texts))
	for i, s := range texts {
		figs[i] = figure.Extract(s)
	}
	pairs := 0
	for i := range figs {
		for j := i; j < len(figs); j += 7 {
			want := matchFiguresByReading(figs[i], figs[j])
			if !slices.Equal(MatchFigures(figs[i], figs[j]), want) || !slices.Equal(m.match(figs[i], figs[j]), want) {
				t.Fatalf("units %d and %d pair their figures differently", i, j)
			}
			pairs++
		}
	}
	if pairs < 1000 {
		t.Fatalf("only %d pairs of units compared", pairs)
	}
}

func labels(fs []figure.Figure) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s/%s ", f.Label, f.Measure)
	}
	return b.String()
}

// BenchmarkMatchFigures pairs the figures of two paragraphs of 20,000
// clauses each, every clause a figure whose label is close to the others
// (a few of them renamed): reading every pair of figures took 400 million
// comparisons.
func BenchmarkMatchFigures(b *testing.B) {
	var sa, sb strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&sa, "第%d项工程投资增长%d%%，", i, i%10)
		if i%50 == 0 {
			fmt.Fprintf(&sb, "第%d项重点工程投资增长%d%%，", i, i%9)
		} else {
			fmt.Fprintf(&sb, "第%d项工程投资增长%d%%，", i, i%9)
		}
	}
	fa, fb := figure.Extract(sa.String()), figure.Extract(sb.String())
	b.ReportAllocs()
	for b.Loop() {
		MatchFigures(fa, fb)
	}
}
