package change

import (
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/corpus/corpustest"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// readPromise on made-up clauses, each in Simplified and Traditional: the
// objects it names (#: a count), or "-" and a piece of the reason none is a
// commitment. An object a later report must confirm is marked ~.
func TestReadPromise(t *testing.T) {
	tests := []struct {
		name, simplified, traditional string
		want                          []string
	}{
		{"verb after adverbs", "扎实推进松岚文化中心建设", "紮實推進松嵐文化中心建設", []string{"松岚文化中心"}},
		{"加快 alone is the verb", "加快澄溪片区剩余地块建设", "加快澄溪片區剩餘地塊建設", []string{"澄溪片区剩余地块"}},
		{"a subject before 力争", "澄溪体育馆力争年内竣工", "澄溪體育館力爭年內竣工", []string{"澄溪体育馆"}},
		{"the object first", "澄溪体育馆实现竣工", "澄溪體育館實現竣工", []string{"澄溪体育馆"}},
		{"a list sharing its head noun", "推进青禾湾、映川和松岚项目", "推進青禾灣、映川和松嵐專案", []string{"青禾湾项目", "映川项目", "松岚项目"}},
		{"a list sharing several words", "办好青禾、映川文化庙会", "辦好青禾、映川文化廟會", []string{"青禾文化庙会", "映川文化庙会"}},
		{"a quoted name in the object", "推进养老服务“三进家庭”", "推進養老服務“三進家庭”", []string{"三进家庭~"}},
		{"a quoted name with an ending", "推进“松岚智慧街区”建设", "推進“松嵐智慧街區”建設", []string{"松岚智慧街区"}},
		{"a quoted name of means", "推进以“学区制”为核心的改革", "推進以“學區制”為核心的改革", []string{"-means"}},
		{"a quoted attribute", "打造“高精尖”经济结构", "打造“高精尖”經濟結構", []string{"-attribute"}},
		{"endings: 会馆", "完成临溪会馆腾退修缮", "完成臨溪會館騰退修繕", []string{"临溪会馆"}},
		{"endings: 旧居", "实现映川旧居对外开放", "實現映川舊居對外開放", []string{"映川旧居"}},
		{"endings: 居委会", "做好第九届松岚社区居委会换届选举工作", "做好第九屆松嵐社區居委會換屆選舉工作", []string{"第九届松岚社区居委会"}},
		{"a short name", "启动榆街市政改造", "啟動榆街市政改造", []string{"榆街"}},
		{"a count and what it counts", "完成35座公厕改造升级", "完成35座公廁改造升級", []string{"#座公厕改造升级~"}},
		{"a count of a kind", "建成12个文化驿站", "建成12個文化驛站", []string{"#个文化驿站~"}},
		{"an amount", "完成屋顶绿化2万平方米", "完成屋頂綠化2萬平方米", []string{"屋顶绿化#万平方米~"}},
		{"a numbered event", "积极备战第十五届全市运动会", "積極備戰第十五屆全市運動會", []string{"第十五届全市运动会"}},
		{"examples of a count", "实施青禾街、映川巷等6个区域环境提升工程", "實施青禾街、映川巷等6個區域環境提升工程", []string{"#个区域环境提升工程~"}},
		{"examples of another kind", "抓好青禾井、榆街等重点地区整治", "抓好青禾井、榆街等重點地區整治", []string{"-example", "-example"}},
		{"a kind of thing", "建设一批精品工程", "建設一批精品工程", []string{"-kind"}},
		{"a determiner ends a name", "加快松岚体育产业园重点项目建设", "加快松嵐體育產業園重點專案建設", []string{"松岚体育产业园"}},
		{"a kind in common words", "推进公立医院改革", "推進公立醫院改革", []string{"-kind"}},
		{"a numbered building", "力争建成松岚中心2号楼", "力爭建成松嵐中心2號樓", []string{"松岚中心2号楼"}},
		{"a preposition ends a name", "推进第一人民医院向专科医院转型", "推進第一人民醫院向專科醫院轉型", []string{"第一人民医院~"}},
		{"no promise verb", "加强松岚文化中心管理", "加強松嵐文化中心管理", []string{"-no promise verb"}},
		{"a plan period", "实现“十三五”良好开局", "實現“十三五”良好開局", []string{"-plan period"}},
		{"a markdown list item", "- 加快建设壬港口", "- 加快建設壬港口", []string{"壬港口"}},
		{"共同 before the verb", "共同办好松岚中国文化中心", "共同辦好松嵐中國文化中心", []string{"松岚中国文化中心"}},
		{"a verb with 好", "实施好松岚再造工程", "實施好松嵐再造工程", []string{"松岚再造工程"}},
		{"list items named on their own", "办好青博会、映交会及首届松岚国际消费品博览会等重大展会", "辦好青博會、映交會及首屆松嵐國際消費品博覽會等重大展會",
			[]string{"青博会~", "映交会~", "首届松岚国际消费品博览会"}},
		{"a long item takes no head", "建设松岚大道、综合立体交通网和映川能源基地", "建設松嵐大道、綜合立體交通網和映川能源基地",
			[]string{"松岚大道", "映川能源基地"}},
		{"a verb opens the object", "加快落实澄溪区域发展战略", "加快落實澄溪區域發展戰略", []string{"-verb"}},
		{"a verb opens the object, after 推动", "推动签署映川区域全面合作协定", "推動簽署映川區域全面合作協定", []string{"-verb"}},
		{"a verb opens a list", "加快补齐青禾老区发展短板", "加快補齊青禾老區發展短板", []string{"-verb"}},
		{"a kind in two common words", "建设数据中心", "建設數據中心", []string{"-kind"}},
		{"a kind in one common word", "改造提升步行街", "改造提升步行街", []string{"-kind"}},
		{"a kind named by a quality", "建设有效市场", "建設有效市場", []string{"-kind"}},
		{"a kind after an adverb", "建设重点水利工程", "建設重點水利工程", []string{"-kind"}},
		{"a kind with 重要", "建设重要能源基地", "建設重要能源基地", []string{"-kind"}},
		{"an organisation of common words", "推进运营公司改革", "推進運營公司改革", []string{"-kind"}},
		{"a project of one common word", "推进生态系统建设", "推進生態系統建設", []string{"-kind"}},
		{"a kind of area", "改造城镇棚户区", "改造城鎮棚戶區", []string{"-kind"}},
		{"重要 inside a name", "建设松岚重要人才中心", "建設松嵐重要人才中心", []string{"松岚重要人才中心"}},
		{"a name of common words is still a name", "实现时光博物馆对社会开放", "實現時光博物館對社會開放", []string{"时光博物馆"}},
		{"a phase of a project", "建成松岚湿地公园二期", "建成松嵐濕地公園二期", []string{"松岚湿地公园二期"}},
		{"a phase after a building", "推进甲区标准厂房三期建设", "推進甲區標準廠房三期建設", []string{"甲区标准厂房三期"}},
		{"a numbered event with no ending", "举办第三届甲市国际车展", "舉辦第三屆甲市國際車展", []string{"第三届甲市国际车展"}},
		{"确保 before its subject", "确保甲区人民医院门诊楼投入使用", "確保甲區人民醫院門診樓投入使用", []string{"甲区人民医院门诊楼"}},
		{"确保 before its subject and 建成", "确保松岚体育馆年底建成", "確保松嵐體育館年底建成", []string{"松岚体育馆"}},
		{"list items that qualify a quoted name", "推进甲校区、乙园区、丙社区“三区融合”", "推進甲校區、乙園區、丙社區“三區融合”", []string{"-qualifies", "-qualifies", "-qualifies", "三区融合~"}},
		{"a place before a quoted name names it", "推进甲园、乙县“两站一街”等项目", "推進甲園、乙縣“兩站一街”等專案", []string{"甲园项目", "乙县“两站一街”项目"}},
		{"an adverb that opens a name stays", "推进共同繁荣示范区建设", "推進共同繁榮示範區建設", []string{"共同繁荣示范区~"}},
		{"adverbs between two verbs", "推进并全面完成松岚中心建设", "推進並全面完成松嵐中心建設", []string{"松岚中心"}},
		{"stray spaces of a PDF", "推进松岚电 厂项目建设", "推進松嵐電 廠項目建設", []string{"松岚电厂项目"}},
	}
	for _, tt := range tests {
		for _, text := range []string{tt.simplified, tt.traditional} {
			p := readPromise(hanzi.Fold(text))
			var got []string
			for _, o := range p.objects {
				switch {
				case o.reason != "":
					got = append(got, "-"+o.reason)
				case o.weak:
					got = append(got, keyOf(o.name)+"~")
				default:
					got = append(got, keyOf(o.name))
				}
			}
			if len(p.objects) == 0 {
				got = []string{"-" + p.reason}
			}
			ok := len(got) == len(tt.want)
			for i := 0; ok && i < len(got); i++ {
				ok = got[i] == tt.want[i] || strings.HasPrefix(tt.want[i], "-") && strings.Contains(got[i], tt.want[i][1:])
			}
			if !ok {
				t.Errorf("%s: readPromise(%s) = %q, want %q", tt.name, text, got, tt.want)
			}
		}
	}
}

func TestReviewStatus(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"松岚项目主体工程完工", Achieved},
		{"松岚中心主体结构完工", Partial},
		{"松岚中心结构封顶", Partial},
		{"成功举办映川博览会", Achieved},
		{"首届映川论坛成功举办", Achieved},
		{"圆满完成映川赛事保障", Achieved},
		{"在全市运动会中表现优异，总成绩位列第一", Achieved},
		{"松岚河道整治工程完成过半", Partial},
		{"松岚公园基本完成", Partial},
		{"松岚公园建成开放", Achieved},
		{"松岚公园受拆迁进度影响未实现预期目标", Missed},
		{"松岚公园建设稳步推进", Partial},
		{"松岚公园正式开园", Mentioned},
		// The rest of the sentence counts until it speaks of another thing.
		{"编制了松岚片区规划，完成映川街市政工程", Mentioned},
		// A missed word speaks of its own clause's project only.
		{"松岚中心主体结构封顶，映川公园二期未能按期开工", Partial},
		{"松岚中心建成，映川公园未能按期开工", Achieved},
		{"松岚中心、映川公园未能按期开工", Missed},
		{"松岚中心建设，受拆迁进度影响未能按期开工", Missed},
		// 主体完工 is a milestone, not completion.
		{"松岚体育馆主体完工", Partial},
		{"松岚体育馆主体竣工", Partial},
	}
	for _, tt := range tests {
		for _, text := range []string{tt.sentence, toTraditional(tt.sentence)} {
			c := corpustest.Build(t, "篇1\n一、2018年工作回顾\n"+text+"。\n二、2019年主要任务\n主要预期目标是：地区生产总值增长6%左右。\n")
			all := allClauses(c)
			i := -1
			for j, cl := range all {
				if cl.unit.PartKind() == "review" && i < 0 {
					i = j
				}
			}
			if got := mentionOf(all, i).Status; got != tt.want {
				t.Errorf("%s: %s, want %s", text, got, tt.want)
			}
		}
	}
}

// A made-up district in Simplified script: renamed projects, list items
// reported alone, qualifiers dropped, milestones, ordinals.
const followUps = `篇1
一、2017年工作回顾
文化事业稳步发展。
二、2018年主要任务
主要预期目标是：地区生产总值增长6%左右。
一、城市建设
高标准完成东湖滨河环线绿廊景观建设。推进青禾湾、映川项目建设。建成全国松岚文化示范区。实现澄溪中心主体结构完工。办好第二届映川博览会。力争建成松岚科技园2号楼。积极备战第十五届全市运动会。推进公立医院改革。
篇2
一、2018年工作回顾
——城市建设。高标准建成东湖滨河环线绿道。青禾湾项目竣工。映川项目完成过半。松岚文化示范区建成。澄溪中心主体结构完工。松岚科技园1号楼竣工。成功举办第三届映川博览会。在第十五届全市运动会中表现优异，总成绩位列第一。
二、2019年主要任务
主要预期目标是：地区生产总值增长6%左右。
一、城市建设
澄溪中心实现结构封顶。
篇3
一、2019年工作回顾
——城市建设。澄溪中心结构封顶。
二、2020年主要任务
主要预期目标是：地区生产总值增长6%左右。
`

func TestFollowUps(t *testing.T) {
	for _, text := range []string{followUps, toTraditional(followUps)} {
		c, cs := commitmentsOf(t, text)
		status := map[string]string{}
		mentions := map[string]int{}
		for _, cm := range cs {
			status[cm.Key] = cm.Status
			mentions[cm.Key] = len(cm.Mentions)
		}
		for key, want := range map[string]string{
			"东湖滨河环线绿廊景观": Achieved, // renamed: the leading part kept, the ending changed within its class
			"青禾湾项目":      Achieved, // a list item reported alone
			"映川项目":       Partial,
			"全国松岚文化示范区":  Achieved, // reported with its national qualifier dropped
			"澄溪中心":       Achieved, // the milestone promised next is the one reported
			"第二届映川博览会":   Unreported,
			"松岚科技园2号楼":   Unreported, // 1号楼 is another building
			"第十五届全市运动会":  Achieved,
		} {
			if got, ok := status[key]; !ok || got != want {
				t.Errorf("%s: %q, want %s (found %v)", key, got, want, status)
			}
		}
		// The third fair is not news of the second.
		if mentions["第二届映川博览会"] != 1 {
			t.Errorf("the second fair has %d mentions", mentions["第二届映川博览会"])
		}
		if _, ok := status["公立医院"]; ok {
			t.Error("a kind of thing became a commitment")
		}
		assertMentionQuotes(t, c, cs)
	}
}

// counts is a made-up district: a counted promise reported above and below
// its number, and a building topped out as promised while the next plan
// promises to complete it.
const counts = `篇1
一、2018年工作回顾
文化事业稳步发展。
二、2019年主要任务
主要预期目标是：地区生产总值增长6%左右。
一、城市建设
改造老旧小区100个。澄溪文化中心实现结构封顶。
篇2
一、2019年工作回顾
改造老旧小区105个。澄溪文化中心结构封顶。
二、2020年主要任务
主要预期目标是：地区生产总值增长6%左右。
一、城市建设
改造老旧小区120个。澄溪文化中心实现竣工。
篇3
一、2020年工作回顾
改造老旧小区90个。
二、2021年主要任务
主要预期目标是：地区生产总值增长6%左右。
`

// A count promised with a bound (不少于) and reported in other words (完成某
// 改造) is followed; each plan's count is the promise of its year, judged by
// the next review's number; a missed word of another clause of the sentence
// does not reach it. A plan clause with a copula (是) is no promise.
const yearlyCounts = `篇1
一、2035年工作回顾
文化事业稳步发展。
二、2036年主要任务
主要预期目标是：地区生产总值增长6%左右。
一、城市建设
开工改造城镇甲类小区不少于60个。
篇2
一、2036年工作回顾
完成甲类小区改造61个，乙区体育馆主体完工，丙河公园二期未能按期开工。
二、2037年主要任务
主要预期目标是：地区生产总值增长6%左右。
一、城市建设
新开工改造城镇甲类小区45个。建成丁区文化中心。丁区文化中心是城市建设的重要内容。
篇3
一、2037年工作回顾
完成甲类小区改造40个。
二、2038年主要任务
主要预期目标是：地区生产总值增长6%左右。
`

// A count is achieved when the number reported meets the number promised,
// and partial below it, whatever the status word; a milestone reached as
// promised leaves the project in progress when the next plan promises more.
func TestCountedAndMilestoneStatuses(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]string
	}{
		{"counts and a milestone", counts, map[string]string{
			"老旧小区#个": "partial p1:promised p2:achieved p2:promised p3:partial",
			"澄溪文化中心": "partial p1:promised p2:achieved p2:repeated",
		}},
		{"yearly counts and a copula", yearlyCounts, map[string]string{
			"城镇甲类小区#个": "partial p1:promised p2:achieved p2:promised p3:partial",
			"丁区文化中心":   "unreported p2:promised", // the copula clause is no mention
		}},
	}
	for _, tt := range tests {
		for _, text := range []string{tt.text, toTraditional(tt.text)} {
			c, cs := commitmentsOf(t, text)
			got := map[string]string{}
			for _, cm := range cs {
				got[cm.Key] = cm.Status + " " + mentionStatuses(cm)
			}
			for key, want := range tt.want {
				if got[key] != want {
					t.Errorf("%s: %s: %q, want %q (all: %v)", tt.name, key, got[key], want, got)
				}
			}
			assertMentionQuotes(t, c, cs)
		}
	}
}

func TestExplainCommitments(t *testing.T) {
	c := corpustest.Build(t, followUps)
	vs := ExplainCommitments(align.Classify(c, nil, nil), "公立醫院")
	if len(vs) != 1 {
		t.Fatalf("%d clauses hold the phrase", len(vs))
	}
	if notes := strings.Join(vs[0].Notes, "\n"); !strings.Contains(notes, "no commitment, names a kind of thing") {
		t.Errorf("notes:\n%s", notes)
	}
	vs = ExplainCommitments(align.Classify(c, nil, nil), "映川博览会")
	var notes []string
	for _, v := range vs {
		notes = append(notes, strings.Join(v.Notes, "; "))
	}
	got := strings.Join(notes, "\n")
	for _, want := range []string{"promise verb 办好", "object 第二届映川博览会: a commitment", "speaks of 第二届映川博览会: promised"} {
		if !strings.Contains(got, want) {
			t.Errorf("explanation lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "speaks of 第二届映川博览会: achieved") {
		t.Errorf("the third fair reported as the second:\n%s", got)
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
	if got := mentionStatuses(lib); got != "p1:promised p2:missed p2:repeated p3:achieved" {
		t.Errorf("library mentions %s", got)
	}
	if lib.Status != Achieved {
		t.Errorf("library status %s", lib.Status)
	}
	if lib.Mentions[1].Reason != "受拆遷進度影響" {
		t.Errorf("missed reason %q", lib.Mentions[1].Reason)
	}
	// 三連冠 and 四連冠 are two commitments: the fourth title is promised
	// after the third, which is not said to be won.
	third, fourth := byLabel["全國文明城區“三連冠”"], byLabel["全國文明城區“四連冠”"]
	if len(third.Mentions) != 2 || third.Status != Partial || len(fourth.Mentions) != 1 || fourth.Status != Unreported {
		t.Errorf("titles: %+v\n%+v", third, fourth)
	}
	assertMentionQuotes(t, c, cs)
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

// commitmentsOf reads a made-up corpus and finds its commitments.
func commitmentsOf(t *testing.T, text string) (*corpus.Corpus, []Commitment) {
	t.Helper()
	c := corpustest.Build(t, text)
	return c, FindCommitments(align.Classify(c, nil, nil), CommitmentOptions{})
}

// mentionStatuses lists the report and status of each mention: p1:promised
// p2:achieved ….
func mentionStatuses(cm Commitment) string {
	var st []string
	for _, m := range cm.Mentions {
		st = append(st, m.Unit.Report.ID+":"+m.Status)
	}
	return strings.Join(st, " ")
}

func labels(cs []Commitment) []string {
	var ls []string
	for _, c := range cs {
		ls = append(ls, c.Label)
	}
	return ls
}

func FuzzReadPromise(f *testing.F) {
	f.Add("扎实推进松岚文化中心建设")
	f.Add("推進青禾灣、映川和松嵐專案")
	f.Add("完成35座公厕改造升级")
	f.Add("打造“高精尖”经济结构")
	f.Add("实施甲街、乙巷等6个区域环境提升工程")
	f.Add("- 加快建设壬港口")
	f.Add("办好甲博会、乙交会及首届丙博览会等展会")
	f.Add("推进甲电 厂项目")
	f.Fuzz(func(t *testing.T, s string) {
		c := hanzi.Fold(s)
		p := readPromise(c)
		for _, o := range p.objects {
			if o.from < 0 || o.to > len(c) || o.from > o.to {
				t.Fatalf("object %+v outside %q", o, c)
			}
			if o.name == "" {
				t.Fatalf("an object with no name in %q", c)
			}
		}
		if len(p.objects) == 0 && p.reason == "" {
			t.Fatalf("no object and no reason for %q", c)
		}
	})
}
