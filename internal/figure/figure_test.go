package figure

import (
	"strings"
	"testing"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		text string
		want []string // text|measure|qualifier|label
	}{
		{"20xx年預計地區生產總值增長7%左右;區級一般公共預算收入完成164.56億元,增長5.5%;城鎮登記失業率控制在0.87 %;",
			[]string{"7%|%|around|地区生产总值增长", "164.56億元|亿元||区级一般公共预算收入", "5.5%|%||区级一般公共预算收入增长", "0.87 %|%|ceiling|城镇登记失业率"}},
		{"国内生产总值增长6%—6.5%；城镇新增就业1100万人以上，城镇调查失业率5.5%左右",
			[]string{"6%—6.5%|%||国内生产总值增长", "1100万人|万人|floor|城镇新增就业", "5.5%|%|around|城镇调查失业率"}},
		{"引進2~3家總部企業，第3屆戲劇節，2015年3月5日，PM2.5濃度", []string{"2~3家|家||引进"}},
		{"力爭社會消費品零售額增長8%", []string{"8%|%|aspirational|社会消费品零售额增长"}},
		{"棚户区住房改造620多万套，新建改建高速公路6000多公里，资助学生近1亿人次",
			[]string{"620多万套|万套|floor|棚户区住房改造", "6000多公里|公里|floor|新建改建高速公路", "1亿人次|亿人次||资助学生"}},
		{"粮食总产量保持在1.3万亿斤以上，总量突破90万亿元，能耗降低5.5%", []string{"1.3万亿斤|万亿斤|floor|粮食总产量", "90万亿元|万亿元||总量", "5.5%|%||能耗降低"}},
		{"新增1000余人，20多个", []string{"1000余人|人|floor|新增", "20多个|个|floor|"}},
		{"单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%", []string{"13.5%|%||单位国内生产总值能耗降低", "18%|%||二氧化碳排放降低"}},
		{"出口和進口分別增長8%和9.5%", []string{"8%|%||出口增长", "9.5%|%||进口增长"}},
		{"城鎮和農村居民收入分別增長8%和9.5%", []string{"8%|%||城镇居民收入增长", "9.5%|%||农村居民收入增长"}},
		{"甲乙丙分别增长3%、4%", []string{"3%|%||甲乙丙分别增长", "4%|%||"}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range Extract(tt.text) {
			if tt.text[f.Start:f.End] != f.Text {
				t.Errorf("%q: offsets do not hold %q", tt.text, f.Text)
			}
			got = append(got, strings.Join([]string{f.Text, f.Measure, f.Qualifier, Key(f.Label)}, "|"))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Extract(%q):\n%s\nwant:\n%s", tt.text, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
	for text, want := range map[string]string{"增長7%左右。": "7%左右", "控制在2%以內": "2%以內", "完成164.56億元,": "164.56億元"} {
		if got := Extract(text)[0].Qualified; got != want {
			t.Errorf("Extract(%q): qualified %q, want %q", text, got, want)
		}
	}
	if f := Extract("增長6.5%—7%")[0]; !f.Range || f.Low != 6.5 || f.High != 7 {
		t.Errorf("range: %+v", f)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("地區生產總值增長7%左右,完成164.56億元")
	f.Add("6%—6.5%，2~3家，0.87 %以內")
	f.Fuzz(func(t *testing.T, s string) {
		for _, fig := range Extract(s) {
			if fig.Start < 0 || fig.End > len(s) || fig.Start > fig.End || s[fig.Start:fig.End] != fig.Text {
				t.Fatalf("bad offsets %+v", fig)
			}
		}
	})
}
