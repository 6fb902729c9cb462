package corpus

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// build reads one constructed file and checks that its pieces give it back.
func build(t *testing.T, name, text string) *Corpus {
	t.Helper()
	c, err := Build([]File{{Name: name, Text: text}}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertLossless(t, c.Sources[0])
	return c
}

func partsOf(r *Report) string {
	var ks []string
	for _, p := range r.Parts {
		ks = append(ks, string(p.Kind))
	}
	return strings.Join(ks, ",")
}

// markdownReport is a constructed provincial report in markdown, as public
// collections keep them: front matter, bold title, dateline and speaker, a
// comment with a photo caption, bold part headings, bold section leads.
const markdownReport = `---
source: https://example.org/report
title: 2031年政府工作报告
---

**政府工作报告**

**——2031年1月15日在某某省第九届人民代表大会第三次会议上**

**某某省省长 王 某**

<!-- 省长王某作政府工作报告。记者 李某 摄 -->

![](photo.jpg)

各位代表：

现在，我代表省人民政府向大会报告工作，请予审议。

**一、2030年工作回顾**

过去一年，全省经济运行总体平稳，地区生产总值增长5%。

**（一）稳住经济大盘。**出台稳增长政策措施，规模以上工业增加值增长6%。

**（二）深化改革开放**

推进重点领域改革，营商环境持续优化。

**二、2031年工作安排**

## （一）扩大有效需求

实施重大项目，固定资产投资增长7%。

**各位代表！**让我们团结奋斗，为完成全年目标任务而努力！
`

func TestMarkdown(t *testing.T) {
	for _, tt := range []struct{ name, text, gov, title string }{
		{"simplified", markdownReport, "某某省", "政府工作报告"},
		{"traditional", toTraditional(markdownReport), "某某省", "政府工作報告"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := build(t, "a.md", tt.text)
			r := c.Reports[0]
			if r.Year != 2031 || r.Delivered != "2031-01-15" || r.Government != tt.gov || r.Title != tt.title {
				t.Errorf("year %d delivered %q government %q title %q", r.Year, r.Delivered, r.Government, r.Title)
			}
			if got := partsOf(r); got != "preamble,review,plan,closing" {
				t.Errorf("parts %s", got)
			}
			if r.Meta["source"] != "https://example.org/report" {
				t.Errorf("meta %v", r.Meta)
			}
			var kinds []string
			for _, f := range r.Furniture {
				kinds = append(kinds, string(f.Kind))
			}
			if got := strings.Join(kinds, ","); got != "meta,comment,image" {
				t.Errorf("furniture %s", got)
			}
			var titles []string
			for _, s := range r.Sections() {
				if s.Title != "" {
					titles = append(titles, s.Title)
				}
			}
			if len(titles) != 3 || !strings.HasPrefix(titles[0], "稳住经济大盘") && !strings.HasPrefix(titles[0], "穩住經濟大盤") {
				t.Errorf("sections %q", titles)
			}
			for _, u := range r.Units {
				if strings.Contains(u.Text, "**") || strings.Contains(u.Text, "##") || strings.Contains(u.Text, "<!--") {
					t.Errorf("unit %s keeps markup: %q", u.ID, u.Text)
				}
			}
		})
	}
}

// pdfReport is a constructed policy address as text taken from a PDF: a
// table of contents, form feeds, page numbers and a running header between
// pages, lines wrapped without blank lines, numbered paragraphs, chapter
// headings with a space, spaces around numbers, 「」 quotes, and no review
// or plan part.
func pdfReport() string {
	var b strings.Builder
	b.WriteString("行政長官 2031 年施政報告\n目錄\n一、 前言 ........ 1\n二、 經濟發展 ........ 2\n三、 改善民生 ........ 3\n\f")
	para := func(n int, text string) {
		b.WriteString(text)
		b.WriteString("\n")
	}
	header := func(page int) {
		b.WriteString("\f2031 年施政報告\n")
		b.WriteString("第 " + string(rune('0'+page)) + " 頁\n")
	}
	para(0, "一、 前言")
	para(1, "1. 今年是回歸祖國 34 周年，也是「十六五」規劃的開局之年。我們")
	para(1, "會繼續推動經濟發展，改善市民生活，讓社會更加和諧穩定，")
	para(1, "並為未來五年打好基礎。")
	header(1)
	para(0, "二、 經濟發展")
	para(2, "2. 政府會投資 30 000 億元建設基礎設施，推動創新科技產業")
	para(2, "發展，吸引更多人才來港工作，提升整體競爭力，並與內地")
	header(2)
	para(2, "加強合作，共同開拓市場。")
	para(3, "3. 我們亦會支持中小企業，協助它們應對挑戰。")
	header(3)
	para(0, "三、 改善民生")
	para(4, "4. 政府會增加公營房屋供應，縮短輪候時間，改善長者及")
	para(4, "基層市民的生活。")
	return b.String()
}

func TestPDFText(t *testing.T) {
	c := build(t, "address.txt", pdfReport())
	r := c.Reports[0]
	if r.Year != 2031 {
		t.Errorf("year %d from %+v", r.Year, r.Evidence)
	}
	if got := partsOf(r); got != "preamble" {
		t.Errorf("parts %s: a policy address has no review or plan", got)
	}
	var titles []string
	for _, s := range r.Sections() {
		if s.Title != "" {
			titles = append(titles, s.Title)
		}
	}
	if strings.Join(titles, "|") != "前言|經濟發展|改善民生" {
		t.Errorf("sections %q", titles)
	}
	var texts []string
	for _, u := range r.Units {
		if u.Role != RoleFront {
			texts = append(texts, u.Text)
		}
	}
	if len(texts) != 4 || !strings.HasSuffix(texts[1], "並與內地加強合作，共同開拓市場。") {
		t.Errorf("units:\n%s", strings.Join(texts, "\n"))
	}
	kinds := map[FurnitureKind]int{}
	for _, f := range r.Furniture {
		kinds[f.Kind]++
	}
	if kinds[FurnTOC] == 0 || kinds[FurnPage] < 3 || kinds[FurnRunning] < 3 {
		t.Errorf("furniture %v", kinds)
	}
	kindsOf := map[string]bool{}
	for _, e := range r.Evidence {
		kindsOf[e.Kind] = true
		if e.Implies != 2031 {
			t.Errorf("evidence %+v", e)
		}
	}
	if !kindsOf["title"] || !kindsOf["anniversary"] || !kindsOf["plan"] {
		t.Errorf("evidence through spaces and 「」: %+v", r.Evidence)
	}
}

func TestDeliveredInDecember(t *testing.T) {
	for _, text := range []string{
		"政府工作报告\n——2030年12月28日在某某市第九届人民代表大会第三次会议上\n各位代表：\n一、2030年工作回顾\n甲。\n二、明年工作安排\n乙。\n",
		toTraditional("政府工作报告\n——2030年12月28日在某某市第九届人民代表大会第三次会议上\n各位代表：\n一、2030年工作回顾\n甲。\n二、明年工作安排\n乙。\n"),
	} {
		r := build(t, "r.txt", text).Reports[0]
		if r.Year != 2031 || r.ReviewYear != 2030 || r.Delivered != "2030-12-28" || partsOf(r) != "preamble,review,plan" {
			t.Errorf("year %d reviewing %d delivered %q parts %s; evidence %+v", r.Year, r.ReviewYear, r.Delivered, partsOf(r), r.Evidence)
		}
	}
}

func TestPlanHeadedByItsYear(t *testing.T) {
	for _, text := range []string{
		"各位代表：\n一、过去一年的工作\n甲。\n二、2031年工作\n乙。\n三、切实加强政府自身建设\n丙。\n",
		"各位代表：\n一、2030年主要工作\n甲。\n二、2031年目标任务和重点工作\n乙。\n",
		"各位代表：\n一、克服困难，2030年经济社会发展取得新成效\n甲。\n二、全面做好2031年工作\n乙。\n",
		toTraditional("各位代表：\n一、2030年主要工作\n甲。\n二、2031年目标任务和重点工作\n乙。\n"),
	} {
		r := build(t, "r.txt", text).Reports[0]
		if got := partsOf(r); !strings.HasPrefix(got, "preamble,review,plan") || r.Year != 2031 {
			t.Errorf("%q: parts %s, year %d", firstRunes(text, 30), got, r.Year)
		}
	}
	// A body line that names the years ahead opens no outline part.
	r := build(t, "r.txt", "一、2030年工作回顾\n甲。\n二、2031年工作安排\n未来五年，我们将继续努力\n乙。\n").Reports[0]
	if got := partsOf(r); got != "review,plan" {
		t.Errorf("parts %s", got)
	}
}

func TestGovernmentNeverInvented(t *testing.T) {
	tests := []struct{ text, gov, title string }{
		{"各位代表：\n现在，我代表省人民政府向大会报告工作。\n一、2030年工作回顾\n甲。\n", "", ""},
		{"各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2030年工作回顾\n甲。\n", "国务院", ""},
		{"某某省省長 王某\n各位代表：\n一、2030年工作回顧\n甲。\n", "某某省", ""},
		{"——2031年1月5日在某某自治区第九届人民代表大会第三次会议上\n各位代表：\n一、2030年工作回顾\n甲。\n", "某某自治区", ""},
		{"2031年某某市政府工作报告\n各位代表：\n一、2030年工作回顾\n甲。\n", "某某市", "2031年某某市政府工作报告"},
		// A speaker's title is no government's name.
		{"行政长官2031年施政报告\n一、前言\n甲。\n", "", "行政长官2031年施政报告"},
		{"行政長官 2031 年施政報告\n一、前言\n甲。\n", "", "行政長官 2031 年施政報告"},
		{"某某市市长2031年施政报告\n一、前言\n甲。\n", "某某市", "某某市市长2031年施政报告"},
	}
	for _, tt := range tests {
		r := build(t, "r.txt", tt.text).Reports[0]
		if r.Government != tt.gov || r.Title != tt.title {
			t.Errorf("%q: government %q title %q, want %q %q", firstRunes(tt.text, 20), r.Government, r.Title, tt.gov, tt.title)
		}
	}
}

func TestFindYearBeforeID(t *testing.T) {
	c, err := Build([]File{
		{Name: "d/2030.txt", Text: "一、2030年工作回顾\n甲。\n二、2031年工作任务\n乙。\n"},
		{Name: "d/2031.txt", Text: "一、2031年工作回顾\n甲。\n二、2032年工作任务\n乙。\n"},
	}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"2031": "2030", "2032": "2031", "2030.txt": "2030", "id:2031": "2031", "2031.txt": "2031"} {
		r, err := c.Find(name)
		if err != nil || r.ID != want {
			t.Errorf("Find(%q) = %v, %v; want id %s", name, r, err, want)
		}
	}
	if _, err := c.Find("id:2033"); err == nil {
		t.Errorf("Find(id:2033) found something")
	}
	// 2030.txt holds the report of 2031: no report is of 2030, and the
	// name 2030 is no way to reach the 2031 report.
	if r, err := c.Find("2030"); err == nil || !strings.Contains(err.Error(), "no report is dated 2030") || !strings.Contains(err.Error(), "id:2030") {
		t.Errorf("Find(2030) = %v, %v; want an error naming id:2030", r, err)
	}
	// A year stated outright is said to be stated, not read in the text.
	st, err := Build([]File{{Name: "d/2030.txt", Text: "甲。\n"}}, nil, Options{Years: map[string]int{"2030": 2035}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Find("2030"); err == nil || !strings.Contains(err.Error(), "is of 2035 (as --year or the manifest states)") {
		t.Errorf("Find(2030) of a report stated 2035: %v", err)
	}
	// A report whose year is unknown is still reached by its id.
	u, err := Build([]File{{Name: "d/2030.txt", Text: "甲。\n"}}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r, err := u.Find("2030"); err != nil || r.Year != 0 && r.Year != 2030 {
		t.Errorf("Find(2030) in a corpus of a report of unknown year = %v, %v", r, err)
	}
	var msgs []string
	for _, f := range Check(c) {
		if f.Rule == "year-file-name" {
			msgs = append(msgs, f.Message)
		}
	}
	if len(msgs) != 2 || !strings.Contains(msgs[0], "the file name says 2030 but the text says 2031") {
		t.Errorf("check: %q", msgs)
	}
}

// TestEncodings reads the embedded corpus encoded in GB18030, Big5 and
// UTF-16: the same reports, ids, years and units as from UTF-8, and show
// --raw gives back the file's own bytes.
func TestEncodings(t *testing.T) {
	want := loadSeed(t)
	big5, err := traditionalchinese.Big5.NewEncoder().String(DefaultText())
	if err != nil {
		t.Skipf("the seed has characters Big5 lacks: %v", err)
	}
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(DefaultText())
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(DefaultText())
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().String(DefaultText())
	for _, tt := range []struct{ name, bytes, enc string }{
		{"gb18030", gb, EncGB18030}, {"big5", big5, EncBig5}, {"utf16", u16, EncUTF16LE}, {"utf16be", u16be, EncUTF16BE},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text, raw, err := decodeFile(tt.name+".txt", []byte(tt.bytes), "")
			if err != nil {
				t.Fatal(err)
			}
			if raw.encoding != tt.enc || text != DefaultText() {
				t.Fatalf("read as %s; same text: %v", raw.encoding, text == DefaultText())
			}
			c, err := Build([]File{{Name: DefaultName, Text: text, Encoding: raw.encoding, raw: raw}}, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range c.Reports {
				w := want.Reports[i]
				if r.ID != w.ID || r.Year != w.Year || len(r.Units) != len(w.Units) || partsOf(r) != partsOf(w) {
					t.Errorf("report %s %d %d units, want %s %d %d", r.ID, r.Year, len(r.Units), w.ID, w.Year, len(w.Units))
				}
				enc, _ := encodings[tt.enc].NewEncoder().String(text[r.Span.Start:r.Span.End])
				if got := r.Source.Raw(r.Span); string(got) != enc {
					t.Errorf("report %s: raw bytes %d, want %d", r.ID, len(got), len(enc))
				}
			}
		})
	}
}

// TestDetectShortSamples tells GB18030 from Big5 on samples of 60 bytes, both
// ways, from constructed sentences in each script.
func TestDetectShortSamples(t *testing.T) {
	simp := "过去一年，全省经济运行总体平稳，地区生产总值增长百分之五，城乡居民收入稳步增加，各项改革深入推进，民生保障持续加强。"
	trad := toTraditional(simp)
	for _, tt := range []struct {
		text string
		enc  string
	}{{simp, EncGB18030}, {trad, EncGB18030}, {trad, EncBig5}} {
		b, err := encodings[tt.enc].NewEncoder().Bytes([]byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		for off := 0; off+60 <= len(b); off += 20 {
			sample := b[off : off+60]
			if got := DetectEncoding(sample); got != tt.enc {
				t.Errorf("%s sample at %d read as %q", tt.enc, off, got)
			}
		}
	}
}

// toTraditional writes a constructed Simplified text in Traditional
// characters, for the few characters these tests use.
func toTraditional(s string) string {
	r := strings.NewReplacer("过", "過", "经", "經", "济", "濟", "运", "運", "总", "總", "产", "產", "长", "長",
		"乡", "鄉", "发", "發", "项", "項", "革", "革", "开", "開", "务", "務", "报", "報", "议", "議",
		"顾", "顧", "规", "規", "导", "導", "实", "實", "团", "團", "为", "為", "标", "標", "现", "現",
		"国", "國", "区", "區", "会", "會", "届", "屆", "稳", "穩", "动", "動", "场", "場", "环", "環", "优", "優",
		"资", "資", "点", "點", "领", "領", "续", "續", "设", "設", "进", "進", "强", "強", "营", "營",
		"举", "舉", "业", "業", "体", "體", "来", "來", "计", "計", "划", "劃", "时", "時", "员", "員",
		"记", "記", "摄", "攝", "请", "請", "审", "審", "应", "應", "对", "對", "年", "年", "层", "層",
		"们", "們", "这", "這", "间", "間", "挥", "揮", "务", "務", "围", "圍", "观", "觀", "战", "戰",
		"劳", "勞", "护", "護", "险", "險", "质", "質", "离", "離", "费", "費", "节", "節", "个", "個",
		"给", "給", "价", "價", "够", "夠", "务", "務", "农", "農", "结", "結", "构", "構", "兴", "興",
		"鲜", "鮮", "将", "將", "继", "繼", "续", "續", "努", "努", "让", "讓", "扩", "擴", "效", "效",
		"大", "大", "盘", "盤", "台", "臺", "措", "措", "施", "施", "规", "規", "模", "模", "况", "況",
		"门", "門", "压", "壓", "难", "難", "机", "機", "制", "制", "级", "級", "单", "單", "临", "臨")
	return r.Replace(s)
}

// TestBoldNumberedHeadingOnItsLine reads a bold 一、 heading followed on its
// line by its first paragraph as a heading and a paragraph; a bold lead that
// ends with a full stop stays the lead of its unit.
func TestBoldNumberedHeadingOnItsLine(t *testing.T) {
	text := "**一、攻坚克难，发展取得新成效**\n\n过去一年，经济增长5%。\n\n" +
		"**二、开拓创新，推动发展再上新台阶** 今后五年，是现代化建设的关键时期。\n\n" +
		"**（一）优化生育支持政策。**免费开展孕前检查。\n"
	for _, text := range []string{text, toTraditional(text)} {
		r := build(t, "bold.md", text).Reports[0]
		var titles []string
		for _, s := range r.Sections() {
			if s.Heading != nil {
				titles = append(titles, s.Heading.Text)
			}
		}
		for _, p := range r.Parts {
			if p.Heading != nil {
				titles = append(titles, "part "+p.Heading.Text)
			}
		}
		got := hanzi.Fold(strings.Join(titles, "|"))
		if !strings.Contains(got, "二、开拓创新，推动发展再上新台阶") {
			t.Errorf("headings %q: the bold 二、 heading is not one", got)
		}
		for _, u := range r.Units {
			if strings.HasPrefix(u.Text, "二、") {
				t.Errorf("unit %s holds the heading: %q", u.ID, u.Text)
			}
			if strings.HasPrefix(u.Folded(), "免费") {
				t.Errorf("unit %s lost its bold lead", u.ID)
			}
		}
	}
}

// TestDetectUTF16WithoutMark tells UTF-16 without a byte-order mark, both
// orders and both scripts, in texts whose common characters (一 U+4E00, the
// ideographic space U+3000) put zero bytes at both offsets, and leaves
// texts in the other encodings to them.
func TestDetectUTF16WithoutMark(t *testing.T) {
	simp := "　　一、过去一年工作回顾\n　　过去一年，全市经济运行总体平稳，地区生产总值增长5.2%，一般公共预算收入增长一成。\n　　二、今年主要任务\n　　统一思想，坚持稳中求进，全年城镇新增就业10万人。\n"
	trad := "　　一、過去一年工作回顧\n　　過去一年，全市經濟運行總體平穩，地區生產總值增長5.2%，一般公共預算收入增長一成。\n　　二、今年主要任務\n　　統一思想，堅持穩中求進，全年城鎮新增就業10萬人。\n"
	short := "　　一、前言\n　　統一認識。\n"
	for _, tt := range []struct {
		name string
		text string
		enc  string
	}{
		{"simplified LE", simp, EncUTF16LE},
		{"simplified BE", simp, EncUTF16BE},
		{"traditional LE", trad, EncUTF16LE},
		{"traditional BE", trad, EncUTF16BE},
		{"short traditional LE", short, EncUTF16LE},
		{"short traditional BE", short, EncUTF16BE},
		{"simplified GB18030", simp, EncGB18030},
		{"traditional Big5", trad, EncBig5},
		{"simplified UTF-8", simp, EncUTF8},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := []byte(tt.text)
			if tt.enc != EncUTF8 {
				var err error
				if b, err = encodings[tt.enc].NewEncoder().Bytes(b); err != nil {
					t.Fatal(err)
				}
			}
			if got := DetectEncoding(b); got != tt.enc {
				t.Fatalf("detected %q, want %s", got, tt.enc)
			}
			text, _, err := decodeFile("r.txt", b, "")
			if err != nil || text != tt.text {
				t.Fatalf("decoded %q, %v", text, err)
			}
		})
	}
}

// TestUnpairedBold reads markdown whose bold opens on one line and closes
// on another (a title over two lines, a heading and its first subheading):
// the ** never enter the words, the title and headings read as such, and
// the reading stays lossless. Both scripts.
func TestUnpairedBold(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		title      string // the report's title
		sections   int    // sections of the plan part
	}{
		{"title over two lines", "**某某省政府工作报告\n\n——2031年1月15日在某某省第九届人民代表大会第三次会议上**\n\n各位代表：\n\n**一、2030年工作回顾**\n\n经济增长6%。\n\n**二、2031年工作安排**\n\n**（一）稳住经济大盘。** 推进甲项目。\n",
			"某某省政府工作报告", 1},
		{"heading and subheading", "某某省政府工作报告\n\n各位代表：\n\n**一、2030年工作回顾**\n\n经济增长6%。\n\n**二、2031年工作安排\n\n（一）稳住经济大盘。**\n\n推进甲项目。\n\n**（二）深化改革开放。** 推进乙项目。\n",
			"某某省政府工作报告", 2},
		{"traditional", "**某某省政府工作報告\n\n——2031年1月15日在某某省第九屆人民代表大會第三次會議上**\n\n各位代表：\n\n**一、2030年工作回顧**\n\n經濟增長6%。\n\n**二、2031年工作安排\n\n（一）穩住經濟大盤。**\n\n推進甲項目。\n\n**（二）深化改革開放。** 推進乙項目。\n",
			"某某省政府工作報告", 2},
		{"title broken over two lines", "**甲省政府\n工作报告**\n\n——2036年1月15日在甲省第九届人民代表大会第三次会议上\n\n各位代表：\n\n**一、2035年工作回顾**\n\n经济增长6%。\n\n**二、2036年工作安排**\n\n**（一）稳住经济大盘。** 推进甲项目。\n",
			"甲省政府工作报告", 1},
		{"title broken over two lines, traditional", "**甲省政府\n工作報告**\n\n——2036年1月15日在甲省第九屆人民代表大會第三次會議上\n\n各位代表：\n\n**一、2035年工作回顧**\n\n經濟增長6%。\n\n**二、2036年工作安排**\n\n**（一）穩住經濟大盤。** 推進甲項目。\n",
			"甲省政府工作報告", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src, _ := ParseSource("a.md", tt.text)
			assertLossless(t, src)
			r := src.Reports[0]
			if r.Title != tt.title {
				t.Errorf("title %q, want %q", r.Title, tt.title)
			}
			if u := r.Units[0]; u.Role != RoleFront || u.Text != tt.title {
				t.Errorf("first unit %q (%s), want the title, whole", u.Text, u.Role)
			}
			for _, u := range r.Units {
				if strings.Contains(u.Text, "*") || strings.Contains(u.Heading, "*") {
					t.Errorf("unit %s keeps **: %q", u.ID, u.Text)
				}
			}
			for _, p := range r.Parts {
				if p.Heading != nil && strings.Contains(p.Heading.Text, "*") {
					t.Errorf("part heading keeps **: %q", p.Heading.Text)
				}
				if p.Kind == Plan && len(p.Sections) != tt.sections {
					var titles []string
					for _, s := range p.Sections {
						titles = append(titles, s.Title)
					}
					t.Errorf("plan sections %q, want %d", titles, tt.sections)
				}
			}
		})
	}
}

// wrapped sets paragraphs as a PDF's text does: wrapped at width characters
// (indent included), the first line of each indented by indent, a page
// break (page number, form feed, running header) after every pageLines
// lines, in mid-paragraph as it falls.
func wrapped(title string, paras []string, width int, indent string, pageLines int) string {
	return paged(title, title, paras, width, indent, pageLines)
}

// paged is wrapped with a running header of its own words.
func paged(title, header string, paras []string, width int, indent string, pageLines int) string {
	var b strings.Builder
	b.WriteString(title + "\n")
	n, page := 0, 1
	emit := func(s string) {
		b.WriteString(s + "\n")
		if n++; n%pageLines == 0 {
			fmt.Fprintf(&b, "\n- %d -\n\f\n%s\n\n", page, header)
			page++
		}
	}
	for _, p := range paras {
		if !strings.HasPrefix(p, "一、") && !strings.HasPrefix(p, "二、") && !strings.HasPrefix(p, "各位") {
			p = indent + p
		}
		rs := []rune(p)
		for len(rs) > width {
			emit(string(rs[:width]))
			rs = rs[width:]
		}
		emit(string(rs))
	}
	return b.String()
}

// TestWrappedPDFText reads text taken from a PDF, hard-wrapped at a fixed
// width, with its paragraphs' first lines indented or with the indent lost
// (so shorter), sentences that end at the end of a line in mid-paragraph,
// and page breaks inside paragraphs: every paragraph is one unit, as in the
// text it was set from, and the reading stays lossless. Both scripts.
func TestWrappedPDFText(t *testing.T) {
	simp := []string{
		"各位代表：",
		"现在，我代表市人民政府，向大会报告工作，请予审议。",
		"一、2030年工作回顾",
		"过去一年，全市经济运行总体平稳。地区生产总值增长百分之五。城镇新增就业十万人，调查失业率保持在较低水平。居民消费价格涨幅温和，国际收支基本平衡。",
		"我们坚持稳中求进，深化改革开放。营商环境持续优化，市场主体活力增强。新设企业数量较快增长，民间投资回升。",
		// At 20 characters, its first line ends a sentence, and the paragraph goes on.
		"本市坚持稳中求进，经济运行总体平稳。市场主体活力持续增强，新设企业数量较快增长。",
		"——经济结构继续优化。消费持续发挥主要拉动作用，先进制造业、现代服务业较快增长，常住人口城镇化率进一步提高。",
		"二、2031年工作任务",
		"今年是实施五年规划的关键之年。我们要坚持稳中求进，推动经济实现质的有效提升和量的合理增长，确保完成全年目标任务，不断增强人民群众获得感。",
		"加快建设现代化产业体系，推动传统产业转型升级，培育壮大新兴产业，促进数字经济和实体经济深度融合。",
	}
	trad := make([]string, len(simp))
	for i, p := range simp {
		trad[i] = toTraditional(p)
	}
	for _, tt := range []struct {
		name   string
		paras  []string
		indent string
	}{
		{"indented", simp, "　　"},
		{"indent lost", simp, ""},
		{"indented, traditional", trad, "　　"},
		{"indent lost, traditional", trad, ""},
	} {
		for _, width := range []int{18, 20, 23} {
			t.Run(fmt.Sprintf("%s at %d", tt.name, width), func(t *testing.T) {
				// With the indent lost, the first lines are two characters
				// shorter than the rest.
				w := width
				text := wrapped("政府工作报告", tt.paras, w, "　　", 7)
				if tt.indent == "" {
					text = strings.ReplaceAll(text, "\n　　", "\n")
				}
				src, _ := ParseSource("r.txt", text)
				assertLossless(t, src)
				r := src.Reports[0]
				var got []string
				for _, u := range r.Units {
					if u.Role != RoleFront && u.Role != RoleSalutation {
						got = append(got, u.Text)
					}
				}
				var want []string
				for _, p := range tt.paras {
					if !strings.HasPrefix(p, "一、") && !strings.HasPrefix(p, "二、") && !strings.HasPrefix(p, "各位") {
						want = append(want, p)
					}
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("units:\n%s\nwant:\n%s\ntext:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), text)
				}
				if partsOf(r) != "preamble,review,plan" {
					t.Errorf("parts %s", partsOf(r))
				}
			})
		}
	}
}

// TestPageJumps reads a report taken from a newspaper, whose text breaks off
// with （下转第2版） and goes on after （上接第1版）: the notes never enter the
// words, a paragraph broken by them is one unit, and the reading stays
// lossless. Both scripts.
func TestPageJumps(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"各位代表：\n\n一、2030年工作回顾\n\n全年地区生产总值增长5%，一般公共预算收入增长6%，（下转第2版）\n\n（下转第2版）\n\n（上接第1版）城镇新增就业10万人。\n\n二、2031年工作任务\n\n加快发展。（下转第三版）（紧接第一版） 推进改革。\n",
			"全年地区生产总值增长5%，一般公共预算收入增长6%，城镇新增就业10万人。|加快发展。推进改革。"},
		{"各位代表：\n\n一、2030年工作回顧\n\n全年地區生產總值增長5%，一般公共預算收入增長6%，（下轉第2版）\n\n（緊接第1版）城鎮新增就業10萬人。\n\n二、2031年工作任務\n\n加快發展。\n",
			"全年地區生產總值增長5%，一般公共預算收入增長6%，城鎮新增就業10萬人。|加快發展。"},
		// A sentence ends before （下转…）: the paragraph goes on after （上接…）.
		{"一、2035年工作回顾\n\n推进甲乙工程建设。（下转第3版）\n\n（上接第2版）全年完成投资6.5亿元，新增造林面积42万亩。\n\n二、2036年工作任务\n\n加快发展。\n",
			"推进甲乙工程建设。全年完成投资6.5亿元，新增造林面积42万亩。|加快发展。"},
		{"一、2035年工作回顧\n\n推進甲乙工程建設。（下轉第3版）\n\n（緊接第2版）全年完成投資6.5億元。\n\n二、2036年工作任務\n\n加快發展。\n",
			"推進甲乙工程建設。全年完成投資6.5億元。|加快發展。"},
		// Wrapped at 18: the line the note opens is full as set.
		{"政府工作报告\n一、2035年工作回顾\n　　推进甲乙丙丁戊己庚辛壬癸子丑寅卯\n辰巳工程建设。（下转第3版）\n（上接第2版）全年完成投资六亿元，新\n增造林面积四十二万亩，新设企业数量较\n快增长。\n" +
			"　　子丑寅卯辰巳午未申酉戌亥甲乙丙丁\n甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未\n卯辰巳午未申酉戌亥甲乙丙丁戊己庚辛壬\n戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥\n壬癸子丑。\n二、2036年工作任务\n　　加快发展。\n",
			"推进甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳工程建设。全年完成投资六亿元，新增造林面积四十二万亩，新设企业数量较快增长。|" +
				"子丑寅卯辰巳午未申酉戌亥甲乙丙丁甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未卯辰巳午未申酉戌亥甲乙丙丁戊己庚辛壬戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥壬癸子丑。|加快发展。"},
	} {
		src, _ := ParseSource("r.md", tt.text)
		assertLossless(t, src)
		var got []string
		for _, u := range src.Reports[0].Units {
			if u.Role != RoleSalutation && u.Role != RoleFront {
				got = append(got, u.Text)
			}
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("units %q, want %q", strings.Join(got, "|"), tt.want)
		}
	}
}

// TestRunningHeaderNamesTheGovernment reads a PDF's text whose running
// header, at each of its two page breaks, names the government and the
// report (甲省政府工作报告): the header is furniture, not the title of a
// second report, and the file holds one report. Both scripts.
func TestRunningHeaderNamesTheGovernment(t *testing.T) {
	long := strings.Repeat("全省经济运行总体平稳，城乡居民收入稳步增长，社会事业全面进步。", 20)
	paras := []string{
		"各位代表：",
		"现在，我代表省人民政府，向大会报告工作，请予审议。",
		"一、2035年工作回顾",
		long,
		long,
		"二、2036年工作安排",
		long,
		long,
	}
	for _, script := range []string{"simplified", "traditional"} {
		t.Run(script, func(t *testing.T) {
			title, header, ps := "政府工作报告", "甲省政府工作报告", paras
			if script == "traditional" {
				title, header = toTraditional(title), toTraditional(header)
				ps = make([]string, len(paras))
				for i, p := range paras {
					ps[i] = toTraditional(p)
				}
			}
			text := paged(title, header, ps, 30, "　　", 35)
			if n := strings.Count(text, header); n != 2 {
				t.Fatalf("the header comes %d times, want 2 (the case to test)", n)
			}
			src, _ := ParseSource("2036.txt", text)
			assertLossless(t, src)
			if len(src.Reports) != 1 {
				t.Fatalf("%d reports, want 1", len(src.Reports))
			}
			r := src.Reports[0]
			if got := partsOf(r); got != "preamble,review,plan" {
				t.Errorf("parts %s", got)
			}
			running := 0
			for _, f := range r.Furniture {
				if f.Kind == FurnRunning {
					running++
				}
			}
			if running != 2 {
				t.Errorf("%d running headers, want 2", running)
			}
		})
	}
}

// sentences returns a paragraph of sentences of the given lengths (their 。
// included), cut from the words of pool.
func sentences(pool string, lengths ...int) string {
	rs := []rune(pool)
	var b strings.Builder
	at := 0
	for _, n := range lengths {
		for k := 0; k < n-1; k++ {
			b.WriteRune(rs[at%len(rs)])
			at++
		}
		b.WriteString("。")
	}
	return b.String()
}

// TestIndentedLongParagraphs reads a PDF's text whose paragraphs are long
// (sixteen lines each) and indented, so that few lines are indented, and
// whose lines often end a sentence in mid-paragraph: the indent still tells
// where paragraphs start, and each is one unit. Both scripts.
func TestIndentedLongParagraphs(t *testing.T) {
	const pool = "全省上下坚持稳中求进工作总基调推动经济社会持续健康发展城乡居民收入稳步增长生态环境明显改善社会保持和谐稳定"
	for _, width := range []int{28, 30} {
		for _, script := range []string{"simplified", "traditional"} {
			t.Run(fmt.Sprintf("%s at %d", script, width), func(t *testing.T) {
				// With the indent of two, the first sentence fills the first
				// line; then lines end in mid-sentence or at a full stop.
				var lengths []int
				for k := 0; k < 5; k++ {
					lengths = append(lengths, width+12, width-12, width)
				}
				paras := []string{"一、2035年工作回顾"}
				for k := 0; k < 5; k++ {
					if k == 3 {
						paras = append(paras, "二、2036年工作安排")
					}
					paras = append(paras, sentences(pool[k*3:], append([]int{width - 2}, lengths...)...))
				}
				if script == "traditional" {
					for i, p := range paras {
						paras[i] = toTraditional(p)
					}
				}
				text := wrapped("政府工作报告", paras, width, "　　", 30)
				src, _ := ParseSource("r.txt", text)
				assertLossless(t, src)
				var got, want []string
				for _, u := range src.Reports[0].Units {
					if u.Role != RoleFront {
						got = append(got, u.Text)
					}
				}
				for _, p := range paras {
					if !strings.HasPrefix(p, "一、") && !strings.HasPrefix(p, "二、") {
						want = append(want, p)
					}
				}
				if len(got) != len(want) || strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("%d units, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
				}
			})
		}
	}
}

// TestParagraphOpenersInWrappedText reads a PDF's text wrapped at twenty
// characters whose indents were lost, where a paragraph's last line fills
// the width and the next paragraph, opened by a dash, a salutation or 第一，
// has a first line as wide as the text (half-width digits in it): the opener
// starts a paragraph, but 二是 goes on with the list of its paragraph. Both
// scripts.
func TestParagraphOpenersInWrappedText(t *testing.T) {
	const pool = "推进改革扩大开放促进发展保障民生稳定就业优化环境增强活力提升质量加快建设"
	for _, script := range []string{"simplified", "traditional"} {
		t.Run(script, func(t *testing.T) {
			at := 0
			fill := func(n int) string {
				rs := []rune(pool)
				var b strings.Builder
				for k := 0; k < n; k++ {
					b.WriteRune(rs[(at+k)%len(rs)])
				}
				at += 5
				return b.String()
			}
			var paras [][]string // each paragraph's lines
			for k := 0; k < 6; k++ {
				paras = append(paras, []string{fill(18), fill(19) + "，", fill(9) + "。"})
			}
			paras = append(paras,
				[]string{fill(18), fill(19) + "。"},
				[]string{"——2035" + fill(14), fill(19) + "。"},
				[]string{"各位代表！" + fill(15), fill(19) + "。"},
				[]string{"第一，2035" + fill(13), fill(19) + "。"},
				[]string{fill(18), fill(9) + "。"},
				[]string{"一是2035" + fill(14), fill(19) + "。", // 二是 runs on
					"二是2035" + fill(14), fill(9) + "。"})
			var text strings.Builder
			text.WriteString("政府工作报告\n")
			var want []string
			for _, p := range paras {
				for _, l := range p {
					if script == "traditional" {
						l = toTraditional(l)
					}
					text.WriteString(l + "\n")
				}
				w := strings.Join(p, "")
				if script == "traditional" {
					w = toTraditional(w)
				}
				want = append(want, w)
			}
			src, _ := ParseSource("r.txt", text.String())
			assertLossless(t, src)
			var got []string
			for _, u := range src.Reports[0].Units {
				if u.Role != RoleFront {
					got = append(got, u.Text)
				}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("units:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestImageCaption checks that only a line that says it is a caption (a
// credit, 图为…) is taken as one after an image; a dateline, a title or a
// salutation after an image stays the report's words.
func TestImageCaption(t *testing.T) {
	for _, tt := range []struct {
		name, after string
		caption     bool
	}{
		{"dateline", "——2036年1月20日在某某省第九届人民代表大会第七次会议上", false},
		{"dateline traditional", "——2036年1月20日在某某省第九屆人民代表大會第七次會議上", false},
		{"title", "某某省政府工作报告", false},
		{"title traditional", "某某省政府工作報告", false},
		{"salutation", "各位代表：", false},
		{"short line", "某某省第九届人大第七次会议", false},
		{"credit", "会议开幕。记者 李某 摄", true},
		{"credit traditional", "會議開幕。記者 李某 攝", true},
		{"picture", "图为会议现场", true},
		{"picture traditional", "圖為會議現場", true},
		{"supplied", "某某省政府供图", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := "![](photo.jpg)\n\n" + tt.after + "\n\n各位代表：\n\n现在，我代表省人民政府向大会报告工作。\n"
			r := build(t, "a.md", text).Reports[0]
			var kinds []string
			for _, f := range r.Furniture {
				kinds = append(kinds, string(f.Kind))
			}
			want := "image"
			if tt.caption {
				want = "image,caption"
			}
			if got := strings.Join(kinds, ","); got != want {
				t.Errorf("furniture %s, want %s", got, want)
			}
			inText := false
			for _, u := range r.Units {
				inText = inText || u.Text == tt.after
			}
			if inText == tt.caption {
				t.Errorf("line in the report's words: %v, want %v", inText, !tt.caption)
			}
		})
	}
}
