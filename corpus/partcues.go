package corpus

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// Many reports do not name their parts: 一、同心协力，全省发展取得新成绩
// opens the review, 二、乘势而上，开创现代化建设新局面 the outline of the next
// five years, 三、实干争先，开好新一年的局 the plan. When the headings leave a report without
// a review or a plan, inferParts reads each top-level section's part from
// evidence in its heading and opening paragraphs, weighed by the cues of
// data/partcues.tsv:
//   - time: which stretch the section speaks of (过去一年, 五年来 and the
//     reviewed year → review; 今年, 新的一年 and the year of work → plan;
//     今后五年 → outline);
//   - aspect and mood: results stated as done (取得, 成就, 了, figures
//     against last year) → review; intentions and tasks (要, 将, 力争,
//     主要预期目标) → plan;
//   - order: a review comes before the plan, an outline between them, and
//     nothing turns back into a review once the plan began, so a closing
//     section on the government's own conduct stays in the plan.
//
// A heading that names its part keeps it. A part starts only at a section
// with strong evidence for it; a section with weak evidence stays in the part
// before it, so a report that has no review (a policy address, an abridged
// text) gets none.

//go:embed data/partcues.tsv
var partCueData string

// cueKind says what a cue speaks for.
type cueKind int

const (
	cuePast    cueKind = iota // the stretch reviewed, results stated as done
	cueNow                    // the current year: of work, or reviewed in a report delivered late in it
	cueYear                   // the year of work
	cueAhead                  // the next five years
	cueWill                   // intentions and tasks
	cueTargets                // the hallmarks of a year's plan
	cueConduct                // the government's own conduct
)

// cuePlace says where in a section a cue counts.
type cuePlace int

const (
	inHeading cuePlace = iota
	inLead
	inOpener
	inBody
)

type partCue struct {
	kind   cueKind
	place  cuePlace
	weight int
	words  string
}

// partCues returns the cues of data/partcues.tsv, read on first use (see
// Warm).
var partCues = sync.OnceValue(func() []partCue {
	kinds := map[string]cueKind{"past": cuePast, "now": cueNow, "year": cueYear, "ahead": cueAhead, "will": cueWill,
		"targets": cueTargets, "conduct": cueConduct}
	places := map[string]cuePlace{"heading": inHeading, "lead": inLead, "opener": inOpener, "body": inBody}
	cues := make([]partCue, 0, strings.Count(partCueData, "\n")+1)
	for _, l := range strings.Split(partCueData, "\n") {
		if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
			continue
		}
		if strings.Count(l, "\t") != 3 {
			panic("corpus: bad line in data/partcues.tsv: " + l)
		}
		var f [4]string // cut in place: this runs at every start
		f[0], f[3], _ = strings.Cut(l, "\t")
		f[1], f[3], _ = strings.Cut(f[3], "\t")
		f[2], f[3], _ = strings.Cut(f[3], "\t")
		kind, okKind := kinds[f[0]]
		place, okPlace := places[f[1]]
		w, err := strconv.Atoi(f[2])
		if !okKind || !okPlace || err != nil || w <= 0 || f[3] == "" {
			panic("corpus: bad line in data/partcues.tsv: " + l)
		}
		cues = append(cues, partCue{kind: kind, place: place, weight: w, words: f[3]})
	}
	return cues
})

// Thresholds of the evidence, in cue weights.
const (
	leadRunes   = 12 // how far into an opening paragraph a lead cue counts
	openingMax  = 4  // how many opening paragraphs a section's evidence reads
	bodyCap     = 4  // the most the body's cues give one side
	strongScore = 3  // the least evidence that decides a section
	strongLead  = 2  // by which it must beat the other side
	namedScore  = 2  // the least a heading or the leads say to name a time
)

// kindRank orders the parts of a report.
var kindRank = map[PartKind]int{Preamble: 0, Review: 1, Outline: 2, Plan: 3}

var rankKind = [...]PartKind{Preamble, Review, Outline, Plan}

// ahead is the verdict of a section that speaks of what is to be done with
// no word of when: the plan after a review, the outline after an outline.
const ahead = -1

// sectionEvidence is what a top-level section says of its part.
type sectionEvidence struct {
	past, future int // what speaks for the stretch reviewed, and for what is to be done
	pastNamed    int // what the heading and leads say of the stretch reviewed
	pastHeading  int // what the heading says of it
	pastBody     int // what the body says of it (results stated as done), and of what is to be done
	futureBody   int
	year, five   int // what the heading and leads say of the year of work, and of the next five years
	yearHeading  int // what the heading says of the year of work
	yearFirst    int // what the heading and the first paragraph's lead say of it
	targets      bool
	conduct      bool // the heading speaks of the government's own conduct
}

// verdict returns the rank of the part the evidence tells (ahead when it
// tells what is to be done but not when), and by how much; 0 when it is
// weak. A review must be named by the heading or a lead, not by the body
// alone, and a lead alone (过去一年，… opening a preface) names it only
// when the body reads as one too: results stated as done, more than
// intentions.
func (e sectionEvidence) verdict() (rank, margin int) {
	switch {
	case e.past >= strongScore && e.past-e.future >= strongLead && e.pastNamed >= namedScore &&
		(e.pastHeading >= namedScore || e.pastBody >= namedScore && e.pastBody > e.futureBody):
		return kindRank[Review], e.past - e.future
	case e.future >= strongScore && e.future-e.past >= strongLead:
		m := e.future - e.past
		switch {
		case e.year > e.five || e.targets && e.five == 0:
			return kindRank[Plan], m
		case e.five > e.year:
			return kindRank[Outline], m
		}
		return ahead, m
	}
	return 0, 0
}

// inferParts gives parts to the top-level sections of a report whose
// headings leave it without a review or a plan; parts holds the parts the
// headings name, by block index, and gets the inferred ones.
func inferParts(blocks []*block, parts map[int]PartKind) {
	if hasKind(parts, Review) && hasKind(parts, Plan) {
		return
	}
	top := topSections(blocks, parts)
	if len(top) < 2 {
		return
	}
	year, late := workYear(blocks, top[0])
	ops := make([]sectionOpening, len(top))
	leads := make([]int, len(top))
	for i, at := range top {
		ops[i] = openingOf(blocks, at)
		leads[i] = ops[i].year
	}
	if year == 0 {
		year = yearFromLeads(leads)
	}
	evs := make([]sectionEvidence, len(top))
	for i, at := range top {
		if _, fixed := parts[at]; !fixed {
			evs[i] = evidenceOf(blocks, at, year, late, ops[i])
		}
	}
	for i, k := range bestKinds(top, parts, evs) {
		if _, fixed := parts[top[i]]; !fixed && k != "" {
			parts[top[i]] = k
		}
	}
}

// topSections returns the block indexes of a report's top-level headings,
// those that may open parts, up to its appendices: its 一、 headings when
// they number its top level (one run 一、二、三 … that does not start again,
// no 第N部分 heading, no unnumbered part heading before it), with the
// unnumbered part headings inside the run; else, from its first unnumbered
// part heading on, its part headings and the headings in bold or opened by #
// that stand alone like them. nil when there are none.
func topSections(blocks []*block, parts map[int]PartKind) []int {
	if top, ok := dunRun(blocks, parts); ok {
		return top
	}
	var top []int
	for i, bl := range blocks {
		_, isPart := parts[i]
		switch {
		case bl.kind != bHeading || bl.marker == markPart:
			continue
		case appendix(bl.text):
			return top
		case isPart && bl.marker == markNone,
			len(top) > 0 && bl.strong && bl.marker == markNone && bl.bare == 0 && !runesOver(bl.text, 40) && headingCandidate(bl.text):
			top = append(top, i)
		}
	}
	return top
}

// dunRun returns the 一、 headings of a report that number its top level,
// with the unnumbered part headings among them; ok is false when they do
// not.
func dunRun(blocks []*block, parts map[int]PartKind) (top []int, ok bool) {
	last := 0
	for i, bl := range blocks {
		if bl.kind != bHeading {
			continue
		}
		_, isPart := parts[i]
		switch {
		case bl.marker == markPart:
			return nil, false
		case appendix(bl.text):
			return top, last > 0
		case bl.marker == markDun:
			if bl.number <= last || last == 0 && bl.number != 1 {
				return nil, false
			}
			last = bl.number
			top = append(top, i)
		case isPart && last == 0:
			return nil, false
		case isPart:
			top = append(top, i)
		}
	}
	return top, last > 0
}

// appendix reports whether a heading opens what follows a report's text:
// 附件, 附录, 名词解释.
func appendix(heading string) bool {
	f := hanzi.Fold(heading)
	for _, w := range []string{"附件", "附录", "名词解释", "注释"} {
		if strings.HasPrefix(f, w) {
			return true
		}
	}
	return false
}

// openings returns the opening paragraphs of the section whose heading is
// block at: those before its first heading, or failing those the first two
// after it, at most openingMax.
func openings(blocks []*block, at int) []string {
	var out []string
	limit := openingMax
	for _, bl := range blocks[at+1:] {
		if bl.kind == bHeading && bl.marker == markDun || len(out) == limit {
			break
		}
		if bl.kind == bHeading {
			if len(out) > 0 {
				break
			}
			limit = 2
			continue
		}
		if bl.kind == bParagraph {
			out = append(out, bl.text)
		}
	}
	return out
}

var (
	reLeadYear  = reading.New(`^(?:刚刚过去的|过去的)?` + yearRe + `年`)
	reLeadNoise = reading.New(`^各位代表[！!，,：:]?|[\s　，,、：:；;“”「」『』"'《》（）()—－-]`)
)

// leadOf returns the first characters of a paragraph, folded, with the
// salutation, punctuation and quotes taken out: 过去五年，… → 过去五年….
func leadOf(text string) string {
	f := reLeadNoise.ReplaceAllString(hanzi.Fold(firstRunes(text, 3*leadRunes)), "")
	return firstRunes(f, leadRunes)
}

// sectionOpening is what the opening paragraphs of a section say first.
type sectionOpening struct {
	paras []string // the opening paragraphs (openings)
	leads []string // the lead of each (leadOf)
	// year opens the first paragraph to open with one (2030年，全省… ;
	// 刚刚过去的2030年), or is 0; firstYear is the year the first paragraph
	// opens with, or 0.
	year, firstYear int
}

// openingOf reads the opening paragraphs of the section that block at opens.
func openingOf(blocks []*block, at int) sectionOpening {
	o := sectionOpening{paras: openings(blocks, at)}
	for i, p := range o.paras {
		l := leadOf(p)
		o.leads = append(o.leads, l)
		if m := reLeadYear.FindStringSubmatch(l); m != nil && o.year == 0 {
			o.year = yearOf(m[1])
			if i == 0 {
				o.firstYear = o.year
			}
		}
	}
	return o
}

// yearFromLeads returns the year of work told by the years that open the
// sections when nothing else tells it: exactly two years, consecutive, the
// later one.
func yearFromLeads(leads []int) int {
	var ys []int
	for _, y := range leads {
		if y > 0 && !slices.Contains(ys, y) {
			ys = append(ys, y)
		}
	}
	if len(ys) == 2 && (ys[1]-ys[0] == 1 || ys[0]-ys[1] == 1) {
		return max(ys[0], ys[1])
	}
	return 0
}

// workYear returns the year of work a report's opening says, from its
// dateline (——2031年1月12日在…会议上) or title line (2031年政府工作报告),
// read in the blocks before block end; late is set when it was delivered in
// November or December, for the next year.
func workYear(blocks []*block, end int) (year int, late bool) {
	for _, bl := range blocks[:end] {
		f, _ := squeeze(hanzi.Fold(bl.text), nil)
		if m := reDate.FindStringSubmatch(f); m != nil && (isDateline(f) || !runesOver(f, 40)) {
			y, month := yearOf(m[1]), numberOf(m[2])
			if month >= 11 {
				return y + 1, true
			}
			return y, false
		}
		if m := reTitleYear.FindStringSubmatch(f); m != nil && !runesOver(f, 40) {
			year = yearOf(m[1])
		}
	}
	return year, false
}

// evidenceOf weighs what the heading at block at and its opening paragraphs
// say of their part; year is the year of work (0 when unknown), late is set
// when the report was delivered late in the year before it, lead is the year
// that opens the section.
func evidenceOf(blocks []*block, at, year int, late bool, op sectionOpening) sectionEvidence {
	var e sectionEvidence
	var body [2]int // past, future
	add := func(kind cueKind, w int, place cuePlace, first bool) {
		if kind == cueNow {
			kind = cueYear
			if late {
				kind = cuePast
			}
		}
		named := place == inHeading || place == inLead
		switch kind {
		case cuePast:
			if named {
				e.past += w
				e.pastNamed += w
				if place == inHeading {
					e.pastHeading += w
				}
			} else {
				body[0] += w
			}
		case cueYear, cueAhead:
			e.future += w
			if kind == cueAhead {
				e.five += w
			} else {
				e.year += w
				if place == inHeading {
					e.yearHeading += w
				}
				if place == inHeading || first {
					e.yearFirst += w
				}
			}
		case cueTargets:
			e.targets = true
			e.future += w
		case cueWill, cueConduct:
			e.conduct = e.conduct || kind == cueConduct
			if named {
				e.future += w
			} else {
				body[1] += w
			}
		}
	}
	heading := hanzi.Fold(blocks[at].text)
	paras, leads := op.paras, op.leads
	text := hanzi.Fold(strings.Join(paras, "\n"))
	openers := sentenceOpeners(text)
	for _, c := range partCues() {
		switch c.place {
		case inHeading:
			if strings.Contains(heading, c.words) {
				add(c.kind, c.weight, inHeading, false)
			}
		case inLead:
			for i, l := range leads {
				if strings.Contains(l, c.words) {
					add(c.kind, c.weight, inLead, i == 0)
					break
				}
			}
		case inOpener:
			for _, o := range openers {
				if strings.HasPrefix(o, c.words) {
					add(c.kind, c.weight, inOpener, false)
				}
			}
		case inBody:
			if n := strings.Count(text, c.words); n > 0 {
				if c.kind == cueTargets {
					n = 1
				}
				add(c.kind, c.weight*n, inBody, false)
			}
		}
	}
	body[0] += doneCount(text)/3 + outcomeCount(text)/2
	e.pastBody, e.futureBody = min(body[0], bodyCap), min(body[1], bodyCap)
	e.past += e.pastBody
	e.future += e.futureBody
	if year > 0 {
		// The year that opens the section, and the years its heading names.
		switch op.year {
		case year - 1:
			add(cuePast, 3, inLead, false)
		case year:
			add(cueYear, 3, inLead, op.firstYear == year)
		}
		hf, _ := squeeze(hanzi.Fold(blocks[at].text), nil)
		years := map[int]bool{}
		for _, m := range reYear.FindAllStringSubmatch(hf, -1) {
			years[yearOf(m[1])] = true
		}
		if years[year-1] {
			add(cuePast, 3, inHeading, false)
		}
		if years[year] {
			add(cueYear, 3, inHeading, false)
		}
	}
	return e
}

// sentenceOpeners returns the start of every sentence and clause after a
// semicolon of folded text, leading dashes and spaces taken out.
func sentenceOpeners(f string) []string {
	parts := strings.FieldsFunc(f, func(r rune) bool {
		switch r {
		case '。', '！', '？', '；', '!', '?', ';', '\n':
			return true
		}
		return false
	})
	var out []string
	for _, p := range parts {
		if p = strings.TrimLeft(p, "—－- \t　”’」"); p != "" {
			out = append(out, firstRunes(p, 4))
		}
	}
	return out
}

// reOutcome matches a figure of an outcome: a change or an attainment and
// its figure, not followed by 左右, 以上, 以内, as targets are.
var reOutcome = reading.New(`(?:增长|下降|提高|降低|达到|完成|实现|突破|超过|新增|累计)[^，,。；;]{0,8}?` +
	reFigure.String() + `(左右|以上|以内|以下)?`)

// outcomeCount counts the figures of outcomes in folded text.
func outcomeCount(f string) int {
	n := 0
	for _, m := range reOutcome.FindAllStringSubmatch(f, -1) {
		if m[1] == "" {
			n++
		}
	}
	return n
}

// doneCount counts the aspect particle 了 of actions done, leaving out the
// words it only spells (为了, 除了, 了解).
func doneCount(f string) int {
	n := strings.Count(f, "了")
	for _, w := range []string{"为了", "除了", "了解", "不了", "了不起"} {
		n -= strings.Count(f, w)
	}
	return max(n, 0)
}

// bestKinds chooses the part of every top-level section: the kinds the
// headings name where they do, and elsewhere the order of kinds (preamble,
// review, outline, plan; never back) that agrees best with the evidence. A
// part starts only at a section whose verdict is its kind, or that tells
// what is to be done right after a review (a plan), never at one on the
// government's own conduct. A plan with nothing before it starts only where
// the heading names the year of work, one after an outline (whose five-year
// tasks may speak of this year) where the heading or the first paragraph
// does; either also where the section sets the year's targets. It returns
// the kind of each section that starts a part, "" for those that go on with
// the part before them.
func bestKinds(top []int, parts map[int]PartKind, evs []sectionEvidence) []PartKind {
	const none = -1 << 30
	n := len(top)
	// best[i][r] is the best agreement of the sections before i when the
	// part running into section i has rank r; from and starts say how it
	// was reached.
	best := make([][4]int, n+1)
	from := make([][4]int, n+1)
	starts := make([][4]bool, n+1)
	for i := range best {
		best[i] = [4]int{none, none, none, none}
	}
	best[0][0] = 0
	fixedRank := 0
	for i, at := range top {
		kind, fixed := parts[at]
		verdict, margin := evs[i].verdict()
		agrees := func(r int) int {
			if verdict == r && r > 0 || verdict == ahead && r >= kindRank[Outline] {
				return margin
			}
			return 0
		}
		for r := 0; r < 4; r++ {
			if best[i][r] == none {
				continue
			}
			try := func(next, gain int, start bool) {
				if v := best[i][r] + gain; v > best[i+1][next] {
					best[i+1][next], from[i+1][next], starts[i+1][next] = v, r, start
				}
			}
			if fixed {
				// A named part is never preceded by an inferred part of a
				// later kind.
				if f := kindRank[kind]; r <= f || r == fixedRank {
					try(f, 0, false)
				}
				continue
			}
			try(r, agrees(r), false)
			for k := r + 1; k < 4 && !evs[i].conduct; k++ {
				ok := verdict == k || verdict == ahead && k == kindRank[Plan] && r == kindRank[Review]
				switch {
				case k != kindRank[Plan] || evs[i].targets:
				case r == kindRank[Preamble]:
					ok = ok && evs[i].yearHeading >= namedScore
				case r == kindRank[Outline]:
					ok = ok && evs[i].yearFirst >= namedScore
				}
				if ok {
					try(k, margin, true)
				}
			}
		}
		if fixed {
			fixedRank = kindRank[kind]
		}
	}
	end := 0
	for r := range best[n] {
		if best[n][r] > best[n][end] {
			end = r
		}
	}
	kinds := make([]PartKind, n)
	for i := n; i > 0; i-- {
		if starts[i][end] {
			kinds[i-1] = rankKind[end]
		}
		end = from[i][end]
	}
	return kinds
}
