// Command reportdiff compares annual government work reports year by year.
//
// This package only wires flags to the packages below it: corpus reads,
// render and diffview write, and exit codes are decided in exitCode.
package main

import (
	"os"
	"runtime/debug"

	_ "github.com/reportdiff/reportdiff/cmd/reportdiff/internal/warm" // what reading and classifying need (expressions, tables, lexicon, figures' word lists), made while the program initialises
)

func main() {
	// A short-lived command: collect garbage less often, trading memory
	// for time (a run on the embedded corpus allocates some 12 MB and need
	// not collect at all); loadSeries lowers it for a corpus of megabytes.
	// GOGC, when set, decides.
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(lightGC)
		gcTuned = true
	}
	// A corpus of many governments is read a series at a time, two or more
	// side by side: a soft limit makes the collector work harder before
	// the heap passes it, rather than letting the setting above grow the
	// heap to five times what is live. GOMEMLIMIT, when set, decides.
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(768 << 20)
	}
	os.Exit(run(os.Args[1:], System()))
}
