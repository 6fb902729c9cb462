package change

import (
	_ "embed"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/english"
	"github.com/reportdiff/reportdiff/internal/figure"
	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/lazyre"
	"github.com/reportdiff/reportdiff/internal/segment"
	"github.com/reportdiff/reportdiff/internal/work"
)

// Statuses of a commitment and of its mentions.
const (
	Promised   = "promised"   // the first promise
	Repeated   = "repeated"   // promised again, no report of completion
	Achieved   = "achieved"   // reported done
	Partial    = "partial"    // reported under way
	Missed     = "missed"     // reported not done
	Mentioned  = "mentioned"  // a review names it without saying how it stands
	Unreported = "unreported" // never mentioned again
	Open       = "open"       // promised in the last report: no later report can tell
)

// Commitment is a concrete promise of a plan part followed through the
// reports.
type Commitment struct {
	Key      string // the promise's object, folded, with its years taken out
	Label    string // the object as the first promise words it
	Theme    string
	Status   string
	Reason   string // why a missed promise was missed, as the text says
	Mentions []Mention
	match    matcher
}

// Mention is a passage of a report that speaks of a commitment.
type Mention struct {
	Unit   *corpus.Unit
	Text   string // the clause that names the commitment
	Line   int
	Status string
	Reason string // for missed: the cause the text gives
	word   string // the status word of a review mention
}

// CommitmentOptions change how commitments are found.
type CommitmentOptions struct {
	Term string // a phrase: give its timeline instead of finding commitments
}

//go:embed data/commitments.tsv
var commitmentData string

//go:embed data/endings.tsv
var endingData string

//go:embed data/statuses.tsv
var statusData string

//go:embed data/qualifiers.txt
var qualifierData string

// commitmentWords are the word lists commitments are read with, from
// data/commitments.tsv, endings.tsv, statuses.tsv and qualifiers.txt.
type commitmentWords struct {
	adverbs, modals, promiseVerbs, milestoneVerbs, listWords, headNouns []string
	brandWords, stateWords, determiners, genericWords, namePreps        []string
	complements, actionVerbs, kindOpeners, boundWords                   []string

	// endingClass gives the class of each ending (data/endings.tsv);
	// endings lists them longest first.
	endingClass   map[string]string
	endings       []string
	longestEnding int // in bytes

	statusWords map[string][]string

	// The lists a word is looked up in most, as sets: a clause asks for
	// each of its words whether it is an adverb, a verb, a generic word …
	adverbSet, determinerSet, genericSet  wordSet
	promiseVerbSet, stateSet, namePrepSet wordSet
	endingSet                             wordSet

	// longStateWords are the state words of two characters or more,
	// longest first (环境整治 before 整治); longStateBits holds the bits
	// (runeBit) of the characters of each.
	longStateWords []string
	longStateBits  []uint64

	// genericQualifiers may open a name in one report and be left out in
	// the next (data/qualifiers.txt): national and provincial names, scope
	// words.
	genericQualifiers []string
}

// commitmentVocab returns the word lists of commitments, read from the
// data files on first use: most commands (diff, show, align …) follow no
// commitment and need not pay for them at start-up.
var commitmentVocab = sync.OnceValue(func() *commitmentWords {
	lists := dataLists(commitmentData)
	v := &commitmentWords{
		adverbs: lists["adverb"], modals: lists["modal"], promiseVerbs: lists["verb"],
		milestoneVerbs: lists["milestone"], listWords: lists["list"], headNouns: lists["head"],
		brandWords: lists["brand"], stateWords: lists["state"], determiners: lists["determiner"],
		genericWords: lists["generic"], namePreps: lists["prep"], complements: lists["complement"],
		actionVerbs: lists["action"], kindOpeners: lists["opener"], boundWords: lists["bound"],
		endingClass:       map[string]string{},
		statusWords:       dataLists(statusData),
		genericQualifiers: dataLines(qualifierData),
	}
	for class, ws := range dataLists(endingData) {
		for _, w := range ws {
			v.endingClass[w] = class
			v.endings = append(v.endings, w)
		}
	}
	sort.Strings(v.endings)
	slices.SortStableFunc(v.endings, func(a, b string) int { return len(b) - len(a) })
	v.longestEnding = len(v.endings[0])
	v.adverbSet, v.determinerSet, v.genericSet = setOf(v.adverbs), setOf(v.determiners), setOf(v.genericWords)
	v.promiseVerbSet, v.stateSet, v.namePrepSet = setOf(v.promiseVerbs), setOf(v.stateWords), setOf(v.namePreps)
	v.endingSet = setOf(v.endings)
	v.longStateWords = longestFirst(slices.DeleteFunc(slices.Clone(v.stateWords), func(w string) bool { return hanRunes(w) < 2 }))
	v.longStateBits = make([]uint64, len(v.longStateWords))
	for i, w := range v.longStateWords {
		for _, r := range w {
			v.longStateBits[i] |= runeBit(r)
		}
	}
	return v
})

// wordSet is a set of words.
type wordSet map[string]bool

func setOf(ws []string) wordSet {
	s := wordSet{}
	for _, w := range ws {
		s[w] = true
	}
	return s
}

func (s wordSet) has(w string) bool { return s[w] }

var (
	reYearWord    = lazyre.New(`(?:19|20)(?:[0-9]{2}|xx)年(?:度)?`)
	reYearWordAt  = lazyre.New(`^(?:` + reYearWord.String() + `)`)
	reOrdinal     = lazyre.New(`(第)?([一二三四五六七八九十两百0-9]+)(连冠|届|期|批|号)`)
	reDigits      = lazyre.New(`[0-9]+(?:\.[0-9]+)?`)
	rePlanPeriod  = lazyre.New(`^十[一二三四五六七八九]*五(规划|时期)?$`)
	rePhase       = lazyre.New(`^第?[一二三四五六七八九十0-9]+期`)
	reEventNumber = lazyre.New(`^第[一二三四五六七八九十百0-9]+届`)
)

// clauseBreaks are the marks that end a clause.
var clauseBreaks = hanzi.NewMarks("，,；;。：:！？")

// clause is a stretch of a unit between clause breaks.
type clause struct {
	unit       *corpus.Unit
	start, end int    // byte offsets in the unit's text
	folded     string // the clause folded
	sentence   string // the folded sentence it stands in
	norm       string // folded, years taken out
	counted    string // norm with every number a #
	stateless  string // counted less the words that say what is done to a thing (withoutStates)
}

func clausesOf(u *corpus.Unit) []clause {
	var cs []clause
	f, idx := hanzi.FoldMap(u.Text)
	for _, s := range u.Sentences {
		fs, fe := foldedOffset(idx, s.Start), foldedOffset(idx, s.End)
		sentence := f[fs:fe]
		pos := fs
		for {
			at, n := clauseBreaks.Index(f[pos:fe])
			if at < 0 {
				break
			}
			cs = appendClause(cs, u, f, idx, pos, pos+at, sentence)
			pos += at + n
		}
		cs = appendClause(cs, u, f, idx, pos, fe, sentence)
	}
	return cs
}

func appendClause(cs []clause, u *corpus.Unit, f string, idx []int, from, to int, sentence string) []clause {
	if strings.TrimSpace(f[from:to]) == "" {
		return cs
	}
	c := clause{unit: u, start: idx[from], end: idx[to], folded: f[from:to], sentence: sentence}
	c.norm = joinHan(c.folded)
	c.counted = c.norm
	if strings.Contains(c.norm, "年") { // what reYearWord needs, cheaply ruled out
		c.norm = reYearWord.ReplaceAllString(c.norm, "")
		c.counted = c.norm
	}
	if strings.ContainsAny(c.norm, "0123456789") { // what reDigits needs
		c.counted = reDigits.ReplaceAllString(c.norm, "#")
	}
	c.stateless = withoutStates(c.counted) // once a clause, not once a commitment a clause
	return append(cs, c)
}

// joinHan takes out the spaces that stand between two Han characters
// outside quotation marks: a PDF breaks its lines inside words (某电 厂项目),
// while a quoted slogan may part its halves with a space on purpose.
func joinHan(s string) string {
	if !strings.ContainsAny(s, " \t\u3000") {
		return s
	}
	var b strings.Builder
	depth := 0
	var prev rune
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) && depth == 0 && hanzi.IsHan(prev) {
			j := i
			for j < len(s) {
				sp, m := utf8.DecodeRuneInString(s[j:])
				if !isSpace(sp) {
					break
				}
				j += m
			}
			if next, _ := utf8.DecodeRuneInString(s[j:]); hanzi.IsHan(next) {
				i = j
				continue
			}
		}
		depth = quoteDepth(depth, string(r))
		b.WriteString(s[i : i+n])
		prev = r
		i += n
	}
	return b.String()
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' }

// foldedOffset maps a byte offset of the original text to the folded text.
func foldedOffset(idx []int, off int) int {
	return sort.SearchInts(idx, off)
}

// allClauses returns the clauses of every report, front matter and
// salutations left out.
func allClauses(c *corpus.Corpus) []clause {
	var units []*corpus.Unit
	for _, r := range c.Reports {
		for _, u := range r.Units {
			if u.Role != corpus.RoleFront && u.Role != corpus.RoleSalutation {
				units = append(units, u)
			}
		}
	}
	// The units are cut in parallel, then joined in their order.
	of := make([][]clause, len(units))
	work.Each(len(units), func(i int) { of[i] = clausesOf(units[i]) })
	n := 0
	for _, cs := range of {
		n += len(cs)
	}
	all := make([]clause, 0, n)
	for _, cs := range of {
		all = append(all, cs...)
	}
	return all
}

// token is a word of a folded clause and where it stands.
type token struct {
	text       string
	start, end int
}

// object is a thing a promise names.
type object struct {
	name     string // its folded words: 某街道文化中心, #座公厕改造
	from, to int    // the stretch of the clause it was read from
	head     string // the head noun it was given from the last item of its list (项目 of 甲、乙项目), or ""
	core     string // for a project named by what is done to it, the name it is done to, or ""
	counted  bool   // a quantified promise: a # stands for the count
	weak     bool   // a name of common words only, or a quoted name alone: a commitment only if a later report speaks of it
	reason   string // why it is no commitment; "" when it is one
}

// promise is what a clause of a plan promises.
type promise struct {
	verb    string
	objects []object
	reason  string // why the clause promises nothing; "" when it names objects
}

// readPromise reads a folded clause of a plan: adverbs (继续, 高标准 …) off,
// a modal (力争, 确保 …) with or without a subject before it, a promise verb
// (data/commitments.tsv) found by words, then its objects: each item of a
// list with the shared head noun given to the items before it, each named by
// an ending, a quoted name or a count. A clause whose object comes first
// (某中心实现竣工) names it before its verb.
func readPromise(c string) promise {
	cw := commitmentVocab()
	ts := tokens(c)
	i, lastAdverb := skipAdverbs(c, ts, listMarkers(ts))
	subjectEnd := -1
	modal := false
	if i < len(ts) && slices.Contains(cw.modals, ts[i].text) {
		i, _ = skipAdverbs(c, ts, i+1)
		modal = true
	} else {
		for j := i + 1; j < len(ts) && j < i+12; j++ {
			if slices.Contains(cw.modals, ts[j].text) {
				subjectEnd = j
				i, _ = skipAdverbs(c, ts, j+1)
				break
			}
		}
	}
	p := promise{}
	verbEnd := -1
	if i < len(ts) {
		if v, n := verbAt(ts, i); n > 0 {
			p.verb, verbEnd = v, i+n
		}
	}
	if p.verb == "" && lastAdverb >= 0 && cw.promiseVerbSet.has(ts[lastAdverb].text) {
		p.verb, verbEnd = ts[lastAdverb].text, lastAdverb+1 // 加快 alone is the verb
	}
	if p.verb == "" {
		// The object first: 某中心实现竣工, 某中心完成建设.
		// After a modal, the milestone alone: 确保某中心投入使用.
		for j := i + 1; j < len(ts); j++ {
			if (ts[j].text == "实现" || ts[j].text == "完成") && startsWithAny(c[ts[j].end:], cw.milestoneVerbs) {
				p.verb = ts[j].text
				p.objects = objectsIn(c, ts[i].start, ts[j].start)
				return p.explainEmpty(c)
			}
			if !modal {
				continue // the milestone alone needs a modal: not looked for without one
			}
			if w := milestoneAt(c, ts[j].start); w != "" {
				k := j
				for k > i+1 && cw.adverbSet.has(ts[k-1].text) {
					k-- // 确保某馆年底建成: the time is no part of the name
				}
				p.verb = w
				p.objects = objectsIn(c, ts[i].start, ts[k].start)
				return p.explainEmpty(c)
			}
		}
		opener := ""
		if i < len(ts) {
			opener = ts[i].text
		}
		p.reason = "no promise verb at its head (it opens with " + opener + ")"
		return p
	}
	for verbEnd < len(ts) {
		if _, n := verbAt(ts, verbEnd); n > 0 {
			verbEnd += n
		} else if slices.Contains(cw.complements, ts[verbEnd].text) {
			verbEnd++
		} else if k := adverbsFrom(ts, verbEnd); k > verbEnd && k < len(ts) && verbAtOrModal(ts, k) {
			verbEnd = k // adverbs before another verb (推进并完成); before a noun they open the name (共同某区)
		} else {
			break
		}
	}
	if verbEnd < len(ts) {
		p.objects = objectsIn(c, ts[verbEnd].start, len(c))
	}
	if subjectEnd > 0 && !p.names() {
		p.objects = objectsIn(c, ts[0].start, ts[subjectEnd].start) // 某中心力争年内竣工
	}
	return p.explainEmpty(c)
}

// adverbsFrom returns the index of the first token from i that is no
// adverb.
func adverbsFrom(ts []token, i int) int {
	cw := commitmentVocab()
	for i < len(ts) && cw.adverbSet.has(ts[i].text) {
		i++
	}
	return i
}

// verbAtOrModal reports whether token i is a promise verb or a modal.
func verbAtOrModal(ts []token, i int) bool {
	cw := commitmentVocab()
	_, n := verbAt(ts, i)
	return n > 0 || slices.Contains(cw.modals, ts[i].text)
}

// milestoneAt returns the milestone (data/commitments.tsv) that opens a
// word of c at offset at, the longest, or "".
func milestoneAt(c string, at int) string {
	cw := commitmentVocab()
	best := ""
	for _, w := range cw.milestoneVerbs {
		if len(w) > len(best) && strings.HasPrefix(c[at:], w) && wordBoundary(c, at+len(w)) {
			best = w
		}
	}
	return best
}

// listMarkers returns how many tokens at the head of a clause mark an item
// of a list, not its words: a dash or a star of markdown, a number with its
// point (- 加快…, 1. 建成…), anything that holds no Han character and opens
// no quotation.
func listMarkers(ts []token) int {
	n := 0
	for n < len(ts) && hanRunes(ts[n].text) == 0 && quoteDepth(0, ts[n].text) == 0 {
		n++
	}
	return n
}

// names reports whether the promise names a commitment.
func (p promise) names() bool {
	return slices.ContainsFunc(p.objects, func(o object) bool { return o.reason == "" })
}

func (p promise) explainEmpty(c string) promise {
	if len(p.objects) == 0 {
		p.reason = "its object names no project, place or event (no ending, quoted name or count)"
	}
	return p
}

// skipAdverbs returns the index of the first token from i that is no
// adverb, year or time word, and the index of the last adverb skipped (-1
// for none).
func skipAdverbs(c string, ts []token, i int) (int, int) {
	cw := commitmentVocab()
	last := -1
	for i < len(ts) {
		// A year where the token starts (the pattern is tried only where it
		// may match: at a 1 or a 2).
		if d := c[ts[i].start]; d == '1' || d == '2' {
			if loc := reYearWordAt.FindStringIndex(c[ts[i].start:]); loc != nil {
				end := ts[i].start + loc[1]
				for i < len(ts) && ts[i].start < end {
					i++
				}
				continue
			}
		}
		if !cw.adverbSet.has(ts[i].text) {
			break
		}
		last = i
		i++
	}
	return i, last
}

// verbAt returns the promise verb at token i, one word or two (全面完成), and
// how many tokens it takes.
func verbAt(ts []token, i int) (string, int) {
	cw := commitmentVocab()
	if i+1 < len(ts) {
		if two := ts[i].text + ts[i+1].text; cw.promiseVerbSet.has(two) {
			return two, 2
		}
	}
	if cw.promiseVerbSet.has(ts[i].text) {
		return ts[i].text, 1
	}
	return "", 0
}

// objectsIn reads the objects of c[from:to]: the items of a list, each with
// the head the next named item shares when it has no name of its own (推进甲、
// 乙和丙项目: 甲项目, 乙项目, 丙项目; 甲、乙文化节: 甲文化节). Items before 等
// and a count (甲、乙等8个区域) are examples of the counted thing, which is the
// one object; items before 等 and a kind of thing of another class (甲街、乙
// 宫等重点地区) are examples too.
func objectsIn(c string, from, to int) []object {
	cw := commitmentVocab()
	text := c[from:to]
	items, tail := splitList(text)
	head := ""
	examples, exampleClass := "", ""
	switch {
	case tail >= 0:
		rest := text[tail:]
		if o, ok := countObject(rest, from+tail); ok {
			o.reason, o.weak = guard(o), true
			return []object{o}
		}
		if head = leadingEnding(rest); !slices.Contains(cw.headNouns, head) {
			head, examples, exampleClass = "", strings.TrimSpace(hanRun(rest)), tailClass(rest)
		}
	}
	if q := qualifiedTail(text, items); q != "" {
		return qualifiers(text, from, items, q)
	}
	// nextNamed returns the first item after k that ends with an ending:
	// the one whose head the items before it share.
	nextNamed := func(k int) string {
		for _, it := range items[k+1:] {
			if next := text[it[0]:it[1]]; trailingEnding(next) != "" {
				return next
			}
		}
		return ""
	}
	var out []object
	countedBefore := ""
	for k, it := range items {
		if loc := reYearWordAt.FindStringIndex(text[it[0]:it[1]]); loc != nil {
			it[0] += loc[1] // 20xx年某会: the year is no part of the name
		}
		item := text[it[0]:it[1]]
		if strings.TrimSpace(item) == "" {
			continue
		}
		o, ok := countObject(item, from+it[0])
		ownKind := false
		if ok {
			countedBefore = o.name
		} else if countedBefore != "" && len(figure.Extract(item)) == 0 {
			continue // 新建4家甲中心和乙基地: the count is the first item's
		}
		if !ok {
			o = nameObject(item, from+it[0])
			shared := head
			if next := nextNamed(k); next != "" && head == "" {
				shared = sharedSuffix(next, utf8.RuneCountInString(strings.TrimSpace(item)))
				switch bare := strings.TrimSpace(item); {
				case o.name == "" && shared != "" && sameLastRune(bare, shared) && hanRunes(bare) >= 2 && hanRunes(bare) == utf8.RuneCountInString(bare):
					// 甲博会、乙交会和丙博览会: each item names a thing of its
					// own kind already, and takes nothing of the last.
					at := from + it[0] + strings.Index(item, bare)
					o, shared, ownKind = object{name: bare, from: at, to: at + len(bare)}, "", true
				}
			}
			own := cw.endingClass[endingOfWord(o.name)]
			if shared != "" && (o.name == "" && trailingEnding(item) == "" || o.name != "" && hanRunes(item) <= 3 && own != cw.endingClass[trailingEnding(shared)]) {
				o = nameObject(strings.TrimSpace(item)+shared, from+it[0])
				o.to = min(o.to, from+it[1])
				o.head = shared
			}
		}
		if o.name == "" {
			if q := quoted(item); q != "" {
				at := strings.Index(item, q)
				o = object{name: q, from: from + it[0] + at, to: from + it[0] + at + len(q)}
			}
		}
		if o.name != "" {
			o.reason = guard(o)
		}
		if q := quoted(o.name); q != "" && q == o.name && o.reason == "" {
			at := o.from - from - it[0]
			o.reason = quoteUse(item[:at], item[at+len(q):])
		}
		if o.name == "" {
			continue
		}
		if o.reason == "" && examples != "" && exampleClass != "-" && cw.endingClass[endingOfWord(strings.TrimRight(o.name, "”》"))] != exampleClass {
			o.reason = "an example of " + examples + ", not a project of its own"
		}
		// A count, or a name with no ending of its own (quoted, or an item of
		// a list that names its kind: 甲博会), is a commitment only when a
		// later report speaks of it again; so is a name of common words.
		o.weak = o.counted || quoted(o.name) == o.name && endingOfWord(strings.Trim(o.name, "“”《》")) == "" || ownKind || !distinctive(o)
		out = append(out, o)
	}
	return out
}

// qualifiedTail returns what the items of a list qualify when its last
// item, a name with an ending, goes on with a quoted name (甲校区、乙园区“两
// 区融合”): the items are no objects of their own; "" otherwise. A place
// before a quoted name names it (甲、乙“两站一街”等项目).
func qualifiedTail(text string, items [][2]int) string {
	if len(items) < 2 {
		return ""
	}
	last := text[items[len(items)-1][0]:items[len(items)-1][1]]
	if i := strings.Index(last, "“"); i > 0 && trailingEnding(last[:i]) != "" && quoted(last[i:]) != "" {
		return last[i:]
	}
	return ""
}

// qualifiers returns the items of a list that qualify tail, each with its
// reason, and a quoted name of tail on its own (weak: a commitment only when
// a later report speaks of it).
func qualifiers(text string, from int, items [][2]int, tail string) []object {
	what := hanRun(tail)
	if what == "" {
		what = quoted(tail)
	}
	var out []object
	for k, it := range items {
		item := strings.TrimSpace(text[it[0]:it[1]])
		if k == len(items)-1 {
			item = strings.TrimSpace(strings.TrimSuffix(text[it[0]:it[1]], tail))
		}
		if item == "" {
			continue
		}
		at := from + it[0] + strings.Index(text[it[0]:it[1]], item)
		out = append(out, object{name: item, from: at, to: at + len(item), reason: "an item of a list that qualifies " + what + ", not an object"})
	}
	if q := quoted(tail); q != "" && strings.HasPrefix(tail, q) {
		at := from + strings.LastIndex(text, q)
		o := object{name: q, from: at, to: at + len(q), weak: true}
		o.reason = guard(o)
		out = append(out, o)
	}
	return out
}

// distinctive reports whether a name says which thing it is, not only what
// kind: a quoted name with a head noun after it (“某某”项目), or words before
// its ending of which one is rare in the word list (a proper name: 某某井,
// 某各庄), a stretch of single characters no word list knows, a number or an
// ordinal.
func distinctive(o object) bool {
	cw := commitmentVocab()
	name := strings.TrimRight(o.name, "”》")
	if q := quoted(o.name); q != "" && !strings.HasSuffix(o.name, "”") && !strings.HasSuffix(o.name, "》") {
		return true
	}
	if reDigits.MatchString(name) || reOrdinal.MatchString(name) {
		return true
	}
	if bare := strings.Trim(name, "“”《》"); hanRunes(bare) <= 4 && segment.Frequency(bare) < rareBelow && hanRunes(bare) >= 2 {
		return true // a short name no word list holds as a common word: 某街
	}
	part := strings.TrimSuffix(name, endingOfWord(name))
	singles := 0
	for _, w := range words(strings.Trim(part, "“”《》")) {
		n := hanRunes(w)
		switch {
		case n >= 2 && segment.Frequency(w) < rareBelow:
			return true
		case n == 1 && !cw.genericSet.has(w):
			singles++
			if singles >= 2 {
				return true
			}
		default:
			singles = 0
		}
	}
	return false
}

// rareBelow is the count in the word list under which a word is rare enough
// to name one thing: 某某井 is, 文化 and 活动 are not.
const rareBelow = 1000

// quoteUse says why a quoted name that no ending follows is no
// commitment: a preposition before it makes it a means (以“某制”为核心, 从“某
// 管理”向…), and a noun after it that is neither what is done to it nor a
// word that names it (品牌, 活动) makes it an attribute of that noun (“某某”
// 经济结构); "" otherwise.
func quoteUse(before, after string) string {
	cw := commitmentVocab()
	if ts := tokens(before); len(ts) > 0 && cw.namePrepSet.has(ts[len(ts)-1].text) {
		return "a quoted phrase of means, not a name"
	}
	if ts := tokens(after); len(ts) > 0 && hanzi.IsHan([]rune(ts[0].text)[0]) && !cw.stateSet.has(ts[0].text) &&
		!startsWithAny(after, cw.stateWords) && !slices.Contains(cw.brandWords, ts[0].text) {
		return "a quoted attribute of " + hanRun(after) + ", not a name"
	}
	return ""
}

// splitList cuts text into the items of a list, at 、 and at the words 和,
// 及, 与, 以及 outside quotation marks, up to a 等 that ends the list; tail is
// the offset of what follows 等, or -1.
func splitList(text string) (items [][2]int, tail int) {
	cw := commitmentVocab()
	tail = -1
	start, depth := 0, 0
	ts := tokens(text)
	for _, t := range ts {
		if depth = quoteDepth(depth, t.text); depth > 0 {
			continue
		}
		if t.text == "等" {
			items = append(items, [2]int{start, t.start})
			return items, t.end
		}
		if slices.Contains(cw.listWords, t.text) && (t.text == "、" || hanRunes(text[start:t.start]) >= 2) {
			items = append(items, [2]int{start, t.start})
			start = t.end
		}
	}
	return append(items, [2]int{start, len(text)}), -1
}

// quoteDepth returns how deep in quotation marks the text after a token
// stands, from the depth before it.
func quoteDepth(depth int, token string) int {
	switch token {
	case "“", "《", "「":
		return depth + 1
	case "”", "》", "」":
		return max(0, depth-1)
	}
	return depth
}

// leadingEnding returns the ending that opens text after determiners and
// generic words (重点项目建设: 项目), or "".
func leadingEnding(text string) string {
	cw := commitmentVocab()
	for _, t := range tokens(text) {
		if cw.endingSet.has(t.text) {
			return t.text
		}
		if !cw.determinerSet.has(t.text) && !cw.genericSet.has(t.text) {
			return ""
		}
	}
	return ""
}

// sharedSuffix returns what a later item of a list shares with an item of
// n characters before it that names nothing on its own: the later item past
// its own name, taken as the stretch of whole words closest to n characters
// long (甲乙、丙丁戊己项目: 戊己项目), or past its closing quotation mark;
// "" unless it ends with an ending (甲、乙文化节 gives 文化节; 甲、乙调整升级
// gives nothing) and a stretch of whole words is within two characters of n
// long (an item much longer than the last's own name is a phrase of its own).
func sharedSuffix(last string, n int) string {
	last = strings.TrimSpace(last)
	if trailingEnding(last) == "" {
		return ""
	}
	if i := strings.LastIndex(last, "”"); i >= 0 {
		return last[i+len("”"):] // 甲和“乙丙”项目: the quoted name is the last item's own
	}
	best, bestAt := -1, 0
	runes := 0
	for _, t := range tokens(last) {
		runes += utf8.RuneCountInString(t.text)
		if d := abs(runes - n); t.end < len(last) && (best < 0 || d < best) {
			best, bestAt = d, t.end
		}
	}
	if best < 0 || best > 2 {
		return "" // no stretch of the last item stands for the item: a phrase of its own (甲乙丙丁戊交通网、己庚基地)
	}
	return last[bestAt:]
}

// sameLastRune reports whether two texts end with the same character.
func sameLastRune(a, b string) bool {
	ra, _ := utf8.DecodeLastRuneInString(a)
	rb, _ := utf8.DecodeLastRuneInString(b)
	return ra == rb && ra != utf8.RuneError
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// tailClass returns the class of the kind of thing the words after 等 name
// (重点地区: area, 市政道路: road), or "-" when they name none.
func tailClass(text string) string {
	cw := commitmentVocab()
	for _, t := range tokens(text) {
		if e := endingOfWord(t.text); e != "" {
			return cw.endingClass[e]
		}
		if !cw.determinerSet.has(t.text) && !cw.genericSet.has(t.text) {
			return "-"
		}
	}
	return "-"
}

// trailingEnding returns the ending text closes with, state words after it
// taken off (丙项目建设: 项目), or "".
func trailingEnding(text string) string {
	cw := commitmentVocab()
	ts := tokens(text)
	for len(ts) > 0 && cw.stateSet.has(ts[len(ts)-1].text) {
		ts = ts[:len(ts)-1]
	}
	if len(ts) == 0 {
		return ""
	}
	for _, e := range cw.endings {
		if strings.HasSuffix(text[:ts[len(ts)-1].end], e) && wordBoundary(text[:ts[len(ts)-1].end], len(text[:ts[len(ts)-1].end])-len(e)) {
			return e
		}
	}
	return ""
}

// endingOfWord returns the ending a word is or closes with, the longest,
// or "". It looks its tails up, longest first, rather than trying every
// ending: names are read by the thousand.
func endingOfWord(w string) string {
	cw := commitmentVocab()
	for i := max(0, len(w)-cw.longestEnding); i < len(w); i++ {
		if _, ok := cw.endingClass[w[i:]]; ok {
			return w[i:]
		}
	}
	return ""
}

// wordBoundary reports whether offset at of s falls between two words.
func wordBoundary(s string, at int) bool {
	if at == 0 || at == len(s) {
		return true
	}
	for _, t := range tokens(s) {
		if t.start == at || t.end == at {
			return true
		}
		if t.start > at {
			break
		}
	}
	return false
}

// countObject reads a quantified promise: a count and what it counts (12座
// 公厕改造, 区属12个驿站), or an amount after what it measures (屋顶绿化3万
// 平方米). The count becomes # in the name.
func countObject(item string, at int) (object, bool) {
	cw := commitmentVocab()
	figs := figure.Extract(item)
	if len(figs) == 0 {
		return object{}, false
	}
	f := figs[0]
	m := f.Measure
	if m == "" || m == "%" || m == "‰" || strings.HasSuffix(m, "百分点") || f.Base {
		return object{}, false
	}
	before := strings.TrimSpace(item[:f.Start])
	for _, w := range cw.boundWords {
		before = strings.TrimSpace(strings.TrimSuffix(before, w)) // 某小区不少于600个: the bound is no part of the name
	}
	after := item[f.End:]
	if len(figs) > 1 {
		after = after[:figs[1].Start-f.End] // 5处节点改造和15条道路: the first count's own words
		for _, w := range cw.listWords {
			after = strings.TrimSuffix(strings.TrimSpace(after), w)
		}
		figs = figs[:1]
	}
	after = strings.TrimSpace(after)
	for _, w := range []string{"以上", "左右", "以内"} {
		after = strings.TrimPrefix(after, w)
	}
	if i := strings.Index(after, "的"); i >= 0 {
		after = after[:i]
	}
	if madeOf(after, append(slices.Clone(cw.stateWords), "任务", "工作", "目标")) && after != "" {
		return object{}, false // 20万平方米改造任务 counts no thing
	}
	switch {
	case hanRunes(before) <= 2 && hanRunes(after) >= 3 && len(figs) == 1:
		// 建成12个文化驿站; 区属12座公厕改造
		return object{name: before + "#" + m + after, from: at, to: at + len(item), counted: true}, true
	case after == "" && hanRunes(before) >= 3 && len(figs) == 1:
		return object{name: before + "#" + m, from: at, to: at + len(item), counted: true}, true
	}
	return object{}, false
}

// nameObject reads the name an item holds: up to its last ending before
// the first word that says what is to be done to it, a quoted title right
// after it included; or an item that ends with an ending past such words (某
// 河道整治工程); or a quoted name that opens it.
func nameObject(item string, at int) object {
	cw := commitmentVocab()
	rs := []rune(item)
	head := string(rs[:min(len(rs), 24)])
	ts := tokens(head)
	bounds := map[int]bool{0: true}
	for _, t := range ts {
		bounds[t.start], bounds[t.end] = true, true
	}
	stop := len(head)
	depth := 0
	for _, t := range ts {
		if depth = quoteDepth(depth, t.text); depth == 0 && t.start > 0 && (startsWithAny(head[t.start:], cw.stateWords) && bounds[t.start] || cw.namePrepSet.has(t.text) ||
			cw.determinerSet.has(t.text)) {
			stop = t.start
			break
		}
	}
	end := lastEnding(head, stop, bounds, func(j int) bool { return closesName(head, j, stop) })
	fallback := false
	if end < 0 && stop < len(head) {
		// A project named by what is done to it: 某河道整治工程.
		trimmed := strings.TrimRightFunc(head, func(r rune) bool { return !hanzi.IsHan(r) && r != '”' && r != '》' })
		if e := lastEnding(trimmed, len(trimmed), bounds, func(int) bool { return true }); e == len(trimmed) && !strings.ContainsAny(trimmed[stop:], "的“”《》0123456789") &&
			cw.endingClass[endingOfWord(trimmed)] == "project" && !slices.ContainsFunc(tokens(trimmed[stop:]), func(t token) bool { return cw.namePrepSet.has(t.text) }) {
			end, fallback = e, true
		}
	}
	if end >= 0 {
		if loc := rePhase.FindStringIndex(head[end:]); loc != nil {
			end += loc[1] // a phase of the project is part of its name: 某公园二期
		}
	}
	if loc := reEventNumber.FindStringIndex(head); end < 0 && loc != nil && hanRunes(head[loc[1]:stop]) >= 2 {
		// A numbered event names one thing whatever its last word: 第三届某市车展.
		end = len(strings.TrimRightFunc(head[:stop], func(r rune) bool { return !hanzi.IsHan(r) && r != '”' && r != '》' }))
	}
	if end >= 0 && (strings.HasPrefix(head[end:], "“") || strings.HasPrefix(head[end:], "《")) {
		// A quoted title right after the name belongs to it: 某模范城“三连冠”.
		if q := strings.IndexAny(head[end:], "”》"); q >= 0 {
			_, n := utf8.DecodeRuneInString(head[end+q:])
			end += q + n
		}
	}
	if end < 0 && (strings.HasPrefix(head, "“") || strings.HasPrefix(head, "《")) {
		if q := strings.IndexAny(head, "”》"); q >= 0 {
			_, n := utf8.DecodeRuneInString(head[q:])
			end = q + n
		}
	}
	if end <= 0 {
		return object{}
	}
	o := object{name: head[:end], from: at, to: at + end}
	if fallback {
		// The name the project is done to: 某某古塔 of 某某古塔周边景观修复工程.
		for _, t := range tokens(o.name) {
			if e := endingOfWord(t.text); e != "" && t.end < stop && hanRunes(o.name[:t.end]) >= 4 {
				o.core = o.name[:t.end]
				break
			}
		}
	}
	return o
}

// closesName reports whether a name of head may end at j: at the end, at
// the first word that says what is to be done to it, before a quotation
// mark, a list word, 等, a verb, an adverb, a generic word (某区院落修缮) or
// a word that says it was not done (某公园未能开工) or a phase (某公园二期),
// not before more of a name (某街集团, 某区情).
func closesName(head string, j, stop int) bool {
	cw := commitmentVocab()
	if j >= stop || j >= len(head) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(head[j:])
	if !hanzi.IsHan(r) {
		return true
	}
	next := tokens(head[j:])[0].text
	return startsWithAny(head[j:], cw.stateWords) || startsWithAny(head[j:], cw.statusWords["missed"]) || rePhase.MatchString(head[j:]) || slices.Contains(cw.listWords, next) || next == "等" || cw.promiseVerbSet.has(next) ||
		cw.adverbSet.has(next) || slices.Contains(cw.modals, next) || cw.namePrepSet.has(next) || cw.genericSet.has(next)
}

// lastEnding returns the end of the last ending of s before stop that
// closes a word and may close a name there (closes), outside quotation
// marks, or -1. An ending must open a word too, or close a word rare enough
// to be a name (某某楼, not 调节).
func lastEnding(s string, stop int, bounds map[int]bool, closes func(int) bool) int {
	cw := commitmentVocab()
	end := -1
	for _, e := range cw.endings {
		for i := strings.Index(s, e); i >= 0; {
			j := i + len(e)
			if j <= stop && j > end && bounds[j] && balancedQuotes(s[:j]) && (bounds[i] || rareWordEndingAt(s, j)) && closes(j) {
				end = j
			}
			next := strings.Index(s[j:], e)
			if next < 0 {
				break
			}
			i = j + next
		}
	}
	return end
}

// rareWordEndingAt reports whether the word of s that ends at j is rare in
// the word list or unknown to it.
func rareWordEndingAt(s string, j int) bool {
	for _, t := range tokens(s) {
		if t.end == j {
			return segment.Frequency(t.text) < rareBelow
		}
	}
	return false
}

// quoted returns the first name in quotation marks in s, marks included.
func quoted(s string) string {
	for _, pair := range [][2]string{{"“", "”"}, {"《", "》"}} {
		if i := strings.Index(s, pair[0]); i >= 0 {
			if j := strings.Index(s[i:], pair[1]); j >= 0 {
				return s[i : i+j+len(pair[1])]
			}
		}
	}
	return ""
}

func balancedQuotes(s string) bool {
	return strings.Count(s, "“") == strings.Count(s, "”") && strings.Count(s, "《") == strings.Count(s, "》")
}

func startsWithAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// guard says why an object is no commitment, or "" when it names a thing a
// later report can speak of: not a plan period (“十三五”), a slogan (“甲、乙”),
// a name too thin (两个字), a phrase of means or place (以…, 对…), a kind of
// thing (重点项目, 一批工程, 公立医院).
func guard(o object) string {
	cw := commitmentVocab()
	bare := strings.Trim(o.name, "“”《》")
	if rePlanPeriod.MatchString(bare) {
		return "a plan period, not a project"
	}
	if slices.Contains(cw.genericQualifiers, bare) {
		return "a scope word, not a name"
	}
	han := hanRunes(bare)
	if han < 2 {
		return "too short to name a thing"
	}
	first, _ := utf8.DecodeRuneInString(o.name)
	if cw.namePrepSet.has(string(first)) {
		return "a phrase of means or place, not a name"
	}
	if strings.Contains(bare, "的") {
		return "a phrase, not a name"
	}
	ws := words(bare)
	for _, w := range ws {
		if cw.determinerSet.has(w) {
			return "names a kind of thing (" + w + "), not one thing"
		}
	}
	if len(ws) > 1 && slices.Contains(cw.kindOpeners, ws[0]) {
		return "names a kind of thing (" + ws[0] + "), not one thing"
	}
	if v := openingVerb(bare); v != "" && !o.counted {
		return "a phrase with a verb (" + v + "), not a name"
	}
	if !o.counted && quoted(o.name) == "" && commonNoun(bare) {
		return "names a kind of thing (" + bare + "), not one thing"
	}
	if e := endingOfWord(bare); cw.endingClass[e] != "project" || o.head != "" {
		for _, w := range ws[1:] {
			if cw.adverbSet.has(w) || cw.promiseVerbSet.has(w) && !cw.stateSet.has(w) {
				return "a phrase with a verb (" + w + "), not a name"
			}
		}
	}
	if !o.counted {
		for _, f := range figure.Extract(bare) {
			if f.Measure != "" {
				return "a count of too general a thing"
			}
		}
	}
	if q := quoted(o.name); q == o.name {
		inner := strings.Trim(q, "“”《》")
		if strings.ContainsAny(inner, "、，,+") || han < 3 || allNumerals(inner) {
			return "a slogan, not a name"
		}
		return ""
	}
	if o.counted {
		return ""
	}
	e := endingOfWord(strings.TrimRight(bare, "”》"))
	before := strings.TrimSuffix(strings.TrimRight(bare, "”》"), e)
	if e != "" && !strings.Contains(o.name, "“") {
		if allNumerals(before) {
			return "too short to name a thing"
		}
		if madeOf(before, cw.genericWords) {
			return "names a kind of thing (" + bare + "), not one thing"
		}
	}
	return ""
}

// openingVerb returns the verb of what is to be done (data/commitments.tsv,
// action and verb) a name opens with, ending at a word boundary with more of
// the name after it (落实 of 落实某项制度), or "".
func openingVerb(name string) string {
	cw := commitmentVocab()
	for _, list := range [][]string{cw.actionVerbs, cw.promiseVerbs} {
		for _, v := range list {
			if strings.HasPrefix(name, v) && len(v) < len(name) && wordBoundary(name, len(v)) {
				return v
			}
		}
	}
	return ""
}

// commonNoun reports whether a name is a common noun, not the name of one
// thing: a word of the word list whose stem before its ending is a common
// word too (数据中心, 步行街; a place name before 园 is no common word), or
// an organisation named by one common word (运营公司), where a real one has
// a name of its own.
func commonNoun(name string) bool {
	cw := commitmentVocab()
	e := endingOfWord(name)
	stem := strings.TrimSuffix(name, e)
	if e == "" || stem == "" {
		return false
	}
	if segment.Frequency(name) > 0 && segment.Frequency(stem) >= rareBelow/2 {
		return true
	}
	ws := words(stem)
	return (cw.endingClass[e] == "org" || cw.endingClass[e] == "project") && len(ws) == 1 && hanRunes(ws[0]) >= 2 && segment.Frequency(ws[0]) >= rareBelow
}

// madeOf reports whether s is made of the words ws only, in any way of
// cutting it.
func madeOf(s string, ws []string) bool {
	ok := make([]bool, len(s)+1) // ok[i]: s[i:] is made of ws
	ok[len(s)] = true
	for i := len(s) - 1; i >= 0; i-- {
		for _, w := range ws {
			if w != "" && strings.HasPrefix(s[i:], w) && ok[i+len(w)] {
				ok[i] = true
				break
			}
		}
	}
	return ok[0]
}

// allNumerals reports whether s holds only Chinese numerals.
func allNumerals(s string) bool {
	for _, r := range s {
		if !hanzi.IsNumeralRune(r) {
			return false
		}
	}
	return true
}

// hanRunes counts the Han characters of s.
func hanRunes(s string) int {
	n := 0
	for _, r := range s {
		if hanzi.IsHan(r) {
			n++
		}
	}
	return n
}

// keyOf returns the key of a name: spaces between Han characters and years
// taken out, and the quotation marks of a name that is all quoted.
func keyOf(name string) string {
	k := strings.TrimSpace(reYearWord.ReplaceAllString(joinHan(name), ""))
	if q := quoted(k); q == k {
		k = strings.Trim(k, "“”《》")
	}
	return k
}

// countForm returns the form of a counted key that a review may word
// otherwise: what is done to the thing taken out and generic words that open
// it while four characters remain before the count (城镇某某小区改造#个 →
// 某某小区#个), or "" when fewer than three characters remain.
func countForm(key string) string {
	cw := commitmentVocab()
	k := withoutStates(key)
	for {
		ts := tokens(k)
		before, _, _ := strings.Cut(k, "#")
		if len(ts) == 0 || !cw.genericSet.has(ts[0].text) || hanRunes(before)-hanRunes(ts[0].text) < 4 {
			break
		}
		k = k[ts[0].end:]
	}
	if hanRunes(k) < 3 {
		return ""
	}
	return k
}

// withoutStates takes out of a text the words of two characters or more
// that say what is done to a thing (改造, 建设).
// Every clause is read so: a word that has a character s lacks is not
// looked for, as taking words out adds no character (a text that is not
// UTF-8, whose bytes may join otherwise, is read for every word).
func withoutStates(s string) string {
	cw := commitmentVocab()
	var have uint64
	for _, r := range s {
		if r == utf8.RuneError {
			have = ^uint64(0)
			break
		}
		have |= runeBit(r)
	}
	for i, w := range cw.longStateWords {
		if cw.longStateBits[i]&^have == 0 {
			s = strings.ReplaceAll(s, w, "")
		}
	}
	return s
}

// runeBit returns a bit for a character, one of 64 by a hash.
func runeBit(r rune) uint64 { return 1 << (uint64(uint32(r)) * runeMix >> 58) }

// matcher decides whether a clause speaks of a commitment.
type matcher struct {
	key      string
	counted  bool
	bare     string   // the key less a leading national or scope qualifier, or ""
	part     string   // the key up to the first word that says what is done to it, when that is shorter, or ""
	title    string   // the key less a quoted title after it (某模范城 of 某模范城“三连冠”), or ""
	quote    string   // the quoted name the key holds, four characters or more and no ordinal (“甲乙丙丁” of 某地“甲乙丙丁”项目), or ""
	context  []string // the other words of the promise, for a key too short to stand alone
	ordinals []ordinal
}

// ordinal is a numbered thing of a name: 第六届, 五连冠.
type ordinal struct {
	kind string
	n    int
}

func ordinalsOf(s string) []ordinal {
	var os []ordinal
	for _, m := range reOrdinal.FindAllStringSubmatch(s, -1) {
		n, ok := hanzi.ParseNumeral(m[2])
		if !ok {
			n, _ = strconv.Atoi(m[2])
		}
		os = append(os, ordinal{m[3], n})
	}
	return os
}

// bareOf returns a name less a leading national or scope qualifier
// (data/qualifiers.txt) when four characters or more remain, or "".
func bareOf(name string) string {
	cw := commitmentVocab()
	for _, q := range cw.genericQualifiers {
		if rest := strings.TrimPrefix(name, q); rest != name && hanRunes(rest) >= 4 {
			return rest
		}
	}
	return ""
}

func newMatcher(key string, counted bool, context string) matcher {
	cw := commitmentVocab()
	m := matcher{key: key, counted: counted, ordinals: ordinalsOf(key), bare: bareOf(key)}
	if q := strings.Index(key, "“"); q > 0 && hanRunes(key[:q]) >= 4 {
		m.title = key[:q]
	}
	if q := quoted(key); q != "" && q != key && hanRunes(q) >= 4 && !reOrdinal.MatchString(q) {
		m.quote = q
	}
	ts := tokens(key)
	if counted {
		m.part = countForm(key)
	}
	for _, t := range ts {
		if !counted && t.start > 0 && cw.stateSet.has(t.text) {
			if hanRunes(key[:t.start]) >= 4 {
				m.part = key[:t.start]
			}
			break
		}
	}
	for _, w := range words(context) {
		if hanRunes(w) >= 2 && !strings.Contains(key, w) && !cw.stateSet.has(w) && !cw.genericSet.has(w) &&
			!cw.promiseVerbSet.has(w) && !cw.adverbSet.has(w) {
			m.context = append(m.context, w)
		}
	}
	return m
}

// matches reports whether a clause speaks of the commitment: it holds the
// key, or the key less a leading qualifier (北京, 全国 …), or its part before
// what is done to it, or a renamed form (see renamed); a key of fewer than
// four characters must come with another word of its promise. A clause that
// numbers the thing otherwise (the fifth fair against the fourth) speaks of
// another one.
func (m matcher) matches(cl clause) bool {
	text := cl.norm
	if m.counted {
		text = cl.counted
	}
	if !m.mayMatch(text) || !m.compatible(text) {
		return false
	}
	if hanRunes(m.key) < 4 {
		if !strings.Contains(text, m.key) {
			return false
		}
		return len(m.context) == 0 || slices.ContainsFunc(m.context, func(w string) bool { return strings.Contains(text, w) })
	}
	for _, k := range m.forms() {
		if k != "" && strings.Contains(text, k) {
			return true
		}
	}
	if m.counted {
		// A count of one thing is easily the count of another: only the
		// same words, what is done to them aside, say the same count.
		return m.part != "" && strings.Contains(cl.stateless, m.part)
	}
	for _, k := range []string{m.key, m.bare, m.title} {
		if k != "" && renamed(text, k) {
			return true
		}
	}
	return false
}

// mayMatch reports whether text holds the first two characters of the key
// or of one of its shorter forms: every way of matching needs them, and the
// test is cheap.
func (m matcher) mayMatch(text string) bool {
	for _, k := range m.forms() {
		if k == "" {
			continue
		}
		head, ok := firstTwo(k)
		if !ok {
			head = string([]rune(head)) // a byte that is no UTF-8 is looked for as U+FFFD
		}
		if strings.Contains(text, head) {
			return true
		}
	}
	return false
}

// firstTwo returns the first two runes of s (all of s when shorter); ok is
// false when they hold a byte that is no UTF-8, which a search by bytes
// would not find where a comparison of runes does.
func firstTwo(s string) (head string, ok bool) {
	r1, n1 := utf8.DecodeRuneInString(s)
	r2, n2 := utf8.DecodeRuneInString(s[n1:])
	ok = !(r1 == utf8.RuneError && n1 == 1 || r2 == utf8.RuneError && n2 == 1)
	return s[:n1+n2], ok
}

// forms returns the key and its shorter forms, "" where it has none.
func (m matcher) forms() [5]string {
	return [5]string{m.key, m.bare, m.part, m.title, m.quote}
}

// compatible reports whether text numbers the thing as the key does; a
// phase of a project (某公园二期) must be named, as the whole project is
// another thing.
func (m matcher) compatible(text string) bool {
	if len(m.ordinals) == 0 {
		return true
	}
	ords := ordinalsOf(text)
	for _, o := range m.ordinals {
		if o.kind == "期" && !slices.Contains(ords, o) {
			return false
		}
	}
	return !conflicting(ords, m.ordinals)
}

// conflicting reports whether two names number a thing of one kind
// differently (第五届 against 第四届). The relation is symmetric.
func conflicting(a, b []ordinal) bool {
	for _, o := range a {
		for _, k := range b {
			if o.kind == k.kind && o.n != k.n {
				return true
			}
		}
	}
	return false
}

// renamed reports whether text names key in other words: for a key of five
// characters or more, a stretch of text that opens with the key's first two
// characters and closes with its last, no longer than half as much again as
// the key, is the key with words left out or added, three in four of its
// characters kept (某学会年会 → 某年会), or two in three when it opens with
// the key's first three and the key has seven characters or more (某某甲改项
// 目 → 某某甲项目); or the key with one character in eight changed (某管理创
// 新区 → 某治理创新区); or text holds a leading part of the key that is a
// name of its own, half the key or more, with nothing named after it (某庙会
// 全球行 → 某庙会), or a leading part of two thirds of it or more that goes on
// with an ending of the same class (某某环线景观 → 某某环线绿道).
func renamed(text, key string) bool {
	cw := commitmentVocab()
	if utf8.RuneCountInString(key) < 5 {
		return false
	}
	// Every way below needs the key's first two characters in text.
	if head, ok := firstTwo(key); ok && !strings.Contains(text, head) {
		return false
	}
	// Text and key are read as runes, a byte that is no UTF-8 as U+FFFD.
	textV := text
	if !utf8.ValidString(text) {
		textV = string([]rune(text))
	}
	keyV := key
	if !utf8.ValidString(key) {
		keyV = string([]rune(key))
	}
	kr := []rune(keyV)
	last := kr[len(kr)-1]
	// The stretches open where text holds the key's first two characters:
	// found by bytes, each read as at most the runes a stretch may span.
	head := keyV[:utf8.RuneLen(kr[0])+utf8.RuneLen(kr[1])]
	span := len(kr) * 3 / 2
	var cr []rune
	for from := 0; ; {
		i := strings.Index(textV[from:], head)
		if i < 0 {
			break
		}
		at := from + i
		from = at + utf8.RuneLen(kr[0])
		cr = cr[:0]
		for _, r := range textV[at:] {
			if len(cr) == span {
				break
			}
			cr = append(cr, r)
		}
		three := 2 < len(cr) && cr[2] == kr[2]
		for e := 1; e < len(cr); e++ {
			if cr[e] != last {
				continue
			}
			stretch := cr[:e+1]
			n := lcs(kr, stretch)
			dropped := n == len(stretch) || n == len(kr) // one holds the other with words left out
			if 4*n >= 3*len(kr) && (dropped || n >= len(kr)-len(kr)/8) || three && dropped && len(kr) >= 7 && 3*n >= 2*len(kr) {
				return true
			}
		}
	}
	// Every prefix below holds the shortest: a text without it holds none.
	shortest, short := max(4, (len(kr)+1)/2), 0
	for _, r := range kr[:shortest] {
		short += utf8.RuneLen(r)
	}
	if !strings.Contains(text, keyV[:short]) {
		return false
	}
	class, classRead := "", false // read when a prefix is found: most texts hold none
	cut := len(keyV)              // where the prefix of n runes ends in keyV
	for n := len(kr) - 1; n >= shortest; n-- {
		cut -= utf8.RuneLen(kr[n])
		prefix := keyV[:cut]
		i := strings.Index(text, prefix)
		if i < 0 {
			continue
		}
		rest := text[i+len(prefix):]
		if e := endingOfWord(prefix); e != "" && wordBoundary(key, len(prefix)) {
			if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !hanzi.IsHan(r) || startsWithAny(rest, cw.stateWords) {
				return true // 某庙会全球行 named 某庙会, 某西区剩余地块 named 某西区
			}
		}
		if !classRead {
			class, classRead = cw.endingClass[endingOfWord(key)], true
		}
		if class == "" || 3*n < 2*len(kr) {
			continue
		}
		// The ending may begin with the prefix's last character: 某绿地 → 某绿道.
		_, lastSize := utf8.DecodeLastRuneInString(prefix)
		for _, from := range []string{rest, text[i+len(prefix)-lastSize:]} {
			for _, e := range cw.endings {
				if strings.HasPrefix(from, e) && cw.endingClass[e] == class {
					return true
				}
			}
		}
	}
	return false
}

// lcs returns the length of the longest common subsequence of a and b.
func lcs(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] > cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// reviewStatus reads the status of a mention in a review part by the words
// of its own clause, or failing those of the rest of its sentence that
// names no other thing (after): missed when they say so (the negation
// covers every project of a list the clause names: 甲中心、乙工程和丙工程未
// 实现预期目标, but not a project of another clause of the sentence: 甲中心
// 建成，乙公园未能开工), else a milestone (partial unless its promise named
// it), a partial word, an achieved one. word is the word that decided.
func reviewStatus(c clause, after string) (status, reason, word string) {
	cw := commitmentVocab()
	for _, w := range cw.statusWords["missed"] {
		if strings.Contains(c.folded, w) || strings.Contains(after, w) {
			return Missed, missedReason(c.sentence), w
		}
	}
	for _, scope := range []string{c.folded, after} {
		for _, s := range []struct{ status, list string }{{Partial, "milestone"}, {Partial, "partial"}, {Achieved, "achieved"}} {
			for _, w := range cw.statusWords[s.list] {
				if strings.Contains(scope, w) {
					if s.list == "partial" && slices.ContainsFunc(cw.statusWords["achieved"], func(a string) bool { return strings.Contains(a, w) && strings.Contains(scope, a) }) {
						continue // 主体工程完工 holds no partial word, 完成 of 圆满完成 none either
					}
					return s.status, "", w
				}
			}
		}
	}
	return Mentioned, "", ""
}

var reCause = lazyre.New(`(受[^，,。；;]{2,40}影响|由于[^，,。；;]{2,40}|因[^，,。；;]{2,30}原因)`)

// missedReason returns the cause a sentence gives for a promise not kept.
func missedReason(sentence string) string {
	return reCause.FindString(sentence)
}

// FindCommitments finds the concrete promises of the plan parts and follows
// each through every report: promised again in a later plan, reported in a
// later review (achieved, partial, missed), or never mentioned again.
func FindCommitments(res *align.Themes, opts CommitmentOptions) []Commitment {
	c := res.Corpus
	all := allClauses(c)
	if opts.Term != "" {
		return []Commitment{timeline(res, all, opts.Term)}
	}
	var out []Commitment
	govs := governments(c)
	// What each clause of a plan promises, read in parallel, with the
	// matcher of each object that may be a commitment.
	promised := make([][]promisedObject, len(all))
	work.Each(len(all), func(i int) {
		if all[i].unit.PartKind() == corpus.Plan {
			promised[i] = promisedObjects(all[i], govs)
		}
	})
	// The objects in the order of their clauses.
	var objs []placedObject
	var matchers []*matcher
	for i, ps := range promised {
		for _, p := range ps {
			objs = append(objs, placedObject{p, i})
		}
	}
	for k := range objs {
		matchers = append(matchers, &objs[k].match)
	}
	clauses, keys := newClauseIndex(all, openingPairs(matchers)), newKeyIndex()
	// The objects before each that name the same thing (sameThing): it is
	// no commitment of its own when one of them is one. Read in parallel.
	for k, p := range objs {
		keys.add(p.key, k)
	}
	before := make([][]int32, len(objs))
	work.Each(len(objs), func(k int) {
		p := objs[k]
		ords := ordinalsOf(p.key)
		for _, x := range keys.candidates(p.key) {
			if int(x) < k && sameThing(Commitment{Key: objs[x].key, match: objs[x].match}, p.key, ords, p.counted) {
				before[k] = append(before[k], x)
			}
		}
	})
	// follow finds the mentions of what an object names in every clause.
	follow := func(p placedObject) *Commitment {
		cl := all[p.clause]
		cm := &Commitment{Key: p.key, Label: labelOf(cl, p.object), Theme: res.Theme(cl.unit), match: p.match}
		cands := clauses.candidates(cm.match, p.clause)
		for k, hit := range matchAll(cm.match, all, cands, p.clause) {
			if hit && !statement(all[cands[k]]) {
				cm.Mentions = append(cm.Mentions, mentionOf(all, int(cands[k])))
			}
		}
		cm.settle(c)
		return cm
	}
	// An object that no object before it names again is followed whatever
	// the others become: those are followed in parallel, the others only
	// when none of theirs is kept.
	followed := make([]*Commitment, len(objs))
	work.Each(len(objs), func(k int) {
		if len(before[k]) == 0 {
			followed[k] = follow(objs[k])
		}
	})
	kept := make([]bool, len(objs))
	for k, p := range objs {
		if slices.ContainsFunc(before[k], func(x int32) bool { return kept[x] }) {
			continue
		}
		cm := followed[k]
		if cm == nil {
			cm = follow(p)
		}
		if p.weak && !cm.followed(c) && c.Index(all[p.clause].unit.Report) < len(c.Reports)-1 {
			continue // a name that reads as a kind of thing, and the reports that could follow it do not
		}
		kept[k] = true
		out = append(out, *cm)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].reports() > out[j].reports() })
	return out
}

// promisedObject is an object a plan clause promises that may be a
// commitment, with its key and its matcher.
type promisedObject struct {
	object
	key   string
	match matcher
}

// placedObject is a promised object and the clause (an index of all) that
// promises it.
type placedObject struct {
	promisedObject
	clause int
}

// promisedObjects reads what a plan clause promises and returns the objects
// that may be commitments: each names a thing (no reason against it), not
// a government of the corpus (govs), by a key of two Han characters or
// more.
func promisedObjects(cl clause, govs map[string]bool) []promisedObject {
	var out []promisedObject
	for _, o := range readPromise(cl.folded).objects {
		if o.reason != "" || govs[o.name] {
			continue
		}
		key := keyOf(o.name)
		if hanRunes(key) < 2 {
			continue
		}
		m := newMatcher(key, o.counted, cl.folded[o.from:o.to])
		if o.head != "" && hanRunes(key) > hanRunes(o.head)+2 {
			m.part = strings.TrimSuffix(key, o.head) // 甲 of 甲项目 from 甲、乙项目
		}
		if o.core != "" {
			m.part = o.core
			m.bare = bareOf(o.core)
		}
		out = append(out, promisedObject{object: o, key: key, match: m})
	}
	return out
}

// statement reports whether a clause of a plan says what something is (甲
// 是乙的重要内容): a copula is no promise, and the clause no mention.
func statement(cl clause) bool {
	if cl.unit.PartKind() != corpus.Plan {
		return false
	}
	if !strings.Contains(cl.folded, "是") { // what both words need, cheaply ruled out
		return false
	}
	return slices.ContainsFunc(tokens(cl.folded), func(t token) bool { return t.text == "是" || t.text == "就是" })
}

// matchAll reports which of the clauses cands mention what m matches
// (clause self, where the promise was read, does). Many clauses are read
// in parallel stretches, one a processor.
func matchAll(m matcher, all []clause, cands []int32, self int) []bool {
	hit := make([]bool, len(cands))
	read := func(from, to int) {
		for k := from; k < to; k++ {
			j := int(cands[k])
			hit[k] = j == self || m.matches(all[j])
		}
	}
	const many = 512 // below, a stretch costs less than starting it
	parts := min(runtime.GOMAXPROCS(0), len(cands)/many)
	if parts <= 1 {
		read(0, len(cands))
		return hit
	}
	work.Each(parts, func(p int) { read(p*len(cands)/parts, (p+1)*len(cands)/parts) })
	return hit
}

// governments returns the names, folded, of the governments whose reports
// the corpus holds (某区 of 某区政府工作报告): no commitment of theirs.
func governments(c *corpus.Corpus) map[string]bool {
	m := map[string]bool{}
	for _, r := range c.Reports {
		if g := hanzi.Fold(r.Government); g != "" {
			m[g] = true
		}
	}
	return m
}

// sameThing reports whether a new key (with its ordinals, ordinalsOf(key))
// names what a commitment already follows: the same key, one holding the
// other, or one a renamed form of the other, numbered alike.
func sameThing(cm Commitment, key string, ords []ordinal, counted bool) bool {
	if cm.match.counted != counted || conflicting(ords, cm.match.ordinals) {
		return false
	}
	if cm.Key == key || strings.Contains(key, cm.Key) && hanRunes(cm.Key) >= 3 || strings.Contains(cm.Key, key) && hanRunes(key) >= 3 {
		return true
	}
	if counted {
		a, b := cm.match.part, countForm(key)
		return a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a)) // 甲塘整治#座, 病险甲塘#座
	}
	return renamed(key, cm.Key) || renamed(cm.Key, key)
}

// labelOf returns the words of an object as the clause writes them, in the
// text's own script, with the head noun it was given; spaces between Han
// characters (a line broken in a PDF: 某电 厂) are taken out.
func labelOf(cl clause, o object) string {
	label := joinHan(originalOf(cl, o.from, o.to))
	if o.head != "" && !strings.HasSuffix(hanzi.Fold(label), o.head) {
		if i := strings.LastIndex(cl.folded, o.head); i >= 0 {
			label += originalOf(cl, i, i+len(o.head))
		}
	}
	return label
}

// timeline follows a phrase: every clause that holds it. A phrase that
// names something beyond its numbers follows it one step on (某模范城“三连
// 冠” → “四连冠”); a bare 三连冠 is matched as written, or it would find every
// other N连冠 too.
func timeline(res *align.Themes, all []clause, term string) Commitment {
	folded := hanzi.Fold(term)
	key := termKey(folded)
	exact := hanRunes(reOrdinal.ReplaceAllString(key, "")) < 4
	cm := Commitment{Key: key, Label: term}
	for i := range all {
		if exact && strings.Contains(all[i].folded, folded) || !exact && strings.Contains(termKey(all[i].folded), key) {
			cm.Mentions = append(cm.Mentions, mentionOf(all, i))
		}
	}
	cm.settle(res.Corpus)
	if len(cm.Mentions) > 0 {
		cm.Theme = res.Theme(cm.Mentions[0].Unit)
	}
	return cm
}

// termKey takes out of a folded phrase what changes from year to year while
// a thing stays: years, ordinals (三连冠 → N连冠), digits.
func termKey(s string) string {
	s = reYearWord.ReplaceAllString(s, "")
	s = reOrdinal.ReplaceAllString(s, "${1}N$3")
	s = reDigits.ReplaceAllString(s, "#")
	return strings.Trim(s, " “”《》\"")
}

// originalOf returns the words of a clause from folded offsets, in the
// text's own script.
func originalOf(cl clause, fstart, fend int) string {
	text := cl.unit.Text[cl.start:cl.end]
	rs := []rune(text)
	a := utf8.RuneCountInString(cl.folded[:fstart])
	b := utf8.RuneCountInString(cl.folded[:fend])
	if b > len(rs) {
		return text
	}
	return string(rs[a:b])
}

// mentionOf builds the mention that clause i makes: in a plan part a
// promise, in a review part a report with its status.
func mentionOf(all []clause, i int) Mention {
	cl := all[i]
	m := Mention{Unit: cl.unit, Text: cl.unit.Text[cl.start:cl.end], Line: cl.unit.LineOf(cl.start), Status: Promised}
	if cl.unit.PartKind() == corpus.Review {
		after := ""
		for j := i + 1; j < len(all) && all[j].unit == cl.unit && all[j].sentence == cl.sentence && !endsItem(all[j-1]); j++ {
			if nameObject(all[j].folded, 0).name != "" {
				break // the clause speaks of another thing
			}
			after += all[j].folded
		}
		m.Status, m.Reason, m.word = reviewStatus(cl, after)
		m.Reason = originalIn(cl.unit, m.Reason)
	}
	return m
}

// originalIn returns folded words of a unit as the unit writes them, or
// the words themselves when the unit does not hold them.
func originalIn(u *corpus.Unit, folded string) string {
	if folded == "" {
		return ""
	}
	f := hanzi.Fold(u.Text)
	i := strings.Index(f, folded)
	if i < 0 {
		return folded
	}
	rs := []rune(u.Text)
	a := utf8.RuneCountInString(f[:i])
	return string(rs[a : a+utf8.RuneCountInString(folded)])
}

// endsItem reports whether a clause ends with ；, which parts the items of
// a sentence.
func endsItem(cl clause) bool {
	r, _ := utf8.DecodeRuneInString(cl.unit.Text[cl.end:])
	return r == '；' || r == ';'
}

// settle gives each mention its final status and the commitment its own:
// a promise after the first is repeated; a milestone a review reports is
// achieved when the promise before it named that milestone (promised 结构
// 封顶, reported 结构封顶), partial otherwise; the commitment stands as the
// last review after its first promise says (a mention without a status word
// counts as partial; once a review reports it achieved, only a new promise
// or a missed report changes that), else repeated if promised again, else
// unreported, or open when no report follows the promise.
func (cm *Commitment) settle(c *corpus.Corpus) {
	cw := commitmentVocab()
	sort.SliceStable(cm.Mentions, func(i, j int) bool {
		a, b := cm.Mentions[i].Unit, cm.Mentions[j].Unit
		if ra, rb := c.Index(a.Report), c.Index(b.Report); ra != rb {
			return ra < rb
		}
		return a.Seq < b.Seq
	})
	first := -1
	lastPromise := ""
	promisedCount, counted := 0.0, false
	milestone := make([]bool, len(cm.Mentions)) // achieved by a milestone the promise named
	for i, m := range cm.Mentions {
		switch {
		case m.Status == Promised:
			n, isCount := cm.count(m.Text)
			if first < 0 {
				first = i
			} else if m.Unit.Report != cm.Mentions[first].Unit.Report && !isCount {
				cm.Mentions[i].Status = Repeated // a count is the promise of its year, to be judged by its number
			}
			lastPromise = hanzi.Fold(m.Text)
			promisedCount, counted = n, isCount
		case m.Status == Missed:
		case counted:
			// A count is kept when the number reported meets the number
			// promised (105个 against 100个), and under way below it.
			if n, ok := cm.count(m.Text); ok {
				cm.Mentions[i].Status = Partial
				if n >= promisedCount {
					cm.Mentions[i].Status = Achieved
				}
			}
		case m.Status == Partial && slices.Contains(cw.statusWords["milestone"], m.word) && lastPromise != "" && strings.Contains(lastPromise, m.word):
			cm.Mentions[i].Status, milestone[i] = Achieved, true
		}
	}
	if first < 0 {
		cm.Status = Mentioned
		return
	}
	firstReport := c.Index(cm.Mentions[first].Unit.Report)
	cm.Status = Unreported
	if firstReport == len(c.Reports)-1 {
		cm.Status = Open
	}
	settled := false // a review reported it achieved, and no promise came after
	byMilestone := false
	for i, m := range cm.Mentions[first+1:] {
		if c.Index(m.Unit.Report) == firstReport {
			continue // the same report says nothing of its own promise
		}
		switch m.Status {
		case Promised:
			settled = false // a new count, for the next review to judge
		case Repeated:
			settled = false
			switch {
			case cm.Status == Unreported || cm.Status == Open:
				cm.Status = Repeated
			case cm.Status == Achieved && byMilestone:
				cm.Status = Partial // topped out as promised, and more is promised: under way
			}
		case Missed:
			cm.Status, cm.Reason, settled = m.Status, m.Reason, false
		case Achieved:
			cm.Status, cm.Reason, settled = Achieved, "", true
			byMilestone = milestone[first+1+i]
		case Partial, Mentioned:
			if !settled {
				cm.Status, cm.Reason = Partial, ""
			}
		}
	}
}

// count returns the number a clause gives of a counted commitment: its
// figure counted in the key's measure (100 of 改造老旧小区100个 for
// 老旧小区#个); ok is false for another commitment or none that is counted.
func (cm *Commitment) count(text string) (n float64, ok bool) {
	if !cm.match.counted {
		return 0, false
	}
	_, after, found := strings.Cut(cm.Key, "#")
	if !found {
		return 0, false
	}
	first, ok := 0.0, false
	for _, f := range figure.Extract(text) {
		if f.Measure == "" || !strings.HasPrefix(after, f.Measure) {
			continue
		}
		if !ok {
			first, ok = f.Value, true
		}
		if cm.match.part != "" && strings.Contains(withoutStates(reDigits.ReplaceAllString(hanzi.Fold(itemAround(text, f.Start, f.End)), "#")), cm.match.part) {
			return f.Value, true // the figure of the item that names the thing: 450 of 甲库200座、乙塘450座 for 乙塘#座
		}
	}
	return first, ok
}

// itemAround returns the item of a list (between 、 or clause breaks) of
// text that holds text[from:to].
func itemAround(text string, from, to int) string {
	start := 0
	for _, sep := range []string{"、", "，", "；", ",", ";"} {
		if i := strings.LastIndex(text[:from], sep); i >= 0 && i+len(sep) > start {
			start = i + len(sep)
		}
	}
	end := len(text)
	for _, sep := range []string{"、", "，", "；", ",", ";"} {
		if i := strings.Index(text[to:], sep); i >= 0 && to+i < end {
			end = to + i
		}
	}
	return text[start:end]
}

// followed reports whether a report after the one of the first promise
// speaks of the commitment.
func (cm *Commitment) followed(c *corpus.Corpus) bool {
	first := -1
	for _, m := range cm.Mentions {
		switch r := c.Index(m.Unit.Report); {
		case first < 0 && m.Status == Promised:
			first = r
		case first >= 0 && r > first:
			return true
		}
	}
	return false
}

// reports returns how many reports mention the commitment.
func (cm *Commitment) reports() int {
	seen := map[*corpus.Report]bool{}
	for _, m := range cm.Mentions {
		seen[m.Unit.Report] = true
	}
	return len(seen)
}

// ClauseVerdict says what became of a clause that holds a phrase: the
// promise it reads, each object and why it is or is not a commitment, and
// the commitments it speaks of.
type ClauseVerdict struct {
	Unit  *corpus.Unit
	Text  string
	Line  int
	Notes []string
}

// ExplainCommitments says, for each clause of the corpus that holds a
// phrase (either script), why it did or did not become a commitment, and
// which commitments it speaks of with what status.
func ExplainCommitments(res *align.Themes, phrase string) []ClauseVerdict {
	c := res.Corpus
	all := allClauses(c)
	found := FindCommitments(res, CommitmentOptions{})
	folded := hanzi.Fold(phrase)
	var out []ClauseVerdict
	for i, cl := range all {
		if !strings.Contains(cl.folded, folded) {
			continue
		}
		v := ClauseVerdict{Unit: cl.unit, Text: cl.unit.Text[cl.start:cl.end], Line: cl.unit.LineOf(cl.start)}
		if cl.unit.PartKind() == corpus.Plan {
			v.Notes = append(v.Notes, explainPromise(cl, found)...)
		} else {
			v.Notes = append(v.Notes, english.A(string(cl.unit.PartKind()))+" clause: no promise is read here")
		}
		for _, cm := range found {
			if !cm.match.matches(cl) {
				continue
			}
			m := mentionOf(all, i)
			for _, x := range cm.Mentions {
				if x.Unit == m.Unit && x.Text == m.Text {
					m = x
				}
			}
			note := "speaks of " + cm.Label + ": " + m.Status
			if m.word != "" {
				note += " (" + m.word + ")"
			}
			v.Notes = append(v.Notes, note)
		}
		out = append(out, v)
	}
	return out
}

// explainPromise says what a plan clause promises and what became of each
// object it names, in the text's own script.
func explainPromise(cl clause, found []Commitment) []string {
	p := readPromise(cl.folded)
	var notes []string
	if p.verb != "" {
		notes = append(notes, "promise verb "+originalVerb(cl, p.verb))
	}
	if p.reason != "" && len(p.objects) == 0 {
		return append(notes, "no commitment: "+p.reason)
	}
	for _, o := range p.objects {
		key := keyOf(o.name)
		label := labelOf(cl, o)
		note := "object " + label + ": "
		ords := ordinalsOf(key)
		same := slices.IndexFunc(found, func(x Commitment) bool { return sameThing(x, key, ords, o.counted) })
		switch {
		case o.reason != "":
			note += "no commitment, " + o.reason
		case slices.ContainsFunc(found, func(x Commitment) bool { return x.Key == key && x.Label == label }):
			note += "a commitment"
		case same >= 0:
			note += "the commitment " + found[same].Label + ", promised before"
		case o.weak:
			note += "no commitment, a name of common words, a quoted name alone or a count, and no later report speaks of it"
		default:
			note += "no commitment"
		}
		notes = append(notes, note)
	}
	return notes
}

// originalVerb returns a folded verb as the clause writes it.
func originalVerb(cl clause, verb string) string {
	if i := strings.Index(cl.folded, verb); i >= 0 {
		return originalOf(cl, i, i+len(verb))
	}
	return verb
}
