// Command synth writes a synthetic corpus of many governments for
// scripts/bench-series.sh: new governments whose reports recombine the
// paragraphs of real provincial reports of the same year, so that the
// corpus grows in governments and reports while each report keeps the
// shape, the years and the length of a real one. The same seed writes the
// same corpus. It never writes into the repository: give it a folder under
// /tmp.
//
//	go run ./scripts/synth -from ../shared/corpora/provinces -to /tmp/synth-1000 -reports 1000
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

func main() {
	from := flag.String("from", "../shared/corpora/provinces", "a folder per government of YEAR.md files")
	to := flag.String("to", "", "the folder to write (must not exist)")
	reports := flag.Int("reports", 100, "how many reports to write")
	years := flag.Int("years", 25, "reports per government")
	seed := flag.Uint64("seed", 1, "the seed of the recombination")
	flag.Parse()
	if *to == "" {
		fmt.Fprintln(os.Stderr, "synth: give -to")
		os.Exit(2)
	}
	if err := run(*from, *to, *reports, *years, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

// source is a real report: its government, its lines.
type source struct {
	gov   string
	lines []string
}

func run(from, to string, n, perGov int, seed uint64) error {
	if _, err := os.Stat(to); err == nil {
		return fmt.Errorf("%s exists", to)
	}
	byYear := map[int][]source{}
	govs, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, g := range govs {
		files, _ := filepath.Glob(filepath.Join(from, g.Name(), "*.md"))
		for _, f := range files {
			y, err := strconv.Atoi(strings.TrimSuffix(filepath.Base(f), ".md"))
			if err != nil {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			byYear[y] = append(byYear[y], source{g.Name(), strings.Split(string(b), "\n")})
		}
	}
	var ys []int
	for y, ss := range byYear {
		if len(ss) >= 5 { // years most governments have
			ys = append(ys, y)
		}
	}
	sort.Ints(ys)
	if len(ys) < perGov {
		perGov = len(ys)
	}
	ys = ys[len(ys)-perGov:]
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	written := 0
	for g := 0; written < n; g++ {
		name := fmt.Sprintf("合成%d省", g+1)
		dir := filepath.Join(to, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for _, y := range ys {
			if written == n {
				break
			}
			text := recombine(byYear[y], rng, name)
			if err := os.WriteFile(filepath.Join(dir, strconv.Itoa(y)+".md"), []byte(text), 0o644); err != nil {
				return err
			}
			written++
		}
	}
	return nil
}

// recombine takes one report of the year as the frame (front matter,
// title, dateline, headings) and fills each paragraph with the paragraph
// of another report of that year that stands at about the same place, the
// government's name made the new one's.
func recombine(ss []source, rng *rand.Rand, name string) string {
	frame := ss[rng.IntN(len(ss))]
	var out []string
	for i, l := range frame.lines {
		if paragraph(l) {
			o := ss[rng.IntN(len(ss))]
			at := i * len(o.lines) / max(1, len(frame.lines))
			for k := at; k < len(o.lines) && k < at+8; k++ {
				if paragraph(o.lines[k]) {
					l = strings.ReplaceAll(o.lines[k], o.gov, name)
					break
				}
			}
		}
		out = append(out, strings.ReplaceAll(l, frame.gov, name))
	}
	return strings.Join(out, "\n")
}

// paragraph reports whether a line is a paragraph of prose: long, not a
// heading in bold or markdown, not front matter.
func paragraph(l string) bool {
	return utf8.RuneCountInString(l) > 60 && !strings.HasPrefix(l, "**") && !strings.HasPrefix(l, "#") && !strings.Contains(l, ": ") &&
		!strings.Contains(l, "报告") // an opening (我代表…向大会报告) would start a report of its own

}
