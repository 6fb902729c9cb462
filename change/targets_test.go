package change

import (
	"slices"
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus/corpustest"
)

func indicatorsByName(ins []Indicator) map[string]Indicator {
	m := map[string]Indicator{}
	for _, in := range ins {
		if _, ok := m[in.Name]; !ok {
			m[in.Name] = in
		}
	}
	return m
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

func TestTargetsConstructed(t *testing.T) {
	c := corpustest.Build(t, traditional)
	ins := ReadTargets(align.Classify(c, nil, nil), DefaultTargetOptions())
	get := func(name string) Indicator {
		in, ok := indicatorsByName(ins)[name]
		if !ok {
			t.Fatalf("no indicator %s in %v", name, names(ins))
		}
		return in
	}
	gdp := get("地区生产总值增长")
	want := map[int]string{2015: Met, 2016: Met, 2017: NoOutcome}
	for _, vd := range gdp.Verdicts {
		if w, ok := want[vd.Year]; ok && vd.Verdict != w {
			t.Errorf("GDP %d: %s, want %s", vd.Year, vd.Verdict, w)
		}
	}
	if !gdp.Headline {
		t.Error("GDP growth has targets: a headline indicator")
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
	if v := energy.Values[0]; v.Numeric || v.Figure != "達到上級要求" || v.Kind != Target {
		t.Errorf("a target in words: %+v", v)
	}
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
	got := indicatorsByName(ins)
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

// figuresText is a made-up national-style corpus of the figures the issue
// names.
const figuresText = `篇1
一、2019年工作回顾
——经济平稳。全市地区生产总值过万亿，达到10234亿元，增长6%。关税总水平由8.8%降至6.5%。某项收入由5432亿元增加到8765亿元。
二、2020年主要任务
主要预期目标是：地区生产总值增长6%左右；能耗强度下降3%左右。
今年赤字率拟按3%左右安排，拟安排地方政府专项债券1.5万亿元，同时发行1万亿元特别国债。对新增2万亿元资金建立直达机制。
今明两年高职院校扩招200万人。今年是某会成立100周年。
篇2
一、2020年工作回顾
——经济恢复。地区生产总值增长6.5%；单位地区生产总值能耗下降3.2%；高职院校扩招100万人。
二、2021年主要任务
主要预期目标是：地区生产总值增长6%以上；能耗强度目标在规划期内统筹考核。
篇3
一、2021年工作回顾
——地区生产总值增长6.2%；高职院校扩招120万人。
`

// The figures the issue names, in both scripts: a level changed from and to,
// a subject in the clause before, a share read as 占X比重, a two-year target,
// fiscal targets outside the targets paragraph, and fragments that name no
// indicator.
func TestTargetsFigures(t *testing.T) {
	for _, text := range []string{figuresText, toTraditional(figuresText)} {
		c := corpustest.Build(t, text)
		ins := ReadTargets(align.Classify(c, nil, nil), DefaultTargetOptions())
		got := indicatorsByName(ins)
		value := func(name string, year int, kind string) *Value {
			for _, v := range got[name].Values {
				if v.Year == year && v.Kind == kind {
					return &v
				}
			}
			t.Errorf("no %s %d of %s in %v", kind, year, name, names(ins))
			return &Value{}
		}
		if v := value("地区生产总值", 2019, Outcome); v.Value != 10234 {
			t.Errorf("the level after 过万亿: %+v", v)
		}
		if v := value("地区生产总值增长", 2019, Outcome); v.Value != 6 {
			t.Errorf("growth with the subject of the clause before: %+v", v)
		}
		if v := value("关税总水平", 2019, Outcome); v.Value != 6.5 || v.From == "" || v.FromValue != 8.8 {
			t.Errorf("由8.8%%降至6.5%%: %+v", v)
		}
		if v := value("某项收入", 2019, Outcome); v.Value != 8765 || v.FromValue != 5432 {
			t.Errorf("由5432增加到8765: %+v", v)
		}
		// 能耗强度 is 单位地区生产总值能耗: one indicator, judged.
		energy := got["单位地区生产总值能耗下降"]
		if vd := verdictsByYear(energy); vd[2020] != Met {
			t.Errorf("energy intensity renamed: %v in %v", vd, names(ins))
		}
		if v := value("单位地区生产总值能耗下降", 2021, Target); v.Numeric || !strings.Contains(v.Figure, "统筹考核") && !strings.Contains(v.Figure, "統籌考核") {
			t.Errorf("a goal in words under the renamed indicator: %+v", v)
		}
		for _, name := range []string{"赤字率", "地方政府专项债券", "特别国债"} {
			if in, ok := got[name]; !ok || !in.Headline || in.Values[0].Kind != Target || in.Values[0].Year != 2020 {
				t.Errorf("fiscal target %s: %+v", name, in)
			}
		}
		// A target for this year and the next is judged against the next
		// year's outcome.
		if vd := verdictsByYear(got["高职院校扩招"]); vd[2021] != MissedGoal || vd[2020] != NoTarget {
			t.Errorf("two-year target: %v", vd)
		}
		for _, in := range ins {
			if strings.HasPrefix(in.Name, "对") || strings.HasSuffix(in.Name, "由") {
				t.Errorf("a fragment names an indicator: %s", in.Name)
			}
			for _, v := range in.Values {
				if v.Numeric && v.Measure == "" {
					t.Errorf("a bare number as a value of %s: %+v", in.Name, v)
				}
			}
		}
		assertQuotes(t, c, ins)
	}
}

func TestJudge(t *testing.T) {
	v := func(val float64, q string) Value {
		return Value{Value: val, Low: val, High: val, Qualifier: q, Numeric: true, Measure: "%"}
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
		{Value{Value: 6, Low: 6, High: 6.5, Qualifier: "range", Numeric: true, Measure: "%"}, v(6.1, ""), false, Met},
		// Magnitudes are brought to the target's: 2.6万亿元 meets 5000亿元.
		{Value{Value: 5000, Numeric: true, Measure: "亿元"}, Value{Value: 2.6, Numeric: true, Measure: "万亿元"}, false, Met},
		{Value{Value: 3, Numeric: true, Measure: "万亿元"}, Value{Value: 9000, Numeric: true, Measure: "亿元"}, false, MissedGoal},
		{v(7, "around"), Value{Value: 7, Numeric: true, Measure: "亿元"}, false, Incomparable},
		{Value{Value: 30, Numeric: true, Measure: "公里"}, Value{Value: 32, Numeric: true, Measure: "公里"}, false, Met},
	}
	for i, tt := range tests {
		if got := judge(tt.t, tt.o, 0.5, tt.less); got != tt.want {
			t.Errorf("case %d: %s, want %s", i, got, tt.want)
		}
	}
}

// A value counts what its own figure counts, not the first figure of its
// quote.
func TestValueMeasure(t *testing.T) {
	c := corpustest.Build(t, `篇1
一、2018年工作回顾
完成步道改造6条、32公里。
二、2019年主要任务
主要预期目标是：地区生产总值增长6%左右。
一、城市建设
完成步道改造5条、30公里。
篇2
一、2019年工作回顾
完成步道改造6条、32公里。
二、2020年主要任务
主要预期目标是：地区生产总值增长6%左右。
`)
	ins := ReadTargets(align.Classify(c, nil, nil), DefaultTargetOptions())
	var km *Indicator
	for i, in := range ins {
		if in.Name == "步道改造" && in.Measure == "公里" {
			km = &ins[i]
		}
	}
	if km == nil {
		t.Fatalf("no indicator counted in 公里 in %v", names(ins))
	}
	if vd := verdictsByYear(*km); vd[2019] != Met {
		t.Errorf("30公里 against 32公里: %v", vd)
	}
	for _, v := range km.Values {
		if v.Measure != "公里" || !strings.Contains(v.Text, "条") {
			t.Errorf("value %+v", v)
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
		// 占X的 is 占X比重; 预计 anywhere is no part of a name.
		{"某產業增加值預計佔GDP的", "某产业增加值占GDP比重"},
		{"高新技术产业增加值占全省生产总值的比重达到", "高新技术产业增加值占全省生产总值比重"},
		{"能耗強度下降", "单位地区生产总值能耗下降"},
		{"同口径一般公共预算收入增长", "一般公共预算收入增长"},
		{"一般公共预算收入同口径增长", "一般公共预算收入增长"},
		{"赤字率擬按", "赤字率"},
		{"發行抗疫特別國債", "特别国债"},
		{"关税总水平降至", "关税总水平"},
		{"某項時間壓縮至", "某项时间"},
		{"固定资产投资力争增长", "全社会固定资产投资增长"},
		// A list's number read as a figure leaves its stop before the name.
		{". 新建中小学", "新建中小学"},
		{"．新建中小學", "新建中小学"},
		// A markdown table's cell.
		{"| 地区生产总值增长 |", "地区生产总值增长"},
		// A growth that took over the subject of a total (收入累计完成…，增长6%).
		{"一般公共预算收入累计增长", "一般公共预算收入增长"},
		{"一般公共預算收入累計增長", "一般公共预算收入增长"},
		// Provinces often name GDP growth by the economy alone.
		{"經濟增長", "地区生产总值增长"},
		{"全省经济增速", "地区生产总值增长"},
		{"数字经济增长", "数字经济增长"},
		// A comparison with last year is no part of a name.
		{"地区生产总值同比增长", "地区生产总值增长"},
		{"甲產業增加值比上年增長", "甲产业增加值增长"},
		{"乙项收入较上年下降", "乙项收入下降"},
		// Different statistics stay apart: all residents and urban residents,
		// all industry and industry above a scale; 规上 is 规模以上.
		{"全體居民人均可支配收入增長", "居民人均可支配收入增长"},
		{"城鎮居民人均可支配收入增長", "城镇居民人均可支配收入增长"},
		{"工业增加值增长", "工业增加值增长"},
		{"規上工業增加值增長", "规模以上工业增加值增长"},
		// What a parenthesis says is no part of a name.
		{"全省生產總值（GDP）", "地区生产总值"},
		{"新（改）建農村公路", "新建农村公路"},
	}
	for _, tt := range tests {
		if got, _, ok := canonical(tt.label); !ok || got != tt.want {
			t.Errorf("canonical(%q) = %q %v, want %q", tt.label, got, ok, tt.want)
		}
	}
	// Fragments name nothing: a verb, a phrase opened by a preposition, a
	// book title.
	for _, label := range []string{"提高到", "對新增", "相当于", "《某某条例》规定", "新增", "达到", "学科进入排名前", "实施某专项和", "可比口径增长",
		// Fragments: a comparison with no subject, the words after a figure's
		// qualifier, a rate with no subject, an average with no subject.
		"比年初增长", "比年初增加", "比2010年增長", "比控制目标低", "以上项目", "達到每人每年", "年均增长", "年均分別增長"} {
		if got, _, ok := canonical(label); ok {
			t.Errorf("canonical(%q) = %q, want no name", label, got)
		}
	}
}

func TestReadAliases(t *testing.T) {
	a := readAliases("# a comment\n甲指标\t乙指标\t丙\n丁指标\n<=\t丁指标\n")
	if a.names["乙指标"] != "甲指标" || a.names["丙"] != "甲指标" || a.names["甲指标"] != "甲指标" {
		t.Errorf("names %v", a.names)
	}
	if !a.known["甲指标"] || !a.known["丁指标"] || a.known["乙指标"] {
		t.Errorf("known %v", a.known)
	}
	if !a.lessIsBetter["丁指标"] || a.lessIsBetter["甲指标"] {
		t.Errorf("less is better %v", a.lessIsBetter)
	}
}

// Values of one name counted in % and in 元 are two indicators; a target in
// words joins the first of its name; a year keeps its first value of a kind.
func TestGroup(t *testing.T) {
	cands := []candidate{
		{name: "甲收入", v: Value{Year: 2019, Kind: Outcome, Measure: "亿元", Label: "甲收入"}},
		{name: "甲收入", v: Value{Year: 2019, Kind: Outcome, Measure: "%", Label: "甲收入"}},
		{name: "甲收入", v: Value{Year: 2020, Kind: Target, Label: "甲收入达到要求"}},
		{name: "甲收入", v: Value{Year: 2020, Kind: Outcome, Measure: "万亿元", Label: "全市甲收入"}},
		{name: "甲收入", v: Value{Year: 2020, Kind: Outcome, Measure: "亿元", Label: "甲收入又"}},
	}
	ins := group(cands)
	if len(ins) != 2 || ins[0].Measure != "亿元" || ins[1].Measure != "%" {
		t.Fatalf("groups %+v", ins)
	}
	if n := len(ins[0].Values); n != 3 {
		t.Errorf("%d values in 亿元, want 3: %+v", n, ins[0].Values)
	}
	if !slices.Equal(ins[0].Aliases, []string{"甲收入", "甲收入达到要求", "全市甲收入"}) {
		t.Errorf("aliases %q", ins[0].Aliases)
	}
	if !headline(ins[0]) || headline(ins[1]) {
		t.Errorf("headline: a target or two years, %v %v", headline(ins[0]), headline(ins[1]))
	}
}

// keep keeps headline values, values a headline names, and pairs of a
// target and an outcome of one year, and nothing else.
func TestKeep(t *testing.T) {
	cands := []candidate{
		{name: "甲率", headline: true, v: Value{Year: 2019, Kind: Target}},
		{name: "乙类产量", v: Value{Year: 2019, Kind: Target}},
		{name: "甲率", v: Value{Year: 2019, Kind: Outcome}},
		{name: "丙指数", known: true, v: Value{Year: 2018, Kind: Outcome}},
		{name: "乙类产量", v: Value{Year: 2019, Kind: Outcome}},
		{name: "丁新增量", v: Value{Year: 2019, Kind: Target}},
		{name: "戊新增量", v: Value{Year: 2019, Kind: Outcome}},
	}
	var got []string
	for _, c := range keep(cands) {
		got = append(got, c.name)
	}
	if want := []string{"甲率", "甲率", "丙指数", "乙类产量", "乙类产量"}; !slices.Equal(got, want) {
		t.Errorf("keep = %v, want %v", got, want)
	}
}

// yearlyText is a made-up province: a yearly review whose growth figure
// takes its subject from the clause before, a comparison with last year in
// a label, and a five-year review whose averages and cumulative totals are
// no outcome of one year.
const yearlyText = `篇1
一、2019年工作回顾
全年地区生产总值迈上新台阶，总量突破3万亿元，增长5.2%。一般公共预算收入同比增长6%。
二、2020年主要任务
主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长5%；全社会固定资产投资增长8%。
篇2
一、过去五年工作回顾
过去五年，全省生产总值同比增长4%，五年年均增长6.5%。居民消费价格年均上涨2%。累计完成全社会固定资产投资2万亿元，年均增长9%。甲项支出五年累计300亿元，年均增长12%，比2015年增长80%。存款余额比年初增加500亿元。五年新增造林面积80万亩。
二、2021年主要任务
主要预期目标是：地区生产总值增长6%以上；全社会固定资产投资增长7%。
`

// Outcomes a reader finds in yearlyText, in both scripts, and none of its
// averages, cumulative totals or fragments.
func TestTargetsYearly(t *testing.T) {
	for _, text := range []string{yearlyText, toTraditional(yearlyText)} {
		c := corpustest.Build(t, text)
		ins := ReadTargets(align.Classify(c, nil, nil), DefaultTargetOptions())
		got := indicatorsByName(ins)
		if vd := verdictsByYear(got["地区生产总值增长"]); vd[2019] != NoTarget || vd[2020] != MissedGoal {
			t.Errorf("GDP growth: %v (2019: 增长5.2%% after 总量突破; 2020: 同比增长4%%)", vd)
		}
		if v := got["地区生产总值增长"].Values; len(v) == 0 || v[0].Value != 5.2 {
			t.Errorf("GDP growth 2019: %+v", v)
		}
		if vd := verdictsByYear(got["一般公共预算收入增长"]); vd[2019] != NoTarget || len(got["一般公共预算收入增长"].Values) != 2 {
			t.Errorf("revenue growth 同比: %v in %v", vd, names(ins))
		}
		if vd := verdictsByYear(got["全社会固定资产投资增长"]); vd[2020] != NoOutcome {
			t.Errorf("investment: a five-year average is no outcome of 2020: %v", vd)
		}
		if in, ok := got["全社会固定资产投资"]; ok {
			t.Errorf("a cumulative total as an outcome: %+v", in.Values)
		}
		for _, in := range ins {
			for _, w := range []string{"年均", "比年初", "比2015年", "甲项支出", "造林", "居民消费价格"} {
				if strings.Contains(in.Name, w) {
					t.Errorf("indicator %s from an average, a total or a fragment", in.Name)
				}
			}
		}
		assertQuotes(t, c, ins)
	}
}

// scopeText sets a target for urban residents' income and reports it the
// next year for all residents (the year the survey changed); the rural
// target of the next plan meets no outcome (a target for part of the
// population is not met by the whole's figure, but for urban residents the
// year the surveys were unified). In ownTarget, the outcome for all residents
// has its own target and serves no other.
const scopeText = `篇1
一、2019年工作回顾
城镇居民人均可支配收入增长8%。
二、2020年主要任务
主要预期目标是：城镇居民人均可支配收入增长7%；
篇2
一、2020年工作回顾
居民人均可支配收入增长7.5%。
二、2021年主要任务
主要预期目标是：居民人均可支配收入增长6%；农村居民人均可支配收入增长7%。
`

const ownTarget = `篇1
一、2019年工作回顾
全年工作取得新成效。
二、2020年主要任务
主要预期目标是：城镇居民人均可支配收入增长7%；全体居民人均可支配收入增长8%。
篇2
一、2020年工作回顾
居民人均可支配收入增长7.5%。
二、2021年主要任务
主要预期目标是：居民人均可支配收入增长6%。
`

// TestBridgeScopes judges a target with no outcome of its own against the
// outcome of the same statistic in another scope only when that outcome
// has no target and no other target claims it, and says so.
func TestBridgeScopes(t *testing.T) {
	for _, text := range []string{scopeText, toTraditional(scopeText)} {
		c := corpustest.Build(t, text)
		ins := ReadTargets(align.Classify(c, nil, nil), DefaultTargetOptions())
		got := indicatorsByName(ins)
		urban := got["城镇居民人均可支配收入增长"]
		var vd2020 *Verdict
		for i := range urban.Verdicts {
			if urban.Verdicts[i].Year == 2020 {
				vd2020 = &urban.Verdicts[i]
			}
		}
		if vd2020 == nil || vd2020.Verdict != Met || vd2020.OutcomeOf != "居民人均可支配收入增长" || vd2020.Outcome == nil || vd2020.Outcome.Value != 7.5 {
			t.Errorf("urban income 2020: %+v in %v", vd2020, names(ins))
		}
		if vd := verdictsByYear(got["居民人均可支配收入增长"]); vd[2020] != NoTarget || vd[2021] != NoOutcome {
			t.Errorf("all residents' income keeps its own verdicts: %v", vd)
		}
		if vd := verdictsByYear(got["农村居民人均可支配收入增长"]); vd[2021] != NoOutcome {
			t.Errorf("rural income 2021 has no outcome of any scope: %v", vd)
		}
	}
}

// TestBridgeScopesOwnTarget: the outcome for all residents in ownTarget meets
// its own target (全体居民 is 居民) and serves no other.
func TestBridgeScopesOwnTarget(t *testing.T) {
	for _, text := range []string{ownTarget, toTraditional(ownTarget)} {
		c := corpustest.Build(t, text)
		ins := ReadTargets(align.Classify(c, nil, nil), DefaultTargetOptions())
		got := indicatorsByName(ins)
		if vd := verdictsByYear(got["城镇居民人均可支配收入增长"]); vd[2020] != NoOutcome {
			t.Errorf("urban income: %v in %v", vd, names(ins))
		}
		if vd := verdictsByYear(got["居民人均可支配收入增长"]); vd[2020] != MissedGoal {
			t.Errorf("all residents' income, 8%% against 7.5%%: %v in %v", vd, names(ins))
		}
	}
}

// TestTargetsInATable: targets set in a markdown table, a row each, meet
// their outcomes as targets in prose do.
func TestTargetsInATable(t *testing.T) {
	text := "篇1\n一、2035年工作回顾\n甲。\n二、2036年主要任务\n主要预期目标如下。\n\n| 指标 | 目标 |\n| --- | --- |\n| 地区生产总值增长 | 6%左右 |\n| 一般公共预算收入增长 | 5% |\n\n" +
		"篇2\n一、2036年工作回顾\n全年地区生产总值增长6.2%，一般公共预算收入增长4%。\n二、2037年主要任务\n乙。\n"
	for _, text := range []string{text, toTraditional(text)} {
		c := corpustest.Build(t, text)
		got := indicatorsByName(ReadTargets(align.Classify(c, nil, nil), DefaultTargetOptions()))
		if vd := verdictsByYear(got["地区生产总值增长"]); vd[2036] != Met {
			t.Errorf("GDP growth: %v", vd)
		}
		if vd := verdictsByYear(got["一般公共预算收入增长"]); vd[2036] != MissedGoal {
			t.Errorf("revenue growth: %v", vd)
		}
	}
}

// groupByScan is what group's maps replace: every candidate compared with
// every indicator before it.
func groupByScan(cands []candidate) []*Indicator {
	var out []*Indicator
	for _, c := range cands {
		var found *Indicator
		for _, in := range out {
			if in.Name != c.name && (c.v.Measure != "" || baseName(in.Name) != c.name) {
				continue
			}
			ib, _ := magnitude(in.Measure)
			mb, _ := magnitude(c.v.Measure)
			if c.v.Measure == "" || in.Measure == "" || ib == mb {
				found = in
				break
			}
		}
		if found == nil {
			found = &Indicator{Name: c.name}
			out = append(out, found)
		}
		if found.Measure == "" {
			found.Measure = c.v.Measure
		}
		found.Values = append(found.Values, c.v)
	}
	return out
}

// group gathers values as comparing each with every indicator before it
// does: names with and without a direction, targets in words before and
// after figures, measures of one magnitude and of another.
func TestGroupSameAsScan(t *testing.T) {
	names := []string{"甲强度", "甲强度下降", "甲强度增长", "乙收入增长", "乙收入"}
	measures := []string{"", "%", "亿元", "万亿元", "万人"}
	var cands []candidate
	for i := range 200 {
		// Every pairing of a name and a measure, in an order that puts
		// figures before targets in words and after them.
		cands = append(cands, candidate{name: names[i%len(names)], v: Value{Year: 2000 + i, Kind: Target, Measure: measures[(i*i+i/3)%len(measures)]}})
	}
	got, want := group(cands), groupByScan(cands)
	if len(got) != len(want) {
		t.Fatalf("%d indicators, the scan makes %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Name != want[i].Name || got[i].Measure != want[i].Measure || len(got[i].Values) != len(want[i].Values) {
			t.Errorf("indicator %d: %s in %q with %d values, the scan makes %s in %q with %d", i,
				got[i].Name, got[i].Measure, len(got[i].Values), want[i].Name, want[i].Measure, len(want[i].Values))
		}
	}
	if len(got) < 6 {
		t.Errorf("only %d indicators: the test compares next to nothing", len(got))
	}
}
