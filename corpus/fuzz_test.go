package corpus

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// lossless checks the reading of one text: no panic, pieces that give the
// text back, furniture inside the text and out of every unit's words.
func lossless(t *testing.T, name, text string) {
	src, _ := ParseSource(name, text)
	assertLossless(t, src)
	for _, r := range src.Reports {
		for _, f := range r.Furniture {
			if f.Start < 0 || f.End > len(text) || f.Start > f.End {
				t.Fatalf("furniture %+v outside the text", f)
			}
		}
		for _, u := range r.Units {
			for _, s := range u.Sentences {
				if u.Text[s.Start:s.End] != s.Text {
					t.Fatalf("sentence offsets of %s", u.ID)
				}
			}
		}
	}
}

// FuzzMarkdown reads arbitrary markdown: the pieces must give it back.
func FuzzMarkdown(f *testing.F) {
	f.Add(markdownReport)
	f.Add(toTraditional(markdownReport))
	f.Add("---\ntitle: x\n---\n# 一、回顾\n**（一）甲。**乙。\n<!-- a\nb -->\n![](c)\n说明\n* * *\n- **项**\n")
	f.Add("**\n****\n** **\n#\n# \n<!--\n---\n")
	for _, shape := range []string{firstSession, reviewPlan, eightSections, planOnly, policyAddress, december} {
		f.Add(shape) // parts inferred from the words of their sections
	}
	f.Fuzz(func(t *testing.T, text string) { lossless(t, "fuzz.md", text) })
}

// FuzzPDFText reads arbitrary text as from a PDF: the pieces must give it
// back.
func FuzzPDFText(f *testing.F) {
	f.Add(pdfReport())
	f.Add("目录\n一、甲……1\n二、乙……2\n\f一、甲\n1. 丙\n- 2 -\n页眉\n\f页眉\n第 3 页\n\f\f\n页眉\n")
	f.Add("\f\n\f12\n \f \n")
	f.Add(wrapped("标题", []string{"甲乙丙丁。戊己庚辛壬癸，子丑寅卯辰巳午未。", "一、回顾", "申酉戌亥，甲乙丙丁戊己庚辛。壬癸子丑。"}, 8, "　　", 4))
	f.Fuzz(func(t *testing.T, text string) { lossless(t, "fuzz.txt", text) })
}

// FuzzDecode decodes arbitrary bytes: no panic; what decodes has no binary
// bytes, maps every offset into the file in order, and gives the file back
// where the encoding round-trips.
func FuzzDecode(f *testing.F) {
	gb, _ := encodings[EncGB18030].NewEncoder().String(smallReport)
	b5, _ := encodings[EncBig5].NewEncoder().String(toTraditional(smallReport))
	u16, _ := encodings[EncUTF16LE].NewEncoder().String("\ufeff" + smallReport)
	for _, s := range []string{smallReport, gb, b5, u16, "PK\x03\x04", "\xff\xfe\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		enc := DetectEncoding(b)
		text, raw, err := decodeFile("fuzz.txt", b, "")
		if err != nil {
			return
		}
		if raw.encoding != enc && !(enc == "" && raw.encoding == "") {
			t.Fatalf("detected %q, decoded as %q", enc, raw.encoding)
		}
		// Clean UTF-8, but for the few corrupt bytes a UTF-8 file may keep.
		if bad, runes, _ := invalidUTF8([]byte(text)); bad > 0 && (raw.encoding != EncUTF8 || bad*tolerated > runes) || looksBinary(text) {
			t.Fatalf("decoded text is not clean UTF-8")
		}
		prev := 0
		for off := 0; off <= len(text); off++ {
			if off < len(text) && !utf8.RuneStart(text[off]) {
				continue
			}
			o := raw.rawOffset(text, off)
			if o < prev || o > len(b) {
				t.Fatalf("offset %d maps to %d after %d (file of %d)", off, o, prev, len(b))
			}
			prev = o
		}
		if raw.encoding == EncUTF8 {
			return
		}
		if back, err := encodings[raw.encoding].NewEncoder().String(text); err == nil && bytes.HasSuffix(b, []byte(back)) {
			src := &Source{Text: text, raw: raw}
			if got := src.Raw(Span{0, len(text)}); !bytes.Equal(got, []byte(back)) {
				t.Fatalf("raw bytes of the whole text differ from the file")
			}
		}
	})
}

// FuzzManifest parses arbitrary manifests: no panic, and a manifest that
// parses comes out the same once written back and parsed again.
func FuzzManifest(f *testing.F) {
	f.Add([]byte(`{"government":"某市","source":"s","reports":[{"file":"a.txt","year":2019,"title":"t","government":"g","source":"u"}]}`))
	f.Add([]byte(`{"reports":[]}`))
	f.Add([]byte(`{"reprots":[]}`))
	f.Add([]byte(`{} {}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseManifest("manifest.json", b)
		if err != nil {
			if !strings.Contains(err.Error(), "manifest.json") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParseManifest("manifest.json", out)
		if err != nil || !reflect.DeepEqual(m, again) {
			t.Fatalf("round trip: %v\n%+v\n%+v", err, m, again)
		}
	})
}
