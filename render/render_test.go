package render

import (
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
