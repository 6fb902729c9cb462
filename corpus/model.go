// Package corpus reads government work reports into a lossless model:
//
//	Corpus → Report → Part → Section → Subsection → Unit → Sentence
//
// Every byte of an input file belongs to exactly one piece: a heading (a report
// marker such as 篇1, a part, section or subsection heading) or a unit (a
// paragraph, or a topic paragraph whose heading is its lead sentence). Pieces
// know their byte offsets and lines, and joining the pieces of a source in
// order gives the source back byte for byte.
//
// Parts are recognised by what their headings say (工作回顧, 主要任務, 規劃綱要
// …), never by their position or numbering, and years are inferred from
// evidence in the text (see years.go). The package reads and returns data; it
// never prints, exits or looks at flags and the environment.
package corpus

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// PartKind names what a part of a report does.
type PartKind string

// The kinds of part a report has.
const (
	Preamble PartKind = "preamble" // salutation and opening, before the first part heading
	Review   PartKind = "review"   // last year's work: 工作回顧 and what follows it
	Plan     PartKind = "plan"     // this year's tasks: 主要任務, 工作安排, 重點工作 …
	Outline  PartKind = "outline"  // an explanation of a five-year plan
	Closing  PartKind = "closing"  // the final appeal
)

// Role marks a unit with a special job in the report.
type Role string

// The special roles a unit can have; most units have none.
const (
	RoleNone       Role = ""
	RoleFront      Role = "front"      // title, byline, source lines around the text
	RoleSalutation Role = "salutation" // 各位代表：
	RoleOutcome    Role = "outcome"    // the year's headline figures: 預計地區生產總值增長…
	RoleTargets    Role = "targets"    // 主要預期目標
	RoleProblems   Role = "problems"   // 困難和問題
	RoleGuidelines Role = "guidelines" // 總體要求, 總體思路
	RoleThanks     Role = "thanks"     // thanks to those who helped
	RoleIntro      Role = "intro"      // the sentence that introduces a list of sections
)

// Span is a half-open range [Start, End) of byte offsets into a source text.
type Span struct {
	Start, End int
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Corpus is a set of reports, ordered by the year they were delivered.
type Corpus struct {
	// Series is the government whose reports these are, when known: the
	// name of the series of a collection (see Collection), else the
	// government most of the reports name; "" when none does.
	Series   string
	Sources  []*Source
	Reports  []*Report // in year order (then file order)
	Warnings []Warning // what the reading noticed but could go on with
}

// Warning is something about the input that a reader should know.
type Warning struct {
	Source  string // file name
	Line    int    // 0 when it concerns no single line
	Message string
	Rule    string // the check rule it falls under (year-conflict …); "" for the reading's own
}

func (w Warning) String() string {
	if w.Line > 0 {
		return w.Source + ":" + strconv.Itoa(w.Line) + ": " + w.Message
	}
	return w.Source + ": " + w.Message
}

// Source is one input file.
type Source struct {
	Name     string // the path as given, or "embedded:NAME"
	Text     string // decoded: offsets and lines refer to it
	Encoding string // the encoding the file was read in: UTF-8, GB18030, Big5, UTF-16LE, UTF-16BE
	raw      *rawText
	Front    []*Unit   // lines before the first report marker (role front)
	Reports  []*Report // in file order
	lines    []int     // byte offset of the start of each line
}

// Raw returns the file's original bytes that hold span sp of its decoded
// text: sp itself for a UTF-8 file.
func (s *Source) Raw(sp Span) []byte {
	if s.raw == nil || s.raw.encoding == EncUTF8 {
		return []byte(s.Text[sp.Start:sp.End])
	}
	return s.raw.bytes[s.raw.rawOffset(s.Text, sp.Start):s.raw.rawOffset(s.Text, sp.End)]
}

// LineAt returns the 1-based line number of byte offset off.
func (s *Source) LineAt(off int) int {
	lo, hi := 0, len(s.lines)
	for lo < hi {
		m := (lo + hi) / 2
		if s.lines[m] <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Pieces returns every heading and unit of the source in file order. Their
// spans are contiguous and cover the text.
func (s *Source) Pieces() []Piece {
	var ps []Piece
	for _, u := range s.Front {
		ps = append(ps, Piece{Unit: u})
	}
	for _, r := range s.Reports {
		ps = append(ps, r.pieces...)
	}
	return ps
}

// Piece is a heading, a unit or furniture.
type Piece struct {
	Heading   *Heading
	Unit      *Unit
	Furniture *Furniture
}

// Span returns the bytes the piece owns.
func (p Piece) Span() Span {
	switch {
	case p.Heading != nil:
		return p.Heading.Span
	case p.Furniture != nil:
		return p.Furniture.Span
	}
	return p.Unit.Span
}

// Heading is a line (or lines) that names a report, part, section or
// subsection.
type Heading struct {
	Span          // the bytes it owns, with trailing line ends and blank lines
	Line, EndLine int
	Text          string // the heading's words, its lines joined, spaces trimmed
	Marker        string // its numbering as written: 篇1, 第一部分, 一、, （一）, 一
	Number        int    // the value of the marker, 0 when unnumbered
}

// Report is one government work report.
type Report struct {
	ID         string
	Source     *Source
	Index      int // 1-based position in its source
	Span       Span
	Marker     *Heading // the 篇N line, nil when the file holds one report
	Title      string
	Government string
	Year       int          // the work year: the year its plan is for; 0 when unknown
	ReviewYear int          // the year its review part is about; 0 when unknown
	Delivered  string       // the date it was delivered (2023-01-12), when the text gives it; else ""
	Script     hanzi.Script // the script it is written in: simplified or traditional ("" when its characters do not tell)
	YearFrom   string
	Evidence   []Evidence // what the text says of its year
	Parts      []*Part
	Units      []*Unit      // every unit in order
	Furniture  []*Furniture // what is not the report's words: front matter, page numbers …
	Meta       map[string]string
	pieces     []Piece
}

// Chars returns the number of characters (runes) in the report.
func (r *Report) Chars() int {
	t := r.Source.Text[r.Span.Start:r.Span.End]
	// A line end is one character, LF or CR LF.
	return utf8.RuneCountInString(t) - strings.Count(t, "\r\n")
}

// Sections returns every section of the report in order.
func (r *Report) Sections() []*Section {
	var ss []*Section
	for _, p := range r.Parts {
		ss = append(ss, p.Sections...)
	}
	return ss
}

// Name returns the report's year if known, else its id.
func (r *Report) Name() string {
	if r.Year > 0 {
		return strconv.Itoa(r.Year)
	}
	return r.ID
}

// Part is a stretch of a report with one job: review, plan, …
type Part struct {
	Kind     PartKind
	Heading  *Heading // nil for a preamble or a part that has none
	Sections []*Section
}

// Section is a numbered topic of a part (一、…), or the implicit section that
// holds the units of a part before its first heading.
type Section struct {
	Part        *Part
	Heading     *Heading // nil when implicit or when the title opens a unit
	Title       string   // the heading's words, or the lead sentence of the unit it opens
	Marker      string   // its numbering as written: 一、 （一） …
	Number      int
	Subsections []*Subsection
}

// Line returns the line where the section starts: its heading's, or its
// first unit's.
func (s *Section) Line() int {
	if s.Heading != nil {
		return s.Heading.Line
	}
	for _, ss := range s.Subsections {
		if l := ss.Line(); l > 0 {
			return l
		}
	}
	return 0
}

// Subsection is a numbered topic within a section ((一)…), or an implicit one.
type Subsection struct {
	Section *Section
	Heading *Heading
	Title   string
	Marker  string
	Number  int
	Units   []*Unit
}

// Line returns the line where the subsection starts.
func (ss *Subsection) Line() int {
	if ss.Heading != nil {
		return ss.Heading.Line
	}
	if len(ss.Units) > 0 {
		return ss.Units[0].Line
	}
	return 0
}

// Unit is a paragraph, or a topic paragraph whose heading is its lead
// sentence. Text is its words with the line breaks of a broken paragraph
// removed; Span is every byte it owns in the source.
type Unit struct {
	ID         string
	Seq        int // 1-based position in the report
	Report     *Report
	Part       *Part
	Section    *Section
	Subsection *Subsection
	Span       Span
	Line       int
	EndLine    int
	Text       string
	Heading    string // the lead sentence without its final 。, or ""
	Role       Role
	Sentences  []Sentence
	segs       []Span // the source ranges that make up Text
	folded     string
	sketch     runeSketch // the characters of folded (sketch.go)
}

// Folded returns the unit's text folded to Simplified characters
// (hanzi.Fold), as computed when the unit was read.
func (u *Unit) Folded() string {
	if u.folded == "" && u.Text != "" {
		return hanzi.Fold(u.Text) // a unit built by hand
	}
	return u.folded
}

// chars returns the sketch of the characters of the unit's folded text, as
// made when the unit was read.
func (u *Unit) chars() runeSketch {
	if u.sketch == (runeSketch{}) {
		return sketchOf(u.Folded()) // a unit built by hand
	}
	return u.sketch
}

// Sentence is a sentence of a unit; Start and End are byte offsets into the
// unit's Text.
type Sentence struct {
	Start, End int
	Text       string
}

// SourceOffset maps a byte offset in u.Text to a byte offset in the source.
func (u *Unit) SourceOffset(off int) int {
	for _, s := range u.segs {
		if off <= s.Len() {
			return s.Start + off
		}
		off -= s.Len()
	}
	if len(u.segs) == 0 {
		return u.Span.Start
	}
	return u.segs[len(u.segs)-1].End
}

// LineOf returns the source line of byte offset off in u.Text.
func (u *Unit) LineOf(off int) int {
	src := u.Source()
	if src == nil {
		return u.Line
	}
	return src.LineAt(u.SourceOffset(off))
}

// Source returns the file the unit was read from.
func (u *Unit) Source() *Source {
	if u.Report != nil {
		return u.Report.Source
	}
	return nil
}

// PartKind returns the kind of the unit's part ("" for front matter).
func (u *Unit) PartKind() PartKind {
	if u.Part == nil {
		return ""
	}
	return u.Part.Kind
}

// SectionTitle returns the title of the unit's section, or "".
func (u *Unit) SectionTitle() string {
	if u.Section == nil {
		return ""
	}
	return u.Section.Title
}

// SubsectionTitle returns the title of the unit's subsection, or "".
func (u *Unit) SubsectionTitle() string {
	if u.Subsection == nil {
		return ""
	}
	return u.Subsection.Title
}

// spaces are the characters trimSpace takes off: ASCII and ideographic
// spaces, form feeds, byte-order marks and line ends.
const spaces = " \t\r\n\f\v\u3000\ufeff\u00a0"

// trimSpace trims ASCII and ideographic spaces, form feeds, byte-order marks
// and line ends.
func trimSpace(s string) string {
	return strings.Trim(s, spaces)
}
