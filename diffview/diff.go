package diffview

import (
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/reportdiff/reportdiff/internal/figure"
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
	MovedTo string // the id of the unit it stands in, when Moved
	// (The flags come last, side by side: an Op takes 72 bytes, not 80.)
	Moved   bool // a deleted or inserted sentence that stands elsewhere in the other report
	Ignored bool // a change the options say to ignore (a year, the width of a comma)
}

// Diff returns the word-level operations that turn a into b. If a and b are
// identical, it returns one equal operation (none when both are empty).
func Diff(a, b string, opts Options) []Op {
	var tz tokenizer
	wa := tz.appendWords(nil, a, figure.Extract(a))
	wb := tz.appendWords(nil, b, figure.Extract(b))
	var d differ
	return d.diff(a, b, wa, wb, numberPair(opts, a, wa, b, wb), opts != Options{})
}

// keyNumbers numbers the keys of words (Token.Key) as the options make
// them, in the order they are first met: the numbers stand for the keys in
// every diff of the texts numbered alike, so that a diff compares numbers,
// not strings, and no diff builds a table of its own.
type keyNumbers struct {
	opts Options
	ids  map[string]int32
}

// numberPair numbers the keys of the words of two texts for a diff of
// their own and returns how many keys they have.
func numberPair(opts Options, a string, wa []word, b string, wb []word) int {
	k := keyNumbers{opts: opts, ids: map[string]int32{}}
	k.number(a, wa)
	k.number(b, wb)
	return len(k.ids)
}

// number gives each word of text the number of its key.
func (k *keyNumbers) number(text string, ws []word) {
	start := 0
	for i, w := range ws {
		key := text[start:w.end]
		if k.opts != (Options{}) {
			key = wordKey(key, k.opts)
		}
		id, ok := k.ids[key]
		if !ok {
			id = int32(len(k.ids))
			k.ids[key] = id
		}
		ws[i].id, start = id, int(w.end)
	}
}

// differ diffs texts cut into words with go-diff, reusing its buffers from
// one diff to the next (the operations diff returns too, valid until the
// next diff); it serves one goroutine. Its zero value is ready.
type differ struct {
	dmp *diffmatchpatch.DiffMatchPatch
	// code[id] is the rune that stands for key id in diff number seen[id]:
	// each diff gives the keys it meets the smallest runes, in the order it
	// meets them (see wordRune), and a key met in no diff before gets a new
	// rune without clearing the table.
	seen   []int32
	code   []rune
	diffs  int32
	ra, rb []rune
	ops    []Op // what diff returns
}

// diff diffs two texts cut into words (every byte of a text in one of its
// words, in order), their keys numbered alike, fewer than keys of them.
// byText says that words with the same key may differ in their text (the
// options make keys of texts that differ), so that the texts are compared
// too.
func (d *differ) diff(a, b string, wa, wb []word, keys int, byText bool) []Op {
	if d.dmp == nil {
		// go-diff is set up for output that is the same on every machine:
		// no clock-based cut-off.
		d.dmp = diffmatchpatch.New()
		d.dmp.DiffTimeout = 0
	}
	if len(d.seen) < keys {
		d.seen = append(d.seen, make([]int32, keys-len(d.seen))...)
		d.code = append(d.code, make([]rune, keys-len(d.code))...)
	}
	d.diffs++
	// One rune per distinct word, so go-diff diffs words.
	distinct := 0
	encode := func(dst []rune, ws []word) []rune {
		dst = dst[:0]
		for _, w := range ws {
			if d.seen[w.id] != d.diffs {
				d.seen[w.id], d.code[w.id] = d.diffs, wordRune(distinct)
				distinct++
			}
			dst = append(dst, d.code[w.id])
		}
		return dst
	}
	d.ra, d.rb = encode(d.ra, wa), encode(d.rb, wb)
	diffs := d.dmp.DiffMainRunes(d.ra, d.rb, false)
	ops := d.ops[:0]
	// emit appends op, joined to the operation before it when both are of a
	// kind and not ignored: both stand in the same text, one after the
	// other, so the two are one stretch of it.
	emit := func(op Op) {
		if op.Text == "" {
			return
		}
		if n := len(ops); n > 0 && ops[n-1].Kind == op.Kind && ops[n-1].Ignored == op.Ignored && !op.Ignored {
			last := &ops[n-1]
			if op.Kind == Insert {
				last.Text = b[last.BStart : last.BStart+len(last.Text)+len(op.Text)]
			} else {
				last.Text = a[last.AStart : last.AStart+len(last.Text)+len(op.Text)]
			}
			return
		}
		ops = append(ops, op)
	}
	// start returns where word i of ws starts.
	start := func(ws []word, i int) int {
		if i == 0 {
			return 0
		}
		return int(ws[i-1].end)
	}
	i, j := 0, 0 // next word of a, of b
	posA, posB := 0, 0
	for _, df := range diffs {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			if !byText {
				// Equal keys are equal texts: the run is one operation.
				text := a[posA:wa[i+n-1].end]
				emit(Op{Kind: Equal, Text: text, AStart: posA, BStart: posB})
				posA += len(text)
				posB += len(text)
				i, j = i+n, j+n
				continue
			}
			for k := 0; k < n; k++ {
				x, y := a[posA:wa[i+k].end], b[posB:wb[j+k].end]
				if x == y {
					// A run of words equal to the letter is one operation,
					// joined once (not word by word: a long text would be
					// copied over and over).
					end := k + 1
					for end < n && a[start(wa, i+end):wa[i+end].end] == b[start(wb, j+end):wb[j+end].end] {
						end++
					}
					text := a[posA:wa[i+end-1].end]
					emit(Op{Kind: Equal, Text: text, AStart: posA, BStart: posB})
					posA += len(text)
					posB += len(text)
					k = end - 1
					continue
				}
				// Equal by the options, not to the letter: show both,
				// marked ignored, so both texts can still be rebuilt.
				emit(Op{Kind: Delete, Text: x, AStart: posA, BStart: posB, Ignored: true})
				emit(Op{Kind: Insert, Text: y, AStart: posA + len(x), BStart: posB, Ignored: true})
				posA += len(x)
				posB += len(y)
			}
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			text := a[posA:wa[i+n-1].end]
			emit(Op{Kind: Delete, Text: text, AStart: posA, BStart: posB})
			posA += len(text)
			i += n
		case diffmatchpatch.DiffInsert:
			text := b[posB:wb[j+n-1].end]
			emit(Op{Kind: Insert, Text: text, AStart: posA, BStart: posB})
			posB += len(text)
			j += n
		}
	}
	d.ops = fixStarts(absorbGlue(a, b, ops))
	return d.ops
}

// absorbGlue merges into the edits around it an equal stretch of one
// character (a comma, 和, 的) that stands between two edits, and joins the
// run of edits into one deletion and one insertion:
// 推進[-水庫除險加固-]{+河湖生態修復+},[-完善防汛體系-] reads better as
// 推進[-水庫除險加固,完善防汛體系-]{+河湖生態修復+}. A shared word of two
// characters or more stays, so the reader sees what did not change. (go-diff's
// semantic cleanup would also swallow words such as 推進, because it counts a
// Han character as punctuation.)
//
// ops are the operations of a diff of a and b, with their offsets. The
// deletions of a run and the stretches it absorbs are one stretch of a, its
// insertions and those stretches one of b: each is cut from its text, not
// joined. ops is rewritten in place (a run of edits is at least as many
// operations as it gives).
func absorbGlue(a, b string, ops []Op) []Op {
	edit := func(i int) bool { return i >= 0 && i < len(ops) && ops[i].Kind != Equal && !ops[i].Ignored }
	glue := func(i int) bool {
		return ops[i].Kind == Equal && utf8.RuneCountInString(ops[i].Text) <= 1 && edit(i-1) && edit(i+1)
	}
	// Written behind where it reads: a run's operations are read, up to the
	// one after it, before its own are written.
	out := ops[:0]
	for i := 0; i < len(ops); {
		if !edit(i) {
			out = append(out, ops[i])
			i++
			continue
		}
		atA, atB := ops[i].AStart, ops[i].BStart
		lenA, lenB := 0, 0
		for ; i < len(ops) && (edit(i) || glue(i)); i++ {
			switch ops[i].Kind {
			case Delete:
				lenA += len(ops[i].Text)
			case Insert:
				lenB += len(ops[i].Text)
			default: // glue: deleted and inserted
				lenA += len(ops[i].Text)
				lenB += len(ops[i].Text)
			}
		}
		if lenA > 0 {
			out = append(out, Op{Kind: Delete, Text: a[atA : atA+lenA]})
		}
		if lenB > 0 {
			out = append(out, Op{Kind: Insert, Text: b[atB : atB+lenB]})
		}
	}
	return out
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
