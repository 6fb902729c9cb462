package segment

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

func words(s string) string {
	f := hanzi.Fold(s)
	rs := []rune(s)
	var out []string
	i := 0
	for _, l := range Lengths(f) {
		out = append(out, string(rs[i:i+l]))
		i += l
	}
	return strings.Join(out, "/")
}

func TestLengths(t *testing.T) {
	tests := []struct{ in, want string }{
		{"加強全民國防教育", "加強/全民/國防/教育"},
		{"地区生产总值增长", "地区/生产总值/增长"},
		{"推进城市管理体制改革", "推进/城市/管理/体制/改革"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := words(tt.in); got != tt.want {
			t.Errorf("%q: %s, want %s", tt.in, got, tt.want)
		}
	}
}

func FuzzLengths(f *testing.F) {
	f.Add("加強全民國防教育和國防後備力量建設")
	f.Fuzz(func(t *testing.T, s string) {
		n := 0
		for _, l := range Lengths(s) {
			if l < 1 || l > 4 {
				t.Fatalf("word of %d runes", l)
			}
			n += l
		}
		if n != utf8.RuneCountInString(s) {
			t.Fatalf("lengths add up to %d, the text has %d runes", n, utf8.RuneCountInString(s))
		}
	})
}

// BenchmarkLoad measures reading the word list.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		dictOnce = sync.Once{}
		load()
	}
}
