package diffview

import (
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// OpKind says what an operation does.
type OpKind string

// The kinds of operation.
const (
	Equal  OpKind = "equal"
	Delete OpKind = "delete"
	Insert OpKind = "insert"
)

// Op is one operation of a diff. Equal and delete operations, in order,
// rebuild the old text; equal and insert operations rebuild the new one.
type Op struct {
	Kind    OpKind
	Text    string
	AStart  int    // byte offset in the old text (where an insert goes, for inserts)
	BStart  int    // byte offset in the new text (where a delete was, for deletes)
	Moved   bool   // a deleted or inserted sentence that stands elsewhere in the other report
	MovedTo string // the id of the unit it stands in
	Ignored bool   // a change the options say to ignore (a year, the width of a comma)
}

// newDMP returns go-diff set up for output that is the same on every
// machine: no clock-based cut-off.
func newDMP() *diffmatchpatch.DiffMatchPatch {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	return dmp
}

// Diff returns the word-level operations that turn a into b. If a and b are
// identical, it returns one equal operation (none when both are empty).
func Diff(a, b string, opts Options) []Op {
	return diffTokens(a, b, Tokenize(a, opts), Tokenize(b, opts))
}

// diffTokens diffs two texts cut into words (every byte of a text in one
// of its words, in order).
func diffTokens(a, b string, ta, tb []Token) []Op {
	// One rune per distinct word, so go-diff diffs words.
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
	dmp := newDMP()
	diffs := dmp.DiffMainRunes(ra, rb, false)
	ops := make([]Op, 0, len(diffs)+2)
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
	i, j := 0, 0 // next token of a, of b
	posA, posB := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			for k := 0; k < n; k++ {
				x, y := ta[i+k], tb[j+k]
				if x.Text == y.Text {
					// A run of words equal to the letter is one operation,
					// joined once (not word by word: a long text would be
					// copied over and over).
					end := k + 1
					for end < n && ta[i+end].Text == tb[j+end].Text {
						end++
					}
					text := a[ta[i+k].Start:ta[i+end-1].End]
					emit(Op{Kind: Equal, Text: text, AStart: posA, BStart: posB})
					posA += len(text)
					posB += len(text)
					k = end - 1
					continue
				}
				// Equal by the options, not to the letter: show both,
				// marked ignored, so both texts can still be rebuilt.
				emit(Op{Kind: Delete, Text: x.Text, AStart: posA, BStart: posB, Ignored: true})
				emit(Op{Kind: Insert, Text: y.Text, AStart: posA + len(x.Text), BStart: posB, Ignored: true})
				posA += len(x.Text)
				posB += len(y.Text)
			}
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			text := a[ta[i].Start:ta[i+n-1].End]
			emit(Op{Kind: Delete, Text: text, AStart: posA, BStart: posB})
			posA += len(text)
			i += n
		case diffmatchpatch.DiffInsert:
			text := b[tb[j].Start:tb[j+n-1].End]
			emit(Op{Kind: Insert, Text: text, AStart: posA, BStart: posB})
			posB += len(text)
			j += n
		}
	}
	return fixStarts(absorbGlue(ops))
}

// absorbGlue merges into the edits around it an equal stretch of one
// character (a comma, 和, 的) that stands between two edits, and joins the
// run of edits into one deletion and one insertion:
// 推進[-水庫除險加固-]{+河湖生態修復+},[-完善防汛體系-] reads better as
// 推進[-水庫除險加固,完善防汛體系-]{+河湖生態修復+}. A shared word of two
// characters or more stays, so the reader sees what did not change. (go-diff's
// semantic cleanup would also swallow words such as 推進, because it counts a
// Han character as punctuation.)
func absorbGlue(ops []Op) []Op {
	edit := func(i int) bool { return i >= 0 && i < len(ops) && ops[i].Kind != Equal && !ops[i].Ignored }
	out := make([]Op, 0, len(ops)+4)
	for i := 0; i < len(ops); i++ {
		op := ops[i]
		if op.Kind == Equal && utf8.RuneCountInString(op.Text) <= 1 && edit(i-1) && edit(i+1) {
			out = append(out, Op{Kind: Delete, Text: op.Text}, Op{Kind: Insert, Text: op.Text})
			continue
		}
		out = append(out, op)
	}
	// Join each run of edits: its deletions first, then its insertions.
	joined := out[:0] // written behind where it reads
	var del, ins []string
	for i := 0; i < len(out); {
		if out[i].Kind == Equal || out[i].Ignored {
			joined = append(joined, out[i])
			i++
			continue
		}
		del, ins = del[:0], ins[:0]
		for ; i < len(out) && out[i].Kind != Equal && !out[i].Ignored; i++ {
			if out[i].Kind == Delete {
				del = append(del, out[i].Text)
			} else {
				ins = append(ins, out[i].Text)
			}
		}
		if d := strings.Join(del, ""); d != "" {
			joined = append(joined, Op{Kind: Delete, Text: d})
		}
		if n := strings.Join(ins, ""); n != "" {
			joined = append(joined, Op{Kind: Insert, Text: n})
		}
	}
	return joined
}

// fixStarts recomputes the offsets after adjacent operations were merged.
func fixStarts(ops []Op) []Op {
	a, b := 0, 0
	for k := range ops {
		ops[k].AStart, ops[k].BStart = a, b
		switch ops[k].Kind {
		case Equal:
			a += len(ops[k].Text)
			b += len(ops[k].Text)
		case Delete:
			a += len(ops[k].Text)
		case Insert:
			b += len(ops[k].Text)
		}
	}
	return ops
}

// wordRune returns the rune that stands for the nth distinct word of a
// diff. go-diff compares runes only for equality, so any distinct runes
// serve; the first ones are the smallest, one or two bytes in UTF-8, which
// go-diff's conversions between runes and strings read fastest. The
// surrogates, which no string can hold, are skipped.
func wordRune(n int) rune {
	if n < 0xD800 {
		return rune(n)
	}
	return rune(n + 0x800)
}

// Rebuild returns the old (side Delete) or new (side Insert) text of ops.
func Rebuild(ops []Op, side OpKind) string {
	var b strings.Builder
	for _, op := range ops {
		if op.Kind == Equal || op.Kind == side {
			b.WriteString(op.Text)
		}
	}
	return b.String()
}

// Changed reports whether ops hold a change that is not ignored.
func Changed(ops []Op) bool {
	for _, op := range ops {
		if op.Kind != Equal && !op.Ignored {
			return true
		}
	}
	return false
}
