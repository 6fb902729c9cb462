package hanzi

import (
	"bytes"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/gentest"
)

func TestParseNumeral(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"一", 1, true}, {"十", 10, true}, {"十二", 12, true}, {"二十", 20, true}, {"六十五", 65, true},
		{"一百", 100, true}, {"一百零五", 105, true}, {"八百六十", 860, true}, {"兩", 2, true},
		{"", 0, false}, {"甲", 0, false}, {"零", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumeral(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseNumeral(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for n := 1; n < 100; n++ {
		if got, ok := ParseNumeral(FormatNumeral(n)); !ok || got != n {
			t.Errorf("round trip of %d through %q gave %d", n, FormatNumeral(n), got)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"東城區政府工作報告", "东城区政府工作报告"},
		{"工作回顧", "工作回顾"},
		{"增長７．５％", "增长7.5%"},
		{"简体不变", "简体不变"},
		{"二○二一年、二◯二二年", "二〇二一年、二〇二二年"},
		// 著 where it is 着, not where it is 著.
		{"著力推進，隨著發展，成效顯著", "着力推进，随着发展，成效显著"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		f, idx := FoldMap(tt.in)
		if f != tt.want || len(idx) != len(f)+1 || idx[len(f)] != len(tt.in) {
			t.Errorf("FoldMap(%q) = %q, %v", tt.in, f, idx)
		}
	}
}

func TestWidth(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{{"abc", 3}, {"東城", 4}, {"增長7%", 6}, {"，", 2}, {"", 0}}
	for _, tt := range tests {
		if got := Width(tt.in); got != tt.want {
			t.Errorf("Width(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
	if got := Truncate("東城區政府", 7); got != "東城區…" || Width(got) > 7 {
		t.Errorf("Truncate = %q", got)
	}
	if !LooksTraditional("東城區政府工作報告") || LooksTraditional("东城区政府工作报告") {
		t.Error("LooksTraditional")
	}
}

// TestFoldQuotes checks that corner brackets fold to quotation marks, so a
// name quoted 「…」 in a Traditional text matches one quoted “…” in a
// Simplified one, and that folding keeps the number of runes.
func TestFoldQuotes(t *testing.T) {
	for in, want := range map[string]string{
		"推進「四好農村路」建設": "推进“四好农村路”建设",
		"『十四五』":       "‘十四五’",
		"“双拥”":        "“双拥”",
	} {
		got := Fold(in)
		if got != want || len([]rune(got)) != len([]rune(in)) {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestT2STable checks that t2s_table.go is what gent2s makes of t2s.tsv
// (run go generate ./internal/hanzi after changing the table), and that
// the tables fold every character of the file's 4,000 lines and more as
// its line says, to a character they leave as it is.
func TestT2STable(t *testing.T) {
	want := gentest.Output(t, "gent2s/main.go", "t2s.tsv")
	tsv, err := os.ReadFile("t2s.tsv")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("t2s_table.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("t2s_table.go (%d bytes) is not what gent2s makes of t2s.tsv (%d bytes): run go generate ./internal/hanzi", len(got), len(want))
	}
	n := 0
	for _, line := range strings.Split(string(tsv), "\n") {
		tr, sr, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		n++
		r, s := []rune(tr)[0], []rune(sr)[0]
		want := s
		if hasSimplified(s) {
			want = FoldRune(s) // a form the table folds again (薴 苧, 苧 苎): its end
		}
		if got := FoldRune(r); got != want || FoldRune(got) != got {
			t.Errorf("FoldRune(%q) = %q (folded again %q); t2s.tsv says %q", r, got, FoldRune(got), s)
		}
		if !hasSimplified(r) {
			t.Errorf("hasSimplified(%q) = false", r)
		}
		if simplifiedOnly(r) {
			t.Errorf("simplifiedOnly(%q) = true for a Traditional form", r)
		}
		if s != r && !hasSimplified(s) && !simplifiedOnly(s) {
			t.Errorf("simplifiedOnly(%q) = false; it is the Simplified form of %q", s, r)
		}
	}
	if n < 4000 {
		t.Errorf("t2s.tsv holds %d pairs; it had over 4,000", n)
	}
}

// TestTruncateStopsEarly checks Truncate and AppendTruncated, which read
// no more of a text than they need, against the plain definition: measure
// the whole text, and when it does not fit keep what fits before an
// ellipsis; on random texts of wide, narrow and zero-width characters and
// widths from -1 on.
func TestTruncateStopsEarly(t *testing.T) {
	plain := func(s string, width int) string {
		if Width(s) <= width {
			return s
		}
		if width <= 0 {
			return ""
		}
		w, kept := 0, ""
		for _, r := range s {
			if w+RuneWidth(r) > width-1 {
				break
			}
			kept += string(r)
			w += RuneWidth(r)
		}
		return kept + "…"
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pool := []rune("甲乙丙ab1 \u0301\u200b\x07…")
	for range 2000 {
		rs := make([]rune, rng.IntN(30))
		for i := range rs {
			rs[i] = pool[rng.IntN(len(pool))]
		}
		s, width := string(rs), rng.IntN(32)-1
		want := plain(s, width)
		if got := Truncate(s, width); got != want {
			t.Fatalf("Truncate(%q, %d) = %q, want %q", s, width, got, want)
		}
		if got := string(AppendTruncated([]byte("x"), s, width)); got != "x"+want {
			t.Fatalf("AppendTruncated(%q, %d) = %q, want %q", s, width, got, "x"+want)
		}
	}
}

// TestScriptTallyAdds checks that the tallies of the two pieces of a text,
// cut between any two characters, add up to the text's, and that the tally
// is the one counted rune by rune (tallyByRune), characters of four bytes
// and bytes that are no UTF-8 among them.
func TestScriptTallyAdds(t *testing.T) {
	for _, s := range []string{"东城区政府工作报告：们这发", "東城區政府工作報告們這發", "混合：们們 abc \xff 發", "", "𠁞𠀾發\xf0\xa0\x81們\xe0\x80\x80这"} {
		whole := TallyScript(s)
		if want := tallyByRune(s); whole != want {
			t.Errorf("TallyScript(%q) = %+v, counted rune by rune %+v", s, whole, want)
		}
		for i := range s {
			if got := TallyScript(s[:i]).Add(TallyScript(s[i:])); got != whole {
				t.Errorf("%q cut at %d: %+v, want %+v", s, i, got, whole)
			}
		}
	}
	if got := (ScriptTally{Traditional: 3, Simplified: 1}).Script(); got != Traditional {
		t.Errorf("3 Traditional, 1 Simplified: %q", got)
	}
}

// tallyByRune is TallyScript as ScriptOf first counted, ranging over s:
// what TallyScript, which decodes the three bytes of a Han character
// inline, must give.
func tallyByRune(s string) ScriptTally {
	var t ScriptTally
	for _, r := range s {
		if r < 0x2E80 {
			continue
		}
		if f := FoldRune(r); f != r && IsHan(r) {
			t.Traditional++
		} else if simplifiedOnly(r) {
			t.Simplified++
		}
	}
	return t
}

// DecodeRune decodes what a range over a string decodes, character by
// character: on constructed texts of Han characters of both planes, ASCII,
// two-byte characters, surrogates written in UTF-8 and bytes that are no
// UTF-8 (a lead without its continuation, a lone continuation, a text cut
// inside a character).
func TestDecodeRune(t *testing.T) {
	parts := []string{"甲", "乙", "𠀀", "a", "é", "\xed\xa0\x80", "\xe0\x80\x80", "\xe4\xb8", "\x80", "\xff", "，", "\xef\xbf\xbd"}
	rng := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for k := rng.IntN(12); k > 0; k-- {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		var want, got []rune
		var wantAt, gotAt []int
		for i, r := range s {
			want, wantAt = append(want, r), append(wantAt, i)
		}
		for i := 0; i < len(s); {
			r, size := DecodeRune(s, i)
			got, gotAt = append(got, r), append(gotAt, i)
			i += size
		}
		if !slices.Equal(got, want) || !slices.Equal(gotAt, wantAt) {
			t.Fatalf("%q: runes %U at %v, want %U at %v", s, got, gotAt, want, wantAt)
		}
	}
}

// TestWordVariantsTable checks the word variants against what variant
// assumes of them: the first character of each is in the Basic
// Multilingual Plane (variantStarts has a bit for those only; one beyond it
// would make the package's start panic), and both of its characters are
// already folded, as the text it is looked for in is.
func TestWordVariantsTable(t *testing.T) {
	for k, v := range wordVariants {
		if k[0] < 0 || k[0] >= 1<<16 {
			t.Errorf("word variant %c%c opens beyond the Basic Multilingual Plane", k[0], k[1])
		}
		if FoldRune(k[0]) != k[0] || FoldRune(k[1]) != k[1] {
			t.Errorf("word variant %c%c is not folded", k[0], k[1])
		}
		if got, ok := variant(k[0], k[1]); !ok || got != v {
			t.Errorf("variant(%c, %c) = %c%c, %v; want %c%c", k[0], k[1], got[0], got[1], ok, v[0], v[1])
		}
	}
}

// TestRuneCount checks RuneCount against ranging over the string, bytes
// that are no UTF-8 among them, from every starting byte.
func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "abc", "政府工作報告2035年", "政府\xe5\x85", "\xff\xfe漢", "\xe4\xb8\xad\xe6", "𠀀a\u3000", "\xed\xa0\x80", "\xe0\x80\x80"} {
		for i := 0; i <= len(s); i++ {
			if got, want := RuneCount(s[i:]), utf8.RuneCountInString(s[i:]); got != want {
				t.Errorf("RuneCount(%q) = %d, want %d", s[i:], got, want)
			}
		}
	}
}

// TestAppendRunes checks that AppendRunes appends what []rune(s) holds,
// a byte that is no UTF-8 as U+FFFD, after what dst held.
func TestAppendRunes(t *testing.T) {
	for _, s := range []string{"", "abc", "政府工作報告", "2036年“十六五”", "\xffx\xe4\xb8", "𠀋字"} {
		dst := []rune{'>'}
		if got, want := AppendRunes(dst, s), append([]rune{'>'}, []rune(s)...); !slices.Equal(got, want) {
			t.Errorf("AppendRunes(%q) = %q, want %q", s, string(got), string(want))
		}
	}
}
