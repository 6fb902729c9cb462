package render

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/change"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/diffview"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// rowsText shows rows as "left | right" lines, deletions in [-…-] and
// insertions in {+…+}, for the tests.
func rowsText(rows []rowView) string {
	side := func(rs []runView) string {
		var b strings.Builder
		for _, r := range rs {
			switch r.Kind {
			case "del":
				b.WriteString("[-" + r.Text + "-]")
			case "ins":
				b.WriteString("{+" + r.Text + "+}")
			default:
				b.WriteString(r.Text)
			}
		}
		return b.String()
	}
	var lines []string
	for _, r := range rows {
		lines = append(lines, side(r.Left)+" | "+side(r.Right))
	}
	return strings.Join(lines, "\n")
}

func TestSentenceRows(t *testing.T) {
	tests := []struct {
		name, old, new string
		opts           diffview.Options
		want           string
	}{
		{"one clause changed, the other the same", "加強文化建設。完成改造十個。", "加強文化建設。完成改造十二個。", diffview.Options{},
			"加強文化建設。 | 加強文化建設。\n完成改造[-十個-]。 | 完成改造{+十二個+}。"},
		{"a heading rewritten stands beside its new form", "文化惠民成果顯著。舉辦社區文化節三場。", "重大專案進展順利。舉辦社區文化節四場。", diffview.Options{},
			"[-文化惠民成果顯著-]。 | {+重大專案進展順利+}。\n舉辦社區文化節[-三場-]。 | 舉辦社區文化節{+四場+}。"},
		{"a sentence inserted whole stands beside an empty cell", "加強文化建設。推進社區服務。", "加強文化建設。新建圖書館十個。推進社區服務。", diffview.Options{},
			"加強文化建設。 | 加強文化建設。\n | {+新建圖書館十個。+}\n推進社區服務。 | 推進社區服務。"},
		{"semicolons end rows", "地区生产总值增长7%左右；收入增长6%。", "地区生产总值增长6%左右；收入增长5%。", diffview.Options{},
			"地区生产总值增长[-7%-]左右； | 地区生产总值增长{+6%+}左右；\n收入增长[-6%-]。 | 收入增长{+5%+}。"},
		{"an ignored change is plain on both sides", "2015年完成改造。", "2016年完成改造。", diffview.Options{IgnoreYears: true},
			"2015年完成改造。 | 2016年完成改造。"},
		{"a new text", "", "新建圖書館。", diffview.Options{}, " | {+新建圖書館。+}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := diffview.Pair{From: &corpus.Unit{ID: "a.1"}, To: &corpus.Unit{ID: "b.1"}, Ops: diffview.Diff(tt.old, tt.new, tt.opts)}
			rows := sentenceRows(p, func(string) string { return "" })
			if got := rowsText(rows); got != tt.want {
				t.Errorf("rows:\n%s\nwant:\n%s", got, tt.want)
			}
			checkRebuild(t, rows, tt.old, tt.new)
		})
	}
}

// checkRebuild checks that the left runs rebuild the old text and the
// right runs the new one.
func checkRebuild(t *testing.T, rows []rowView, old, new string) {
	t.Helper()
	var l, r strings.Builder
	for _, row := range rows {
		for _, x := range row.Left {
			l.WriteString(x.Text)
		}
		for _, x := range row.Right {
			r.WriteString(x.Text)
		}
	}
	if l.String() != old || r.String() != new {
		t.Errorf("rows rebuild %q | %q, want %q | %q", l.String(), r.String(), old, new)
	}
}

// TestSentenceRowsRebuild: whatever the texts, the rows lose and add
// nothing.
func TestSentenceRowsRebuild(t *testing.T) {
	texts := []string{
		"", "。", "甲", "加強文化建設。推進社區服務。", "“三連冠”。完成！好？", "收入增長6%;支出下降2%;",
		"推進社區服務。加強文化建設。新建圖書館十個", "no punctuation at all", "  空格。  ",
	}
	for _, a := range texts {
		for _, b := range texts {
			p := diffview.Pair{From: &corpus.Unit{ID: "a"}, To: &corpus.Unit{ID: "b"}, Ops: diffview.Diff(a, b, diffview.Options{})}
			checkRebuild(t, sentenceRows(p, func(string) string { return "" }), a, b)
		}
	}
}

func TestSentenceRowsMoved(t *testing.T) {
	p := diffview.Pair{From: &corpus.Unit{ID: "p1.9"}, To: &corpus.Unit{ID: "p2.9"}, Ops: []diffview.Op{
		{Kind: diffview.Equal, Text: "提升管理水平。"},
		{Kind: diffview.Delete, Text: "推進垃圾分類示範小區建設。", Moved: true, MovedTo: "p2.6"},
		{Kind: diffview.Insert, Text: "完成背街小巷整治八十條。", Moved: true, MovedTo: "p1.3"},
	}}
	rows := sentenceRows(p, func(id string) string { return "#at-" + id })
	// Moved sentences have their partners elsewhere: each stands alone.
	if len(rows) != 3 || len(rows[1].Right) != 0 || len(rows[2].Left) != 0 {
		t.Fatalf("rows:\n%s", rowsText(rows))
	}
	del, ins := rows[1].Left[0], rows[2].Right[0]
	if !del.Moved || del.Key != "p1.9>p2.6" || del.Href != "#at-p2.6" || del.Other != "p2.6" {
		t.Errorf("moved away: %+v", del)
	}
	if !ins.Moved || ins.Key != "p1.3>p2.9" || ins.Href != "#at-p1.3" {
		t.Errorf("moved here: %+v", ins)
	}
}

func TestHighlight(t *testing.T) {
	tests := []struct{ text, phrase, before, key, after string }{
		{"完成北京外城東南角樓景觀恢復", "北京外城東南角樓", "完成", "北京外城東南角樓", "景觀恢復"},
		{"外城東南角樓景觀恢復工程基本完成", "北京外城東南角樓", "", "外城東南角樓", "景觀恢復工程基本完成"},
		{"區圖書館新館建成開館", "区图书馆新馆", "", "區圖書館新館", "建成開館"}, // either script
		{"爭創全國文明城區“四連冠”", "全國文明城區“三連冠”", "爭創", "全國文明城區“", "四連冠”"},
		{"舉辦活動", "新能源汽車", "舉辦活動", "", ""},
	}
	for _, tt := range tests {
		b, k, a := highlight(tt.text, tt.phrase)
		if b != tt.before || k != tt.key || a != tt.after {
			t.Errorf("highlight(%q, %q) = %q %q %q, want %q %q %q", tt.text, tt.phrase, b, k, a, tt.before, tt.key, tt.after)
		}
	}
}

func TestAnchor(t *testing.T) {
	tests := []struct{ prefix, id, want string }{
		{"u-", "p1.14", "u-p1.14"},
		{"text-", "2019", "text-2019"},
		{"u-", `x"<b>.3`, "u-x_22__3c_b_3e_.3"},
		{"r-", "东城_2019", "r-_4e1c__57ce__5f_2019"},
	}
	for _, tt := range tests {
		if got := anchor(tt.prefix, tt.id); got != tt.want {
			t.Errorf("anchor(%q, %q) = %q, want %q", tt.prefix, tt.id, got, tt.want)
		}
	}
	// Distinct ids, distinct anchors: the escape character is escaped too.
	if anchor("u-", "a_62_") == anchor("u-", "ab") {
		t.Error("anchors collide")
	}
	one := &HTMLData{}
	if a, b := one.hashAnchor("c-", "區圖書館新館"), one.hashAnchor("c-", "區圖書館新館"); a != b || !regexp.MustCompile(`^c-[0-9a-f]{8}$`).MatchString(a) {
		t.Errorf("hashAnchor: %q, %q", a, b)
	}
	// On a government's part of a comparison, the anchors not made from a
	// report's or unit's id (which names the government already) are
	// qualified by the government; on a page of one government they are not.
	gov := &HTMLData{Scope: "甲市"}
	for _, tt := range []struct{ got, want string }{
		{one.scoped("t-", "culture"), "t-culture"},
		{gov.scoped("t-", "culture"), "t-_7532__5e02__2f_culture"},
		{one.head("themes").Anchor, "themes"},
		{gov.head("themes").Anchor, "g-_7532__5e02__2f_themes"},
		{gov.hashAnchor("c-", "區圖書館新館"), "c-_7532__5e02__2f_" + strings.TrimPrefix(one.hashAnchor("c-", "區圖書館新館"), "c-")},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	u := uniqueAnchors{}
	if a, b := u.of("x"), u.of("x"); a != "x" || b != "x-2" {
		t.Errorf("uniqueAnchors: %q, %q", a, b)
	}
}

func TestNiceMax(t *testing.T) {
	tests := []struct{ x, top, step float64 }{
		{0.24, 0.3, 0.1}, {0.456, 0.6, 0.2}, {0.08, 0.08, 0.02}, {1, 1, 0.25}, {0, 1, 0.2}, {math.NaN(), 1, 0.2},
	}
	for _, tt := range tests {
		top, step := niceMax(tt.x)
		if math.Abs(top-tt.top) > 1e-9 || math.Abs(step-tt.step) > 1e-9 {
			t.Errorf("niceMax(%v) = %v, %v; want %v, %v", tt.x, top, step, tt.top, tt.step)
		}
		if !math.IsNaN(tt.x) && top < tt.x {
			t.Errorf("niceMax(%v) = %v: below the value", tt.x, top)
		}
	}
}

// TestBarChart: every bar starts at the zero of the axis, bars are as long
// as their shares, and the label column holds the widest label.
func TestBarChart(t *testing.T) {
	r := &corpus.Report{ID: "p1", Year: 2019, Script: hanzi.Simplified}
	d := &HTMLData{Corpus: &corpus.Corpus{Reports: []*corpus.Report{r}}}
	d.prepare()
	shares := []change.Share{{Theme: "culture", Report: r, Share: 0.1}, {Theme: "urban", Report: r, Share: 0.3}, {Theme: "economy", Report: r, Share: 0}}
	c := d.barChart(r, corpus.Review, shares, 0.4, 0.1)
	num := func(s string) float64 {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	if c.Ticks[0].Label != "0%" || c.Ticks[0].X1 != c.Rows[0].X || c.AxisX != c.Rows[0].X {
		t.Errorf("the axis does not start at zero: first tick %+v, first bar x %s", c.Ticks[0], c.Rows[0].X)
	}
	if w0, w1 := num(c.Rows[0].BarW), num(c.Rows[1].BarW); math.Abs(w1/w0-3) > 0.05 || num(c.Rows[2].BarW) != 0 {
		t.Errorf("bar widths %v, %v, %v: not as the shares 0.1, 0.3, 0", c.Rows[0].BarW, c.Rows[1].BarW, c.Rows[2].BarW)
	}
	// 城市管理與公共安全 (folded for a Simplified page): 9 characters, 18 columns.
	if x := num(c.Rows[0].LabelX); x < 18*colPx {
		t.Errorf("the labels end at %v, too close for 18 columns", x)
	}
	if c.Rows[1].Label != "城市管理与公共安全" || c.Lang != "zh-Hans" {
		t.Errorf("label %q, lang %q", c.Rows[1].Label, c.Lang)
	}
	if last := c.Ticks[len(c.Ticks)-1]; last.Label != "40%" || num(last.X1) > float64(c.W) {
		t.Errorf("last tick %+v in a chart %d wide", last, c.W)
	}
}

func TestTextLang(t *testing.T) {
	tests := []struct{ text, want string }{
		{"東城區政府工作報告", "zh-Hant"}, {"东城区政府工作报告", "zh-Hans"}, {"Report 2019", "zh"}, {"", "zh"},
	}
	for _, tt := range tests {
		if got := textLang(tt.text); got != tt.want {
			t.Errorf("textLang(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestContrast checks the page's colors, in the light scheme and the dark
// one, against WCAG AA: 4.5 for text on its background, 3 for the marks
// and bars that carry meaning.
func TestContrast(t *testing.T) {
	css := mustRead("html/style.css")
	light, dark := cssVars(css[:strings.Index(css, "@media (prefers-color-scheme: dark)")]), map[string]string{}
	for k, v := range light {
		dark[k] = v
	}
	darkBlock := css[strings.Index(css, "@media (prefers-color-scheme: dark)"):]
	darkBlock = darkBlock[:strings.Index(darkBlock, "\n}\n")]
	for k, v := range cssVars(darkBlock) {
		dark[k] = v
	}
	text := [][2]string{{"fg", "bg"}, {"muted", "bg"}, {"link", "bg"}, {"fg", "soft"}, {"muted", "soft"}, {"link", "soft"},
		{"fg", "del-bg"}, {"fg", "ins-bg"}, {"fg", "mv-bg"}, {"fg", "mark-bg"}, {"fg", "hl-bg"}, {"link", "hl-bg"}, {"link", "mv-bg"},
		{"del-line", "bg"}, {"ins-line", "bg"}, {"st-achieved", "bg"}, {"st-partial", "bg"}, {"st-missed", "bg"},
		{"st-repeated", "bg"}, {"st-unreported", "bg"}, {"st-open", "bg"}}
	marks := [][2]string{{"bar", "bg"}, {"del-line", "del-bg"}, {"ins-line", "ins-bg"}, {"mv-line", "mv-bg"}}
	for name, vars := range map[string]map[string]string{"light": light, "dark": dark} {
		for _, set := range []struct {
			pairs [][2]string
			min   float64
		}{{text, 4.5}, {marks, 3}} {
			for _, p := range set.pairs {
				a, b := vars[p[0]], vars[p[1]]
				if a == "" || b == "" {
					t.Fatalf("%s: no --%s or --%s", name, p[0], p[1])
				}
				if r := contrast(a, b); r < set.min {
					t.Errorf("%s: --%s %s on --%s %s: contrast %.2f, want %.1f", name, p[0], a, p[1], b, r, set.min)
				}
			}
		}
	}
}

var reVar = regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{6});`)

func cssVars(css string) map[string]string {
	m := map[string]string{}
	for _, v := range reVar.FindAllStringSubmatch(css, -1) {
		m[v[1]] = v[2]
	}
	return m
}

// contrast is the WCAG contrast ratio of two colors #rrggbb.
func contrast(a, b string) float64 {
	lum := func(hex string) float64 {
		var c [3]float64
		for i := range c {
			v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
			x := float64(v) / 255
			if x <= 0.04045 {
				c[i] = x / 12.92
			} else {
				c[i] = math.Pow((x+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestPageControls checks that the control characters of a corpus reach
// an HTML page only as control pictures: html/template escapes markup, not
// ESC, BEL or BS.
func TestPageControls(t *testing.T) {
	for _, script := range []string{
		"一、工作回顾\n控制字符\x1b[31m红色\x1b[0m和\x07响铃以及\b退格。\x1b]0;pwned\x07\n二、工作安排\n建成新馆。\n",
		"一、工作回顧\n控制字元\x1b[31m紅色\x1b[0m和\x07響鈴以及\b退格。\x1b]0;pwned\x07\n二、工作安排\n建成新館。\n",
	} {
		c, err := corpus.FromText("2021.txt", script)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := OutlineHTML(&b, c, c.Reports, HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		if i := strings.IndexFunc(page, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7f }); i >= 0 {
			t.Errorf("the page holds the control character %q: …%s…", page[i], page[max(0, i-40):i])
		}
		for _, want := range []string{"␛[31m", "␇", "␈"} {
			if !strings.Contains(page, want) {
				t.Errorf("the page does not show %s", want)
			}
		}
	}
}

// TestPageCounts checks that the counts of a page agree with their nouns:
// a report of one section and one paragraph says so.
func TestPageCounts(t *testing.T) {
	c, err := corpus.FromText("2021.txt", "一、2020年工作回顾\n（一）经济运行稳中有进\n全市生产总值增长6%。\n")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := CorpusHTML(&b, c, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{" 1 sections", " 1 paragraphs", " 1 pieces"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page says %q", bad)
		}
	}
	if !strings.Contains(page, "1 section, ") {
		i := strings.Index(page, "<dt>Size")
		t.Errorf("the page does not say 1 section: %s", page[max(0, i):min(len(page), i+200)])
	}
}
