// Command reportdiff compares annual government work reports year by year.
//
// This package only wires flags to the packages below it: corpus reads,
// render and diffview write, and exit codes are decided in exitCode.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], System()))
}
