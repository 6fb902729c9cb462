package figure

import (
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/lazyre"
)

// TestExpressionsCompile compiles every expression of the package, which
// are compiled on first use: a bad one fails here, not in a run.
func TestExpressionsCompile(t *testing.T) {
	if expr, err := lazyre.All(); err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // text|measure|qualifier|key of the label
	}{
		{"headline paragraph", "20xx年預計地區生產總值增長7%左右;區級一般公共預算收入完成12.34億元,增長5.5%;城鎮登記失業率控制在0.87 %;",
			[]string{"7%|%|around|地区生产总值增长", "12.34億元|亿元||区级一般公共预算收入", "5.5%|%||区级一般公共预算收入增长", "0.87 %|%|ceiling|城镇登记失业率"}},
		{"ranges and floors", "国内生产总值增长6%—6.5%；城镇新增就业1100万人以上，城镇调查失业率5.5%左右",
			[]string{"6%—6.5%|%||国内生产总值增长", "1100万人|万人|floor|城镇新增就业", "5.5%|%|around|城镇调查失业率"}},
		// A counted figure after a bare verb is named by what it counts.
		{"not figures", "引進2~3家總部企業，第3屆戲劇節，2015年3月5日，PM2.5濃度", []string{"2~3家|家||引进总部企业"}},
		{"aspiration", "力爭社會消費品零售額增長8%", []string{"8%|%|aspirational|社会消费品零售额增长"}},
		// Concentrations count in their own units.
		{"concentration", "PM2.5平均濃度控制在30微克/立方米以內", []string{"30微克/立方米|微克/立方米|ceiling|pm2.5平均浓度"}},
		{"approximations", "棚户区住房改造620多万套，新建改建高速公路6000多公里，资助学生近1亿人次",
			[]string{"620多万套|万套|floor|棚户区住房改造", "6000多公里|公里|floor|新建改建高速公路", "1亿人次|亿人次||资助学生"}},
		{"magnitudes", "粮食总产量保持在1.3万亿斤以上，能耗降低5.5%", []string{"1.3万亿斤|万亿斤|floor|粮食总产量", "5.5%|%||能耗降低"}},
		{"bare counts", "新增1000余人，20多个", []string{"1000余人|人|floor|新增", "20多个|个|floor|"}},
		{"respectively", "单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%", []string{"13.5%|%||单位国内生产总值能耗降低", "18%|%||二氧化碳排放降低"}},
		{"respectively, Traditional", "出口和進口分別增長8%和9.5%", []string{"8%|%||出口增长", "9.5%|%||进口增长"}},
		{"respectively, shared head", "城鎮和農村居民收入分別增長8%和9.5%", []string{"8%|%||城镇居民收入增长", "9.5%|%||农村居民收入增长"}},
		{"respectively, names listed with 、", "城鎮、農村居民收入分別增長8%、9%", []string{"8%|%||城镇居民收入增长", "9%|%||农村居民收入增长"}},
		{"respectively, names listed with 、, Simplified", "出口、进口分别下降3%、4%", []string{"3%|%||出口下降", "4%|%||进口下降"}},
		{"respectively, groups of the subject before", "居民收入增長7.5%左右，其中城鎮和農村分別增長7%左右和8%以上", []string{"7.5%|%|around|居民收入增长", "7%|%|around|城镇居民收入增长", "8%|%|floor|农村居民收入增长"}},
		{"respectively, a name with no measure", "甲產業和乙產業增加值佔工業比重分別達到40%和20%", []string{"40%|%||甲产业增加值占工业比重", "20%|%||乙产业增加值占工业比重"}},
		{"respectively, a pair in one word", "城鄉居民人均可支配收入分別增長8%和9%以上", []string{"8%|%||城镇居民人均可支配收入增长", "9%|%|floor|农村居民人均可支配收入增长"}},
		// One name for two figures: the list is left alone, the second
		// figure shares the subject of the first.
		{"respectively, unpaired", "甲乙丙分别增长3%、4%", []string{"3%|%||甲乙丙分别增长", "4%|%||甲乙丙分别"}},
		// 由A降至B: B is the level reached, A the base.
		{"change down", "關稅總水平由8.8%降至6.5%", []string{"8.8%|%||关税总水平", "6.5%|%||关税总水平降至"}},
		{"change up", "某项收入由5432亿元增加到8765亿元", []string{"5432亿元|亿元||某项收入", "8765亿元|亿元||某项收入增加到"}},
		{"change with words around the figures", "国内生产总值从不到70万亿元增加到超过100万亿元", []string{"70万亿元|万亿元||国内生产总值", "100万亿元|万亿元|floor|国内生产总值增加到"}},
		// A clause with no subject of its own takes the clause before's.
		{"level after 过万亿", "全市地區生產總值過萬億，達到10234億元，增長6%", []string{"10234億元|亿元||地区生产总值", "6%|%||地区生产总值增长"}},
		{"headless share", "六大重點產業保持良好勢頭，預計實現增加值佔GDP的67%", []string{"67%|%||六大重点产业增加值占gdp的"}},
		{"headless share, Simplified", "高新技术产业发展加快，增加值占全省生产总值的比重达到10.5%", []string{"10.5%|%||高新技术产业增加值占全省生产总值的比重"}},
		{"subject carried by a direction", "第三产业实现增加值2880亿元，增长12.6%", []string{"2880亿元|亿元||第三产业实现增加值", "12.6%|%||第三产业实现增加值增长"}},
		{"subject of the figure before", "整治地下空间228处、28.4万平方米，佔總量的84.5%",
			[]string{"228处|处||整治地下空间", "28.4万平方米|万平方米||整治地下空间", "84.5%|%||整治地下空间占总量的"}},
		{"object after a bare verb", "新建12個文化驛站，同時發行1萬億元特別國債", []string{"12個|个||新建文化驿站", "1萬億元|万亿元||发行特别国债"}},
		{"no object after a percentage", "增長8%城鎮", []string{"8%|%||增长"}},
		// The subject of a clause ends where a verb of progress begins (迈上新
		// 台阶), and a growth figure after a total takes it over.
		{"subject before a verb of progress", "全年甲省生產總值邁上新台階，總量突破3萬億元，增長5.2%",
			[]string{"3萬億元|万亿元||甲省生产总值总量", "5.2%|%||甲省生产总值增长"}},
		{"subject before a verb of progress, Simplified", "乙市生产总值跨上新台阶，总量突破9000亿元，增长4.8%",
			[]string{"9000亿元|亿元||乙市生产总值总量", "4.8%|%||乙市生产总值增长"}},
		{"a direction compared with last year", "甲項收入完成12億元，較上年增長5%", []string{"12億元|亿元||甲项收入", "5%|%||甲项收入较上年增长"}},
		// A parenthesis closed before the figure belongs to its name.
		{"a closed parenthesis", "全省生產總值（GDP）突破6000億元，新（改）建農村公路1.2萬公里",
			[]string{"6000億元|亿元||生产总值（gdp）", "1.2萬公里|万公里||新（改）建农村公路"}},
		{"a parenthesis holding a list", "過百億元的縣（市、區）新增12個", []string{"12個|个||过百亿元的县（市、区）新增"}},
		{"a numbered item", "（3）地方財政收入增長10%以上", []string{"3|||", "10%|%|floor|地方财政收入增长"}},
		// A grade is no count; a number in a name does not part the clause.
		{"a grade", "建成某港30萬噸級泊位2個", []string{"2個|个||建成某港30万吨级泊位"}},
		{"a number in a name", "世界500強企業新增3家", []string{"500|||世界", "3家|家||世界500强企业新增"}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range Extract(tt.text) {
			if tt.text[f.Start:f.End] != f.Text {
				t.Errorf("%s: offsets do not hold %q", tt.name, f.Text)
			}
			got = append(got, strings.Join([]string{f.Text, f.Measure, f.Qualifier, strings.ToLower(Key(f.Label))}, "|"))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: Extract(%q):\n%s\nwant:\n%s", tt.name, tt.text, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
	for text, want := range map[string]string{"增長7%左右。": "7%左右", "控制在2%以內": "2%以內", "完成12.34億元,": "12.34億元"} {
		if got := Extract(text)[0].Qualified; got != want {
			t.Errorf("Extract(%q): qualified %q, want %q", text, got, want)
		}
	}
	if f := Extract("增長6.5%—7%")[0]; !f.Range || f.Low != 6.5 || f.High != 7 {
		t.Errorf("range: %+v", f)
	}
}

func TestChangeBase(t *testing.T) {
	for _, text := range []string{"某項收入由5432億元增加到8765億元", "某项收入从5432亿元增加到8765亿元"} {
		fs := Extract(text)
		if len(fs) != 2 || !fs[0].Base || fs[1].Base || fs[1].From != "5432億元" && fs[1].From != "5432亿元" || fs[1].FromValue != 5432 || fs[1].Value != 8765 {
			t.Errorf("%s: %+v", text, fs)
		}
	}
	// Two figures one after the other, no change between them.
	if fs := Extract("收入5432億元，支出8765億元"); len(fs) != 2 || fs[0].Base || fs[1].From != "" {
		t.Errorf("no change: %+v", fs)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("地區生產總值增長7%左右,完成12.34億元")
	f.Add("6%—6.5%，2~3家，0.87 %以內")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, fig := range Extract(s) {
			if fig.Start < prev || fig.End > len(s) || fig.Start > fig.End || s[fig.Start:fig.End] != fig.Text {
				t.Fatalf("bad offsets %+v", fig)
			}
			prev = fig.End
		}
	})
}

// hasDigit agrees with folding: a text has a digit when its fold has an
// ASCII one.
func TestHasDigit(t *testing.T) {
	for _, s := range []string{"", "增长", "增长6%", "增长６％", "０", "９", "\uff1a", "\xef\xbc", "十二个", "Ｘ", "\xef\xbc\x99"} {
		if got, want := hasDigit(s), strings.ContainsAny(hanzi.Fold(s), "0123456789"); got != want {
			t.Errorf("hasDigit(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPairedNamesKeepScript: the two names a subject of two groups stands
// for are written in the subject's script.
func TestPairedNamesKeepScript(t *testing.T) {
	for text, want := range map[string][2]string{
		"城鄉居民收入分別增長9.2%、10.4%。": {"城鎮居民收入增長", "農村居民收入增長"},
		"城乡居民收入分别增长9.2%、10.4%。": {"城镇居民收入增长", "农村居民收入增长"},
	} {
		fs := Extract(text)
		if len(fs) != 2 || fs[0].Label != want[0] || fs[1].Label != want[1] {
			t.Errorf("%s: %+v, want labels %v", text, fs, want)
		}
	}
}

// TestOffsetsAsFoldMap checks that offsets maps every byte offset of a
// folded text (and its end) as hanzi.FoldMap does, for texts that fold to
// texts of their shape, whose offsets are read off the text, and for texts
// that do not: Simplified and Traditional characters, full-width digits
// (three bytes folded to one), a word variant, four-byte characters, bytes
// that are no UTF-8.
func TestOffsetsAsFoldMap(t *testing.T) {
	for _, text := range []string{
		"", "abc 12.5%", "国内生产总值增长6%—6.5%，城镇新增就业1100万人以上",
		"國內生產總值增長６%，城鎮新增就業", "國內生產總值增長6%，城鎮新增就業", "加强社群营造", "𠀀字𪚥12亿元", "收入\xff增长5%", "增长６\xff%", "增长5%\xe4",
	} {
		folded := hanzi.Fold(text)
		o := offsets{text: text}
		if !sameShape(text, folded) {
			o.fold = hanzi.FoldIndex(text, folded)
		}
		_, want := hanzi.FoldMap(text)
		for i := 0; i <= len(folded); i++ {
			if got := o.at(i); got != want[i] {
				t.Errorf("%q: offset %d of the folded text is %d, want %d", text, i, got, want[i])
			}
		}
	}
}
