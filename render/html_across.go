package render

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/reportdiff/reportdiff/change"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// The views across governments of a comparison (html_govs.go): the theme
// shares of every government, its headline indicators, and the
// commitments several governments make. Each reads the facts of the
// governments' parts and links to their sections where the page has them.

// How many commitments made by several governments, and how many
// indicators judged by several, the comparison shows at most (those of
// the most governments): enough for the national programmes and the
// headline indicators of a large corpus, in a page that stays light. The
// rest are named, or counted, with the command that has them all.
const (
	maxShared     = 200
	maxIndicators = 40
)

// sharesAcross is the theme shares of every government: per theme, a bar
// chart of the year with a bar per government, and a small chart per
// government across the years; the numbers of the year in a table.
type sharesAcross struct {
	Year    int
	Chosen  bool // the year was picked, not given
	Themes  []themeAcross
	Without []themeLabel // the themes no government gives a share
}

type themeAcross struct {
	Anchor string
	Label  themeLabel
	Parts  []partAcross
	Rows   []shareAcrossRow
}

type partAcross struct {
	Part      string
	Bars      *barChart
	Multiples []yearChart
	None      []govLink // governments whose reports never give the theme a share of this part
}

type shareAcrossRow struct {
	Gov   govLink
	Cells []shareCell // per part: the share of the year and the change against the year before
}

func (d *HTMLData) sharesAcross(c *Comparison, years map[int]int) *sharesAcross {
	v := &sharesAcross{Year: c.Year}
	if v.Year == 0 {
		v.Year, v.Chosen = mostYear(years), true
	}
	parts := []string{string(corpus.Review), string(corpus.Plan)}
	first, last := 0, 0
	for y := range years {
		if first == 0 || y < first {
			first = y
		}
		last = max(last, y)
	}
	for _, th := range d.lexicon.Themes {
		if !d.showTheme(th.ID) {
			continue
		}
		ta := themeAcross{Anchor: anchor("x-t-", th.ID), Label: d.label(th.ID)}
		for _, part := range parts {
			pa := partAcross{Part: part}
			type series struct {
				g   *GovPart
				pts []govShare
			}
			var all []series
			var items []barItem
			top, yearTop := 0.0, 0.0
			for _, g := range c.Parts {
				var pts []govShare
				for _, s := range g.shares {
					if s.Theme == th.ID && s.Part == part {
						pts = append(pts, s)
						top = math.Max(top, s.Share)
						if s.Year == v.Year {
							items = append(items, barItem{Label: g.Name, Lang: g.lang, Desc: g.Name, Value: s.Share})
							yearTop = math.Max(yearTop, s.Share)
						}
					}
				}
				if len(pts) > 0 {
					all = append(all, series{g, pts})
				}
			}
			if !slices.ContainsFunc(all, func(s series) bool {
				return slices.ContainsFunc(s.pts, func(x govShare) bool { return x.Share > 0 })
			}) {
				continue // no government gives the theme a share of this part
			}
			if len(items) > 0 {
				t, step := niceMax(yearTop)
				b := bars(anchor("x-bars-", part+"-"+th.ID), fmt.Sprintf("%s %d", part, v.Year),
					fmt.Sprintf("%s, %s %d: share of the part's characters by government", th.ID, part, v.Year), d.script, items, t, step)
				pa.Bars = &b
			}
			t, _ := niceMax(top)
			for _, s := range all {
				if !slices.ContainsFunc(s.pts, func(x govShare) bool { return x.Share > 0 }) {
					pa.None = append(pa.None, govLink{Name: s.g.Name, Lang: s.g.lang})
					continue
				}
				pa.Multiples = append(pa.Multiples, yearLine(s.g, th.ID, part, s.pts, first, last, t))
			}
			ta.Parts = append(ta.Parts, pa)
		}
		if len(ta.Parts) == 0 {
			v.Without = append(v.Without, ta.Label)
			continue
		}
		for _, g := range c.Parts {
			row := shareAcrossRow{Gov: govLink{Name: g.Name, Lang: g.lang}}
			any := false
			for _, part := range parts {
				cell := shareCell{Empty: true}
				var prev *govShare
				for i, s := range g.shares {
					if s.Theme == th.ID && s.Part == part && s.Year == v.Year-1 {
						prev = &g.shares[i]
					}
				}
				for _, s := range g.shares {
					if s.Theme == th.ID && s.Part == part && s.Year == v.Year {
						cell = shareCell{Share: pct(s.Share)}
						if prev != nil {
							cell.Change, cell.Sign = signedPoints((s.Share - prev.Share) * 100)
						}
						any = true
					}
				}
				row.Cells = append(row.Cells, cell)
			}
			if any {
				ta.Rows = append(ta.Rows, row)
			}
		}
		v.Themes = append(v.Themes, ta)
	}
	return v
}

// yearChart is one government's share of a theme in a part across the
// years, on an axis of years shared by every government of the page.
type yearChart struct {
	ID, Title, Desc       string
	Gov                   govLink
	W, H                  int
	Lines                 []string // a polyline for every run of consecutive years
	Dots                  []dot    // the years that stand alone
	Ticks                 []tick   // horizontal grid lines with their labels
	Years                 []tick   // the first and last years under the axis
	Last                  tick     // the last value, beside the last point
	AxisX1, AxisX2, AxisY string
}

// yearLine draws a government's shares (in year order) on the years first
// to last and the shares 0 to top.
func yearLine(g *GovPart, theme, part string, pts []govShare, first, last int, top float64) yearChart {
	const (
		w, h   = 180, 90
		left   = 32.0
		right  = 42.0
		topPad = 8.0
		bottom = 20.0
	)
	plotW, plotH := w-left-right, h-topPad-bottom
	c := yearChart{ID: anchor("x-line-", part+"-"+theme+"-"+g.Name), Gov: govLink{Name: g.Name, Lang: g.lang}, W: w, H: h,
		AxisX1: px(left), AxisX2: px(w - right), AxisY: px(topPad + plotH)}
	c.Title = fmt.Sprintf("%s: share of %s in the %s part by year", g.Name, theme, part)
	x := func(y int) float64 {
		if last == first {
			return left + plotW/2
		}
		return left + float64(y-first)*plotW/float64(last-first)
	}
	yv := func(s float64) float64 { return topPad + plotH - s/top*plotH }
	var desc, run []string
	flush := func() {
		if len(run) > 1 {
			c.Lines = append(c.Lines, strings.Join(run, " "))
		}
		run = nil
	}
	for i, s := range pts {
		if i > 0 && s.Year != pts[i-1].Year+1 {
			flush()
		}
		run = append(run, px(x(s.Year))+","+px(yv(s.Share)))
		alone := (i == 0 || pts[i-1].Year != s.Year-1) && (i == len(pts)-1 || pts[i+1].Year != s.Year+1)
		if alone {
			c.Dots = append(c.Dots, dot{CX: px(x(s.Year)), CY: px(yv(s.Share)), Title: fmt.Sprintf("%d: %s", s.Year, pct(s.Share))})
		}
		desc = append(desc, fmt.Sprintf("%d %s", s.Year, pct(s.Share)))
	}
	flush()
	c.Desc = strings.Join(desc, ", ")
	l := pts[len(pts)-1]
	c.Last = tick{Label: pct(l.Share), TX: px(x(l.Year) + 4), TY: px(yv(l.Share) + 4)}
	for _, v := range []float64{0, top} {
		c.Ticks = append(c.Ticks, tick{X1: px(left), X2: px(left + plotW), Y1: px(yv(v)), Y2: px(yv(v)), TX: px(left - 4), TY: px(yv(v) + 4), Label: tickPct(v)})
	}
	c.Years = append(c.Years, tick{TX: px(x(first)), TY: px(h - 5), Label: strconv.Itoa(first)})
	if last != first {
		c.Years = append(c.Years, tick{TX: px(x(last)), TY: px(h - 5), Label: strconv.Itoa(last)})
	}
	return c
}

// indicatorsAcross is the headline indicators of every government.
type indicatorsAcross struct {
	Year    int
	Chosen  bool
	Asked   string // the indicator asked for, when one was
	Items   []indicatorAcross
	More    []indicatorName // judged by several governments, past maxIndicators
	Omitted int             // headline indicators judged by one government or none
}

// indicatorName names an indicator not shown, with the number of
// governments that judge it.
type indicatorName struct {
	Name, Lang, Measure string
	Govs                int
}

type indicatorAcross struct {
	Anchor, Name, Lang, Measure string
	Govs, Judges                int             // governments that report it, that judge it
	Rows                        []verdictAcross // the year's
	Years                       []int
	Matrix                      []matrixRow
}

type verdictAcross struct {
	Gov             govLink
	Target, Outcome *valueView
	Verdict         verdictCell
}

// judged reports whether a verdict weighs a target against an outcome.
func judged(v string) bool { return v == change.Met || v == change.MissedGoal }

func (d *HTMLData) indicatorsAcross(c *Comparison) *indicatorsAcross {
	v := &indicatorsAcross{Year: c.Year, Asked: c.Indicator}
	type key struct{ name, measure string }
	type entry struct {
		g      *GovPart
		in     *indicatorView
		judged bool // met or missed in some year
	}
	by := map[key][]entry{}
	judges := map[key]int{} // governments that judge the indicator
	var keys []key
	years := map[int]int{}
	for _, g := range c.Parts {
		counted := map[int]bool{}
		for i := range g.indicators {
			in := &g.indicators[i]
			if c.Indicator != "" && in.name != c.Indicator {
				continue
			}
			k := key{in.name, in.measure}
			if by[k] == nil {
				keys = append(keys, k)
			}
			e := entry{g: g, in: in}
			for _, r := range in.Rows {
				if judged(r.Verdict.Verdict) {
					e.judged = true
					if !counted[r.Year] {
						counted[r.Year] = true
						years[r.Year]++
					}
				}
			}
			by[k] = append(by[k], e)
			if e.judged {
				judges[k]++
			}
		}
	}
	if v.Year == 0 {
		v.Year, v.Chosen = mostYear(years), true
	}
	// The indicators that most governments judge, then that most report.
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if judges[a] != judges[b] {
			return judges[a] > judges[b]
		}
		if len(by[a]) != len(by[b]) {
			return len(by[a]) > len(by[b])
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.measure < b.measure
	})
	for _, k := range keys {
		es := by[k]
		name := d.inScript(k.name)
		lang := textLang(name)
		if lang == "zh" {
			lang = d.script
		}
		switch {
		case c.Indicator != "":
		case judges[k] < 2:
			v.Omitted++
			continue
		case len(v.Items) == maxIndicators:
			v.More = append(v.More, indicatorName{Name: name, Lang: lang, Measure: d.inScript(k.measure), Govs: judges[k]})
			continue
		}
		ia := indicatorAcross{Anchor: anchor("x-i-", nameHash(k.name+"|"+k.measure)), Name: name, Lang: lang, Measure: d.inScript(k.measure),
			Govs: len(es), Judges: judges[k]}
		ys := map[int]bool{}
		for _, e := range es {
			row := verdictAcross{Gov: govLink{Href: e.g.href(e.in.Anchor), Name: e.g.Name, Lang: e.g.lang}}
			found := false
			for _, r := range e.in.Rows {
				ys[r.Year] = true
				if r.Year == v.Year {
					row.Target, row.Outcome, row.Verdict, found = e.g.rebaseValue(r.Target), e.g.rebaseValue(r.Outcome), r.Verdict, true
				}
			}
			if found {
				ia.Rows = append(ia.Rows, row)
			}
		}
		for y := range ys {
			ia.Years = append(ia.Years, y)
		}
		sort.Ints(ia.Years)
		for _, e := range es {
			mr := matrixRow{Href: e.g.href(e.in.Anchor), Name: e.g.Name, Lang: e.g.lang}
			for _, y := range ia.Years {
				cell := verdictCell{}
				for _, r := range e.in.Rows {
					if r.Year == y {
						cell = r.Verdict
					}
				}
				mr.Cells = append(mr.Cells, cell)
			}
			ia.Matrix = append(ia.Matrix, mr)
		}
		v.Items = append(v.Items, ia)
	}
	return v
}

// rebaseValue makes the links of a value of the government's sections
// links from the comparison.
func (g *GovPart) rebaseValue(v *valueView) *valueView {
	if v == nil {
		return nil
	}
	out := *v
	out.Unit = g.rebase(v.Unit)
	return &out
}

// sharedView is the commitments that several governments make: the same
// key (the promise's object as commitments follows it through a
// government's reports: folded to Simplified characters, its years and
// figures taken out) in the commitments of two governments or more.
type sharedView struct {
	Items      []sharedCommitment
	Total      int // keys of two governments or more
	Govs       int
	MaxListed  int
	ThemeNames bool
}

type sharedCommitment struct {
	Anchor, Key, Label, Lang string
	Theme                    themeLabel
	Govs                     []commitmentAt
}

type commitmentAt struct {
	Gov                   govLink
	Label, Lang           string // as that government words it
	Status, Symbol, Years string
}

// unquoted is s without quotation marks.
func unquoted(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("“”‘’「」『』\"'", r) {
			return -1
		}
		return r
	}, s)
}

func (d *HTMLData) shared(c *Comparison) *sharedView {
	v := &sharedView{Govs: len(c.Parts), MaxListed: maxShared}
	by := map[string][]commitmentAt{}
	first := map[string]int{}
	var keys []string
	labels := map[string]*commitmentView{}
	for _, g := range c.Parts {
		seen := map[string]bool{}
		for i := range g.commitments {
			cm := &g.commitments[i]
			if seen[cm.key] || !d.showTheme(cm.Theme.ID) {
				continue
			}
			seen[cm.key] = true
			if by[cm.key] == nil {
				keys = append(keys, cm.key)
				labels[cm.key] = cm
			}
			years := ""
			switch {
			case cm.first == 0:
			case cm.first == cm.last:
				years = strconv.Itoa(cm.first)
			default:
				years = fmt.Sprintf("%d–%d", cm.first, cm.last)
			}
			if cm.first != 0 && (first[cm.key] == 0 || cm.first < first[cm.key]) {
				first[cm.key] = cm.first
			}
			by[cm.key] = append(by[cm.key], commitmentAt{Gov: govLink{Href: g.href(cm.Anchor), Name: g.Name, Lang: g.lang},
				Label: cm.Label, Lang: cm.Lang, Status: cm.Status, Symbol: cm.Symbol, Years: years})
		}
	}
	keys = slices.DeleteFunc(keys, func(k string) bool { return len(by[k]) < 2 })
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if len(by[a]) != len(by[b]) {
			return len(by[a]) > len(by[b])
		}
		if first[a] != first[b] {
			return first[a] < first[b]
		}
		return a < b
	})
	v.Total = len(keys)
	for i, k := range keys {
		if i == maxShared {
			break
		}
		l := labels[k]
		sc := sharedCommitment{Anchor: anchor("x-c-", nameHash(k)), Label: l.Label, Lang: l.Lang, Theme: d.label(l.Theme.ID), Govs: by[k]}
		if unquoted(hanzi.Fold(l.Label)) != k {
			sc.Key = k // the key says what matched, where the label does not
		}
		v.Items = append(v.Items, sc)
	}
	return v
}
