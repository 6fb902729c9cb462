//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteFileAtomicMode checks that a file written through a temporary
// file (check --update-baseline) is created as any file is, 0666 less the
// umask, and that a file it replaces keeps its mode.
func TestWriteFileAtomicMode(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "facts.json")
	if err := writeFileAtomic(path, []byte("{}\n")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
		t.Fatalf("a new file: mode %v (%v), want -rw-r--r--", info.Mode(), err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(path, []byte("{\"a\": 1}\n")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o640 {
		t.Fatalf("a file replaced: mode %v (%v), want -rw-r-----", info.Mode(), err)
	}
	// 0666 is a mode like any other: the umask does not take its part.
	if err := os.Chmod(path, 0o666); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(path, []byte("{\"a\": 1}\n")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o666 {
		t.Fatalf("a file of mode 0666 replaced: mode %v (%v), want -rw-rw-rw-", info.Mode(), err)
	}
	if b, _ := os.ReadFile(path); string(b) != "{\"a\": 1}\n" {
		t.Errorf("content %q", b)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("%d files in the directory, want the one written (no temporary file left)", len(es))
	}
}
