// Package render writes every view of reportdiff: the report table, the
// outline, lint findings, the alignment, wording diffs, priorities,
// commitments and targets, as text, JSON or CSV, to an io.Writer. It takes
// data from the packages below it and a Style; it never decides by itself
// whether to color, and never looks at the terminal or the environment.
package render

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"
)

// Style says how text output looks.
type Style struct {
	Color bool // ANSI colors on
	Width int  // columns available; 0 means 100
	// Show, when set, turns corpus text into the form the reader asked to
	// see it in (another script); nil shows it as written.
	Show func(string) string
}

// shown returns corpus text as the style shows it.
func (s Style) shown(t string) string {
	if s.Show == nil {
		return t
	}
	return s.Show(t)
}

func (s Style) width() int {
	if s.Width <= 0 {
		return 100
	}
	return s.Width
}

// escMark stands for the escape character in the colored text a view
// builds. It is a byte that valid UTF-8 never holds, so a corpus text (read
// as UTF-8) can never forge it; writeText turns it into the escape character
// after making the text's own control characters visible.
const escMark = "\xff"

// paint returns a function that colors its argument with attrs when colors
// are on (its text made Visible) and returns it unchanged otherwise: the
// ink of attrs (Style.ink).
func (s Style) paint(attrs ...color.Attribute) func(string) string {
	return s.ink(attrs...).wrap
}

// Visible returns s with its control characters (C0 but line feed and tab,
// DEL, C1) shown as the Unicode control pictures (␛, ␍ …) or, for C1, as
// U+FFFD, so that no text of a corpus can move the cursor, change colors or
// retitle the terminal it is shown in. A carriage return that ends a line
// (CR LF) stays: it moves the cursor nowhere the line feed does not.
func Visible(s string) string {
	if !hasControl(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteByte(s[i]) // not text: a color mark of the view's own
		case r == '\n' || r == '\t' || r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			b.WriteRune(r)
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('␡')
		case r >= 0x80 && r < 0xa0:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// hasControl reports whether Visible would change s. A view is read whole
// (writeText, textBuffer.flush), so eight bytes are tested at a time: most
// words of a text hold no byte below 0x20, no DEL and no 0xc2 (the lead byte
// of a C1 control), which three word operations tell; the others are read
// byte by byte.
func hasControl[T string | []byte](s T) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8] // (of a known length: the eight loads become one)
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		del, c2 := x^0x7f*ones, x^0xc2*ones
		// A byte below n sets its high bit here (n ≤ 0x80); a zero byte of
		// del or c2 is a byte below 1.
		if (x-0x20*ones)&^x&highs|(del-ones)&^del&highs|(c2-ones)&^c2&highs != 0 && controlIn(s, i, i+8) {
			return true
		}
	}
	return controlIn(s, i, len(s))
}

// controlIn reports whether Visible would change s at one of the bytes from
// s[i] up to s[end].
func controlIn[T string | []byte](s T, i, end int) bool {
	for ; i < end; i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' && (c != '\r' || i+1 == len(s) || s[i+1] != '\n') || c == 0x7f || c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xa0 {
			return true
		}
	}
	return false
}

// writeText writes a text view: its corpus text made Visible, then its
// colors turned into escape sequences.
func writeText(w io.Writer, s string) error {
	s = Visible(s)
	if strings.Contains(s, escMark) {
		s = strings.ReplaceAll(s, escMark, "\x1b")
	}
	_, err := io.WriteString(w, s)
	return err
}

// ink is a color of a text view: the escapes that open and close it, so
// that a view can paint the text it appends to a buffer (begin, end) as
// well as a string (wrap). It is the zero ink when colors are off.
type ink struct {
	on, off string // what opens and closes the color, with escMark for the escape character
}

// ink returns the color attrs make, as fatih/color writes it, or the zero
// ink when colors are off. Each color is switched on here, so fatih/color's
// package-level NoColor (fixed from os.Stdout when it loads) plays no part:
// the Style alone decides.
func (s Style) ink(attrs ...color.Attribute) ink {
	if !s.Color {
		return ink{}
	}
	c := color.New(attrs...)
	c.EnableColor()
	on, off, _ := strings.Cut(c.Sprint("\x00"), "\x00")
	return ink{strings.ReplaceAll(on, "\x1b", escMark), strings.ReplaceAll(off, "\x1b", escMark)}
}

// wrap returns t in the color, made Visible (t itself when colors are off).
func (k ink) wrap(t string) string {
	if k == (ink{}) {
		return t
	}
	return string(k.paint(make([]byte, 0, len(k.on)+len(t)+len(k.off)), t))
}

// begin opens the color at the end of dst: what is appended after it, up
// to end (given the offset begin returns), is painted as one text.
func (k ink) begin(dst []byte) ([]byte, int) {
	return append(dst, k.on...), len(dst) + len(k.on)
}

// end closes the color begun at from: the text since then is made Visible,
// as wrap makes it, and the color is reset.
func (k ink) end(dst []byte, from int) []byte {
	if k == (ink{}) {
		return dst // colors off: the text is left as it is, as wrap leaves it
	}
	if hasControl(dst[from:]) {
		dst = append(dst[:from], Visible(string(dst[from:]))...)
	}
	return append(dst, k.off...)
}

// paint appends t in the color, as wrap returns it.
func (k ink) paint(dst []byte, t string) []byte {
	dst, from := k.begin(dst)
	return k.end(append(dst, t...), from)
}

// textBuffer is where a text view is built: the spare room of the
// writer's own buffer when it has one (a bytes.Buffer, which the command
// writes its views to), sized once to what the view is expected to take,
// so that the view is neither built in a string nor copied from one; a
// buffer of its own otherwise. A view appends to buf, then calls flush.
type textBuffer struct {
	w   io.Writer
	buf []byte
}

// newTextBuffer returns a textBuffer for a view of about size bytes to be
// written to w.
func newTextBuffer(w io.Writer, size int) textBuffer {
	if b, ok := w.(interface {
		Grow(int)
		AvailableBuffer() []byte
	}); ok {
		b.Grow(size)
		return textBuffer{w: w, buf: b.AvailableBuffer()}
	}
	return textBuffer{w: w, buf: make([]byte, 0, size)}
}

// flush writes the view as writeText does: its corpus text made Visible,
// then its colors turned into escape sequences. In the writer's own buffer
// the text is written where it already stands.
func (t textBuffer) flush() error {
	b := t.buf
	if hasControl(b) {
		b = []byte(Visible(string(b)))
	}
	for i := 0; ; i++ {
		j := bytes.IndexByte(b[i:], escMark[0])
		if j < 0 {
			break
		}
		i += j
		b[i] = '\x1b'
	}
	_, err := t.w.Write(b)
	return err
}

// VisibleText writes corpus text as Visible shows it: for a text sent to a
// terminal, and for an HTML page the templates made, whose escaping leaves
// ESC, BEL and BS, which a browser shows as nothing or as boxes and a
// terminal showing the page's source would obey.
func VisibleText(w io.Writer, s string) error {
	_, err := io.WriteString(w, Visible(s))
	return err
}

// VisibleWriter passes what is written to it on to W with its control
// characters made Visible: for a data format (CSV) sent to a terminal,
// whose writer has no colors of its own. A character cut between two
// writes is held back until its rest comes, so that a C1 control cannot
// slip through in two halves; so is a CR at the end of a write, which a LF
// may follow.
type VisibleWriter struct {
	W    io.Writer
	held []byte
}

func (v *VisibleWriter) Write(p []byte) (int, error) {
	b := append(v.held, p...)
	cut := len(b)
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				cut = i
			}
			break
		}
	}
	if cut == len(b) && cut > 0 && b[cut-1] == '\r' {
		cut-- // a CR whose LF may come next: a line end, not a control to show
	}
	v.held = append([]byte(nil), b[cut:]...)
	if _, err := io.WriteString(v.W, Visible(string(b[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what is held back (a character cut short at the end).
func (v *VisibleWriter) Flush() error {
	if len(v.held) == 0 {
		return nil
	}
	_, err := io.WriteString(v.W, Visible(string(v.held)))
	v.held = nil
	return err
}

// JSON writes v as indented JSON with a final newline.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
