package change

import (
	"slices"
	"testing"
)

func TestDataLines(t *testing.T) {
	got := dataLines("# a comment\n甲\t乙\r\n\n  \n丙 \n")
	if want := []string{"甲\t乙", "丙"}; !slices.Equal(got, want) {
		t.Errorf("dataLines = %q, want %q", got, want)
	}
}

func TestDataLists(t *testing.T) {
	got := dataLists("# a comment\nverbs\t甲 乙\nnouns\t丙\nverbs\t丁\nno tab here\n")
	if !slices.Equal(got["verbs"], []string{"甲", "乙", "丁"}) || !slices.Equal(got["nouns"], []string{"丙"}) || len(got) != 2 {
		t.Errorf("dataLists = %q", got)
	}
}
