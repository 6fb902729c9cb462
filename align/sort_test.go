package align

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// sortOccurrences gives what sorting by feature, then place, gives: on the
// trigrams of constructed texts in both scripts, with quoted terms and
// figures among them, and with characters beyond the Basic Multilingual
// Plane.
func TestSortOccurrences(t *testing.T) {
	texts := []string{
		"推进“松岚智慧街区”建设，完成35座公厕改造，推进松岚智慧街区二期",
		"推進“松嵐智慧街區”建設，完成35座公廁改造，推進松嵐智慧街區二期",
		"加快𠀀𠀁𠀂建设𠀀𠀁𠀂，新建12个驿站",
		"",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 50; i++ {
		rs := make([]rune, 40)
		for k := range rs {
			rs[k] = []rune("甲乙丙丁“”12个%")[rng.IntN(10)]
		}
		texts = append(texts, string(rs))
	}
	for _, text := range texts {
		occ := slices.Clone(rareCandidates(text, []rune(text), &prepScratch{}))
		want := slices.Clone(occ)
		slices.SortFunc(want, func(a, b occurrence) int {
			if c := cmp.Compare(a.f, b.f); c != 0 {
				return c
			}
			return cmp.Compare(a.start, b.start)
		})
		if got := sortOccurrences(occ, &prepScratch{}); !slices.Equal(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", text, got, want)
		}
	}
}
