package lazyre

import (
	"reflect"
	"regexp"
	"strings"
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
