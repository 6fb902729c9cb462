// Package diffview computes and shows the changes in wording between two
// reports: which words of a paragraph were deleted or inserted, which
// sentences moved to another paragraph, which figures changed.
//
// # Why words, and which words
//
// Line tools see a Chinese paragraph as one long word (git --word-diff,
// wdiff), or, split into characters, report character soup: 增長4%左右 →
// 增長3.5%左右 is fine either way, but 推進水庫除險加固和防汛體系建設 →
// 推進河湖生態修復 becomes a dozen scattered one-character edits that no one
// can read. go-diff's own semantic cleanup does not help, because it takes
// every Han character for punctuation. So the texts are cut into words
// first and diffed as sequences of words: every edit starts and ends on a
// word boundary, and numbers with their units (5%, 38.25億元, 0.6 %,
// 4.5%—5%, 2~3家) are single words.
//
// Three ways to cut words were measured on the embedded corpus (the whole
// diff of its two latest reports, start-up included; see README):
//
//   - go-ego/gse with its Simplified and Traditional dictionaries segments well
//     but takes about 2 s and 370 MB to load them: far too slow for a command
//     that should answer in milliseconds.
//   - A character diff whose edges are then snapped to word boundaries needs
//     the word boundaries anyway, and its edits come out the same.
//   - What this package does: a compact word list (73,000 words of two to
//     four characters from jieba's dictionary, 870 kB, internal/segment) and
//     the most probable route through it (jieba's method without its model
//     for unknown words), run on the text folded to Simplified so that one
//     list serves both scripts. Loading and cutting both reports takes a few
//     tens of milliseconds. Each distinct word is then given one rune (the
//     smallest first: go-diff only compares them), go-diff's DiffMainRunes
//     diffs the two rune strings, and its semantic cleanup merges edits
//     split by a lone shared word. The mapping
//     stays inside Diff: callers get operations on the original text.
//
// go-diff's DiffTimeout is set to 0 here, in the only file that imports it:
// a clock-based cut-off would make the output depend on the machine.
//
// Computation (tokenize.go, diff.go, compare.go) returns operations with
// byte offsets into both texts; rendering (render_*.go) writes them to an
// io.Writer, with colors on or off as the caller says.
package diffview
