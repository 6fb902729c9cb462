//go:build ignore

// gent2s writes t2s.bin, the form of t2s.tsv the folding tables are built
// from at start-up: the pairs of a Traditional character and its Simplified
// form, in the order of the file (a character given again counts last), so
// that start-up reads numbers rather than parsing 4,000 lines. Run it from
// internal/hanzi after changing t2s.tsv (go generate does):
//
//	go run gent2s/main.go < t2s.tsv > t2s.bin
//
// The format: "RDT1", then for each pair two little-endian uint32, the
// Traditional character and the Simplified one. Lines without a tab, or
// whose first field or second starts with no valid character, are skipped,
// as the reader of t2s.tsv skipped them.
package main

import (
	"bufio"
	"encoding/binary"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		panic(err)
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	out.WriteString("RDT1")
	for _, line := range strings.Split(string(data), "\n") {
		t, s, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		tr, _ := utf8.DecodeRuneInString(t)
		sr, _ := utf8.DecodeRuneInString(s)
		if tr == utf8.RuneError || sr == utf8.RuneError {
			continue
		}
		out.Write(binary.LittleEndian.AppendUint32(binary.LittleEndian.AppendUint32(nil, uint32(tr)), uint32(sr)))
	}
}
