// Command reportdiff compares annual government work reports year by year.
//
// This package only wires flags to the packages below it: corpus reads,
// render and diffview write, and exit codes are decided in exitCode.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// A short-lived command: collect garbage less often, trading memory
	// (well under 100 MB on the embedded corpus) for time.
	debug.SetGCPercent(400)
	os.Exit(run(os.Args[1:], System()))
}
