package change

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/corpus/corpustest"
)

// Three reports of a made-up district, oldest first, in Traditional script.
const traditional = `篇1
20xx年工作回顧
一、文化建設
文化惠民成果顯著。舉辦社區文化節。
20xx年工作任務
主要預期目標是:地區生產總值增長7%左右,區級財政收入增長6%,城鎮登記失業率控制在2%以內。
一、文化建設
深化文化惠民。爭創全國文明城區“三連冠”,實現區圖書館新館主體結構完工。
20xx年是“十二五”規劃的收官之年。
篇2
20xx年工作回顧
預計地區生產總值增長6.5%左右;區級一般公共預算收入增長6.2%;城鎮登記失業率控制在1.1%。
一、文化建設
文化惠民力度加大。受拆遷進度影響,區圖書館新館未實現預期建設目標。全國文明城區“三連冠”建立工作穩步推進。
20xx年工作任務
主要預期目標是:地區生產總值增長6%左右;區級一般公共預算收入增長5%;單位地區生產總值能耗下降達到市級要求。
一、文化建設
加快文化發展。爭創全國文明城區“四連冠”,完成區圖書館新館建設。
20xx年是“十三五”規劃的開局之年。
篇3
20xx年工作回顧
預計地區生產總值增長6.1%左右;區級一般公共預算收入增長4%。
一、文化建設
文化服務持續提升。區圖書館新館建成開館。
20xx年工作任務
主要預期目標是:地區生產總值增長6%左右。
20xx年是“十三五”規劃的第二年。
`

func TestTargetsConstructed(t *testing.T) {
	c := corpustest.Build(t, traditional)
	ins := ReadTargets(align.Classify(c, nil, nil), DefaultTargetOptions())
	get := func(name string) Indicator {
		for _, in := range ins {
			if in.Name == name {
				return in
			}
		}
		t.Fatalf("no indicator %s in %v", name, names(ins))
		return Indicator{}
	}
	gdp := get("地区生产总值增长")
	want := map[int]string{2015: Met, 2016: Met, 2017: NoOutcome}
	for _, vd := range gdp.Verdicts {
		if w, ok := want[vd.Year]; ok && vd.Verdict != w {
			t.Errorf("GDP %d: %s, want %s", vd.Year, vd.Verdict, w)
		}
	}
	// Renamed between years (區級財政收入 → 區級一般公共預算收入): one indicator.
	rev := get("一般公共预算收入增长")
	if len(rev.Aliases) < 2 {
		t.Errorf("revenue aliases %v", rev.Aliases)
	}
	verdicts := verdictsByYear(rev)
	if verdicts[2015] != Met || verdicts[2016] != MissedGoal {
		t.Errorf("revenue verdicts %v", verdicts)
	}
	unemp := get("城镇登记失业率")
	if unemp.Verdicts[0].Verdict != Met || unemp.Values[0].Qualifier != "ceiling" {
		t.Errorf("unemployment %+v", unemp.Verdicts)
	}
	energy := get("单位地区生产总值能耗下降")
	if v := energy.Values[0]; v.Numeric || v.Figure != "達到市級要求" || v.Kind != Target {
		t.Errorf("a target in words: %+v", v)
	}
	// Every value quotes its report at the line it names.
	assertQuotes(t, c, ins)
}

// A figure outside the headline paragraphs makes an indicator of its own
// when a plan's target for a year meets that year's review.
func TestTargetsOutsideHeadlines(t *testing.T) {
	c := corpustest.Build(t, `篇1
一、2018年工作回顾
完成老旧小区改造40个。
二、2019年主要任务
主要预期目标是：地区生产总值增长6%左右。
一、城市建设
完成老旧小区改造50个，新建公园8个。
篇2
一、2019年工作回顾
完成老旧小区改造52个，新建绿道30公里。
二、2020年主要任务
主要预期目标是：地区生产总值增长6%左右。
`)
	ins := ReadTargets(align.Classify(c, nil, nil), DefaultTargetOptions())
	got := map[string]Indicator{}
	for _, in := range ins {
		got[in.Name] = in
	}
	old, ok := got["老旧小区改造"]
	if !ok {
		t.Fatalf("no indicator of the renewed compounds in %v", names(ins))
	}
	verdicts := verdictsByYear(old)
	if verdicts[2019] != Met || verdicts[2018] != NoTarget || len(old.Values) != 3 {
		t.Errorf("renewed compounds: verdicts %v, values %d", verdicts, len(old.Values))
	}
	// A target nothing reports on, and an outcome nothing promised: no indicator.
	for _, name := range []string{"新建公园", "新建绿道"} {
		if _, ok := got[name]; ok {
			t.Errorf("indicator %s from a lone figure", name)
		}
	}
	assertQuotes(t, c, ins)
}

func verdictsByYear(in Indicator) map[int]string {
	m := map[int]string{}
	for _, vd := range in.Verdicts {
		m[vd.Year] = vd.Verdict
	}
	return m
}

func names(ins []Indicator) []string {
	var ns []string
	for _, in := range ins {
		ns = append(ns, in.Name)
	}
	return ns
}

func assertQuotes(t *testing.T, c *corpus.Corpus, ins []Indicator) {
	t.Helper()
	for _, in := range ins {
		for _, v := range in.Values {
			line := lineOf(v.Unit.Report.Source.Text, v.Line)
			if v.Text == "" || !strings.Contains(line, v.Text) {
				t.Errorf("%s %d %s: %q is not on line %d (%q)", in.Name, v.Year, v.Kind, v.Text, v.Line, line)
			}
			if !strings.Contains(v.Text, v.Figure) {
				t.Errorf("%s: figure %q not in its quote %q", in.Name, v.Figure, v.Text)
			}
		}
	}
}

func lineOf(text string, n int) string {
	lines := strings.Split(text, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

func TestJudge(t *testing.T) {
	v := func(val float64, q string) Value {
		return Value{Value: val, Low: val, High: val, Qualifier: q, Numeric: true, Text: "增長" + strconv.FormatFloat(val, 'f', -1, 64) + "%"}
	}
	tests := []struct {
		t, o Value
		less bool
		want string
	}{
		{v(7, "around"), v(6.6, ""), false, Met},
		{v(7, "around"), v(6.4, ""), false, MissedGoal},
		{v(6, "floor"), v(5.9, ""), false, MissedGoal},
		{v(2, "ceiling"), v(0.9, ""), false, Met},
		{v(3, "around"), v(3.4, ""), true, Met},
		{v(3, "around"), v(3.6, ""), true, MissedGoal},
		{Value{Value: 6, Low: 6, High: 6.5, Qualifier: "range", Numeric: true, Text: "6%—6.5%"}, v(6.1, ""), false, Met},
		// Magnitudes are brought to the target's: 2.6万亿元 meets 5000亿元.
		{Value{Value: 5000, Numeric: true, Text: "减负5000亿元"}, Value{Value: 2.6, Numeric: true, Text: "减负2.6万亿元"}, false, Met},
		{Value{Value: 3, Numeric: true, Text: "减负3万亿元"}, Value{Value: 9000, Numeric: true, Text: "减负9000亿元"}, false, MissedGoal},
		{v(7, "around"), Value{Value: 7, Numeric: true, Text: "完成7亿元"}, false, Incomparable},
	}
	for i, tt := range tests {
		if got := judge(tt.t, tt.o, 0.5, tt.less); got != tt.want {
			t.Errorf("case %d: %s, want %s", i, got, tt.want)
		}
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct{ label, want string }{
		{"國內生產總值增長", "地区生产总值增长"},
		{"區級公共財政預算收入", "一般公共预算收入"},
		{"年末全国城镇调查失业率降到", "城镇调查失业率"},
		{"城镇调查失业率平均为", "城镇调查失业率"},
		{"城镇调查失业率全年控制在", "城镇调查失业率"},
		{"全国财政收入突破", "一般公共预算收入"},
		{"居民人均可支配收入實際增長", "居民人均可支配收入增长"},
		{"单位国内生产总值能耗降低", "单位地区生产总值能耗下降"},
		{"贷款增幅超过", "贷款增长"},
		{"粮食总产量保持在", "粮食产量"},
		{"“六大重點產業”增加值佔GDP比重達到", "六大重点产业增加值占GDP比重"},
		{"文化創意產業增加值佔GDP比重預計達到", "文化创意产业增加值占GDP比重"},
	}
	for _, tt := range tests {
		if got, _ := canonical(tt.label); got != tt.want {
			t.Errorf("canonical(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}

func TestCommitmentsConstructed(t *testing.T) {
	c := corpustest.Build(t, traditional)
	cs := FindCommitments(align.Classify(c, nil, nil), CommitmentOptions{})
	byLabel := map[string]Commitment{}
	for _, cm := range cs {
		byLabel[cm.Label] = cm
	}
	lib, ok := byLabel["區圖書館新館"]
	if !ok {
		t.Fatalf("no commitment 區圖書館新館 in %v", labels(cs))
	}
	var st []string
	for _, m := range lib.Mentions {
		st = append(st, m.Unit.Report.ID+":"+m.Status)
	}
	if got := strings.Join(st, " "); got != "p1:promised p2:missed p2:repeated p3:achieved" {
		t.Errorf("library mentions %s", got)
	}
	if lib.Status != Achieved {
		t.Errorf("library status %s", lib.Status)
	}
	if lib.Mentions[1].Reason != "受拆迁进度影响" {
		t.Errorf("missed reason %q", lib.Mentions[1].Reason)
	}
	// 三連冠 → 四連冠 is one commitment, one step on.
	title := byLabel["全國文明城區“三連冠”"]
	if len(title.Mentions) != 3 || title.Status != Repeated && title.Status != Partial {
		t.Errorf("title commitment %+v", title)
	}
	for _, cm := range cs {
		for _, m := range cm.Mentions {
			if !strings.Contains(lineOf(c.Sources[0].Text, m.Line), m.Text) {
				t.Errorf("%s: %q not on line %d", cm.Label, m.Text, m.Line)
			}
		}
	}
	// --term: every occurrence of a phrase, in either script.
	tl := FindCommitments(align.Classify(c, nil, nil), CommitmentOptions{Term: "图书馆新馆"})
	if len(tl) != 1 || len(tl[0].Mentions) != 4 {
		t.Errorf("timeline %+v", tl)
	}
	// A term with a name follows it one step on; a bare ordinal term is
	// matched as written.
	for _, tt := range []struct {
		term string
		want int
	}{{"文明城區“四連冠”", 3}, {"四連冠", 1}, {"三連冠", 2}} {
		tl := FindCommitments(align.Classify(c, nil, nil), CommitmentOptions{Term: tt.term})
		if len(tl[0].Mentions) != tt.want {
			t.Errorf("--term %s: %d mentions, want %d", tt.term, len(tl[0].Mentions), tt.want)
		}
	}
}

func labels(cs []Commitment) []string {
	var ls []string
	for _, c := range cs {
		ls = append(ls, c.Label)
	}
	return ls
}

func TestPrioritiesConstructed(t *testing.T) {
	c := corpustest.Build(t, traditional)
	p := MeasurePriorities(align.Classify(c, nil, nil), PriorityOptions{MinCount: 2, Top: 15})
	sums := map[string]float64{}
	for _, s := range p.Shares {
		sums[s.Report.ID+string(s.Part)] += s.Share
		if s.Rank < 1 || s.Rank > len(p.Themes) {
			t.Errorf("rank %d", s.Rank)
		}
	}
	for k, v := range sums {
		if math.Abs(v-1) > 1e-9 {
			t.Errorf("shares of %s add up to %v", k, v)
		}
	}
	found := false
	for _, term := range p.Terms {
		if term.G2 < 0 {
			t.Errorf("negative G² %+v", term)
		}
		found = found || term.New
	}
	if len(p.Terms) == 0 {
		t.Error("no words rose or fell")
	}
	_ = found
}

func TestKeyness(t *testing.T) {
	a := map[string]int{"疏解": 2, "文化": 50, "旧词": 6}
	b := map[string]int{"疏解": 30, "文化": 50, "新词": 6}
	r1, r2 := &corpus.Report{ID: "a"}, &corpus.Report{ID: "b"}
	ts := keyness(r1, r2, a, b, PriorityOptions{MinCount: 5, Top: 10})
	got := map[string]TermChange{}
	for _, t := range ts {
		got[t.Term] = t
	}
	if x := got["疏解"]; !x.Rising || x.G2 < 10 {
		t.Errorf("疏解 %+v", x)
	}
	if !got["新词"].New || !got["旧词"].Vanished {
		t.Errorf("new and vanished: %+v %+v", got["新词"], got["旧词"])
	}
	// G² by hand for 疏解: a=2, b=30, c=58 words, d=86 words.
	e1, e2 := 58.0*32/144, 86.0*32/144
	want := 2 * (2*math.Log(2/e1) + 30*math.Log(30/e2))
	if math.Abs(got["疏解"].G2-want) > 0.001 {
		t.Errorf("G² %v, want %v", got["疏解"].G2, want)
	}
}
