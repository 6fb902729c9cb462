package diffview

import "slices"

// The diff of two texts' words is go-diff's (github.com/sergi/go-diff,
// DiffMainRunes with no time limit and no line mode) computed on word ids
// rather than on strings of runes: the same steps in the same order (common
// prefix and suffix, one text inside the other, Myers's bisection, the merge
// of its result), so the same operations (TestWordDiffIsGoDiffs checks it
// against go-diff itself). go-diff turns every piece between runes and
// strings, and allocates the bisection's two arrays afresh at each step;
// here pieces are slices of the ids and one buffer serves every bisection
// of a diff.

// The kinds of a wordOp, as go-diff numbers them.
const (
	wDelete int8 = -1
	wEqual  int8 = 0
	wInsert int8 = 1
)

// wordOp is one operation of a diff of ids: its kind and its ids.
type wordOp struct {
	kind int8
	ids  []int32
}

// differ diffs sequences of ids; its buffer is reused from one bisection
// to the next. A differ serves one goroutine.
type differ struct {
	v   []int32 // the bisection's two arrays
	rev []int32 // the two sequences reversed
}

// diff returns the operations that turn a into b, as go-diff's
// diffMainRunes returns them.
func (d *differ) diff(a, b []int32) []wordOp {
	if slices.Equal(a, b) {
		if len(a) > 0 {
			return []wordOp{{wEqual, a}}
		}
		return nil
	}
	n := commonPrefix(a, b)
	prefix := a[:n]
	a, b = a[n:], b[n:]
	n = commonSuffix(a, b)
	suffix := a[len(a)-n:]
	a, b = a[:len(a)-n], b[:len(b)-n]

	ops := d.compute(a, b)
	if len(prefix) != 0 {
		ops = append([]wordOp{{wEqual, prefix}}, ops...)
	}
	if len(suffix) != 0 {
		ops = append(ops, wordOp{wEqual, suffix})
	}
	return cleanupMerge(ops)
}

// compute diffs two sequences with no common prefix or suffix (go-diff's
// diffCompute without the half-match, which it skips with no time limit).
func (d *differ) compute(a, b []int32) []wordOp {
	if len(a) == 0 {
		return []wordOp{{wInsert, b}}
	}
	if len(b) == 0 {
		return []wordOp{{wDelete, a}}
	}
	long, short, kind := b, a, wInsert
	if len(a) > len(b) {
		long, short, kind = a, b, wDelete
	}
	if i := indexIDs(long, short); i != -1 {
		// The shorter inside the longer.
		return []wordOp{{kind, long[:i]}, {wEqual, short}, {kind, long[i+len(short):]}}
	}
	if len(short) == 1 {
		// One id, not in the other: no equality.
		return []wordOp{{wDelete, a}, {wInsert, b}}
	}
	return d.bisect(a, b)
}

// bisect finds the middle snake of the diff (Myers 1986, "An O(ND)
// Difference Algorithm and Its Variations"), splits the problem there and
// diffs both halves, as go-diff's diffBisect does.
func (d *differ) bisect(a, b []int32) []wordOp {
	la, lb := len(a), len(b)
	maxD := (la + lb + 1) / 2
	vOffset := maxD
	vLength := 2 * maxD
	if cap(d.v) < 2*vLength {
		d.v = make([]int32, 2*vLength)
	}
	v1, v2 := d.v[:vLength], d.v[vLength:2*vLength]
	for i := range v1 {
		v1[i], v2[i] = -1, -1
	}
	v1[vOffset+1] = 0
	v2[vOffset+1] = 0
	// The reverse path reads a and b from their ends: copies of them
	// reversed, read as the front path reads a and b.
	if cap(d.rev) < la+lb {
		d.rev = make([]int32, la+lb)
	}
	ra, rb := d.rev[:la], d.rev[la:la+lb]
	for i, id := range a {
		ra[la-1-i] = id
	}
	for i, id := range b {
		rb[lb-1-i] = id
	}
	delta := la - lb
	// With an odd total the front path collides with the reverse one.
	front := delta%2 != 0
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for dd := 0; dd < maxD; dd++ {
		x, y, j, met := 0, 0, 0, false
		if x, y, _, met, k1start, k1end = walk(a, b, v1, v2, vOffset, delta, dd, k1start, k1end, front); met {
			return d.split(a, b, x, y)
		}
		if _, _, j, met, k2start, k2end = walk(ra, rb, v2, v1, vOffset, delta, dd, k2start, k2end, !front); met {
			// Where the front path stands on the diagonal they share.
			x1 := int(v1[j])
			return d.split(a, b, x1, vOffset+x1-j)
		}
	}
	// Nothing in common.
	return []wordOp{{wDelete, a}, {wInsert, b}}
}

// walk walks one path of the bisection one step (edit dd), over the
// diagonals from -dd+kstart to dd-kend, and returns the ends of those as
// they narrow: the front path on a and b, its furthest points in own (v1),
// or the reverse path on a and b reversed, in own (v2). When check (the
// front path with an odd total, the reverse path with an even one), met
// says it overlaps the other path, whose furthest points are in other, on
// the diagonal whose slot there is j; (x, y) is where it stands then. The
// loop runs over the diagonals' slots in own (the diagonal plus vOffset),
// which keeps its variables in registers.
func walk(a, b, own, other []int32, vOffset, delta, dd, kstart, kend int, check bool) (x, y, j int, met bool, _, _ int) {
	la, lb := len(a), len(b)
	first, last := vOffset-dd, vOffset+dd // the slots of diagonals -dd and dd
	mirror := vOffset + delta + vOffset   // the slot in other of slot i's diagonal is mirror-i
	for i := first + kstart; i <= last-kend; i += 2 {
		if i == first || i != last && own[i-1] < own[i+1] {
			x = int(own[i+1])
		} else {
			x = int(own[i-1]) + 1
		}
		y = x - i + vOffset
		for uint(x) < uint(la) && uint(y) < uint(lb) && a[x] == b[y] {
			x++
			y++
		}
		own[i] = int32(x)
		switch {
		case x > la:
			kend += 2 // off the right of the graph (the left, walking back)
		case y > lb:
			kstart += 2 // off the bottom (the top)
		case check:
			if j = mirror - i; uint(j) < uint(len(other)) && other[j] != -1 && x+int(other[j]) >= la {
				return x, y, j, true, kstart, kend
			}
		}
	}
	return 0, 0, 0, false, kstart, kend
}

// split diffs a[:x] against b[:y], then the rest.
func (d *differ) split(a, b []int32, x, y int) []wordOp {
	ops := d.diff(a[:x], b[:y])
	return append(ops, d.diff(a[x:], b[y:])...)
}

// cleanupMerge joins neighbouring operations of a kind, factors the common
// prefix and suffix out of each run of edits, and slides single edits over
// the equalities around them, as go-diff's DiffCleanupMerge does.
func cleanupMerge(ops []wordOp) []wordOp {
	ops = append(ops, wordOp{wEqual, nil}) // a dummy at the end
	pointer, countDelete, countInsert := 0, 0, 0
	var textDelete, textInsert []int32
	for pointer < len(ops) {
		switch ops[pointer].kind {
		case wInsert:
			countInsert++
			textInsert = append(textInsert, ops[pointer].ids...)
			pointer++
		case wDelete:
			countDelete++
			textDelete = append(textDelete, ops[pointer].ids...)
			pointer++
		case wEqual:
			if countDelete+countInsert > 1 {
				if countDelete != 0 && countInsert != 0 {
					// The common prefix.
					if n := commonPrefix(textInsert, textDelete); n != 0 {
						x := pointer - countDelete - countInsert
						if x > 0 && ops[x-1].kind == wEqual {
							ops[x-1].ids = concatIDs(ops[x-1].ids, textInsert[:n])
						} else {
							ops = append([]wordOp{{wEqual, slices.Clone(textInsert[:n])}}, ops...)
							pointer++
						}
						textInsert, textDelete = textInsert[n:], textDelete[n:]
					}
					// The common suffix.
					if n := commonSuffix(textInsert, textDelete); n != 0 {
						ii, di := len(textInsert)-n, len(textDelete)-n
						ops[pointer].ids = concatIDs(textInsert[ii:], ops[pointer].ids)
						textInsert, textDelete = textInsert[:ii], textDelete[:di]
					}
				}
				// The run replaced by one deletion and one insertion.
				switch {
				case countDelete == 0:
					ops = spliceOps(ops, pointer-countInsert, countDelete+countInsert,
						wordOp{wInsert, textInsert})
				case countInsert == 0:
					ops = spliceOps(ops, pointer-countDelete, countDelete+countInsert,
						wordOp{wDelete, textDelete})
				default:
					ops = spliceOps(ops, pointer-countDelete-countInsert, countDelete+countInsert,
						wordOp{wDelete, textDelete}, wordOp{wInsert, textInsert})
				}
				pointer = pointer - countDelete - countInsert + 1
				if countDelete != 0 {
					pointer++
				}
				if countInsert != 0 {
					pointer++
				}
			} else if pointer != 0 && ops[pointer-1].kind == wEqual {
				// An equality after an equality: one.
				ops[pointer-1].ids = concatIDs(ops[pointer-1].ids, ops[pointer].ids)
				ops = append(ops[:pointer], ops[pointer+1:]...)
			} else {
				pointer++
			}
			countInsert, countDelete = 0, 0
			textDelete, textInsert = nil, nil // fresh ones: the ops hold these
		}
	}
	if len(ops[len(ops)-1].ids) == 0 {
		ops = ops[:len(ops)-1] // the dummy
	}

	// A single edit between two equalities that can slide over one of them,
	// removing it: A<ins>BA</ins>C → <ins>AB</ins>AC.
	changes := false
	for pointer = 1; pointer < len(ops)-1; pointer++ {
		if ops[pointer-1].kind != wEqual || ops[pointer+1].kind != wEqual {
			continue
		}
		prev, cur, next := ops[pointer-1].ids, ops[pointer].ids, ops[pointer+1].ids
		if hasSuffixIDs(cur, prev) {
			// Slide the edit over the previous equality.
			ops[pointer].ids = concatIDs(prev, cur[:len(cur)-len(prev)])
			ops[pointer+1].ids = concatIDs(prev, next)
			ops = spliceOps(ops, pointer-1, 1)
			changes = true
		} else if hasPrefixIDs(cur, next) {
			// Slide the edit over the next equality.
			ops[pointer-1].ids = concatIDs(prev, next)
			ops[pointer].ids = concatIDs(cur[len(next):], next)
			ops = spliceOps(ops, pointer+1, 1)
			changes = true
		}
	}
	if changes {
		return cleanupMerge(ops)
	}
	return ops
}

// spliceOps removes amount operations at index and inserts elements there.
func spliceOps(ops []wordOp, index, amount int, elements ...wordOp) []wordOp {
	return slices.Replace(ops, index, index+amount, elements...)
}

// concatIDs returns a new slice holding a then b.
func concatIDs(a, b []int32) []int32 {
	out := make([]int32, len(a)+len(b))
	copy(out, a)
	copy(out[len(a):], b)
	return out
}

func commonPrefix(a, b []int32) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b []int32) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

func hasPrefixIDs(s, prefix []int32) bool {
	return len(s) >= len(prefix) && slices.Equal(s[:len(prefix)], prefix)
}

func hasSuffixIDs(s, suffix []int32) bool {
	return len(s) >= len(suffix) && slices.Equal(s[len(s)-len(suffix):], suffix)
}

// indexIDs returns the first index of sub in s, or -1.
func indexIDs(s, sub []int32) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if slices.Equal(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
