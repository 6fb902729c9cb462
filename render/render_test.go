package render

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"github.com/fatih/color"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

func TestBar(t *testing.T) {
	tests := []struct {
		x, max float64
		width  int
		want   string
	}{
		{0, 1, 4, "    "},
		{1, 1, 4, "████"},
		{0.5, 1, 4, "██  "},
		{0.125 / 2, 1, 4, "▎   "}, // a quarter of a cell: two eighths
		{1, 0, 3, "   "},
	}
	for _, tt := range tests {
		if got := bar(tt.x, tt.max, tt.width); got != tt.want || hanzi.Width(got) != tt.width && len([]rune(got)) != tt.width {
			t.Errorf("bar(%v, %v, %d) = %q, want %q", tt.x, tt.max, tt.width, got, tt.want)
		}
	}
}

func TestSparkline(t *testing.T) {
	if got := sparkline([]float64{1, 2, 3}); got != "▁▅█" {
		t.Errorf("sparkline rising = %q", got)
	}
	if got := sparkline([]float64{0.2, 0.2}); got != "▁▁" {
		t.Errorf("sparkline flat = %q", got)
	}
	if got := sparkline(nil); got != "" {
		t.Errorf("sparkline of nothing = %q", got)
	}
}

func TestStylePaint(t *testing.T) {
	var b strings.Builder
	on := Style{Color: true}.paint(boldAttr...)("x")
	off := Style{}.paint(boldAttr...)("x")
	if err := writeText(&b, on); err != nil {
		t.Fatal(err)
	}
	if off != "x" || b.String() != "\x1b[1mx\x1b[22m" {
		t.Errorf("paint on %q (written %q), off %q", on, b.String(), off)
	}
}

// TestVisible checks that control characters of a text reach the terminal
// only as pictures, while the view's own colors stay escape sequences.
func TestVisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"甲乙\n丙\t丁", "甲乙\n丙\t丁"},
		{"紅\x1b[31m字\x1b[0m", "紅␛[31m字␛[0m"},
		{"回車\r換行\x07\x7f", "回車␍換行␇␡"},
		{"C1\u009b31m", "C1\ufffd31m"},
		{"行尾\r\n下行\r", "行尾\r\n下行␍"}, // CR LF ends a line; a lone CR would overwrite it
		{"退格\b\x1b]0;t\x07", "退格␈␛]0;t␇"},
	}
	for _, tt := range tests {
		if got := Visible(tt.in); got != tt.want {
			t.Errorf("Visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	var b strings.Builder
	red := Style{Color: true}.paint(color.FgRed)
	if err := writeText(&b, red("甲\x1b]0;title\x07")+"乙"); err != nil {
		t.Fatal(err)
	}
	if want := "\x1b[31m甲␛]0;title␇\x1b[0m乙"; b.String() != want {
		t.Errorf("writeText = %q, want %q", b.String(), want)
	}
}

// TestYearSource checks that the count of evidence and its noun agree.
func TestYearSource(t *testing.T) {
	tests := []struct {
		row  ReportRow
		want string
	}{
		{ReportRow{YearFrom: "evidence", Evidence: make([]EvidenceJSON, 1)}, "from 1 piece of evidence in the text"},
		{ReportRow{YearFrom: "evidence", Evidence: make([]EvidenceJSON, 3)}, "from 3 pieces of evidence in the text"},
		{ReportRow{YearFrom: "stated"}, "stated by flag or manifest"},
	}
	for _, tt := range tests {
		if got := yearSource(tt.row); got != tt.want {
			t.Errorf("yearSource(%d pieces) = %q, want %q", len(tt.row.Evidence), got, tt.want)
		}
	}
}

// TestVisibleWriter checks that text written in pieces comes out as
// Visible makes it whole, whatever the cuts: a C1 control cut in two halves
// a character cut mid-way and a CRLF cut between its two bytes included.
func TestVisibleWriter(t *testing.T) {
	in := "甲,\x1b[31m紅\x1b[0m\r\nC1\u009b31m,乙\x07\r\n"
	want := Visible(in)
	for cut := 0; cut <= len(in); cut++ {
		var b strings.Builder
		v := &VisibleWriter{W: &b}
		if _, err := v.Write([]byte(in[:cut])); err != nil {
			t.Fatal(err)
		}
		if _, err := v.Write([]byte(in[cut:])); err != nil {
			t.Fatal(err)
		}
		if err := v.Flush(); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("cut at %d: %q, want %q", cut, b.String(), want)
		}
	}
}

// TestInk checks that an ink paints as fatih/color colors a text made
// Visible (its escapes marked, for writeText), colors on and off, and that
// a view built in a textBuffer is written as writeText writes it, into a
// bytes.Buffer that already holds text and into a plain writer.
func TestInk(t *testing.T) {
	texts := []string{"", "甲乙", "紅\x1b[31m字", "行尾\r\n下行\r", "C1\u009b31m", "\r", "\n\r"}
	for _, on := range []bool{false, true} {
		st := Style{Color: on}
		for _, attrs := range [][]color.Attribute{{color.FgRed}, boldAttr, dimAttr} {
			k := st.ink(attrs...)
			c := color.New(attrs...)
			c.EnableColor()
			// paint is how the views colored a text before inks.
			paint := func(t string) string {
				if !on {
					return t
				}
				return strings.ReplaceAll(c.Sprint(Visible(t)), "\x1b", escMark)
			}
			for _, s := range texts {
				want := paint(s)
				if got := k.wrap(s); got != want {
					t.Errorf("color %v %v: wrap(%q) = %q, want %q", on, attrs, s, got, want)
				}
				// Painted in two pieces, it is painted as one text.
				buf, at := k.begin([]byte("前"))
				buf = append(append(buf, s...), s...)
				if got := string(k.end(buf, at)); got != "前"+paint(s+s) {
					t.Errorf("color %v %v: begin/end of %q twice = %q", on, attrs, s, got)
				}
				var plain strings.Builder
				if err := writeText(&plain, "前"+want+s+"\n"); err != nil {
					t.Fatal(err)
				}
				viaBuffer := bytes.NewBufferString("已有")
				tb := newTextBuffer(viaBuffer, 4)
				tb.buf = append(k.paint(append(tb.buf, "前"...), s), s+"\n"...)
				var viaWriter strings.Builder
				tw := newTextBuffer(&viaWriter, 0)
				tw.buf = append(tw.buf, tb.buf...)
				if err := tb.flush(); err != nil {
					t.Fatal(err)
				}
				if err := tw.flush(); err != nil {
					t.Fatal(err)
				}
				if viaBuffer.String() != "已有"+plain.String() || viaWriter.String() != plain.String() {
					t.Errorf("color %v %v %q: textBuffer wrote %q and %q, want %q", on, attrs, s,
						viaBuffer.String(), viaWriter.String(), plain.String())
				}
			}
		}
	}
}

// TestHasControl checks the word-at-a-time hasControl against reading
// every byte, on random texts of the bytes that matter (a CR before a LF or
// not, across the words it reads), in both of its forms.
func TestHasControl(t *testing.T) {
	byByte := func(s string) bool { return controlIn(s, 0, len(s)) }
	pool := []string{"a", "甲", "\n", "\r", "\r\n", "\t", "\x00", "\x1f", " ", "\x7f", "\u0085", "\u00a0", "·", "\xc2", "\x80", "\xff", "~"}
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.Intn(40); k > 0; k-- {
			p := pool[rng.Intn(len(pool))]
			if rng.Intn(3) > 0 {
				p = pool[rng.Intn(2)] // mostly text, so that whole words of it occur
			}
			b.WriteString(p)
		}
		s := b.String()
		if got, want := hasControl(s), byByte(s); got != want || hasControl([]byte(s)) != want {
			t.Fatalf("hasControl(%q) = %v, want %v", s, got, want)
		}
	}
}
