package corpus

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

func TestYearEvidence(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
		kind string
	}{
		{"anniversary in the review is last year", "20xx年工作回顧\n隆重紀念抗日戰爭勝利70週年。\n20xx年工作任務\n甲。\n", 2016, "anniversary"},
		{"anniversary in the plan is this year", "20xx年工作回顧\n甲。\n20xx年工作任務\n做好新中国成立65周年服务保障。\n", 2014, "anniversary"},
		{"five-year plan phase", "20xx年工作回顧\n甲。\n20xx年工作任務\n20xx年是“十三五”規劃的開局之年。\n", 2016, "plan"},
		{"last year of a plan, reviewed", "20xx年工作回顧\n20xx年是“十二五”规划的收官之年。\n20xx年工作任務\n甲。\n", 2016, "plan"},
		{"explicit years in headings", "一、2018年工作回顾\n甲。\n二、2019年政府工作任务\n乙。\n", 2019, "heading"},
		{"date in the byline", "政府工作报告\n——2020年5月22日在第十三届全国人民代表大会第三次会议上\n各位代表：\n一、2019年工作回顾\n甲。\n二、今年工作任务\n乙。\n", 2020, "dateline"},
		{"national congress session", "——在第十三届全国人民代表大会第二次会议上\n各位代表：\n一、工作回顾\n甲。\n二、工作任务\n乙。\n", 2019, "congress"},
		{"era ordinal", "20xx年工作回顧\n甲。\n20xx年工作安排\n20xx年是全面深化改革的第一年。\n", 2014, "era"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Build([]File{{Name: "r.txt", Text: tt.text}}, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			r := c.Reports[0]
			if r.Year != tt.want || r.ReviewYear != tt.want-1 || r.YearFrom != "evidence" {
				t.Errorf("year %d reviewing %d from %q, want %d; evidence %+v", r.Year, r.ReviewYear, r.YearFrom, tt.want, r.Evidence)
			}
			found := false
			for _, e := range r.Evidence {
				found = found || e.Kind == tt.kind
				if !strings.Contains(tt.text, e.Text) || e.Line < 1 {
					t.Errorf("evidence %q at line %d is not a quote", e.Text, e.Line)
				}
			}
			if !found {
				t.Errorf("no %s evidence in %+v", tt.kind, r.Evidence)
			}
		})
	}
}

func TestYearsRelativeSessions(t *testing.T) {
	// Three reports; only the middle one has absolute evidence. The congress
	// sessions they review place the others.
	text := "篇1\n20xx年工作回顧\n完成了區十五屆人大五次會議確定的目標。\n20xx年工作任務\n甲。\n" +
		"篇2\n20xx年工作回顧\n完成了區十五屆人大三次會議確定的目標。\n20xx年工作任務\n20xx年是“十二五”規劃的收官之年。\n" +
		"篇3\n20xx年工作回顧\n完成了區十五屆人大四次會議確定的目標。\n20xx年工作任務\n乙。\n"
	c, err := Build([]File{{Name: "three.txt", Text: text}}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range c.Reports {
		got = append(got, fmt.Sprintf("%s=%d", r.ID, r.Year))
	}
	if strings.Join(got, " ") != "p2=2015 p3=2016 p1=2017" {
		t.Errorf("order %v", got)
	}
}

func TestYearsConflictAndMissing(t *testing.T) {
	conflict := "20xx年工作回顧\n紀念抗日戰爭勝利70週年。\n20xx年工作任務\n20xx年是“十二五”規劃的收官之年。\n20xx年是“十二五”規劃的收官之年。\n"
	c, _ := Build([]File{{Name: "c.txt", Text: conflict}}, nil, Options{})
	if c.Reports[0].Year != 2015 || len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0].Message, "evidence conflicts") ||
		c.Warnings[0].Line != 2 {
		t.Errorf("conflict: year %d, warnings %v", c.Reports[0].Year, c.Warnings)
	}
	none := "20xx年工作回顧\n甲。\n20xx年工作任務\n乙。\n"
	c, _ = Build([]File{{Name: "n.txt", Text: none}}, nil, Options{})
	if c.Reports[0].Year != 0 || len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0].Message, "no evidence") {
		t.Errorf("missing: year %d, warnings %v", c.Reports[0].Year, c.Warnings)
	}
	c, _ = Build([]File{{Name: "n.txt", Text: none}}, nil, Options{Years: map[string]int{"n": 2010}})
	if r := c.Reports[0]; r.Year != 2010 || r.YearFrom != "stated" || len(c.Warnings) != 0 {
		t.Errorf("stated: year %d from %s, warnings %v", r.Year, r.YearFrom, c.Warnings)
	}
	c, _ = Build([]File{{Name: "c.txt", Text: conflict}}, nil, Options{Years: map[string]int{"c": 2012}})
	if len(c.Warnings) != 3 {
		t.Errorf("stated against evidence: warnings %v", c.Warnings)
	}
}

func TestYearsInChineseNumerals(t *testing.T) {
	// 〇, and the circle ○ that Big5 texts and typesetters write for it.
	for _, text := range []string{
		"政府工作报告\n——二〇一六年一月二十日在某市第十四届人民代表大会第五次会议上\n各位代表：\n一、二〇一五年工作回顾\n甲。\n二、二〇一六年工作安排\n乙。\n",
		"政府工作報告\n——二○一六年一月二十日在某市第十四屆人民代表大會第五次會議上\n各位代表：\n一、二○一五年工作回顧\n甲。\n二、二○一六年工作安排\n乙。\n",
	} {
		c, err := Build([]File{{Name: "r.txt", Text: text}}, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		r := c.Reports[0]
		if r.Year != 2016 || len(r.Evidence) != 3 {
			t.Errorf("year %d from %+v", r.Year, r.Evidence)
		}
	}
}

// TestYearsConflictQuotedOnce checks that a warning of conflicting
// evidence quotes each passage against the year once, and only a few: a
// text on one line can repeat one clause hundreds of times.
func TestYearsConflictQuotedOnce(t *testing.T) {
	var b strings.Builder
	b.WriteString("一、2018年工作回顾\n甲。\n二、2019年政府工作任务\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "做好新中国成立%d周年服务保障。", 60+i%9)
	}
	b.WriteString("\n")
	c, err := Build([]File{{Name: "r.txt", Text: b.String()}}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range c.Warnings {
		if !strings.Contains(w.Message, "evidence conflicts") {
			continue
		}
		if n := strings.Count(w.Message, "新中国成立61周年"); n != 1 {
			t.Errorf("a passage quoted %d times: %s", n, w.Message)
		}
		if len(w.Message) > 1000 || !strings.Contains(w.Message, "more") {
			t.Errorf("warning of %d bytes: %s", len(w.Message), w.Message)
		}
		return
	}
	t.Fatalf("no conflict warning: %v", c.Warnings)
}

// hasSpace reads bytes, strings.ContainsAny runes: they agree, on broken
// UTF-8 too.
func TestHasSpace(t *testing.T) {
	for _, s := range []string{"", "甲乙", "甲 乙", "甲\t", "甲\u3000乙", "\u00a0", "\xe3\x80", "\xe3\x80\x81", "\xf0\xe3\x80\x80",
		"\xe3\xc2\xa0", "\xc2", "\xa0\x80\x80", "abc", "年度\u3000"} {
		if got, want := hasSpace(s), strings.ContainsAny(s, " \t\u3000\u00a0"); got != want {
			t.Errorf("hasSpace(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestYearsTermReview checks that the session named in a review of five
// years (the term's first) is no evidence of last year, while the session a
// yearly review names is.
func TestYearsTermReview(t *testing.T) {
	text := `篇1
一、2018年工作回顾
省十二届人大二次会议确定的目标任务全面完成。
二、2019年工作任务
甲。
篇2
一、2019年工作回顾
省十二届人大三次会议确定的目标任务全面完成。
二、2020年工作任务
乙。
篇3
一、工作回顾
过去五年，省十二届人大一次会议确定的目标任务全面完成。
二、工作任务
丙。
篇4
一、工作回顾
省十二届人大四次会议确定的目标任务全面完成。
二、工作任务
丁。
篇5
一、工作回顾
省十二届人大一次会议以来，全省经济持续发展。
二、工作任务
戊。
`
	c, err := Build([]File{{Name: "r.txt", Text: text}}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Reports {
		switch r.ID {
		case "p3", "p5":
			for _, e := range r.Evidence {
				if e.Kind == "session" {
					t.Errorf("%s: a term review's session counts: %+v", r.ID, e)
				}
			}
		case "p4":
			if r.Year != 2021 {
				t.Errorf("p4: year %d, want 2021 from its session", r.Year)
			}
		}
	}
}

// TestDelivered reads the date of delivery from the best witness: a
// dateline (under the title, or in the front matter's title), never the
// date a newspaper printed the report; a passage repeated counts once
// toward the year. Both scripts.
func TestDelivered(t *testing.T) {
	tests := []struct {
		name, text string
		year       int
		delivered  string
	}{
		{"printed only", "政府工作报告\n各位代表：\n一、2030年工作回顾\n甲。\n二、2031年工作任务\n乙。\n各位代表！\n让我们团结奋斗，努力完成今年的各项任务！\n（新华社北京3月12日电）\n《 某某日报 》（ 2031年03月13日 01 版）\n",
			2031, ""},
		{"printed only, traditional", "政府工作報告\n各位代表：\n一、2030年工作回顧\n甲。\n二、2031年工作任務\n乙。\n各位代表！\n讓我們團結奮鬥，努力完成今年的各項任務！\n《某某日報》（2031年03月13日 01版）\n",
			2031, ""},
		{"wire date", "政府工作报告\n（某某社某市2031年3月12日电）\n各位代表：\n一、2030年工作回顾\n甲。\n二、2031年工作任务\n乙。\n",
			2031, ""},
		{"dateline and printed", "政府工作报告\n《某某日报》（2031年01月20日 01版）\n——2031年1月15日在某某省第九届人民代表大会第三次会议上\n各位代表：\n一、2030年工作回顾\n甲。\n二、2031年工作任务\n乙。\n",
			2031, "2031-01-15"},
		{"dateline in brackets", "政府工作报告\n（2031年1月15日 王某）\n各位代表：\n一、工作回顾\n甲。\n二、工作任务\n乙。\n",
			2031, "2031-01-15"},
		{"dateline in the title line", "2031年1月20日\n某某自治区政府工作报告（2031年1月15日 王某）\n各位代表：\n一、工作回顾\n纪念抗日战争胜利85周年。\n二、工作任务\n乙。\n",
			2031, "2031-01-15"},
		{"a title in quotes is no newspaper", "《某某自治区政府工作报告》（2031年1月15日 王某）\n各位代表：\n一、工作回顾\n甲。\n二、工作任务\n乙。\n",
			2031, "2031-01-15"},
		{"dateline in the front matter's title", "---\ntitle: 某某自治区政府工作报告 （2031年1月15日 王某）\n---\n各位代表：\n一、工作回顾\n纪念抗日战争胜利85周年。\n纪念抗日战争胜利85周年。\n纪念抗日战争胜利85周年。\n二、工作任务\n乙。\n",
			2031, "2031-01-15"},
		{"dateline in the front matter's title, traditional", "---\ntitle: 某某自治區政府工作報告（2031年1月15日 王某）\n---\n各位代表：\n一、工作回顧\n甲。\n二、工作任務\n乙。\n",
			2031, "2031-01-15"},
		{"a publisher is no newspaper page", "政府工作报告\n《某某政府工作报告》（2031年1月15日）单行本，某某出版社出版\n各位代表：\n一、工作回顾\n甲。\n二、工作任务\n乙。\n",
			2031, "2031-01-15"},
		{"a phrase repeated counts once", "各位代表：\n一、工作回顾\n纪念抗日战争胜利85周年。\n纪念抗日战争胜利85周年。\n纪念抗日战争胜利85周年。\n二、2032年工作重点\n乙。\n",
			2032, ""},
		{"a phrase repeated counts once, traditional", "各位代表：\n一、工作回顧\n紀念抗日戰爭勝利85週年。\n紀念抗日戰爭勝利85週年。\n紀念抗日戰爭勝利85週年。\n二、2032年工作重點\n乙。\n",
			2032, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Build([]File{{Name: "r.md", Text: tt.text}}, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			r := c.Reports[0]
			if r.Year != tt.year || r.Delivered != tt.delivered {
				t.Errorf("year %d delivered %q, want %d %q; evidence %+v", r.Year, r.Delivered, tt.year, tt.delivered, r.Evidence)
			}
		})
	}
}

// TestTitleWithoutDateline: a dateline in brackets at the end of a title
// line gives the delivered date and is no part of the title.
func TestTitleWithoutDateline(t *testing.T) {
	for _, tt := range []struct{ text, title, delivered string }{
		{"甲省政府工作报告（2031年1月15日 王某）\n各位代表：\n一、工作回顾\n甲。\n二、工作任务\n乙。\n", "甲省政府工作报告", "2031-01-15"},
		{"---\ntitle: 乙省政府工作報告 (2032年1月9日)\n---\n各位代表：\n一、工作回顧\n甲。\n二、工作任務\n乙。\n", "乙省政府工作報告", "2032-01-09"},
		{"丙省政府工作报告（摘要）\n各位代表：\n一、2030年工作回顾\n甲。\n二、工作任务\n乙。\n", "丙省政府工作报告（摘要）", ""},
	} {
		c, err := Build([]File{{Name: "r.md", Text: tt.text}}, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if r := c.Reports[0]; r.Title != tt.title || r.Delivered != tt.delivered {
			t.Errorf("title %q delivered %q, want %q %q", r.Title, r.Delivered, tt.title, tt.delivered)
		}
	}
}

// TestOutcomeRoleFullWidth: the headline figures of a review are found in
// full-width digits as in ASCII ones.
func TestOutcomeRoleFullWidth(t *testing.T) {
	for _, text := range []string{
		"一、2035年工作回顾\n过去一年，地区生产总值增长6.6%，城镇新增就业13万人，居民消费价格上涨2.1%。\n二、2036年工作任务\n乙。\n",
		"一、２０３５年工作回顧\n過去一年，地區生產總值增長６.６%，城鎮新增就業１３萬人，居民消費價格上漲２.１%。\n二、２０３６年工作任務\n乙。\n",
	} {
		c, err := Build([]File{{Name: "r.txt", Text: text}}, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var roles []Role
		for _, u := range c.Reports[0].Units {
			roles = append(roles, u.Role)
		}
		if !slices.Contains(roles, RoleOutcome) {
			t.Errorf("%q: roles %v, want an outcome", text, roles)
		}
	}
}

// TestCalendarData checks the embedded calendar: every line that is no
// comment gives an entry (the reader passes over a line it cannot read, so
// a typo would drop a date unseen), of a known kind, its phrase not empty
// (an era's empty phrase would be found at every place, forever), folded
// (it is searched for in folded text) and sketched for the search.
func TestCalendarData(t *testing.T) {
	lines := 0
	for _, l := range strings.Split(calendarData, "\n") {
		if !strings.HasPrefix(l, "#") && strings.TrimSpace(l) != "" {
			lines++
		}
	}
	if len(calendar()) != lines {
		t.Errorf("calendar.tsv has %d lines of data, read as %d entries", lines, len(calendar()))
	}
	for _, e := range calendar() {
		switch {
		case e.kind != "anniversary" && e.kind != "congress" && e.kind != "era" && e.kind != "fyp":
			t.Errorf("%q: unknown kind %q", e.phrase.text, e.kind)
		case e.phrase.text == "" || !utf8.ValidString(e.phrase.text) || hanzi.Fold(e.phrase.text) != e.phrase.text:
			t.Errorf("%s phrase %q: empty, no UTF-8 or not folded", e.kind, e.phrase.text)
		case e.phrase != wordOf(e.phrase.text):
			t.Errorf("%q: not sketched as a word", e.phrase.text)
		}
	}
}
