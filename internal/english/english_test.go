package english

import "testing"

func TestPlural(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0 pieces of evidence"},
		{1, "1 piece of evidence"},
		{2, "2 pieces of evidence"},
	}
	for _, tt := range tests {
		if got := Plural(tt.n, "piece of evidence", "pieces of evidence"); got != tt.want {
			t.Errorf("Plural(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestA(t *testing.T) {
	tests := []struct{ word, want string }{
		{"plan", "a plan"},
		{"outline", "an outline"},
		{"review", "a review"},
		{"preamble", "a preamble"},
		{"closing", "a closing"},
		{"int", "an int"},
		{"", "a "},
	}
	for _, tt := range tests {
		if got := A(tt.word); got != tt.want {
			t.Errorf("A(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
