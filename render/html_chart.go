package render

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/reportdiff/reportdiff/change"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// The charts of the priorities are inline SVG whose every coordinate is
// computed here; the template only draws them. Axes start at zero, and all
// the charts of one part share one scale, so bars and lines compare across
// years and themes. Labels are measured by their display width (a Chinese
// character takes two columns), at colPx pixels a column.

const (
	chartFont = 12  // px
	colPx     = 6.6 // px per display column at chartFont: a Chinese character is 13.2, a Latin letter averages under 6.6
)

// prioritiesView is the priorities: per part the charts and the table of
// shares, then per pair of reports the words that rose and fell.
type prioritiesView struct {
	sectionHead
	Parts []partPriorities
	Words []wordsView
}

type partPriorities struct {
	Part, Anchor string
	Bars         []barChart
	Multiples    []lineChart
	Reports      []string
	Rows         []shareRow
}

type shareRow struct {
	Label themeLabel
	Cells []shareCell
}

type shareCell struct {
	Share, Change, Sign string // sign: up, down or flat; "" for the first report
	Rank                int
	Empty               bool
}

type wordsView struct {
	Anchor, From, To, Lang string
	Rising, Falling        []termRow
}

type termRow struct {
	Term, Mark, Symbol, G2 string
	CountFrom, CountTo     int
}

// barChart is the shares of one part of one report: a bar per theme.
type barChart struct {
	ID, Caption, Title, Desc, Lang string
	W, H                           int
	Rows                           []barRow
	Ticks                          []tick
	AxisX, AxisY1, AxisY2          string
}

type barRow struct {
	Label, Lang, Value              string
	LabelX, TextY, X, Y, BarW, BarH string
	ValueX                          string
}

type tick struct {
	X1, X2, Y1, Y2, TX, TY, Label string
}

// lineChart is one theme's share of a part across the years.
type lineChart struct {
	ID, Title, Desc, Change, Sign string
	Label                         themeLabel
	W, H                          int
	Points                        string // the polyline
	Dots                          []dot
	Ticks                         []tick // horizontal grid lines with their labels
	Last                          tick   // the last value, beside the last point
	Years                         []tick // labels under the x axis
	AxisX1, AxisX2, AxisY         string
}

type dot struct {
	CX, CY, Title string
}

// px formats a coordinate with one decimal, the same on every machine.
func px(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) }

// niceMax returns the top of an axis that holds x: a multiple of a step of
// 1, 2 or 5 times a power of ten, with the step; x ≤ 0 gives (1, 0.2).
func niceMax(x float64) (top, step float64) {
	if x <= 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 1, 0.2
	}
	raw := x / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		step = m * mag
		if step >= raw {
			break
		}
	}
	top = math.Ceil(x/step-1e-9) * step
	return top, step
}

func pct(x float64) string {
	s := strconv.FormatFloat(math.Round(x*1000)/10, 'f', 1, 64)
	return s + "%"
}

// tickPct labels a tick: whole percents without decimals.
func tickPct(x float64) string {
	v := math.Round(x*1000) / 10
	if v == math.Trunc(v) {
		return strconv.Itoa(int(v)) + "%"
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + "%"
}

func (d *HTMLData) priorities() *prioritiesView {
	p := d.Priorities
	v := &prioritiesView{sectionHead: d.head("priorities")}
	var reports []*corpus.Report
	for _, r := range d.Reports {
		reports = append(reports, r)
	}
	var themes []string
	for _, t := range p.Themes {
		if d.showTheme(t) {
			themes = append(themes, t)
		}
	}
	share := map[string]change.Share{}
	key := func(t string, r *corpus.Report, part corpus.PartKind) string {
		return t + "|" + r.ID + "|" + string(part)
	}
	for _, s := range p.Shares {
		share[key(s.Theme, s.Report, s.Part)] = s
	}
	for _, part := range p.Parts {
		pp := partPriorities{Part: string(part), Anchor: d.scoped("priorities-", string(part))}
		top := 0.0
		for _, s := range p.Shares {
			if s.Part == part && d.inRange(s.Report) && d.showTheme(s.Theme) {
				top = math.Max(top, s.Share)
			}
		}
		if top == 0 {
			continue
		}
		axisTop, step := niceMax(top)
		for _, r := range reports {
			var shares []change.Share
			for _, t := range themes {
				if s, ok := share[key(t, r, part)]; ok {
					shares = append(shares, s)
				}
			}
			if len(shares) == 0 {
				continue
			}
			pp.Reports = append(pp.Reports, r.Name())
			pp.Bars = append(pp.Bars, d.barChart(r, part, shares, axisTop, step))
		}
		for _, t := range themes {
			row := shareRow{Label: d.label(t)}
			var series []change.Share
			for _, r := range reports {
				s, ok := share[key(t, r, part)]
				if !ok {
					if hasPart(p, r, part) {
						row.Cells = append(row.Cells, shareCell{Empty: true})
					}
					continue
				}
				c := shareCell{Share: pct(s.Share), Rank: s.Rank}
				if s.HasPrev && len(series) > 0 {
					c.Change, c.Sign = signedPoints(s.Change)
				}
				series = append(series, s)
				row.Cells = append(row.Cells, c)
			}
			if len(series) == 0 {
				continue
			}
			pp.Rows = append(pp.Rows, row)
			if slices.ContainsFunc(series, func(s change.Share) bool { return s.Share > 0 }) {
				// A theme absent from every report has no line to draw.
				pp.Multiples = append(pp.Multiples, d.lineChart(part, t, series, axisTop, step))
			}
		}
		v.Parts = append(v.Parts, pp)
	}
	for _, t := range p.Terms {
		if !d.inRange(t.From) || !d.inRange(t.To) {
			continue
		}
		n := len(v.Words)
		if n == 0 || v.Words[n-1].From != t.From.Name() || v.Words[n-1].To != t.To.Name() {
			v.Words = append(v.Words, wordsView{Anchor: anchor("words-", t.From.ID+"-"+t.To.ID), From: t.From.Name(), To: t.To.Name(), Lang: d.lang(t.To)})
			n++
		}
		row := termRow{Term: t.Term, G2: fmt.Sprintf("%.2f", t.G2), CountFrom: t.CountFrom, CountTo: t.CountTo}
		switch {
		case t.New:
			row.Mark, row.Symbol = "new", "✚"
		case t.Vanished:
			row.Mark, row.Symbol = "gone", "✖"
		case t.Rising:
			row.Mark, row.Symbol = "rose", "▲"
		default:
			row.Mark, row.Symbol = "fell", "▼"
		}
		if t.Rising || t.New {
			v.Words[n-1].Rising = append(v.Words[n-1].Rising, row)
		} else {
			v.Words[n-1].Falling = append(v.Words[n-1].Falling, row)
		}
	}
	return v
}

// hasPart reports whether report r has a share of the part for any theme.
func hasPart(p *change.Priorities, r *corpus.Report, part corpus.PartKind) bool {
	for _, s := range p.Shares {
		if s.Report == r && s.Part == part {
			return true
		}
	}
	return false
}

// signedPoints writes a change in percentage points with its sign, and
// says which way it went (changes under 0.05 points are flat).
func signedPoints(x float64) (string, string) {
	switch {
	case x >= 0.05:
		return fmt.Sprintf("▲ +%.1f", x), "up"
	case x <= -0.05:
		return fmt.Sprintf("▼ −%.1f", -x), "down"
	}
	return "± 0.0", "flat"
}

// barChart draws the shares of one part of one report.
func (d *HTMLData) barChart(r *corpus.Report, part corpus.PartKind, shares []change.Share, top, step float64) barChart {
	items := make([]barItem, len(shares))
	for i, s := range shares {
		l := d.label(s.Theme)
		items[i] = barItem{Label: l.Zh, Value: s.Share, Desc: s.Theme}
		if items[i].Label == "" {
			items[i].Label = l.ID
		}
	}
	return bars(anchor("bars-", string(part)+"-"+r.ID), reportName(r), fmt.Sprintf("%s %s: share of the part's characters by theme", r.Name(), part),
		d.lang(r), items, top, step)
}

// barItem is a bar: its label, its share, and its name in the chart's
// description.
type barItem struct {
	Label, Lang, Desc string // Lang: the label's, when not the chart's
	Value             float64
}

// bars draws a horizontal bar per item on an axis from 0 to top, with a
// tick every step; the labels, in lang, are measured by their display
// width so that the bars start right after the widest.
func bars(id, caption, title, lang string, items []barItem, top, step float64) barChart {
	const (
		w      = 360
		rowH   = 20
		barH   = 14
		topPad = 6
		valueW = 46
		axisH  = 22
	)
	labelCols := 0
	for _, it := range items {
		labelCols = max(labelCols, hanzi.Width(it.Label))
	}
	labelW := float64(labelCols)*colPx + 8
	plotW := float64(w) - labelW - valueW
	h := topPad + len(items)*rowH + axisH
	c := barChart{ID: id, Caption: caption, Title: title, Lang: lang, W: w, H: h}
	var desc []string
	for i, it := range items {
		y := float64(topPad + i*rowH)
		bw := it.Value / top * plotW
		c.Rows = append(c.Rows, barRow{Label: it.Label, Lang: it.Lang, Value: pct(it.Value), LabelX: px(labelW - 6), TextY: px(y + barH/2 + 4.5),
			X: px(labelW), Y: px(y), BarW: px(bw), BarH: px(barH), ValueX: px(labelW + bw + 4)})
		desc = append(desc, it.Desc+" "+pct(it.Value))
	}
	c.Desc = strings.Join(desc, ", ")
	baseY := float64(topPad + len(items)*rowH)
	c.AxisX, c.AxisY1, c.AxisY2 = px(labelW), px(topPad), px(baseY)
	for v := 0.0; v <= top+1e-9; v += step {
		x := labelW + v/top*plotW
		c.Ticks = append(c.Ticks, tick{X1: px(x), X2: px(x), Y1: px(topPad), Y2: px(baseY), TX: px(x), TY: px(baseY + 15), Label: tickPct(v)})
	}
	return c
}

// lineChart draws one theme's share of a part across the years.
func (d *HTMLData) lineChart(part corpus.PartKind, theme string, series []change.Share, top, step float64) lineChart {
	const (
		w, h   = 220, 130
		left   = 40.0
		right  = 46.0
		topPad = 10.0
		bottom = 24.0
	)
	plotW, plotH := w-left-right, h-topPad-bottom
	l := d.label(theme)
	c := lineChart{ID: d.scoped("line-", string(part)+"-"+theme), Label: l, W: w, H: h,
		AxisX1: px(left), AxisX2: px(w - right), AxisY: px(topPad + plotH)}
	c.Title = fmt.Sprintf("%s, %s: share of the part by year", theme, part)
	if n := len(series); n >= 2 {
		c.Change, c.Sign = signedPoints((series[n-1].Share - series[n-2].Share) * 100)
	}
	var pts, desc []string
	for i, s := range series {
		x := left + plotW/2
		if len(series) > 1 {
			x = left + float64(i)*plotW/float64(len(series)-1)
		}
		y := topPad + plotH - s.Share/top*plotH
		pts = append(pts, px(x)+","+px(y))
		label := s.Report.Name() + ": " + pct(s.Share)
		c.Dots = append(c.Dots, dot{CX: px(x), CY: px(y), Title: label})
		desc = append(desc, label)
		// Years under the axis: all of up to five, else the first, the last
		// and every so many between.
		every := max(1, (len(series)+3)/4)
		if len(series) <= 5 || i%every == 0 || i == len(series)-1 {
			c.Years = append(c.Years, tick{TX: px(x), TY: px(h - 6), Label: s.Report.Name()})
		}
	}
	c.Points = strings.Join(pts, " ")
	c.Desc = strings.Join(desc, ", ")
	last := series[len(series)-1]
	c.Last = tick{Label: pct(last.Share), TX: px(left + plotW + 5), TY: px(topPad + plotH - last.Share/top*plotH + 4)}
	for _, v := range []float64{0, top / 2, top} {
		y := topPad + plotH - v/top*plotH
		c.Ticks = append(c.Ticks, tick{X1: px(left), X2: px(left + plotW), Y1: px(y), Y2: px(y), TX: px(left - 4), TY: px(y + 4), Label: tickPct(v)})
	}
	return c
}
