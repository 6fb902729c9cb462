package align

import (
	"math/bits"

	"github.com/reportdiff/reportdiff/internal/flagsort"
)

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
	vals []uint64        // the features of a report
	ord  []uint64        // for orderPacked
	flag flagsort.Sorter // for the packed features
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
	if cap(s.idx) < n {
		s.idx = make([]int32, n)
	}
	idx := s.idx[:n]
	// The hashed features (bit 63 clear) come before the packed ones (bit
	// 63 set): put them first, each in its order, and sort the two parts
	// apart, so that the few hashes, whose bits are all different, do not
	// make the many runes of the packed ones go through eight passes.
	low, ib, fits := packedShape(fs)
	if fits {
		return s.orderPacked(fs, idx, low, ib)
	}
	a, b := s.buffers(n)
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

// packedShape says how features fs may be sorted: how many are hashed
// (low), the bits of an index among them (ib), and whether every packed
// one fits in a number with its index (its bits below bit 63 above ib bits
// of index), as orderPacked and countFeats sort them.
func packedShape[F ~uint64](fs []F) (low, ib int, fits bool) {
	payload := uint64(0)
	for _, f := range fs {
		if feat(f)&packed == 0 {
			low++
		} else {
			payload |= uint64(f) &^ uint64(packed)
		}
	}
	ib = bits.Len(uint(len(fs)))
	return low, ib, bits.Len64(payload)+ib <= 64
}

// orderPacked is order where the packed features (fs has low hashed
// ones) fit in a number with their indices (ib bits): each is sorted as
// one number, its bits below bit 63 above the bits of its index, by an
// American flag sort (flagsort.Sorter). The index bits make the sort
// stable. Where the radix sort of order made four passes over 256 counts
// for the few hundred bigrams of a unit, this splits them by a few bits at
// once, most buckets left with a handful sorted by insertion: the sorts of
// reading the units of two reports took a third of the instructions they
// took.
func (s *sorter) orderPacked(fs []feat, idx []int32, low, ib int) []int32 {
	a, b := s.buffers(low)
	if cap(s.ord) < len(fs) {
		// Grown by half again at least: the units come in any order of
		// size, and a buffer made to the size of each larger one was made
		// again and again (a megabyte an alignment of a long series).
		s.ord = make([]uint64, max(len(fs), cap(s.ord)*3/2))
	}
	vs := s.ord[:len(fs)-low]
	l, h := 0, 0
	for i, f := range fs {
		if f&packed == 0 {
			a[l], l = keyed{f, int32(i)}, l+1
		} else {
			vs[h], h = uint64(f&^packed)<<ib|uint64(i), h+1
		}
	}
	for i, k := range radix(a[:low], b[:low]) {
		fs[i], idx[i] = k.f, k.i
	}
	s.flag.Sort(vs, 0)
	mask := uint64(1)<<ib - 1
	for i, v := range vs {
		fs[low+i], idx[low+i] = packed|feat(v>>ib), int32(v&mask)
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
