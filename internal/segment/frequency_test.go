package segment

import "testing"

func TestFrequency(t *testing.T) {
	tests := []struct {
		word string
		want float64
	}{
		{"一一", 1670}, // the first entry of words.txt
		{"一七", 22},
		{"乙丙丁戊", 0}, // not a word of the list
		{"一", 0},    // one character is no word of the list
		{"一二三四五", 0},
	}
	for _, tt := range tests {
		if got := Frequency(tt.word); got != tt.want {
			t.Errorf("Frequency(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}
