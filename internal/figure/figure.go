// Package figure finds the numbers of a Chinese text with their units, their
// qualifiers and what they measure: 地區生產總值增長7%左右, 區級一般公共預算收入
// 完成164.56億元, 控制在0.87 %以內, 6.5%—7%, 2~3家.
package figure

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// Qualifiers of a figure.
const (
	Around       = "around"       // 左右
	Floor        = "floor"        // 以上, 不低於, 超過
	Ceiling      = "ceiling"      // 以內, 以下, 控制在, 不超過
	Aspirational = "aspirational" // 力爭
)

// Figure is a number of a text.
type Figure struct {
	Text       string  // the figure as written, unit included: 164.56億元, 6.5%—7%
	Qualified  string  // Text with the word after it that qualifies it (7%左右, 2%以內), or Text
	Start, End int     // byte offsets of Text in the text
	Value      float64 // the number; for a range, its low end
	Low, High  float64 // the ends of a range; both Value otherwise
	Range      bool
	Measure    string // what it counts: %, 億元, 萬人, 戶 … ("" for a bare number)
	Qualifier  string // around, floor, ceiling, aspirational or ""
	Label      string // what it measures, in the text's own words: 地區生產總值增長
}

// units that may follow a number, in Simplified form, longest first: a
// magnitude (万, 亿, 万亿) may stand before a counted unit.
var units = func() []string {
	counted := []string{
		"个百分点", "平方公里", "平方米", "千瓦时", "千瓦", "公顷", "公里", "人次", "吨标准煤", "标准煤", "百分点", "元", "个", "家", "户",
		"套", "栋", "处", "项", "条", "所", "座", "亩", "米", "吨", "人", "辆", "次", "倍", "岁", "天", "件", "名", "位",
		"场", "台", "部", "批", "块", "间", "张", "本", "册", "种", "门", "斤", "美元", "千米",
	}
	magnitudes := []string{"万亿", "亿", "万", "千"}
	us := append([]string{}, magnitudes...)
	for _, m := range magnitudes {
		for _, c := range counted {
			if c != "个百分点" && c != "百分点" && c != "倍" && c != "岁" && c != "天" {
				us = append(us, m+c)
			}
		}
	}
	us = append(us, counted...)
	slices.SortStableFunc(us, func(a, b string) int { return len(b) - len(a) })
	return us
}()

// approximations that may stand between a number and its unit: 620多万套,
// 1000余人. They make the figure a floor.
var approximations = []string{"多", "余"}

var (
	reNumber = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)(\s*(?:%|‰))?(?:\s*(?:—|–|-|－|~|～|至|到)\s*([0-9]+(?:\.[0-9]+)?)(\s*(?:%|‰))?)?`)
	// verbs that end a label and say how the figure relates to it
	trailingVerbs = []string{"达到", "完成", "实现", "控制在", "保持在", "稳定在", "为", "在", "是", "约", "近", "突破", "超过", "不低于", "不少于", "不超过", "低于", "高于"}
	leadingFill   = []string{"其中", "全年", "累计", "共", "预计", "今年", "去年", "全区", "全市", "实现", "完成", "力争", "确保", "同比", "分别", "约", "比上年", "比去年"}
)

// Extract returns the figures of text in order. Years (2015年, 20xx年),
// dates and ordinals (第3届) are not figures.
func Extract(text string) []Figure {
	folded, idx := hanzi.FoldMap(text)
	var figs []Figure
	prevEnd := 0
	var subject span
	for _, m := range reNumber.FindAllStringSubmatchIndex(folded, -1) {
		start, end := m[0], m[1]
		after := folded[end:]
		before := folded[:start]
		if strings.HasPrefix(strings.TrimLeft(after, " "), "年") && m[6] < 0 && end-start == 4 ||
			strings.HasPrefix(after, "月") || strings.HasPrefix(after, "日") || strings.HasSuffix(before, "第") ||
			start > 0 && isWordByte(folded[start-1]) || len(after) > 0 && isWordByte(after[0]) && after[0] != '.' ||
			strings.HasPrefix(after, "号") {
			continue
		}
		f := Figure{}
		f.Value, _ = strconv.ParseFloat(folded[m[2]:m[3]], 64)
		f.Low, f.High = f.Value, f.Value
		if m[6] >= 0 {
			f.Range = true
			f.High, _ = strconv.ParseFloat(folded[m[6]:m[7]], 64)
		}
		switch {
		case m[4] >= 0:
			f.Measure = strings.TrimSpace(folded[m[4]:m[5]])
		case m[8] >= 0:
			f.Measure = strings.TrimSpace(folded[m[8]:m[9]])
		}
		if f.Measure == "" {
			rest := strings.TrimLeft(after, " ")
			approx := ""
			for _, a := range approximations {
				if r := strings.TrimPrefix(rest, a); r != rest && startsWithUnit(r) != "" {
					approx, rest = a, r
					break
				}
			}
			if u := startsWithUnit(rest); u != "" {
				f.Measure = u
				end += len(after) - len(rest) + len(u)
				if approx != "" {
					f.Qualifier = Floor
				}
			}
		}
		f.Start, f.End = idx[start], idx[end]
		f.Text = text[f.Start:f.End]
		tail := folded[end:]
		f.Qualified = f.Text
		for _, w := range []string{"左右", "以上", "以内", "以下"} {
			if strings.HasPrefix(tail, w) {
				f.Qualified = text[f.Start:idx[end+len(w)]]
				break
			}
		}
		switch {
		case f.Qualifier != "": // 多 or 余 made it a floor already
		case strings.HasPrefix(tail, "左右"):
			f.Qualifier = Around
		case strings.HasPrefix(tail, "以上"), strings.HasSuffix(before, "不低于"), strings.HasSuffix(before, "不少于"), strings.HasSuffix(before, "超过"):
			f.Qualifier = Floor
		case strings.HasPrefix(tail, "以内"), strings.HasPrefix(tail, "以下"), strings.HasSuffix(before, "控制在"), strings.HasSuffix(before, "不超过"), strings.HasSuffix(before, "低于"):
			f.Qualifier = Ceiling
		}
		cs, ce := clauseBefore(folded, prevEnd, start)
		if f.Qualifier == "" && strings.Contains(folded[cs:ce], "力争") {
			f.Qualifier = Aspirational
		}
		f.Label, subject = label(text, folded, idx, cs, ce, subject)
		prevEnd = end
		figs = append(figs, f)
	}
	return respectively(text, figs)
}

// respectively gives each figure of a 分别 list its own name: in
// 能耗和二氧化碳排放分别降低13.5%、18%, 13.5% is 能耗降低 and 18% is
// 二氧化碳排放降低.
// A list whose names and figures do not pair up one to one is left alone.
func respectively(text string, figs []Figure) []Figure {
	for i := 0; i < len(figs); i++ {
		label := []rune(figs[i].Label)
		folded := []rune(hanzi.Fold(figs[i].Label))
		at := strings.Index(string(folded), "分别")
		if at < 0 || len(folded) != len(label) {
			continue
		}
		at = utf8.RuneCountInString(string(folded)[:at])
		subject, verb := string(label[:at]), string(label[at+2:])
		names := splitNames(subject)
		j := i
		for j+1 < len(figs) {
			if sep := hanzi.Fold(strings.TrimSpace(text[figs[j].End:figs[j+1].Start])); sep != "、" && sep != "和" {
				break
			}
			j++
		}
		if len(names) < 2 || j-i+1 != len(names) {
			continue
		}
		// A short first name shares the head of the last: 城镇和农村居民收入
		// is 城镇居民收入 and 农村居民收入.
		last := []rune(names[len(names)-1])
		for k := range names[:len(names)-1] {
			if n := utf8.RuneCountInString(names[k]); n <= 3 && n < len(last)-1 {
				names[k] += string(last[n:])
			}
		}
		for k := range names {
			figs[i+k].Label = names[k] + verb
		}
		i = j
	}
	return figs
}

// splitNames cuts 甲和乙、丙 into its names.
func splitNames(s string) []string {
	var names []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == '和' || r == '與' || r == '与' || r == '及' }) {
		if part = strings.TrimSpace(part); part != "" {
			names = append(names, part)
		}
	}
	return names
}

// startsWithUnit returns the longest unit s starts with, or "".
func startsWithUnit(s string) string {
	for _, u := range units {
		if strings.HasPrefix(s, u) {
			return u
		}
	}
	return ""
}

func isWordByte(b byte) bool {
	return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == '.'
}

// span is a stretch of the folded text.
type span struct{ start, end int }

// clauseBefore returns the stretch between the last clause break before
// start (or the end of the previous figure) and start, spaces trimmed.
func clauseBefore(s string, from, start int) (int, int) {
	c := s[from:start]
	if i := strings.LastIndexAny(c, "，,；;。：:、（(！？\n"); i >= 0 {
		_, size := utf8.DecodeRuneInString(c[i:])
		from += i + size
	}
	for from < start && (s[from] == ' ' || s[from] == '\t') {
		from++
	}
	for start > from && (s[start-1] == ' ' || s[start-1] == '\t') {
		start--
	}
	return from, start
}

// label turns the clause folded[cs:ce] into what the figure measures, in
// the text's own script, and returns the subject later figures may take. A
// clause that is only a verb (增长, 下降) takes the subject of the figure
// before it: 收入完成164.56亿元，增长5.5% gives 收入增长 for the second figure.
func label(text, folded string, idx []int, cs, ce int, subject span) (string, span) {
	for changed := true; changed; {
		changed = false
		for _, f := range leadingFill {
			if strings.HasPrefix(folded[cs:ce], f) && ce-cs > len(f) {
				cs += len(f)
				changed = true
			}
		}
		if rest := folded[cs:ce]; strings.HasPrefix(rest, "20") {
			if i := strings.Index(rest, "年"); i >= 0 && i <= 4 {
				cs += i + len("年")
				changed = true
			}
		}
	}
	core := trimVerbs(folded[cs:ce], trailingVerbs)
	if isDirection(core) && subject.end > subject.start {
		return text[idx[subject.start]:idx[subject.end]] + text[idx[cs]:idx[ce]], subject
	}
	stem := trimVerbs(core, []string{"增长", "下降", "提高", "降低", "减少", "增加"})
	return text[idx[cs]:idx[ce]], span{cs, cs + len(stem)}
}

// isDirection reports whether a clause says only which way a figure went:
// 增长, 同比下降 ….
func isDirection(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "同比"), "比上年")
	switch s {
	case "增长", "下降", "提高", "降低", "增加", "减少", "上升", "实际增长", "名义增长":
		return true
	}
	return false
}

func trimVerbs(s string, verbs []string) string {
	for _, v := range verbs {
		s = strings.TrimSuffix(s, v)
	}
	return s
}

// Key returns a label reduced for comparison: folded, with the verbs that
// only say how a figure relates to it (完成, 达到, 控制在 …) dropped.
func Key(label string) string {
	return trimVerbs(hanzi.Fold(label), trailingVerbs)
}
