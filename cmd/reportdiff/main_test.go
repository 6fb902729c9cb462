package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/reportdiff/reportdiff/internal/lazyre"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"reportdiff": func() { os.Exit(run(os.Args[1:], System())) },
	})
}

// TestScripts runs the real binary on the scripts in testdata/script: each
// runs reportdiff and compares what it prints with the expected output kept
// in the same file (rewritten only with -update).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "")
			env.Setenv("COLUMNS", "")
			env.Setenv("PAGER", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// gb18030 FILE TEXT writes TEXT to FILE encoded in GB18030.
			"gb18030": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: gb18030 FILE TEXT")
				}
				b, err := simplifiedchinese.GB18030.NewEncoder().String(args[1])
				ts.Check(err)
				ts.Check(os.WriteFile(filepath.Join(ts.Getenv("WORK"), args[0]), []byte(b), 0o644))
			},
			// utf16 le|be FROM TO writes the text of FROM to TO in UTF-16
			// of that byte order, without a byte-order mark.
			"utf16": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 || args[0] != "le" && args[0] != "be" {
					ts.Fatalf("usage: utf16 le|be FROM TO")
				}
				order := unicode.LittleEndian
				if args[0] == "be" {
					order = unicode.BigEndian
				}
				b, err := unicode.UTF16(order, unicode.IgnoreBOM).NewEncoder().String(ts.ReadFile(args[1]))
				ts.Check(err)
				ts.Check(os.WriteFile(filepath.Join(ts.Getenv("WORK"), args[2]), []byte(b), 0o644))
			},
		},
	})
}

// TestExpressionsCompile compiles the expressions of every package of the
// command, which are compiled on first use (lazyre): a bad one fails here,
// not in a run that happens to need it.
func TestExpressionsCompile(t *testing.T) {
	if expr, err := lazyre.All(); err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
}
