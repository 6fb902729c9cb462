package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

var (
	boldAttr = []color.Attribute{color.Bold}
	dimAttr  = []color.Attribute{color.Faint}
)

// UnitJSON is one unit as `reportdiff outline --format json` shows it.
type UnitJSON struct {
	ID         string `json:"id"`
	Report     string `json:"report"`
	Year       int    `json:"year"`
	Part       string `json:"part"`
	Section    string `json:"section"`
	Subsection string `json:"subsection"`
	Heading    string `json:"heading"`
	Text       string `json:"text"`
	Line       int    `json:"line"`
	EndLine    int    `json:"end_line"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Role       string `json:"role"`
	Sentences  int    `json:"sentences"`
}

// OutlineJSON is the document `reportdiff outline --format json` writes.
type OutlineJSON struct {
	Units []UnitJSON `json:"units"`
}

// UnitOf returns the JSON view of a unit.
func UnitOf(u *corpus.Unit) UnitJSON {
	return UnitJSON{ID: u.ID, Report: u.Report.ID, Year: u.Report.Year, Part: string(u.PartKind()),
		Section: u.SectionTitle(), Subsection: u.SubsectionTitle(), Heading: u.Heading, Text: u.Text,
		Line: u.Line, EndLine: u.EndLine, Start: u.Span.Start, End: u.Span.End, Role: string(u.Role),
		Sentences: len(u.Sentences)}
}

// OutlineJSONOf builds the outline document of the given reports.
func OutlineJSONOf(reports []*corpus.Report) OutlineJSON {
	doc := OutlineJSON{Units: []UnitJSON{}}
	for _, r := range reports {
		for _, u := range r.Units {
			doc.Units = append(doc.Units, UnitOf(u))
		}
	}
	return doc
}

// Outline writes the tree of parts, sections, subsections and units of each
// report, with line numbers and unit ids; a unit shows its heading, or the
// start of its text when it has none.
func Outline(w io.Writer, reports []*corpus.Report, st Style) error {
	bold := st.paint(boldAttr...)
	dim := st.paint(dimAttr...)
	part := st.paint(color.FgCyan, color.Bold)
	role := st.paint(color.FgYellow)
	var b strings.Builder
	for i, r := range reports {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s  %s\n", bold(fmt.Sprintf("%s  %s", r.ID, yearText(r.Year))),
			dim(fmt.Sprintf("%s — %s, lines %d–%d", r.Title, r.Source.Name, r.Source.LineAt(r.Span.Start), r.Source.LineAt(max(r.Span.Start, r.Span.End-1)))))
		for _, p := range r.Parts {
			head := ""
			if p.Heading != nil {
				head = fmt.Sprintf("  %s %s", p.Heading.Text, dim(fmt.Sprintf("(line %d)", p.Heading.Line)))
			}
			fmt.Fprintf(&b, "  %s%s\n", part(string(p.Kind)), head)
			for _, s := range p.Sections {
				indent := "    "
				if s.Title != "" {
					fmt.Fprintf(&b, "    %s%s %s\n", s.Marker, s.Title, dim(fmt.Sprintf("(line %d)", s.Line())))
					indent = "      "
				}
				for _, ss := range s.Subsections {
					uindent := indent
					if ss.Title != "" {
						fmt.Fprintf(&b, "%s%s%s %s\n", indent, ss.Marker, ss.Title, dim(fmt.Sprintf("(line %d)", ss.Line())))
						uindent += "  "
					}
					for _, u := range ss.Units {
						label := u.Heading
						if label == "" {
							label = u.Text
						}
						tag := ""
						if u.Role != corpus.RoleNone {
							tag = role("["+string(u.Role)+"]") + " "
						}
						prefix := fmt.Sprintf("%s%-5d %-7s ", uindent, u.Line, u.ID)
						room := st.width() - hanzi.Width(prefix) - hanzi.Width(stripTag(u.Role))
						fmt.Fprintf(&b, "%s%s%s\n", dim(prefix), tag, hanzi.Truncate(label, max(room, 10)))
					}
				}
			}
		}
	}
	return writeText(w, b.String())
}

func stripTag(r corpus.Role) string {
	if r == corpus.RoleNone {
		return ""
	}
	return "[" + string(r) + "] "
}
