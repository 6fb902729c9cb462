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

// dataLists reads a data file of named word lists: each line a list's name,
// a tab and words separated by spaces; a list may take several lines.
func dataLists(data string) map[string][]string {
	m := map[string][]string{}
	for _, l := range dataLines(data) {
		if name, words, ok := strings.Cut(l, "\t"); ok {
			m[name] = append(m[name], strings.Fields(words)...)
		}
	}
	return m
}
