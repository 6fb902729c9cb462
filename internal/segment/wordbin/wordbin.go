// Package wordbin holds what the writer of the segmenter's word list
// (genbin, which describes the format of words.bin) and its reader
// (segment) must agree on: the format's name, the characters a word may
// open with, and the filter of every word's key.
package wordbin

import "github.com/reportdiff/reportdiff/internal/hanzi"

// Magic opens a word list of this format.
const Magic = "RDW3"

// The characters a word may open with: the unified ideographs. A table's
// index has an entry for each and one for the end.
const (
	HanFirst = hanzi.UnifiedFirst
	HanLast  = hanzi.UnifiedLast
)

// FilterWords is the number of uint64 of the filter: 128 KB, some 14 bits
// for each word of the list.
const FilterWords = 1 << 14

// FilterBits returns the number of the filter that a word's key (its
// characters, 16 bits each, one after another) sets bits of, and those
// bits: a multiplicative hash's top 14 bits choose the number, two times
// the next 6 bits two of its bits.
func FilterBits(key uint64) (int, uint64) {
	h := key * 0x9E3779B97F4A7C15
	return int(h >> 50), 1<<(h>>44&63) | 1<<(h>>38&63)
}
