package segment

import "math"

// Frequency returns how often a word of two to four characters (folded to
// Simplified) is counted in the word list, or 0 for a word the list does not
// hold: callers tell common words (文化, 活动) from rare ones and names.
func Frequency(word string) float64 {
	rs := []rune(word)
	if len(rs) < 2 || len(rs) > 4 {
		return 0
	}
	key, ok := pack(rs)
	if !ok {
		return 0
	}
	d := load()
	p, ok := d.lookup(key)
	if !ok {
		return 0
	}
	// minLogp is log(1/total) - 2 (see genbin), so a count is exp(p) times total.
	return math.Round(math.Exp(float64(p) - d.minLogp - 2))
}
