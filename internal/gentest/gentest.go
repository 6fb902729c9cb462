// Package gentest runs a package's generator in its tests, so that a test
// can check a generated file is what the generator makes of its source now.
package gentest

import (
	"os"
	"os/exec"
	"testing"
)

// Output runs `go run generator` (a file of the package under test, such as
// genbin/main.go) with the file input on its standard input and returns
// what it writes. It skips the test under -short, and fails it when the
// input cannot be read or the generator fails.
func Output(t testing.TB, generator, input string) []byte {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the generator")
	}
	in, err := os.Open(input)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	cmd := exec.Command("go", "run", generator)
	cmd.Stdin = in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go run %s < %s: %v", generator, input, err)
	}
	return out
}
