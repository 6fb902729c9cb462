package align

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

//go:embed data/themes.tsv
var defaultThemes string

// Theme is a policy area a unit can be about.
type Theme struct {
	ID    string
	Label string
}

// Term is a word of a theme with its weight.
type Term struct {
	Theme  string
	Weight float64
	Text   string // as written in the lexicon (Simplified)
	folded string
}

// Lexicon maps words to themes.
type Lexicon struct {
	Themes []Theme
	Terms  []Term
	index  map[string]int   // theme id → position
	byText map[string][]int // folded word → its terms
	first  map[rune]uint64  // the first characters of the words → the lengths in bytes they have, as bits
	maxLen int              // the longest folded word, in bytes
}

// General is the theme of units about the report as a whole: salutations,
// guidelines, targets and outcomes, thanks and problems.
const General = "general"

// DefaultLexicon returns the embedded lexicon (align/data/themes.tsv), read
// on first use and shared: a lexicon is only read once made.
func DefaultLexicon() *Lexicon { return defaultLexicon() }

var defaultLexicon = sync.OnceValue(func() *Lexicon {
	lx, err := ParseLexicon("themes.tsv", strings.NewReader(defaultThemes))
	if err != nil {
		panic("embedded lexicon: " + err.Error()) // a build defect, caught by the tests
	}
	return lx
})

// LexiconError is a line of a lexicon file that cannot be read.
type LexiconError struct {
	File string
	Line int
	Msg  string
}

func (e *LexiconError) Error() string {
	return fmt.Sprintf("%s:%d: %s (lines are: theme<TAB>ID<TAB>LABEL or term<TAB>ID<TAB>WEIGHT<TAB>WORD[<TAB>TRADITIONAL])", e.File, e.Line, e.Msg)
}

// ParseLexicon reads a lexicon: lines "theme ID LABEL" declare themes,
// "term ID WEIGHT WORD [WORD…]" give their words, tab-separated; # starts a
// comment. Every form of a word is folded to Simplified for matching.
func ParseLexicon(name string, r io.Reader) (*Lexicon, error) {
	lx := &Lexicon{index: map[string]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	seen := map[[2]string]bool{}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(strings.TrimSpace(line), "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		bad := func(format string, args ...any) error {
			return &LexiconError{File: name, Line: n, Msg: fmt.Sprintf(format, args...)}
		}
		switch f[0] {
		case "theme":
			if len(f) < 2 || strings.TrimSpace(f[1]) == "" {
				return nil, bad("a theme needs an id")
			}
			id := strings.TrimSpace(f[1])
			if _, dup := lx.index[id]; dup {
				return nil, bad("theme %q declared twice", id)
			}
			label := ""
			if len(f) > 2 {
				label = f[2]
			}
			lx.index[id] = len(lx.Themes)
			lx.Themes = append(lx.Themes, Theme{ID: id, Label: label})
		case "term":
			if len(f) < 4 {
				return nil, bad("a term needs a theme, a weight and a word")
			}
			if _, ok := lx.index[f[1]]; !ok {
				return nil, bad("term of undeclared theme %q", f[1])
			}
			w, err := strconv.ParseFloat(f[2], 64)
			if err != nil || w <= 0 || w > 100 {
				return nil, bad("weight %q is not a number from 0 to 100", f[2])
			}
			for _, word := range f[3:] {
				word = strings.TrimSpace(word)
				folded := hanzi.Lower(hanzi.Fold(word))
				if word == "" || seen[[2]string{f[1], folded}] {
					continue
				}
				seen[[2]string{f[1], folded}] = true
				lx.Terms = append(lx.Terms, Term{Theme: f[1], Weight: w, Text: word, folded: folded})
			}
		default:
			return nil, bad("unknown kind of line %q", f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &LexiconError{File: name, Msg: err.Error()}
	}
	if len(lx.Themes) == 0 {
		return nil, &LexiconError{File: name, Line: 1, Msg: "no themes declared"}
	}
	if _, ok := lx.index[General]; !ok {
		lx.index[General] = len(lx.Themes)
		lx.Themes = append(lx.Themes, Theme{ID: General, Label: "General"})
	}
	// Longer words first: a match of 河道综合治理 is reported before 治理.
	slices.SortStableFunc(lx.Terms, func(a, b Term) int { return len(b.folded) - len(a.folded) })
	lx.byText, lx.first = map[string][]int{}, map[rune]uint64{}
	for i, t := range lx.Terms {
		lx.byText[t.folded] = append(lx.byText[t.folded], i)
		r, _ := utf8.DecodeRuneInString(t.folded)
		if len(t.folded) < 64 {
			lx.first[r] |= 1 << len(t.folded)
		}
		lx.maxLen = max(lx.maxLen, len(t.folded))
	}
	return lx, nil
}

// Has reports whether the lexicon has a theme with this id.
func (lx *Lexicon) Has(id string) bool {
	_, ok := lx.index[id]
	return ok
}

// IDs returns the theme ids in lexicon order.
func (lx *Lexicon) IDs() []string {
	ids := make([]string, len(lx.Themes))
	for i, t := range lx.Themes {
		ids[i] = t.ID
	}
	return ids
}

// counts returns how many times each term occurs in folded text, by term
// index. The text is read once, left to right, taking at each place the
// longest word of the lexicon that starts there and going on after it, so
// 垃圾分类处理 counts once, not also as 垃圾分类 and 垃圾.
func (lx *Lexicon) counts(f string) map[int]int {
	var n map[int]int
	for a := 0; a < len(f); {
		r, size := utf8.DecodeRuneInString(f[a:])
		lengths := lx.first[r]
		longest := 0
		for l := size; l < 64 && lengths>>l != 0 && a+l <= len(f); l++ {
			if lengths&(1<<l) != 0 {
				if _, ok := lx.byText[f[a:a+l]]; ok {
					longest = l
				}
			}
		}
		if longest == 0 {
			a += size
			continue
		}
		if n == nil {
			n = map[int]int{}
		}
		for _, t := range lx.byText[f[a:a+longest]] {
			n[t]++
		}
		a += longest
	}
	return n
}
