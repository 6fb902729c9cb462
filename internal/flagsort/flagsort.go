// Package flagsort sorts numbers in place by their bits rather than by
// comparing them (an American flag sort): a few passes over the numbers
// where a comparison sort takes log n, for the many numbers reportdiff packs
// its features and index entries into (a character pair and where it
// stands, one uint64).
package flagsort

import "math/bits"

// Sorter sorts numbers in place, its counts reused from one sort to the
// next. Its zero value is ready; it serves one goroutine.
type Sorter struct {
	flags [][]int32 // the counts and ends of the buckets, by depth
}

// Sort sorts vs in place by their bits from bit lo up (with lo 0, by the
// whole numbers); the order of numbers that differ only below lo is any.
// It is a radix sort from the most significant bits down that moves each
// number into its bucket by cycles (McIlroy, Bostic and McIlroy's American
// flag sort, 1993), so that it needs no second buffer, then sorts each
// bucket by the next bits. A part of n numbers is split by about log2(n)-3
// bits at once (up to twelve for the whole, eight below), so that most
// buckets are left with a few numbers, sorted by insertion.
func (s *Sorter) Sort(vs []uint64, lo int) { s.sort(vs, lo, 0) }

// small is the size under which sort sorts by insertion.
const small = 64

// sort sorts vs by their bits from lo up, with the counts of depth: by
// the highest bits in which they differ first.
func (s *Sorter) sort(vs []uint64, lo, depth int) {
	if len(vs) < small {
		for i := 1; i < len(vs); i++ {
			v := vs[i]
			j := i
			for ; j > 0 && vs[j-1] > v; j-- {
				vs[j] = vs[j-1]
			}
			vs[j] = v
		}
		return
	}
	or, and := uint64(0), ^uint64(0)
	for _, v := range vs {
		or, and = or|v, and&v
	}
	diff := (or ^ and) >> lo
	if diff == 0 {
		return
	}
	top := lo + bits.Len64(diff)
	most := 8
	if depth == 0 {
		most = 12
	}
	w := min(max(bits.Len(uint(len(vs)))-3, 1), most, top-lo)
	shift, mask := top-w, uint64(1)<<w-1
	if len(s.flags) <= depth {
		s.flags = append(s.flags, nil)
	}
	if len(s.flags[depth]) < 2<<w {
		s.flags[depth] = make([]int32, 2<<w)
	}
	next, end := s.flags[depth][:1<<w], s.flags[depth][1<<w:2<<w]
	clear(next)
	for _, v := range vs {
		next[v>>shift&mask]++
	}
	at := int32(0)
	for d, c := range next {
		next[d], at = at, at+c
		end[d] = at
	}
	// Each number goes to the next free place of its bucket, the number
	// there moving on in its turn, until one of bucket d comes back.
	for d := range next {
		for next[d] < end[d] {
			v := vs[next[d]]
			for x := v >> shift & mask; x != uint64(d); x = v >> shift & mask {
				vs[next[x]], v = v, vs[next[x]]
				next[x]++
			}
			vs[next[d]] = v
			next[d]++
		}
	}
	if shift <= lo {
		return
	}
	from := int32(0)
	for _, to := range end {
		if to-from > 1 {
			s.sort(vs[from:to], lo, depth+1)
		}
		from = to
	}
}
