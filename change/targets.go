package change

import (
	_ "embed"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/figure"
	"github.com/reportdiff/reportdiff/internal/hanzi"
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
	NotNumeric = "not numeric" // a target in words (達到市級要求): nothing to compare
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
	Unit      *corpus.Unit
	Text      string // the words as they stand in the unit: 地區生產總值增長7%左右
	Figure    string // the figure with its qualifier (7%左右), or the words of a target in words (達到市級要求)
	Line      int
	Label     string // the indicator as the text names it
}

// Verdict says whether a year's target was met.
type Verdict struct {
	Year            int
	Target, Outcome *Value
	Verdict         string
}

// Indicator is a measure followed through the years.
type Indicator struct {
	Name     string   // the name reportdiff uses: 地区生产总值增长
	Aliases  []string // the names the texts give it, as written
	Measure  string   // what a figure counts: %, 亿元, 万人 …
	Values   []Value  // by year, targets before outcomes
	Verdicts []Verdict
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

// lessIsBetter holds the indicators whose targets are ceilings.
var lessIsBetter = map[string]bool{}

var aliases = func() map[string]string {
	m := map[string]string{}
	for _, line := range dataLines(aliasData) {
		f := strings.Split(line, "\t")
		if f[0] == "<=" {
			for _, name := range f[1:] {
				lessIsBetter[strings.TrimSpace(name)] = true
			}
			continue
		}
		for _, a := range f {
			m[hanzi.Lower(strings.TrimSpace(a))] = f[0]
		}
	}
	return m
}()

var scopeWords = []string{"全国", "全区", "全市", "全省", "全县", "区级", "市级", "省级", "县级", "本区", "本市", "我区", "我市",
	"年末", "年底", "全年"}

// levelVerbs end a name whose figure is a level reached, not a change:
// 失业率降到5.2%. Taken off with the modifiers that only say how the level is
// counted (失业率平均为5.1%, 失业率全年控制在5.5%以内); the verbs that
// figure.Key takes off (达到, 控制在, 突破 …) need no place here.
var levelVerbs = []string{"降到", "降至", "下降到", "升至", "上升到",
	"提高到", "提升到", "增加到", "增长到", "平均", "全年", "年均", "首次", "累计", "预计"}

// quoteMarks do not belong to an indicator's name: “六大重点产业”增加值.
var quoteMarks = strings.NewReplacer("“", "", "”", "", "\"", "", "「", "", "」", "")

// direction words end a name whose figure is a change.
var upWords = []string{"实际增长", "名义增长", "增长", "提高", "增加", "上升", "上涨", "涨幅", "增幅", "增速"}
var downWords = []string{"下降", "降低", "减少"}

// canonical returns the name an indicator goes by, from a figure's label:
// folded, scope words off, its base looked up among the aliases, and the
// direction of a change kept (增长 or 下降).
func canonical(label string) (name, dir string) {
	k := quoteMarks.Replace(figure.Key(label))
	for changed := true; changed; {
		changed = false
		for _, w := range levelVerbs {
			if t := strings.TrimSuffix(k, w); t != k && t != "" {
				k, changed = figure.Key(t), true
			}
		}
		for _, s := range scopeWords {
			if t := strings.TrimPrefix(k, s); t != k && t != "" {
				k, changed = t, true
			}
		}
	}
	base := k
	for _, w := range upWords {
		if strings.HasSuffix(base, w) {
			base, dir = strings.TrimSuffix(base, w), "增长"
			break
		}
	}
	for _, w := range downWords {
		if dir == "" && strings.HasSuffix(base, w) {
			base, dir = strings.TrimSuffix(base, w), "下降"
			break
		}
	}
	if c, ok := aliases[hanzi.Lower(base)]; ok {
		base = c
	}
	return base + dir, dir
}

var reTargetsLead = regexp.MustCompile(`^.{0,30}?(?:目标是|目标为)[:：]?`)

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
// 單位地區生產總值能耗下降達到市級要求, 居民人均可支配收入增長不低於經濟增長.
var reNameInWords = regexp.MustCompile(`^(.{3,24}?(?:增长|下降|降低|提高))(.{2,20})$`)

// ReadTargets extracts the numeric indicators of every report: targets from
// its targets paragraph (and the plan part), outcomes from its outcome
// paragraph (and the review part); a figure outside those paragraphs counts
// when its indicator is one the targets or outcomes name. Indicators are
// matched across years by their canonical names (aliases.tsv and general
// rules), and every target is judged against the outcome of its year.
func ReadTargets(t *align.Themes, opts TargetOptions) []Indicator {
	c := t.Corpus
	byName := map[string]*Indicator{}
	var order []string
	add := func(name, measure string, v Value) {
		in := byName[name]
		if in == nil {
			in = &Indicator{Name: name}
			byName[name] = in
			order = append(order, name)
		}
		if in.Measure == "" {
			in.Measure = measure
		}
		for _, o := range in.Values {
			if o.Year == v.Year && o.Kind == v.Kind {
				return // the headline paragraph came first
			}
		}
		in.Values = append(in.Values, v)
		label := v.Label
		for _, a := range in.Aliases {
			if a == label {
				label = ""
			}
		}
		if label != "" {
			in.Aliases = append(in.Aliases, label)
		}
	}
	kindOf := func(u *corpus.Unit) (string, int) {
		switch u.PartKind() {
		case corpus.Plan:
			return Target, u.Report.Year
		case corpus.Review:
			return Outcome, u.Report.ReviewYear
		}
		return "", 0
	}
	figureValue := func(u *corpus.Unit, f figure.Figure, kind string, year int) Value {
		v := Value{Year: year, Kind: kind, Value: f.Value, Numeric: true, Low: f.Low, High: f.High, Qualifier: f.Qualifier,
			Unit: u, Label: strings.TrimSpace(f.Label), Line: u.LineOf(f.Start)}
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
		return v
	}
	// Figures of the rest of the text whose indicator no headline names:
	// kept when a plan sets a target for a year whose review reports it.
	type pendingValue struct {
		measure string
		v       Value
	}
	pending := map[string][]pendingValue{}
	var pendingOrder []string
	// First the headline paragraphs, then the rest of the text.
	for _, pass := range []int{0, 1} {
		for _, r := range c.Reports {
			for _, u := range r.Units {
				kind, year := kindOf(u)
				if kind == "" {
					continue
				}
				headline := u.Role == corpus.RoleTargets && kind == Target || u.Role == corpus.RoleOutcome && kind == Outcome
				if headline != (pass == 0) {
					continue
				}
				for _, f := range figure.Extract(u.Text) {
					if strings.TrimSpace(f.Label) == "" {
						continue
					}
					name, _ := canonical(f.Label)
					if utf8.RuneCountInString(name) < 3 {
						continue // a verb alone (设立, 降至) names no indicator
					}
					if !headline && byName[name] == nil {
						if utf8.RuneCountInString(name) >= 4 {
							pending[name] = append(pending[name], pendingValue{f.Measure, figureValue(u, f, kind, year)})
						}
						continue
					}
					add(name, f.Measure, figureValue(u, f, kind, year))
				}
				if !headline || kind != Target {
					continue
				}
				// Targets in words: clauses of the targets paragraph with no figure.
				for _, cl := range targetClauses(u.Text) {
					text := strings.TrimSpace(u.Text[cl[0]:cl[1]])
					if text == "" || len(figure.Extract(text)) > 0 {
						continue
					}
					folded := hanzi.Fold(text)
					m := reNameInWords.FindStringSubmatchIndex(folded)
					if m == nil {
						continue
					}
					rs := []rune(text)
					label := string(rs[:utf8.RuneCountInString(folded[:m[3]])])
					name, _ := canonical(label)
					v := Value{Year: year, Kind: Target, Unit: u, Text: text, Label: label, Line: u.LineOf(cl[0]),
						Figure: strings.TrimPrefix(text, label)}
					switch rest := folded[m[4]:]; {
					case strings.HasPrefix(rest, "不低于"), strings.HasPrefix(rest, "不少于"):
						v.Qualifier = figure.Floor
					case strings.HasPrefix(rest, "不超过"), strings.HasPrefix(rest, "控制在"):
						v.Qualifier = figure.Ceiling
					}
					add(name, "", v)
				}
			}
		}
	}
	for name := range pending {
		pendingOrder = append(pendingOrder, name)
	}
	sort.Strings(pendingOrder)
	for _, name := range pendingOrder {
		targets, outcomes := map[int]bool{}, map[int]bool{}
		for _, p := range pending[name] {
			if p.v.Kind == Target {
				targets[p.v.Year] = true
			} else {
				outcomes[p.v.Year] = true
			}
		}
		judged := false
		for y := range targets {
			judged = judged || outcomes[y]
		}
		if !judged {
			continue
		}
		for _, p := range pending[name] {
			add(name, p.measure, p.v)
		}
	}
	var out []Indicator
	for _, name := range order {
		in := byName[name]
		sort.SliceStable(in.Values, func(i, j int) bool {
			if in.Values[i].Year != in.Values[j].Year {
				return in.Values[i].Year < in.Values[j].Year
			}
			return in.Values[i].Kind == Target && in.Values[j].Kind == Outcome
		})
		in.Verdicts = verdicts(in, opts)
		out = append(out, *in)
	}
	return out
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
func verdicts(in *Indicator, opts TargetOptions) []Verdict {
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
		switch {
		case vd.Target == nil:
			vd.Verdict = NoTarget
		case vd.Outcome == nil:
			vd.Verdict = NoOutcome
		case !vd.Target.Numeric:
			vd.Verdict = NotNumeric
		default:
			vd.Verdict = judge(*vd.Target, *vd.Outcome, opts.Tolerance, lessIsBetter[in.Name])
		}
		out = append(out, *vd)
	}
	return out
}

func judge(t, o Value, tol float64, lessBetter bool) string {
	tm, om := t.Measure(), o.Measure()
	tBase, tScale := magnitude(tm)
	oBase, oScale := magnitude(om)
	if tBase != oBase {
		return Incomparable
	}
	got := o.Value
	if o.Qualifier == "range" {
		got = (o.Low + o.High) / 2
	}
	got *= oScale / tScale // 2.5万亿元 against a target of 5000亿元
	if tm != "%" {
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

// Measure returns what the value's figure counts, read from its text.
func (v Value) Measure() string {
	for _, f := range figure.Extract(v.Text) {
		return f.Measure
	}
	return ""
}
