package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding/simplifiedchinese"
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
		},
	})
}
