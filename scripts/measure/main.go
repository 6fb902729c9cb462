// Command measure reads the shared corpora of real reports under neutral file
// names and reports how well reportdiff reads them: years against the
// original file names, review and plan parts, sections, headings read as
// paragraphs, governments. It skips cleanly when the corpora are absent.
//
//	go run ./scripts/measure [-corpora ../shared/corpora] [-list]
//
// Each province's reports (PROVINCE/YEAR.md) are copied into a temporary
// directory as a.md, b.md … so that no file name tells the year, and read as
// one corpus; so are the national reports. The "no front matter" column reads
// the same copies with their YAML front matter taken out, so that only the
// report's own words give the year.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

type tally struct {
	name                                 string
	reports, years, yearsBare, unknown   int
	review, plan, both, sections, units  int
	headingLike, leaks, govRight, govNil int
	nameWrong                            int // year against the file name, where the report's own dateline agrees with the year read
	elapsed                              time.Duration
}

func (t *tally) add(o tally) {
	t.reports += o.reports
	t.years += o.years
	t.yearsBare += o.yearsBare
	t.unknown += o.unknown
	t.review += o.review
	t.plan += o.plan
	t.both += o.both
	t.sections += o.sections
	t.units += o.units
	t.headingLike += o.headingLike
	t.leaks += o.leaks
	t.govRight += o.govRight
	t.govNil += o.govNil
	t.nameWrong += o.nameWrong
	t.elapsed += o.elapsed
}

var reYearName = regexp.MustCompile(`^((?:19|20)[0-9]{2})\.(md|txt)$`)

func main() {
	root := flag.String("corpora", filepath.Join("..", "shared", "corpora"), "the shared corpora")
	list := flag.Bool("list", false, "list every report read wrong")
	flag.Parse()
	if _, err := os.Stat(*root); err != nil {
		fmt.Printf("measure: no corpora at %s: skipped\n", *root)
		return
	}
	tmp, err := os.MkdirTemp("", "measure")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(tmp)

	var groups []string
	provs, _ := filepath.Glob(filepath.Join(*root, "provinces", "*"))
	sort.Strings(provs)
	groups = append(groups, provs...)
	if _, err := os.Stat(filepath.Join(*root, "national")); err == nil {
		groups = append(groups, filepath.Join(*root, "national"))
	}
	var prov, nat tally
	prov.name, nat.name = "provinces", "national"
	for _, g := range groups {
		t := measure(g, tmp, *list)
		if filepath.Base(g) == "national" {
			nat.add(t)
		} else {
			prov.add(t)
		}
	}
	fmt.Println("| corpus | reports | years right | dateline against name | years right, no front matter | year unknown | review part | plan part | both | sections | units | heading-like units | ** leaks | government right | government unknown | read in |")
	fmt.Println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	for _, t := range []tally{prov, nat} {
		if t.reports == 0 {
			continue
		}
		fmt.Printf("| %s | %d | %s | %d | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.2f s |\n",
			t.name, t.reports, pct(t.years, t.reports), t.nameWrong, pct(t.yearsBare, t.reports), t.unknown, t.review, t.plan, t.both,
			t.sections, t.units, t.headingLike, t.leaks, t.govRight, t.govNil, t.elapsed.Seconds())
	}
}

func pct(n, of int) string { return fmt.Sprintf("%d (%.1f%%)", n, 100*float64(n)/float64(of)) }

// measure copies one folder of YEAR.md files under neutral names, reads it
// twice (as it is, and without front matter) and counts.
func measure(dir, tmp string, list bool) tally {
	t := tally{name: filepath.Base(dir)}
	files, _ := os.ReadDir(dir)
	want := map[string]int{} // neutral base name → year in the original name
	orig := map[string]string{}
	plain := filepath.Join(tmp, t.name, "plain")
	bare := filepath.Join(tmp, t.name, "bare")
	os.MkdirAll(plain, 0o755)
	os.MkdirAll(bare, 0o755)
	i := 0
	for _, f := range files {
		m := reYearName.FindStringSubmatch(f.Name())
		if m == nil {
			continue
		}
		y, _ := strconv.Atoi(m[1])
		b, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			fail(err)
		}
		name := neutral(i) + "." + m[2]
		i++
		want[name] = y
		orig[name] = f.Name()
		write(filepath.Join(plain, name), b)
		write(filepath.Join(bare, name), []byte(stripFrontMatter(string(b))))
	}
	start := time.Now()
	c, err := corpus.Load(plain, corpus.Options{})
	t.elapsed = time.Since(start)
	if err != nil {
		fail(err)
	}
	gov := hanzi.Fold(t.name)
	if gov == "national" {
		gov = "国务院"
	}
	for _, r := range c.Reports {
		name := filepath.Base(r.Source.Name)
		t.reports++
		wrong := []string{}
		switch {
		case r.Year == want[name]:
			t.years++
		case r.Year > 0 && datelineYear(r) == r.Year:
			t.nameWrong++
			wrong = append(wrong, fmt.Sprintf("year %d as its dateline says, not the file name's", r.Year))
		case r.Year == 0:
			t.unknown++
			wrong = append(wrong, "year unknown")
		default:
			wrong = append(wrong, fmt.Sprintf("year %d", r.Year))
		}
		has := map[corpus.PartKind]bool{}
		for _, p := range r.Parts {
			has[p.Kind] = true
		}
		if has[corpus.Review] {
			t.review++
		}
		if has[corpus.Plan] {
			t.plan++
		}
		if has[corpus.Review] && has[corpus.Plan] {
			t.both++
		} else {
			wrong = append(wrong, "parts "+parts(r))
		}
		for _, s := range r.Sections() {
			if s.Title != "" {
				t.sections++
			}
			if strings.Contains(s.Title, "**") {
				t.leaks++
			}
		}
		t.units += len(r.Units)
		for _, u := range r.Units {
			if headingLike(u) {
				t.headingLike++
				wrong = append(wrong, fmt.Sprintf("heading-like unit line %d %q", u.Line, first(u.Text, 30)))
			}
			if strings.Contains(u.Heading, "**") {
				t.leaks++
			}
		}
		if strings.Contains(r.Title, "**") || strings.Contains(r.Government, "**") {
			t.leaks++
		}
		switch g := hanzi.Fold(r.Government); {
		case g == gov:
			t.govRight++
		case g == "" || g == "unknown":
			t.govNil++
			wrong = append(wrong, "government unknown")
		default:
			wrong = append(wrong, fmt.Sprintf("government %q", r.Government))
		}
		if list && len(wrong) > 0 {
			fmt.Printf("%s/%s (%s): %s\n", t.name, orig[name], name, strings.Join(wrong, "; "))
		}
	}
	cb, err := corpus.Load(bare, corpus.Options{})
	if err != nil {
		fail(err)
	}
	for _, r := range cb.Reports {
		if r.Year == want[filepath.Base(r.Source.Name)] {
			t.yearsBare++
		}
	}
	return t
}

// datelineYear returns the year of the report's delivery date when it was
// delivered in the first months of a year (its work year), else 0.
func datelineYear(r *corpus.Report) int {
	d := deliveredOf(r)
	if len(d) < 7 || d[5:7] > "06" {
		return 0
	}
	y, _ := strconv.Atoi(d[:4])
	return y
}

func parts(r *corpus.Report) string {
	var ks []string
	for _, p := range r.Parts {
		ks = append(ks, string(p.Kind))
	}
	return strings.Join(ks, ",")
}

// headingLike reports whether a unit looks like a heading read as a
// paragraph: a whole line in bold or opened by #, or a short numbered line
// without a full stop.
func headingLike(u *corpus.Unit) bool {
	if u.Role == corpus.RoleFront || u.Role == corpus.RoleSalutation {
		return false
	}
	t := strings.TrimSpace(u.Text)
	if strings.HasPrefix(t, "#") || strings.HasPrefix(t, "**") && strings.HasSuffix(t, "**") && !strings.Contains(t[2:len(t)-2], "**") {
		return true
	}
	if utf8.RuneCountInString(t) > 40 || strings.ContainsAny(t, "。！？；：") {
		return false
	}
	return regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章部])`).MatchString(t)
}

func first(s string, n int) string {
	rs := []rune(s)
	if len(rs) > n {
		return string(rs[:n]) + "…"
	}
	return s
}

// stripFrontMatter takes out a YAML block opening the text.
func stripFrontMatter(s string) string {
	if !strings.HasPrefix(s, "---\n") {
		return s
	}
	if i := strings.Index(s[4:], "\n---\n"); i >= 0 {
		return s[4+i+5:]
	}
	return s
}

// neutral returns a name that says nothing of a year: a, b, … z, aa, ab ….
func neutral(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i = i/26 - 1
		if i < 0 {
			return s
		}
	}
}

func write(p string, b []byte) {
	if err := os.WriteFile(p, b, 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "measure:", err)
	os.Exit(2)
}

// deliveredOf returns the report's delivery date.
func deliveredOf(r *corpus.Report) string { return r.Delivered }
