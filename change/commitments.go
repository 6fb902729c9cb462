package change

import (
	_ "embed"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/segment"
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
	Key      string // the promise's object, folded and with its ordinals and years taken out
	base     string // the key less a quoted title that follows it (全国双拥模范城 of …“N连冠”), or ""
	Label    string // the object as the first promise words it
	Theme    string
	Status   string
	Reason   string // why a missed promise was missed, as the text says
	Mentions []Mention
}

// Mention is a passage of a report that speaks of a commitment.
type Mention struct {
	Unit   *corpus.Unit
	Text   string // the clause that names the commitment
	Line   int
	Status string
	Reason string // for missed: the cause the text gives
}

// CommitmentOptions change how commitments are found.
type CommitmentOptions struct {
	Term string // a phrase: give its timeline instead of finding commitments
}

// verbs that open a concrete promise, in Simplified form.
var promiseVerbs = []string{"争创", "力争", "确保", "完成", "启动", "实现", "建成", "开工", "竣工", "承办", "举办", "办好",
	"开馆", "创建", "新建", "筹办", "迎接", "推进", "加快推进", "全面完成", "基本完成", "高标准完成", "高水平承办", "做好"}

// entity endings: a promise whose object ends in one of these names a
// project, a place or an event.
var entityEnds = []string{"中心", "工程", "项目", "博物馆", "纪念馆", "美术馆", "图书馆", "文化馆", "体育馆", "公园", "文化节",
	"艺术节", "戏剧节", "年会", "运动会", "博览会", "论坛", "示范区", "实验区", "示范城", "模范城", "城区", "基地", "平台", "大街",
	"街区", "胡同", "街", "医院", "学校", "幼儿园", "市场", "广场", "大厦", "地铁", "线", "站", "桥", "楼", "园", "院", "馆", "厂"}

var (
	reClauseBreak = regexp.MustCompile(`[，,；;。：:！？]`)
	reYearWord    = regexp.MustCompile(`(?:19|20)(?:[0-9]{2}|xx)年(?:度)?`)
	reOrdinal     = regexp.MustCompile(`[一二三四五六七八九十两]+(连冠|届|期|批)`)
	reDigits      = regexp.MustCompile(`[0-9]+(?:\.[0-9]+)?`)
)

// status words of a review, in Simplified form; partial is checked before
// achieved (基本完成 is not 完成).
var (
	missedWords   = []string{"未实现", "未完成", "未能", "滞后", "推迟", "延期", "没有完成", "尚未"}
	partialWords  = []string{"主体工程完工", "主体结构完工", "基本完成", "过半", "进展顺利", "预签", "稳步推进", "有序推进", "加快推进", "扎实推进", "启动", "开工", "推进", "正在"}
	achievedWords = []string{"顺利完成", "全部完成", "完成", "建成", "竣工", "完工", "开馆", "落成", "实现", "成功举办", "举办", "通过", "获得", "荣获", "投入使用", "开通", "封顶", "建立"}
)

// clause is a stretch of a unit between clause breaks.
type clause struct {
	unit       *corpus.Unit
	start, end int    // byte offsets in the unit's text
	folded     string // the clause folded
	sentence   string // the folded sentence it stands in
}

func clausesOf(u *corpus.Unit) []clause {
	var cs []clause
	f, idx := hanzi.FoldMap(u.Text)
	for _, s := range u.Sentences {
		fs, fe := foldedOffset(idx, s.Start), foldedOffset(idx, s.End)
		sentence := f[fs:fe]
		pos := fs
		for _, m := range reClauseBreak.FindAllStringIndex(sentence, -1) {
			cs = appendClause(cs, u, f, idx, pos, fs+m[0], sentence)
			pos = fs + m[1]
		}
		cs = appendClause(cs, u, f, idx, pos, fe, sentence)
	}
	return cs
}

func appendClause(cs []clause, u *corpus.Unit, f string, idx []int, from, to int, sentence string) []clause {
	if strings.TrimSpace(f[from:to]) == "" {
		return cs
	}
	return append(cs, clause{unit: u, start: idx[from], end: idx[to], folded: f[from:to], sentence: sentence})
}

// foldedOffset maps a byte offset of the original text to the folded text.
func foldedOffset(idx []int, off int) int {
	return sort.SearchInts(idx, off)
}

// normalise takes out of a folded phrase what changes from year to year
// while the promise stays: years, ordinals (七连冠 → N连冠), digits.
func normalise(s string) string {
	s = reYearWord.ReplaceAllString(s, "")
	s = reOrdinal.ReplaceAllString(s, "N$1")
	s = reDigits.ReplaceAllString(s, "#")
	return strings.Trim(s, " “”《》\"")
}

// promiseObject returns the object of a promise clause and whether the
// clause is a concrete promise: a promise verb, then a named project, place
// or event (an entity ending or a quoted name) or a figure.
func promiseObject(c string) (object string, ok bool) {
	c = strings.TrimSpace(c)
	for _, adv := range []string{"继续", "全面", "积极", "进一步", "加快", "努力", "力争", "确保", "高标准", "高水平", "圆满", "年内", "今年"} {
		c = strings.TrimPrefix(c, adv)
	}
	verb := ""
	for _, v := range promiseVerbs {
		if strings.HasPrefix(c, v) && len(v) > len(verb) {
			verb = v
		}
	}
	if verb == "" {
		return "", false
	}
	object = strings.TrimSpace(strings.TrimPrefix(c, verb))
	object = reYearWord.ReplaceAllString(object, "")
	if utf8.RuneCountInString(object) < 3 {
		return "", false
	}
	entity := entityOf(object)
	if entity == "" {
		return "", false
	}
	return entity, true
}

// entityOf returns the head of an object that names something: the object
// up to its last entity ending or closing quote within its first 24
// characters, or "" when it names nothing concrete.
func entityOf(object string) string {
	rs := []rune(object)
	limit := min(len(rs), 24)
	head := string(rs[:limit])
	// An ending counts only where a word ends (院 of 院落 does not).
	bounds := map[int]bool{}
	pos := 0
	for _, run := range runsWithOffsets(head) {
		at := run.start
		rr := []rune(run.text)
		k := 0
		for _, l := range segment.Lengths(run.text) {
			at += len(string(rr[k : k+l]))
			k += l
			bounds[at] = true
		}
		pos = run.start + len(run.text)
		bounds[pos] = true
	}
	// The name runs to its last ending before the first word that says what
	// is to be done to it (區文化活動中心 of 區文化活動中心主體結構完工) or that
	// lists another (、 和 等); outside quotes.
	stop := len(head)
	for _, w := range stateWords {
		for i := strings.Index(head, w); i > 0 && i < stop; {
			if bounds[i] && balancedQuotes(head[:i]) {
				stop = i
				break
			}
			next := strings.Index(head[i+len(w):], w)
			if next < 0 {
				break
			}
			i += len(w) + next
		}
	}
	end := -1
	for _, e := range entityEnds {
		for i := strings.Index(head, e); i >= 0; {
			j := i + len(e)
			if j <= stop && j > end && bounds[j] && utf8.RuneCountInString(head[:j]) >= 4 && balancedQuotes(head[:j]) {
				end = j
			}
			next := strings.Index(head[j:], e)
			if next < 0 {
				break
			}
			i = j + next
		}
	}
	if end < 0 && strings.HasPrefix(head[stop:], "等") && utf8.RuneCountInString(head[:stop]) >= 3 && !reDigits.MatchString(head[:stop]) {
		end = stop // the first of several named things with no ending of its own: 西忠實裡(等專案)
	}
	// A quoted name right after it belongs to it: 全國雙擁模範城“七連冠”.
	if end >= 0 && (strings.HasPrefix(head[end:], "“") || strings.HasPrefix(head[end:], "《")) {
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
	if end < 0 {
		return ""
	}
	entity := head[:end]
	han := 0
	for _, r := range reDigits.ReplaceAllString(entity, "") {
		if hanzi.IsHan(r) {
			han++
		}
	}
	first, _ := utf8.DecodeRuneInString(entity)
	switch {
	case han < 4, rePlanPeriod.MatchString(strings.Trim(entity, "“”《》")):
		return "" // too thin a name (15條大街), or a plan period (“十三五”)
	case strings.ContainsRune("以为对在把向从将按", first):
		return "" // a phrase of means or place, not a name
	}
	return entity
}

func balancedQuotes(s string) bool {
	return strings.Count(s, "“") == strings.Count(s, "”") && strings.Count(s, "《") == strings.Count(s, "》")
}

// stateWords say what is to be done to a named thing, or start another.
var stateWords = []string{"、", "和", "等", "主体", "结构", "完工", "封顶", "竣工", "建设", "恢复", "修缮", "整治", "改造", "腾退",
	"搬迁", "实现", "开放", "对社会", "启动", "工作", "迎检", "验收", "的", "全覆盖", "覆盖", "升级", "提升"}

var rePlanPeriod = regexp.MustCompile(`^十[一二三四五六七八九]*五(规划|时期)?$`)

// textRun is a stretch of Han characters and its offset.
type textRun struct {
	start int
	text  string
}

// runsWithOffsets returns the runs of Han characters of s.
func runsWithOffsets(s string) []textRun {
	var runs []textRun
	start := -1
	for i, r := range s {
		if hanzi.IsHan(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			runs = append(runs, textRun{start, s[start:i]})
			start = -1
		}
	}
	if start >= 0 {
		runs = append(runs, textRun{start, s[start:]})
	}
	return runs
}

// mentions reports whether a clause speaks of a commitment whose normalised
// key is key: it holds the key, or the key less a leading national or
// capital qualifier (北京, 全国 …), or, for keys of five characters or
// more, a stretch of it that opens with the key's first two characters and
// closes with its last, no longer than half as much again as the key, holds
// at least three in four of the key's characters in order (中国图书馆学会年会
// → 中国图书馆年会, but not 前门历史文化节 → 前门历史文化展示区).
func mentions(clauseNorm, key string) bool {
	if strings.Contains(clauseNorm, key) {
		return true
	}
	for _, q := range genericQualifiers {
		if rest := strings.TrimPrefix(key, q); rest != key && utf8.RuneCountInString(rest) >= 4 && strings.Contains(clauseNorm, rest) {
			return true
		}
	}
	kr := []rune(key)
	if len(kr) < 5 {
		return false
	}
	cr := []rune(clauseNorm)
	last := kr[len(kr)-1]
	for at := 0; at+1 < len(cr); at++ {
		if cr[at] != kr[0] || cr[at+1] != kr[1] {
			continue
		}
		for e := at + 1; e < len(cr) && e < at+len(kr)*3/2; e++ {
			if cr[e] == last && 4*lcs(kr, cr[at:e+1]) >= 3*len(kr) {
				return true
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

//go:embed data/qualifiers.txt
var qualifierData string

// genericQualifiers may open a name in one report and be left out in the
// next (data/qualifiers.txt): national and provincial names, scope words.
var genericQualifiers = dataLines(qualifierData)

// reviewStatus reads the status of a mention in a review part: missed when
// its sentence says so (the negation covers every project the sentence
// names: 區文化活動中心、外城東南角樓恢復和玉河南區工程未實現預期建設目標), else
// partial or achieved by the words of its clause and of the rest of its
// sentence after it.
func reviewStatus(c clause, after string) (status, reason string) {
	for _, w := range missedWords {
		if strings.Contains(c.sentence, w) {
			return Missed, missedReason(c.sentence)
		}
	}
	scope := c.folded + after
	for _, w := range partialWords {
		if strings.Contains(scope, w) {
			return Partial, ""
		}
	}
	for _, w := range achievedWords {
		if strings.Contains(scope, w) {
			return Achieved, ""
		}
	}
	return Mentioned, ""
}

var reCause = regexp.MustCompile(`(受[^，,。；;]{2,40}影响|由于[^，,。；;]{2,40}|因[^，,。；;]{2,30}原因)`)

// missedReason returns the cause a sentence gives for a promise not kept.
func missedReason(sentence string) string {
	return reCause.FindString(sentence)
}

// FindCommitments finds the concrete promises of the plan parts and follows
// each through every report: promised again in a later plan, reported in a
// later review (achieved, partial, missed), or never mentioned again.
func FindCommitments(res *align.Themes, opts CommitmentOptions) []Commitment {
	c := res.Corpus
	var all []clause
	for _, r := range c.Reports {
		for _, u := range r.Units {
			if u.Role == corpus.RoleFront || u.Role == corpus.RoleSalutation {
				continue
			}
			all = append(all, clausesOf(u)...)
		}
	}
	norms := make([]string, len(all))
	for i, cl := range all {
		norms[i] = normalise(cl.folded)
	}
	var out []Commitment
	if opts.Term != "" {
		// A term that names something beyond its numbers follows it one step
		// on (雙擁模範城“七連冠” → “八連冠”); a bare 七連冠 is matched as written,
		// or it would find every other N連冠 too.
		folded := hanzi.Fold(opts.Term)
		key := normalise(folded)
		exact := hanRunes(reOrdinal.ReplaceAllString(key, "")) < 4
		cm := Commitment{Key: key, Label: opts.Term}
		for i := range all {
			if exact && strings.Contains(all[i].folded, folded) || !exact && strings.Contains(norms[i], key) {
				cm.Mentions = append(cm.Mentions, mentionOf(all, i))
			}
		}
		cm.settle(c)
		if len(cm.Mentions) > 0 {
			cm.Theme = res.Theme(cm.Mentions[0].Unit)
		}
		return []Commitment{cm}
	}
	seen := map[string]bool{}
	for _, cl := range all {
		if cl.unit.PartKind() != corpus.Plan {
			continue
		}
		object, ok := promiseObject(cl.folded)
		if !ok {
			continue
		}
		key := normalise(object)
		if seen[key] || utf8.RuneCountInString(key) < 3 {
			continue
		}
		dup := false
		for _, o := range out {
			if strings.Contains(key, o.Key) || strings.Contains(o.Key, key) || mentions(key, o.Key) && mentions(o.Key, key) {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		seen[key] = true
		start := strings.Index(cl.folded, object)
		label := cl.unit.Text[cl.start:cl.end]
		if start >= 0 {
			label = originalOf(cl, start, start+len(object))
		}
		cm := Commitment{Key: key, Label: label, Theme: res.Theme(cl.unit)}
		if q := strings.Index(key, "“"); q > 0 && utf8.RuneCountInString(key[:q]) >= 4 {
			cm.base = key[:q]
		}
		for j := range all {
			if mentions(norms[j], key) || cm.base != "" && mentions(norms[j], cm.base) {
				cm.Mentions = append(cm.Mentions, mentionOf(all, j))
			}
		}
		cm.settle(c)
		out = append(out, cm)
	}
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := out[i].reports(), out[j].reports()
		if ri != rj {
			return ri > rj
		}
		return false
	})
	return out
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
		for j := i + 1; j < len(all) && all[j].unit == cl.unit && all[j].sentence == cl.sentence; j++ {
			after += all[j].folded
		}
		m.Status, m.Reason = reviewStatus(cl, after)
	}
	return m
}

// settle gives each mention its final status and the commitment its own:
// a promise after the first is repeated; the commitment stands as the last
// review after its first promise says (a mention without a status word
// counts as partial: the review reports on it), else repeated if promised
// again, else unreported, or open when no report follows the promise.
func (cm *Commitment) settle(c *corpus.Corpus) {
	sort.SliceStable(cm.Mentions, func(i, j int) bool {
		a, b := cm.Mentions[i].Unit, cm.Mentions[j].Unit
		if ra, rb := c.Index(a.Report), c.Index(b.Report); ra != rb {
			return ra < rb
		}
		return a.Seq < b.Seq
	})
	first := -1
	for i, m := range cm.Mentions {
		if m.Status == Promised {
			switch {
			case first < 0:
				first = i
			case m.Unit.Report != cm.Mentions[first].Unit.Report:
				cm.Mentions[i].Status = Repeated
			}
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
	for _, m := range cm.Mentions[first+1:] {
		if c.Index(m.Unit.Report) == firstReport {
			continue // the same report says nothing of its own promise
		}
		switch m.Status {
		case Repeated:
			if cm.Status == Unreported || cm.Status == Open {
				cm.Status = Repeated
			}
		case Achieved, Partial, Missed:
			cm.Status, cm.Reason = m.Status, m.Reason
		case Mentioned:
			cm.Status, cm.Reason = Partial, ""
		}
	}
}

// reports returns how many reports mention the commitment.
func (cm *Commitment) reports() int {
	seen := map[*corpus.Report]bool{}
	for _, m := range cm.Mentions {
		seen[m.Unit.Report] = true
	}
	return len(seen)
}
