package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReportGolden writes the whole page of small constructed corpora, one
// in each script, and compares it byte for byte with the page kept in
// testdata/html (rewritten only with -update). Each case says why its page
// is right; open the .html files in a browser to see them.
func TestReportGolden(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		reason string
	}{
		{"hant", []string{"report", "--corpus", "testdata/html/hant.txt"},
			"three Traditional reports (2015–2017, years from their five-year-plan phrases): lang zh-Hant on their texts; " +
				"two diffs with rows of aligned sentences, a sentence moved from p1.9 to p2.6 marked on both sides and linked, " +
				"figures changed, p1.10 removed and p2.10 added whole; commitments such as 區圖書館新館 (promised, missed, " +
				"achieved) with their names marked; the renamed revenue indicator as one row of targets; indicator names " +
				"written in Traditional characters like the reports"},
		{"hans", []string{"report", "--corpus", "testdata/html/hans.txt", "--date", "2024-05-01"},
			"two Simplified reports (2019, 2020, years from their part headings): lang zh-Hans, theme labels folded to " +
				"Simplified; the date shown because --date gives it; an added paragraph (p2.7), commitments such as " +
				"新能源汽车产业园 (promised, then achieved), the headline indicators with their verdicts"},
		{"hans-diff", []string{"diff", "2019", "2020", "--corpus", "testdata/html/hans.txt", "--format", "html"},
			"diff --format html: the wording diff alone, with the texts of its two reports and nothing else"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runPage(t, tt.args...)
			path := filepath.Join("testdata", "html", tt.name+".html")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test -run TestReportGolden -update writes it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (%s); first difference:\n%s", strings.Join(tt.args, " "), path, tt.reason, firstDiff(want, got))
			}
		})
	}
}

// runPage runs a command that writes a page and returns the page.
func runPage(t *testing.T, args ...string) []byte {
	t.Helper()
	ios, out, errOut := TestStreams()
	if code := run(args, ios); code == exitTrouble {
		t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	return out.Bytes()
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d\nwant: %.300s\ngot:  %.300s", i+1, w, g)
		}
	}
	return "(none)"
}

// TestReportEscapes checks that every string of a corpus reaches the page
// as text: markup, quotes and ampersands in a report, and in the file name
// its id comes from, are escaped in text and in attributes, and no script
// but the page's own is there.
func TestReportEscapes(t *testing.T) {
	dir := t.TempDir()
	// One report a file; the id x"'<b>&amp of the first, from its file
	// name, goes into anchors, attributes and text.
	first, second, _ := strings.Cut(strings.TrimPrefix(hostileCorpus, "篇1\n"), "篇2\n")
	for name, text := range map[string]string{`x"'<b>&amp.txt`: first, "y.txt": second} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page := string(runPage(t, "report", "--corpus", dir))
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"&lt;img src=x onerror=alert(1)&gt;",
		"&#34;引号&#34; &#39;single&#39; &amp; 符号",
		"x&#34;&#39;&lt;b&gt;&amp;amp", // the id as text
		`id="u-x_22__27__3c_b_3e__26_amp.3"`,
		`href="#u-x_22__27__3c_b_3e__26_amp.3"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for _, bad := range []string{"<script>alert", "<img", "onerror=alert(1)>", `<b>`, `"'<b>`} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("%d script elements, want the page's own only", n)
	}
	checkLinks(t, "hostile", page)
}

var (
	reTag    = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	reAttr   = regexp.MustCompile(`\s([a-zA-Z:-]+)="([^"]*)"`)
	reStyle  = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	urlAttrs = map[string]bool{"href": true, "src": true, "srcset": true, "action": true, "formaction": true, "poster": true,
		"data": true, "xlink:href": true, "background": true, "cite": true, "longdesc": true, "ping": true, "manifest": true}
)

// checkLinks checks that the page refers to nothing outside itself (no
// URL attribute but a #fragment, nothing protocol-relative, no url() or
// @import in its CSS), that its ids are unique and that every href="#x"
// has an element with id x.
func checkLinks(t *testing.T, name, page string) {
	t.Helper()
	ids := map[string]int{}
	var hrefs []string
	for _, tag := range reTag.FindAllString(page, -1) {
		for _, m := range reAttr.FindAllStringSubmatch(tag, -1) {
			attr, val := strings.ToLower(m[1]), m[2]
			switch {
			case attr == "id":
				ids[val]++
			case attr == "href":
				hrefs = append(hrefs, val)
			}
			if urlAttrs[attr] && val != "" && !strings.HasPrefix(val, "#") {
				t.Errorf("%s: %s=%q leaves the page", name, attr, val)
			}
			if v := strings.ToLower(strings.TrimSpace(val)); strings.HasPrefix(v, "//") || strings.Contains(v, "://") ||
				strings.HasPrefix(v, "javascript:") {
				t.Errorf("%s: %s=%q refers outside the page", name, attr, val)
			}
		}
	}
	for _, m := range reStyle.FindAllStringSubmatch(page, -1) {
		css := strings.ToLower(m[1])
		for _, bad := range []string{"url(", "@import", "//", "http:", "https:"} {
			if strings.Contains(css, bad) {
				t.Errorf("%s: the CSS holds %q", name, bad)
			}
		}
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("%s: id %q given %d times", name, id, n)
		}
	}
	missing := 0
	for _, h := range hrefs {
		if id := strings.TrimPrefix(h, "#"); ids[id] == 0 {
			if missing++; missing <= 5 {
				t.Errorf("%s: href=%q has no target", name, h)
			}
		}
	}
	if len(hrefs) == 0 {
		t.Errorf("%s: no links at all", name)
	}
}

// TestPagesSelfContained checks every page the commands write, of the
// embedded corpus and of a constructed one: links land, nothing is
// fetched, the whole report of the embedded corpus is under 2 MB, and it
// holds no http:// or https:// anywhere (its texts have no URL).
func TestPagesSelfContained(t *testing.T) {
	commands := [][]string{
		{"report"}, {"corpus"}, {"outline"}, {"check"}, {"align"}, {"align", "--kind", "followup"},
		{"diff", "2015", "2016"}, {"priorities"}, {"commitments"}, {"targets"},
	}
	for _, corpus := range []string{"", "testdata/html/hant.txt"} {
		for _, args := range commands {
			if corpus != "" && args[0] == "diff" {
				args = []string{"diff", "2016", "2017"}
			}
			name := strings.Join(args, " ")
			if corpus != "" {
				args = append(args, "--corpus", corpus)
			}
			if args[0] != "report" {
				args = append(args, "--format", "html")
			}
			page := string(runPage(t, args...))
			if !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.HasSuffix(page, "</html>\n") {
				t.Errorf("%s: not a whole page", name)
			}
			checkLinks(t, name, page)
			if corpus == "" {
				for _, bad := range []string{"http://", "https://"} {
					if strings.Contains(page, bad) {
						t.Errorf("%s: holds %s", name, bad)
					}
				}
			}
			if name == "report" && corpus == "" {
				if len(page) >= 2<<20 {
					t.Errorf("the whole report is %d bytes, over 2 MB", len(page))
				}
				if !strings.Contains(page, "<del>") || !strings.Contains(page, "<ins>") || !strings.Contains(page, "<svg") {
					t.Errorf("the whole report lacks <del>, <ins> or <svg>")
				}
			}
		}
	}
}

// TestReportDeterministic: the same page on every run, with a date only
// when --date gives one.
func TestReportDeterministic(t *testing.T) {
	a, b := runPage(t, "report"), runPage(t, "report")
	if !bytes.Equal(a, b) {
		t.Fatalf("two runs differ: %s", firstDiff(a, b))
	}
	if bytes.Contains(a, []byte("<time")) {
		t.Errorf("a date without --date")
	}
	if c := runPage(t, "report", "--date", "2024-03-05"); !bytes.Contains(c, []byte("<time>2024-03-05</time>")) {
		t.Errorf("--date 2024-03-05 not shown")
	}
}

// TestReportOutput: -o writes the file and nothing to stdout.
func TestReportOutput(t *testing.T) {
	path := filepath.Join(t.TempDir(), "page.html")
	ios, out, _ := TestStreams()
	if code := run([]string{"report", "-o", path}, ios); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	b, err := os.ReadFile(path)
	if err != nil || out.Len() != 0 || !bytes.Equal(b, runPage(t, "report")) {
		t.Errorf("-o: file %d bytes (%v), stdout %d bytes", len(b), err, out.Len())
	}
}

// BenchmarkReport builds the whole page of the embedded corpus as a user
// does: read the corpus, every analysis, every diff, the page.
func BenchmarkReport(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ios, out, _ := TestStreams()
		if code := run([]string{"report"}, ios); code != exitOK {
			b.Fatalf("exit %d", code)
		}
		b.ReportMetric(float64(out.Len()), "page-bytes")
	}
}
