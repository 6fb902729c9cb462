package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/fatih/color"

	"github.com/reportdiff/reportdiff/align"
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// AlignFilter narrows what the align views show.
type AlignFilter struct {
	Theme   string // one theme id, or "" for all
	Kind    string // align.Continuity, align.Followup, or "" for both
	Explain bool   // show the words that decided each unit's theme
}

// AlignUnitJSON is a unit with its themes.
type AlignUnitJSON struct {
	ID      string             `json:"id"`
	Report  string             `json:"report"`
	Year    int                `json:"year"`
	Part    string             `json:"part"`
	Heading string             `json:"heading"`
	Text    string             `json:"text"`
	Line    int                `json:"line"`
	Theme   string             `json:"theme"`
	Themes  map[string]float64 `json:"themes"`
	Explain []HitJSON          `json:"explain,omitempty"`
}

// HitJSON is a word that counted towards a theme.
type HitJSON struct {
	Theme  string  `json:"theme"`
	Term   string  `json:"term"`
	Where  string  `json:"where"`
	Count  int     `json:"count"`
	Weight float64 `json:"weight"`
}

// LinkJSON is a link between two units, with the measures of its score.
type LinkJSON struct {
	From  string  `json:"from"`
	To    string  `json:"to"`
	Score float64 `json:"score"`
	Kind  string  `json:"kind"`
	align.Measures
	Shared []string `json:"shared"` // the rare phrases both share, in the first unit's words
}

// rounded returns measures rounded to three decimals.
func rounded(m align.Measures) align.Measures {
	return align.Measures{Text: round3(m.Text), Heading: round3(m.Heading), Rare: round3(m.Rare), Theme: round3(m.Theme),
		Context: round3(m.Context), Coverage: round3(m.Coverage)}
}

// ThreadJSON is a topic through the reports.
type ThreadJSON struct {
	ID      string   `json:"id"`
	Theme   string   `json:"theme"`
	Part    string   `json:"part"`
	Units   []string `json:"units"`
	Reports int      `json:"reports"`
	New     bool     `json:"new"`
	Dropped bool     `json:"dropped"`
}

// AlignJSON is the document `reportdiff align --format json` writes.
type AlignJSON struct {
	Themes  []ThemeJSON     `json:"themes_known"`
	Units   []AlignUnitJSON `json:"units"`
	Links   []LinkJSON      `json:"links"`
	Threads []ThreadJSON    `json:"threads"`
	Singles []ThreadJSON    `json:"singles"`
}

// ThemeJSON names a theme of the lexicon.
type ThemeJSON struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// AlignJSONOf builds the JSON document of an alignment.
func AlignJSONOf(res *align.Result, f AlignFilter) AlignJSON {
	doc := AlignJSON{Themes: []ThemeJSON{}, Units: []AlignUnitJSON{}, Links: []LinkJSON{}, Threads: []ThreadJSON{}, Singles: []ThreadJSON{}}
	for _, t := range res.Lexicon.Themes {
		doc.Themes = append(doc.Themes, ThemeJSON{ID: t.ID, Label: t.Label})
	}
	keep := map[*corpus.Unit]bool{}
	for _, u := range res.Units {
		cl := res.Classes[u]
		if f.Theme != "" && cl.Primary != f.Theme {
			continue
		}
		keep[u] = true
		uj := AlignUnitJSON{ID: u.ID, Report: u.Report.ID, Year: u.Report.Year, Part: string(u.PartKind()),
			Heading: u.Heading, Text: u.Text, Line: u.Line, Theme: cl.Primary, Themes: cl.Scores}
		if f.Explain {
			uj.Explain = []HitJSON{}
			for _, h := range cl.Hits {
				uj.Explain = append(uj.Explain, HitJSON{Theme: h.Theme, Term: h.Term, Where: h.Where, Count: h.Count, Weight: round3(h.Weight)})
			}
		}
		doc.Units = append(doc.Units, uj)
	}
	for _, l := range res.Links {
		if f.Kind != "" && l.Kind != f.Kind || f.Theme != "" && !keep[l.From] && !keep[l.To] {
			continue
		}
		shared := l.Shared
		if shared == nil {
			shared = []string{}
		}
		doc.Links = append(doc.Links, LinkJSON{From: l.From.ID, To: l.To.ID, Score: round3(l.Score), Kind: l.Kind,
			Measures: rounded(l.Measures), Shared: shared})
	}
	conv := func(ts []align.Thread) []ThreadJSON {
		out := []ThreadJSON{}
		for _, t := range ts {
			if f.Theme != "" && t.Theme != f.Theme {
				continue
			}
			tj := ThreadJSON{ID: t.ID, Theme: t.Theme, Part: string(t.Part), Reports: t.Reports(), New: t.New, Dropped: t.Dropped, Units: []string{}}
			for _, u := range t.Units {
				tj.Units = append(tj.Units, u.ID)
			}
			out = append(out, tj)
		}
		return out
	}
	if f.Kind != align.Followup {
		doc.Threads = conv(res.Threads)
		doc.Singles = conv(res.Singles)
	}
	return doc
}

// Align writes, theme by theme, a table whose rows are topics and whose
// columns are the reports in year order: each cell holds the heading of the
// unit (shortened to fit) and the score of its link to the cell before it,
// — where the topic is absent; then the promises of each plan part with
// what the next review reported on them.
func Align(w io.Writer, res *align.Result, f AlignFilter, st Style) error {
	bold := st.paint(color.Bold)
	dim := st.paint(dimAttr...)
	green := st.paint(color.FgGreen)
	red := st.paint(color.FgRed)
	reports := res.Corpus.Reports
	var b strings.Builder
	const kindW, flagW = 9, 8
	colW := max(12, (st.width()-kindW-flagW)/max(1, len(reports)))
	for _, th := range res.Lexicon.Themes {
		if f.Theme != "" && th.ID != f.Theme {
			continue
		}
		rows := append(filterThreads(res.Threads, th.ID), filterThreads(res.Singles, th.ID)...)
		sort.SliceStable(rows, func(i, j int) bool { return lessThread(res.Corpus, rows[i], rows[j]) })
		var follow []align.Link
		for _, l := range res.Links {
			if l.Kind == align.Followup && (res.Classes[l.From].Primary == th.ID || res.Classes[l.To].Primary == th.ID) {
				follow = append(follow, l)
			}
		}
		if len(rows) == 0 && len(follow) == 0 {
			continue
		}
		newN, droppedN, threads := 0, 0, 0
		for _, t := range rows {
			if t.Reports() >= 2 {
				threads++
			}
			if t.New {
				newN++
			}
			if t.Dropped {
				droppedN++
			}
		}
		label, _, _ := strings.Cut(th.Label, ":")
		fmt.Fprintf(&b, "%s %s\n", bold(th.ID), dim(fmt.Sprintf("%s — %s through several reports, %d new, %d dropped", label, plural(threads, "topic", "topics"), newN, droppedN)))
		if f.Kind != align.Followup && len(rows) > 0 {
			b.WriteString(strings.Repeat(" ", kindW))
			for _, r := range reports {
				b.WriteString(dim(hanzi.PadRight(fmt.Sprintf("%s (%s)", r.Name(), r.ID), colW)))
			}
			b.WriteString("\n")
			for _, t := range rows {
				b.WriteString(hanzi.PadRight(string(t.Part), kindW))
				for _, r := range reports {
					b.WriteString(cell(res, t, r, colW, dim))
				}
				switch {
				case t.New && t.Dropped:
					b.WriteString(green("new") + "," + red("dropped"))
				case t.New:
					b.WriteString(green("new"))
				case t.Dropped:
					b.WriteString(red("dropped"))
				}
				b.WriteString("\n")
			}
		}
		if f.Kind != align.Continuity && len(follow) > 0 {
			b.WriteString(dim("  promised → reported the next year") + "\n")
			half := (st.width() - 16) / 2
			for _, l := range follow {
				fmt.Fprintf(&b, "  %-6s %s → %-6s %s %s\n", l.From.ID, hanzi.PadRight(hanzi.Truncate(unitLabel(l.From), half-8), half-8),
					l.To.ID, hanzi.Truncate(unitLabel(l.To), half-8), dim(fmt.Sprintf("%.2f", l.Score)))
			}
		}
		b.WriteString("\n")
		if f.Explain {
			explain(&b, res, th.ID, dim)
		}
	}
	return writeText(w, b.String())
}

func explain(b *strings.Builder, res *align.Result, theme string, dim func(string) string) {
	for _, u := range res.Units {
		cl := res.Classes[u]
		if cl.Primary != theme {
			continue
		}
		var words []string
		for _, h := range cl.Hits {
			if len(words) == 6 {
				break
			}
			if h.Theme == theme {
				words = append(words, fmt.Sprintf("%s×%d(%s)", h.Term, h.Count, h.Where))
			}
		}
		why := strings.Join(words, " ")
		if cl.Reason != "" {
			why = cl.Reason
		}
		fmt.Fprintf(b, "  %-7s %s %s\n", u.ID, hanzi.Truncate(unitLabel(u), 24), dim(fmt.Sprintf("%.2f %s", cl.Scores[theme], why)))
	}
	b.WriteString("\n")
}

func filterThreads(ts []align.Thread, theme string) []align.Thread {
	var out []align.Thread
	for _, t := range ts {
		if t.Theme == theme {
			out = append(out, t)
		}
	}
	return out
}

var partOrder = map[corpus.PartKind]int{corpus.Preamble: 0, corpus.Review: 1, corpus.Plan: 2, corpus.Outline: 3, corpus.Closing: 4}

func lessThread(c *corpus.Corpus, a, b align.Thread) bool {
	if partOrder[a.Part] != partOrder[b.Part] {
		return partOrder[a.Part] < partOrder[b.Part]
	}
	ia, ib := c.Index(a.Units[0].Report), c.Index(b.Units[0].Report)
	if ia != ib {
		return ia < ib
	}
	return a.Units[0].Seq < b.Units[0].Seq
}

// unitLabel is the unit's heading, or the start of its text.
func unitLabel(u *corpus.Unit) string {
	if u.Heading != "" {
		return u.Heading
	}
	return u.Text
}

// cell writes the units of thread t in report r, with the score of the link
// that brought the topic there, padded to width.
func cell(res *align.Result, t align.Thread, r *corpus.Report, width int, dim func(string) string) string {
	var in []*corpus.Unit
	for _, u := range t.Units {
		if u.Report == r {
			in = append(in, u)
		}
	}
	if len(in) == 0 {
		return hanzi.PadRight("—", width)
	}
	score := ""
	best := 0.0
	for _, l := range res.Links {
		if l.Kind == align.Continuity && l.To == in[0] && l.Score > best {
			best = l.Score
			score = fmt.Sprintf(" %.2f", l.Score)[1:]
		}
	}
	more := ""
	if len(in) > 1 {
		more = fmt.Sprintf("+%d", len(in)-1)
	}
	room := width - 2 - hanzi.Width(score) - hanzi.Width(more)
	if score != "" {
		room--
	}
	text := hanzi.Truncate(unitLabel(in[0]), max(room, 4)) + more
	out := text
	if score != "" {
		out += " " + dim(score)
	}
	return out + strings.Repeat(" ", max(0, width-hanzi.Width(text)-hanzi.Width(score)-boolInt(score != "")))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ExplainJSON is the document `reportdiff align --explain A B --format json`
// writes.
type ExplainJSON struct {
	From    string  `json:"from"`
	To      string  `json:"to"`
	Swapped bool    `json:"swapped"`
	Kind    string  `json:"kind"`
	Score   float64 `json:"score"`
	align.Measures
	Weights    align.Measures  `json:"weights"`
	Shared     []string        `json:"shared"`
	Covered    []ClauseJSON    `json:"covered"`
	MinScore   float64         `json:"min_score"`
	Clear      float64         `json:"clear"`
	Rank       int             `json:"rank"`
	Candidates []CandidateJSON `json:"candidates"`
	Linked     bool            `json:"linked"`
	Why        string          `json:"why"`
}

// ClauseJSON is a clause of one unit found in another.
type ClauseJSON struct {
	From    string  `json:"from"`
	To      string  `json:"to"`
	Overlap float64 `json:"overlap"`
}

// CandidateJSON is a unit one might be linked to, with the pair's score.
type CandidateJSON struct {
	ID      string  `json:"id"`
	Heading string  `json:"heading"`
	Score   float64 `json:"score"`
	Barred  string  `json:"barred,omitempty"`
	Linked  bool    `json:"linked"`
}

// ExplainJSONOf builds the JSON document of an explanation.
func ExplainJSONOf(ex align.Explanation) ExplainJSON {
	s := ex.Similarity
	doc := ExplainJSON{From: ex.From.ID, To: ex.To.ID, Swapped: ex.Swapped, Kind: ex.Kind, Score: round3(s.Score),
		Measures: rounded(s.Measures), Weights: align.ScoreWeights(), Shared: []string{}, Covered: []ClauseJSON{},
		MinScore: ex.MinScore, Clear: round3(ex.Clear), Rank: ex.Rank, Candidates: []CandidateJSON{}, Linked: ex.Linked, Why: ex.Why}
	doc.Shared = append(doc.Shared, s.Shared...)
	for _, c := range ex.Covered {
		doc.Covered = append(doc.Covered, ClauseJSON{From: c.From, To: c.To, Overlap: round3(c.Overlap)})
	}
	for _, c := range ex.Candidates {
		doc.Candidates = append(doc.Candidates, CandidateJSON{ID: c.Unit.ID, Heading: unitLabel(c.Unit), Score: round3(c.Score), Barred: c.Barred, Linked: c.Linked})
	}
	return doc
}

// explainCandidates is how many of A's best candidates the text view of an
// explanation lists (B is listed too when it ranks lower).
const explainCandidates = 5

// Explain writes how two units compare: the score with its parts, the
// phrases and clauses they share, the rank of the second among the first's
// candidates, and whether a link was made, or why not.
func Explain(w io.Writer, ex align.Explanation, st Style) error {
	bold := st.paint(color.Bold)
	dim := st.paint(dimAttr...)
	green := st.paint(color.FgGreen)
	red := st.paint(color.FgRed)
	var b strings.Builder
	kind := ex.Kind
	if kind == "" {
		kind = "no kind of link"
	}
	fmt.Fprintf(&b, "%s %s\n", bold(ex.From.ID+" → "+ex.To.ID), dim(fmt.Sprintf("%s: %s %s → %s %s", kind, ex.From.Report.Name(), ex.From.PartKind(), ex.To.Report.Name(), ex.To.PartKind())))
	if ex.Swapped {
		b.WriteString(dim("  (asked for the other way round: links run from the earlier report)") + "\n")
	}
	width := max(20, st.width()-10)
	for _, u := range []*corpus.Unit{ex.From, ex.To} {
		fmt.Fprintf(&b, "  %-7s %s\n", u.ID, hanzi.Truncate(unitLabel(u), width))
	}
	s, wt := ex.Similarity, align.ScoreWeights()
	fmt.Fprintf(&b, "%s %.3f = %.2f×text %.3f + %.2f×heading %.3f + %.2f×rare %.3f + %.2f×theme %.3f + %.2f×context %.3f + %.2f×coverage %.3f\n",
		bold("score"), s.Score, wt.Text, s.Text, wt.Heading, s.Heading, wt.Rare, s.Rare, wt.Theme, s.Theme, wt.Context, s.Context, wt.Coverage, s.Coverage)
	if len(s.Shared) > 0 {
		fmt.Fprintf(&b, "%s %s\n", bold("shared phrases"), strings.Join(s.Shared, " "))
	} else {
		fmt.Fprintf(&b, "%s %s\n", bold("shared phrases"), dim("none"))
	}
	if len(ex.Covered) > 0 {
		b.WriteString(bold("clauses found nearly word for word") + "\n")
		half := max(10, (st.width()-12)/2)
		for _, c := range ex.Covered {
			fmt.Fprintf(&b, "  %s %s | %s\n", dim(fmt.Sprintf("%.2f", c.Overlap)), hanzi.Truncate(c.From, half), hanzi.Truncate(c.To, half))
		}
	}
	report := ex.To.Report.Name()
	if report != ex.To.Report.ID {
		report += " (" + ex.To.Report.ID + ")"
	}
	fmt.Fprintf(&b, "%s %d of %d among %s's candidates in the %s of %s\n", bold("rank of "+ex.To.ID), ex.Rank, len(ex.Candidates),
		ex.From.ID, ex.To.PartKind(), report)
	for i, c := range ex.Candidates {
		if i >= explainCandidates && c.Unit != ex.To {
			continue
		}
		mark := "  "
		if c.Unit == ex.To {
			mark = "→ "
		}
		note := ""
		switch {
		case c.Linked:
			note = green("linked")
		case c.Barred != "":
			note = dim("barred")
		}
		fmt.Fprintf(&b, "  %s%2d %-7s %.3f %-6s %s\n", mark, i+1, c.Unit.ID, c.Score, note, hanzi.Truncate(unitLabel(c.Unit), width-30))
	}
	verdict := red("not linked")
	if ex.Linked {
		verdict = green("linked")
	}
	fmt.Fprintf(&b, "%s (threshold %.2f, a second link %.2f): %s\n", verdict, ex.MinScore, ex.Clear, ex.Why)
	return writeText(w, b.String())
}

// QualifyThreads names the threads of one government's alignment with the
// government (甲省/t1), so that the threads of several stay apart.
func QualifyThreads(doc *AlignJSON, government string) {
	for _, ts := range [][]ThreadJSON{doc.Threads, doc.Singles} {
		for i := range ts {
			ts[i].ID = government + "/" + ts[i].ID
		}
	}
}

// AlignStream writes the JSON document of the alignment of many
// governments as their alignments come, one government after another: the
// units (which hold the texts) are written at once, the links, threads and
// singles kept, encoded, until Close. The document is that of AlignJSON,
// indented as JSON writes it.
type AlignStream struct {
	w                      io.Writer
	units                  int
	links, threads, single [][]byte
	err                    error
}

// NewAlignStream starts the document with the themes of the lexicon.
func NewAlignStream(w io.Writer, themes []ThemeJSON) *AlignStream {
	s := &AlignStream{w: w}
	s.write([]byte("{\n  \"themes_known\": "))
	s.write(indented(themes, "  "))
	s.write([]byte(",\n  \"units\": ["))
	return s
}

func (s *AlignStream) write(b []byte) {
	if s.err == nil {
		_, s.err = s.w.Write(b)
	}
}

// indented encodes v as JSON indented at the depth prefix gives, without
// escaping HTML and without a final newline.
func indented(v any, prefix string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	enc.Encode(v)
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// Add writes one government's units and keeps its links and threads.
func (s *AlignStream) Add(doc AlignJSON) error {
	for _, u := range doc.Units {
		if s.units > 0 {
			s.write([]byte(","))
		}
		s.units++
		s.write([]byte("\n    "))
		s.write(indented(u, "    "))
	}
	for _, l := range doc.Links {
		s.links = append(s.links, indented(l, "    "))
	}
	for _, t := range doc.Threads {
		s.threads = append(s.threads, indented(t, "    "))
	}
	for _, t := range doc.Singles {
		s.single = append(s.single, indented(t, "    "))
	}
	return s.err
}

// Close writes the links, threads and singles and ends the document.
func (s *AlignStream) Close() error {
	end := func(n int) {
		if n > 0 {
			s.write([]byte("\n  "))
		}
		s.write([]byte("]"))
	}
	end(s.units)
	for _, arr := range []struct {
		name  string
		elems [][]byte
	}{{"links", s.links}, {"threads", s.threads}, {"singles", s.single}} {
		s.write([]byte(",\n  \"" + arr.name + "\": ["))
		for i, e := range arr.elems {
			if i > 0 {
				s.write([]byte(","))
			}
			s.write([]byte("\n    "))
			s.write(e)
		}
		end(len(arr.elems))
	}
	s.write([]byte("\n}\n"))
	return s.err
}
