package align

import "math"

// assign solves the assignment problem: it picks pairs (row, column), each row
// and each column at most once, so that the sum of their weights is the
// largest possible. Pairs of weight 0 or less are never picked. It returns,
// for each row, its column or -1.
//
// It is the Hungarian method in its O(n³) form with potentials (Kuhn 1955,
// Munkres 1957, as in Jonker and Volgenant's shortest augmenting paths), on
// the square matrix of costs max−w padded with zeros; pairs that the
// padding or a non-positive weight made are dropped afterwards. Ties are
// broken by index, so the result is the same on every run.
func assign(w [][]float64) []int {
	rows := len(w)
	if rows == 0 {
		return nil
	}
	cols := len(w[0])
	n := max(rows, cols)
	maxW := 0.0
	for _, r := range w {
		for _, x := range r {
			maxW = math.Max(maxW, x)
		}
	}
	// The costs, read n times each.
	costs := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			costs[i*n+j] = maxW
			if i < rows && j < cols && w[i][j] > 0 {
				costs[i*n+j] = maxW - w[i][j]
			}
		}
	}
	// u, v: potentials; p[j]: row matched to column j (1-based, 0 = none).
	u := make([]float64, n+1)
	v := make([]float64, n+1)
	p := make([]int, n+1)
	way := make([]int, n+1)
	minv := make([]float64, n+1)
	used := make([]bool, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		clear(used)
		for j := range minv {
			minv[j] = math.Inf(1)
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				cur := costs[(i0-1)*n+j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	out := make([]int, rows)
	for i := range out {
		out[i] = -1
	}
	for j := 1; j <= n; j++ {
		i := p[j] - 1
		if i >= 0 && i < rows && j-1 < cols && w[i][j-1] > 0 {
			out[i] = j - 1
		}
	}
	return out
}
