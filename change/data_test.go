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
