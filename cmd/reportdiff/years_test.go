package main

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseYears(t *testing.T) {
	tests := []struct {
		in   []string
		want map[string]int
		err  string
	}{
		{[]string{"p1=2016", " 2019.txt = 2020 "}, map[string]int{"p1": 2016, "2019.txt": 2020}, ""},
		{[]string{"p1=2016", "p1=2016"}, map[string]int{"p1": 2016}, ""},
		{[]string{"p1=2016", "p1=2017"}, nil, "p1 is given the year 2016 already"},
		{[]string{"p1"}, nil, "want ID=YEAR"},
		{[]string{"=2016"}, nil, "want ID=YEAR"},
		{[]string{"p1=16"}, nil, "from 1900 to 2200"},
		{[]string{"p1=二〇一六"}, nil, "want ID=YEAR"},
	}
	for _, tt := range tests {
		got, err := parseYears(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%q: %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

// FuzzParseYears checks that any --year value is read or refused, never a
// panic, and that what is read gives back the value when written again.
func FuzzParseYears(f *testing.F) {
	for _, s := range []string{"p1=2016", "2019.txt=2020", "=", "p1==2016", "p1=9999999999999999999", " a = 1999 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		got, err := parseYears([]string{v})
		if err != nil {
			return
		}
		for id, y := range got {
			again, err := parseYears([]string{fmt.Sprintf("%s=%d", id, y)})
			if err != nil || again[id] != y || y < 1900 || y > 2200 {
				t.Fatalf("%q read as %s=%d, which reads back as %v, %v", v, id, y, again, err)
			}
		}
	})
}
