package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

const smallReport = "各位代表：\n一、2018年工作回顾\n经济运行保持在合理区间。\n二、2019年政府工作任务\n加强文化交流。\n"

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(strings.Repeat(smallReport, 3))
	emptyDir := filepath.Join(dir, "empty")
	os.Mkdir(emptyDir, 0o755)
	unread := filepath.Join(dir, "unread")
	os.Mkdir(unread, 0o755)
	os.WriteFile(filepath.Join(unread, "a.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(unread, "b.md"), []byte("a\x00b"), 0o644)
	tests := []struct {
		name, path string
		want       []string
		warnings   int // the files skipped, handed on with the error
	}{
		{"missing", filepath.Join(dir, "nope.txt"), []string{"nope.txt", "no such file"}, 0},
		{"not gb18030", write("bad.txt", append([]byte(gb), 0x81, 0x20, 0x81, 0x20, 0x81, 0x20)), []string{"bad.txt:16", "not GB18030"}, 0},
		{"zip", write("zip.txt", []byte("PK\x03\x04\x14\x00\x06\x00 word/document.xml")), []string{"binary"}, 0},
		{"empty", write("empty.txt", []byte(" \n\n")), []string{"empty.txt", "empty"}, 0},
		{"binary", write("bin.txt", []byte("a\x00b")), []string{"binary"}, 0},
		{"no text files", emptyDir, []string{"no report files (.txt, .text or .md)", "UTF-16"}, 0},
		{"none readable", unread, []string{"no report file in the directory could be read"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.path, Options{})
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if len(ie.Warnings) != tt.warnings {
				t.Errorf("%d warnings handed on, want %d: %v", len(ie.Warnings), tt.warnings, ie.Warnings)
			}
		})
	}
}

// TestSkippedNamesLine: a file of a directory that cannot be read in the
// encoding the user named is skipped with a warning that gives its line,
// counts in words that agree, and does not tell the user to do what they did.
func TestSkippedNamesLine(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("第一行\n第二行\n"+strings.Repeat("這一段寫的是過去一年的工作。\n", 3)), 0o644)
	_, err := Load(dir, Options{Encoding: "big5"})
	var ie *InputError
	if !errors.As(err, &ie) || len(ie.Warnings) != 1 {
		t.Fatalf("error %v, want one file skipped", err)
	}
	w := ie.Warnings[0]
	if w.Line != 1 || !strings.Contains(w.Message, "not Big5") || strings.Contains(w.Message, "name its encoding with --encoding") ||
		strings.Contains(w.Message, "1 characters") {
		t.Errorf("warning %v", w)
	}
}

func TestLoadDirectoryWithManifest(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(smallReport), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("各位代表：\n工作回顾\n甲。\n工作任务\n乙。\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.json"), []byte("{}"), 0o644)
	os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(`{"government":"某市","reports":[{"file":"b.txt","year":2017}]}`), 0o644)
	c, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range c.Reports {
		got = append(got, r.ID+":"+r.Government+":"+r.YearFrom)
		if r.Year == 0 {
			t.Errorf("report %s has no year", r.ID)
		}
	}
	if strings.Join(got, " ") != "b:某市:stated a:某市:evidence" {
		t.Errorf("reports %v", got)
	}
	if r, err := c.Find("2019"); err != nil || r.ID != "a" {
		t.Errorf("Find(2019) = %v, %v", r, err)
	}
	if _, err := c.Find("2030"); err == nil || !strings.Contains(err.Error(), "2017=b") {
		t.Errorf("Find(2030) error %v should list the reports", err)
	}

	os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(`{"reports":[{"file":"c.txt","year":2017}]}`), 0o644)
	if _, err := Load(dir, Options{}); err == nil || !strings.Contains(err.Error(), `"c.txt"`) {
		t.Errorf("manifest naming a missing file: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(`{"reprots":[]}`), 0o644)
	if _, err := Load(dir, Options{}); err == nil || !strings.Contains(err.Error(), "manifest") {
		t.Errorf("bad manifest: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "a.txt"), Options{Years: map[string]int{"zz": 2000}}); err == nil {
		t.Errorf("--year for an unknown id should fail")
	}
}

// FuzzParseSource feeds the reader arbitrary text: it must not panic, and
// the pieces must give the text back byte for byte.
func FuzzParseSource(f *testing.F) {
	f.Add(smallReport)
	f.Add("篇1\n20xx年工作回顧\n甲,乙\n丙。\n篇2\n一加快\n（一）甲。乙。\n")
	f.Add(DefaultText()[:4000])
	f.Fuzz(func(t *testing.T, text string) {
		src, _ := ParseSource("fuzz.txt", text)
		assertLossless(t, src)
		for _, r := range src.Reports {
			for _, u := range r.Units {
				for _, s := range u.Sentences {
					if u.Text[s.Start:s.End] != s.Text {
						t.Fatalf("sentence offsets of %s", u.ID)
					}
				}
			}
		}
		if _, err := Build([]File{{Name: "fuzz.txt", Text: text}}, nil, Options{}); err != nil {
			t.Fatal(err)
		}
		if one, three := readView(text, 1), readView(text, 3); !reflect.DeepEqual(one, three) {
			t.Fatalf("read on three processors otherwise than on one:\n%v\nwant\n%v", three, one)
		}
	})
}

// TestCorruptBytes: a file in its encoding but for a few corrupt bytes is
// read, with a warning that says where the first is and how many there
// are; a file of many such bytes is not in that encoding.
func TestCorruptBytes(t *testing.T) {
	good := strings.Repeat("這一段寫的是過去一年的工作，各項任務全面完成。\n", 20)
	b5, err := traditionalchinese.Big5.NewEncoder().String(good)
	if err != nil {
		t.Fatal(err)
	}
	cut := func(s string, at int, junk string) []byte { return []byte(s[:at] + junk + s[at:]) }
	line2 := strings.Index(good, "\n") + 1
	for _, tt := range []struct {
		name, force string
		b           []byte
		want        string // "" when the file is refused
	}{
		{"utf-8", "", cut(good, line2+6, "\xff"), "2: column 3: 1 byte is not UTF-8"},
		{"big5", "big5", cut(b5, strings.Index(b5, "\n")+1+4, "\xff"), "2: column 3: 1 byte is not Big5"},
		{"utf-8 mostly broken", "utf-8", []byte(strings.Repeat("甲\xff\xfe", 50)), ""},
	} {
		f, err := FileOf(tt.name+".txt", tt.b, tt.force)
		if tt.want == "" {
			if err == nil {
				t.Errorf("%s: read, want refused", tt.name)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		c, err := Build([]File{f}, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, w := range c.Warnings {
			found = found || strings.Contains(w.String(), tt.want)
		}
		if !found {
			t.Errorf("%s: warnings %v, want %q", tt.name, c.Warnings, tt.want)
		}
	}
}
