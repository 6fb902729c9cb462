package ledscan

import (
	"regexp"
	"slices"
	"testing"
)

// Expressions of the kind the packages use: a number, a range, a unit.
var exprs = []string{
	`([0-9]+(?:\.[0-9]+)?)(\s*(?:%|‰))?(?:\s*(?:—|–|-|－|~|～|至|到)\s*([0-9]+(?:\.[0-9]+)?)(\s*(?:%|‰))?)?`,
	`[0-9]+(?:\.[0-9]+)?(?:%|万|亿|个|户|家|项|条|所|座|平方米|公里|人|套|栋|处|元)`,
	`[0-9]{4}年`,
}

func check(t *testing.T, s string) {
	t.Helper()
	for _, expr := range exprs {
		want := regexp.MustCompile(expr).FindAllStringSubmatchIndex(s, -1)
		got := MustCompile(expr).FindAllStringSubmatchIndex(s)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("%s on %q: %v, regexp gives %v", expr, s, got, want)
		}
		wantLoc := regexp.MustCompile(expr).FindAllStringIndex(s, -1)
		if gotLoc := MustCompile(expr).FindAllStringIndex(s); !slices.EqualFunc(gotLoc, wantLoc, slices.Equal) {
			t.Fatalf("%s on %q: %v, regexp gives %v", expr, s, gotLoc, wantLoc)
		}
	}
}

func TestSameAsRegexp(t *testing.T) {
	for _, s := range []string{
		"", "增长6.5%左右，", "由8.8%降至6.5%—7%", "新建12个驿站和3处公园，投资2.5亿元", "2019年2020年",
		"1.2.3", "5-", "7 % 到 8 %", "x9y", "12345年年", "0.", "\xff1\xfe2%",
		"推进“松岚智慧街区”建设和《某某条例》“甲”", "““甲乙丙”", "“甲乙\xe2\x80", "第五届第十次", "「甲乙」」",
	} {
		check(t, s)
	}
}

func FuzzSameAsRegexp(f *testing.F) {
	for _, s := range []string{"增长6.5%左右", "由8.8%降至6.5%—7%", "2019年", "12个", "1.2.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { check(t, s) })
}
