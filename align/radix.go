package align

import "math/bits"

// sorter sorts features by radix, with buffers reused from one sort to the
// next. A report's units have some ten thousand grams between them, each
// unit a few hundred: sorting them is much of the work of reading a unit
// and of counting a report's document frequencies, and a radix sort of the
// bytes in which the features differ (five of eight for the bigrams of the
// Basic Multilingual Plane) takes a fraction of the time comparisons take.
// A sorter serves one goroutine.
type sorter struct {
	kbuf      []feat
	idx, ibuf []int32
}

// smallSort is the size under which insertion sort beats the radix passes.
const smallSort = 48

// order sorts fs stably, in place, and returns for each feature in order
// its index in fs before the sort: a buffer of s, valid until its next use.
func (s *sorter) order(fs []feat) []int32 {
	n := len(fs)
	if cap(s.kbuf) < n {
		s.kbuf, s.idx, s.ibuf = make([]feat, n), make([]int32, n), make([]int32, n)
	}
	kbuf, ibuf, idx := s.kbuf[:n], s.ibuf[:n], s.idx[:n]
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
			kbuf[l], ibuf[l] = f, int32(i)
			l++
		} else {
			kbuf[h], ibuf[h] = f, int32(i)
			h++
		}
	}
	radix(kbuf[:low], fs[:low], ibuf[:low], idx[:low])
	radix(kbuf[low:], fs[low:], ibuf[low:], idx[low:])
	return idx
}

// radix sorts keys (with their indices, ix) stably into dst (and dx):
// eight bits at a time, least significant first, each pass starting at the
// lowest bit not yet sorted in which keys differ, so that the bits all keys
// share are passed over (for a bigram of the Basic Multilingual Plane, four
// passes, not eight). keys and ix are overwritten.
func radix(keys, dst []feat, ix, dx []int32) {
	if len(keys) < smallSort {
		for i, k := range keys {
			x := ix[i]
			j := i
			for ; j > 0 && dst[j-1] > k; j-- {
				dst[j], dx[j] = dst[j-1], dx[j-1]
			}
			dst[j], dx[j] = k, x
		}
		return
	}
	or, and := feat(0), ^feat(0)
	for _, f := range keys {
		or, and = or|f, and&f
	}
	diff := or ^ and
	src, isrc, out, iout := keys, ix, dst, dx
	var count [256]int32
	for shift := 0; shift < 64 && diff>>shift != 0; shift += 8 {
		shift += bits.TrailingZeros64(uint64(diff >> shift))
		clear(count[:])
		for _, f := range src {
			count[f>>shift&0xff]++
		}
		at := int32(0)
		for b, c := range count {
			count[b] = at
			at += c
		}
		for i, f := range src {
			b := f >> shift & 0xff
			out[count[b]], iout[count[b]] = f, isrc[i]
			count[b]++
		}
		src, isrc, out, iout = out, iout, src, isrc
	}
	if len(src) > 0 && &src[0] != &dst[0] {
		copy(dst, src)
		copy(dx, isrc)
	}
}
