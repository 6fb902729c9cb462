package corpus

import (
	"strconv"
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/script"
)

// The shapes of reports whose headings do not name their parts, written for
// these tests: each is read in Simplified and in Traditional characters.
const (
	opening = "**——2033年1月16日在某某省第十届人民代表大会第二次会议上**\n\n**省长 王某**\n\n各位代表：\n\n" +
		"现在，我代表省人民政府，向大会报告工作，请予审议。\n\n"
	appeal = "各位代表！\n\n让我们团结一心，为建设现代化新某某而努力奋斗！\n"

	// A first report of a new term: the five years past, the five years
	// ahead, this year's plan.
	firstSession = opening + `**一、不负重托接续奋斗，全省发展取得新的历史性成就**

过去五年，是全省发展极不平凡的五年。我们顶住多重压力，地区生产总值年均增长6.1%，城乡居民收入稳步提高。

这五年，产业结构持续优化，先进制造业增加值比上年增长9%，新建高速公路1200公里。

2032年，我们统筹发展和安全，圆满完成了全年目标任务。

**（一）稳住经济基本盘**

出台稳增长政策措施，规模以上工业增加值增长6%，社会消费品零售总额增长7%。

**二、锚定目标开拓进取，奋力开创现代化建设新局面**

今后五年，是全面建设现代化的关键时期。我们要坚持创新驱动，加快构建现代化产业体系，推动城乡区域协调发展。

**（一）建设创新强省**

加快建设科技创新平台，推动科技成果就地转化。

**三、真抓实干善作善成，迈好新征程第一步**

2033年是新一届政府依法履职的第一年。政府工作的总体要求是：坚持稳中求进，推动高质量发展。经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。

**（一）加快发展实体经济**

实施制造业重点产业链提升行动，加快培育新兴产业。

` + appeal

	// A review and a plan, neither named, and a closing section on the
	// government's own conduct that looks back at its start.
	reviewPlan = opening + `**一、全省建设迈出坚实步伐**

2032年，全省上下攻坚克难，经济运行稳中向好。地区生产总值增长5.2%，一般公共预算收入增长6%，城镇新增就业52万人。

一年来，我们扎实推进各项改革，营商环境持续优化，取得了明显成效。

**二、以改革创新精神推动高质量发展**

2033年是全面落实发展规划的关键一年。我们要坚持稳中求进，着力扩大内需，加快产业升级。

**（一）着力扩大有效需求**

加快重大项目建设，积极促进消费回升。

**（二）加快产业转型升级**

推进传统产业改造提升，培育壮大新兴产业。

**三、进一步加强政府自身建设**

一年来，我们坚持依法行政，政府效能有了新的提高。新的形势对政府工作提出了更高要求，我们要坚持依法行政，自觉接受监督。

` + appeal

	// Eight sections, of which only the first looks back.
	eightSections = opening + `**一、迎难而上，保持经济社会良好发展势头**

刚刚过去的2032年，全省经济运行总体平稳。地区生产总值增长5%，粮食产量达到3000万吨，实现了预期目标。

**二、敢于担当，迈出高质量发展新步伐**

当前，我们既面临难得机遇，也面临不少困难。我们要坚定信心，加快推进现代化建设。

**三、以改革统揽各项工作，增强发展动力**

深化重点领域改革。加快国有企业改革。积极优化营商环境。

**四、实施产业升级行动，壮大实体经济**

加快发展先进制造业。大力发展现代服务业。推进数字经济发展。

**五、推进新型城镇化，促进城乡融合**

完善城市功能。加快县城建设。推动乡村全面振兴。

**六、发展社会事业，提升公共服务水平**

办好人民满意的教育。推进健康某某建设。繁荣文化事业。

**七、办好民生实事，让群众生活更美好**

做好就业工作。完善社会保障。加强住房保障。

**八、努力建设人民满意的政府**

坚持依法行政。加强廉政建设。切实改进作风。

` + appeal

	// An abridged report that holds only this year's plan.
	planOnly = opening + `**一、聚焦开局之年，稳住经济大盘**

今年是实施五年规划的开局之年。我们要坚持稳中求进，着力扩大内需，确保经济运行在合理区间。

**二、深化改革开放，激发市场活力**

深化重点领域改革。积极扩大对外开放。加快建设高标准市场体系。

` + appeal

	// A policy address: what the government will do, this year and in the
	// next five, but no review and no year's plan.
	policyAddress = `**行政长官2033年施政报告**

**一、引言**

今年是特区发展的重要一年。政府会继续推动经济发展，改善市民生活，并为未来五年打好基础。

**二、发展经济**

政府将投资建设基础设施，推动创新科技产业发展，吸引更多人才来港工作。

**三、改善民生**

政府会增加公营房屋供应，缩短轮候时间，改善长者及基层市民的生活。
`

	// A policy address whose preface opens with a look back: one lead is
	// no review.
	policyLookBack = `**行政长官2033年施政报告**

**一、前言**

1. 过去一年，经济逐步复苏。政府落实上一份施政报告的措施，多项工作已经完成。

2. 新的办事处已经成立，培训学院亦已于今年成立。

**二、发展经济**

3. 政府将投资建设基础设施，推动创新科技产业发展，吸引更多人才来港工作。

**三、改善民生**

4. 政府会增加公营房屋供应，缩短轮候时间，改善长者及基层市民的生活。
`

	// A report delivered in December for the next year: 今年 is the year
	// reviewed, 明年 the year of work.
	december = `**——2032年12月20日在某某市第九届人民代表大会第三次会议上**

各位代表：

现在，我代表市人民政府，向大会报告工作，请予审议。

**一、攻坚克难，全市发展取得新成效**

今年以来，全市上下克难奋进，地区生产总值增长5.3%，完成了全年主要目标任务。

**二、坚定信心，奋力推动高质量发展**

明年是实施五年规划承上启下的关键一年。我们要坚持稳中求进，加快推进现代化建设。

` + appeal
)

func TestInferParts(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // kind:the number of the heading that opens it, for the parts after the preamble
		year       int
	}{
		{"first session of a term", firstSession, "review:1,outline:2,plan:3,closing", 2033},
		{"review and plan unnamed", reviewPlan, "review:1,plan:2,closing", 2033},
		{"eight sections, one review", eightSections, "review:1,plan:2,closing", 2033},
		{"only a plan", planOnly, "plan:1,closing", 2033},
		{"policy address", policyAddress, "", 2033},
		{"policy address looking back", policyLookBack, "", 2033},
		{"delivered in December", december, "review:1,plan:2,closing", 2033},
	}
	for _, tt := range tests {
		trad, err := script.To(tt.text, script.Traditional)
		if err != nil {
			t.Fatal(err)
		}
		if hanzi.ScriptOf(trad) != hanzi.Traditional {
			t.Fatalf("%s: the Traditional text reads as %q", tt.name, hanzi.ScriptOf(trad))
		}
		for _, text := range []string{tt.text, trad} {
			name := tt.name + " (" + string(hanzi.ScriptOf(text)) + ")"
			t.Run(name, func(t *testing.T) {
				r := build(t, "report.md", text).Reports[0]
				var got []string
				for _, p := range r.Parts[1:] {
					s := string(p.Kind)
					if p.Heading != nil {
						s += ":" + strconv.Itoa(p.Heading.Number)
					}
					got = append(got, s)
				}
				if strings.Join(got, ",") != tt.want {
					t.Errorf("parts after the preamble %q, want %q", strings.Join(got, ","), tt.want)
				}
				if r.Year != tt.year {
					t.Errorf("year %d, want %d", r.Year, tt.year)
				}
			})
		}
	}
}

// TestInferPartsKeepsNames checks that a heading naming its part keeps it,
// whatever the sections around it say, and that a report whose headings
// name a review and a plan is read as before.
func TestInferPartsKeepsNames(t *testing.T) {
	// The first heading names a plan (a year of work and no look back),
	// though its words speak of the year before: it stays a plan, and the
	// review after it cannot turn back.
	text := opening + "**一、2033年工作安排**\n\n刚刚过去的2032年，地区生产总值增长5%，取得了明显成效。\n\n" +
		"**二、不负重托，全省发展取得新成就**\n\n过去一年，全省经济增长5%，城镇新增就业52万人，取得了新成效。\n\n" + appeal
	r := build(t, "named.md", text).Reports[0]
	if got := partsOf(r); got != "preamble,plan,closing" {
		t.Errorf("parts %s, want preamble,plan,closing", got)
	}
	r = build(t, "both.md", report("", 2033, 3)).Reports[0]
	if got := partsOf(r); got != "preamble,review,plan,closing" {
		t.Errorf("parts %s, want preamble,review,plan,closing", got)
	}
}

// TestSectionVerdict weighs single sections: which part their heading and
// opening paragraphs tell, and when they tell none.
func TestSectionVerdict(t *testing.T) {
	tests := []struct {
		heading, body string
		want          int
	}{
		{"一、攻坚克难，发展取得新成效", "过去一年，地区生产总值增长5%，完成了全年目标任务。", kindRank[Review]},
		{"一、奋进的五年", "五年来，我们顶住压力，实现了经济平稳增长。", kindRank[Review]},
		{"二、开拓进取，开创现代化建设新局面", "今后五年，是现代化建设的关键时期。我们要加快构建现代化产业体系。", kindRank[Outline]},
		{"三、扎实做好开局之年的各项工作", "今年是五年规划的开局之年。我们要坚持稳中求进。", kindRank[Plan]},
		{"二、加快产业转型升级", "加快发展先进制造业。大力发展现代服务业。积极推进数字经济发展。", ahead},
		{"二、发展经济", "政府会推动经济发展。", 0},
		// A lead alone names no review unless the body reads as one.
		{"一、前言", "过去一年，经济逐步复苏。政府落实上一份施政报告的措施，多项工作已经完成。", 0},
		{"一、前言", "过去一年，全省经济增长5%，完成了全年目标任务，取得了新成效，城镇新增就业52万人。", kindRank[Review]},
		// Heading cues alone do not decide: 推动 speaks for a plan, 取得 for a review.
		{"二、推动产业发展取得新突破", "产业是经济的基础。", 0},
	}
	for _, tt := range tests {
		text := tt.heading + "\n" + tt.body + "\n"
		lines := splitLines(text, 0, len(text), 1)
		markLines(text, lines)
		blocks := buildBlocks(lines)
		if blocks[0].kind != bHeading {
			t.Fatalf("%q is not read as a heading", tt.heading)
		}
		e := evidenceOf(blocks, 0, 0, false, openingOf(blocks, 0))
		if got, _ := e.verdict(); got != tt.want {
			t.Errorf("%s / %s: verdict %d, want %d (%+v)", tt.heading, tt.body, got, tt.want, e)
		}
	}
}

func TestPartCuesData(t *testing.T) {
	if len(partCues()) < 50 {
		t.Fatalf("%d cues read from data/partcues.tsv", len(partCues()))
	}
	seen := map[string]bool{}
	for _, c := range partCues() {
		key := string(rune('0'+c.kind)) + string(rune('0'+c.place)) + c.words
		if seen[key] {
			t.Errorf("cue %q listed twice for one kind and place", c.words)
		}
		seen[key] = true
		if hanzi.Fold(c.words) != c.words {
			t.Errorf("cue %q is not written in Simplified characters", c.words)
		}
	}
}
