package main

import (
	"bytes"
	"fmt"
	"html"
	"maps"
	"math"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
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
		{"govs", []string{"report", "--corpus", "testdata/html/govs"},
			"three governments, a folder each (甲市 and 丙州 in Simplified, 乙縣 in Traditional characters), 2021–2023: the page " +
				"compares them (governments, the reports of each year, theme shares of 2023, the year all three have, with a small " +
				"chart per government across the years, 地区生产总值增长 of 2022 with three verdicts, 四好农村路 and 厕所革命 made by " +
				"several governments, matched across the scripts), then each government's own sections with anchors qualified by " +
				"its name (g-_7532__5e02__2f_themes, t-_7532__5e02__2f_culture); the unit anchors are those of qualified ids " +
				"(u-_7532__5e02__2f_2021.6); the theme labels in Simplified, as two of the three governments write"},
		{"govs-views", []string{"report", "--corpus", "testdata/html/govs", "--gov", "甲市", "--gov", "乙縣", "--max-size", "50KB",
			"--year", "2022", "--indicator", "GDP增长", "--theme", "economy,rural"},
			"two governments past a --max-size of 50 KB on stdout: the views across governments alone, the note saying why and " +
				"what to do, no link to sections that are not there; the shares of 2022 (--year), GDP growth alone (--indicator, " +
				"named as a reader writes it), the economy and rural themes only (--theme)"},
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
	checkSet(t, map[string]string{name: page})
}

// checkSet checks pages that may link to each other, keyed by their
// paths relative to one folder (a comparison of governments and its
// governments' pages): each refers to nothing outside the set (a URL
// attribute is a #fragment or the relative path of a page of the set,
// with a fragment or not; nothing protocol-relative; no url() or @import
// in the CSS), its ids are unique, and every link lands on an element of
// the page it names.
func checkSet(t *testing.T, pages map[string]string) {
	t.Helper()
	type link struct{ from, href string }
	ids := map[string]map[string]int{}
	var links []link
	for name, page := range pages {
		ids[name] = map[string]int{}
		for _, tag := range reTag.FindAllString(page, -1) {
			for _, m := range reAttr.FindAllStringSubmatch(tag, -1) {
				attr, val := strings.ToLower(m[1]), html.UnescapeString(m[2])
				switch {
				case attr == "id":
					ids[name][val]++
				case attr == "href":
					links = append(links, link{name, val})
				}
				if urlAttrs[attr] && val != "" && !strings.HasPrefix(val, "#") && (attr != "href" || len(pages) == 1) {
					t.Errorf("%s: %s=%q leaves the page", name, attr, val)
				}
				if v := strings.ToLower(strings.TrimSpace(val)); strings.HasPrefix(v, "//") || strings.Contains(v, "://") ||
					strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "/") {
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
		for id, n := range ids[name] {
			if n > 1 {
				t.Errorf("%s: id %q given %d times", name, id, n)
			}
		}
	}
	missing := 0
	for _, l := range links {
		file, frag, _ := strings.Cut(l.href, "#")
		target := l.from
		if file != "" {
			p, err := url.PathUnescape(file)
			target = path.Join(path.Dir(l.from), p)
			if _, ok := pages[target]; err != nil || !ok {
				if missing++; missing <= 5 {
					t.Errorf("%s: href=%q names no page of the set", l.from, l.href)
				}
				continue
			}
		}
		if (frag != "" || file == "") && ids[target][frag] == 0 {
			if missing++; missing <= 5 {
				t.Errorf("%s: href=%q has no target", l.from, l.href)
			}
		}
	}
	if len(links) == 0 {
		t.Errorf("no links at all")
	}
}

// TestComparisonPages: past --max-size, -o FILE writes the comparison and
// a page for each government in FILE_files; they link to each other, and
// to nothing else; the comparison holds the views across governments
// only, each government's page its own sections, with a link back.
func TestComparisonPages(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "all.html")
	ios, stdout, errOut := TestStreams()
	if code := run([]string{"report", "--corpus", "testdata/html/govs", "--max-size", "50KB", "-o", out}, ios); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if stdout.Len() != 0 || errOut.Len() != 0 {
		t.Errorf("stdout %q, stderr %q: want nothing", stdout, errOut)
	}
	pages := map[string]string{}
	for _, name := range []string{"all.html", "all_files/甲市.html", "all_files/乙縣.html", "all_files/丙州.html"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		pages[name] = string(b)
	}
	checkSet(t, pages)
	all := pages["all.html"]
	for _, want := range []string{`href="all_files/%e7%94%b2%e5%b8%82.html"`, `<tr id="g-_7532__5e02_">`, "are on a page of its own",
		`href="all_files/%e7%94%b2%e5%b8%82.html#c-_7532__5e02__2f_`} {
		if !strings.Contains(all, want) {
			t.Errorf("the comparison lacks %s", want)
		}
	}
	if strings.Contains(all, `id="g-_7532__5e02__2f_overview"`) {
		t.Errorf("the comparison holds a government's sections")
	}
	gov := pages["all_files/甲市.html"]
	for _, want := range []string{`<p class="back"><a href="../all.html#g-_7532__5e02_">`, `id="g-_7532__5e02__2f_overview"`, `id="u-_7532__5e02__2f_2021.6"`} {
		if !strings.Contains(gov, want) {
			t.Errorf("甲市's page lacks %s", want)
		}
	}
	if strings.Contains(gov, "乙縣") {
		t.Errorf("甲市's page holds another government")
	}
	// Under the budget, one page, with every government's sections.
	one := runPage(t, "report", "--corpus", "testdata/html/govs", "--max-size", "10MB")
	if !bytes.Contains(one, []byte(`id="g-_4e59__7e23__2f_texts"`)) {
		t.Errorf("under --max-size the page lacks 乙縣's texts")
	}
}

// TestComparisonEscapes: a government's name (a folder's) holding markup,
// quotes and ampersands reaches the page as text, in its anchors, in the
// file of its own page and in the links to it.
func TestComparisonEscapes(t *testing.T) {
	dir := t.TempDir()
	tree := filepath.Join(dir, "tree")
	first, second, _ := strings.Cut(strings.TrimPrefix(hostileCorpus, "篇1\n"), "篇2\n")
	for name, text := range map[string]string{`x"'<b>&amp/2019.txt`: first, `x"'<b>&amp/2020.txt`: second, "乙/2019.txt": first, "乙/2020.txt": second} {
		p := filepath.Join(tree, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page := string(runPage(t, "report", "--corpus", tree))
	for _, want := range []string{"x&#34;&#39;&lt;b&gt;&amp;amp", `id="g-x_22__27__3c_b_3e__26_amp"`, "&lt;script&gt;alert(1)&lt;/script&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for _, bad := range []string{"<script>alert", "<img", "<b>", `"'<b>`} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("%d script elements, want the page's own only", n)
	}
	checkLinks(t, "hostile governments", page)
	out := filepath.Join(dir, "out", "all.html")
	ios, _, errOut := TestStreams()
	if code := run([]string{"report", "--corpus", tree, "--max-size", "1KB", "-o", out}, ios); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "out", "all_files", "*.html"))
	pages := map[string]string{}
	for _, f := range append(files, out) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(filepath.Join(dir, "out"), f)
		pages[filepath.ToSlash(rel)] = string(b)
	}
	if _, ok := pages[`all_files/x_22_'_3c_b_3e_&amp.html`]; !ok || len(pages) != 3 {
		t.Errorf("the pages: %v", slices.Sorted(maps.Keys(pages)))
	}
	checkSet(t, pages)
}

// TestComparisonAgrees: the page says what the commands that compare
// governments in one year say: the theme shares of priorities --year and
// the verdicts of targets --indicator --year.
func TestComparisonAgrees(t *testing.T) {
	page := string(runPage(t, "report", "--corpus", "testdata/html/govs", "--year", "2022"))
	ios, out, _ := TestStreams()
	run([]string{"priorities", "--corpus", "testdata/html/govs", "--year", "2022", "--format", "csv"}, ios)
	rows := 0
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n")[1:] {
		f := strings.Split(line, ",") // government,theme,report,year,part,share,rank,change
		share, err := strconv.ParseFloat(f[5], 64)
		if err != nil {
			t.Fatal(err)
		}
		// The year's bars of the theme and part describe every government's share.
		re := regexp.MustCompile(`<desc id="x-bars-` + f[4] + `-` + f[1] + `-d">(?:[^<]*, )?` + regexp.QuoteMeta(f[0]) + ` ([0-9.]+)%`)
		m := re.FindStringSubmatch(page)
		if m == nil && share == 0 {
			continue // a theme no government gives a share has no chart
		}
		if m == nil {
			t.Errorf("priorities --year 2022 says %s %.4f for %s %s; the page's bars do not show it", f[0], share, f[1], f[4])
		} else if got, err := strconv.ParseFloat(m[1], 64); err != nil || math.Abs(got-share*100) > 0.051 {
			t.Errorf("priorities --year 2022 says %s %.4f for %s %s; the page's bars: %s%%", f[0], share, f[1], f[4], m[1])
		}
		rows++
	}
	if rows == 0 {
		t.Fatal("priorities --year 2022 gave no rows")
	}
	ios, out, _ = TestStreams()
	run([]string{"targets", "--corpus", "testdata/html/govs", "--indicator", "地区生产总值增长", "--year", "2022", "--format", "csv"}, ios)
	sec := page[strings.Index(page, `<section class="indicator" id="x-i-`):]
	sec = sec[:strings.Index(sec, "</table>")]
	verdicts := strings.Split(strings.TrimSpace(out.String()), "\n")[1:]
	if len(verdicts) != 3 {
		t.Errorf("targets --indicator: %d verdicts, want one per government", len(verdicts))
	}
	for _, line := range verdicts {
		f := strings.Split(line, ",") // government,indicator,measure,year,target,outcome,verdict,…
		re := regexp.MustCompile(`(?s)lang="[^"]*">` + regexp.QuoteMeta(f[0]) + `</a></th><td data-label="Target">.*?<td data-label="Verdict"><span class="vd [^"]*">\S+ ([^<]*)</span>`)
		if m := re.FindStringSubmatch(sec); m == nil || strings.Contains(m[0][1:], "</tr>") || m[1] != f[6] {
			t.Errorf("targets --indicator says %s %s for %s; the page: %v", f[6], f[4], f[0], m)
		}
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
// when --date gives one; a comparison of governments the same whatever
// the number of governments read side by side, its sections in it or
// left out.
func TestReportDeterministic(t *testing.T) {
	a, b := runPage(t, "report"), runPage(t, "report")
	if !bytes.Equal(a, b) {
		t.Fatalf("two runs differ: %s", firstDiff(a, b))
	}
	for _, size := range []string{"10MB", "50KB"} {
		a := runPage(t, "report", "--corpus", "testdata/html/govs", "--jobs", "1", "--max-size", size)
		b := runPage(t, "report", "--corpus", "testdata/html/govs", "--jobs", "3", "--max-size", size)
		if !bytes.Equal(a, b) {
			t.Errorf("--max-size %s: --jobs 1 and 3 differ: %s", size, firstDiff(a, b))
		}
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

// BenchmarkComparison builds the page that compares the three constructed
// governments: each read, analysed and rendered, then the views across
// them.
func BenchmarkComparison(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ios, out, _ := TestStreams()
		if code := run([]string{"report", "--corpus", "testdata/html/govs"}, ios); code != exitOK {
			b.Fatalf("exit %d", code)
		}
		b.ReportMetric(float64(out.Len()), "page-bytes")
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		bad  bool
	}{
		{"10MB", 10 << 20, false}, {"500KB", 500 << 10, false}, {"1.5m", 3 << 19, false}, {"2G", 2 << 30, false},
		{"7", 7 << 20, false}, {"0", 0, false}, {" 20 kb ", 20 << 10, false},
		{"lots", 0, true}, {"-1MB", 0, true}, {"", 0, true}, {"1e30", 0, true}, {"NaN", 0, true},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d (bad: %v)", tt.in, got, err, tt.want, tt.bad)
		}
	}
}
