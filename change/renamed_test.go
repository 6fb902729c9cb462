package change

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// TestRenamedReadsTextByBytes checks that renamed, which finds the stretches
// of text by bytes and reads only them as runes, answers as renamedByRunes,
// which reads the whole text as runes: on the names and clauses of the
// seed's commitments, and on constructed keys and texts of few characters
// (so that stretches open, repeat and overlap everywhere), bytes that are no
// UTF-8 among them.
func TestRenamedReadsTextByBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 1053))
	alphabet := []string{"某", "某", "区", "甲", "乙", "项目", "中心", "公园", "环线", "绿道", "景观", "年会", "建设", "\xff", "一", "5"}
	pick := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for c := range 20000 {
		key, text := pick(3+rng.IntN(6)), pick(rng.IntN(14))
		if c%3 == 0 {
			text = pick(rng.IntN(4)) + key[:len(key)*2/3] + pick(rng.IntN(4))
		}
		if got, want := renamed(text, key), renamedByRunes(text, key); got != want {
			t.Fatalf("renamed(%q, %q) = %v, want %v", text, key, got, want)
		}
	}
	names := []string{"东湖滨河环线绿廊景观", "某某区科技创新中心", "國際會議中心建設項目", "城市副中心行政办公区"}
	texts := []string{"推进东湖滨河环线绿道建设", "某某区创新中心投入使用", "國際會議中心項目竣工", "城市副中心办公区建成"}
	for _, k := range names {
		for _, x := range texts {
			kf, xf := hanzi.Fold(k), hanzi.Fold(x)
			if renamed(xf, kf) != renamedByRunes(xf, kf) {
				t.Errorf("renamed(%q, %q) differs", xf, kf)
			}
		}
	}
	if utf8.ValidString(alphabet[13]) {
		t.Fatal("the alphabet must hold a byte that is no UTF-8")
	}
}

// renamedByRunes is renamed as it was first written, the whole text read as
// runes.
func renamedByRunes(text, key string) bool {
	cw := commitmentVocab()
	if utf8.RuneCountInString(key) < 5 {
		return false
	}
	// Every way below needs the key's first two characters in text.
	if head, ok := firstTwo(key); ok && !strings.Contains(text, head) {
		return false
	}
	kr := []rune(key)
	cr := []rune(text)
	last := kr[len(kr)-1]
	for at := 0; at+1 < len(cr); at++ {
		if cr[at] != kr[0] || cr[at+1] != kr[1] {
			continue
		}
		three := at+2 < len(cr) && cr[at+2] == kr[2]
		for e := at + 1; e < len(cr) && e < at+len(kr)*3/2; e++ {
			if cr[e] != last {
				continue
			}
			stretch := cr[at : e+1]
			n := lcs(kr, stretch)
			dropped := n == len(stretch) || n == len(kr) // one holds the other with words left out
			if 4*n >= 3*len(kr) && (dropped || n >= len(kr)-len(kr)/8) || three && dropped && len(kr) >= 7 && 3*n >= 2*len(kr) {
				return true
			}
		}
	}
	class := cw.endingClass[endingOfWord(key)]
	for n := len(kr) - 1; n >= max(4, (len(kr)+1)/2); n-- {
		prefix := string(kr[:n])
		i := strings.Index(text, prefix)
		if i < 0 {
			continue
		}
		rest := text[i+len(prefix):]
		if e := endingOfWord(prefix); e != "" && wordBoundary(key, len(prefix)) {
			if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !hanzi.IsHan(r) || startsWithAny(rest, cw.stateWords) {
				return true // 某庙会全球行 named 某庙会, 某西区剩余地块 named 某西区
			}
		}
		if class == "" || 3*n < 2*len(kr) {
			continue
		}
		// The ending may begin with the prefix's last character: 某绿地 → 某绿道.
		_, lastSize := utf8.DecodeLastRuneInString(prefix)
		for _, from := range []string{rest, text[i+len(prefix)-lastSize:]} {
			for _, e := range cw.endings {
				if strings.HasPrefix(from, e) && cw.endingClass[e] == class {
					return true
				}
			}
		}
	}
	return false
}
