package lazyre

import (
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// TestSameAnswers checks that a lazy expression answers as the compiled one.
func TestSameAnswers(t *testing.T) {
	const expr = `([0-9]+)(年|月)`
	lazy, re := New(expr), regexp.MustCompile(expr)
	for _, s := range []string{"", "无", "2031年3月", "第12月x4年"} {
		got := []any{lazy.MatchString(s), lazy.FindString(s), lazy.FindStringIndex(s), lazy.FindStringSubmatch(s),
			lazy.FindStringSubmatchIndex(s), lazy.FindAllString(s, -1), lazy.FindAllStringIndex(s, -1),
			lazy.FindAllStringSubmatch(s, -1), lazy.FindAllStringSubmatchIndex(s, -1), lazy.ReplaceAllString(s, "<$1>"),
			lazy.ReplaceAllStringFunc(s, strings.ToUpper)}
		want := []any{re.MatchString(s), re.FindString(s), re.FindStringIndex(s), re.FindStringSubmatch(s),
			re.FindStringSubmatchIndex(s), re.FindAllString(s, -1), re.FindAllStringIndex(s, -1),
			re.FindAllStringSubmatch(s, -1), re.FindAllStringSubmatchIndex(s, -1), re.ReplaceAllString(s, "<$1>"),
			re.ReplaceAllStringFunc(s, strings.ToUpper)}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: lazy %v, compiled %v", s, got, want)
		}
	}
	if lazy.String() != expr || lazy.Re().String() != expr {
		t.Errorf("String() = %q, Re().String() = %q, want %q", lazy.String(), lazy.Re().String(), expr)
	}
}

// TestAllFindsABadExpression checks that All reports an expression that
// does not compile, and that using it panics as regexp.MustCompile does.
func TestAllFindsABadExpression(t *testing.T) {
	forgetAfter(t)
	New(`ok`)
	if expr, err := All(); err != nil {
		t.Fatalf("All() = %q, %v before a bad expression", expr, err)
	}
	bad := New(`(unclosed`)
	if expr, err := All(); expr != `(unclosed` || err == nil {
		t.Errorf("All() = %q, %v; want the bad expression and an error", expr, err)
	}
	// Every use panics with regexp's message, the second as the first.
	for i := range 2 {
		func() {
			defer func() {
				msg, _ := recover().(string)
				if !strings.Contains(msg, "(unclosed") || !strings.Contains(msg, "missing closing )") {
					t.Errorf("use %d of a bad expression: panic %q, want regexp's message", i+1, msg)
				}
			}()
			bad.MatchString("x")
		}()
	}
}

// TestGroupCompile checks that compiling a group compiles each of its
// expressions, in place of their first use, and that one that does not
// compile is kept to panic where it is used rather than where it was
// compiled.
func TestGroupCompile(t *testing.T) {
	forgetAfter(t)
	var g Group
	good, bad, used := g.New(`([0-9]+)年`), g.New(`(unclosed`), g.New(`[一二三]`)
	if !used.MatchString("二") { // compiled by its use, before the group
		t.Fatal("[一二三] does not match 二")
	}
	first := used.re
	g.compile()
	if good.re == nil || good.err != nil {
		t.Errorf("%q: compiled %v, error %v; want it compiled", good.expr, good.re, good.err)
	}
	if used.re != first {
		t.Errorf("%q was compiled again", used.expr)
	}
	if bad.re != nil || bad.err == nil {
		t.Errorf("%q: compiled %v, error %v; want the error kept", bad.expr, bad.re, bad.err)
	}
	if got := good.FindStringSubmatch("2031年"); !reflect.DeepEqual(got, []string{"2031年", "2031"}) {
		t.Errorf("%q on 2031年: %q", good.expr, got)
	}
	defer func() {
		if msg, _ := recover().(string); !strings.Contains(msg, "missing closing )") {
			t.Errorf("use of a bad expression of a group: panic %q, want regexp's message", msg)
		}
	}()
	bad.MatchString("x")
}

// TestGroupWarm checks that Warm may be called by several goroutines while
// others use the group's expressions (go test -race), each answering as
// its compiled expression does.
func TestGroupWarm(t *testing.T) {
	var g Group
	exprs := []string{`([0-9]+)(年|月)`, `^第([一二三四五六七八九十]+)部分`, `[，,]`}
	var rs []*Regexp
	for _, e := range exprs {
		rs = append(rs, g.New(e))
	}
	const text = "第三部分，2031年3月"
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g.Warm()
			for i, r := range rs {
				if got, want := r.FindAllStringIndex(text, -1), regexp.MustCompile(exprs[i]).FindAllStringIndex(text, -1); !reflect.DeepEqual(got, want) {
					t.Errorf("%q: %v, want %v", exprs[i], got, want)
				}
			}
		}()
	}
	wg.Wait()
}

// forgetAfter forgets, when the test ends, the expressions made during it,
// so that a bad one does not make All fail in the next test (-count).
func forgetAfter(t *testing.T) {
	mu.Lock()
	n := len(all)
	mu.Unlock()
	t.Cleanup(func() {
		mu.Lock()
		all = all[:n]
		mu.Unlock()
	})
}
