package render

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestMostYear(t *testing.T) {
	tests := []struct {
		counts map[int]int
		want   int
		why    string
	}{
		{map[int]int{2021: 2, 2022: 3, 2023: 3}, 2023, "the most governments, the latest on a tie"},
		{map[int]int{2021: 3, 2022: 1}, 2021, "the most governments over the latest"},
		{map[int]int{}, 0, "no year"},
		{map[int]int{0: 5, 2020: 1}, 2020, "a report without a year is no year"},
	}
	for _, tt := range tests {
		if got := mostYear(tt.counts); got != tt.want {
			t.Errorf("%s: mostYear(%v) = %d, want %d", tt.why, tt.counts, got, tt.want)
		}
	}
}

// TestYearLine: the small chart of a government across the years puts
// each share at its year on the axis every government shares, from zero,
// breaks the line where a year is missing, and marks a year that stands
// alone with a dot.
func TestYearLine(t *testing.T) {
	g := &GovPart{Name: "甲市", lang: "zh"}
	pts := []govShare{{Year: 2010, Share: 0.1}, {Year: 2011, Share: 0.2}, {Year: 2013, Share: 0.4}, {Year: 2015, Share: 0}, {Year: 2016, Share: 0.3}}
	c := yearLine(g, "culture", "plan", pts, 2010, 2020, 0.4)
	if len(c.Lines) != 2 || len(c.Dots) != 1 || c.Dots[0].Title != "2013: 40.0%" {
		t.Fatalf("lines %q, dots %+v: want 2010–2011 and 2015–2016 drawn, 2013 a dot", c.Lines, c.Dots)
	}
	num := func(s string) float64 {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	xy := func(p string) (float64, float64) {
		x, y, _ := strings.Cut(p, ",")
		return num(x), num(y)
	}
	x0, y0 := xy(strings.Fields(c.Lines[0])[0])
	x1, _ := xy(strings.Fields(c.Lines[0])[1])
	x5, y5 := xy(strings.Fields(c.Lines[1])[0])
	if left, right := num(c.AxisX1), num(c.AxisX2); x0 != left || math.Abs((x5-x0)/(right-left)-0.5) > 0.01 || math.Abs((x1-x0)*10-(right-left)) > 1 {
		t.Errorf("x of 2010, 2011, 2015: %v, %v, %v on an axis from %v to %v: not by year", x0, x1, x5, left, right)
	}
	if base := num(c.AxisY); y5 != base || y0 >= base {
		t.Errorf("a share of 0 at y %v, the axis at %v, 10%% at %v: the axis is not zero", y5, base, y0)
	}
	if c.Ticks[0].Label != "0%" || c.Ticks[1].Label != "40%" {
		t.Errorf("ticks %+v", c.Ticks)
	}
	if c.Years[0].Label != "2010" || c.Years[1].Label != "2020" {
		t.Errorf("years %+v: want the page's first and last", c.Years)
	}
	if !strings.Contains(c.Desc, "2015 0.0%") || c.Last.Label != "30.0%" {
		t.Errorf("desc %q, last %q", c.Desc, c.Last.Label)
	}
}

func TestPageFile(t *testing.T) {
	tests := []struct{ name, want string }{
		{"甲市", "甲市.html"},
		{"某省/某市", "某省_2f_某市.html"},
		{`x"<b>:*?|\ %#_y`, "x_22__3c_b_3e__3a__2a__3f__7c__5c__20__25__23__5f_y.html"},
	}
	for _, tt := range tests {
		if got := (&GovPart{Name: tt.name}).PageFile(); got != tt.want {
			t.Errorf("PageFile(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestUnquoted(t *testing.T) {
	for in, want := range map[string]string{"“四好农村路”": "四好农村路", "「廁所革命」": "廁所革命", "老旧小区改造15个": "老旧小区改造15个"} {
		if got := unquoted(in); got != want {
			t.Errorf("unquoted(%q) = %q, want %q", in, got, want)
		}
	}
}
