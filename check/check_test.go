package check

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/corpus"
)

// report writes a constructed work report delivered in year y, whose review
// says the economy grew by gdp. Its paragraphs are one a line; its other
// figures change with the year, so that the reports of two years share few
// lines.
func report(y int, gdp string) string {
	n := func(base int) string { return strconv.Itoa(base + y%7) }
	return strings.Join([]string{
		"各位代表：",
		"现在，我代表市人民政府，向大会报告工作，请予审议。",
		"一、" + strconv.Itoa(y-1) + "年工作回顾",
		"过去一年，全市生产总值增长" + gdp + "，一般公共预算收入增长" + n(3) + "%。",
		"（一）产业转型取得新进展",
		"新建智能制造示范工厂" + n(10) + "家，高新技术企业达到" + n(800) + "家。",
		"（二）城市建设迈出新步伐",
		"建成市民文化中心。完成老旧小区改造" + n(100) + "个。",
		"二、" + strconv.Itoa(y) + "年工作安排",
		"今年主要预期目标是：全市生产总值增长6%左右，城镇新增就业" + n(5) + "万人以上。",
		"（一）推动产业转型升级",
		"力争建成科技创新中心，培育高新技术企业" + n(90) + "家。",
		"（二）提升城市品质",
		"完成滨江公园建设，改造老旧小区" + n(70) + "个。",
		"加强生态环境保护，空气质量优良天数比例达到" + n(80) + "%。",
		"各位代表，让我们团结奋斗，再创佳绩！",
		"",
	}, "\n")
}

// memVersion is a version of a corpus held in memory; reads counts the
// files it was asked for.
func memVersion(name string, files map[string]string, reads *[]string) Version {
	v := Version{Name: name}
	for n, t := range files {
		sum := sha256.Sum256([]byte(t))
		v.Files = append(v.Files, FileRef{Name: n, Hash: hex.EncodeToString(sum[:])})
	}
	sort.Slice(v.Files, func(i, j int) bool { return v.Files[i].Name < v.Files[j].Name })
	v.Read = func(names []string) (map[string][]byte, error) {
		out := map[string][]byte{}
		for _, n := range names {
			out[n] = []byte(files[n])
			if reads != nil {
				*reads = append(*reads, n)
			}
		}
		return out, nil
	}
	return v
}

func against(t *testing.T, old, cur map[string]string, opts Options) *Result {
	t.Helper()
	res, err := Against(memVersion("old", old, nil), memVersion("new", cur, nil), corpus.Options{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// has reports whether a finding of the rule holds the words.
func has(res *Result, rule, words string) bool {
	for _, f := range res.Findings {
		if f.Rule == rule && strings.Contains(f.Message, words) {
			return true
		}
	}
	return false
}

func rulesOf(res *Result) []string {
	var rs []string
	for _, f := range res.Findings {
		rs = append(rs, f.Rule+": "+f.Message)
	}
	return rs
}

func TestAgainst(t *testing.T) {
	base := report(2021, "7%左右")
	edit := func(old, new string) string {
		if !strings.Contains(base, old) {
			t.Fatalf("%q is not in the report", old)
		}
		return strings.Replace(base, old, new, 1)
	}
	for _, tc := range []struct {
		name   string
		cur    string
		want   [][2]string // rule, words of its message
		absent []string    // rules that must not be found
	}{
		{name: "a figure", cur: edit("增长7%左右", "增长6.5%左右"),
			want:   [][2]string{{ruleFigureChanged, "生产总值增长 7%左右 → 6.5%左右"}},
			absent: []string{ruleWordingChanged, ruleYearChanged}},
		{name: "a qualifier", cur: edit("城镇新增就业10万人以上", "城镇新增就业10万人左右"),
			want: [][2]string{{ruleFigureChanged, "城镇新增就业 10万人以上 → 10万人左右"}}},
		{name: "a figure added", cur: edit("一般公共预算收入增长8%。", "一般公共预算收入增长8%，进出口总额增长9%。"),
			want: [][2]string{{ruleFigureAdded, "进出口总额增长 9% is new"}}},
		{name: "the year", cur: strings.NewReplacer("2020年工作回顾", "2021年工作回顾", "2021年工作安排", "2022年工作安排").Replace(base),
			want: [][2]string{{ruleYearChanged, "dated 2022 now, 2021 before"}}},
		{name: "a section heading", cur: edit("城市建设迈出新步伐", "城市建设取得新突破"),
			want:   [][2]string{{ruleHeadingChanged, `"城市建设取得新突破" now`}},
			absent: []string{ruleSectionRemoved, ruleSectionAdded}},
		{name: "a section heading lost", cur: edit("（二）城市建设迈出新步伐\n", ""),
			want: [][2]string{{ruleSectionRemoved, "城市建设迈出新步伐"}}},
		{name: "a part heading lost", cur: edit("二、2021年工作安排\n", ""),
			want:   [][2]string{{rulePartRemoved, "no plan part now"}, {ruleSectionMoved, "推动产业转型升级"}},
			absent: []string{ruleCommitRemoved, ruleWordingChanged}},
		{name: "a paragraph split", cur: edit("建成市民文化中心。完成", "建成市民文化中心。\n完成"),
			want:   [][2]string{{ruleUnitSplit, "cut in two here (line 8 before)"}},
			absent: []string{ruleWordingChanged, ruleFigureRemoved}},
		{name: "two paragraphs merged", cur: edit("改造老旧小区75个。\n加强", "改造老旧小区75个。加强"),
			want:   [][2]string{{ruleUnitMerged, "two paragraphs are one now (lines 14 and 15 before)"}},
			absent: []string{ruleWordingChanged, ruleFigureRemoved}},
		{name: "two paragraphs merged and reworded", cur: edit("改造老旧小区75个。\n加强", "改造老旧小区75个，加强"),
			want: [][2]string{{ruleUnitMerged, "two paragraphs are one now"}, {ruleWordingChanged, "[-。-]{+，+}"}}},
		{name: "words", cur: edit("建成市民文化中心", "建成市民艺术中心"),
			want:   [][2]string{{ruleWordingChanged, "{+艺术+}"}},
			absent: []string{ruleFigureChanged}},
		{name: "a promise dropped", cur: edit("力争建成科技创新中心，", ""),
			want: [][2]string{{ruleCommitRemoved, "科技创新中心"}}},
		{name: "punctuation width and spaces", cur: edit("新建智能制造示范工厂15家，高新", "新建智能制造示范工厂 15家,高新"),
			absent: []string{ruleWordingChanged, ruleWordingIgnorable, ruleFigureChanged}},
		{name: "an outline part added", cur: edit("二、2021年工作安排\n", "二、今后五年的主要任务\n推动经济高质量发展，建设现代化经济体系。\n三、2021年工作安排\n"),
			want: [][2]string{{rulePartAdded, "has an outline part now"}}},
		{name: "an unbalanced quote brought in", cur: edit("建成市民文化中心", "建成“市民文化中心"),
			want: [][2]string{{ruleQuotes, "1 “ but 0 ”"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := against(t, map[string]string{"2021.txt": base}, map[string]string{"2021.txt": tc.cur}, Options{})
			for _, w := range tc.want {
				if !has(res, w[0], w[1]) {
					t.Errorf("no %s finding saying %q; found:\n%s", w[0], w[1], strings.Join(rulesOf(res), "\n"))
				}
			}
			for _, r := range tc.absent {
				if has(res, r, "") {
					t.Errorf("a %s finding, none wanted; found:\n%s", r, strings.Join(rulesOf(res), "\n"))
				}
			}
			for _, f := range res.Findings {
				if f.State != New {
					t.Errorf("%s: state %q, want new: the edit brought it", f.Rule, f.State)
				}
				if len(f.Fingerprint) != 32 {
					t.Errorf("%s: fingerprint %q", f.Rule, f.Fingerprint)
				}
			}
		})
	}
}

// TestAgainstTraditional: the same figure change, in a report written in
// Traditional characters, is found and named in the report's own words.
func TestAgainstTraditional(t *testing.T) {
	old := "各位代表：\n一、2020年工作回顧\n全市生產總值增長7%左右，財政收入增長6%。\n二、2021年工作安排\n推動產業轉型升級。\n"
	cur := strings.Replace(old, "增長7%左右", "增長6.5%左右", 1)
	res := against(t, map[string]string{"2021.txt": old}, map[string]string{"2021.txt": cur}, Options{})
	if !has(res, ruleFigureChanged, "生產總值增長 7%左右 → 6.5%左右") {
		t.Errorf("found:\n%s", strings.Join(rulesOf(res), "\n"))
	}
}

func TestAgainstIgnorable(t *testing.T) {
	old := report(2021, "7%左右")
	cur := strings.Replace(old, "示范工厂15家，高新", "示范工厂 15家,高新", 1)
	res := against(t, map[string]string{"a.txt": old}, map[string]string{"a.txt": cur}, Options{})
	if res.Ignorable != 1 || len(res.Findings) != 0 {
		t.Errorf("ignorable %d, findings %v; want 1 counted, none listed", res.Ignorable, rulesOf(res))
	}
	res = against(t, map[string]string{"a.txt": old}, map[string]string{"a.txt": cur}, Options{Ignorable: true})
	if !has(res, ruleWordingIgnorable, "[-，-]{+,+}") {
		t.Errorf("asked for, the ignorable edit is not listed: %v", rulesOf(res))
	}
}

// TestAgainstFiles: reports added, removed and renamed, found by path and
// then by content; only the files that changed and their neighbours are
// read.
func TestAgainstFiles(t *testing.T) {
	old := map[string]string{}
	for y := 2015; y <= 2021; y++ {
		old[strconv.Itoa(y)+".txt"] = report(y, strconv.Itoa(y-2008)+"%")
	}
	cur := map[string]string{}
	for n, t := range old {
		cur[n] = t
	}
	cur["archive-2015.txt"] = cur["2015.txt"] // renamed, the same bytes
	delete(cur, "2015.txt")
	cur["2016-revised.txt"] = strings.Replace(cur["2016.txt"], "增长8%", "增长8.5%", 1) // renamed and edited
	delete(cur, "2016.txt")
	delete(cur, "2018.txt")              // removed
	cur["2022.txt"] = report(2022, "6%") // added
	var readOld, readCur []string
	res, err := Against(memVersion("HEAD", old, &readOld), memVersion("work tree", cur, &readCur), corpus.Options{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range [][2]string{
		{ruleReportRenamed, "2015.txt was renamed archive-2015.txt (100% of its lines the same)"},
		{ruleReportRenamed, "2016.txt was renamed 2016-revised.txt"},
		{ruleFigureChanged, "增长 8% → 8.5%"},
		{ruleReportRemoved, "report 2018 (2018, "},
		{ruleReportAdded, "report 2022"},
	} {
		if !has(res, w[0], w[1]) {
			t.Errorf("no %s finding saying %q; found:\n%s", w[0], w[1], strings.Join(rulesOf(res), "\n"))
		}
	}
	if res.Unchanged != 4 {
		t.Errorf("%d files unchanged, want 4 (2017, 2019, 2020, 2021)", res.Unchanged)
	}
	// 2019.txt and 2020.txt stand away from every change: never read.
	for _, n := range append(readOld, readCur...) {
		if n == "2020.txt" {
			t.Errorf("read %s, which did not change and stands next to no change", n)
		}
	}
}

// TestLintStates: a lint finding the earlier version had is already there,
// even when lines were added above it; one the edit brought is new.
func TestLintStates(t *testing.T) {
	old := strings.Replace(report(2021, "7%"), "建成市民文化中心", "建成“市民文化中心", 1)
	cur := strings.Replace(old, "完成滨江公园建设", "完成《滨江公园建设", 1)
	cur = strings.Replace(cur, "各位代表：\n", "各位代表：\n市长 某某\n", 1)
	res := against(t, map[string]string{"a.txt": old}, map[string]string{"a.txt": cur}, Options{})
	states := map[string]State{}
	for _, f := range res.Findings {
		if f.Rule == ruleQuotes {
			states[f.Message[strings.Index(f.Message, "has"):]] = f.State
		}
	}
	want := map[string]State{"has 1 “ but 0 ”": Existing, "has 1 《 but 0 》": New}
	if !reflect.DeepEqual(states, want) {
		t.Errorf("states %v, want %v", states, want)
	}
	if res.Fails(Warning) != true || res.Fails(Error) {
		t.Errorf("Fails(warning) %v, Fails(error) %v: the new quote is a warning", res.Fails(Warning), res.Fails(Error))
	}
}

func TestFails(t *testing.T) {
	res := &Result{Findings: []Finding{
		{Rule: "a", Severity: Warning, State: New},
		{Rule: "b", Severity: Error, State: Existing},
	}}
	for _, tc := range []struct {
		at   Severity
		want bool
	}{{Error, false}, {Warning, true}, {Notice, true}, {0, false}} {
		if got := res.Fails(tc.at); got != tc.want {
			t.Errorf("Fails(%v) = %v, want %v (an error already there never fails)", tc.at, got, tc.want)
		}
	}
}

func TestRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] || r.Summary == "" || r.Help == "" || r.Severity < Notice || r.Severity > Error {
			t.Errorf("rule %+v: ids are unique, every rule has a summary, help and severity", r)
		}
		seen[r.ID] = true
	}
	for _, id := range []string{"part-missing", "year-unknown", "year-conflict", "numbering-gap", "unit-empty", "quotes-unbalanced", "reading", "year-duplicate"} {
		if !seen[id] {
			t.Errorf("the lint rule %s is not listed", id)
		}
	}
	for _, s := range []string{"error", "warning", "notice"} {
		v, err := ParseSeverity(s)
		if err != nil || v.String() != s {
			t.Errorf("ParseSeverity(%q) = %v, %v", s, v, err)
		}
	}
	if _, err := ParseSeverity("fatal"); err == nil {
		t.Error("ParseSeverity(fatal): want an error")
	}
}

func TestFingerprintsStable(t *testing.T) {
	text := "各位代表：\n一、2020年工作回顾\n建成“市民文化中心。\n二、2021年工作安排\n完成公园建设。\n"
	lint := func(name, text string, root string) []Finding {
		c, err := corpus.Build([]corpus.File{{Name: name, Text: text}}, nil, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return Lint(c, Options{Root: root})
	}
	a := lint("reports/a.txt", text, "reports")
	b := lint("/elsewhere/reports/a.txt", "\n\n"+text, "/elsewhere/reports")
	if len(a) != 1 || len(b) != 1 {
		t.Fatalf("findings %v and %v, want one each", a, b)
	}
	if a[0].Fingerprint != b[0].Fingerprint || a[0].Line == b[0].Line {
		t.Errorf("fingerprints %s (line %d) and %s (line %d): the same finding two lines down, checked out elsewhere, keeps its fingerprint",
			a[0].Fingerprint, a[0].Line, b[0].Fingerprint, b[0].Line)
	}
}

func TestSnapshotRoundTrip(t *testing.T) {
	c, err := corpus.Build([]corpus.File{{Name: "r/2021.txt", Text: report(2021, "7%左右")}, {Name: "r/2022.txt", Text: report(2022, "6%左右")}}, nil, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := Facts(c, Options{Root: "r"})
	var b bytes.Buffer
	if err := WriteSnapshot(&b, s); err != nil {
		t.Fatal(err)
	}
	back := rewrite(t, b.Bytes())
	r := back.Reports[0]
	if r.File != "2021.txt" || r.Year != 2021 || len(r.Parts) == 0 || len(r.Sections) != 4 || len(r.Figures) == 0 || len(r.Commitments) == 0 {
		t.Errorf("facts of 2021.txt: %+v", r)
	}
	if !strings.Contains(b.String(), "\n        {\"indicator\":") {
		t.Errorf("a figure is not one line:\n%s", b.String())
	}
}

func TestParseSnapshotErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"reportdiff_facts": 2, "reports": []}`, "version 2"},
		{`{"reportdiff_facts": 1, "reports": [], "extra": 1}`, `unknown field "extra"`},
		{"{\"reportdiff_facts\": 1,\n\"reports\": [}", "line 2"},
		{`{"reportdiff_facts": 1, "reports": [{"id": "a"}]}`, "the file must be a path within the corpus"},
		{`{"reportdiff_facts": 1, "reports": [{"id": "a", "file": "a.txt", "lint": [{"rule": "x"}]}]}`, "without a rule or fingerprint"},
		{`{"reportdiff_facts": 1, "reports": []} {}`, "more than one JSON value"},
	} {
		_, err := ParseSnapshot([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseSnapshot(%q) = %v, want an error saying %q", tc.in, err, tc.want)
		}
	}
}

func TestAgainstBaseline(t *testing.T) {
	build := func(text string) *corpus.Corpus {
		c, err := corpus.Build([]corpus.File{{Name: "r/2021.txt", Text: text}}, nil, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	defect := strings.Replace(report(2021, "7%左右"), "建成市民文化中心", "建成“市民文化中心", 1)
	opts := Options{Root: "r"}
	base := Facts(build(defect), opts)

	res, _ := AgainstBaseline(base, "facts.json", build(defect), opts)
	if c := res.Count(); c.Total() != 0 || c.Existing != 1 {
		t.Errorf("the corpus as recorded: %v; want only the recorded lint finding, accepted", rulesOf(res))
	}
	edited := strings.Replace(defect, "增长6%左右", "增长5.5%左右", 1)
	res, _ = AgainstBaseline(base, "facts.json", build(edited), opts)
	if !has(res, ruleFigureChanged, "6%左右 → 5.5%左右") {
		t.Errorf("a target edited: %v", rulesOf(res))
	}
	fixed := report(2021, "7%左右")
	res, cur := AgainstBaseline(base, "facts.json", build(fixed), opts)
	if !has(res, ruleBaselineFixed, "no longer occurs") {
		t.Errorf("the defect fixed: %v", rulesOf(res))
	}
	if len(cur.Reports) != 1 || len(cur.Reports[0].Lint) != 0 {
		t.Errorf("the new snapshot keeps %v", cur.Reports)
	}
	// A section down to one paragraph: the count and its noun agree.
	one := strings.Replace(defect, "加强生态环境保护，空气质量优良天数比例达到85%。\n", "", 1)
	res, _ = AgainstBaseline(base, "facts.json", build(one), opts)
	if !has(res, ruleUnitCount, "holds 1 paragraph now, 2 before") {
		t.Errorf("a section down to one paragraph: %v", rulesOf(res))
	}
}

func TestSnippet(t *testing.T) {
	for _, tc := range []struct {
		edits []Edit
		want  string
	}{
		{[]Edit{{"equal", "一二三四五六七八九十甲乙"}, {"delete", "丙"}, {"insert", "丁"}, {"equal", "戊"}}, "…三四五六七八九十甲乙[-丙-]{+丁+}戊"},
		{[]Edit{{"insert", "新"}, {"equal", "一二三四五六七八九十甲乙"}}, "{+新+}一二三四五六七八九十…"},
		{[]Edit{{"equal", "子"}, {"delete", "a\nb"}}, "子[-a b-]"},
	} {
		if got := Snippet(tc.edits); got != tc.want {
			t.Errorf("Snippet(%v) = %q, want %q", tc.edits, got, tc.want)
		}
	}
}

// rewrite reads a snapshot written by WriteSnapshot, checks that writing it
// again gives the same bytes, and returns it.
func rewrite(t *testing.T, written []byte) *Snapshot {
	t.Helper()
	back, err := ParseSnapshot(written)
	if err != nil {
		t.Fatalf("a snapshot written does not read back: %v\n%s", err, written)
	}
	var again bytes.Buffer
	if err := WriteSnapshot(&again, back); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(written, again.Bytes()) {
		t.Fatalf("written, read and written again, the snapshot changed:\n%s\nthen\n%s", written, again.Bytes())
	}
	return back
}
