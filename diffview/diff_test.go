package diffview

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/corpus/corpustest"
	"github.com/reportdiff/reportdiff/internal/figure"
)

// marked writes ops as text with [-…-] and {+…+}.
func marked(ops []Op) string {
	var b strings.Builder
	for _, op := range ops {
		switch op.Kind {
		case Equal:
			b.WriteString(op.Text)
		case Delete:
			b.WriteString("[-" + op.Text + "-]")
		case Insert:
			b.WriteString("{+" + op.Text + "+}")
		}
	}
	return b.String()
}

// TestDiffCases reads testdata/*.txtar: a note saying why the expected
// output is right, then old, new and want.
func TestDiffCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		parts := map[string]string{}
		for _, file := range ar.Files {
			parts[file.Name] = strings.TrimSuffix(string(file.Data), "\n")
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			ops := Diff(parts["old"], parts["new"], Options{})
			if got := marked(ops); got != parts["want"] {
				t.Errorf("%s\n got: %s\nwant: %s", strings.TrimSpace(string(ar.Comment)), got, parts["want"])
			}
			assertRoundTrip(t, parts["old"], parts["new"], ops)
		})
	}
}

func assertRoundTrip(t *testing.T, a, b string, ops []Op) {
	t.Helper()
	if got := Rebuild(ops, Delete); got != a {
		t.Fatalf("equal+delete ops rebuild %q, want %q", got, a)
	}
	if got := Rebuild(ops, Insert); got != b {
		t.Fatalf("equal+insert ops rebuild %q, want %q", got, b)
	}
	for _, op := range ops {
		switch op.Kind {
		case Equal, Delete:
			if !strings.HasPrefix(a[op.AStart:], op.Text) {
				t.Fatalf("op %+v is not at its offset in the old text", op)
			}
		}
		if op.Kind != Delete && !strings.HasPrefix(b[op.BStart:], op.Text) {
			t.Fatalf("op %+v is not at its offset in the new text", op)
		}
	}
}

func TestDiffOptions(t *testing.T) {
	a, b := "20xx年全區完成,任務。", "2016年全區完成，任務。"
	if Changed(Diff(a, b, Options{IgnoreYears: true, IgnorePunctWidth: true})) {
		t.Errorf("years and punctuation width should be ignored: %s", marked(Diff(a, b, Options{IgnoreYears: true, IgnorePunctWidth: true})))
	}
	ops := Diff(a, b, Options{IgnoreYears: true, IgnorePunctWidth: true})
	assertRoundTrip(t, a, b, ops)
	if !Changed(Diff(a, b, Options{})) {
		t.Error("without the options the texts differ")
	}
	if got := marked(Diff(a, b, Options{IgnoreYears: true})); !strings.Contains(got, "[-,-]{+，+}") {
		t.Errorf("punctuation width still counts without its option: %s", got)
	}
}

// TestIgnoreYearsEveryDigit: a year is one word, ignored on request, in
// ASCII, full-width and Chinese-numeral digits; a number that is no year,
// or digits of two kinds, is not.
func TestIgnoreYearsEveryDigit(t *testing.T) {
	for _, tt := range []struct {
		a, b    string
		ignored bool
	}{
		{"2035年完成任務。", "2036年完成任務。", true},
		{"２０３５年完成任務。", "２０３６年完成任務。", true},
		{"二〇三五年完成任务。", "二〇三六年完成任务。", true},
		{"二○三五年完成任務。", "二零三六年完成任務。", true},
		{"全市完成二〇三五年任务。", "全市完成二〇三六年任务。", true},
		{"全市完成２０３５年任務。", "全市完成２０３６年任務。", true},
		{"20xx年完成任務。", "2036年完成任務。", true},
		{"1035年完成任務。", "1036年完成任務。", false},
		{"完成任務3035件。", "完成任務3036件。", false},
		{"２0３５年完成任務。", "２0３６年完成任務。", false},
	} {
		ops := Diff(tt.a, tt.b, Options{IgnoreYears: true})
		assertRoundTrip(t, tt.a, tt.b, ops)
		if Changed(ops) == tt.ignored {
			t.Errorf("%s → %s: %s (ignored: want %v)", tt.a, tt.b, marked(ops), tt.ignored)
		}
	}
}

// TestIgnoreScript: a text in Simplified and its Traditional copy are the
// same words when the script is ignored, 着 and its Traditional form 著
// included; a real edit still shows.
func TestIgnoreScript(t *testing.T) {
	a, b := "着力推进某区建设，成效显著。", "著力推進某區建設，成效顯著。"
	if ops := Diff(a, b, Options{IgnoreScript: true}); Changed(ops) {
		t.Errorf("same words in two scripts: %s", marked(ops))
	}
	if !Changed(Diff(a, b, Options{})) {
		t.Error("without the option the characters differ")
	}
	if !Changed(Diff(a, "著力推進某區建設，成效明顯。", Options{IgnoreScript: true})) {
		t.Error("a real edit is hidden")
	}
}

func FuzzDiffRoundTrip(f *testing.F) {
	f.Add("地區生產總值增長7%左右", "地區生產總值增長6%左右")
	f.Add("加強全民國防教育,優化雙擁優撫體系。", "加強軍民融合發展。")
	f.Add("", "新增")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		for _, o := range []Options{{}, {IgnoreYears: true, IgnorePunctWidth: true}, {IgnoreScript: true}} {
			assertRoundTrip(t, a, b, Diff(a, b, o))
		}
	})
}

// TestCompareMoved builds two small reports where a sentence of one
// paragraph moves, nearly word for word, to another paragraph, and checks
// that the diff marks it moved, names where it went, and still rebuilds
// both texts.
func TestCompareMoved(t *testing.T) {
	text := `篇1
20xx年工作回顧
一、環境建設
大氣污染治理成效明顯。完成燃煤鍋爐清潔能源改造120台。完成35座旱廁改造升級,實現消除環衛旱廁目標。
二、文化建設
文化惠民成果顯著。舉辦第三屆戲劇節,新建社區文化室12個。
20xx年工作任務
甲。
篇2
20xx年工作回顧
一、環境建設
大氣污染治理持續推進。完成燃煤鍋爐清潔能源改造200台。
二、文化建設
文化惠民力度加大。舉辦第四屆戲劇節,新建社區文化室8個。完成區屬35座旱廁改造升級,實現了消除環衛旱廁目標。
20xx年工作任務
乙。
`
	c := corpustest.Build(t, text)
	a, b := c.Reports[0], c.Reports[1]
	themes := align.Classify(c, nil, []*corpus.Report{a, b})
	opts := align.DefaultOptions()
	opts.MinScore = 0 // pair everything that shares a word: the moved sentences are what is tested
	cmp := Compare(themes, a, b, align.Pair(themes, a, b, opts), Options{})
	var moved []string
	for _, p := range cmp.Pairs {
		if p.From != nil && p.To != nil {
			assertRoundTrip(t, p.From.Text, p.To.Text, p.Ops)
		}
		for _, op := range p.Ops {
			if op.Moved {
				moved = append(moved, string(op.Kind)+"→"+op.MovedTo)
			}
		}
	}
	if strings.Join(moved, " ") != "insert→p1.1 delete→p2.2" { // culture comes before environment in the lexicon
		t.Errorf("moved ops %v", moved)
	}
	if !cmp.Changed() {
		t.Error("the reports differ")
	}
}

// TestMatchFiguresByWhatTheyMeasure checks that figures pair by what they
// measure: a renamed indicator pairs with its old self, but two industries'
// shares of GDP do not pair because both labels hold 增加值占GDP, which every
// share in the paragraph holds.
func TestMatchFiguresByWhatTheyMeasure(t *testing.T) {
	old := figure.Extract("甲产业增加值占GDP的30%，乙产业增加值占GDP的12%，丙产业增加值占GDP的9%，城镇居民人均可支配收入增长6%。")
	new := figure.Extract("甲产业增加值占GDP比重达到31%，丁产业增加值占GDP比重达到10%，居民人均可支配收入增长5.5%。")
	got := map[string]string{}
	for i, j := range MatchFigures(old, new) {
		if j >= 0 {
			got[old[i].Text] = new[j].Text
		}
	}
	want := map[string]string{"30%": "31%", "6%": "5.5%"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pairs %v, want %v", got, want)
	}
}
