package change

import (
	"slices"
	"strings"
	"testing"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/corpus/corpustest"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// scanMentions is what the clause index replaces: every clause of the
// corpus read for every commitment.
func scanMentions(all []clause, m matcher, self int) []int32 {
	var out []int32
	for j := range all {
		if m.matches(all[j]) || j == self {
			out = append(out, int32(j))
		}
	}
	return out
}

// indexMentions is what FindCommitments reads through the index.
func indexMentions(ix *clauseIndex, m matcher, self int) []int32 {
	var out []int32
	for _, j := range ix.candidates(m, self) {
		if int(j) == self || m.matches(ix.all[j]) {
			out = append(out, j)
		}
	}
	return out
}

// The clause index, of the pairs the matchers open with, finds the same
// mentions as reading every clause, for every object every plan clause
// names (not only the commitments kept), and for made-up keys of one
// character, counts and shorter forms; the candidates it gives hold every
// clause that matches, and on the seed fewer than mayMatch lets through.
func TestClauseIndexSameAsScan(t *testing.T) {
	seed, err := corpus.Load("", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	corpora := map[string]*corpus.Corpus{
		"seed":        seed,
		"simplified":  corpustest.Build(t, followUps),
		"traditional": corpustest.Build(t, toTraditional(followUps)),
		"constructed": corpustest.Build(t, traditional),
	}
	for name, c := range corpora {
		all := allClauses(c)
		var ms []matcher
		for _, cl := range all {
			for _, o := range readPromise(cl.folded).objects {
				if key := keyOf(o.name); key != "" {
					ms = append(ms, newMatcher(key, o.counted, cl.folded[o.from:o.to]))
				}
			}
		}
		ms = append(ms,
			newMatcher("馆", false, ""),                                // one character
			newMatcher("#座公厕", true, ""),                              // a count
			matcher{key: "文化中心", bare: "中心", part: "文化", quote: "文化"}, // shorter forms
			matcher{key: "", title: "图书馆"},
		)
		if len(ms) < 8 {
			t.Fatalf("%s: only %d matchers", name, len(ms))
		}
		var ptrs []*matcher
		for k := range ms {
			ptrs = append(ptrs, &ms[k])
		}
		ix := newClauseIndex(all, openingPairs(ptrs))
		found, offered, mayMatch := 0, 0, 0
		for k, m := range ms {
			self := k % len(all)
			want, got := scanMentions(all, m, self), indexMentions(ix, m, self)
			if !slices.Equal(got, want) {
				t.Errorf("%s: key %q: index finds %v, scan %v", name, m.key, got, want)
			}
			found += len(want)
			cands := ix.candidates(m, -1)
			for j := range all {
				text := all[j].norm
				if m.counted {
					text = all[j].counted
				}
				if m.mayMatch(text) {
					mayMatch++
				}
				if m.matches(all[j]) && !slices.Contains(cands, int32(j)) {
					t.Errorf("%s: key %q: clause %q matches but is no candidate", name, m.key, all[j].folded)
				}
			}
			offered += len(cands)
		}
		if found <= len(ms) {
			t.Errorf("%s: %d mentions of %d matchers: the test compares next to nothing", name, found, len(ms))
		}
		if name == "seed" && offered >= mayMatch {
			t.Errorf("%s: the index offers %d clauses, as many as the %d mayMatch lets through: the sketches keep none out", name, offered, mayMatch)
		}
	}
}

// The key index offers every commitment sameThing may take a new key for.
func TestKeyIndexCandidates(t *testing.T) {
	keys := []string{
		"松岚文化中心", "松岚文化中心二期", "文化中心", "东湖滨河环线绿廊景观", "东湖滨河环线绿道",
		"第二届映川博览会", "第三届映川博览会", "映川博览会", "全国松岚文化示范区", "松岚文化示范区",
		"青禾湾项目", "青禾湾", "#座公厕改造", "#座公厕", "澄溪体育馆", "澄溪体育中心",
	}
	var cms []Commitment
	kx := newKeyIndex()
	for i, k := range keys {
		k = hanzi.Fold(k)
		kx.add(k, i)
		cms = append(cms, Commitment{Key: k, match: newMatcher(k, strings.Contains(k, "#"), "")})
	}
	pairs := 0
	for _, k := range keys {
		cands := kx.candidates(k)
		for i, cm := range cms {
			if sameThing(cm, k, ordinalsOf(k), cm.match.counted) {
				pairs++
				if !slices.Contains(cands, int32(i)) {
					t.Errorf("%q names %q again but is no candidate", k, cm.Key)
				}
			}
		}
	}
	if pairs <= len(keys) {
		t.Errorf("only %d pairs name the same thing: the test compares next to nothing", pairs)
	}
}
