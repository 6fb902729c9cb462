package flagsort

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// Sorter.Sort orders numbers by their bits from lo up, as a sort of
// the numbers shifted right by lo does: on short and long lists (insertion
// sort, one level of buckets, several), numbers that share their high bits
// or differ only below lo, and repeats.
func TestSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var s Sorter
	for _, n := range []int{0, 1, 2, small - 1, small, 300, 5000, 40000} {
		for _, lo := range []int{0, 5, 17} {
			for _, kind := range []string{"spread", "clustered", "low bits only"} {
				vs := make([]uint64, n)
				for i := range vs {
					switch kind {
					case "spread":
						vs[i] = rng.Uint64()
					case "clustered": // like bigrams: a few leading values, repeats
						vs[i] = uint64(0x4E00+rng.IntN(60))<<40 | uint64(rng.IntN(50))<<lo | uint64(rng.IntN(1<<lo))
					default:
						vs[i] = 7<<50 | uint64(rng.IntN(1<<lo))
					}
				}
				want := slices.Clone(vs)
				s.Sort(vs, lo)
				for i := range vs {
					vs[i] >>= lo
					want[i] >>= lo
				}
				slices.Sort(want)
				if !slices.Equal(vs, want) {
					t.Fatalf("n=%d lo=%d %s: not sorted", n, lo, kind)
				}
			}
		}
	}
}
