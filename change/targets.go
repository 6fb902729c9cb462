package change

import (
	_ "embed"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/figure"
	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/lazyre"
)

// Kinds of value.
const (
	Target  = "target"  // a plan's figure for its year
	Outcome = "outcome" // a review's figure for the year it reviews
)

// Verdicts of a target against its outcome.
const (
	Met        = "met"
	MissedGoal = "missed"
	NoTarget   = "no target"
	NoOutcome  = "no outcome"
	NotNumeric = "not numeric" // a target in words (達到上級要求): nothing to compare
	// Incomparable: target and outcome count different things (% and 億元).
	Incomparable = "not comparable"
)

// Value is a figure of an indicator for one year.
type Value struct {
	Year      int
	Kind      string // target or outcome
	Value     float64
	Numeric   bool // false for a target in words
	Low, High float64
	Qualifier string // around, floor, ceiling, aspirational, range or ""
	Measure   string // what the figure counts: %, 亿元, 万人 … ("" for a target in words)
	Unit      *corpus.Unit
	Text      string // the words as they stand in the unit: 地區生產總值增長6.8%左右
	Figure    string // the figure with its qualifier (6.8%左右), or the words of a target in words (達到上級要求)
	Line      int
	Label     string // the indicator as the text names it
	// From is the figure a level changed from (由8.8%降至6.5%: 8.8%), with
	// its value; "" when the text gives none.
	From      string
	FromValue float64
}

// Verdict says whether a year's target was met.
type Verdict struct {
	Year            int
	Target, Outcome *Value
	Verdict         string
	// OutcomeOf names the indicator the outcome was read from when it is
	// not this one but the same statistic of a wider or narrower scope (a
	// target for urban residents' income met by an outcome for all
	// residents, the year the statistic changed); "" for the indicator's
	// own outcome.
	OutcomeOf string
}

// Indicator is a measure followed through the years.
type Indicator struct {
	Name     string   // the name reportdiff uses: 地区生产总值增长
	Aliases  []string // the names the texts give it, as written
	Measure  string   // what a figure counts: %, 亿元, 万人 …
	Values   []Value  // by year, targets before outcomes
	Verdicts []Verdict
	// Headline: the indicator has a target, or figures of more than one
	// year; the text view shows these unless asked for every figure.
	Headline bool
}

// TargetOptions change how targets are judged.
type TargetOptions struct {
	// Tolerance is how far below an "around" (左右) target an outcome may
	// fall and still meet it, in the target's measure (percentage points for
	// %). Zero asks for an outcome at the target or better.
	Tolerance float64
}

// DefaultTargetOptions returns the options targets uses unless told
// otherwise: a tolerance of half a point.
func DefaultTargetOptions() TargetOptions { return TargetOptions{Tolerance: 0.5} }

//go:embed data/aliases.tsv
var aliasData string

//go:embed data/indicators.tsv
var indicatorData string

// aliasTable is what data/aliases.tsv says.
type aliasTable struct {
	names        map[string]string // a folded, lower-cased name → the name reportdiff uses
	known        map[string]bool   // the names reportdiff uses: headline indicators
	lessIsBetter map[string]bool   // indicators whose targets are ceilings
}

// readAliases reads the alias data: a line per indicator, its name first,
// and a line opened by <= for the indicators where less is better.
func readAliases(data string) aliasTable {
	t := aliasTable{names: map[string]string{}, known: map[string]bool{}, lessIsBetter: map[string]bool{}}
	for _, line := range dataLines(data) {
		f := strings.Split(line, "\t")
		if f[0] == "<=" {
			for _, name := range f[1:] {
				t.lessIsBetter[strings.TrimSpace(name)] = true
			}
			continue
		}
		t.known[f[0]] = true
		for _, a := range f {
			t.names[hanzi.Lower(strings.TrimSpace(a))] = f[0]
		}
	}
	return t
}

// aliases returns what data/aliases.tsv says, read on first use.
var aliases = sync.OnceValue(func() aliasTable { return readAliases(aliasData) })

// indicatorWords are the word lists targets are read with
// (data/indicators.tsv).
type indicatorWords struct {
	scopeWords, levelVerbs, badEnds, upWords, downWords, dropWords, leadVerbs []string
	prepositions, nonNames, horizons, averageWords, totalWords, termWords     []string
	oneYearWords                                                              []string
	// nameOpeners are the scope words then the lead verbs: what a name is
	// read without when it opens with one.
	nameOpeners []string
}

// indicatorVocab returns the word lists of targets, read on first use:
// most commands read no target and need not pay for them at start-up.
var indicatorVocab = sync.OnceValue(func() *indicatorWords {
	lists := dataLists(indicatorData)
	w := &indicatorWords{
		scopeWords: lists["scope"], levelVerbs: longestFirst(lists["level"]), badEnds: lists["end"],
		upWords: lists["up"], downWords: lists["down"], dropWords: lists["drop"], leadVerbs: lists["lead"],
		prepositions: lists["prep"], nonNames: lists["nonname"], horizons: lists["horizon"],
		averageWords: lists["average"], totalWords: lists["cumulative"], termWords: lists["term"],
		oneYearWords: lists["oneyear"],
	}
	w.nameOpeners = append(slices.Clip(w.scopeWords), w.leadVerbs...)
	return w
})

var (
	// rePlanPeriodName finds a five-year plan period named in quotation
	// marks or with its word: “十三五”, 十二五时期.
	rePlanPeriodName = lazyre.New(`(?:九|十[一二三四五六七八九]?)五(?:”|"|时期|期间|以来)`)

	// quoteMarks do not belong to an indicator's name: “某某产业”增加值 (the
	// name is folded first, which makes 「」 of “”).
	quoteMarks = strings.NewReplacer("“", "", "”", "", "\"", "")
	// reParenthesis finds what a parenthesis adds to a name: 生产总值（GDP）,
	// 新（改）建.
	reParenthesis = lazyre.New(`[（(][^（()）]*[）)]`)
	// reShareOf reads 占X的 and 占X的比重 as 占X比重.
	reShareOf = lazyre.New(`占(.+?)的(比重)?$`)
)

// canonical returns the name an indicator goes by, from a figure's label:
// folded, scope words, parentheses and the words that are no part of a name
// off, its base looked up among the aliases, and the direction of a change
// kept (增长 or 下降). ok is false for a label that names nothing: a verb
// alone, a fragment that opens with a preposition or a comparison, a book
// title.
func canonical(label string) (name, dir string, ok bool) {
	iw := indicatorVocab()
	k := cleanLabel(quoteMarks.Replace(figure.Key(label)))
	if strings.ContainsAny(k, "《》") || startsWithWord(k, iw.prepositions) {
		return "", "", false
	}
	k = reParenthesis.ReplaceAllString(k, "")
	for _, w := range iw.dropWords {
		if t := strings.ReplaceAll(k, w, ""); t != "" {
			k = t
		}
	}
	for changed := true; changed; {
		changed = false
		for _, w := range iw.levelVerbs {
			if t := strings.TrimSuffix(k, w); t != k && t != "" {
				k, changed = figure.Key(t), true
			}
		}
		for _, s := range iw.nameOpeners {
			if t := strings.TrimPrefix(k, s); t != k && t != "" {
				k, changed = t, true
			}
		}
	}
	k = reShareOf.ReplaceAllString(k, "占${1}比重")
	base := k
	for _, w := range iw.upWords {
		if strings.HasSuffix(base, w) {
			base, dir = strings.TrimSuffix(base, w), "增长"
			break
		}
	}
	for _, w := range iw.downWords {
		if dir == "" && strings.HasSuffix(base, w) {
			base, dir = strings.TrimSuffix(base, w), "下降"
			break
		}
	}
	if dir != "" {
		// A growth that took over its subject from a level before it keeps
		// that level's verbs (收入累计完成…，增长6%: 收入累计增长): they say
		// how the level was counted, not what grew.
		for _, w := range iw.levelVerbs {
			if t := strings.TrimSuffix(base, w); t != base && t != "" {
				base = t
				break
			}
		}
	}
	if c, ok := aliases().names[hanzi.Lower(base)]; ok {
		base = c
	}
	name = base + dir
	if utf8.RuneCountInString(name) < 3 || slices.Contains(iw.nonNames, name) || slices.Contains(iw.nonNames, base) || slices.Contains(iw.levelVerbs, name) ||
		slices.Contains(iw.levelVerbs, base) {
		return "", "", false // a verb alone (设立, 降至) names no indicator
	}
	for _, w := range iw.badEnds {
		if strings.HasSuffix(base, w) {
			return "", "", false // 进入排名前1% ranks, it measures nothing; 某专项和 is cut short
		}
	}
	return name, dir, true
}

// longestFirst returns words sorted longest first, so that a longer word
// is taken off before a shorter one it ends with (下降到 before 降到).
func longestFirst(ws []string) []string {
	ws = slices.Clone(ws)
	slices.SortStableFunc(ws, func(a, b string) int { return len(b) - len(a) })
	return ws
}

// startsWithWord reports whether s opens with one of ws. A word of one
// character counts only when the next is not the start of a word it makes
// with it: 对 of 对新增, not 对外贸易.
func startsWithWord(s string, ws []string) bool {
	for _, w := range ws {
		if !strings.HasPrefix(s, w) {
			continue
		}
		if utf8.RuneCountInString(w) > 1 {
			return true
		}
		run := hanRun(s)
		if lens := wordLengths(run); len(lens) > 0 && lens[0] == 1 {
			return true
		}
	}
	return false
}

var reTargetsLead = lazyre.New(`^.{0,30}?(?:目标是|目标为)[:：]?`)

// targetClauses returns the clauses of a targets paragraph after its lead
// (…主要預期目標是：), with their byte offsets.
func targetClauses(text string) [][2]int {
	f, idx := hanzi.FoldMap(text)
	start := 0
	if m := reTargetsLead.FindStringIndex(f); m != nil {
		start = m[1]
	}
	var cs [][2]int
	pos := start
	for i, r := range f[start:] {
		if strings.ContainsRune("；;，,。", r) {
			at := start + i
			if at > pos {
				cs = append(cs, [2]int{idx[pos], idx[at]})
			}
			pos = at + utf8.RuneLen(r)
		}
	}
	if pos < len(f) {
		cs = append(cs, [2]int{idx[pos], idx[len(f)]})
	}
	return cs
}

// reNameInWords splits a target in words into its name and what it says:
// 單位地區生產總值能耗下降達到上級要求, 居民人均可支配收入增長不低於經濟增長.
var reNameInWords = lazyre.New(`^(.{3,24}?(?:增长|下降|降低|提高))(.{2,20})$`)

// reGoalInWords splits 某强度目标在规划期内统筹考核 into a name and its goal.
var reGoalInWords = lazyre.New(`^(.{2,24}?)目标(.{2,40})$`)

// candidate is a value read from a unit, with the indicator it belongs to.
type candidate struct {
	name     string // the indicator's canonical name
	headline bool   // from a targets or an outcome paragraph
	known    bool   // an indicator of the alias table
	v        Value
}

// ReadTargets extracts the numeric indicators of every report: targets from
// its targets paragraph (and the plan part), outcomes from its outcome
// paragraph (and the review part); a figure outside those paragraphs counts
// when its indicator is one the targets, the outcomes or the alias table
// name, or when a plan's target meets its year's review. Indicators are
// matched across years by their canonical names (aliases.tsv and general
// rules), and every target is judged against the outcome of its year.
func ReadTargets(t *align.Themes, opts TargetOptions) []Indicator {
	var cands []candidate
	for _, r := range t.Corpus.Reports {
		for _, u := range r.Units {
			cands = append(cands, unitValues(u)...)
		}
	}
	ins := group(keep(cands))
	// A target in words alone, of an indicator no figure and no alias
	// names, is a sentence of the targets paragraph, not an indicator.
	ins = slices.DeleteFunc(ins, func(in *Indicator) bool {
		return !aliases().known[baseName(in.Name)] && !slices.ContainsFunc(in.Values, func(v Value) bool { return v.Numeric })
	})
	for _, in := range ins {
		in.Verdicts = verdicts(in, opts.Tolerance, aliases().lessIsBetter[in.Name])
		in.Headline = headline(in)
	}
	bridgeScopes(ins, opts.Tolerance)
	out := make([]Indicator, len(ins))
	for i, in := range ins {
		out[i] = *in
	}
	return out
}

// narrower are the words that narrow a statistic to urban residents: a
// report may set a target for urban residents and give the outcome for all
// residents the year its statistics office unifies the urban and rural
// surveys. Only that way: a target for all residents is not met by the
// urban outcome alone. (The words for the whole population, 全体, 全市 …,
// are scope words or aliases and never part of a name.)
var narrower = []string{"城镇", "城市"}

// widerName returns the name of the statistic a name gives for urban
// residents only, for all residents (城镇居民人均可支配收入增长 →
// 居民人均可支配收入增长), or "".
func widerName(name string) string {
	for _, p := range narrower {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" {
			return rest
		}
	}
	return ""
}

// bridgeScopes judges a target that has no outcome of its own against the
// outcome of the same year of the same statistic in another scope, when
// that outcome has no target of its own and no other target of the year
// claims it, and it is the only such outcome the target could take: the
// verdict says which indicator the outcome is of.
func bridgeScopes(ins []*Indicator, tolerance float64) {
	byName := map[string][]*Indicator{}
	for _, in := range ins {
		byName[in.Name] = append(byName[in.Name], in)
	}
	type claim struct {
		in *Indicator
		vd int
	}
	type key struct {
		out  *Indicator
		year int
	}
	claims := map[key][]claim{}
	var order []key
	for _, a := range ins {
		wide := widerName(a.Name)
		if wide == "" {
			continue
		}
		for i, vd := range a.Verdicts {
			if vd.Verdict != NoOutcome {
				continue
			}
			for _, b := range byName[wide] {
				if b.Measure != a.Measure {
					continue
				}
				if j := verdictOfYear(b, vd.Year); j < 0 || b.Verdicts[j].Verdict != NoTarget {
					continue
				}
				k := key{b, vd.Year}
				if claims[k] == nil {
					order = append(order, k)
				}
				claims[k] = append(claims[k], claim{a, i})
			}
		}
	}
	for _, k := range order {
		cs := claims[k]
		if len(cs) != 1 {
			continue // two targets claim one outcome: it is neither's
		}
		a, vd := cs[0].in, &cs[0].in.Verdicts[cs[0].vd]
		vd.Outcome, vd.OutcomeOf = k.out.Verdicts[verdictOfYear(k.out, k.year)].Outcome, k.out.Name
		vd.Verdict = verdictOf(vd.Target, vd.Outcome, tolerance, aliases().lessIsBetter[a.Name])
	}
}

// verdictOfYear returns the index of an indicator's verdict of a year, or -1.
func verdictOfYear(in *Indicator, year int) int {
	return slices.IndexFunc(in.Verdicts, func(vd Verdict) bool { return vd.Year == year })
}

// cleanLabel takes off a label what is left of a list's number before it
// (1. 新建…: the 1 read as a number) and the bars of a markdown table's cell
// around it (| 地区生产总值增长 | 6%左右 |): no part of the name.
func cleanLabel(s string) string {
	return strings.TrimRight(strings.TrimLeft(strings.TrimSpace(s), ".．、)）·•| "), "| ")
}

// baseName returns an indicator's name less its direction (增长, 下降).
func baseName(name string) string {
	return strings.TrimSuffix(strings.TrimSuffix(name, "增长"), "下降")
}

// kindOf returns the kind of value a unit's figures are and the year they
// are about, or "" for a unit of neither plan nor review.
func kindOf(u *corpus.Unit) (string, int) {
	switch u.PartKind() {
	case corpus.Plan:
		return Target, u.Report.Year
	case corpus.Review:
		return Outcome, u.Report.ReviewYear
	}
	return "", 0
}

// unitValues returns the values a unit gives: every figure that names an
// indicator, and for a targets paragraph its targets in words.
func unitValues(u *corpus.Unit) []candidate {
	kind, year := kindOf(u)
	if kind == "" {
		return nil
	}
	headline := u.Role == corpus.RoleTargets && kind == Target || u.Role == corpus.RoleOutcome && kind == Outcome
	var cs []candidate
	for _, f := range figure.Extract(u.Text) {
		if f.Base || strings.TrimSpace(f.Label) == "" || f.Measure == "" {
			continue // a level changed from is told by the value it changed to; a bare number (成立100周年) counts nothing
		}
		name, _, ok := canonical(f.Label)
		if !ok {
			continue
		}
		v := figureValue(u, f, kind, year)
		if severalYears(v, f.Start) {
			continue
		}
		known := aliases().known[baseName(name)]
		cs = append(cs, candidate{name: name, headline: headline, known: known, v: v})
	}
	if kind == Target {
		for _, c := range wordTargets(u, year) {
			// Outside a targets paragraph, only of an indicator the alias
			// table names: a plan's 居民收入增长与经济增长同步 where the
			// paragraph has no lead of its own.
			if c.known = aliases().known[baseName(c.name)]; headline || c.known {
				c.headline = headline
				cs = append(cs, c)
			}
		}
	}
	return cs
}

// figureValue makes the value of a figure. A target set for two years (今明
// 两年…) is about the second.
func figureValue(u *corpus.Unit, f figure.Figure, kind string, year int) Value {
	iw := indicatorVocab()
	v := Value{Year: year, Kind: kind, Value: f.Value, Numeric: true, Low: f.Low, High: f.High, Qualifier: f.Qualifier,
		Measure: f.Measure, Unit: u, Label: cleanLabel(f.Label), Line: u.LineOf(f.Start), From: f.From, FromValue: f.FromValue}
	if f.Range {
		v.Qualifier = "range"
	}
	// The quote runs from the start of the figure's clause.
	start := strings.LastIndexAny(u.Text[:f.Start], "，,；;。：:")
	if start < 0 {
		start = 0
	} else {
		_, n := utf8.DecodeRuneInString(u.Text[start:])
		start += n
	}
	v.Figure = f.Qualified
	v.Text = u.Text[start : f.Start+len(f.Qualified)]
	if kind == Target && year != 0 {
		st, _ := sentenceAt(u, f.Start) // from the unit's start when no sentence holds it
		sentence := hanzi.Fold(u.Text[st.Start:f.Start])
		for _, h := range iw.horizons {
			if strings.Contains(sentence, h) {
				v.Year = year + 1
				break
			}
		}
	}
	return v
}

// severalYears reports whether a value, of the figure at offset at of its
// unit, is a figure of several years: its clause or its label gives an
// average over years (年均增长), or a total (累计完成) where its sentence or
// the heading of its part speaks of several years (过去五年, a plan period),
// and the clause names no single year (全年累计).
func severalYears(v Value, at int) bool {
	iw := indicatorVocab()
	text := hanzi.Fold(v.Text) + "|" + hanzi.Fold(v.Label)
	if containsAny(text, iw.oneYearWords) {
		return false
	}
	if containsAny(text, iw.averageWords) {
		return true
	}
	if !containsAny(text, iw.totalWords) {
		return false
	}
	u := v.Unit
	context := u.Text
	if s, ok := sentenceAt(u, at); ok {
		context = s.Text
	}
	if u.Part != nil && u.Part.Heading != nil {
		context += "|" + u.Part.Heading.Text
	}
	context = hanzi.Fold(context)
	return containsAny(context, iw.termWords) || rePlanPeriodName.MatchString(context)
}

func containsAny(s string, ws []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return strings.Contains(s, w) })
}

// sentenceAt returns the sentence of u holding byte offset off, and
// whether one does.
func sentenceAt(u *corpus.Unit, off int) (corpus.Sentence, bool) {
	for _, s := range u.Sentences {
		if s.Start <= off && off < s.End {
			return s, true
		}
	}
	return corpus.Sentence{}, false
}

// wordTargets returns the targets in words of a plan paragraph: its
// clauses with no figure that name an indicator and say what it should do
// (能耗下降達到上級要求).
func wordTargets(u *corpus.Unit, year int) []candidate {
	var cs []candidate
	for _, cl := range targetClauses(u.Text) {
		text := strings.TrimSpace(u.Text[cl[0]:cl[1]])
		if text == "" {
			continue
		}
		folded := hanzi.Fold(text)
		var m []int
		if strings.Contains(folded, "增长") || strings.Contains(folded, "下降") || strings.Contains(folded, "降低") || strings.Contains(folded, "提高") {
			m = reNameInWords.FindStringSubmatchIndex(folded) // the pattern needs one of the four words
		}
		if m == nil {
			// 某强度目标在规划期内统筹考核: an indicator the alias table
			// names, and the words of its goal.
			if !strings.Contains(folded, "目标") {
				continue
			}
			if m = reGoalInWords.FindStringSubmatchIndex(folded); m == nil {
				continue
			}
			if name, _, ok := canonical(folded[m[2]:m[3]]); !ok || !aliases().known[baseName(name)] {
				continue
			}
		}
		if len(figure.Extract(text)) > 0 {
			continue // a figure's clause, read with the figures (asked last: the words above rule out most clauses for less)
		}
		rs := []rune(text)
		end := utf8.RuneCountInString(folded[:m[3]])
		if r := folded[m[4]:]; strings.HasPrefix(r, "率") || strings.HasPrefix(r, "幅") {
			end++ // 某浓度下降率达到…: the rate is the indicator's, not what it should do
			m[4] += len("率")
		}
		label := string(rs[:end])
		name, _, ok := canonical(label)
		if !ok {
			continue
		}
		v := Value{Year: year, Kind: Target, Unit: u, Text: text, Label: label, Line: u.LineOf(cl[0]),
			Figure: string(rs[end:])}
		switch rest := folded[m[4]:]; {
		case strings.HasPrefix(rest, "不低于"), strings.HasPrefix(rest, "不少于"):
			v.Qualifier = figure.Floor
		case strings.HasPrefix(rest, "不超过"), strings.HasPrefix(rest, "控制在"):
			v.Qualifier = figure.Ceiling
		}
		cs = append(cs, candidate{name: name, v: v})
	}
	return cs
}

// keep returns the candidates that make indicators, headline ones first:
// every candidate of a headline paragraph; another when a headline one or
// the alias table names its indicator; and the others of an indicator when
// a plan's target meets its year's review (某合格率不低于95% → 达到96%), by
// name.
func keep(cands []candidate) []candidate {
	var out []candidate
	named := map[string]bool{}
	for _, c := range cands {
		if c.headline {
			out = append(out, c)
			named[c.name] = true
		}
	}
	pending := map[string][]candidate{}
	for _, c := range cands {
		switch {
		case c.headline:
		case named[c.name] || c.known:
			out = append(out, c)
			named[c.name] = true
		case utf8.RuneCountInString(c.name) >= 4:
			pending[c.name] = append(pending[c.name], c)
		}
	}
	var names []string
	for name, cs := range pending {
		targets, outcomes := map[int]bool{}, map[int]bool{}
		for _, c := range cs {
			if c.v.Kind == Target {
				targets[c.v.Year] = true
			} else {
				outcomes[c.v.Year] = true
			}
		}
		for y := range targets {
			if outcomes[y] {
				names = append(names, name)
				break
			}
		}
	}
	sort.Strings(names)
	for _, name := range names {
		out = append(out, pending[name]...)
	}
	return out
}

// group gathers values into indicators by name and by what they count (a
// name counted in % and in 亿元 is two indicators), in the order they first
// appear; a year keeps its first value of each kind (the headline
// paragraph's). A target in words joins the first indicator of its name,
// or of its name going down or up when it gives no direction.
func group(cands []candidate) []*Indicator {
	var out []*Indicator
	// The indicators by name and by name less its direction, in order: a
	// candidate looks only at those of its name, not at every indicator.
	byName, byBase := map[string][]int{}, map[string][]int{}
	find := func(name, measure string) *Indicator {
		if measure == "" {
			// A target in words joins the first indicator of its name, or,
			// of a name without a direction (某强度目标…), the first of that
			// name going down or up.
			first := -1
			if ns := byName[name]; len(ns) > 0 {
				first = ns[0]
			}
			if bs := byBase[name]; len(bs) > 0 && (first < 0 || bs[0] < first) {
				first = bs[0]
			}
			if first < 0 {
				return nil
			}
			return out[first]
		}
		mb, _ := magnitude(measure)
		for _, i := range byName[name] {
			if ib, _ := magnitude(out[i].Measure); out[i].Measure == "" || ib == mb {
				return out[i]
			}
		}
		return nil
	}
	for _, c := range cands {
		in := find(c.name, c.v.Measure)
		if in == nil {
			in = &Indicator{Name: c.name}
			byName[in.Name] = append(byName[in.Name], len(out))
			byBase[baseName(in.Name)] = append(byBase[baseName(in.Name)], len(out))
			out = append(out, in)
		}
		if in.Measure == "" {
			in.Measure = c.v.Measure
		}
		if slices.ContainsFunc(in.Values, func(o Value) bool { return o.Year == c.v.Year && o.Kind == c.v.Kind }) {
			continue
		}
		in.Values = append(in.Values, c.v)
		if !slices.Contains(in.Aliases, c.v.Label) {
			in.Aliases = append(in.Aliases, c.v.Label)
		}
	}
	for _, in := range out {
		sort.SliceStable(in.Values, func(i, j int) bool {
			if in.Values[i].Year != in.Values[j].Year {
				return in.Values[i].Year < in.Values[j].Year
			}
			return in.Values[i].Kind == Target && in.Values[j].Kind == Outcome
		})
	}
	return out
}

// headline reports whether an indicator has a target or figures of more
// than one year.
func headline(in *Indicator) bool {
	years := map[int]bool{}
	for _, v := range in.Values {
		if v.Kind == Target {
			return true
		}
		years[v.Year] = true
	}
	return len(years) > 1
}

// verdicts judges every year of an indicator: a target against the outcome
// of its year. A target "around" (左右) is met by an outcome no more than the
// tolerance below it; a floor (以上, 不低於) or an aspiration (力爭) by an
// outcome at or above it; a ceiling (以內, 控制在) by one at or below it; a
// range by one at or above its low end; a plain target by one at or above
// it. For a decrease (能耗下降3%) the outcome is a decrease too, and more is
// better. For an indicator where less is better (prices, unemployment; the
// <= line of aliases.tsv) an "around" or plain target is a ceiling, met by an
// outcome no more than the tolerance above it.
// Outcomes are brought to the target's magnitude (万, 亿, 万亿) first; a
// target and an outcome that count different things are not comparable.
func verdicts(in *Indicator, tolerance float64, lessBetter bool) []Verdict {
	years := map[int]*Verdict{}
	var ys []int
	for i := range in.Values {
		v := &in.Values[i]
		if v.Year == 0 {
			continue
		}
		vd := years[v.Year]
		if vd == nil {
			vd = &Verdict{Year: v.Year}
			years[v.Year] = vd
			ys = append(ys, v.Year)
		}
		if v.Kind == Target && vd.Target == nil {
			vd.Target = v
		}
		if v.Kind == Outcome && vd.Outcome == nil {
			vd.Outcome = v
		}
	}
	sort.Ints(ys)
	var out []Verdict
	for _, y := range ys {
		vd := years[y]
		vd.Verdict = verdictOf(vd.Target, vd.Outcome, tolerance, lessBetter)
		out = append(out, *vd)
	}
	return out
}

// verdictOf judges a target against an outcome, either of which may be
// missing.
func verdictOf(t, o *Value, tol float64, lessBetter bool) string {
	switch {
	case t == nil:
		return NoTarget
	case o == nil:
		return NoOutcome
	case !t.Numeric:
		return NotNumeric
	}
	return judge(*t, *o, tol, lessBetter)
}

func judge(t, o Value, tol float64, lessBetter bool) string {
	tBase, tScale := magnitude(t.Measure)
	oBase, oScale := magnitude(o.Measure)
	if tBase != oBase {
		return Incomparable
	}
	got := o.Value
	if o.Qualifier == "range" {
		got = (o.Low + o.High) / 2
	}
	got *= oScale / tScale // 1.8万亿元 against a target of 6000亿元
	if t.Measure != "%" {
		tol = math.Abs(t.Value) * 0.05
	}
	ok := false
	switch t.Qualifier {
	case figure.Around:
		if lessBetter {
			ok = got <= t.Value+tol
		} else {
			ok = got >= t.Value-tol
		}
	case figure.Ceiling:
		ok = got <= t.High
	case "range":
		ok = got >= t.Low
	case figure.Floor, figure.Aspirational:
		ok = got >= t.Value
	default:
		if lessBetter {
			ok = got <= t.Value
		} else {
			ok = got >= t.Value
		}
	}
	if ok {
		return Met
	}
	return MissedGoal
}

// magnitude splits a measure into what it counts and the power of ten
// before it: 万亿元 is 元 times 1e12, 万人 is 人 times 1e4, % is % times 1.
func magnitude(measure string) (base string, scale float64) {
	for _, m := range []struct {
		prefix string
		scale  float64
	}{{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}} {
		if b, ok := strings.CutPrefix(measure, m.prefix); ok {
			return b, m.scale
		}
	}
	return measure, 1
}

// IndicatorName returns the name an indicator goes by (Indicator.Name),
// read from a name as a person or a text writes it (GDP增长, 地區生產總值增長,
// 財政收入) by the rules that match indicators across years: ok is false for
// words that name no indicator.
func IndicatorName(label string) (name string, ok bool) {
	name, _, ok = canonical(label)
	return name, ok
}
