package align

import (
	"cmp"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// sortOccurrences gives what sorting by feature, then place, gives: on the
// trigrams of constructed texts in both scripts, with quoted terms and
// figures among them, and with characters beyond the Basic Multilingual
// Plane.
func TestSortOccurrences(t *testing.T) {
	texts := []string{
		"推进“松岚智慧街区”建设，完成35座公厕改造，推进松岚智慧街区二期",
		"推進“松嵐智慧街區”建設，完成35座公廁改造，推進松嵐智慧街區二期",
		"加快𠀀𠀁𠀂建设𠀀𠀁𠀂，新建12个驿站",
		"",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 50; i++ {
		rs := make([]rune, 40)
		for k := range rs {
			rs[k] = []rune("甲乙丙丁“”12个%")[rng.IntN(10)]
		}
		texts = append(texts, string(rs))
	}
	for _, text := range texts {
		var rs []rune
		var at []int32
		for i, r := range text {
			rs, at = append(rs, r), append(at, int32(i))
		}
		at = append(at, int32(len(text)))
		sc := &prepScratch{}
		gramAt := make([]int32, len(rs))
		gramsOf(rs, sc, gramAt, nil)
		occ, keys := rareCandidates(text, rs, at, gramAt, sc)
		occ, keys = slices.Clone(occ), slices.Clone(keys)
		want := slices.Clone(occ)
		slices.SortFunc(want, func(a, b occurrence) int {
			if c := cmp.Compare(a.f, b.f); c != 0 {
				return c
			}
			return cmp.Compare(a.start, b.start)
		})
		if got := sortOccurrences(occ, keys, sc); !slices.Equal(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", text, got, want)
		}
	}
}

// quotedTerms finds what the regular expression it spells out finds: on
// constructed texts of opening and closing marks, letters and bytes that
// are not UTF-8, in both scripts' marks.
func TestQuotedTerms(t *testing.T) {
	re := regexp.MustCompile(`[“《「]([^”》」]{2,20})[”》」]`)
	texts := []string{
		"推进“智慧街区”建设，落实《条例》和「一网通办」",
		"“甲”“乙丙”“”《一二三四五六七八九十一二三四五六七八九十》《一二三四五六七八九十一二三四五六七八九十一》",
		"““甲乙”", "“甲乙", "”甲乙“", "“\xff\xfe”", "",
	}
	rng := rand.New(rand.NewPCG(3, 4))
	parts := []string{"“", "”", "《", "》", "「", "」", "甲", "a", "\xff", "，"}
	for i := 0; i < 500; i++ {
		var b strings.Builder
		for k := rng.IntN(60); k > 0; k-- {
			p := rng.IntN(len(parts) + 6)
			if p >= len(parts) {
				p = 6 // more Han characters, for terms that run long
			}
			b.WriteString(parts[p])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		var want [][4]int
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			want = append(want, [4]int{m[0], m[1], m[2], m[3]})
		}
		if got := quotedTerms(nil, text); !slices.Equal(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", text, got, want)
		}
	}
}

// sorter.order sorts stably and says where each feature came from, as a
// stable sort of the features with their indices does: on bigrams and
// trigrams of both planes mixed with hashes, short lists (insertion sort)
// and long ones (radix passes), with repeats; with trigrams of 63 bits
// among them (too wide to sort with their indices as one number) and
// without (sorted so, see orderPacked).
func TestSorterOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var s sorter
	for _, n := range []int{0, 1, 5, smallSort - 1, smallSort, 200, 5000} {
		for round := 0; round < 3; round++ {
			fs := make([]feat, n)
			for i := range fs {
				r := func() rune {
					if rng.IntN(20) == 0 {
						return rune(0x20000 + rng.IntN(50))
					}
					return rune(0x4E00 + rng.IntN(40))
				}
				switch rng.IntN(10) {
				case 0:
					fs[i] = hashOf(string(rune('a' + rng.IntN(5))))
				case 1, 2:
					if round == 0 {
						fs[i] = pack3(r(), r(), r())
					} else {
						fs[i] = pack2(r(), r())
					}
				default:
					fs[i] = pack2(r(), r())
				}
			}
			type pair struct {
				f feat
				i int32
			}
			want := make([]pair, n)
			for i, f := range fs {
				want[i] = pair{f, int32(i)}
			}
			slices.SortStableFunc(want, func(a, b pair) int { return cmp.Compare(a.f, b.f) })
			from := s.order(fs)
			for i := range want {
				if fs[i] != want[i].f || from[i] != want[i].i {
					t.Fatalf("n=%d: at %d got %x from %d, want %x from %d", n, i, fs[i], from[i], want[i].f, want[i].i)
				}
			}
		}
	}
}

// sorter.countFeats counts features as a map does and says, for each, its
// index among the sorted distinct ones: on bigrams of both planes mixed with
// hashes (each sorted as one number with its index), and with trigrams among
// them, too wide to share a number with their index (sorted with their
// indices instead).
func TestCountFeats(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	var s sorter
	r := func() rune {
		if rng.IntN(5) == 0 {
			return rune(0x20000 + rng.IntN(30))
		}
		return rune(0x4E00 + rng.IntN(30))
	}
	for _, n := range []int{0, 1, 100, 3000} {
		for _, trigrams := range []bool{false, true} {
			fs := make([]feat, n)
			for i := range fs {
				switch rng.IntN(8) {
				case 0:
					fs[i] = hashOf(string(rune('a' + rng.IntN(6))))
				case 1:
					if trigrams {
						fs[i] = pack3(r(), r(), r())
						break
					}
					fallthrough
				default:
					fs[i] = pack2(r(), r())
				}
			}
			want := map[feat]int32{}
			for _, f := range fs {
				want[f]++
			}
			vs := make([]uint64, n)
			for i, f := range fs {
				vs[i] = uint64(f)
			}
			fr, at := s.countFeats(vs)
			if !slices.IsSorted(fr.keys) || len(fr.keys) != len(want) {
				t.Fatalf("n=%d trigrams=%v: %d keys, sorted %v; want %d", n, trigrams, len(fr.keys), slices.IsSorted(fr.keys), len(want))
			}
			for k, f := range fr.keys {
				if fr.n[k] != want[f] {
					t.Fatalf("n=%d trigrams=%v: %x counted %d, want %d", n, trigrams, f, fr.n[k], want[f])
				}
			}
			for i, f := range fs {
				if fr.keys[at[i]] != f {
					t.Fatalf("n=%d trigrams=%v: feature %d at key %x, is %x", n, trigrams, i, fr.keys[at[i]], f)
				}
			}
		}
	}
}

// clauses gives each clause's distinct bigrams sorted, as sorting each
// clause's indices gives: on constructed texts in both scripts, long and
// short, with clauses too short to keep among them.
func TestClauses(t *testing.T) {
	texts := []string{
		"统筹推进港口、航道、物流园区和口岸设施四项建设，加强组织领导。完成35座公厕改造，推进松岚智慧街区二期工程建设",
		"統籌推進港口、航道、物流園區和口岸設施四項建設，加強組織領導。完成35座公廁改造，推進松嵐智慧街區二期工程建設",
		"", "，，。",
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for i := 0; i < 300; i++ {
		rs := make([]rune, 20+rng.IntN(400))
		for k := range rs {
			if rng.IntN(30) == 0 {
				rs[k] = []rune("，。;a1")[rng.IntN(5)]
			} else {
				rs[k] = rune(0x4E00 + rng.IntN(1+i/3))
			}
		}
		texts = append(texts, string(rs))
	}
	for _, text := range texts {
		rs := []rune(text)
		sc := &prepScratch{}
		gramAt := make([]int32, len(rs))
		n := len(gramsOf(rs, sc, gramAt, nil))
		var want []clause
		start := 0
		for i, r := range rs {
			if !strings.ContainsRune("，,；;。：:！!？?", r) && i+1 < len(rs) {
				continue
			}
			var gs []int32
			for k := start; k < i; k++ {
				if gramAt[k] >= 0 {
					gs = append(gs, gramAt[k])
				}
			}
			slices.Sort(gs)
			if gs = slices.Compact(gs); len(gs) >= minClauseGrams {
				want = append(want, clause{span{int32(start), int32(i + 1)}, gs})
			}
			start = i + 1
		}
		for round := 0; round < 2; round++ { // the second with sc's buffers used
			got := clauses(rs, n, gramAt, sc)
			if len(got) != len(want) {
				t.Fatalf("%q: %d clauses, want %d", text, len(got), len(want))
			}
			for i := range want {
				if got[i].span != want[i].span || !slices.Equal(got[i].grams, want[i].grams) {
					t.Fatalf("%q: clause %d %v, want %v", text, i, got[i], want[i])
				}
			}
		}
	}
}
