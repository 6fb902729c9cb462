package align

import (
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
	theme  int // the index of Theme in the lexicon
}

// Lexicon maps words to themes.
type Lexicon struct {
	Themes  []Theme
	Terms   []Term
	index   map[string]int       // theme id → position
	byFirst map[rune][]word      // the first character of the words → the words, longest first
	starts  [1 << 16 / 64]uint64 // the first characters of the words in the Basic Multilingual Plane, as bits
}

// General is the theme of units about the report as a whole: salutations,
// guidelines, targets and outcomes, thanks and problems.
const General = "general"

// DefaultLexicon returns the embedded lexicon (align/data/themes.tsv), read
// on first use and shared: a lexicon is only read once made.
func DefaultLexicon() *Lexicon { return defaultLexicon() }

var defaultLexicon = sync.OnceValue(func() *Lexicon {
	lx, err := parseLexicon("themes.tsv", defaultThemes)
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
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, &LexiconError{File: name, Msg: err.Error()}
	}
	return parseLexicon(name, string(b))
}

// parseLexicon reads the text of a lexicon, as ParseLexicon does. Its
// words, themes and labels are substrings of text.
func parseLexicon(name, text string) (*Lexicon, error) {
	// A word follows every tab of a term's line but its first two: room
	// for the terms, and for the map of their words, is made once.
	words := 0
	for rest := text; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if strings.HasPrefix(line, "term\t") {
			words += max(0, strings.Count(line, "\t")-2)
		}
	}
	lx := &Lexicon{index: map[string]int{}, Terms: make([]Term, 0, words)}
	// termsOf holds the last term read of each folded word, next[i] the
	// term read before term i with its word (or -1): a word given twice
	// to one theme is kept once. Once the terms are sorted, the same map
	// tells where each word stands among those of its first character.
	termsOf, next := make(map[string]int32, words), make([]int32, 0, words)
	var f []string
	for n, rest := 1, text; rest != ""; n++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimRight(line, "\r")
		if strings.HasPrefix(strings.TrimSpace(line), "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f = f[:0] // the line's fields, as strings.Split gives them, in one buffer
		for field := range strings.SplitSeq(line, "\t") {
			f = append(f, field)
		}
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
			theme := lx.index[f[1]]
		words:
			for _, word := range f[3:] {
				word = strings.TrimSpace(word)
				if word == "" {
					continue
				}
				folded := hanzi.Lower(hanzi.Fold(word))
				last, ok := termsOf[folded]
				if !ok {
					last = -1
				}
				for k := last; k >= 0; k = next[k] {
					if lx.Terms[k].theme == theme {
						continue words
					}
				}
				termsOf[folded] = int32(len(lx.Terms))
				next = append(next, last)
				lx.Terms = append(lx.Terms, Term{Theme: f[1], Weight: w, Text: word, folded: folded, theme: theme})
			}
		default:
			return nil, bad("unknown kind of line %q", f[0])
		}
	}
	if len(lx.Themes) == 0 {
		return nil, &LexiconError{File: name, Line: 1, Msg: "no themes declared"}
	}
	if _, ok := lx.index[General]; !ok {
		lx.index[General] = len(lx.Themes)
		lx.Themes = append(lx.Themes, Theme{ID: General, Label: "General"})
	}
	// Longer words first: a match of 河道综合治理 is reported before 治理.
	sortLongestFirst(lx.Terms)
	// The terms are longest first: so are the words of each first
	// character.
	// termsOf[w] becomes -1-k once word w is the k-th of its first
	// character (the term numbers it held are of the order before sorting).
	lx.byFirst = map[rune][]word{}
	own := make([]int, len(lx.Terms)) // each word's first term, the words' slices of it
	for i, t := range lx.Terms {
		r, _ := utf8.DecodeRuneInString(t.folded)
		ws := lx.byFirst[r]
		if k := termsOf[t.folded]; k < 0 {
			ws[-1-k].terms = append(ws[-1-k].terms, i)
			continue
		}
		termsOf[t.folded] = int32(-1 - len(ws))
		own[i] = i
		lx.byFirst[r] = append(ws, word{t.folded, own[i : i+1 : i+1]})
		if r < 1<<16 {
			lx.starts[r/64] |= 1 << (r % 64)
		}
	}
	return lx, nil
}

// sortLongestFirst sorts terms by the length of their folded word, longest
// first, those of one length in the order they had. Thousands of terms of
// some ten lengths: a counting sort gives each term its place, then each
// is moved once, along the cycles of the permutation (a stable comparison
// sort moved these structs many times).
func sortLongestFirst(terms []Term) {
	longest := 0
	for _, t := range terms {
		longest = max(longest, len(t.folded))
	}
	start := make([]int32, longest+2) // start[longest-len+1]: how many terms are longer, once summed
	for _, t := range terms {
		start[longest-len(t.folded)+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	from := make([]int32, len(terms)) // from[i]: where the term that goes to place i stands
	for i, t := range terms {
		k := longest - len(t.folded)
		from[start[k]] = int32(i)
		start[k]++
	}
	for i := range from {
		if from[i] < 0 {
			continue // moved along an earlier cycle
		}
		held, j := terms[i], i
		for {
			k := int(from[j])
			from[j] = -1
			if k == i {
				terms[j] = held
				break
			}
			terms[j], j = terms[k], k
		}
	}
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

// word is a folded word of the lexicon and its terms (their indices).
type word struct {
	text  string
	terms []int
}

// lexScratch holds the buffers of counts, reused from one text to the
// next. A lexScratch serves one goroutine.
type lexScratch struct {
	n       []int32 // by term, how many times the text being read has it
	touched []int32 // the terms it has
	found   []termCount

	// for classify: by theme, the scores of a unit's own words and of its
	// section's titles, and whether a word was found
	own, prior []float64
	has        []bool
	hits       []hitKey
}

// termCount is a term of the lexicon (its index) and how many times a text
// has it.
type termCount struct{ term, n int }

// counts appends to dst how many times each term occurs in folded text, in
// term order. The text is read once, left to right, taking at each place
// the longest word of the lexicon that starts there and going on after it,
// so 垃圾分类处理 counts once, not also as 垃圾分类 and 垃圾.
func (lx *Lexicon) counts(dst []termCount, f string, sc *lexScratch) []termCount {
	if len(sc.n) < len(lx.Terms) {
		sc.n = make([]int32, len(lx.Terms))
	}
	touched := sc.touched[:0]
	for a := 0; a < len(f); {
		r, size := hanzi.DecodeRune(f, a)
		if r < 1<<16 && lx.starts[r/64]&(1<<(r%64)) == 0 {
			a += size // no word starts with r: most characters of a text
			continue
		}
		var found *word
		ws := lx.byFirst[r] // looked up once: a lookup is a hash
		for i := range ws { // longest first
			if strings.HasPrefix(f[a:], ws[i].text) {
				found = &ws[i]
				break
			}
		}
		if found == nil {
			a += size
			continue
		}
		for _, t := range found.terms {
			if sc.n[t] == 0 {
				touched = append(touched, int32(t))
			}
			sc.n[t]++
		}
		a += len(found.text)
	}
	slices.Sort(touched)
	for _, t := range touched {
		dst = append(dst, termCount{int(t), int(sc.n[t])})
		sc.n[t] = 0
	}
	sc.touched = touched
	return dst
}
