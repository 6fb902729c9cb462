//go:build ignore

// genbin writes words.bin, the form of words.txt the segmenter reads in
// place: the words' keys and log probabilities, grouped by length and by
// first character, so that loading costs nothing and a lookup searches the
// few words that open with its character. Run it from internal/segment after
// changing words.txt (go generate does):
//
//	go run genbin/main.go < words.txt > words.bin
//
// The format, every number little-endian:
//
//	"RDW3"
//	three uint32: the number of words of two, three and four characters
//	float32: the log probability of a character that is no word
//	for each length l of 2, 3 and 4, a table:
//	  20,993 uint32: where the words opening with each unified ideograph
//	    U+4E00 … U+9FFF start in the table, and where the last ones end
//	  the words' other l-1 characters, 16 bits each, packed into one number
//	    (uint16 for two characters, uint32 for three, uint64 for four), in
//	    ascending order within each first character
//	  their float32 log probabilities, in the same order
//	the filter: 16,384 uint64, bit sets of every word's packed key (the
//	  characters, 16 bits each, one after another), each key setting two
//	  bits of one of them (see wordbin.FilterBits)
//
// A word must have two to four characters, all of the Basic Multilingual
// Plane, the first a unified ideograph; genbin refuses any other.
package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/reportdiff/reportdiff/internal/segment/wordbin"
)

const hanFirst, hanLast = wordbin.HanFirst, wordbin.HanLast

func main() {
	type word struct {
		rs   []rune
		freq float64
	}
	var byLen [3][]word
	total := 0.0
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		line := sc.Text()
		w, f, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		n, err := strconv.ParseFloat(f, 64)
		if err != nil || n <= 0 {
			continue
		}
		rs := []rune(w)
		if len(rs) < 2 || len(rs) > 4 {
			continue
		}
		for _, r := range rs {
			if r >= 0x10000 || r == 0 {
				fail("%q has a character outside the Basic Multilingual Plane", w)
			}
		}
		if rs[0] < hanFirst || rs[0] > hanLast {
			fail("%q does not open with a unified ideograph", w)
		}
		byLen[len(rs)-2] = append(byLen[len(rs)-2], word{rs, n})
		total += n
	}
	if err := sc.Err(); err != nil {
		fail("%v", err)
	}
	// key packs a word's characters, 16 bits each: the order of the keys is
	// the order of first characters, then of the rest.
	key := func(rs []rune) uint64 {
		var k uint64
		for _, r := range rs {
			k = k<<16 | uint64(r)
		}
		return k
	}
	out := bufio.NewWriter(os.Stdout)
	put := func(v any) {
		if err := binary.Write(out, binary.LittleEndian, v); err != nil {
			fail("%v", err)
		}
	}
	out.WriteString(wordbin.Magic)
	for _, ws := range byLen {
		put(uint32(len(ws)))
	}
	put(float32(math.Log(1/total) - 2))
	for l, ws := range byLen {
		sort.Slice(ws, func(i, j int) bool { return key(ws[i].rs) < key(ws[j].rs) })
		for i := 1; i < len(ws); i++ {
			if key(ws[i].rs) == key(ws[i-1].rs) {
				fail("%q is listed twice", string(ws[i].rs))
			}
		}
		k := 0
		for c := hanFirst; c <= hanLast+1; c++ {
			for k < len(ws) && int(ws[k].rs[0]) < c {
				k++
			}
			put(uint32(k))
		}
		for _, w := range ws {
			rest := key(w.rs[1:])
			switch l + 2 {
			case 2:
				put(uint16(rest))
			case 3:
				put(uint32(rest))
			default:
				put(rest)
			}
		}
		for _, w := range ws {
			put(float32(math.Log(w.freq / total)))
		}
	}
	var filter [wordbin.FilterWords]uint64
	for _, ws := range byLen {
		for _, w := range ws {
			at, bits := wordbin.FilterBits(key(w.rs))
			filter[at] |= bits
		}
	}
	put(filter)
	if err := out.Flush(); err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "genbin: "+format+"\n", args...)
	os.Exit(1)
}
