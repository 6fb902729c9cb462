package corpus

import (
	"strings"
	"testing"
)

// shortReport is a constructed county report up to the end of its plan,
// whose last lines are numbered sections: what comes after is the ending
// under test.
const shortReport = `某县人民政府工作报告
——2036年1月8日在某县第九届人民代表大会第一次会议上
各位代表：
现在，我代表县人民政府，向大会报告政府工作，请予审议。
一、2035年工作回顾
过去一年，全县地区生产总值增长5%，一般公共预算收入增长6%。
（一）工业增长好于预期。新建投产企业9家。
（二）县城道路更加通畅。新修道路31公里。
二、2036年工作安排
今年主要预期目标是：地区生产总值增长6%左右。
（一）做大工业园区。力争新建投产企业12家。
（二）完善县城路网。新修道路40公里。
`

// unitsOf returns the texts of the units of a part kind, joined by |.
func unitsOf(r *Report, kind PartKind) string {
	var ts []string
	for _, u := range r.Units {
		if u.Part.Kind == kind {
			ts = append(ts, u.Text)
		}
	}
	return strings.Join(ts, "|")
}

// TestClosingFound checks that the closing is found after the last numbered
// heading by a paragraph opened by its salutation (各位代表！…) or by a final
// appeal (让我们…), and not in a plan paragraph that ends with one.
func TestClosingFound(t *testing.T) {
	for _, tt := range []struct {
		name, ending, closing string
	}{
		{"salutation, then the appeal", "各位代表！春风正劲，让我们团结一心，为建设幸福某县而努力奋斗！\n",
			"各位代表！春风正劲，让我们团结一心，为建设幸福某县而努力奋斗！"},
		{"salutation, a sentence, the appeal", "各位代表！前路漫长，唯有实干。让我们更加紧密地团结起来，努力奋斗！\n",
			"各位代表！前路漫长，唯有实干。让我们更加紧密地团结起来，努力奋斗！"},
		{"the appeal alone", "春风正劲。让我们团结一心，努力奋斗！\n", "春风正劲。让我们团结一心，努力奋斗！"},
		{"salutation paragraph and appeal paragraph", "各位代表，今年任务艰巨繁重。\n让我们团结一心，努力奋斗！\n",
			"各位代表，今年任务艰巨繁重。|让我们团结一心，努力奋斗！"},
		{"salutation on its own line", "各位代表！\n让我们团结一心，努力奋斗！\n", "各位代表！|让我们团结一心，努力奋斗！"},
		{"a plan paragraph ending with an appeal", "加强作风建设。坚持依法行政。提高行政效能。让我们努力奋斗！\n", ""},
	} {
		for _, script := range []string{"simplified", "traditional"} {
			t.Run(tt.name+" "+script, func(t *testing.T) {
				text, closing := shortReport+tt.ending, tt.closing
				if script == "traditional" {
					text, closing = tradFull(text), tradFull(closing)
				}
				r := build(t, "a.txt", text).Reports[0]
				if got := unitsOf(r, Closing); got != closing {
					t.Errorf("closing %q, want %q", got, closing)
				}
			})
		}
	}
}

// TestAppendix checks that an appendix after the closing (a glossary, a list
// of projects) is furniture of kind appendix: out of every unit, the closing
// before it found, the next report of the file not swallowed.
func TestAppendix(t *testing.T) {
	closing := "各位代表！春风正劲，让我们团结一心，努力奋斗！\n"
	glossary := "1.“十六五”：指国民经济和社会发展第十六个五年规划时期。\n2.智慧农场：指以数字技术经营的农场。\n"
	for _, tt := range []struct {
		name, ending string
		appendix     bool
	}{
		{"附件 then 名词解释", closing + "附件\n名词解释\n" + glossary, true},
		{"附件：名词解释", closing + "附件：名词解释\n" + glossary, true},
		{"附：名词解释", closing + "附：名词解释\n" + glossary, true},
		{"bold, with a heading before it", closing + "**有关名词解释**\n" + glossary, true},
		{"a list left out", closing + "附件：2036年县政府民生实事项目表（略）\n", true},
		{"no closing before it", "附：2036年重点项目表\n1.某县体育中心。\n", false},
	} {
		for _, script := range []string{"simplified", "traditional"} {
			t.Run(tt.name+" "+script, func(t *testing.T) {
				text := shortReport + tt.ending
				if script == "traditional" {
					text = tradFull(text)
				}
				r := build(t, "a.txt", text).Reports[0]
				var app []string
				for _, f := range r.Furniture {
					if f.Kind == FurnAppendix {
						app = append(app, f.Text)
					}
				}
				if !tt.appendix {
					if len(app) > 0 {
						t.Errorf("appendix %q", app)
					}
					return
				}
				if want := strings.TrimPrefix(strings.TrimSuffix(text[strings.Index(text, "各位代表！春"):], "\n"), toTraditionalIf(script, closing)); len(app) != 1 || app[0] != want {
					t.Errorf("appendix %q, want %q", app, want)
				}
				if got, want := unitsOf(r, Closing), strings.TrimSuffix(toTraditionalIf(script, closing), "\n"); got != want {
					t.Errorf("closing %q, want %q", got, want)
				}
				if got := partsOf(r); got != "preamble,review,plan,closing" {
					t.Errorf("parts %s", got)
				}
			})
		}
	}
	// In a file of several reports, the appendix ends where the next
	// report's title begins.
	for _, text := range []string{
		shortReport + closing + "附件\n名词解释\n" + glossary + strings.ReplaceAll(shortReport, "2036", "2037") + closing,
		tradFull(shortReport + closing + "附：名词解释\n" + glossary + strings.ReplaceAll(shortReport, "2036", "2037") + closing),
	} {
		src, _ := ParseSource("all.txt", text)
		assertLossless(t, src)
		if len(src.Reports) != 2 {
			t.Fatalf("%d reports, want 2", len(src.Reports))
		}
		for _, r := range src.Reports {
			if got := partsOf(r); got != "preamble,review,plan,closing" {
				t.Errorf("report %d: parts %s", r.Index, got)
			}
		}
		if f := src.Reports[0].Furniture; len(f) != 1 || f[0].Kind != FurnAppendix || !strings.HasSuffix(f[0].Text, "的农场。") && !strings.HasSuffix(f[0].Text, "的農場。") {
			t.Errorf("first report's furniture %+v", f)
		}
	}
}

func toTraditionalIf(script, s string) string {
	if script == "traditional" {
		return tradFull(s)
	}
	return s
}

// tradFull writes s in Traditional characters, the words of endings and
// appendices included.
func tradFull(s string) string {
	return strings.NewReplacer("词", "詞", "释", "釋", "关", "關", "县", "縣", "镇", "鎮", "奋", "奮", "紧", "緊",
		"干", "幹", "实", "實", "艰", "艱", "阶", "階", "级", "級").Replace(toTraditional(s))
}

// TestAppendixOfProjects: an appendix that lists the year's projects after
// the closing is what the report promises, a plan part of its own; a
// glossary after it is an appendix still.
func TestAppendixOfProjects(t *testing.T) {
	closing := "各位代表！春风正劲，让我们团结一心，努力奋斗！\n"
	for _, script := range []string{"simplified", "traditional"} {
		text := shortReport + closing + "附件1\n2036年十件民生实事\n一、促进就业方面2件\n1.新增城镇就业2000人。\n附件2\n名词解释\n1.智慧农场：指以数字技术经营的农场。\n"
		if script == "traditional" {
			text = tradFull(text)
		}
		r := build(t, "a.txt", text).Reports[0]
		if got := partsOf(r); got != "preamble,review,plan,closing,plan" {
			t.Errorf("%s: parts %s", script, got)
		}
		last := r.Parts[len(r.Parts)-1]
		if last.Heading == nil || !strings.HasPrefix(last.Heading.Text, "附件1") {
			t.Errorf("%s: the last part opens with %+v", script, last.Heading)
		}
		var app []string
		for _, f := range r.Furniture {
			if f.Kind == FurnAppendix {
				app = append(app, f.Text)
			}
		}
		if len(app) != 1 || !strings.Contains(app[0], "智慧农场") && !strings.Contains(app[0], "智慧農場") {
			t.Errorf("%s: glossary %q", script, app)
		}
	}
}
