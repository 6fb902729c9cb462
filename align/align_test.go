package align

import (
	"fmt"
	"math"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/corpus/corpustest"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

func unitStarting(t *testing.T, c *corpus.Corpus, report, prefix string) *corpus.Unit {
	t.Helper()
	r, err := c.Find(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range r.Units {
		if strings.HasPrefix(u.Text, prefix) {
			return u
		}
	}
	t.Fatalf("no unit %q in %s", prefix, report)
	return nil
}

func TestClassify(t *testing.T) {
	text := `20xx年工作回顧
一、城市建設
棚戶區改造取得進展。完成簡易樓騰退120戶，保障性住房開工800套。
大氣污染治理成效明顯。PM2.5年均濃度下降5%，完成燃煤锅炉清洁能源改造。
公共文化服務體系更加完善。舉辦文化節，新建圖書館分館3個。
政府自身建設不斷加強。深化行政審批制度改革，嚴格落實廉政建設責任制。
20xx年工作任務
主要預期目標是：地區生產總值增長7%左右。
一、推进老城保护
加強胡同整治。推進四合院修繕和歷史文化街區保護。
`
	c := corpustest.Build(t, text)
	lx := DefaultLexicon()
	tests := []struct{ prefix, want string }{
		{"棚戶區改造", "renewal"},
		{"大氣污染", "environment"},
		{"公共文化", "culture"},
		{"政府自身建設", "governance"},
		{"主要預期目標", General},
		{"加強胡同整治", "renewal"},
	}
	for _, tt := range tests {
		u := unitStarting(t, c, c.Reports[0].ID, tt.prefix)
		cl := lx.Classify(u)
		if cl.Primary != tt.want {
			t.Errorf("%q: theme %s, want %s (scores %v)", tt.prefix, cl.Primary, tt.want, cl.Scores)
		}
		total := 0.0
		for _, s := range cl.Scores {
			total += s
		}
		if len(cl.Scores) > 0 && math.Abs(total-1) > 0.01 {
			t.Errorf("%q: scores add up to %v", tt.prefix, total)
		}
		if cl.Primary != General && len(cl.Hits) == 0 {
			t.Errorf("%q: no words explain the theme", tt.prefix)
		}
	}
	// A part told without sections (一是…二是…): its opening overview is
	// general, its topic paragraphs are classified by their words.
	flat := corpustest.Build(t, `一、2018年工作回顾
过去一年，我们坚持稳中求进，全面完成全年主要目标任务，经济社会发展取得新成就。
一是打好污染防治攻坚战。细颗粒物浓度下降，推进燃煤锅炉清洁能源改造。
二是繁荣文化事业。加强公共文化服务，推动文化产业发展。
——就业和社会保障持续改善。城镇新增就业1361万人，新增养老床位2万张，基本养老保险覆盖9亿人。
预计地区生产总值增长6.6%，一般公共预算收入增长6%，城镇新增就业1361万人。
二、2019年工作任务
推进大气污染防治。
`)
	for _, tt := range []struct{ prefix, want string }{{"过去一年", General}, {"一是打好", "environment"}, {"二是繁荣", "culture"},
		{"——就业", "livelihood"}, {"预计地区", General}} {
		u := unitStarting(t, flat, flat.Reports[0].ID, tt.prefix)
		if cl := lx.Classify(u); cl.Primary != tt.want {
			t.Errorf("sectionless part, %q: theme %s, want %s (%s)", tt.prefix, cl.Primary, tt.want, cl.Reason)
		}
	}
	// Paragraphs before a part's first section: a lead sentence that names
	// a policy makes a topic paragraph, classified by its words; one that
	// places the year, or no lead sentence at all, makes an overview. A
	// paragraph addressed to the deputies is general unless its words are
	// about one theme.
	deputies := `20xx年工作回顧
一、加強政府自身建設
各位代表，一年來，我們深入開展作風建設，嚴格落實廉政建設責任制，壓縮一般性支出，推進政務公開，全面推進依法行政，加強審計監督和行政監察，會議和檔案數量大幅減少，推進廉政風險防控體系建設，深化行政審批制度改革，主動接受人大監督和政協民主監督。
各位代表！新的一年，使命光榮。讓我們更加緊密地團結起來，為實現今年目標任務而努力奮鬥！
20xx年工作任務
今年是全面建成小康社會的關鍵之年。做好今年工作意義重大。
積極的財政政策要更加積極有為。今年赤字率擬按3.6%安排，發行地方政府專項債券，財政支出更多用於減稅降費。
穩健的貨幣政策要更加靈活適度。綜合運用降準降息、再貸款等手段，引導貸款利率下行。
今年經濟社會發展任務重、挑戰多。我們要突出重點，紮實做好各項工作。
面對困難，要堅定信心，迎難而上。
一、推進城市更新
加強衚衕整治。推進四合院修繕。
`
	for _, text := range []string{deputies, hanzi.Fold(deputies)} {
		c := corpustest.Build(t, text)
		r := c.Reports[0]
		for _, tt := range []struct {
			seq       int
			want, why string
		}{
			{1, "governance", "deputies addressed, words about the government's own conduct"},
			{2, General, "deputies addressed, a closing call"},
			{3, General, "lead sentence places the year"},
			{4, "economy", "lead sentence names fiscal policy"},
			{5, "economy", "lead sentence names monetary policy"},
			{6, General, "lead sentence opens with 今年"},
			{7, General, "no lead sentence"},
		} {
			u := r.Units[tt.seq-1]
			if cl := lx.Classify(u); cl.Primary != tt.want {
				t.Errorf("%.12s…: theme %s, want %s (%s); reason %q", u.Text, cl.Primary, tt.want, tt.why, cl.Reason)
			}
		}
	}
	// Simplified and Traditional texts get the same scores.
	simp := corpustest.Build(t, "20xx年工作回顧\n一、环境\n大气污染治理成效明显。PM2.5年均浓度下降。\n")
	trad := corpustest.Build(t, "20xx年工作回顧\n一、環境\n大氣污染治理成效明顯。PM2.5年均濃度下降。\n")
	a := lx.Classify(simp.Reports[0].Units[0])
	b := lx.Classify(trad.Reports[0].Units[0])
	if a.Primary != b.Primary || a.Scores["environment"] != b.Scores["environment"] {
		t.Errorf("scripts differ: %v vs %v", a.Scores, b.Scores)
	}
}

func TestSimilarity(t *testing.T) {
	text := `篇1
20xx年工作回顧
一、環境建設
大氣污染治理成效明顯。完成天壇周邊燃煤鍋爐清潔能源改造，PM2.5年均濃度下降3%。
文化惠民成果顯著。舉辦第三屆戲劇節，新建社區文化室12個。
20xx年工作任務
甲。
篇2
20xx年工作回顧
一、環境建設
大氣污染治理持續推進。天壇周邊燃煤鍋爐清潔能源改造全部完成，PM2.5年均濃度下降5%。
文化惠民力度加大。舉辦第四屆戲劇節，新建社區文化室8個。
20xx年工作任務
乙。
`
	c := corpustest.Build(t, text)
	res := Align(Classify(c, nil, nil), DefaultOptions())
	air1 := unitStarting(t, c, "p1", "大氣污染")
	air2 := unitStarting(t, c, "p2", "大氣污染")
	cul1 := unitStarting(t, c, "p1", "文化惠民")
	cul2 := unitStarting(t, c, "p2", "文化惠民")
	same := res.Explain(air1, air2).Similarity.Score
	cross := res.Explain(air1, cul2).Similarity.Score
	if same <= cross+0.2 {
		t.Errorf("same topic %.3f should be well above different topics %.3f", same, cross)
	}
	if s := res.Explain(air1, air2).Similarity; len(s.Shared) == 0 || s.Rare == 0 {
		t.Errorf("rare words of the same project not found: %+v", s)
	}
	var got []string
	for _, l := range res.Links {
		if l.Kind == Continuity && l.From.Section.Title != "" {
			got = append(got, l.From.Heading+"→"+l.To.Heading)
		}
	}
	want := []string{"大氣污染治理成效明顯→大氣污染治理持續推進", "文化惠民成果顯著→文化惠民力度加大"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("links %v, want %v", got, want)
	}
	if cul1.Report == cul2.Report {
		t.Fatal("test corpus broken")
	}
}

// bruteAssign tries every assignment of a small matrix.
func bruteAssign(w [][]float64) float64 {
	best := 0.0
	used := make([]bool, len(w[0]))
	var rec func(i int, total float64)
	rec = func(i int, total float64) {
		if i == len(w) {
			best = math.Max(best, total)
			return
		}
		rec(i+1, total)
		for j := range w[i] {
			if !used[j] && w[i][j] > 0 {
				used[j] = true
				rec(i+1, total+w[i][j])
				used[j] = false
			}
		}
	}
	rec(0, 0)
	return best
}

func TestAssignIsOptimal(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 300; n++ {
		rows, cols := 1+rng.Intn(6), 1+rng.Intn(6)
		w := make([][]float64, rows)
		for i := range w {
			w[i] = make([]float64, cols)
			for j := range w[i] {
				if rng.Float64() < 0.7 {
					w[i][j] = math.Round(rng.Float64()*100) / 100
				}
			}
		}
		pick := assign(w)
		total, seen := 0.0, map[int]bool{}
		for i, j := range pick {
			if j < 0 {
				continue
			}
			if seen[j] || w[i][j] <= 0 {
				t.Fatalf("case %d: column %d twice or a zero pair in %v for %v", n, j, pick, w)
			}
			seen[j] = true
			total += w[i][j]
		}
		if want := bruteAssign(w); math.Abs(total-want) > 1e-9 {
			t.Fatalf("case %d: total %.3f, best %.3f, for %v", n, total, want, w)
		}
	}
	// Greedy would take the 0.9 and lose: the optimum is 0.8 + 0.8.
	if got := assign([][]float64{{0.9, 0.8}, {0.8, 0}}); got[0] != 1 || got[1] != 0 {
		t.Errorf("assign = %v, want [1 0]", got)
	}
}

func TestAlignProperties(t *testing.T) {
	c, err := corpus.Load("", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := Align(Classify(c, nil, nil), DefaultOptions())
	again := Align(Classify(c, nil, nil), DefaultOptions())
	if len(first.Links) != len(again.Links) {
		t.Fatalf("two runs: %d and %d links", len(first.Links), len(again.Links))
	}
	for i := range first.Links {
		a, b := first.Links[i], again.Links[i]
		if a.From != b.From || a.To != b.To || a.Score != b.Score {
			t.Fatalf("link %d differs between runs", i)
		}
	}
	degree := map[*corpus.Unit]int{}
	for _, l := range first.Links {
		if c.Unit(l.From.ID) != l.From || c.Unit(l.To.ID) != l.To {
			t.Errorf("link %s→%s joins units not in the corpus", l.From.ID, l.To.ID)
		}
		if l.From.Report == l.To.Report {
			t.Errorf("link %s→%s within one report", l.From.ID, l.To.ID)
		}
		if l.Score < DefaultMinScore {
			t.Errorf("link %s→%s scores %.3f, below the threshold", l.From.ID, l.To.ID, l.Score)
		}
		if l.Kind == Continuity && l.From.PartKind() != l.To.PartKind() {
			t.Errorf("continuity link %s→%s across kinds of part", l.From.ID, l.To.ID)
		}
		if l.Kind == Followup && (l.From.PartKind() != corpus.Plan || l.To.PartKind() != corpus.Review) {
			t.Errorf("followup link %s→%s not plan→review", l.From.ID, l.To.ID)
		}
		degree[l.From]++
		degree[l.To]++
	}
	for u, d := range degree {
		if d > 6 {
			t.Errorf("unit %s has %d links: linked to everything", u.ID, d)
		}
	}
	for _, th := range first.Threads {
		if th.Reports() < 2 {
			t.Errorf("thread %s runs through %d report", th.ID, th.Reports())
		}
	}
	// Every unit has a primary theme of the lexicon.
	for _, u := range first.Units {
		if !first.Lexicon.Has(first.Classes[u].Primary) {
			t.Errorf("unit %s: theme %q", u.ID, first.Classes[u].Primary)
		}
	}
}

// TestSeedAlignment checks links a reader of the seed agrees with.
func TestSeedAlignment(t *testing.T) {
	c, _ := corpus.Load("", corpus.Options{})
	res := Align(Classify(c, nil, nil), DefaultOptions())
	has := func(from, to, kind string) bool {
		for _, l := range res.Links {
			if l.From.ID == from && l.To.ID == to && l.Kind == kind {
				return true
			}
		}
		return false
	}
	for _, want := range [][3]string{
		{"p3.29", "p2.42", Continuity}, // 構建現代公共文化服務體系 → 完善現代公共文化服務體系
		{"p3.11", "p2.12", Continuity}, // 發展環境進一步優化, both years
		{"p2.9", "p1.12", Continuity},  // 產業結構更加優化 → 產業結構日趨優化
		{"p3.25", "p2.34", Continuity}, // targets → targets
		{"p2.56", "p1.22", Followup},   // 統籌做好就業和社會保障 → 就業和社會保障水平穩步提升
		{"p2.64", "p1.26", Followup},   // 推進廉政建設 → 廉政建設不斷深化
	} {
		if !has(want[0], want[1], want[2]) {
			t.Errorf("no %s link %s → %s", want[2], want[0], want[1])
		}
	}
	for id, theme := range map[string]string{"p1.6": "renewal", "p1.14": "culture", "p1.26": "governance", "p3.39": "environment", "p1.37": "relief", "p2.54": "livelihood"} {
		if got := res.Classes[c.Unit(id)].Primary; got != theme {
			t.Errorf("unit %s: theme %s, want %s", id, got, theme)
		}
	}
}

func TestParseLexiconErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"term\tx\t1\t词\n", "undeclared theme"},
		{"theme\ta\tA\ntheme\ta\tB\n", "declared twice"},
		{"theme\ta\tA\nterm\ta\tmuch\t词\n", "weight"},
		{"theme\ta\tA\nterm\ta\t1\n", "needs a theme, a weight and a word"},
		{"# only comments\n", "no themes"},
		{"what\n", "unknown kind"},
	}
	for _, tt := range tests {
		_, err := ParseLexicon("lex.tsv", strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "lex.tsv:") {
			t.Errorf("ParseLexicon(%q) error %v, want %q with file and line", tt.in, err, tt.want)
		}
	}
	lx, err := ParseLexicon("ok.tsv", strings.NewReader("theme\tair\tAir\nterm\tair\t2\t空气\t空氣\n"))
	if err != nil || !lx.Has("air") || !lx.Has(General) || len(lx.Terms) != 1 {
		t.Errorf("ParseLexicon ok: %v %+v", err, lx)
	}
}

// TestLexiconTermOrder checks the order of a lexicon's terms: longest word
// first (a match of the longer word is reported first), those of one length
// in the order the file gives them, and a word given twice to one theme
// kept once, with its first weight.
func TestLexiconTermOrder(t *testing.T) {
	lx, err := ParseLexicon("order.tsv", strings.NewReader("theme\ta\tA\ntheme\tb\tB\n"+
		"term\ta\t1\t路\t道路\t综合治理\n"+
		"term\tb\t2\t道路\t空气\t路\n"+
		"term\ta\t3\t路\n"+
		"term\tb\t1\t大气污染防治\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, term := range lx.Terms {
		got = append(got, fmt.Sprintf("%s:%s:%g", term.Theme, term.Text, term.Weight))
	}
	want := []string{"b:大气污染防治:1", "a:综合治理:1", "a:道路:1", "b:道路:2", "b:空气:2", "a:路:1", "b:路:2"}
	if !slices.Equal(got, want) {
		t.Errorf("terms %v, want %v", got, want)
	}
	var sc lexScratch
	if n := lx.counts(nil, "道路", &sc); len(n) != 2 {
		t.Errorf("道路 counts %v, want the terms of both themes", n)
	}
}

// TestSortLongestFirst checks the counting sort of terms against a stable
// comparison sort by length, on random terms: none, one, all of one
// length, many of many lengths (each term numbered to tell equal ones
// apart).
func TestSortLongestFirst(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	for _, tc := range []struct{ n, lengths int }{{0, 1}, {1, 1}, {50, 1}, {300, 12}, {2000, 40}} {
		terms := make([]Term, tc.n)
		for i := range terms {
			terms[i] = Term{Text: fmt.Sprint(i), folded: strings.Repeat("路", rng.Intn(tc.lengths)+1)}
		}
		want := slices.Clone(terms)
		slices.SortStableFunc(want, func(a, b Term) int { return len(b.folded) - len(a.folded) })
		sortLongestFirst(terms)
		if !slices.Equal(terms, want) {
			t.Errorf("%d terms of up to %d lengths: sorted otherwise than by a stable sort", tc.n, tc.lengths)
		}
	}
}

func FuzzParseLexicon(f *testing.F) {
	f.Add("theme\tair\tAir\nterm\tair\t2\t空气\t空氣\n")
	f.Add(defaultThemes[:2000])
	f.Fuzz(func(t *testing.T, in string) {
		lx, err := ParseLexicon("fuzz.tsv", strings.NewReader(in))
		if err != nil {
			return
		}
		for i, term := range lx.Terms {
			if !lx.Has(term.Theme) || term.Weight <= 0 {
				t.Fatalf("bad term %+v", term)
			}
			if i > 0 && len(term.folded) > len(lx.Terms[i-1].folded) {
				t.Fatalf("term %+v after the shorter %+v", term, lx.Terms[i-1])
			}
		}
	})
}

// TestPairIsAlign checks the one pairing: the links Pair makes between two
// consecutive reports, read with those two alone, are exactly the
// continuity links Align makes between them in the whole corpus, with the
// same scores, on the seed and on a constructed corpus.
func TestPairIsAlign(t *testing.T) {
	seed, err := corpus.Load("", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	constructed := corpustest.Build(t, `篇1
20xx年工作回顧
一、環境建設
大氣污染治理成效明顯。完成城區燃煤鍋爐清潔能源改造，細顆粒物年均濃度下降3%。
文化惠民成果顯著。舉辦第三屆戲劇節，新建社區文化室12個。
20xx年工作任務
一、改善環境
推進大氣污染防治。淘汰老舊機動車一萬輛。
篇2
20xx年工作回顧
一、環境建設
大氣污染治理持續推進。城區燃煤鍋爐清潔能源改造全部完成，細顆粒物年均濃度下降5%。
文化惠民力度加大。舉辦第四屆戲劇節，新建社區文化室8個。
20xx年工作任務
一、改善環境
深化大氣污染防治。淘汰老舊機動車兩萬輛。
篇3
20xx年工作回顧
一、環境建設
大氣污染治理取得新成效。細顆粒物年均濃度下降6%。
20xx年工作任務
一、改善環境
持續推進大氣污染防治。
`)
	for name, c := range map[string]*corpus.Corpus{"seed": seed, "constructed": constructed} {
		res := Align(Classify(c, nil, nil), DefaultOptions())
		for i := 0; i+1 < len(c.Reports); i++ {
			a, b := c.Reports[i], c.Reports[i+1]
			var want []string
			for _, l := range res.Links {
				if l.Kind == Continuity && l.From.Report == a && l.To.Report == b {
					want = append(want, fmt.Sprintf("%s→%s %.6f", l.From.ID, l.To.ID, l.Score))
				}
			}
			var got []string
			for _, l := range Pair(Classify(c, nil, []*corpus.Report{a, b}), a, b, DefaultOptions()) {
				got = append(got, fmt.Sprintf("%s→%s %.6f", l.From.ID, l.To.ID, l.Score))
			}
			if len(want) == 0 {
				t.Errorf("%s %s→%s: align made no links", name, a.ID, b.ID)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s %s→%s: Pair gives\n%s\nalign gives\n%s", name, a.ID, b.ID, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
}

// TestPairWithItself checks that a report paired with itself links every
// unit to itself once, scoring 1.
func TestPairWithItself(t *testing.T) {
	c, _ := corpus.Load("", corpus.Options{})
	r := c.Reports[1]
	links := Pair(Classify(c, nil, []*corpus.Report{r}), r, r, DefaultOptions())
	if want := len(Alignable(r)); len(links) != want {
		t.Fatalf("%d links, want %d (one per unit)", len(links), want)
	}
	for _, l := range links {
		if l.From != l.To || l.Score != 1 {
			t.Errorf("%s→%s %.3f: want each unit with itself, scoring 1", l.From.ID, l.To.ID, l.Score)
		}
	}
}

// A word of the lexicon is counted however long it is: one of 28
// characters (84 bytes; words of 64 bytes or more were never looked for)
// is the longest match where it stands, in either script, not its shorter
// words.
func TestLongTermCounted(t *testing.T) {
	long := "推进城乡融合发展和区域协调发展的体制机制改革试点工作方案"
	lx, err := ParseLexicon("lexicon", strings.NewReader("theme\tlong\tLong\ntheme\tshort\tShort\n"+
		"term\tlong\t3\t"+long+"\nterm\tshort\t1\t城乡融合\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"我们" + long + "。", "我們推進城鄉融合發展和區域協調發展的體制機制改革試點工作方案。"} {
		c := lx.Classify(&corpus.Unit{Text: text})
		if len(c.Hits) != 1 || c.Hits[0].Term != long || c.Primary != "long" {
			t.Errorf("%s: hits %+v, primary %q; want the long term alone", text, c.Hits, c.Primary)
		}
	}
}
