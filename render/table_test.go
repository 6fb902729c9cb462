package render

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// TestParquetRoundTrip writes the rows of each table as Parquet, reads them
// back with the same library and compares: every column, nulls included,
// in the order written, over several batches (the series of a corpus).
func TestParquetRoundTrip(t *testing.T) {
	change, share := 1.25, 0.125
	shares := []ShareRow{
		{Government: "甲市", Theme: "economy", Report: "甲市/2022", Year: 2022, Part: "plan", Share: share, Rank: 1},
		{Government: "甲市", Theme: "economy", Report: "甲市/2023", Year: 2023, Part: "plan", Share: 0.25, Rank: 2, Change: &change},
		{Government: "乙縣", Theme: "culture", Report: "乙縣/2023", Year: 2023, Part: "review", Share: 0.5, Rank: 1},
	}
	roundTrip(t, shares)
	v := 6.5
	roundTrip(t, []TargetRow{
		{Government: "甲市", Name: "地区生产总值增长", Aliases: "地區生產總值增長;GDP增长", Measure: "%", Headline: true, Year: 2022,
			Kind: "target", Value: &v, Low: &v, High: &v, Qualifier: "around", Report: "甲市/2022", Unit: "甲市/2022.6", Line: 8, Text: "增长6.5%左右"},
		{Government: "乙縣", Name: "某率", Year: 2023, Kind: "target", Text: "達到上級要求"},
	})
	roundTrip(t, []CommitmentRow{{Government: "甲市", Key: "甲市科技馆", Label: "甲市科技馆", Status: "achieved", Year: 2023, Line: 6, Text: "…"}})
	roundTrip(t, []CorpusRow{{ID: "甲市/2022", Year: 2022, Government: "甲市", Parts: "preamble;review;plan", Units: 7}})
	roundTrip(t, []VerdictRow{{Government: "乙縣", Indicator: "地区生产总值增长", Measure: "%", Year: 2022, Target: "7%左右", Outcome: "6.2%", Verdict: "missed"}})
}

func roundTrip[R any](t *testing.T, rows []R) {
	t.Helper()
	var b bytes.Buffer
	tab := NewParquetTable[R](&b)
	for i := range rows {
		if err := tab.Write(rows[i : i+1]); err != nil { // a batch per row: a series each
			t.Fatal(err)
		}
	}
	if err := tab.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var cols []string
	for _, c := range f.Schema().Fields() {
		cols = append(cols, c.Name())
	}
	if want := Columns[R](); !slices.Equal(cols, want) {
		t.Errorf("Parquet columns %v, want those of CSV %v", cols, want)
	}
	r := parquet.NewGenericReader[R](bytes.NewReader(b.Bytes()))
	got := make([]R, len(rows)+1)
	n, _ := r.Read(got)
	if n != len(rows) {
		t.Fatalf("read %d rows, wrote %d", n, len(rows))
	}
	for i := range rows {
		if !equalRows(got[i], rows[i]) {
			t.Errorf("row %d: read %+v, wrote %+v", i, got[i], rows[i])
		}
	}
	// CSV of the same rows: a header of the same columns, then a line each.
	var c bytes.Buffer
	ct, _ := NewCSVTable[R](&c)
	ct.Write(rows)
	ct.Close()
	lines := strings.Split(strings.TrimSpace(c.String()), "\n")
	if lines[0] != strings.Join(Columns[R](), ",") || len(lines) != len(rows)+1 {
		t.Errorf("CSV %q: want the header %v and %d rows", c.String(), Columns[R](), len(rows))
	}
}

// equalRows compares two rows field by field, pointers by what they point to.
func equalRows[R any](a, b R) bool {
	return slices.Equal(cells(reflect.ValueOf(a)), cells(reflect.ValueOf(b)))
}
