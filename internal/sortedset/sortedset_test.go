package sortedset

import (
	"slices"
	"testing"
)

func TestCommon(t *testing.T) {
	tests := []struct{ a, b, want []int }{
		{[]int{1, 3, 5, 7}, []int{2, 3, 4, 7, 9}, []int{3, 7}},
		{nil, []int{1}, nil},
		{[]int{1, 2}, []int{1, 2}, []int{1, 2}},
	}
	for _, tt := range tests {
		if got := Common(tt.a, tt.b); !slices.Equal(got, tt.want) {
			t.Errorf("Common(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := AppendCommon([]int{0}, tt.a, tt.b); !slices.Equal(got, append([]int{0}, tt.want...)) {
			t.Errorf("AppendCommon([0], %v, %v) = %v", tt.a, tt.b, got)
		}
		if got := CountCommon(tt.a, tt.b); got != len(tt.want) {
			t.Errorf("CountCommon(%v, %v) = %d", tt.a, tt.b, got)
		}
	}
}
