package align

// sorter sorts features by radix, with buffers reused from one sort to the
// next. A report's units have some ten thousand grams between them, each
// unit a few hundred: sorting them is much of the work of reading a unit
// and of counting a report's document frequencies, and a radix sort of the
// bytes in which the features differ (five of eight for the bigrams of the
// Basic Multilingual Plane) takes a fraction of the time comparisons take.
// A sorter serves one goroutine.
type sorter struct {
	keys, kbuf []feat
	idx, ibuf  []int32
}

// smallSort is the size under which insertion sort beats the radix passes.
const smallSort = 48

// order sorts fs stably and returns the features in order and, for each,
// its index in fs. fs is left as it was; the slices returned are s's
// buffers, valid until its next use.
func (s *sorter) order(fs []feat) ([]feat, []int32) {
	n := len(fs)
	if cap(s.keys) < n {
		s.keys, s.kbuf = make([]feat, n, 2*n), make([]feat, n, 2*n)
		s.idx, s.ibuf = make([]int32, n, 2*n), make([]int32, n, 2*n)
	}
	keys, idx := s.keys[:n], s.idx[:n]
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
			keys[l], idx[l] = f, int32(i)
			l++
		} else {
			keys[h], idx[h] = f, int32(i)
			h++
		}
	}
	s.radix(0, low)
	s.radix(low, n)
	return keys, idx
}

// radix sorts s.keys[from:to] (with s.idx) stably: least significant byte
// first, skipping the bytes all keys share.
func (s *sorter) radix(from, to int) {
	keys, idx := s.keys[from:to], s.idx[from:to]
	if len(keys) < smallSort {
		for i := 1; i < len(keys); i++ {
			k, x := keys[i], idx[i]
			j := i
			for ; j > 0 && keys[j-1] > k; j-- {
				keys[j], idx[j] = keys[j-1], idx[j-1]
			}
			keys[j], idx[j] = k, x
		}
		return
	}
	or, and := feat(0), ^feat(0)
	for _, f := range keys {
		or, and = or|f, and&f
	}
	diff := or ^ and
	kb, ib := s.kbuf[from:to], s.ibuf[from:to]
	src, dst, isrc, idst := keys, kb, idx, ib
	var count [256]int32
	for shift := 0; shift < 64; shift += 8 {
		if diff>>shift&0xff == 0 {
			continue
		}
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
			dst[count[b]], idst[count[b]] = f, isrc[i]
			count[b]++
		}
		src, dst, isrc, idst = dst, src, idst, isrc
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
		copy(idx, isrc)
	}
}
