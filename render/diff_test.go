package render

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/diffview"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// randomChinese returns text of Han characters, digits, Latin letters and
// punctuation, with now and then a long run without a break.
func randomChinese(rng *rand.Rand, n int) string {
	pool := []rune("東城區政府工作報告加強文化建設推進城市更新改造環境治理年增長億元萬人，。、；：“”《》（）0123456789%ABCxyz　 ")
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteRune(pool[rng.Intn(len(pool))])
	}
	return b.String()
}

func TestSideBySideWidth(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for n := 0; n < 200; n++ {
		width := 40 + rng.Intn(161)
		a, b := randomChinese(rng, rng.Intn(400)), randomChinese(rng, rng.Intn(400))
		ops := diffview.Diff(a, b, diffview.Options{})
		for _, color := range []bool{false, true} {
			pt := newPainter(Style{Color: color})
			colW := (width - 3) / 2
			var left, right []textRun
			for _, op := range ops {
				s := textRun{text: op.Text, kind: op.Kind}
				if op.Kind != diffview.Insert {
					left = append(left, s)
				}
				if op.Kind != diffview.Delete {
					right = append(right, s)
				}
			}
			var lc, rc column
			lc.wrap(left, colW, pt)
			rc.wrap(right, colW, pt)
			var b strings.Builder
			if err := writeText(&b, string(appendZipped(nil, &lc, &rc, colW, ink{}))); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
			if len(lines) != max(len(lc.lines), len(rc.lines)) {
				t.Fatalf("width %d, color %v: %d lines of columns of %d and %d", width, color, len(lines), len(lc.lines), len(rc.lines))
			}
			for _, line := range lines {
				if w := visibleWidth(line); w > width {
					t.Fatalf("width %d, color %v: a line of %d columns: %q", width, color, w, line)
				}
			}
			if color {
				continue
			}
			// The lines of a column, joined, are its text and marks.
			var want, got strings.Builder
			for _, s := range left {
				open, closing := "", ""
				if s.kind == diffview.Delete {
					open, closing = "[-", "-]"
				}
				want.WriteString(open + strings.NewReplacer("\n", "", "\r", "").Replace(s.text) + closing)
			}
			for i := range lc.lines {
				l, _ := lc.line(i)
				got.Write(l)
			}
			if got.String() != want.String() {
				t.Fatalf("width %d: the left column reads %q, want %q", width, got.String(), want.String())
			}
		}
	}
}

// visibleWidth measures a line without its ANSI escapes.
func visibleWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			j := strings.IndexByte(s[i:], 'm')
			if j < 0 {
				break
			}
			i += j + 1
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		w += hanzi.RuneWidth(r)
		i += n
	}
	return w
}
