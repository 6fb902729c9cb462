package main

import (
	"strings"
	"testing"
)

// BenchmarkDiffCommand runs `reportdiff diff 2015 2016` as a user would,
// output to a buffer, from reading the embedded corpus to the last line.
func BenchmarkDiffCommand(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ios, _, _ := TestStreams()
		if code := run([]string{"diff", "2015", "2016"}, ios); code != exitFindings {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkCommand runs every command on the embedded corpus as a user
// would, output to a buffer: start-up aside, what each costs.
func BenchmarkCommand(b *testing.B) {
	for _, args := range []string{
		"corpus", "outline", "show 2015", "check", "facts", "align",
		"diff 2015 2016", "priorities", "commitments", "targets",
	} {
		b.Run(strings.ReplaceAll(args, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ios, _, _ := TestStreams()
				if code := run(strings.Fields(args), ios); code == exitTrouble {
					b.Fatalf("%s: exit %d", args, code)
				}
			}
		})
	}
}
