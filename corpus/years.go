package corpus

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/work"
)

// Evidence is a passage of a report that says which year it was delivered.
type Evidence struct {
	Kind    string // date, heading, anniversary, era, plan, congress, session
	Text    string // the words as they stand in the report
	Line    int
	Implies int    // the year of delivery it implies
	Reason  string // how the year follows from the words
	Weight  int    // how much the evidence counts: 3 explicit, 2 computed, 1 relative
}

//go:embed data/calendar.tsv
var calendarData string

type calendarEntry struct {
	kind       string
	phrase     word // with its sketch: a unit is searched only for phrases its sketch may hold
	year, term int
}

// calendar returns the entries of data/calendar.tsv, longer phrases first,
// read on first use (see Warm).
var calendar = sync.OnceValue(func() []calendarEntry {
	es := make([]calendarEntry, 0, strings.Count(calendarData, "\n")+1)
	for _, l := range strings.Split(calendarData, "\n") {
		if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) < 3 {
			continue
		}
		y, err := strconv.Atoi(f[2])
		if err != nil {
			continue
		}
		e := calendarEntry{kind: f[0], phrase: wordOf(f[1]), year: y}
		if len(f) > 3 {
			e.term, _ = strconv.Atoi(f[3])
		}
		es = append(es, e)
	}
	// Longer phrases first, so 世界反法西斯战争胜利 wins over 战争胜利.
	sort.SliceStable(es, func(i, j int) bool { return len(es[i].phrase.text) > len(es[j].phrase.text) })
	return es
})

const numRe = `([0-9]+|[一二三四五六七八九十百零〇]+)`

// yearRe matches a year in digits (2035) or in Chinese numerals (二〇三五,
// 二零三五), as the first group.
const yearRe = `((?:19|20)[0-9]{2}|[一二][〇零九][〇零一二三四五六七八九]{2})`

// yearOf reads a year matched by yearRe.
func yearOf(s string) int {
	if y, err := strconv.Atoi(s); err == nil {
		return y
	}
	y := 0
	for _, r := range s {
		d := -1
		for i, c := range []rune("〇一二三四五六七八九") {
			if r == c {
				d = i
			}
		}
		if r == '零' {
			d = 0
		}
		if d < 0 {
			return 0
		}
		y = y*10 + d
	}
	return y
}

var (
	reDate      = reading.New(yearRe + `年([0-9]{1,2}|[一二三四五六七八九十]{1,2})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})日`)
	reISODate   = reading.New(`^[0-9]{4}-[0-9]{2}-[0-9]{2}`)
	reFileYear  = reading.New(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)`)
	reTitleYear = reading.New(yearRe + `年.{0,12}(?:工作报告|施政报告)`)
	// reDatelineParen matches a date and a name in brackets: （2005年1月19日 某某）.
	reDatelineParen = reading.New(`^[（(]` + yearRe + `年[^）)]{2,8}日[^）)]{0,12}[）)]$`)
	reYear          = reading.New(yearRe + `年`)
	reYearIs        = reading.New(`^` + yearRe + `年[，,]?是`)
	reAnniversary   = reading.New(numRe + `周年`)
	reFYP           = reading.New(`十([一二三四五六七八九])五[”」』"]?(?:规划)?(?:的|目标的|时期的)?(开局之年|起步之年|第一年|元年|第二年|第三年|第四年|第五年|收官之年|最后一年|决胜之年)`)
	reEraOrdinal    = reading.New(`^(?:的)?(开局之年|起步之年|第一年|元年|第二年|第三年|第四年|第五年)`)
	reSessionOf     = reading.New(`(?:第)?([一二三四五六七八九十]+)届(全国人民代表大会|全国人大|[^，。、；\s]{0,6}?人大|[^，。、；\s]{0,6}?人民代表大会)(?:第)?([一二三四五六七八九十]+)次会议`)
)

var ordinals = map[string]int{"开局之年": 0, "起步之年": 0, "第一年": 0, "元年": 0, "第二年": 1, "第三年": 2,
	"第四年": 3, "第五年": 4, "收官之年": 4, "最后一年": 4, "决胜之年": 4}

// session is a congress session a report names: local ones give relative
// order only.
type session struct {
	body          string
	term, session int
	reviewed      bool // the session whose targets the review reports on
	ev            Evidence
}

// collectEvidence reads what a report says of its year. The part a passage
// stands in decides which year it speaks of: the review part speaks of the
// year before delivery, the preamble and plan of the year of delivery.
func collectEvidence(r *Report) (evs []Evidence, sessions []session) {
	// idx maps the offsets of the unit's folded text, spaces squeezed out
	// when spaced, to offsets in its text: made when evidence is found,
	// which few units hold.
	var idx []int
	spaced := false
	index := func(u *Unit) []int {
		if idx == nil {
			idx = hanzi.FoldIndex(u.Text, u.Folded())
			if spaced {
				_, idx = squeeze(u.Folded(), idx)
			}
		}
		return idx
	}
	add := func(u *Unit, kind string, start, end int, implies int, reason string, weight int) {
		idx := index(u)
		s, e := idx[start], idx[end]
		evs = append(evs, Evidence{Kind: kind, Text: u.Text[s:e], Line: u.LineOf(s), Implies: implies, Reason: reason, Weight: weight})
	}
	for _, p := range r.Parts {
		h := p.Heading
		if h == nil {
			continue
		}
		f, _ := squeeze(hanzi.Fold(h.Text), nil)
		ms := reYear.FindAllStringSubmatchIndex(f, -1)
		if ms == nil {
			continue
		}
		switch p.Kind {
		case Review:
			// The first year named is the one reviewed: 2003年工作回顾和2004年….
			y := yearOf(f[ms[0][2]:ms[0][3]])
			evs = append(evs, Evidence{Kind: "heading", Text: h.Text, Line: h.Line, Implies: y + 1, Weight: 3,
				Reason: fmt.Sprintf("the review part is headed with %d: delivered %d", y, y+1)})
		case Plan:
			// The last year named is the one planned: 今后五年和2008年的工作.
			m := ms[len(ms)-1]
			y := yearOf(f[m[2]:m[3]])
			evs = append(evs, Evidence{Kind: "heading", Text: h.Text, Line: h.Line, Implies: y, Weight: 3,
				Reason: fmt.Sprintf("the plan part is headed with %d", y)})
		}
	}
	// The date of delivery, from the best witness: a dateline of the
	// report (——…在…会议上, （…年…月…日 某某）), one in its front
	// matter's title, another date among its front lines, the front
	// matter's date; never the date a newspaper printed it
	// (《某报》（2031年03月13日 01版）).
	deliveredRank := 0
	deliver := func(rank, y, month, day int) {
		if rank > deliveredRank && month >= 1 && month <= 12 && day >= 1 && day <= 31 {
			r.Delivered, deliveredRank = fmt.Sprintf("%04d-%02d-%02d", y, month, day), rank
		}
	}
	if d := r.Meta["date"]; reISODate.MatchString(d) {
		y, _ := strconv.Atoi(d[:4])
		month, _ := strconv.Atoi(d[5:7])
		day, _ := strconv.Atoi(d[8:10])
		deliver(1, y, month, day)
	}
	if title := hanzi.Fold(r.Meta["title"]); title != "" {
		if m := reDate.FindStringSubmatchIndex(title); m != nil && isDatelineIn(title, m) {
			// A dateline in the title: 某省政府工作报告（2031年1月15日 某某）.
			y := yearOf(title[m[2]:m[3]])
			month, day := numberOf(title[m[4]:m[5]]), numberOf(title[m[6]:m[7]])
			deliver(3, y, month, day)
			reason := fmt.Sprintf("the front matter's title is dated %s: delivered %d", title[m[0]:m[1]], y)
			if month >= 11 {
				reason = fmt.Sprintf("the front matter's title is dated %s, in %s: the plan is for %d", title[m[0]:m[1]], monthName(month), y+1)
				y++
			}
			evs = append(evs, Evidence{Kind: "meta", Text: r.Meta["title"], Line: r.metaLine(), Implies: y, Weight: 3, Reason: reason})
		} else if m := reTitleYear.FindStringSubmatch(title); m != nil {
			y := yearOf(m[1])
			evs = append(evs, Evidence{Kind: "meta", Text: r.Meta["title"], Line: r.metaLine(), Implies: y, Weight: 1,
				Reason: fmt.Sprintf("the front matter's title names %d", y)})
		}
	}
	if len(r.Source.Reports) == 1 {
		if m := reFileYear.FindStringSubmatch(stemOf(r.Source.Name)); m != nil {
			y := yearOf(m[1])
			evs = append(evs, Evidence{Kind: "file", Text: filepath.Base(r.Source.Name), Implies: y, Weight: 1,
				Reason: fmt.Sprintf("the file name says %d", y)})
		}
	}
	structured := false
	for _, p := range r.Parts {
		structured = structured || p.Kind == Review || p.Kind == Plan
	}
	for _, u := range r.Units {
		kind := u.PartKind()
		f, k := u.Folded(), u.chars() // k holds the characters of f squeezed too
		idx, spaced = nil, hasSpace(f)
		if spaced {
			f, _ = squeeze(f, nil)
		}
		if u.Role == RoleFront {
			if m := reDate.FindStringSubmatchIndex(f); m != nil {
				y := yearOf(f[m[2]:m[3]])
				month, day := numberOf(f[m[4]:m[5]]), numberOf(f[m[6]:m[7]])
				weight, kind, reason := 3, "date", fmt.Sprintf("dated %d", y)
				switch {
				case isPublication(f, m):
					kind, reason = "published", fmt.Sprintf("published %d", y)
				case isDateline(f) || isDatelineIn(f, m):
					weight, kind, reason = 5, "dateline", fmt.Sprintf("delivered %d", y)
					deliver(4, y, month, day)
				default:
					deliver(2, y, month, day)
				}
				if month >= 11 {
					reason = fmt.Sprintf("delivered in %s %d: the plan is for %d", monthName(month), y, y+1)
					y++
				}
				add(u, kind, m[0], m[1], y, reason, weight)
			} else if m := reTitleYear.FindStringSubmatchIndex(f); m != nil && !runesOver(f, 40) {
				y := yearOf(f[m[2]:m[3]])
				add(u, "title", m[0], m[1], y, fmt.Sprintf("the title names %d", y), 3)
			}
			if m := reSessionOf.FindStringSubmatchIndex(f); m != nil {
				if s, ok := congressSession(u, f, index(u), m, false); ok {
					if s.ev.Implies > 0 {
						evs = append(evs, s.ev)
					}
				}
			}
			continue
		}
		if kind != Preamble && kind != Review && kind != Plan {
			continue
		}
		shift, when, weight := 0, "this year", 2
		if kind == Review {
			shift, when = 1, "the year reviewed"
		}
		if !structured {
			// Without a review and a plan, which year a passage speaks of
			// is a guess.
			weight = 1
		}
		// 2019年是… opening a plan or review paragraph.
		if strings.HasPrefix(f, "19") || strings.HasPrefix(f, "20") || strings.HasPrefix(f, "二") || strings.HasPrefix(f, "一九") {
			if m := reYearIs.FindStringSubmatchIndex(f); m != nil {
				y := yearOf(f[m[2]:m[3]])
				add(u, "date", m[0], m[1], y+shift, fmt.Sprintf("%s is %d", when, y), weight)
			}
		}
		if wordAnniversary.in(f, &k) {
			for _, m := range reAnniversary.FindAllStringSubmatchIndex(f, -1) {
				n := numberOf(f[m[2]:m[3]])
				if n == 0 || n > 3100 {
					continue
				}
				before := f[:m[0]]
				for _, e := range calendar() {
					if e.kind != "anniversary" || !strings.HasSuffix(before, e.phrase.text) && !strings.HasSuffix(before, e.phrase.text+"的") {
						continue
					}
					start := strings.LastIndex(before, e.phrase.text)
					y := e.year + n
					add(u, "anniversary", start, m[1], y+shift,
						fmt.Sprintf("%s %d + %d = %d, %s", e.phrase.text, e.year, n, y, when), weight)
					break
				}
			}
		}
		if wordFive.in(f, &k) {
			for _, m := range reFYP.FindAllStringSubmatchIndex(f, -1) {
				plan, _ := hanzi.ParseNumeral("十" + f[m[2]:m[3]])
				first := planStart(plan)
				y := first + ordinals[f[m[4]:m[5]]]
				add(u, "plan", m[0], m[1], y+shift,
					fmt.Sprintf("five-year plan %d runs %d–%d: %s = %d, %s", plan, first, first+4, f[m[4]:m[5]], y, when), weight)
			}
		}
		for _, e := range calendar() {
			if e.kind != "era" || !k.mayHold(&e.phrase.sketch) {
				continue
			}
			for off := 0; ; {
				i := strings.Index(f[off:], e.phrase.text)
				if i < 0 {
					break
				}
				start := off + i
				end := start + len(e.phrase.text)
				off = end
				if m := reEraOrdinal.FindStringSubmatchIndex(f[end:]); m != nil {
					y := e.year + ordinals[f[end+m[2]:end+m[3]]]
					add(u, "era", start, end+m[1], y+shift,
						fmt.Sprintf("%s began in %d: %s = %d, %s", e.phrase.text, e.year, f[end+m[2]:end+m[3]], y, when), weight)
				}
			}
		}
		// A review names the session whose targets it reports on; a review
		// of five years names the term's first session instead, which says
		// nothing of last year.
		if kind == Review && wordTerm.in(f, &k) && wordSession.in(f, &k) && !anyIn(f, &k, termReview) {
			for _, m := range reSessionOf.FindAllStringSubmatchIndex(f, -1) {
				if strings.HasPrefix(f[m[1]:], "以来") {
					continue // since that session: years of a term, not last year's targets
				}
				if s, ok := congressSession(u, f, index(u), m, true); ok {
					if s.ev.Implies > 0 {
						evs = append(evs, s.ev)
					} else {
						sessions = append(sessions, s)
					}
				}
			}
		}
	}
	return evs, sessions
}

// isDateline reports whether a folded front line says when and where the
// report was delivered: ——2023年1月12日在某省第十四届人民代表大会第一次会议上,
// （2005年1月19日 某某）.
func isDateline(f string) bool {
	f = strings.TrimRight(f, "* ")
	if reDatelineParen.MatchString(f) {
		return true
	}
	f = strings.TrimRight(f, "）)")
	return strings.Contains(f, "在") && (strings.HasSuffix(f, "会议上") || strings.HasSuffix(f, "大会上"))
}

// isDatelineIn reports whether the date at m in a folded title stands in
// brackets with at most a name beside it, as a dateline does: 某省政府工作报告
// （2031年1月15日 某某）.
func isDatelineIn(f string, m []int) bool {
	before := strings.TrimRight(f[:m[0]], " \u3000")
	open := max(strings.LastIndex(before, "（"), strings.LastIndex(before, "("))
	if open < 0 || !strings.HasSuffix(before, "（") && !strings.HasSuffix(before, "(") {
		return false
	}
	end := strings.IndexAny(f[m[1]:], "）)")
	if end < 0 {
		return false
	}
	_, n := utf8.DecodeRuneInString(f[m[1]+end:])
	return isDateline(f[open : m[1]+end+n])
}

// rePage is a newspaper's page right after a date: " 01版", "第三版".
var rePage = reading.New(`^[\s　]*第?[\s　]*[0-9０-９一二三四五六七八九十〇零]+[\s　]*版`)

// isPublication reports whether a folded front line, whose date is at m,
// says when a newspaper or a news agency printed the report, not when it
// was delivered: 《某某日报》（2031年03月13日 01版）, （某某社2031年3月12日电）.
func isPublication(f string, m []int) bool {
	before, after := f[:m[0]], f[m[1]:]
	open, close := strings.LastIndex(before, "《"), strings.LastIndex(before, "》")
	paper := open >= 0 && close > open
	newspaper := paper && strings.HasSuffix(trimSpace(before[open:close]), "报") // 《某某日报》, not 《…工作报告》
	// A page: 01版, 第3版; not 出版.
	page := rePage.MatchString(after)
	wire := strings.HasPrefix(strings.TrimLeft(after, " "), "电")
	return paper && page || newspaper || wire
}

// squeeze takes out of a folded text, and its offset index unless that is
// nil, the spaces that a PDF or a typesetter put between characters (2022
// 年, 25 周年, 30 000), keeping only those between two Latin letters.
func squeeze(f string, idx []int) (string, []int) {
	if !hasSpace(f) {
		return f, idx
	}
	var b strings.Builder
	b.Grow(len(f))
	var out []int
	if idx != nil {
		out = make([]int, 0, len(idx))
	}
	prev := rune(0)
	for i, r := range f {
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' {
			next, _ := utf8.DecodeRuneInString(strings.TrimLeft(f[i:], " \t\u3000\u00a0"))
			if !(isLatin(prev) && isLatin(next)) {
				continue
			}
		}
		n := b.Len()
		b.WriteRune(r)
		if idx != nil {
			for j := n; j < b.Len(); j++ {
				out = append(out, idx[i+j-n])
			}
		}
		prev = r
	}
	if idx != nil {
		out = append(out, idx[len(f)])
	}
	return b.String(), out
}

// hasSpace reports whether f holds a space squeeze takes out.
func hasSpace(f string) bool {
	// By bytes: U+3000 is E3 80 80 and U+00A0 is C2 A0 in UTF-8, bytes that
	// stand for nothing else (strings.ContainsAny reads rune by rune). Four
	// searches of one byte each (IndexByte reads many bytes at a time) take
	// less than one loop over the bytes testing each: every unit's text is
	// tested.
	return strings.IndexByte(f, ' ') >= 0 || strings.IndexByte(f, '\t') >= 0 ||
		contains(f, "\u3000") || contains(f, "\u00a0")
}

func isLatin(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

func monthName(m int) string {
	return [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}[m]
}

// planStart returns the first year of the nth five-year plan.
func planStart(n int) int {
	for _, e := range calendar() {
		if e.kind == "fyp" {
			return e.year + 5*(n-e.term)
		}
	}
	return 0
}

// congressSession reads a congress session (十二屆人大三次會議). A session of
// the National People's Congress has a known year; a local one only an order.
// reviewed is true when the review part names it: its targets were last
// year's, so the report is delivered at the session after it.
func congressSession(u *Unit, f string, idx []int, m []int, reviewed bool) (session, bool) {
	term, _ := hanzi.ParseNumeral(f[m[2]:m[3]])
	body := f[m[4]:m[5]]
	n, _ := hanzi.ParseNumeral(f[m[6]:m[7]])
	if term == 0 || n == 0 {
		return session{}, false
	}
	s := session{body: body, term: term, session: n, reviewed: reviewed}
	s.ev = Evidence{Kind: "congress", Text: u.Text[idx[m[0]]:idx[m[1]]], Line: u.LineOf(idx[m[0]]), Weight: 3}
	for _, e := range calendar() {
		if e.kind == "congress" && (body == e.phrase.text || body == "全国人大") && term >= e.term {
			y := e.year + 5*(term-e.term) + n - 1
			s.ev.Implies = y
			s.ev.Reason = fmt.Sprintf("session %d of congress %d met in %d", n, term, y)
			if reviewed {
				s.ev.Implies = y + 1
				s.ev.Reason += fmt.Sprintf(" and set the targets reviewed: delivered %d", y+1)
			}
			return s, true
		}
	}
	s.ev.Kind, s.ev.Weight = "session", 1
	return s, true
}

// headings returns the part headings of a report.
func (r *Report) headings() []*Heading {
	var hs []*Heading
	for _, p := range r.Parts {
		if p.Heading != nil {
			hs = append(hs, p.Heading)
		}
	}
	return hs
}

// termReview are the words of a review of a whole term of office, not of
// one year.
var termReview = wordsOf("过去五年", "过去的五年", "五年来", "近五年", "本届政府", "这五年")

// The words whose absence spares collectEvidence a regular expression:
// anniversaries, five-year plans, congress sessions.
// (Every match of reSessionOf holds 届 and 次会议.)
var wordAnniversary, wordFive, wordTerm, wordSession = wordOf("周年"), wordOf("五"), wordOf("届"), wordOf("次会议")

// maxAgainst is how many passages against the year a warning quotes.
const maxAgainst = 5

// inferYears gives every report its year from its evidence, the relative
// order of the congress sessions they name, and years stated outright.
// It returns warnings where evidence is missing or conflicts.
func inferYears(reports []*Report, stated map[*Report]int) []Warning {
	var warns []Warning
	// Each report's evidence is its own: read side by side.
	found := make([][]session, len(reports))
	work.Each(len(reports), func(i int) { reports[i].Evidence, found[i] = collectEvidence(reports[i]) })
	sessions := make(map[*Report][]session, len(reports))
	for i, r := range reports {
		sessions[r] = found[i]
	}
	decide := func(r *Report, warn bool) {
		if y, ok := stated[r]; ok {
			r.Year, r.YearFrom = y, "stated"
			for _, e := range r.Evidence {
				if warn && e.Implies != y {
					warns = append(warns, Warning{Source: r.Source.Name, Line: e.Line, Rule: "year-conflict",
						Message: fmt.Sprintf("report %s: the year stated is %d but %q implies %d", r.ID, y, e.Text, e.Implies)})
				}
			}
			return
		}
		// A passage counts once, however often the report repeats it.
		votes := map[int]int{}
		type passage struct {
			kind, text string
			implies    int
		}
		counted := map[passage]bool{}
		for _, e := range r.Evidence {
			key := passage{e.Kind, hanzi.Fold(e.Text), e.Implies}
			if counted[key] {
				continue
			}
			counted[key] = true
			votes[e.Implies] += e.Weight
		}
		best, bestW, total := 0, 0, 0
		for y, w := range votes {
			total += w
			if w > bestW || w == bestW && y < best {
				best, bestW = y, w
			}
		}
		if best == 0 {
			return
		}
		r.Year, r.YearFrom = best, "evidence"
		// The passages against the winner, each once, at most maxAgainst of
		// them: a text on one line can repeat one clause hundreds of times.
		var others []string
		seen := map[string]bool{}
		more := 0
		for _, e := range r.Evidence {
			if e.Implies == best || e.Kind == "file" { // check reports a file name against the text
				continue
			}
			o := fmt.Sprintf("line %d %q implies %d", e.Line, e.Text, e.Implies)
			switch {
			case seen[o]:
			case len(others) == maxAgainst:
				more++
			default:
				others = append(others, o)
			}
			seen[o] = true
		}
		if more > 0 {
			others = append(others, fmt.Sprintf("%d more", more))
		}
		if warn && len(others) > 0 {
			warns = append(warns, Warning{Source: r.Source.Name, Line: r.firstLine(), Rule: "year-conflict",
				Message: fmt.Sprintf("report %s: evidence conflicts; %d has the most weight (%d of %d), against %s",
					r.ID, best, bestW, total, strings.Join(others, "; "))})
		}
	}
	for _, r := range reports {
		decide(r, false)
	}
	// Local congress sessions: one report's session relative to another's,
	// within the same term, gives a year once the other's is known. A
	// passage counts only when every other report of the term places it
	// in the same year: when they disagree, the session it names is not
	// the one whose targets it reviews (a review of five years names the
	// first session of the term).
	for _, r := range reports {
		for _, s := range sessions[r] {
			var placed []Evidence
			for _, o := range reports {
				if o == r || o.YearFrom == "" || o.YearFrom == "session" {
					continue
				}
				for _, t := range sessions[o] {
					if t.body != s.body || t.term != s.term {
						continue
					}
					y := o.Year + s.session - t.session
					e := s.ev
					e.Implies = y
					e.Reason = fmt.Sprintf("reviews the targets of session %d of %s term %d; %s reviews those of session %d and was delivered %d",
						s.session, s.body, s.term, o.ID, t.session, o.Year)
					placed = append(placed, e)
				}
			}
			if !slices.ContainsFunc(placed, func(e Evidence) bool { return e.Implies != placed[0].Implies }) {
				r.Evidence = append(r.Evidence, placed...)
			}
		}
	}
	for _, r := range reports {
		r.Year, r.YearFrom = 0, ""
		decide(r, true)
		if r.YearFrom == "evidence" && !slices.ContainsFunc(r.Evidence, func(e Evidence) bool { return e.Kind != "file" }) {
			warns = append(warns, Warning{Source: r.Source.Name, Line: r.firstLine(),
				Message: fmt.Sprintf("report %s: nothing in the text says its year; %d is taken from its file name — state it with --year %s=YYYY or a manifest if that is wrong", r.ID, r.Year, r.ID)})
		}
		if r.YearFrom == "" {
			warns = append(warns, Warning{Source: r.Source.Name, Line: r.firstLine(), Rule: "year-unknown",
				Message: fmt.Sprintf("report %s: no evidence of its year (no dates, anniversaries, plan years or congress sessions); ordered as in the file — state it with --year %s=YYYY or a manifest", r.ID, r.ID)})
		}
		sort.SliceStable(r.Evidence, func(i, j int) bool { return r.Evidence[i].Line < r.Evidence[j].Line })
		if r.Year > 0 {
			r.ReviewYear = r.Year - 1
		}
	}
	seen := map[int]*Report{}
	for _, r := range reports {
		if o, ok := seen[r.Year]; ok && r.Year > 0 {
			warns = append(warns, Warning{Source: r.Source.Name, Line: r.firstLine(), Rule: "year-duplicate",
				Message: fmt.Sprintf("reports %s and %s are both dated %d; name them by id", o.ID, r.ID, r.Year)})
		}
		seen[r.Year] = r
	}
	return warns
}

// metaLine returns the line of the report's front matter, or 0.
func (r *Report) metaLine() int {
	for _, f := range r.Furniture {
		if f.Kind == FurnMeta {
			return f.Line
		}
	}
	return 0
}

func (r *Report) firstLine() int {
	if r.Marker != nil {
		return r.Marker.Line
	}
	if len(r.Units) > 0 {
		return r.Units[0].Line
	}
	return 1
}
