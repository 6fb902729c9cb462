package corpus

import (
	"strings"
	"unicode/utf8"
)

// A unit's folded text is searched for many words: the era phrases of
// data/calendar.tsv, 周年, 届, the words that give a unit its role. Each
// strings.Contains is a pass over the text, and in Chinese text the first
// byte of a word's first character (E4 to E9 for nearly every Han
// character) stands every few bytes, so each pass tests most positions:
// those searches were a sixth of reading the corpus. A unit keeps a sketch
// of the characters of its folded text, made in one pass when it is read,
// and a word is searched for only where the sketch holds every one of its
// characters. A sketch may hold a character the text has not (two
// characters can share a bit): then the word is searched for as before, so
// what is found never changes.

// runeSketch is a set of characters, a bit each by a hash, that may answer
// yes for a character it was not given, never no for one it was.
type runeSketch [4]uint64

// sketchOf returns the sketch of the characters of s. A character is
// hashed by its bytes (its first and the two after it, or as many as it
// has), read where a byte opens a character, not decoded: every character
// of a word that stands in s opens where a character of s opens, with the
// same bytes, so the word's bits are among those of s (a byte that is no
// UTF-8 in s only adds bits).
func sketchOf(s string) runeSketch {
	var k runeSketch
	for i := 0; i < len(s); i++ {
		c := s[i]
		h := uint32(c)
		switch {
		case c >= 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// Nearly every Han character: its two continuation bytes,
			// which the loop would pass over, are passed over here.
			h = h<<16 | uint32(s[i+1])<<8 | uint32(s[i+2])
			i += 2
		case c&0xC0 == 0x80:
			continue // a continuation byte: hashed with the byte that opens it
		case c >= 0xC0 && i+1 < len(s):
			h = h<<8 | uint32(s[i+1])
			if c >= 0xE0 && i+2 < len(s) {
				h = h<<8 | uint32(s[i+2])
			}
		}
		b := h * 0x9E3779B1 >> 24 // Fibonacci hashing: the top eight bits
		k[b>>6] |= 1 << (b & 63)
	}
	return k
}

// mayHold reports whether the text of k may hold every character of the
// text of w.
func (k *runeSketch) mayHold(w *runeSketch) bool {
	return k[0]&w[0] == w[0] && k[1]&w[1] == w[1] && k[2]&w[2] == w[2] && k[3]&w[3] == w[3]
}

// word is a word searched for in folded text, with the sketch of its
// characters.
type word struct {
	text   string
	sketch runeSketch
}

// wordOf returns the word w with its sketch; a word that is no UTF-8 (a
// piece of a character) gets an empty one, which rules nothing out.
func wordOf(w string) word {
	if !utf8.ValidString(w) {
		return word{text: w}
	}
	return word{w, sketchOf(w)}
}

// wordsOf returns the words ws with their sketches.
func wordsOf(ws ...string) []word {
	out := make([]word, len(ws))
	for i, w := range ws {
		out[i] = wordOf(w)
	}
	return out
}

// in reports whether w stands in f, whose sketch is k.
func (w *word) in(f string, k *runeSketch) bool {
	return k.mayHold(&w.sketch) && contains(f, w.text)
}

// contains is strings.Contains(s, w), faster for words of Chinese
// characters. strings.Index looks for the first byte of w and tests w
// wherever it stands, and the first byte of a Han character (E4 to E9 for
// nearly all) opens one character in three or four: a call of IndexByte
// every dozen bytes and a test at each. contains looks for the last byte
// of w instead, a continuation byte (one of 64 values) that stands some
// hundred bytes apart in Chinese text, and tests w where it ends there:
// every place w stands is tested, so it finds what strings.Contains
// finds.
func contains(s, w string) bool {
	n := len(w)
	if n == 0 {
		return true
	}
	last := w[n-1]
	for i := n - 1; i < len(s); i++ {
		j := strings.IndexByte(s[i:], last)
		if j < 0 {
			return false
		}
		i += j
		if s[i-n+1:i+1] == w {
			return true
		}
	}
	return false
}

// anyIn reports whether one of ws stands in f, whose sketch is k.
func anyIn(f string, k *runeSketch, ws []word) bool {
	for i := range ws {
		if ws[i].in(f, k) {
			return true
		}
	}
	return false
}
