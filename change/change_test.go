package change

import (
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/corpus"
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
主要預期目標是:地區生產總值增長6%左右;區級一般公共預算收入增長5%;單位地區生產總值能耗下降達到上級要求。
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

// toTraditional writes the made-up Simplified texts of these tests in
// Traditional script, character by character.
var toTraditional = strings.NewReplacer(
	"万", "萬", "与", "與", "专", "專", "业", "業", "东", "東", "两", "兩", "举", "舉", "产", "產", "亿", "億", "优", "優", "会", "會", "体", "體",
	"债", "債", "关", "關", "准", "準", "划", "劃", "别", "別", "办", "辦", "务", "務", "动", "動", "区", "區", "医", "醫", "单", "單", "发", "發",
	"周", "週", "响", "響", "园", "園", "国", "國", "圆", "圓", "场", "場", "坛", "壇", "复", "復", "实", "實", "对", "對", "届", "屆", "岚", "嵐",
	"并", "並", "开", "開", "异", "異", "强", "強", "总", "總", "战", "戰", "扩", "擴", "拟", "擬", "时", "時", "机", "機", "极", "極", "构", "構",
	"标", "標", "济", "濟", "湾", "灣", "满", "滿", "环", "環", "现", "現", "础", "礎", "积", "積", "税", "稅", "稳", "穩", "线", "線", "经", "經",
	"结", "結", "绩", "績", "绿", "綠", "编", "編", "职", "職", "观", "觀", "规", "規", "览", "覽", "论", "論", "设", "設", "质", "質", "资", "資",
	"赛", "賽", "达", "達", "迁", "遷", "过", "過", "运", "運", "还", "還", "进", "進", "镇", "鎮", "长", "長", "门", "門", "间", "間", "顶", "頂",
	"项", "項", "顾", "顧", "预", "預", "迈", "邁", "阶", "階", "余", "餘", "额", "額", "较", "較", "计", "計",
).Replace

func lineOf(text string, n int) string {
	lines := strings.Split(text, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// assertQuotes checks that every value quotes its report at the line it
// names, and that its figure stands in its quote.
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

// assertMentionQuotes checks that every mention quotes its report at the
// line it names.
func assertMentionQuotes(t *testing.T, c *corpus.Corpus, cs []Commitment) {
	t.Helper()
	for _, cm := range cs {
		for _, m := range cm.Mentions {
			if !strings.Contains(lineOf(m.Unit.Report.Source.Text, m.Line), m.Text) {
				t.Errorf("%s: %q is not on line %d", cm.Label, m.Text, m.Line)
			}
		}
	}
}
