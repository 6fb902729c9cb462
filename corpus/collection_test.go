package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// govReport writes a small constructed report of a government and a year.
func govReport(gov string, year int, plan string) string {
	y := strconv.Itoa
	return gov + "政府工作报告\n——" + y(year) + "年1月10日在" + gov + "第十四届人民代表大会第一次会议上\n各位代表：\n现在，我代表" + gov +
		"人民政府向大会报告工作。\n一、" + y(year-1) + "年工作回顾\n经济运行总体平稳。\n二、" + y(year) + "年工作安排\n" + plan + "\n"
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func names(col *Collection) []string {
	var ns []string
	for _, s := range col.Series {
		ns = append(ns, s.Name)
	}
	return ns
}

func TestOpenGroupsFilesIntoSeries(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string
		series []string
		many   bool
	}{
		{"tree: a folder per government", map[string]string{
			"甲市/2019.txt": govReport("甲市", 2019, "建设甲市体育中心。"), "甲市/2020.txt": govReport("甲市", 2020, "建成甲市体育中心。"),
			"乙县/2020.md": govReport("乙县", 2020, "修建乙县水库。"),
		}, []string{"乙县", "甲市"}, true},
		{"tree in Traditional characters", map[string]string{
			"甲縣/2019.txt": govReport("甲縣", 2019, "建設體育中心。"), "乙縣/2019.txt": govReport("乙縣", 2019, "建設體育中心。"),
		}, []string{"乙縣", "甲縣"}, true},
		{"flat with a manifest naming governments", map[string]string{
			"a.txt": govReport("甲市", 2019, "甲。"), "b.txt": govReport("甲市", 2020, "乙。"), "c.txt": govReport("乙县", 2020, "丙。"),
			"manifest.json": `{"reports":[{"file":"a.txt","government":"甲市"},{"file":"b.txt","government":"甲市"},{"file":"c.txt","government":"乙县"}]}`,
		}, []string{"乙县", "甲市"}, true},
		{"flat, governments read from the texts; a file naming none joins the one its name holds", map[string]string{
			"甲市2019.txt": govReport("甲市", 2019, "甲。"), "甲市2020.txt": "各位代表：\n一、2019年工作回顾\n甲。\n二、2020年工作安排\n乙。\n",
			"乙县2020.txt": govReport("乙县", 2020, "丙。"),
		}, []string{"乙县", "甲市"}, true},
		{"flat, one government: one series read whole", map[string]string{
			"2019.txt": govReport("甲市", 2019, "甲。"), "2020.txt": govReport("甲市", 2020, "乙。"),
		}, []string{"甲市"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			col, err := Open(writeFiles(t, tt.files), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := names(col); !slices.Equal(got, tt.series) || col.Many() != tt.many {
				t.Fatalf("series %v (many %v), want %v (many %v)", got, col.Many(), tt.series, tt.many)
			}
			total := 0
			for _, s := range col.Series {
				c, err := col.Load(s)
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range c.Reports {
					total++
					if tt.many && !strings.HasPrefix(r.ID, s.Name+"/") {
						t.Errorf("report id %q does not name its government %s", r.ID, s.Name)
					}
					if r.Government != s.Name {
						t.Errorf("report %s: government %q, want its series' %q", r.ID, r.Government, s.Name)
					}
				}
			}
			want := 0
			for n := range tt.files {
				if n != "manifest.json" {
					want++
				}
			}
			if total != want {
				t.Errorf("%d reports read, want %d", total, want)
			}
		})
	}
}

func TestSelectGlobs(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"甲市/2019.txt": govReport("甲市", 2019, "甲。"), "乙市/2019.txt": govReport("乙市", 2019, "乙。"), "丙县/2019.txt": govReport("丙县", 2019, "丙。"),
	})
	tests := []struct {
		patterns []string
		want     []string
		err      string
	}{
		{nil, []string{"丙县", "乙市", "甲市"}, ""},
		{[]string{"*市"}, []string{"乙市", "甲市"}, ""},
		{[]string{"甲*", "丙?"}, []string{"丙县", "甲市"}, ""},
		{[]string{"甲*", "丁*"}, nil, "matches no government"},
		{[]string{"[甲"}, nil, "not a pattern"},
	}
	for _, tt := range tests {
		col, err := Open(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		err = col.Select(tt.patterns)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%v: error %v, want %q", tt.patterns, err, tt.err)
			}
			continue
		}
		if got := names(col); err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%v: %v (%v), want %v", tt.patterns, got, err, tt.want)
		}
	}
}

func TestBadFilesAmongMany(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"甲市/2019.txt": govReport("甲市", 2019, "甲。"), "甲市/2020.txt": "", "甲市/2021.txt": "PK\x03\x04\x14\x00\x06\x00 word/document.xml",
		"乙市/2019.txt": govReport("乙市", 2019, "乙。"),
	})
	col, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := col.Load(col.Series[1]) // 甲市
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Reports) != 1 {
		t.Errorf("%d reports, want the one readable", len(c.Reports))
	}
	var msgs []string
	for _, w := range c.Warnings {
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"2020.txt: skipped: the file is empty", "2021.txt: skipped: a binary file", "--strict"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings do not say %q:\n%s", want, all)
		}
	}
	strict, _ := Open(dir, Options{Strict: true})
	if _, err := strict.Load(strict.Series[1]); err == nil || !strings.Contains(err.Error(), "2020.txt") {
		t.Errorf("--strict: error %v, want the empty file named", err)
	}
	// A government none of whose files can be read.
	dir = writeFiles(t, map[string]string{"甲市/2019.txt": "", "乙市/2019.txt": govReport("乙市", 2019, "乙。")})
	col, _ = Open(dir, Options{})
	if _, err := col.Load(col.Series[1]); !errors.Is(err, ErrNoReports) {
		t.Errorf("error %v, want ErrNoReports", err)
	}
}

func TestYearsInSeries(t *testing.T) {
	// The file name gives the year of a text that states none, with a
	// warning; two files of one government of the same year are reported.
	dir := writeFiles(t, map[string]string{
		"甲市/2019.txt": "各位代表：\n一、过去一年工作回顾\n甲。\n二、今年工作安排\n乙。\n",
		"甲市/2020.txt": govReport("甲市", 2020, "丙。"), "甲市/2020b.txt": govReport("甲市", 2020, "丁。"),
		"乙市/2020.txt": govReport("乙市", 2020, "戊。"),
	})
	col, err := Open(dir, Options{Years: map[string]int{"乙市/2020": 2021}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := col.Load(col.Series[1])
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Find("甲市/2019")
	if err != nil || r.Year != 2019 {
		t.Fatalf("甲市/2019: %v %v", r, err)
	}
	var msgs []string
	for _, w := range c.Warnings {
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"taken from its file name", "both dated 2020"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings do not say %q:\n%s", want, all)
		}
	}
	b, _ := col.Load(col.Series[0])
	if r, _ := b.Find("2021"); r == nil || r.ID != "乙市/2020" {
		t.Errorf("--year 乙市/2020=2021 not applied: %v", r)
	}
	if _, err := Open(dir, Options{Years: map[string]int{"2020": 2021}}); err == nil {
		t.Error("--year 2020=… in a corpus of several governments: want an error asking for the government")
	}
}

// A flat folder of one government's reports is parsed once: the files
// parsed to find their government are those the series is built from, and
// the corpus is the one Load reads.
func TestOneSeriesParsedOnce(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"2019.txt": govReport("甲市", 2019, "推进松岚文化中心建设。"), "2020.txt": govReport("甲市", 2020, "松岚文化中心建成。"),
	})
	col, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(col.Series) != 1 || len(col.Series[0].parsed) != 2 {
		t.Fatalf("%d series, %d files parsed ahead", len(col.Series), len(col.Series[0].parsed))
	}
	ahead := col.Series[0].parsed[filepath.Join(dir, "2019.txt")].src
	got, err := col.Load(col.Series[0])
	if err != nil {
		t.Fatal(err)
	}
	if col.Series[0].parsed != nil || !slices.Contains(got.Sources, ahead) {
		t.Error("the series was parsed again, or its parsed files kept")
	}
	want, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range want.Reports {
		g := got.Reports[i]
		if g.ID != r.ID || g.Year != r.Year || g.Government != r.Government || len(g.Units) != len(r.Units) {
			t.Errorf("report %d: %s %d %s %d units, Load gives %s %d %s %d", i, g.ID, g.Year, g.Government, len(g.Units), r.ID, r.Year, r.Government, len(r.Units))
		}
	}
}

// TestNamesFolder: a text's government is its folder's when it names the
// folder or, in a nested tree, one of its levels.
func TestNamesFolder(t *testing.T) {
	for _, tt := range []struct {
		gov, folder string
		want        bool
	}{
		{"甲省", "甲省", true},
		{"甲省", "乙省", false},
		{"甲省", "甲省/省本级", true},
		{"丙市", "甲省/丙市", true},
		{"丁縣", "甲省/丙市", false},
		{"甲縣", "甲县", true},
	} {
		if got := namesFolder(tt.gov, tt.folder); got != tt.want {
			t.Errorf("namesFolder(%s, %s) = %v", tt.gov, tt.folder, got)
		}
	}
}
