package corpus

import (
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// outlineOf renders a report's tree compactly: one line a part, section,
// subsection or unit, for comparing with what a test expects.
func outlineOf(r *Report) string {
	var b strings.Builder
	for _, p := range r.Parts {
		b.WriteString(string(p.Kind) + "\n")
		for _, s := range p.Sections {
			if s.Title != "" {
				b.WriteString(" S" + s.Marker + s.Title + "\n")
			}
			for _, ss := range s.Subsections {
				if ss.Title != "" {
					b.WriteString("  s" + ss.Marker + ss.Title + "\n")
				}
				for _, u := range ss.Units {
					label := u.Heading
					if label == "" {
						label = firstRunes(u.Text, 8)
					}
					if u.Role != RoleNone {
						label += " [" + string(u.Role) + "]"
					}
					b.WriteString("   u " + label + "\n")
				}
			}
		}
	}
	return b.String()
}

func TestParseStyles(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{{
		name: "national style: parts numbered 一、 with explicit years, sections （一）opening paragraphs",
		text: `政府工作报告
——2016年3月5日在第十二届全国人民代表大会第四次会议上
各位代表：
现在，我代表国务院，向大会报告政府工作，请予审议。
一、2015年工作回顾
过去一年，经济运行保持在合理区间。
一是创新宏观调控方式，经济运行保持在合理区间。面对经济下行压力，我们坚持不搞强刺激。
二是深化改革开放，发展活力不断增强。推进简政放权。
二、2016年工作任务
今年发展的主要预期目标是：国内生产总值增长6.5%—7%。
（一）稳定和完善宏观经济政策。积极的财政政策要加大力度。
加大减税力度。全面推开营改增试点。
（二）加强供给侧结构性改革。推动钢铁煤炭行业化解过剩产能。
各位代表！
让我们紧密团结，奋力夺取全面建成小康社会决胜阶段的伟大胜利！
`,
		want: `preamble
   u 政府工作报告 [front]
   u ——2016年3 [front]
   u 各位代表： [salutation]
   u 现在，我代表国务
review
   u 过去一年，经济运
   u 一是创新宏观调控方式，经济运行保持在合理区间
   u 二是深化改革开放，发展活力不断增强
plan
   u 今年发展的主要预 [targets]
 S（一）稳定和完善宏观经济政策
   u （一）稳定和完善宏观经济政策
   u 加大减税力度
 S（二）加强供给侧结构性改革
   u （二）加强供给侧结构性改革
closing
   u 各位代表！ [salutation]
   u 让我们紧密团结，
`,
	}, {
		name: "district style: unnumbered part headings, 一、 sections, lost parentheses",
		text: `各位代表:
20xx年工作回顧
一年來,我們主要做了以下幾方面工作:
一、文化建設取得新進展
文化惠民成果顯著。新建社區文化室10個。
二、經濟建設取得新進步
產業結構日趨優化。嚴格產業准入門檻。
20xx年主要任務
一、加緊城市更新改造
一加快疏解非首都功能
疏解工作有序推進。嚴格執行新增產業禁限目錄。
二加強城市精細化管理
大力治理交通擁堵。推進微循環道路建設。
`,
		want: `preamble
   u 各位代表: [salutation]
review
   u 一年來,我們主要 [intro]
 S一、文化建設取得新進展
   u 文化惠民成果顯著
 S二、經濟建設取得新進步
   u 產業結構日趨優化
plan
 S一、加緊城市更新改造
  s一加快疏解非首都功能
   u 疏解工作有序推進
  s二加強城市精細化管理
   u 大力治理交通擁堵
`,
	}, {
		name: "a numeral that starts a word is no lost marker; a broken paragraph joins",
		text: `20xx年工作回顧
一年來,全區經濟平穩,新增就業崗位
1200個,城鎮登記失業率控制在1%以內。
20xx年工作安排
加強文化交流。舉辦文化節。
`,
		want: `review
   u 一年來,全區經濟
plan
   u 加強文化交流
`,
	}, {
		name: "end-of-term style: five years reviewed, five years ahead, the appeal after the salutation on its line",
		text: `各位代表：
一、过去五年工作回顾
过去五年，全市经济社会发展取得显著成就。
（一）经济实力显著增强。产业结构持续优化。
二、今后五年的目标任务
今后五年，全市发展的主要目标是：地区生产总值年均增长6.5%左右。
三、2018年工作安排
（一）推动经济高质量发展。加快产业转型升级。
（二）加强生态环境保护。推进大气污染防治。
各位代表！让我们团结一心，奋力开创新局面！
`,
		want: `preamble
   u 各位代表： [salutation]
review
   u 过去五年，全市经
 S（一）经济实力显著增强
   u （一）经济实力显著增强
outline
   u 今后五年，全市发 [targets]
plan
 S（一）推动经济高质量发展
   u （一）推动经济高质量发展
 S（二）加强生态环境保护
   u （二）加强生态环境保护
closing
   u 各位代表！让我们
`,
	}, {
		name: "no structure at all: one part",
		text: "這是一段沒有標題的文字。它仍然被讀入。\n",
		want: "preamble\n   u 這是一段沒有標題的文字\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, _ := ParseSource("t.txt", tt.text)
			assertLossless(t, src)
			if got := outlineOf(src.Reports[0]); got != tt.want {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestParseWarnsWithoutStructure warns of a report without part headings,
// quoting the headings it looks for in the report's own script; so do the
// findings of check.
func TestParseWarnsWithoutStructure(t *testing.T) {
	for _, tt := range []struct{ text, quote, review string }{
		{"一段文字。\n", "(工作回顾, 主要任务 …)", "工作回顾 or 回顾"},
		{"这是一段没有结构的文字，它们仍然被读入。\n", "(工作回顾, 主要任务 …)", "工作回顾 or 回顾"},
		{"這是一段沒有結構的文字，它們仍然被讀入。\n", "(工作回顧, 主要任務 …)", "工作回顧 or 回顧"},
	} {
		src, warns := ParseSource("t.txt", tt.text)
		if len(warns) != 1 || !strings.Contains(warns[0].Message, "no part headings found "+tt.quote) || warns[0].Line != 1 {
			t.Errorf("%s: warnings = %v", tt.text, warns)
		}
		// One text with no part is one part: nothing is missing from it.
		for _, f := range checkReport(src.Reports[0]) {
			if f.Rule == "part-missing" {
				t.Errorf("%s: %v", tt.text, f)
			}
		}
	}
	// A report with a plan and no review, or a work report (it says so) with
	// no part heading: check quotes the heading it looks for in the
	// report's script.
	for _, tt := range []struct{ text, review string }{
		{"一、今年主要任务\n我们要做好各项工作。\n", "工作回顾 or 回顾"},
		{"一、今年主要任務\n我們要做好各項工作。\n", "工作回顧 or 回顧"},
		{"现在，我代表市人民政府，向大会报告政府工作。\n这一年，我们完成了各项任务。\n", "工作回顾 or 回顾"},
		{"政府工作報告\n這一年，我們完成了各項任務。\n", "工作回顧 or 回顧"},
	} {
		src, _ := ParseSource("t.txt", tt.text)
		found := false
		for _, f := range checkReport(src.Reports[0]) {
			found = found || f.Rule == "part-missing" && strings.Contains(f.Message, "no review part: no heading says "+tt.review)
		}
		if !found {
			t.Errorf("%s: check does not quote %s: %v", tt.text, tt.review, checkReport(src.Reports[0]))
		}
	}
}

func TestReportMarkers(t *testing.T) {
	for _, two := range []string{"篇2", "篇２", "第２篇"} {
		text := "標題\n篇1\n20xx年工作回顧\n甲。\n20xx年工作任務\n乙。\n" + two + "\n20xx年工作回顧\n丙。\n"
		src, _ := ParseSource("two.txt", text)
		assertLossless(t, src)
		if len(src.Reports) != 2 || len(src.Front) != 1 || src.Front[0].Text != "標題" {
			t.Fatalf("%s: reports %d, front %v", two, len(src.Reports), src.Front)
		}
		if src.Reports[1].Marker.Number != 2 || src.Reports[1].Marker.Line != 7 {
			t.Errorf("%s: second marker = %+v", two, src.Reports[1].Marker)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"甲。乙！丙？", []string{"甲。", "乙！", "丙？"}},
		{"他說：“好。”然後走了", []string{"他說：“好。”", "然後走了"}},
		{"  甲。 乙。", []string{"甲。", "乙。"}},
		{"", nil},
		// ASCII stops, and characters that share a stop's first byte
		// (、〃 E3, ，； EF) without being one: the byte shortcut decodes
		// at every byte a stop can start with, and only there.
		{"甲!乙?丙", []string{"甲!", "乙?", "丙"}},
		{"甲、乙〃丙，丁；戊。", []string{"甲、乙〃丙，丁；戊。"}},
		// Four-byte characters, and bytes that are no UTF-8 before a stop
		// (a lead byte of 。 cut short, then a whole one).
		{"𠀀𪚥。\xe3\x80。\xff！", []string{"𠀀𪚥。", "\xe3\x80。", "\xff！"}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range splitSentences(tt.in) {
			got = append(got, s.Text)
			if tt.in[s.Start:s.End] != s.Text {
				t.Errorf("%q: offsets %d-%d do not hold %q", tt.in, s.Start, s.End, s.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("splitSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLeadSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"城市更新改造工作機制更加完善。組建了指揮部。", "城市更新改造工作機制更加完善"},
		{"一是创新和完善宏观调控，经济运行保持在合理区间。面对新挑战。", "一是创新和完善宏观调控，经济运行保持在合理区间"},
		{"——经济运行保持在合理区间。国内生产总值增长6.6%。", "经济运行保持在合理区间"},
		{"一年來,區政府在市委市政府和區委的堅強領導下,深入學習。較好完成任務。", ""},
		{"只有一句。", ""},
	}
	for _, tt := range tests {
		if got := leadSentence(tt.in, splitSentences(tt.in)); got != tt.want {
			t.Errorf("leadSentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPartKindOf(t *testing.T) {
	tests := []struct {
		in   string
		want PartKind
	}{
		{"第一部分 20xx年工作回顧", Review},
		{"一、2018年工作回顾", Review},
		{"20xx年工作安排", Plan},
		{"三、2016年重點工作", Plan},
		{"二、2022年经济社会发展总体要求和政策取向", Plan},
		{"第三部分 關於《北京市東城區國民經濟和社會發展第十三個五年規劃綱要草案》的說明", Outline},
		{"二、“十三五”时期发展成就和“十四五”时期主要目标任务", Outline},
		{"一、群策群力推動城市更新改造", ""},
		{"二、今后五年的目标任务", Outline},
		{"二、未来五年奋斗方向和2036年的工作", Plan},
		{"一、过去五年工作回顾", Review},
		// What was done, and achievements of a time past, with no task.
		{"一、上次会议确定的目标任务完成情况", Review},
		{"一、全面完成了2030年的工作任务", Review},
		{"一、“十五五”时期经济社会发展取得重大成就", Review},
		{"一、2030年主要工作和“十五五”发展成就", Review},
		{"一、關於去年和今年前四個月工作", Review},
		// The next five years beside the year of work: a plan; beside a
		// far goal: an outline.
		{"二、“十六五”时期主要目标任务和2031年工作安排", Plan},
		{"二、“十六五”時期經濟社會發展的主要任務和2031年重點工作", Plan},
		{"三、“十六五”时期和2050年远景目标任务", Outline},
		{"二、今后五年奋斗目标和2031年经济社会发展总体要求", Plan},
		{"二、今後五年奮鬥目標和2031年經濟社會發展總體要求", Plan},
		{"二、今后五年主要目标和2035年发展目标", Outline},
		// Achievements alone, with no time: the heading names no part.
		{"一、全省建设取得新成就", ""},
	}
	for _, tt := range tests {
		if got, _ := partKindOf(tt.in); got != tt.want {
			t.Errorf("partKindOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCityStyle reads a made-up city report in another style: a byline with
// the date and the congress, parts numbered 一、 with explicit years, sections
// （一） on lines of their own, items numbered 1., a five-year outline, and a
// fourth section of the plan numbered like the parts.
func TestCityStyle(t *testing.T) {
	c, err := Load("../testdata/corpora/city-2016.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := c.Reports[0]
	assertLossless(t, c.Sources[0])
	if r.Year != 2016 || r.ReviewYear != 2015 || len(r.Evidence) < 3 || r.Government != "某某市" {
		t.Errorf("year %d/%d from %d pieces of evidence, government %q", r.Year, r.ReviewYear, len(r.Evidence), r.Government)
	}
	var kinds []string
	for _, p := range r.Parts {
		kinds = append(kinds, string(p.Kind))
	}
	if got := strings.Join(kinds, ","); got != "preamble,review,outline,plan,closing" {
		t.Errorf("parts %s", got)
	}
	last := r.Parts[3].Sections[len(r.Parts[3].Sections)-1]
	if last.Title != "加强政府自身建设" || last.Number != 4 {
		t.Errorf("last plan section %q %d", last.Title, last.Number)
	}
	if fs := Check(c); len(fs) != 0 {
		t.Errorf("findings %v", fs)
	}
	for _, u := range r.Units {
		if u.Heading == "各位代表" {
			t.Errorf("unit %s takes the salutation for its heading", u.ID)
		}
	}
}

// TestWrappedAndCRLF reads the city report hard-wrapped at thirty characters
// and with Windows line ends: the same parts and the same units come out,
// and the pieces still give the file back byte for byte.
func TestWrappedAndCRLF(t *testing.T) {
	plain, err := Load("../testdata/corpora/city-2016.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile("../testdata/corpora/city-2016.txt")
	crlf, _ := Build([]File{{Name: "crlf.txt", Text: strings.ReplaceAll(string(b), "\n", "\r\n")}}, nil, Options{})
	wrapped, err := Load("../testdata/corpora/city-2016-wrapped.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := func(c *Corpus) string {
		var ts []string
		for _, u := range c.Reports[0].Units {
			ts = append(ts, string(u.PartKind())+" "+u.Text)
		}
		return strings.Join(ts, "\n")
	}
	for _, c := range []*Corpus{crlf, wrapped} {
		assertLossless(t, c.Sources[0])
		if got, want := texts(c), texts(plain); got != want {
			t.Errorf("%s:\n%s\nwant:\n%s", c.Sources[0].Name, got, want)
		}
	}
}

// report builds a constructed report: front lines, the salutation, the
// opening sentence, a review and a plan of n filler paragraphs each.
func report(front string, year, n int) string {
	var b strings.Builder
	b.WriteString(front)
	b.WriteString("各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n")
	fmt.Fprintf(&b, "一、%d年工作回顾\n", year-1)
	for i := range n {
		fmt.Fprintf(&b, "第%d项工作稳步推进，城市建设和民生保障取得新的进展，群众获得感不断增强。\n", i+1)
	}
	fmt.Fprintf(&b, "二、%d年主要任务\n", year)
	for i := range n {
		fmt.Fprintf(&b, "继续推进第%d项重点工作，加大统筹力度，确保各项任务落到实处。\n", i+1)
	}
	b.WriteString("各位代表！\n让我们团结一心，为完成全年目标任务而努力奋斗！\n")
	return b.String()
}

func TestUnmarkedReportsInOneFile(t *testing.T) {
	titled := func(y int) string {
		return fmt.Sprintf("%d年政府工作报告\n——%d年1月10日在市第十五届人民代表大会第三次会议上\n市长 王某\n", y, y)
	}
	tests := []struct {
		name  string
		text  string
		years []int // the years of the reports found, in file order
	}{
		{"titles and front matter", titled(2019) + report("", 2019, 20) + titled(2020) + report("", 2020, 20), []int{2019, 2020}},
		{"openings only, a source line between", report("", 2019, 20) + "（新华社北京3月12日电）\n" + report("", 2020, 20) + report("", 2021, 20),
			[]int{2019, 2020, 2021}},
		{"one report", titled(2019) + report("", 2019, 20), []int{2019}},
		{"short reports, each titled", titled(2036) + report("", 2036, 2) + titled(2037) + report("", 2037, 2) + titled(2038) + report("", 2038, 2),
			[]int{2036, 2037, 2038}},
		{"short reports, each titled, traditional", toTraditional(titled(2036) + report("", 2036, 2) + titled(2037) + report("", 2037, 2)),
			[]int{2036, 2037}},
		{"a title again after a note, one short report", titled(2036) + "（根据录音整理）\n" + titled(2036) + report("", 2036, 2), []int{2036}},
		{"a short quotation is not a report", report("", 2019, 20) + "现在，我代表市人民政府，向大会报告政府工作。\n", []int{2019}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, _ := ParseSource("all.txt", tt.text)
			assertLossless(t, src)
			if len(src.Reports) != len(tt.years) {
				t.Fatalf("%d reports, want %d", len(src.Reports), len(tt.years))
			}
			c, err := Build([]File{{Name: "all.txt", Text: tt.text}}, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range c.Sources[0].Reports {
				if r.Year != tt.years[i] {
					t.Errorf("report %d (%s): year %d, want %d", i+1, r.ID, r.Year, tt.years[i])
				}
				var kinds []string
				for _, p := range r.Parts {
					kinds = append(kinds, string(p.Kind))
				}
				if k := strings.Join(kinds, ","); k != "preamble,review,plan,closing" {
					t.Errorf("report %d: parts %s", i+1, k)
				}
			}
			if n := len(c.Sources[0].Reports); n > 1 && c.Sources[0].Reports[1].ID != "p2" {
				t.Errorf("second report's id %q, want p2", c.Sources[0].Reports[1].ID)
			}
		})
	}
	// A title in bold broken over two lines opens the report it names.
	for _, title := range []string{"**某市政府\n工作报告**\n", "**某市政府\n工作報告**\n"} {
		src, _ := ParseSource("all.txt", title+report("", 2019, 20)+title+report("", 2020, 20))
		assertLossless(t, src)
		if len(src.Reports) != 2 {
			t.Fatalf("%d reports, want 2", len(src.Reports))
		}
		if second := src.Reports[1]; !strings.HasPrefix(src.Text[second.Span.Start:], title) || second.Title != strings.ReplaceAll(title[2:len(title)-3], "\n", "") {
			t.Errorf("the second report starts with %q, titled %q", firstRunes(src.Text[second.Span.Start:], 12), second.Title)
		}
	}
	// The source line after a report stays with it, not with the next.
	text := report("", 2019, 20) + "（新华社北京3月12日电）\n" + report("", 2020, 20)
	src, _ := ParseSource("all.txt", text)
	if second := src.Reports[1]; !strings.HasPrefix(text[second.Span.Start:], "各位代表：") {
		t.Errorf("the second report starts with %q", firstRunes(text[second.Span.Start:], 12))
	}
}

// TestQuotesUnbalanced: every pair of quotation marks and title marks
// counts, corner brackets (the quotes of Traditional texts) included.
func TestQuotesUnbalanced(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"一、工作回顾\n推进“美丽乡村建设。\n", "1 “ but 0 ”"},
		{"一、工作回顧\n推進「美麗鄉村建設。\n", "1 「 but 0 」"},
		{"一、工作回顧\n推進『美麗鄉村』建設』。\n", "1 『 but 2 』"},
		{"一、工作回顧\n學習《某某條例。\n", "1 《 but 0 》"},
		{"一、工作回顧\n推進「美麗鄉村」建設。\n", ""},
	} {
		src, _ := ParseSource("t.txt", tt.text)
		got := ""
		for _, f := range checkReport(src.Reports[0]) {
			if f.Rule == "quotes-unbalanced" {
				got = f.Message
			}
		}
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestCharsCountsLineEndsOnce: a report counts the same characters with CR
// LF line ends as with LF ones.
func TestCharsCountsLineEndsOnce(t *testing.T) {
	text := "一、2035年工作回顾\n甲。\n二、2036年工作任务\n乙。\n"
	lf, _ := ParseSource("lf.txt", text)
	crlf, _ := ParseSource("crlf.txt", strings.ReplaceAll(text, "\n", "\r\n"))
	if a, b := lf.Reports[0].Chars(), crlf.Reports[0].Chars(); a != b {
		t.Errorf("LF %d characters, CR LF %d", a, b)
	}
}

// TestFileNamedByDelivery: a report delivered in December for the next
// year's work, in a file named by the year of delivery, is named rightly;
// a file named by another year is not.
func TestFileNamedByDelivery(t *testing.T) {
	text := "某市政府工作报告\n——2035年12月26日在某市第一届人民代表大会第五次会议上\n各位代表：\n一、2035年工作回顾\n甲。\n二、2036年工作任务\n乙。\n"
	for _, tt := range []struct {
		name string
		want bool
	}{{"d/2035.txt", false}, {"d/2036.txt", false}, {"d/2034.txt", true}} {
		c, err := Build([]File{{Name: tt.name, Text: text}}, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, f := range checkReport(c.Reports[0]) {
			got = got || f.Rule == "year-file-name"
		}
		if got != tt.want || c.Reports[0].Year != 2036 {
			t.Errorf("%s: year %d, year-file-name %v, want %v", tt.name, c.Reports[0].Year, got, tt.want)
		}
	}
}

// runesOver answers as counting the runes does, on either side of the
// byte lengths that decide alone (n and 4n): characters of one to four
// bytes, and bytes that are no UTF-8 (a rune each).
func TestRunesOver(t *testing.T) {
	for _, s := range []string{"", "a", "abc", "甲", "甲乙", "甲乙丙", "𠀀", "𠀀𠀀", "𠀀𠀀𠀀", "a甲𠀀", "\xff", "\xff\xff\xff", "\xe3\x80", "甲\xe3\x80", "ab\xff甲𠀀é"} {
		for n := 0; n <= 10; n++ {
			if got, want := runesOver(s, n), runeLen(s) > n; got != want {
				t.Errorf("runesOver(%q, %d) = %v, want %v (%d runes)", s, n, got, want, runeLen(s))
			}
		}
	}
}

// TestReportsReadInPieces checks that the reports of a file read side by
// side, their units in pieces (parseReports), come out as when each is read
// whole on one processor: the embedded corpus, and constructed files of
// empty reports, reports of one character, many small ones, Traditional
// text with CRLF ends and characters beyond the plane.
func TestReportsReadInPieces(t *testing.T) {
	for name, text := range piecesTexts() {
		one := readView(text, 1)
		for _, procs := range []int{2, 3, 8} {
			if got := readView(text, procs); !reflect.DeepEqual(got, one) {
				t.Errorf("%s, GOMAXPROCS %d: read otherwise than on one processor:\n%v\nwant\n%v", name, procs, got, one)
			}
		}
		if name == "seed" && (len(one.scripts) != 3 || len(one.units) < 100) {
			t.Fatalf("the embedded corpus read as %d reports of %d units in all", len(one.scripts), len(one.units))
		}
		if name == "small" && len(one.scripts) != 9 {
			t.Fatalf("the small reports read as %d reports", len(one.scripts))
		}
	}
}

// piecesTexts are files of several reports to read in pieces.
func piecesTexts() map[string]string {
	var small strings.Builder
	for i := range 9 {
		fmt.Fprintf(&small, "篇%d\n一、過去一年的工作\n各位代表：\n經濟平穩增長，衷心感謝各位。\n二、今年的主要任務\n主要預期目標是：增長%d%%。\n", i+1, i+5)
	}
	return map[string]string{
		"seed":   DefaultText(),
		"empty":  "篇1\n篇2\n篇3\n",
		"one":    "篇1\n甲\n篇2\n乙",
		"small":  small.String(),
		"crlf":   strings.ReplaceAll(small.String(), "\n", "\r\n") + "篇10\r\n𠁞𠗣\r\n們這發。\r\n",
		"broken": "第1篇\n政府\xe5\x85工作\xff報告\n第2篇\n\xf0\xa0\x81经济。",
	}
}

// TestReadUnitsPieces checks readUnits in p pieces, for p from 1 to 9, on
// every report of piecesTexts: the tallies of the pieces add up to the
// tally of the report's bytes, and every unit is read (its heading, folded
// text and sketch are those it had).
func TestReadUnitsPieces(t *testing.T) {
	for name, text := range piecesTexts() {
		src, _ := ParseSource(name, text)
		for i, r := range src.Reports {
			whole := hanzi.TallyScript(text[r.Span.Start:r.Span.End])
			var want []unitView
			for _, u := range r.Units {
				want = append(want, unitView{u.ID, u.Heading, u.folded, u.Role, u.sketch})
			}
			for p := 1; p <= 9; p++ {
				for _, u := range r.Units {
					u.Heading, u.folded, u.sketch = "", "", runeSketch{}
				}
				var sum hanzi.ScriptTally
				for j := range p {
					sum = sum.Add(readUnits(r, j, p, frontEnd(r)))
				}
				if sum != whole {
					t.Errorf("%s report %d in %d pieces: tally %+v, want %+v", name, i+1, p, sum, whole)
				}
				var got []unitView
				for _, u := range r.Units {
					got = append(got, unitView{u.ID, u.Heading, u.folded, u.Role, u.sketch})
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s report %d in %d pieces: units %v, want %v", name, i+1, p, got, want)
				}
			}
		}
	}
}

// unitView is what readUnits gives a unit.
type unitView struct {
	ID, Heading, Folded string
	Role                Role
	sketch              runeSketch
}

// parsed is what ParseSource makes of a text, as far as parseReports
// decides it.
type parsed struct {
	scripts []string
	units   []unitView
	warns   []Warning
}

// readView reads text with procs processors.
func readView(text string, procs int) parsed {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	src, warns := ParseSource("pieces.txt", text)
	p := parsed{warns: warns}
	for _, r := range src.Reports {
		p.scripts = append(p.scripts, r.ID+":"+string(r.Script))
		for _, u := range r.Units {
			p.units = append(p.units, unitView{u.ID, u.Heading, u.folded, u.Role, u.sketch})
		}
	}
	return p
}
