package render

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/diffview"
)

// The CSV views are one rectangular table each, for R, pandas or a
// spreadsheet: a header row, then one row per record of the JSON view,
// with its list fields joined by ";" and absent numbers left empty.

// writeCSV writes a header and rows.
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

// CorpusRow is a row of the corpus table: one report.
type CorpusRow struct {
	ID         string `parquet:"id"`
	Year       int    `parquet:"year"`
	ReviewYear int    `parquet:"review_year"`
	YearFrom   string `parquet:"year_from"`
	Delivered  string `parquet:"delivered"` // 2023-01-12, or "" when the text does not say
	Script     string `parquet:"script"`    // simplified, traditional, or ""
	Encoding   string `parquet:"encoding"`  // the encoding its file was read in
	Government string `parquet:"government"`
	Title      string `parquet:"title"`
	File       string `parquet:"file"`
	Line       int    `parquet:"line"`
	Chars      int    `parquet:"chars"`
	Parts      string `parquet:"parts"` // joined by ";"
	Sections   int    `parquet:"sections"`
	Units      int    `parquet:"units"`
	Evidence   int    `parquet:"evidence"` // how many pieces of evidence of the year
}

// CorpusRows returns the rows of the corpus table.
func CorpusRows(rs []ReportRow) []CorpusRow {
	var rows []CorpusRow
	for _, r := range rs {
		rows = append(rows, CorpusRow{ID: r.ID, Year: r.Year, ReviewYear: r.ReviewYear, YearFrom: r.YearFrom,
			Delivered: r.Delivered, Script: r.Script, Encoding: r.Encoding, Government: r.Government,
			Title: r.Title, File: r.File, Line: r.Line, Chars: r.Chars, Parts: strings.Join(r.Parts, ";"), Sections: r.Sections,
			Units: r.Units, Evidence: len(r.Evidence)})
	}
	return rows
}

// CorpusCSV writes one row per report: the columns of the corpus table.
func CorpusCSV(w io.Writer, c *corpus.Corpus) error {
	return writeTable(w, CorpusRows(Rows(c)))
}

// OutlineCSV writes one row per unit, the fields of outline's JSON.
func OutlineCSV(w io.Writer, reports []*corpus.Report) error {
	var rows [][]string
	for _, u := range OutlineJSONOf(reports).Units {
		rows = append(rows, []string{u.ID, u.Report, strconv.Itoa(u.Year), u.Part, u.Section, u.Subsection, u.Role, u.Heading,
			strconv.Itoa(u.Line), strconv.Itoa(u.EndLine), strconv.Itoa(u.Start), strconv.Itoa(u.End), strconv.Itoa(u.Sentences), u.Text})
	}
	return writeCSV(w, []string{"id", "report", "year", "part", "section", "subsection", "role", "heading", "line", "end_line",
		"start", "end", "sentences", "text"}, rows)
}

// DiffCSV writes one row per pair, the numbers of diff --stat: the units,
// theme, similarity (empty for a unit removed or added), characters deleted
// and inserted, and whether the pair is a change, a removal or an addition.
func DiffCSV(w io.Writer, c *diffview.Comparison) error {
	var rows [][]string
	for _, p := range c.Pairs {
		from, to, sim, status := "", "", "", "changed"
		switch {
		case p.From == nil:
			to, status = p.To.ID, "added"
		case p.To == nil:
			from, status = p.From.ID, "removed"
		default:
			from, to, sim = p.From.ID, p.To.ID, strconv.FormatFloat(round3(p.Similarity), 'f', -1, 64)
			if !p.Changed() {
				status = "unchanged"
			}
		}
		del, ins := changedChars(p.Ops)
		rows = append(rows, []string{c.A.ID, c.B.ID, from, to, p.Theme, sim, strconv.Itoa(del), strconv.Itoa(ins),
			strconv.Itoa(len(p.Figures)), status})
	}
	return writeCSV(w, []string{"from_report", "to_report", "from", "to", "theme", "similarity", "deleted", "inserted",
		"figures", "status"}, rows)
}

// ShowJSON is the document `reportdiff show --format json` writes: one
// report's text exactly as it stands in its file, with where it stands.
type ShowJSON struct {
	ID    string `json:"id"`
	Year  int    `json:"year"`
	File  string `json:"file"`
	Line  int    `json:"line"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// ShowJSONOf builds the JSON document of `reportdiff show`.
func ShowJSONOf(r *corpus.Report) ShowJSON {
	return ShowJSON{ID: r.ID, Year: r.Year, File: r.Source.Name, Line: r.Source.LineAt(r.Span.Start),
		Start: r.Span.Start, End: r.Span.End, Text: r.Source.Text[r.Span.Start:r.Span.End]}
}
