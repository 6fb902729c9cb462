package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// ReportRow is one report as `reportdiff corpus --format json` shows it.
type ReportRow struct {
	ID         string         `json:"id"`
	Year       int            `json:"year"`
	ReviewYear int            `json:"review_year"`
	YearFrom   string         `json:"year_from"`
	Delivered  string         `json:"delivered"` // 2023-01-12, or "" when the text does not say
	Script     string         `json:"script"`    // simplified, traditional, or ""
	Encoding   string         `json:"encoding"`  // the encoding its file was read in
	Title      string         `json:"title"`
	Government string         `json:"government"`
	File       string         `json:"file"`
	Line       int            `json:"line"`
	Chars      int            `json:"chars"`
	Parts      []string       `json:"parts"`
	Sections   int            `json:"sections"`
	Units      int            `json:"units"`
	Evidence   []EvidenceJSON `json:"evidence"`
}

// EvidenceJSON is one piece of year evidence.
type EvidenceJSON struct {
	Kind    string `json:"kind"`
	Text    string `json:"text"`
	Line    int    `json:"line"`
	Implies int    `json:"implies"`
	Reason  string `json:"reason"`
}

// CorpusJSON is the document `reportdiff corpus --format json` writes.
type CorpusJSON struct {
	Reports  []ReportRow `json:"reports"`
	Warnings []string    `json:"warnings"`
}

// Rows returns the report rows of a corpus in year order.
func Rows(c *corpus.Corpus) []ReportRow {
	var rows []ReportRow
	for _, r := range c.Reports {
		row := ReportRow{ID: r.ID, Year: r.Year, ReviewYear: r.ReviewYear, YearFrom: r.YearFrom, Delivered: r.Delivered,
			Script: string(r.Script), Encoding: r.Source.Encoding, Title: r.Title,
			Government: r.Government, File: r.Source.Name, Line: r.Source.LineAt(r.Span.Start), Chars: r.Chars(),
			Sections: len(numbered(r)), Units: len(r.Units), Parts: []string{}, Evidence: []EvidenceJSON{}}
		for _, p := range r.Parts {
			row.Parts = append(row.Parts, string(p.Kind))
		}
		for _, e := range r.Evidence {
			row.Evidence = append(row.Evidence, EvidenceJSON{Kind: e.Kind, Text: e.Text, Line: e.Line, Implies: e.Implies, Reason: e.Reason})
		}
		rows = append(rows, row)
	}
	return rows
}

// numbered returns the sections of a report that have a title.
func numbered(r *corpus.Report) []*corpus.Section {
	var ss []*corpus.Section
	for _, s := range r.Sections() {
		if s.Title != "" {
			ss = append(ss, s)
		}
	}
	return ss
}

// CorpusJSONOf builds the JSON document of `reportdiff corpus`.
func CorpusJSONOf(c *corpus.Corpus) CorpusJSON {
	return CorpusDoc(Rows(c), c.Warnings)
}

// CorpusDoc builds the JSON document of `reportdiff corpus` from the rows
// and warnings of one series or many.
func CorpusDoc(rows []ReportRow, warnings []corpus.Warning) CorpusJSON {
	doc := CorpusJSON{Reports: rows, Warnings: []string{}}
	if doc.Reports == nil {
		doc.Reports = []ReportRow{}
	}
	for _, w := range warnings {
		doc.Warnings = append(doc.Warnings, w.String())
	}
	return doc
}

// CorpusTable writes one row per report; verbose adds the evidence for each
// report's year under its row.
func CorpusTable(w io.Writer, c *corpus.Corpus, verbose bool, st Style) error {
	return CorpusRowsTable(w, Rows(c), c.Warnings, verbose, st)
}

// CorpusRowsTable writes the corpus table of report rows (of one series
// or of many); verbose adds the evidence for each report's year under its
// row, and the warnings at the end.
func CorpusRowsTable(w io.Writer, rows []ReportRow, warnings []corpus.Warning, verbose bool, st Style) error {
	head := st.paint(boldAttr...)
	dim := st.paint(dimAttr...)
	cols := []string{"ID", "YEAR", "REVIEWS", "GOVERNMENT", "TITLE", "CHARS", "PARTS", "SECTIONS", "UNITS"}
	dated := false
	for _, r := range rows {
		dated = dated || r.Delivered != ""
	}
	if dated {
		// Reports delivered in December for the next year: the date beside
		// the work year.
		cols = append(cols[:3], append([]string{"DELIVERED"}, cols[3:]...)...)
	}
	cells := [][]string{}
	for _, r := range rows {
		row := []string{r.ID, yearText(r.Year), yearText(r.ReviewYear), orUnknown(r.Government), orUnknown(r.Title),
			fmt.Sprint(r.Chars), strings.Join(r.Parts, ","), fmt.Sprint(r.Sections), fmt.Sprint(r.Units)}
		if dated {
			row = append(row[:3], append([]string{orUnknown(r.Delivered)}, row[3:]...)...)
		}
		cells = append(cells, row)
	}
	widths := make([]int, len(cols))
	for i, c := range cols {
		widths[i] = hanzi.Width(c)
		for _, row := range cells {
			widths[i] = max(widths[i], hanzi.Width(row[i]))
		}
	}
	line := func(vals []string, paint func(string) string) string {
		var b strings.Builder
		for i, v := range vals {
			if i > 0 {
				b.WriteString("  ")
			}
			if i == len(vals)-1 {
				b.WriteString(paint(v))
			} else {
				b.WriteString(paint(hanzi.PadRight(v, widths[i])))
			}
		}
		return b.String() + "\n"
	}
	var b strings.Builder
	b.WriteString(line(cols, head))
	for i, row := range cells {
		b.WriteString(line(row, func(s string) string { return s }))
		if verbose {
			r := rows[i]
			fmt.Fprintf(&b, "    %s\n", dim(fmt.Sprintf("%s (%s), line %d; year %s", r.File, r.Encoding, r.Line, yearSource(r))))
			for _, e := range r.Evidence {
				where := fmt.Sprintf("line %-4d", e.Line)
				if e.Line == 0 {
					where = fmt.Sprintf("%-9s", e.Kind)
				}
				fmt.Fprintf(&b, "    %s %-11s %s → %d  %s\n", where, e.Kind, e.Text, e.Implies, dim("("+e.Reason+")"))
			}
		}
	}
	if verbose {
		for _, wn := range warnings {
			fmt.Fprintf(&b, "warning: %s\n", wn)
		}
	}
	return writeText(w, b.String())
}

func yearSource(r ReportRow) string {
	switch r.YearFrom {
	case "stated":
		return "stated by flag or manifest"
	case "evidence":
		return "from " + plural(len(r.Evidence), "piece", "pieces") + " of evidence in the text"
	}
	return "unknown: no evidence in the text"
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

func yearText(y int) string {
	if y == 0 {
		return "?"
	}
	return fmt.Sprint(y)
}

// SeriesHeading is the line that opens one government's part of a text
// view of a corpus of several: ══ 甲省 ══.
func SeriesHeading(name string, st Style) string {
	if name == "" {
		name = "unknown"
	}
	return st.paint(boldAttr...)(Visible("══ " + name + " ══"))
}
