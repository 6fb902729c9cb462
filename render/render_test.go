package render

import (
	"strings"
	"testing"

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
	on := Style{Color: true}.paint(boldAttr...)("x")
	off := Style{}.paint(boldAttr...)("x")
	if off != "x" || !strings.Contains(on, "\x1b[") || !strings.Contains(on, "x") {
		t.Errorf("paint on %q, off %q", on, off)
	}
}
