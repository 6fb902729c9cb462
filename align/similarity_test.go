package align

import (
	"slices"
	"testing"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/corpus/corpustest"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// TestSimilaritiesAsSimilarity checks that the similarities of a unit to
// all those of a part, read at once (what link and Pair use), are those of
// each pair weighed alone, to the last bit: on the seed, on constructed
// reports in both scripts, and on a series of real reports where the shared
// corpora are, for every pair of consecutive reports, a pair a year apart
// and a report with itself, part by part and plan against review.
func TestSimilaritiesAsSimilarity(t *testing.T) {
	seed, err := corpus.Load("", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	constructed := "篇1\n2019年工作回顧\n一、推進舊城更新\n推進天壇周邊簡易樓騰退專案，完成西河沿搬遷。搭建政銀企合作平臺，創新金融服務方式，緩解中小微企業貸款難。\n實施“書香東城”工程，舉辦廟會和戲劇節。\n" +
		"2020年工作任務\n一、深化改革\n搭建政銀企合作平臺，創新金融服務方式。建設區、街道、社區三級政務服務體系網路平臺。\n加強組織領導，抓好工作落實。\n" +
		"篇2\n2020年工作回顧\n一、舊城更新取得進展\n天壇周邊簡易樓騰退專案取得進展，西河沿居民回遷。\n啟動“書香東城”閱讀平臺，舉辦廟會。\n" +
		"2021年工作任務\n一、深化改革\n區、街道、社區三級政務服務體系網路平臺上線執行。搭建政銀企合作平臺，緩解中小微企業貸款難。\n加強組織領導，抓好工作落實。\n"
	corpora := map[string]*corpus.Corpus{
		"seed":                    seed,
		"constructed traditional": corpustest.Build(t, constructed),
		"constructed simplified":  corpustest.Build(t, hanzi.Fold(constructed)),
	}
	if !testing.Short() && corpustest.SeriesDir() != "" {
		corpora["series"] = corpustest.LoadSeries(t)
	}
	for name, c := range corpora {
		th := Classify(c, nil, nil)
		res := &Result{Themes: th}
		rs := c.Reports
		var pairs [][2]*corpus.Report
		for i := range rs {
			pairs = append(pairs, [2]*corpus.Report{rs[i], rs[i]})
			if i+1 < len(rs) {
				pairs = append(pairs, [2]*corpus.Report{rs[i], rs[i+1]})
			}
			if i+2 < len(rs) {
				pairs = append(pairs, [2]*corpus.Report{rs[i], rs[i+2]})
			}
		}
		compared := 0
		for _, p := range pairs {
			groups := [][]*corpus.Unit{res.unitsOf(p[0])}
			if p[1] != p[0] {
				groups = append(groups, res.unitsOf(p[1]))
			}
			m := newModel(th, groups)
			blocks := [][2][]*corpus.Unit{{res.byPart(p[0], corpus.Plan), res.byPart(p[1], corpus.Review)}}
			for _, k := range partKinds {
				blocks = append(blocks, [2][]*corpus.Unit{res.byPart(p[0], k), res.byPart(p[1], k)})
			}
			for _, blk := range blocks {
				a, b := blk[0], blk[1]
				inB := make([]int32, m.n)
				for k := range inB {
					inB[k] = -1
				}
				for j, v := range b {
					inB[m.docs[v].ord] = int32(j)
				}
				sc := &scratch{} // one for all rows, as a goroutine of block uses it
				row := make([]weighed, len(b))
				bd := make([]*doc, len(b))
				for j, v := range b {
					bd[j] = m.docs[v]
				}
				for _, u := range a {
					m.similarities(u, bd, inB, sc, row)
					for j, v := range b {
						if want := m.similarity(u, v, &scratch{}); row[j].Score != want.Score || row[j].Measures != want.Measures {
							t.Fatalf("%s: %s → %s: %+v, alone %+v", name, u.ID, v.ID, row[j], want)
						}
						compared++
					}
				}
			}
			th.drop(p[0])
		}
		if compared == 0 {
			t.Errorf("%s: no pair compared", name)
		}
	}
}

// TestPostings checks that postings built in two passes hold, for each
// key, its numbers in the order they were put, and none for a key never
// counted, as grouping the pairs by key does.
func TestPostings(t *testing.T) {
	for _, pairs := range [][][2]int32{
		nil,
		{{0, 7}},
		{{2, 1}, {0, 2}, {2, 3}, {2, 4}, {4, 5}, {0, 6}},
		{{4, 9}, {4, 8}, {4, 7}},
	} {
		const n = 5
		p := newPostings(n)
		for _, kv := range pairs {
			p.count(kv[0])
		}
		p.start()
		for _, kv := range pairs {
			p.put(kv[0], kv[1])
		}
		p.done()
		for k := range int32(n) {
			var want []int32
			for _, kv := range pairs {
				if kv[0] == k {
					want = append(want, kv[1])
				}
			}
			if got := p.get(k); !slices.Equal(got, want) {
				t.Errorf("pairs %v: key %d holds %v, want %v", pairs, k, got, want)
			}
		}
	}
}
