//go:build ignore

// genbin writes words.bin, the form of words.txt the segmenter loads: the
// words' packed keys and their log probabilities, so loading costs a copy,
// not parsing 73,000 lines. Run it from internal/segment after changing
// words.txt (go generate does):
//
//	go run genbin/main.go < words.txt > words.bin
//
// The format: "RDW1", the number of words n as a little-endian uint32, n
// uint64 keys in ascending order, n float32 log probabilities.
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
)

func main() {
	type word struct {
		key  uint64
		freq float64
	}
	var words []word
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
		var key uint64
		rs := []rune(w)
		if len(rs) < 2 || len(rs) > 4 {
			continue
		}
		for _, r := range rs {
			if r >= 0x10000 || r == 0 {
				fmt.Fprintf(os.Stderr, "genbin: %q has a character outside the BMP\n", w)
				os.Exit(1)
			}
			key = key<<16 | uint64(r)
		}
		words = append(words, word{key, n})
		total += n
	}
	sort.Slice(words, func(i, j int) bool { return words[i].key < words[j].key })
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	out.WriteString("RDW1")
	binary.Write(out, binary.LittleEndian, uint32(len(words)))
	for _, w := range words {
		binary.Write(out, binary.LittleEndian, w.key)
	}
	for _, w := range words {
		binary.Write(out, binary.LittleEndian, float32(math.Log(w.freq/total)))
	}
	binary.Write(out, binary.LittleEndian, float32(math.Log(1/total)-2))
}
