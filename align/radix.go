package align

import "math/bits"

// sorter sorts features by radix, with buffers reused from one sort to the
// next. A report's units have some ten thousand grams between them, each
// unit a few hundred: sorting them is much of the work of reading a unit
// and of counting a report's document frequencies, and a radix sort of the
// bits in which the features differ (32 of 64 for the bigrams of the
// Basic Multilingual Plane) takes a fraction of the time comparisons take.
// A sorter serves one goroutine.
type sorter struct {
	a, b []keyed
	idx  []int32

	// for countFeats
	vals  []uint64  // the features of a report
	flags [][]int32 // flagSort's counts and ends, by depth
}

// keyed is a feature and its index before the sort: moved together, with
// one store a move.
type keyed struct {
	f feat
	i int32
}

// smallSort is the size under which insertion sort beats the radix passes.
const smallSort = 48

// buffers returns s's two buffers of n keyed features, for radix.
func (s *sorter) buffers(n int) (a, b []keyed) {
	if cap(s.a) < n {
		s.a, s.b = make([]keyed, n), make([]keyed, n)
	}
	return s.a[:n], s.b[:n]
}

// values returns s's buffer of n numbers, for countFeats.
func (s *sorter) values(n int) []uint64 {
	if cap(s.vals) < n {
		s.vals = make([]uint64, n)
	}
	return s.vals[:n]
}

// order sorts fs stably, in place, and returns for each feature in order
// its index in fs before the sort: a buffer of s, valid until its next use.
func (s *sorter) order(fs []feat) []int32 {
	n := len(fs)
	a, b := s.buffers(n)
	if cap(s.idx) < n {
		s.idx = make([]int32, n)
	}
	idx := s.idx[:n]
	// The hashed features (bit 63 clear) come before the packed ones (bit
	// 63 set): put them first, each in its order, and sort the two parts
	// apart, so that the few hashes, whose bits are all different, do not
	// make the many runes of the packed ones go through eight passes.
	low := 0
	for _, f := range fs {
		if f&packed == 0 {
			low++
		}
	}
	l, h := 0, low
	for i, f := range fs {
		if f&packed == 0 {
			a[l] = keyed{f, int32(i)}
			l++
		} else {
			a[h] = keyed{f, int32(i)}
			h++
		}
	}
	sorted := radix(a[:low], b[:low])
	for i, k := range sorted {
		fs[i], idx[i] = k.f, k.i
	}
	sorted = radix(a[low:], b[low:])
	for i, k := range sorted {
		fs[low+i], idx[low+i] = k.f, k.i
	}
	return idx
}

// radix sorts keys stably, with buf as a buffer, and returns them sorted
// (keys or buf): eight bits at a time, least significant first, each pass
// starting at the lowest bit not yet sorted in which keys differ, so that
// the bits all keys share are passed over (for a bigram of the Basic
// Multilingual Plane, four passes, not eight).
func radix(keys, buf []keyed) []keyed {
	if len(keys) < smallSort {
		for i := 1; i < len(keys); i++ {
			k := keys[i]
			j := i
			for ; j > 0 && keys[j-1].f > k.f; j-- {
				keys[j] = keys[j-1]
			}
			keys[j] = k
		}
		return keys
	}
	or, and := feat(0), ^feat(0)
	for _, k := range keys {
		or, and = or|k.f, and&k.f
	}
	diff := or ^ and
	src, dst := keys, buf[:len(keys)]
	var count [256]int32
	for shift := 0; shift < 64 && diff>>shift != 0; shift += 8 {
		shift += bits.TrailingZeros64(uint64(diff >> shift))
		clear(count[:])
		for _, k := range src {
			count[k.f>>shift&0xff]++
		}
		at := int32(0)
		for d, c := range count {
			count[d] = at
			at += c
		}
		for _, k := range src {
			d := k.f >> shift & 0xff
			dst[count[d]] = k
			count[d]++
		}
		src, dst = dst, src
	}
	return src
}

// flagSort sorts vs in place by their bits from bit lo up; the order of
// numbers that differ only below lo is any. It is a radix sort from the
// most significant bits down that moves each number into its bucket by
// cycles (McIlroy, Bostic and McIlroy's American flag sort, 1993), so that
// it needs no second buffer, then sorts each bucket by the next bits. A
// part of n numbers is split by about log2(n)-3 bits at once (up to twelve
// for the whole, eight below), so that most buckets are left with a few
// numbers, sorted by insertion.
func (s *sorter) flagSort(vs []uint64, lo int) { s.flag(vs, lo, 0) }

// flagSmall is the size under which flag sorts by insertion.
const flagSmall = 64

// flag sorts vs by their bits from lo up, with the counts of depth: by
// the highest bits in which they differ first.
func (s *sorter) flag(vs []uint64, lo, depth int) {
	if len(vs) < flagSmall {
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
			s.flag(vs[from:to], lo, depth+1)
		}
		from = to
	}
}
