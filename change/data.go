package change

import "strings"

// dataLines returns the lines of an embedded data file that hold data:
// trimmed, without blank lines and # comments.
func dataLines(data string) []string {
	var ls []string
	for _, l := range strings.Split(data, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			ls = append(ls, l)
		}
	}
	return ls
}
