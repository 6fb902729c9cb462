// Package sortedset works on sets kept as sorted slices without repeats:
// cheaper than maps for the many small sets of character pairs and
// trigrams the comparisons of paragraphs use.
package sortedset

import "cmp"

// Common returns the elements a and b share, in order.
func Common[T cmp.Ordered](a, b []T) []T { return AppendCommon(nil, a, b) }

// AppendCommon appends the elements a and b share to dst, in order, and
// returns the extended slice: with a dst of enough capacity, nothing is
// allocated.
func AppendCommon[T cmp.Ordered](dst, a, b []T) []T {
	walk(a, b, func(x T) { dst = append(dst, x) })
	return dst
}

// CountCommon returns how many elements a and b share.
func CountCommon[T cmp.Ordered](a, b []T) int {
	n := 0
	walk(a, b, func(T) { n++ })
	return n
}

// walk calls shared for each element of both sorted slices, in order.
func walk[T cmp.Ordered](a, b []T, shared func(T)) {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			shared(a[i])
			i++
			j++
		}
	}
}
