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
			for _, line := range zipColumns(wrapSegments(left, colW, pt), wrapSegments(right, colW, pt), colW) {
				var b strings.Builder
				if err := writeText(&b, line); err != nil {
					t.Fatal(err)
				}
				if w := visibleWidth(b.String()); w > width {
					t.Fatalf("width %d, color %v: a line of %d columns: %q", width, color, w, line)
				}
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
