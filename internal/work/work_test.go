package work

import "testing"

func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 2, 100} {
		out := make([]int, n)
		Each(n, func(i int) { out[i] = i * i })
		for i, x := range out {
			if x != i*i {
				t.Fatalf("n=%d: out[%d] = %d", n, i, x)
			}
		}
	}
}
