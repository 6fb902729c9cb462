package change

import (
	"regexp"
	"strings"
	"testing"
)

// reClauseBreak is what clauseBreaks.Index reads by bytes: a mark that ends a
// clause, as a regexp finds it.
var reClauseBreak = regexp.MustCompile(`[，,；;。：:！？]`)

// naiveWithoutStates takes every long state word out in turn, as
// withoutStates does without its sketch.
func naiveWithoutStates(s string) string {
	cw := commitmentVocab()
	for _, w := range cw.longStateWords {
		s = strings.ReplaceAll(s, w, "")
	}
	return s
}

// Texts of clauses and of what is not UTF-8: a byte that opens a mark
// after one that opens a character (\xe4), a mark cut short, a lone
// continuation byte.
var clauseTexts = []string{
	"", "甲", "建成甲中心，推进乙工程；完成丙项目。", "a,b;c:d", "力争？确保！", "甲：乙",
	"\xe4，乙", "甲\xef\xbc", "\xe3\x80乙。", "\x8c，", "甲\xef\xbc\x8c\xbc",
	"推进某街环境整治提升改造", "完成甲区改造建设任务", "环境整治", "整治\xe4环境整治", "周边环境整治工作启动",
}

// clauseBreaks.Index finds the marks the regexp finds, where it finds them.
func TestClauseBreak(t *testing.T) {
	for _, s := range clauseTexts {
		checkClauseBreak(t, s)
	}
}

func checkClauseBreak(t *testing.T, s string) {
	t.Helper()
	at, n := clauseBreaks.Index(s)
	want := reClauseBreak.FindStringIndex(s)
	switch {
	case want == nil && at >= 0:
		t.Errorf("clauseBreaks.Index(%q) = %d, %d; the regexp finds no mark", s, at, n)
	case want != nil && (at != want[0] || at+n != want[1]):
		t.Errorf("clauseBreaks.Index(%q) = %d, %d; the regexp finds %v", s, at, n, want)
	}
}

// withoutStates takes out what taking every word out in turn does.
func TestWithoutStates(t *testing.T) {
	changed := 0
	for _, s := range clauseTexts {
		got, want := withoutStates(s), naiveWithoutStates(s)
		if got != want {
			t.Errorf("withoutStates(%q) = %q, want %q", s, got, want)
		}
		if got != s {
			changed++
		}
	}
	if changed < 3 {
		t.Errorf("only %d texts lose a word: the test compares next to nothing", changed)
	}
}

func FuzzClauseBreak(f *testing.F) {
	for _, s := range clauseTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkClauseBreak(t, s)
		if got, want := withoutStates(s), naiveWithoutStates(s); got != want {
			t.Errorf("withoutStates(%q) = %q, want %q", s, got, want)
		}
	})
}
