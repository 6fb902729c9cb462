package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/snappy"
	"github.com/reportdiff/reportdiff/internal/english"
)

// The tables of reportdiff (corpus, priorities, targets, commitments) are
// long tables for R, pandas, Polars or DuckDB: one row type each, whose
// fields name the columns (their parquet tags), written as CSV or Parquet
// with the same columns in the same order. A table is the same whether one
// series or many were read, every row keyed by its government, so that the
// tables of several runs (shards of a corpus split by government)
// concatenate.

// Table writes rows of type R, a batch at a time: the rows of one series,
// then the next.
type Table[R any] interface {
	Write(rows []R) error
	Close() error
}

// Columns returns the column names of a row type, in order.
func Columns[R any]() []string {
	t := reflect.TypeFor[R]()
	var cols []string
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("parquet"), ",")
		cols = append(cols, name)
	}
	return cols
}

// NewCSVTable writes a header of the row type's columns, then each row: a
// string as it is, a number in its shortest form, a bool as true or false,
// a nil pointer as the field's na tag ("" when it has none).
func NewCSVTable[R any](w io.Writer) (Table[R], error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns[R]()); err != nil {
		return nil, err
	}
	return &csvTable[R]{cw: cw}, nil
}

type csvTable[R any] struct{ cw *csv.Writer }

func (t *csvTable[R]) Write(rows []R) error {
	for _, r := range rows {
		if err := t.cw.Write(cells(reflect.ValueOf(r))); err != nil {
			return err
		}
	}
	t.cw.Flush()
	return t.cw.Error()
}

func (t *csvTable[R]) Close() error {
	t.cw.Flush()
	return t.cw.Error()
}

// cells formats the fields of a row for CSV.
func cells(v reflect.Value) []string {
	out := make([]string, v.NumField())
	for i := range out {
		f := v.Field(i)
		if f.Kind() == reflect.Pointer {
			if f.IsNil() {
				out[i] = v.Type().Field(i).Tag.Get("na")
				continue
			}
			f = f.Elem()
		}
		switch f.Kind() {
		case reflect.String:
			out[i] = f.String()
		case reflect.Int, reflect.Int32, reflect.Int64:
			out[i] = strconv.FormatInt(f.Int(), 10)
		case reflect.Float64:
			out[i] = fmtFloat(f.Float())
		case reflect.Bool:
			out[i] = strconv.FormatBool(f.Bool())
		default:
			panic(fmt.Sprintf("render: no CSV form for %s column", english.A(f.Kind().String())))
		}
	}
	return out
}

// parquetFlush is how many rows a Parquet table holds before it writes
// them out as a row group.
const parquetFlush = 64 << 10

// NewParquetTable writes rows to w as one Parquet file (Snappy
// compression, a row group every parquetFlush rows or so); Close writes
// the footer. Pointer fields are optional columns: a nil pointer is null.
func NewParquetTable[R any](w io.Writer) Table[R] {
	return &parquetTable[R]{w: parquet.NewGenericWriter[R](w, parquet.Compression(&snappy.Codec{}))}
}

type parquetTable[R any] struct {
	w       *parquet.GenericWriter[R]
	pending int
}

func (t *parquetTable[R]) Write(rows []R) error {
	if _, err := t.w.Write(rows); err != nil {
		return err
	}
	if t.pending += len(rows); t.pending >= parquetFlush {
		t.pending = 0
		return t.w.Flush()
	}
	return nil
}

func (t *parquetTable[R]) Close() error { return t.w.Close() }

// NewTable returns the table writer of a format: csv or parquet.
func NewTable[R any](w io.Writer, format string) (Table[R], error) {
	if format == "parquet" {
		return NewParquetTable[R](w), nil
	}
	return NewCSVTable[R](w)
}
