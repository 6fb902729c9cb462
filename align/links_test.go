package align

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/corpus/corpustest"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// linksOf returns the links of kind between units whose text starts with
// the given prefixes, as "from→to" by their first eight characters.
func linksOf(res *Result, kind string) []string {
	var out []string
	for _, l := range res.Links {
		if l.Kind == kind {
			out = append(out, head(l.From)+"→"+head(l.To))
		}
	}
	return out
}

func head(u *corpus.Unit) string {
	rs := []rune(u.Text)
	return string(rs[:min(6, len(rs))])
}

// TestDecide checks the rule that makes links of a block of scores, on
// matrices made by hand: the optimal assignment, each unit's best partner
// when it clears the threshold by the margin, and no filler the
// assignment forced.
func TestDecide(t *testing.T) {
	min, clear := 0.2, 0.2+splitMargin
	tests := []struct {
		name   string
		scores [][]float64
		bar    [][]bool
		want   [][2]int
	}{
		{"one to one", [][]float64{{0.5, 0.1}, {0.1, 0.4}}, nil, [][2]int{{0, 0}, {1, 1}}},
		{"below the threshold", [][]float64{{0.19, 0.1}, {0.1, 0.15}}, nil, nil},
		// A topic that split: row 0 is the best partner of both columns.
		{"split", [][]float64{{0.5, clear + 0.05}, {0.1, 0.1}}, nil, [][2]int{{0, 0}, {0, 1}}},
		// A topic that merged: both rows have column 0 as their best.
		{"merge", [][]float64{{0.5, 0.1}, {clear + 0.02, 0.1}}, nil, [][2]int{{0, 0}, {1, 0}}},
		// The second partner does not clear the threshold by the margin.
		{"weak second", [][]float64{{0.5, clear - 0.02}, {0.1, 0.1}}, nil, [][2]int{{0, 0}}},
		// The assignment pairs row 1 with column 1 at just above the
		// threshold, though row 1's best is column 0 and column 1's is
		// row 2: a filler, dropped; the best partners stay.
		{"filler", [][]float64{{0.6, 0, 0}, {0.5, 0.21, 0}, {0, 0.3, 0.5}}, nil, [][2]int{{0, 0}, {1, 0}, {2, 1}, {2, 2}}},
		// The assignment pairs row 0 with column 1, neither's best; the
		// pair clears the threshold by the margin, so it stays.
		{"assigned and clear", [][]float64{{0.6, clear + 0.04}, {0.65, clear + 0.05}}, nil, [][2]int{{0, 0}, {0, 1}, {1, 0}, {1, 1}}},
		// A barred pair never links, whatever it scores.
		{"barred", [][]float64{{0.9, 0.1}, {0.1, 0.4}}, [][]bool{{true, false}, {false, false}}, [][2]int{{1, 1}}},
	}
	for _, tt := range tests {
		bl := &block{kind: Continuity}
		for i, row := range tt.scores {
			bl.a = append(bl.a, &corpus.Unit{ID: fmt.Sprint("a", i)})
			for j, s := range row {
				bl.sims = append(bl.sims, weighed{Score: s})
				b := barNone
				if tt.bar != nil && tt.bar[i][j] {
					b = barGeneral
				}
				bl.bars = append(bl.bars, b)
			}
		}
		for j := range tt.scores[0] {
			bl.b = append(bl.b, &corpus.Unit{ID: fmt.Sprint("b", j)})
		}
		d := bl.decide(min)
		var got [][2]int
		for i := range bl.a {
			for j := range bl.b {
				if d.keep[[2]int{i, j}] {
					got = append(got, [2]int{i, j})
				}
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: links %v, want %v", tt.name, got, tt.want)
		}
	}
}

// twoReports builds a corpus of two reports from their plan paragraphs,
// with a review paragraph each so that the plan is a part of its own.
func twoReports(t *testing.T, plan1, plan2 string) *corpus.Corpus {
	t.Helper()
	return corpustest.Build(t, "篇1\n20xx年工作回顧\n一、綜合\n各項工作穩步推進。\n20xx年工作任務\n"+plan1+"篇2\n20xx年工作回顧\n一、綜合\n各項工作有序推進。\n20xx年工作任務\n"+plan2)
}

// TestSplitTopic checks that a topic that split in two keeps both
// partners, in both scripts.
func TestSplitTopic(t *testing.T) {
	plan1, plan2 := `一、改善居民住房
努力改善居民住房條件。加大棚戶區改造力度，啟動西河沿片區居民搬遷，推進寶華里危改專案。加大保障房建設力度，加快青塔家園、翠園小區專案建設，確保完成老舊小區抗震加固任務。
二、發展文化事業
繁榮公共文化。建設數字圖書館，辦好廟會和戲劇節。
`, `一、改善居民住房
加大棚戶區改造推進力度。完成西河沿片區居民搬遷，推動寶華里危改專案重啟，做好逾期回遷居民安置。
加快保障房開發建設。繼續推進青塔家園、翠園小區專案建設，力爭竣工兩千套保障房。
二、發展文化事業
豐富公共文化服務。建成數字圖書館分館，辦好地壇廟會和戲劇節。
`
	for _, tt := range []struct{ plan1, plan2 string }{{plan1, plan2}, {hanzi.Fold(plan1), hanzi.Fold(plan2)}} {
		c := twoReports(t, tt.plan1, tt.plan2)
		res := Align(Classify(c, nil, nil), DefaultOptions())
		got := strings.Join(linksOf(res, Continuity), " ")
		for _, want := range []string{"努力改善居民→加大棚戶區改", "努力改善居民→加快保障房開"} {
			if tt.plan1 != plan1 {
				want = hanzi.Fold(want)
			}
			if !strings.Contains(got, want) {
				t.Errorf("split topic: no link %s among %s", want, got)
			}
		}
	}
}

// pairModel returns the model of the two reports of a corpus and their
// first topic units.
func pairModel(t *testing.T, text string) (*model, *corpus.Unit, *corpus.Unit) {
	t.Helper()
	c := corpustest.Build(t, text)
	th := Classify(c, nil, nil)
	res := &Result{Themes: th, models: map[[2]*corpus.Report]*model{}}
	m := res.modelOf(c.Reports[0], c.Reports[1])
	first := func(r *corpus.Report) *corpus.Unit {
		for _, u := range res.unitsOf(r) {
			if u.Section != nil && u.Section.Title != "" {
				return u
			}
		}
		t.Fatalf("no unit in a section of %s", r.ID)
		return nil
	}
	return m, first(c.Reports[0]), first(c.Reports[1])
}

// TestPhrases checks that the rare words two units share are counted as
// phrases: a long name shared whole counts once, not once per trigram.
func TestPhrases(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       int
		shared     []string
	}{
		{"a long name, Traditional", "推進天壇周邊簡易樓騰退專案。", "天壇周邊簡易樓騰退專案取得進展。", 1, []string{"天壇周邊簡易樓騰退專案"}},
		{"a long name, Simplified", "推进天坛周边简易楼腾退项目。", "天坛周边简易楼腾退项目取得进展。", 1, []string{"天坛周边简易楼腾退项目"}},
		{"two names", "完成西河沿搬遷，推進寶華里重啟。", "寶華里專案重啟，西河沿居民回遷。", 2, []string{"西河沿", "寶華里"}},
		{"one name twice", "推進西河沿搬遷，西河沿居民安置。", "西河沿搬遷完成。", 1, []string{"西河沿搬遷"}},
		{"a name within a longer one", "創建全國文明城區，鞏固文明城區成果。", "全國文明城區三連冠。", 1, []string{"全國文明城區"}},
		{"a quoted term", "實施“書香東城”工程。", "啟動“書香東城”閱讀平臺。", 1, []string{"“書香東城”"}},
		{"a stock phrase", "加強組織領導。", "加強組織領導。", 0, nil},
	}
	// Paragraphs that make a stock phrase common in both reports.
	stock := strings.Repeat("加強組織領導，抓好工作落實。\n", 3)
	for _, tt := range tests {
		text := "篇1\n20xx年工作任務\n一、甲\n" + tt.a + "\n" + stock + "篇2\n20xx年工作任務\n一、甲\n" + tt.b + "\n" + stock
		m, a, b := pairModel(t, text)
		n, _ := phrases(m.docs[a], m.docs[b], &scratch{})
		if n != tt.want {
			t.Errorf("%s: %d phrases, want %d", tt.name, n, tt.want)
		}
		if got := m.shared(a, b); !slices.Equal(got, tt.shared) {
			t.Errorf("%s: shared %q, want %q", tt.name, got, tt.shared)
		}
	}
}

// TestCoverage checks that a paragraph holding a clause of another word
// for word is found, and that a short paragraph repeating two clauses of a
// long one is linked to it though their whole texts differ much.
func TestCoverage(t *testing.T) {
	trad := struct{ long, short, other string }{"推動市場活力不斷釋放。完善投融資體制，搭建融資平臺，鼓勵社會資本參與重大專案建設。推進工商、稅務、質監“三證合一”改革工作。搭建政銀企合作平臺，創新金融服務方式，緩解中小微企業貸款難。建設區、街道、社區三級政務服務體系網路平臺。積極推進直管公房管理運營體系改革和房地中心轉企改制。",
		"政務服務不斷完善。紮實推進“三證合一”商事登記制度改革。區、街道、社區三級政務服務體系網路平臺上線執行，實現便民服務事項標準化。",
		"文化事業繁榮發展。舉辦廟會和戲劇節，建成數字圖書館分館。"}
	simp := struct{ long, short, other string }{hanzi.Fold(trad.long), hanzi.Fold(trad.short), hanzi.Fold(trad.other)}
	for _, script := range []struct{ long, short, other string }{trad, simp} {
		text := "篇1\n20xx年工作任務\n一、甲\n" + script.long + "\n" + script.other + "\n篇2\n20xx年工作任務\n一、甲\n" + script.short + "\n" + script.other + "\n"
		m, a, b := pairModel(t, text)
		var found []string
		n := covered(m.docs[a], m.docs[b], &scratch{}, func(x clauseMatch) {
			found = append(found, string([]rune(a.Text)[x.A.start:x.A.end]))
		})
		if n != 1 || len(found) != 1 || !strings.Contains(found[0], "三級政務服務體系") && !strings.Contains(found[0], "三级政务服务体系") {
			t.Errorf("covered %d clauses %q, want the one on the three-level service platform", n, found)
		}
		if s := m.similarity(a, b, &scratch{}); s.Coverage == 0 || s.Text > 0.35 {
			t.Errorf("similarity %+v: want a clause found and texts far apart", s)
		}
		c := corpustest.Build(t, text)
		res := Align(Classify(c, nil, nil), DefaultOptions())
		if got := linksOf(res, Continuity); !slices.Contains(got, head(c.Unit(a.ID))+"→"+head(c.Unit(b.ID))) {
			t.Errorf("links %v: the paragraph holding the other's clause is not linked to it", got)
		}
	}
}

// TestSectionlessTopics checks that topic paragraphs before a part's first
// section (积极的财政政策要…) are classified by their words and pair with
// their counterparts of the next report, so a diff shows the changed
// figure rather than one paragraph removed and another added.
func TestSectionlessTopics(t *testing.T) {
	trad := `篇1
一、2019年工作回顧
經濟運行保持在合理區間。國內生產總值增長6.6%。
二、2019年工作任務
今年是全面建成小康社會的關鍵之年。做好今年工作意義重大。
積極的財政政策要加力提效。今年赤字率擬按2.8%安排，財政赤字2.76萬億元，地方政府專項債券2.15萬億元。
穩健的貨幣政策要鬆緊適度。廣義貨幣和社會融資規模增速要與國內生產總值名義增速相匹配。
三、推動綠色發展
持續推進污染防治。鞏固藍天保衛戰成果，推進燃煤鍋爐清潔能源改造。
篇2
一、2020年工作回顧
經濟運行總體平穩。國內生產總值增長6.1%。
二、2020年工作任務
今年是全面建成小康社會的收官之年。做好今年工作意義重大。
積極的財政政策要更加積極有為。今年赤字率擬按3.6%以上安排，財政赤字3.76萬億元，地方政府專項債券3.75萬億元。
穩健的貨幣政策要更加靈活適度。引導廣義貨幣供應量和社會融資規模增速明顯高於去年。
三、推動綠色發展
提高生態環境治理成效。鞏固藍天保衛戰成果，推進燃煤鍋爐清潔能源改造。
`
	for _, text := range []string{trad, hanzi.Fold(trad)} {
		c := corpustest.Build(t, text)
		a, b := c.Reports[0], c.Reports[1]
		th := Classify(c, nil, nil)
		got := map[*corpus.Unit]*corpus.Unit{}
		for _, l := range Pair(th, a, b, DefaultOptions()) {
			got[l.From] = l.To
		}
		for _, tt := range []struct{ from, to, theme string }{
			{"積極的財政", "積極的財政", "economy"},
			{"穩健的貨幣", "穩健的貨幣", "economy"},
			{"今年是全面", "今年是全面", General},
		} {
			from, to := tt.from, tt.to
			if !strings.Contains(text, from) {
				from, to = hanzi.Fold(from), hanzi.Fold(to)
			}
			u, v := unitStarting(t, c, a.ID, from), unitStarting(t, c, b.ID, to)
			if th.Theme(u) != tt.theme {
				t.Errorf("%s: theme %s, want %s", u.ID, th.Theme(u), tt.theme)
			}
			if got[u] != v {
				t.Errorf("%s pairs with %v, want %s: the paragraphs before the first section do not pair", u.ID, got[u], v.ID)
			}
		}
	}
}

// TestExplain checks what align --explain A B says of a pair: its rank
// among the first unit's candidates and why a link was made or not.
func TestExplain(t *testing.T) {
	c := corpustest.Build(t, `篇1
20xx年工作任務
主要預期目標是：地區生產總值增長7%左右。
一、改善居民住房
努力改善居民住房條件。加大棚戶區改造力度，啟動西河沿片區居民搬遷，推進寶華里危改專案。加大保障房建設力度，加快青塔家園、翠園小區專案建設。
二、發展文化事業
繁榮公共文化。建設數字圖書館，辦好廟會和戲劇節。
篇2
20xx年工作任務
主要預期目標是：地區生產總值增長6%左右。
一、改善居民住房
加大棚戶區改造推進力度。完成西河沿片區居民搬遷，推動寶華里危改專案重啟。
加快保障房開發建設。繼續推進青塔家園、翠園小區專案建設。
二、發展文化事業
豐富公共文化服務。建成數字圖書館分館，辦好地壇廟會和戲劇節。
`)
	res := Align(Classify(c, nil, nil), DefaultOptions())
	find := func(r int, prefix string) *corpus.Unit { return unitStarting(t, c, c.Reports[r].ID, prefix) }
	tests := []struct {
		a, b   *corpus.Unit
		linked bool
		rank   int
		why    string
	}{
		{find(0, "努力改善"), find(1, "加大棚戶區"), true, 1, "assignment"},
		{find(1, "加快保障房"), find(0, "努力改善"), true, 2, "best partner"},
		{find(0, "繁榮公共"), find(1, "豐富公共"), true, 1, "assignment"},
		{find(0, "努力改善"), find(1, "豐富公共"), false, 4, "share next to nothing"},
		{find(0, "主要預期"), find(1, "加大棚戶區"), false, 0, "whole (general)"},
		{find(0, "努力改善"), find(0, "繁榮公共"), false, 0, "one report"},
	}
	for _, tt := range tests {
		ex := res.Explain(tt.a, tt.b)
		if ex.Linked != tt.linked || tt.rank > 0 && ex.Rank != tt.rank || !strings.Contains(ex.Why, tt.why) {
			t.Errorf("%s %s: linked %v rank %d %q, want linked %v rank %d and %q", tt.a.ID, tt.b.ID, ex.Linked, ex.Rank, ex.Why, tt.linked, tt.rank, tt.why)
		}
	}
	strict := Align(Classify(c, nil, nil), Options{MinScore: 0.9})
	if ex := strict.Explain(find(0, "繁榮公共"), find(1, "豐富公共")); ex.Linked || !strings.Contains(ex.Why, "below the threshold 0.90") {
		t.Errorf("at --min-score 0.9: linked %v, %q", ex.Linked, ex.Why)
	}
	if ex := res.Explain(find(1, "加快保障房"), find(0, "努力改善")); !ex.Swapped || ex.From.Report != c.Reports[0] || len(ex.Shared) == 0 {
		t.Errorf("explain in the other order: swapped %v, from %s, shared %v", ex.Swapped, ex.From.ID, ex.Shared)
	}
}

// TestWorkedExample checks the numbers of the worked example of the
// package documentation, in both scripts.
func TestWorkedExample(t *testing.T) {
	trad := `篇1
20xx年工作任務
一、堅持民生優先，提升公共服務
完善養老服務體系。推進居家養老服務，新建社區養老驛站10個，開展“銀齡暖心”關愛行動，為高齡獨居老人提供助餐服務。加快養老機構建設，推進公建民營改革，新增養老床位500張。
辦好人民滿意的教育。擴大普惠性學前教育資源，新增幼兒園學位800個，推進集團化辦學。
二、建設美麗城區
持續改善空氣質量。淘汰老舊機動車5000輛，完成燃煤鍋爐清潔能源改造。
篇2
20xx年工作任務
一、增進民生福祉
深化居家養老服務。建成社區養老驛站12個，繼續開展“銀齡暖心”關愛行動，為高齡獨居老人提供助餐服務。
提升養老機構服務質量。深化公建民營改革，新增養老床位600張，推進醫養結合。
推進教育優質均衡。新增幼兒園學位600個，深化集團化辦學改革。
二、建設美麗城區
打好藍天保衛戰。淘汰老舊機動車3000輛，推進揚塵污染治理。
`
	for _, text := range []string{trad, hanzi.Fold(trad)} {
		c := corpustest.Build(t, text)
		res := Align(Classify(c, nil, nil), DefaultOptions())
		got := map[string]float64{}
		for _, l := range res.Links {
			got[l.From.ID+"→"+l.To.ID] = math.Round(l.Score*100) / 100
		}
		want := map[string]float64{"p1.1→p2.1": 0.65, "p1.1→p2.2": 0.45, "p1.2→p2.3": 0.43, "p1.3→p2.4": 0.32}
		if !maps.Equal(got, want) {
			t.Errorf("links %v, want %v", got, want)
		}
		ex := res.Explain(c.Unit("p1.1"), c.Unit("p2.1"))
		if len(ex.Shared) != 4 || ex.Rare != 1 || len(ex.Covered) != 1 || math.Abs(ex.Coverage-1.0/3) > 1e-9 {
			t.Errorf("p1.1→p2.1: shared %v, rare %.2f, covered %v", ex.Shared, ex.Rare, ex.Covered)
		}
		if ex := res.Explain(c.Unit("p1.1"), c.Unit("p2.3")); ex.Linked || math.Round(ex.Score*100)/100 != 0.22 {
			t.Errorf("p1.1→p2.3: linked %v, score %.3f, want no link at 0.22", ex.Linked, ex.Score)
		}
	}
}
