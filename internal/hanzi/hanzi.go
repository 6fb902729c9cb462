// Package hanzi holds the small pieces of Chinese text handling that every
// other package needs: folding Traditional characters to Simplified ones for
// matching, telling Han characters from the rest, reading Chinese numerals and
// measuring display width.
//
// Folding is character by character (OpenCC's TSCharacters table, first
// choice of each entry, in t2s.tsv, made into Go arrays in t2s_table.go).
// It is meant for matching keywords and comparing texts written in either
// script, never for showing text: the original characters are always what
// a user sees.
package hanzi

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:generate sh -c "go run gent2s/main.go < t2s.tsv > t2s_table.go"

// The folding tables are Go arrays made from t2s.tsv by gent2s
// (t2s_table.go), data of the binary rather than work at start-up:
// t2sBMP for the Basic Multilingual Plane, where nearly every character
// stands (a lookup per character of every text read, so it must be fast),
// 0 where a character has no Simplified form of its own; t2sWide for the
// characters beyond it; simplifiedBits and simplifiedWide the characters
// that are the Simplified form of another and no Traditional form
// themselves (们, 这, 发 …).

// runePair is a Traditional character and its Simplified form.
type runePair struct{ t, s rune }

// foldWide returns the Simplified form of r, a character beyond the plane,
// if t2s.tsv gives one.
func foldWide(r rune) (rune, bool) {
	i, ok := slices.BinarySearchFunc(t2sWide[:], r, func(p runePair, r rune) int { return cmp.Compare(p.t, r) })
	if !ok {
		return 0, false
	}
	return t2sWide[i].s, true
}

// hasSimplified reports whether t2s.tsv gives r a Simplified form (its own
// one included).
func hasSimplified(r rune) bool {
	if r < 0x10000 {
		return r >= 0 && t2sBMP[r] != 0
	}
	_, ok := foldWide(r)
	return ok
}

// simplifiedOnly reports whether r is the Simplified form of another
// character and no Traditional form itself.
func simplifiedOnly(r rune) bool {
	if r < 0x10000 {
		return r >= 0 && simplifiedBits[r/64]&(1<<(r%64)) != 0
	}
	_, ok := slices.BinarySearch(simplifiedWide[:], r)
	return ok
}

// FoldRune returns the Simplified form of a Traditional character (and
// the quotation mark of a corner bracket: 「 → “), normalises full-width
// ASCII forms to their half-width letters and digits and the circles typed
// for the numeral zero (○) to 〇; any other rune comes back unchanged.
func FoldRune(r rune) rune {
	if uint32(r) < 0x10000 {
		if s := t2sBMP[r]; s != 0 {
			return s
		}
	}
	return foldRest(r)
}

// foldRest is FoldRune for the runes the table of the plane does not
// fold, a function of its own so that FoldRune is small enough to be
// inlined: it is called for every character of every text folded.
func foldRest(r rune) rune {
	if r >= 0x10000 {
		if s, ok := foldWide(r); ok {
			return s
		}
	}
	if r == '○' || r == '◯' {
		return '〇' // the circle Big5 and many typesetters write for the numeral zero (二○二一年)
	}
	if r >= '！' && r <= '～' {
		c := r - '！' + '!'
		if c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '%' || c == '.' {
			return c
		}
	}
	return r
}

// Fold returns s with every rune passed through FoldRune and the Taiwan
// forms of a few words that texts converted from Simplified carry (社群 for
// 社区, 專案 for 项目) put back to mainland ones. The result has the same
// number of runes as s, so rune offsets carry over between the two, and
// is valid UTF-8: a byte that is not becomes U+FFFD, as ranging over s
// reads it (readers of folded text rely on this: byte offsets of a folded
// text always fall between characters).
func Fold(s string) string {
	first := unchanged(s)
	if first == len(s) {
		return s
	}
	// A strings.Builder's String is its own buffer: the folded text is
	// allocated once (bytes turned into a string would be twice). A
	// folded rune is written when the next is known, since the two may
	// make a word variant, whose first rune replaces it.
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:first])
	// The folded runes are encoded here, the three bytes of a Han
	// character inline, into a small buffer written to the builder when
	// full: a call of WriteRune for each (two calls down to the encoder)
	// cost more than folding the character.
	var buf [256]byte
	n := 0
	pending := rune(-1)
	for i := first; i <= len(s); {
		out := pending
		if i == len(s) {
			i++ // the last rune: write it
		} else {
			r, ok := decode3(s, i)
			if ok {
				i += 3
			} else {
				var size int
				r, size = decode(s, i)
				i += size
			}
			f := FoldRune(r)
			if v, ok := variant(pending, f); ok {
				out, f = v[0], v[1]
			}
			pending = f
			if out < 0 {
				continue
			}
		}
		if n > len(buf)-utf8.UTFMax {
			b.Write(buf[:n])
			n = 0
		}
		switch {
		case out < utf8.RuneSelf:
			buf[n] = byte(out)
			n++
		case out >= 0x800 && out < 0x10000 && (out < 0xD800 || out > 0xDFFF):
			buf[n], buf[n+1], buf[n+2] = byte(0xE0|out>>12), byte(0x80|out>>6&0x3F), byte(0x80|out&0x3F)
			n += 3
		default:
			n += utf8.EncodeRune(buf[n:], out)
		}
	}
	b.Write(buf[:n])
	return b.String()
}

// wordVariants maps Taiwan word forms, after character folding, to the
// mainland forms of the same length: 社群 → 社区 …, keyed by first then
// second character.
var wordVariants = map[[2]rune][2]rune{
	{'社', '群'}: {'社', '区'}, {'专', '案'}: {'项', '目'}, {'资', '讯'}: {'信', '息'},
	{'程', '式'}: {'程', '序'}, {'网', '路'}: {'网', '络'},
	// 著 is a Simplified character (显著, 著名) and the Traditional form of
	// 着 in the words where it is 着.
	{'著', '力'}: {'着', '力'}, {'著', '眼'}: {'着', '眼'}, {'著', '手'}: {'着', '手'},
	{'著', '重'}: {'着', '重'}, {'著', '想'}: {'着', '想'}, {'著', '实'}: {'着', '实'},
	{'著', '落'}: {'着', '落'}, {'著', '陆'}: {'着', '陆'}, {'随', '著'}: {'随', '着'},
	{'接', '著'}: {'接', '着'}, {'沉', '著'}: {'沉', '着'}, {'本', '著'}: {'本', '着'},
	{'味', '著'}: {'味', '着'}, {'朝', '著'}: {'朝', '着'}, {'绕', '著'}: {'绕', '着'},
	{'为', '著'}: {'为', '着'}, {'紧', '著'}: {'紧', '着'},
}

// variantStarts holds the first characters of wordVariants, a bit each
// (set in place: a table returned by a function would be a copy on the
// heap).
var variantStarts [1 << 10]uint64

func init() {
	for k := range wordVariants {
		if k[0] < 1<<16 { // variant looks for no other; TestWordVariantsTable refuses one
			variantStarts[k[0]/64] |= 1 << (k[0] % 64)
		}
	}
}

// variant returns the mainland form of the pair of folded characters prev,
// f when the pair is a word variant (wordVariants).
func variant(prev, f rune) ([2]rune, bool) {
	if prev < 0 || prev >= 1<<16 || variantStarts[prev/64]&(1<<(prev%64)) == 0 {
		return [2]rune{}, false // most characters start no variant: no map lookup
	}
	v, ok := wordVariants[[2]rune{prev, f}]
	return v, ok
}

// FoldMap folds s like Fold and also returns, for every byte offset of the
// folded text (and its end), the byte offset in s it came from, so matches
// found in the folded text can be quoted from the original. A text that
// folding leaves as it is (most of a Simplified corpus) comes back as
// itself, unallocated.
func FoldMap(s string) (string, []int) {
	first := unchanged(s)
	// Every byte of a rune maps to where the rune starts.
	idx := make([]int, first, len(s)+1)
	for i := 0; i < first; {
		_, size := utf8.DecodeRuneInString(s[i:first])
		for j := i; j < i+size; j++ {
			idx[j] = i
		}
		i += size
	}
	if first == len(s) {
		return s, append(idx, len(s))
	}
	b := make([]byte, first, len(s)+utf8.UTFMax)
	copy(b, s[:first])
	prev, prevAt, prevFrom := rune(-1), 0, 0
	for i := first; i < len(s); {
		r, size := decode(s, i)
		f := FoldRune(r)
		if v, ok := variant(prev, f); ok {
			// Rewrite the first character of the pair, already written.
			b = utf8.AppendRune(b[:prevAt], v[0])
			idx = idx[:prevAt]
			for len(idx) < len(b) {
				idx = append(idx, prevFrom)
			}
			f = v[1]
		}
		n := len(b)
		prev, prevAt, prevFrom = f, n, i
		b = utf8.AppendRune(b, f)
		for j := n; j < len(b); j++ {
			idx = append(idx, i)
		}
		i += size
	}
	return string(b), append(idx, len(s))
}

// RuneCount counts the runes of s as ranging over it does (a byte that is
// no UTF-8 counts one). The three bytes of a Han character are stepped over
// inline (decode3): utf8.RuneCountInString calls the runtime's decoder for
// every character not ASCII, and a corpus counts the characters of every
// line and paragraph.
func RuneCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		if _, ok := decode3(s, i); ok {
			i += 3
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n
}

// DecodeRune returns the rune at s[i] and its size, as
// utf8.DecodeRuneInString(s[i:]) does, reading inline the three-byte form
// nearly every Han character takes.
func DecodeRune(s string, i int) (rune, int) { return decode(s, i) }

// decode is DecodeRune.
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if r, ok := decode3(s, i); ok {
		return r, 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// decode3 returns the character of three bytes at s[i], when one of the
// forms nearly every Han character takes stands there: leads E1–EC and
// EE–EF take any two continuation bytes (E0 and ED have narrower ranges,
// left to the library). It is small enough to be inlined in the loops
// that read every character of a text (decode is not: a call for each).
func decode3(s string, i int) (rune, bool) {
	if i+2 >= len(s) {
		return 0, false
	}
	c, c1, c2 := s[i], s[i+1], s[i+2]
	if c < 0xE1 || c > 0xEF || c == 0xED || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
		return 0, false
	}
	return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), true
}

// FoldIndex returns, for folded = Fold(s), the offsets FoldMap(s) gives:
// for every byte of folded (and its end), where in s the rune it belongs to
// came from. Folding keeps the number of runes, so the runes of the two
// texts pair off in order, and the index is read without folding again.
func FoldIndex(s, folded string) []int {
	idx := make([]int, 0, len(folded)+1)
	i := 0
	for j := 0; j < len(folded); {
		_, n := decode(folded, j)
		for k := 0; k < n; k++ {
			idx = append(idx, i)
		}
		j += n
		if i < len(s) {
			_, m := decode(s, i)
			i += m
		}
	}
	return append(idx, len(s))
}

// AppendRunes appends the runes of s to dst, as []rune(s) has them, into
// a buffer that serves again rather than a slice of their own.
func AppendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// AppendFoldRunes appends to dst the runes of Fold(s).
func AppendFoldRunes(dst []rune, s string) []rune {
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, size := decode(s, i)
		i += size
		f := FoldRune(r)
		if v, ok := variant(prev, f); ok {
			dst[len(dst)-1] = v[0]
			f = v[1]
		}
		prev = f
		dst = append(dst, f)
	}
	return dst
}

// unchanged returns the length of the longest prefix of s that folding
// leaves as it is, and that no word variant (see wordVariants) reaches
// into: len(s) when s folds to itself. A byte that is no UTF-8 is a change
// (folding writes it as U+FFFD).
func unchanged(s string) int {
	prev, prevAt := rune(-1), 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// ASCII folds to itself and starts no variant.
			prev, prevAt = rune(c), i
			i++
			continue
		}
		r, size := rune(0), 3
		if r3, ok := decode3(s, i); ok {
			r = r3 // inline: every character of a text folded is read here first
		} else if r, size = decode(s, i); r == utf8.RuneError && size == 1 {
			return i
		}
		f := FoldRune(r)
		if _, ok := variant(prev, f); ok {
			return prevAt
		}
		if f != r {
			return i
		}
		prev, prevAt = r, i
		i += size
	}
	return len(s)
}

// The CJK Unified Ideographs, the block nearly every Han character of a
// text stands in.
const (
	UnifiedFirst = 0x4E00
	UnifiedLast  = 0x9FFF
)

// IsHan reports whether r is a Han (CJK ideograph) character.
func IsHan(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= UnifiedFirst && r <= UnifiedLast:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// Lower lowercases the ASCII letters of s (GDP → gdp) and leaves the rest;
// it returns s itself when there is nothing to change.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// Width returns the number of terminal columns s takes: East Asian wide and
// full-width characters count two, combining marks and controls zero, the
// rest one.
func Width(s string) int {
	w := 0
	for _, r := range s {
		w += RuneWidth(r)
	}
	return w
}

// RuneWidth returns the number of terminal columns r takes.
func RuneWidth(r rune) int {
	switch {
	case r == 0 || r < 32 || (r >= 0x7f && r < 0xa0):
		return 0
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == 0x200b:
		return 0
	case isWide(r):
		return 2
	}
	return 1
}

func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || r == 0x2329 || r == 0x232a ||
		(r >= 0x2e80 && r <= 0xa4cf && r != 0x303f) ||
		(r >= 0xac00 && r <= 0xd7a3) ||
		(r >= 0xf900 && r <= 0xfaff) ||
		(r >= 0xfe10 && r <= 0xfe19) ||
		(r >= 0xfe30 && r <= 0xfe6f) ||
		(r >= 0xff00 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6) ||
		(r >= 0x1f300 && r <= 0x1f64f) ||
		(r >= 0x1f900 && r <= 0x1f9ff) ||
		(r >= 0x20000 && r <= 0x3fffd))
}

// Truncate shortens s to at most width columns, ending it with "…" when
// anything was cut.
func Truncate(s string, width int) string {
	n, ellipsis := truncated(s, width)
	switch {
	case ellipsis:
		return s[:n] + "…"
	case n < len(s):
		return "" // no room at all
	}
	return s
}

// AppendTruncated appends Truncate(s, width) to dst.
func AppendTruncated(dst []byte, s string, width int) []byte {
	n, ellipsis := truncated(s, width)
	dst = append(dst, s[:n]...)
	if ellipsis {
		dst = append(dst, "…"...)
	}
	return dst
}

// truncated says what Truncate(s, width) keeps of s, s[:n], and whether it
// ends it with an ellipsis, reading no more of s than it needs to tell
// whether s fits: a paragraph of thousands of characters named by its first
// two dozen is read no further.
func truncated(s string, width int) (n int, ellipsis bool) {
	w, cut := 0, -1 // cut: where the text stops when it does not fit
	for i, r := range s {
		rw := RuneWidth(r)
		if cut < 0 && w+rw > width-1 {
			cut = i
		}
		if w += rw; w > width {
			if width <= 0 {
				return 0, false
			}
			return cut, true
		}
	}
	return len(s), false
}

// PadRight pads s with spaces to width columns.
func PadRight(s string, width int) string {
	if w := Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// LooksTraditional reports whether s is written in Traditional characters:
// at least one Han character in fifty changes when folded to Simplified.
func LooksTraditional(s string) bool {
	han, trad := 0, 0
	for _, r := range s {
		if IsHan(r) {
			han++
			if hasSimplified(r) {
				trad++
			}
		}
	}
	return han > 0 && trad*50 >= han
}

// Script names the script a Chinese text is written in.
type Script string

// The two scripts.
const (
	Simplified  Script = "simplified"
	Traditional Script = "traditional"
)

// ScriptOf tells the script of s by the characters that only one script
// uses: Traditional when those with a Simplified form of their own (們, 這,
// 發) outnumber the Simplified forms (们, 这, 发), Simplified otherwise; ""
// when s has no Han character that tells.
func ScriptOf(s string) Script { return TallyScript(s).Script() }

// ScriptTally counts the characters of a text that tell its script, as
// ScriptOf reads them. The tallies of the pieces of a text cut between
// characters add up to the text's: a long text can be read in pieces side
// by side.
type ScriptTally struct{ Traditional, Simplified int }

// TallyScript returns the tally of the characters of s.
func TallyScript(s string) ScriptTally {
	var t ScriptTally
	for i := 0; i < len(s); {
		// Not range: it calls the runtime's decoder for every Han character.
		r, size := rune(0), 3
		if r3, ok := decode3(s, i); ok {
			r = r3
		} else {
			r, size = decode(s, i)
		}
		i += size
		if r < 0x2E80 {
			continue
		}
		if f := FoldRune(r); f != r && IsHan(r) {
			t.Traditional++
		} else if simplifiedOnly(r) {
			t.Simplified++
		}
	}
	return t
}

// Add returns the tally of two texts.
func (t ScriptTally) Add(o ScriptTally) ScriptTally {
	return ScriptTally{t.Traditional + o.Traditional, t.Simplified + o.Simplified}
}

// Script returns the script the tally tells (see ScriptOf).
func (t ScriptTally) Script() Script {
	switch {
	case t.Traditional == 0 && t.Simplified == 0:
		return ""
	case t.Traditional > t.Simplified:
		return Traditional
	}
	return Simplified
}
