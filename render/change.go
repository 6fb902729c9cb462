package render

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/fatih/color"

	"github.com/reportdiff/reportdiff/change"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// ShareJSON is a theme's share of one part of one report.
type ShareJSON struct {
	Government string   `json:"government"`
	Report     string   `json:"report"`
	Year       int      `json:"year"`
	Part       string   `json:"part"`
	Share      float64  `json:"share"`
	Rank       int      `json:"rank"`
	Change     *float64 `json:"change"` // percentage points against the previous report; null for the first
}

// ThemeSharesJSON is one theme through the reports.
type ThemeSharesJSON struct {
	Theme  string      `json:"theme"`
	Shares []ShareJSON `json:"shares"`
}

// TermJSON is a word that rose or fell.
type TermJSON struct {
	Government string  `json:"government"`
	Term       string  `json:"term"`
	From       string  `json:"from"`
	To         string  `json:"to"`
	CountFrom  int     `json:"count_from"`
	CountTo    int     `json:"count_to"`
	G2         float64 `json:"g2"`
	Rising     bool    `json:"rising"`
	New        bool    `json:"new"`
	Vanished   bool    `json:"vanished"`
}

// PrioritiesJSON is the document `reportdiff priorities --format json` writes.
type PrioritiesJSON struct {
	Themes []ThemeSharesJSON `json:"themes"`
	Terms  []TermJSON        `json:"terms"`
}

// PrioritiesJSONOf builds the JSON document of priorities.
func PrioritiesJSONOf(p *change.Priorities) PrioritiesJSON {
	doc := PrioritiesJSON{Themes: []ThemeSharesJSON{}, Terms: []TermJSON{}}
	for _, t := range p.Themes {
		ts := ThemeSharesJSON{Theme: t, Shares: []ShareJSON{}}
		for _, s := range p.Shares {
			if s.Theme != t {
				continue
			}
			sj := ShareJSON{Government: s.Report.Government, Report: s.Report.ID, Year: s.Report.Year, Part: string(s.Part), Share: round4(s.Share), Rank: s.Rank}
			if s.HasPrev {
				c := round4(s.Change)
				sj.Change = &c
			}
			ts.Shares = append(ts.Shares, sj)
		}
		doc.Themes = append(doc.Themes, ts)
	}
	for _, t := range p.Terms {
		doc.Terms = append(doc.Terms, TermJSON{Government: t.From.Government, Term: t.Term, From: t.From.ID, To: t.To.ID, CountFrom: t.CountFrom, CountTo: t.CountTo,
			G2: t.G2, Rising: t.Rising, New: t.New, Vanished: t.Vanished})
	}
	return doc
}

func round4(x float64) float64 { return math.Round(x*10000) / 10000 }

// ShareRow is a row of the shares table: a theme's share of one part of
// one report.
type ShareRow struct {
	Government string   `parquet:"government"`
	Theme      string   `parquet:"theme"`
	Report     string   `parquet:"report"`
	Year       int      `parquet:"year"`
	Part       string   `parquet:"part"`
	Share      float64  `parquet:"share"`
	Rank       int      `parquet:"rank"`
	Change     *float64 `parquet:"change,optional" na:"NA"` // percentage points against the previous report; NA for the first
}

// TermRow is a row of the terms table: a word that rose or fell between
// two reports of one government.
type TermRow struct {
	Government string  `parquet:"government"`
	Term       string  `parquet:"term"`
	From       string  `parquet:"from"`
	To         string  `parquet:"to"`
	CountFrom  int     `parquet:"count_from"`
	CountTo    int     `parquet:"count_to"`
	G2         float64 `parquet:"g2"`
	Rising     bool    `parquet:"rising"`
	New        bool    `parquet:"new"`
	Vanished   bool    `parquet:"vanished"`
}

// ShareRows returns the rows of the shares table, theme by theme.
func ShareRows(doc PrioritiesJSON) []ShareRow {
	var rows []ShareRow
	for _, th := range doc.Themes {
		for _, s := range th.Shares {
			rows = append(rows, ShareRow{Government: s.Government, Theme: th.Theme, Report: s.Report, Year: s.Year, Part: s.Part,
				Share: s.Share, Rank: s.Rank, Change: s.Change})
		}
	}
	return rows
}

// TermRows returns the rows of the terms table.
func TermRows(doc PrioritiesJSON) []TermRow {
	var rows []TermRow
	for _, t := range doc.Terms {
		rows = append(rows, TermRow{Government: t.Government, Term: t.Term, From: t.From, To: t.To, CountFrom: t.CountFrom,
			CountTo: t.CountTo, G2: t.G2, Rising: t.Rising, New: t.New, Vanished: t.Vanished})
	}
	return rows
}

// PrioritiesCSV writes one table for R or pandas: the shares (table
// "shares") or the words (table "terms").
func PrioritiesCSV(w io.Writer, p *change.Priorities, table string) error {
	doc := PrioritiesJSONOf(p)
	if table == "terms" {
		return writeTable(w, TermRows(doc))
	}
	return writeTable(w, ShareRows(doc))
}

// writeTable writes rows as one CSV table.
func writeTable[R any](w io.Writer, rows []R) error {
	t, err := NewCSVTable[R](w)
	if err != nil {
		return err
	}
	if err := t.Write(rows); err != nil {
		return err
	}
	return t.Close()
}

func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

var blocks = []rune(" ▏▎▍▌▋▊▉█")
var sparks = []rune("▁▂▃▄▅▆▇█")

// bar draws x of max in width cells, eighths included.
func bar(x, max float64, width int) string {
	if max <= 0 {
		return strings.Repeat(" ", width)
	}
	eighths := int(math.Round(x / max * float64(width*8)))
	var b strings.Builder
	for i := 0; i < width; i++ {
		n := min(8, max0(eighths-i*8))
		b.WriteRune(blocks[n])
	}
	return b.String()
}

func max0(n int) int {
	if n < 0 {
		return 0
	}
	return n
}

// sparkline draws a series between its own least and greatest values.
func sparkline(xs []float64) string {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	var b strings.Builder
	for _, x := range xs {
		i := 0
		if hi > lo {
			i = int(math.Round((x - lo) / (hi - lo) * float64(len(sparks)-1)))
		}
		b.WriteRune(sparks[i])
	}
	return b.String()
}

// Priorities writes, for the review and for the plan parts, a table of the
// share of each theme in each report, with bars, ranks and changes in
// percentage points and a sparkline across the years; then the order in
// which themes lead each report, and the words that rose and fell.
func Priorities(w io.Writer, p *change.Priorities, reports []*corpus.Report, st Style) error {
	bold := st.paint(color.Bold)
	dim := st.paint(dimAttr...)
	up := st.paint(color.FgGreen)
	down := st.paint(color.FgRed)
	var b strings.Builder
	share := map[string]change.Share{}
	key := func(t string, r *corpus.Report, part corpus.PartKind) string {
		return t + "|" + r.ID + "|" + string(part)
	}
	for _, s := range p.Shares {
		share[key(s.Theme, s.Report, s.Part)] = s
	}
	const nameW, barW = 12, 8
	const cellW = barW + 1 + 6 + 4 + 1 + 5 + 2 // bar, share, rank, change, gap
	for _, part := range p.Parts {
		fmt.Fprintf(&b, "%s %s\n", bold(string(part)), dim("share of the part's characters by theme, rank, change in points"))
		b.WriteString(strings.Repeat(" ", nameW))
		for _, r := range reports {
			b.WriteString(hanzi.PadRight(r.Name(), cellW))
		}
		b.WriteString("trend\n")
		maxShare := 0.0
		for _, s := range p.Shares {
			if s.Part == part {
				maxShare = math.Max(maxShare, s.Share)
			}
		}
		for _, t := range p.Themes {
			var series []float64
			var row strings.Builder
			for _, r := range reports {
				s, ok := share[key(t, r, part)]
				if !ok {
					row.WriteString(hanzi.PadRight("—", cellW))
					continue
				}
				series = append(series, s.Share)
				delta := strings.Repeat(" ", 5)
				if s.HasPrev {
					delta = fmt.Sprintf("%+5.1f", s.Change)
					switch {
					case s.Change >= 0.05:
						delta = up(delta)
					case s.Change <= -0.05:
						delta = down(delta)
					}
				}
				fmt.Fprintf(&row, "%s %5.1f%% #%-2d %s  ", bar(s.Share, maxShare, barW), s.Share*100, s.Rank, delta)
			}
			if len(series) == 0 {
				continue
			}
			fmt.Fprintf(&b, "%s%s%s\n", hanzi.PadRight(t, nameW), row.String(), sparkline(series))
		}
		for _, r := range reports {
			var ranked []change.Share
			for _, s := range p.Shares {
				if s.Report == r && s.Part == part {
					ranked = append(ranked, s)
				}
			}
			if len(ranked) == 0 {
				continue
			}
			sort.Slice(ranked, func(i, j int) bool { return ranked[i].Rank < ranked[j].Rank })
			var lead []string
			for _, s := range ranked[:min(5, len(ranked))] {
				lead = append(lead, s.Theme)
			}
			fmt.Fprintf(&b, "  %s %s: %s\n", dim("leading"), r.Name(), strings.Join(lead, " > "))
		}
		b.WriteString("\n")
	}
	var pair string
	for _, t := range p.Terms {
		if p := t.From.Name() + " → " + t.To.Name(); p != pair {
			pair = p
			fmt.Fprintf(&b, "%s %s\n", bold("words "+pair), dim("log-likelihood G², counts in each year"))
		}
		mark := down("fell")
		if t.Rising {
			mark = up("rose")
		}
		switch {
		case t.New:
			mark = up("new ")
		case t.Vanished:
			mark = down("gone")
		}
		fmt.Fprintf(&b, "  %s %s %7.2f  %d → %d\n", mark, hanzi.PadRight(t.Term, 12), t.G2, t.CountFrom, t.CountTo)
	}
	return writeText(w, b.String())
}

// QuoteJSON is a passage of a report: where it stands and its words.
type QuoteJSON struct {
	Report string `json:"report"`
	Year   int    `json:"year"`
	Part   string `json:"part"`
	Unit   string `json:"unit"`
	Line   int    `json:"line"`
	Text   string `json:"text"`
}

func quoteOf(u *corpus.Unit, line int, text string) QuoteJSON {
	return QuoteJSON{Report: u.Report.ID, Year: u.Report.Year, Part: string(u.PartKind()), Unit: u.ID, Line: line, Text: text}
}

// MentionJSON is a mention of a commitment.
type MentionJSON struct {
	QuoteJSON
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// CommitmentJSON is a commitment and its mentions.
type CommitmentJSON struct {
	Government string        `json:"government"`
	Key        string        `json:"key"`
	Label      string        `json:"label"`
	Theme      string        `json:"theme"`
	Status     string        `json:"status"`
	Reason     string        `json:"reason,omitempty"`
	Mentions   []MentionJSON `json:"mentions"`
}

// CommitmentsJSON is the document `reportdiff commitments --format json` writes.
type CommitmentsJSON struct {
	Commitments []CommitmentJSON `json:"commitments"`
}

// CommitmentsJSONOf builds the JSON document of commitments.
func CommitmentsJSONOf(cs []change.Commitment) CommitmentsJSON {
	doc := CommitmentsJSON{Commitments: []CommitmentJSON{}}
	for _, c := range cs {
		gov := ""
		if len(c.Mentions) > 0 {
			gov = c.Mentions[0].Unit.Report.Government
		}
		cj := CommitmentJSON{Government: gov, Key: c.Key, Label: c.Label, Theme: c.Theme, Status: c.Status, Reason: c.Reason, Mentions: []MentionJSON{}}
		for _, m := range c.Mentions {
			cj.Mentions = append(cj.Mentions, MentionJSON{QuoteJSON: quoteOf(m.Unit, m.Line, m.Text), Status: m.Status, Reason: m.Reason})
		}
		doc.Commitments = append(doc.Commitments, cj)
	}
	return doc
}

func statusPainter(st Style) func(status string) string {
	colors := map[string]func(string) string{
		change.Achieved: st.paint(color.FgGreen), change.Partial: st.paint(color.FgYellow), change.Missed: st.paint(color.FgRed),
		change.Repeated: st.paint(color.FgCyan), change.Unreported: st.paint(color.FgMagenta), change.Open: st.paint(dimAttr...),
	}
	return func(s string) string {
		if f, ok := colors[s]; ok {
			return f(s)
		}
		return s
	}
}

// Commitments writes one block per commitment: its label, theme and status,
// then a row per mention: year, part, status and the quote, shortened to fit.
func Commitments(w io.Writer, cs []change.Commitment, st Style) error {
	bold := st.paint(color.Bold)
	dim := st.paint(dimAttr...)
	paint := statusPainter(st)
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "%s  %s %s\n", bold(c.Label), paint(c.Status), dim(c.Theme))
		if c.Reason != "" {
			fmt.Fprintf(&b, "  %s %s\n", dim("reason:"), c.Reason)
		}
		for _, m := range c.Mentions {
			prefix := fmt.Sprintf("  %-4s %-7s %-6s ", m.Unit.Report.Name(), m.Unit.PartKind(), m.Unit.ID)
			status := hanzi.PadRight(m.Status, 11)
			room := st.width() - hanzi.Width(prefix) - 11 - 8
			fmt.Fprintf(&b, "%s%s%s %s\n", dim(prefix), paint(status), hanzi.Truncate(m.Text, max(room, 10)), dim(fmt.Sprintf("line %d", m.Line)))
		}
		b.WriteString("\n")
	}
	return writeText(w, b.String())
}

// CommitmentRow is a row of the commitments table: one mention of a
// commitment, with the commitment's key, label, theme, status and reason.
type CommitmentRow struct {
	Government    string `parquet:"government"`
	Key           string `parquet:"key"`
	Label         string `parquet:"label"`
	Theme         string `parquet:"theme"`
	Status        string `parquet:"status"`
	Reason        string `parquet:"reason"`
	Report        string `parquet:"report"`
	Year          int    `parquet:"year"`
	Part          string `parquet:"part"`
	Unit          string `parquet:"unit"`
	Line          int    `parquet:"line"`
	Text          string `parquet:"text"`
	MentionStatus string `parquet:"mention_status"`
	MentionReason string `parquet:"mention_reason"`
}

// CommitmentRows returns a row per mention of each commitment.
func CommitmentRows(doc CommitmentsJSON) []CommitmentRow {
	var rows []CommitmentRow
	for _, c := range doc.Commitments {
		for _, m := range c.Mentions {
			rows = append(rows, CommitmentRow{Government: c.Government, Key: c.Key, Label: c.Label, Theme: c.Theme, Status: c.Status,
				Reason: c.Reason, Report: m.Report, Year: m.Year, Part: m.Part, Unit: m.Unit, Line: m.Line, Text: m.Text,
				MentionStatus: m.Status, MentionReason: m.Reason})
		}
	}
	return rows
}

// CommitmentsCSV writes one row per mention of a commitment (CommitmentRow).
func CommitmentsCSV(w io.Writer, cs []change.Commitment) error {
	return writeTable(w, CommitmentRows(CommitmentsJSONOf(cs)))
}

// ExplanationJSON says what became of a clause that holds a phrase.
type ExplanationJSON struct {
	QuoteJSON
	Notes []string `json:"notes"`
}

// ExplanationsJSON is the document `reportdiff commitments --explain PHRASE
// --format json` writes.
type ExplanationsJSON struct {
	Clauses []ExplanationJSON `json:"clauses"`
}

// ExplanationsJSONOf builds the JSON document of an explanation.
func ExplanationsJSONOf(vs []change.ClauseVerdict) ExplanationsJSON {
	doc := ExplanationsJSON{Clauses: []ExplanationJSON{}}
	for _, v := range vs {
		doc.Clauses = append(doc.Clauses, ExplanationJSON{QuoteJSON: quoteOf(v.Unit, v.Line, v.Text), Notes: v.Notes})
	}
	return doc
}

// Explanations writes, for each clause that holds a phrase, its report,
// part, unit and line, the clause, then a line per note: the promise read,
// each object and why it is or is not a commitment, the commitments it
// speaks of.
func Explanations(w io.Writer, vs []change.ClauseVerdict, st Style) error {
	dim := st.paint(dimAttr...)
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "%s %s\n", dim(fmt.Sprintf("%-4s %-7s %-6s line %d", v.Unit.Report.Name(), v.Unit.PartKind(), v.Unit.ID, v.Line)), v.Text)
		for _, n := range v.Notes {
			fmt.Fprintf(&b, "  %s\n", n)
		}
		b.WriteString("\n")
	}
	return writeText(w, b.String())
}

// ValueJSON is a figure of an indicator.
type ValueJSON struct {
	Year      int      `json:"year"`
	Kind      string   `json:"kind"`
	Value     *float64 `json:"value"` // null for a target in words
	Low       *float64 `json:"low"`
	High      *float64 `json:"high"`
	Qualifier string   `json:"qualifier"`
	Report    string   `json:"report"`
	Unit      string   `json:"unit"`
	Line      int      `json:"line"`
	Text      string   `json:"text"`
	From      *float64 `json:"from,omitempty"` // the level it changed from (由9.8%降至7.5%: 9.8), when the text gives one
}

// VerdictJSON says whether a year's target was met.
type VerdictJSON struct {
	Year    int    `json:"year"`
	Target  string `json:"target"`
	Outcome string `json:"outcome"`
	Verdict string `json:"verdict"`
	// OutcomeOf: the indicator the outcome is of, when another scope of the
	// same statistic (see change.Verdict.OutcomeOf).
	OutcomeOf string `json:"outcome_of,omitempty"`
}

// IndicatorJSON is an indicator through the years.
type IndicatorJSON struct {
	Government string        `json:"government"`
	Name       string        `json:"name"`
	Aliases    []string      `json:"aliases"`
	Measure    string        `json:"measure"`
	Headline   bool          `json:"headline"` // a target, or figures of more than one year
	Values     []ValueJSON   `json:"values"`
	Verdicts   []VerdictJSON `json:"verdicts"`
}

// TargetsJSON is the document `reportdiff targets --format json` writes.
type TargetsJSON struct {
	Indicators []IndicatorJSON `json:"indicators"`
}

// TargetsJSONOf builds the JSON document of the indicators.
func TargetsJSONOf(ins []change.Indicator) TargetsJSON {
	doc := TargetsJSON{Indicators: []IndicatorJSON{}}
	for _, in := range ins {
		gov := ""
		if len(in.Values) > 0 {
			gov = in.Values[0].Unit.Report.Government
		}
		ij := IndicatorJSON{Government: gov, Name: in.Name, Aliases: in.Aliases, Measure: in.Measure, Headline: in.Headline, Values: []ValueJSON{}, Verdicts: []VerdictJSON{}}
		for _, v := range in.Values {
			vj := ValueJSON{Year: v.Year, Kind: v.Kind, Qualifier: v.Qualifier, Report: v.Unit.Report.ID, Unit: v.Unit.ID, Line: v.Line, Text: v.Text}
			if v.Numeric {
				val, lo, hi := v.Value, v.Low, v.High
				vj.Value, vj.Low, vj.High = &val, &lo, &hi
			}
			if v.From != "" {
				from := v.FromValue
				vj.From = &from
			}
			ij.Values = append(ij.Values, vj)
		}
		for _, vd := range in.Verdicts {
			ij.Verdicts = append(ij.Verdicts, VerdictJSON{Year: vd.Year, Target: valueText(vd.Target), Outcome: valueText(vd.Outcome), Verdict: vd.Verdict, OutcomeOf: vd.OutcomeOf})
		}
		doc.Indicators = append(doc.Indicators, ij)
	}
	return doc
}

// TargetRow is a row of the targets table: one figure of an indicator,
// with the indicator's name, aliases (joined by ";"), measure and headline
// flag; a number the text does not give (a target in words) is null.
type TargetRow struct {
	Government string   `parquet:"government"`
	Name       string   `parquet:"name"`
	Aliases    string   `parquet:"aliases"`
	Measure    string   `parquet:"measure"`
	Headline   bool     `parquet:"headline"`
	Year       int      `parquet:"year"`
	Kind       string   `parquet:"kind"`
	Value      *float64 `parquet:"value,optional"`
	Low        *float64 `parquet:"low,optional"`
	High       *float64 `parquet:"high,optional"`
	Qualifier  string   `parquet:"qualifier"`
	Report     string   `parquet:"report"`
	Unit       string   `parquet:"unit"`
	Line       int      `parquet:"line"`
	Text       string   `parquet:"text"`
	From       *float64 `parquet:"from,optional"` // the level a change started from
}

// TargetRows returns a row per value of each indicator.
func TargetRows(doc TargetsJSON) []TargetRow {
	var rows []TargetRow
	for _, in := range doc.Indicators {
		for _, v := range in.Values {
			rows = append(rows, TargetRow{Government: in.Government, Name: in.Name, Aliases: strings.Join(in.Aliases, ";"), Measure: in.Measure,
				Headline: in.Headline, Year: v.Year, Kind: v.Kind, Value: v.Value, Low: v.Low, High: v.High, Qualifier: v.Qualifier,
				Report: v.Report, Unit: v.Unit, Line: v.Line, Text: v.Text, From: v.From})
		}
	}
	return rows
}

// TargetsCSV writes one row per value of an indicator (TargetRow).
func TargetsCSV(w io.Writer, ins []change.Indicator) error {
	return writeTable(w, TargetRows(TargetsJSONOf(ins)))
}

// valueText shows a value as its figure and qualifier words.
func valueText(v *change.Value) string {
	if v == nil {
		return ""
	}
	return v.Figure
}

// Targets writes a table per indicator: a row per year with the target
// beside the outcome and the verdict.
func Targets(w io.Writer, ins []change.Indicator, st Style) error {
	bold := st.paint(color.Bold)
	dim := st.paint(dimAttr...)
	paint := map[string]func(string) string{change.Met: st.paint(color.FgGreen), change.MissedGoal: st.paint(color.FgRed)}
	var b strings.Builder
	for _, in := range ins {
		fmt.Fprintf(&b, "%s %s\n", bold(in.Name), dim(fmt.Sprintf("(%s) as %s", in.Measure, strings.Join(in.Aliases, ", "))))
		for _, vd := range in.Verdicts {
			t, o := "—", "—"
			if vd.Target != nil {
				t = fmt.Sprintf("%s [%s]", valueText(vd.Target), vd.Target.Unit.ID)
			}
			if vd.Outcome != nil {
				o = fmt.Sprintf("%s [%s]", valueText(vd.Outcome), vd.Outcome.Unit.ID)
			}
			verdict := vd.Verdict
			if f, ok := paint[verdict]; ok {
				verdict = f(verdict)
			}
			if vd.OutcomeOf != "" {
				verdict += dim(" (outcome of " + vd.OutcomeOf + ")")
			}
			fmt.Fprintf(&b, "  %d  %s %s %s\n", vd.Year, hanzi.PadRight(hanzi.Truncate(t, 30), 30), hanzi.PadRight(hanzi.Truncate(o, 30), 30), verdict)
		}
		b.WriteString("\n")
	}
	return writeText(w, b.String())
}

// MergePriorities adds the shares and words of one government's priorities
// to a document of others: each theme's shares after those of the
// governments before.
func MergePriorities(doc, more PrioritiesJSON) PrioritiesJSON {
	if doc.Themes == nil {
		return more
	}
	for _, th := range more.Themes {
		i := slices.IndexFunc(doc.Themes, func(t ThemeSharesJSON) bool { return t.Theme == th.Theme })
		if i < 0 {
			doc.Themes = append(doc.Themes, th)
			continue
		}
		doc.Themes[i].Shares = append(doc.Themes[i].Shares, th.Shares...)
	}
	doc.Terms = append(doc.Terms, more.Terms...)
	return doc
}

// SharesOfYear writes the theme shares of every government's report of one
// year: for the review and for the plan part, a row per government and a
// column per theme (the share in percent, and the change in points against
// the government's report of the year before).
func SharesOfYear(w io.Writer, rows []ShareRow, year int, st Style) error {
	bold := st.paint(color.Bold)
	dim := st.paint(dimAttr...)
	var b strings.Builder
	var themes, govs []string
	for _, r := range rows {
		if !slices.Contains(themes, r.Theme) {
			themes = append(themes, r.Theme)
		}
		if !slices.Contains(govs, r.Government) {
			govs = append(govs, r.Government)
		}
	}
	nameW := 10
	for _, g := range govs {
		nameW = max(nameW, hanzi.Width(orUnknown(g))+2)
	}
	const cellW = 14
	for _, part := range []string{string(corpus.Review), string(corpus.Plan)} {
		fmt.Fprintf(&b, "%s %s\n", bold(fmt.Sprintf("%s %d", part, year)), dim("share of the part's characters by theme, change in points against the year before"))
		b.WriteString(hanzi.PadRight("", nameW))
		for _, t := range themes {
			b.WriteString(hanzi.PadRight(t, cellW))
		}
		b.WriteString("\n")
		for _, g := range govs {
			var line strings.Builder
			any := false
			for _, t := range themes {
				cell := "—"
				for _, r := range rows {
					if r.Government == g && r.Theme == t && r.Part == part {
						cell = fmt.Sprintf("%5.1f%%", r.Share*100)
						if r.Change != nil {
							cell += fmt.Sprintf(" %+5.1f", *r.Change)
						}
						any = true
					}
				}
				line.WriteString(hanzi.PadRight(cell, cellW))
			}
			if any {
				fmt.Fprintf(&b, "%s%s\n", hanzi.PadRight(orUnknown(g), nameW), strings.TrimRight(line.String(), " "))
			}
		}
		b.WriteString("\n")
	}
	if len(govs) == 0 {
		fmt.Fprintf(&b, "no government of the corpus has a report of %d\n", year)
	}
	return writeText(w, b.String())
}

// VerdictRow is a row of the table of one indicator across governments: a
// government's target and outcome of a year, and the verdict.
type VerdictRow struct {
	Government string `parquet:"government" json:"government"`
	Indicator  string `parquet:"indicator" json:"indicator"`
	Measure    string `parquet:"measure" json:"measure"`
	Year       int    `parquet:"year" json:"year"`
	Target     string `parquet:"target" json:"target"`
	Outcome    string `parquet:"outcome" json:"outcome"`
	Verdict    string `parquet:"verdict" json:"verdict"`
	TargetAt   string `parquet:"target_unit" json:"target_unit"`   // the unit that sets the target
	OutcomeAt  string `parquet:"outcome_unit" json:"outcome_unit"` // the unit that reports the outcome
	// OutcomeOf: the indicator the outcome is of, when another scope of it.
	OutcomeOf string `parquet:"outcome_of" json:"outcome_of,omitempty"`
}

// VerdictRows returns the verdicts of the indicators named name (one per
// measure), of every year or of one (year > 0).
func VerdictRows(ins []change.Indicator, name string, year int) []VerdictRow {
	var rows []VerdictRow
	for _, in := range ins {
		if in.Name != name {
			continue
		}
		for _, vd := range in.Verdicts {
			if year != 0 && vd.Year != year {
				continue
			}
			row := VerdictRow{Indicator: in.Name, Measure: in.Measure, Year: vd.Year, Target: valueText(vd.Target),
				Outcome: valueText(vd.Outcome), Verdict: vd.Verdict, OutcomeOf: vd.OutcomeOf}
			for _, v := range []*change.Value{vd.Target, vd.Outcome} {
				if v != nil && row.Government == "" {
					row.Government = v.Unit.Report.Government
				}
			}
			if vd.Target != nil {
				row.TargetAt = vd.Target.Unit.ID
			}
			if vd.Outcome != nil {
				row.OutcomeAt = vd.Outcome.Unit.ID
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// VerdictsAcross writes one indicator across governments: a row per
// government and year with the target, the outcome and the verdict.
func VerdictsAcross(w io.Writer, name string, rows []VerdictRow, st Style) error {
	bold := st.paint(color.Bold)
	dim := st.paint(dimAttr...)
	paint := map[string]func(string) string{change.Met: st.paint(color.FgGreen), change.MissedGoal: st.paint(color.FgRed)}
	var b strings.Builder
	nameW := 10
	for _, r := range rows {
		nameW = max(nameW, hanzi.Width(orUnknown(r.Government))+2)
	}
	measures := []string{}
	for _, r := range rows {
		if !slices.Contains(measures, r.Measure) {
			measures = append(measures, r.Measure)
		}
	}
	fmt.Fprintf(&b, "%s (%s)\n", bold(name), strings.Join(measures, ", "))
	met := map[string]int{}
	for _, r := range rows {
		t, o := orDash(r.Target), orDash(r.Outcome)
		verdict := r.Verdict
		met[verdict]++
		if f, ok := paint[verdict]; ok {
			verdict = f(verdict)
		}
		if r.OutcomeOf != "" {
			verdict += dim(" (outcome of " + r.OutcomeOf + ")")
		}
		fmt.Fprintf(&b, "  %s %d  %s %s %s\n", hanzi.PadRight(orUnknown(r.Government), nameW), r.Year,
			hanzi.PadRight(hanzi.Truncate(t, 24), 24), hanzi.PadRight(hanzi.Truncate(o, 24), 24), verdict)
	}
	if len(rows) == 0 {
		b.WriteString("  no government of the corpus gives a figure of it\n")
	} else {
		fmt.Fprintf(&b, "  %d met, %d missed, of %d\n", met[change.Met], met[change.MissedGoal], len(rows))
	}
	return writeText(w, b.String())
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
