package main

import "testing"

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
