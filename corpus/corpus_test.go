package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/internal/lazyre"
)

// seedPath is the seed file of the project, beside the repository.
const seedPath = "../../shared/seed/000_c9ac419c87202d45.txt"

// seedSHA256 is the hash of the seed file, so the embedded copy is proved to
// be the seed even where shared/ is not beside the checkout.
const seedSHA256 = "b12e7518b2561db837e35d37b6513d184e1022f79addf48f1ece42c16bdf9ba8"

func TestEmbeddedIsSeed(t *testing.T) {
	sum := sha256.Sum256([]byte(DefaultText()))
	if got := hex.EncodeToString(sum[:]); got != seedSHA256 {
		t.Errorf("embedded corpus sha256 = %s, want %s", got, seedSHA256)
	}
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		// The hash above has proved it already; the byte comparison needs
		// shared/ beside the checkout.
		t.Skipf("seed not beside the checkout: %v", err)
	}
	if string(seed) != DefaultText() {
		t.Fatalf("embedded corpus differs from %s", seedPath)
	}
}

// assertLossless checks that the pieces of a source are contiguous, cover it
// and give it back byte for byte, and that every unit's text is in its span.
func assertLossless(t *testing.T, src *Source) {
	t.Helper()
	var b strings.Builder
	pos := 0
	for _, p := range src.Pieces() {
		sp := p.Span()
		if sp.Start != pos {
			t.Fatalf("piece at %d starts at %d: a gap or an overlap", pos, sp.Start)
		}
		if sp.End < sp.Start {
			t.Fatalf("piece %v ends before it starts", sp)
		}
		b.WriteString(src.Text[sp.Start:sp.End])
		pos = sp.End
		if u := p.Unit; u != nil {
			var joined strings.Builder
			for _, s := range u.segs {
				if s.Start < sp.Start || s.End > sp.End {
					t.Fatalf("unit %s: segment %v outside its span %v", u.ID, s, sp)
				}
				joined.WriteString(src.Text[s.Start:s.End])
			}
			if joined.String() != u.Text {
				t.Fatalf("unit %s: text %q is not its segments %q", u.ID, u.Text, joined.String())
			}
			// A report's unit's sentences are taken from its block's: they
			// must be what cutting its own text gives. The file's front
			// matter (lines before the first report, no report's unit) is
			// cut into none; a report's own title or closing lines, whose
			// role is front too, are cut like any unit.
			if want := splitSentences(u.Text); u.Report != nil && !slices.Equal(u.Sentences, want) {
				t.Fatalf("unit %s: sentences %v, its text cuts into %v", u.ID, u.Sentences, want)
			}
		}
	}
	if b.String() != src.Text {
		t.Fatalf("pieces give back %d bytes, the source has %d", b.Len(), len(src.Text))
	}
}

func loadSeed(t *testing.T) *Corpus {
	t.Helper()
	c, err := Load("", Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSeedLossless(t *testing.T) {
	c := loadSeed(t)
	assertLossless(t, c.Sources[0])
	// Every non-blank line of the seed after the front matter is inside a
	// unit or a heading that covers it.
	lines := strings.Split(DefaultText(), "\n")
	covered := map[int]bool{}
	for _, p := range c.Sources[0].Pieces() {
		sp := p.Span()
		for l := c.Sources[0].LineAt(sp.Start); l <= c.Sources[0].LineAt(max(sp.Start, sp.End-1)); l++ {
			covered[l] = true
		}
	}
	for i, l := range lines {
		if strings.TrimSpace(l) != "" && !covered[i+1] {
			t.Errorf("line %d is in no piece", i+1)
		}
	}
}

func TestSeedYears(t *testing.T) {
	c := loadSeed(t)
	want := []struct {
		id             string
		year, reviewed int
	}{{"p3", 2014, 2013}, {"p2", 2015, 2014}, {"p1", 2016, 2015}}
	if len(c.Reports) != len(want) {
		t.Fatalf("got %d reports, want %d", len(c.Reports), len(want))
	}
	for i, w := range want {
		r := c.Reports[i]
		if r.ID != w.id || r.Year != w.year || r.ReviewYear != w.reviewed {
			t.Errorf("report %d = %s %d reviewing %d, want %s %d reviewing %d", i, r.ID, r.Year, r.ReviewYear, w.id, w.year, w.reviewed)
		}
		if len(r.Evidence) < 2 {
			t.Errorf("report %s: only %d pieces of evidence", r.ID, len(r.Evidence))
		}
		for _, e := range r.Evidence {
			if e.Implies != r.Year {
				t.Errorf("report %s: evidence %q implies %d", r.ID, e.Text, e.Implies)
			}
			if !strings.Contains(lineText(c.Sources[0], e.Line), e.Text) {
				t.Errorf("report %s: evidence %q is not on line %d", r.ID, e.Text, e.Line)
			}
		}
	}
	if len(c.Warnings) != 0 {
		t.Errorf("warnings on the seed: %v", c.Warnings)
	}
}

func lineText(src *Source, n int) string {
	lines := strings.Split(src.Text, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// unitAt returns the unit whose text starts with prefix.
func unitAt(t *testing.T, r *Report, prefix string) *Unit {
	t.Helper()
	for _, u := range r.Units {
		if strings.HasPrefix(u.Text, prefix) {
			return u
		}
	}
	t.Fatalf("report %s: no unit starts with %q", r.ID, prefix)
	return nil
}

func TestSeedDefects(t *testing.T) {
	c := loadSeed(t)
	p3, _ := c.Find("2014")
	p1, _ := c.Find("2016")

	// A paragraph broken in the middle of a word is one unit.
	u := unitAt(t, p3, "推進歷史文化保護重點專案建設")
	if !strings.Contains(u.Text, "吸引更多社會資本參與名城保護。") || u.Line == u.EndLine {
		t.Errorf("broken paragraph not joined: lines %d-%d %q", u.Line, u.EndLine, u.Text[len(u.Text)-60:])
	}
	// Topic paragraphs merged on one line are cut at their topic sentences.
	for _, lead := range []string{"加強人口規模調控", "努力擴大消費需求", "深入推進環境整治", "就業和社會保障工作不斷加強"} {
		u := unitAt(t, p3, lead)
		if u.Heading != lead {
			t.Errorf("merged topic %q: heading %q", lead, u.Heading)
		}
	}
	prev := unitAt(t, p3, "提升交通執行保障能力")
	if !strings.HasSuffix(prev.Text, "緩解停車難。") {
		t.Errorf("unit before 加強人口規模調控 ends %q", prev.Text[len(prev.Text)-30:])
	}
	// Short items of a list inside a topic are not cut off.
	for _, item := range []string{"建立東城區養老機構標準化指標體系", "打造地壇——青年湖慢行系統示範區", "實現區文化活動中心主體結構完工"} {
		for _, r := range c.Reports {
			for _, u := range r.Units {
				if strings.HasPrefix(u.Text, item) {
					t.Errorf("list item %q opens unit %s", item, u.ID)
				}
			}
		}
	}
	// Subsection markers with their parentheses lost.
	u = unitAt(t, p1, "統籌兼顧完善疏解機制")
	if u.Subsection.Title != "加快疏解非首都功能" || u.Subsection.Number != 1 || u.Section.Number != 1 {
		t.Errorf("subsection of %s = %d %q in section %d", u.ID, u.Subsection.Number, u.Subsection.Title, u.Section.Number)
	}
	// A heading split over two lines.
	var outline *Part
	for _, p := range p1.Parts {
		if p.Kind == Outline {
			outline = p
		}
	}
	if outline == nil || !strings.HasSuffix(outline.Heading.Text, "和社會發展第十三個五年規劃綱要草案》的說明") || outline.Heading.EndLine != outline.Heading.Line+1 {
		t.Errorf("outline heading = %+v", outline)
	}
}

func TestSeedParts(t *testing.T) {
	c := loadSeed(t)
	for _, r := range c.Reports {
		var kinds []string
		for _, p := range r.Parts {
			kinds = append(kinds, string(p.Kind))
		}
		got := strings.Join(kinds, ",")
		want := "preamble,review,plan,closing"
		if r.ID == "p1" {
			want = "preamble,review,plan,outline,closing"
		}
		if got != want {
			t.Errorf("report %s parts = %s, want %s", r.ID, got, want)
		}
		// Every topic paragraph (a unit with a heading, in a numbered
		// section) of the review speaks of the past, of the plan of the future:
		// the part of each unit is the part of its section.
		for _, u := range r.Units {
			if u.Section.Part != u.Part {
				t.Errorf("unit %s: part %s but section in %s", u.ID, u.Part.Kind, u.Section.Part.Kind)
			}
		}
	}
	roles := map[string]Role{"預計全區地區生產總值增長8%左右": RoleOutcome, "今年全區經濟社會發展主要預期目標是": RoleTargets,
		"在總結成績的同時": RoleProblems, "20xx年政府工作的總體要求是": RoleGuidelines}
	p3, _ := c.Find("p3")
	for prefix, want := range roles {
		if u := unitAt(t, p3, prefix); u.Role != want {
			t.Errorf("unit %s %q: role %q, want %q", u.ID, prefix, u.Role, want)
		}
	}
}

func TestCheckSeedClean(t *testing.T) {
	if fs := Check(loadSeed(t)); len(fs) != 0 {
		t.Errorf("findings on the seed: %v", fs)
	}
}

// TestExpressionsCompile compiles every expression of the package, which
// are compiled on first use: a bad one fails here, not in a run.
func TestExpressionsCompile(t *testing.T) {
	if expr, err := lazyre.All(); err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
}

// TestExpressionsAreWarmed checks that every expression of the package is
// made in the reading group (reading.New), which Warm compiles ahead of
// the reading: one made with lazyre.New would be compiled on the reading's
// way.
func TestExpressionsAreWarmed(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("the package's files: %v, %v", files, err)
	}
	grouped := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "lazyre.New(") {
			t.Errorf("%s makes an expression with lazyre.New: make it with reading.New", f)
		}
		grouped += strings.Count(string(b), "reading.New(")
	}
	if grouped == 0 {
		t.Error("no expression is made in the reading group")
	}
}
