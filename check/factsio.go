package check

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// WriteSnapshot writes a snapshot as JSON with one fact a line, so that a
// snapshot kept in git shows in a diff exactly the facts that changed.
func WriteSnapshot(w io.Writer, s *Snapshot) error {
	var b bytes.Buffer
	val := func(v any) string {
		var e bytes.Buffer
		enc := json.NewEncoder(&e)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			panic(err) // the facts are plain values: they always encode
		}
		return strings.TrimSuffix(e.String(), "\n")
	}
	list := func(name string, n int, item func(i int) any, last bool) {
		fmt.Fprintf(&b, "      %s: [", val(name))
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n        " + val(item(i)))
		}
		if n > 0 {
			b.WriteString("\n      ")
		}
		b.WriteString("]")
		if !last {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "{\n  \"reportdiff_facts\": %d,\n  \"reports\": [", s.Version)
	for i, r := range s.Reports {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    {\n")
		for _, kv := range [][2]any{{"id", r.ID}, {"file", r.File}, {"line", r.Line}, {"year", r.Year}, {"review_year", r.ReviewYear}, {"units", r.Units}} {
			fmt.Fprintf(&b, "      %s: %s,\n", val(kv[0]), val(kv[1]))
		}
		list("parts", len(r.Parts), func(i int) any { return r.Parts[i] }, false)
		list("sections", len(r.Sections), func(i int) any { return r.Sections[i] }, false)
		list("figures", len(r.Figures), func(i int) any { return r.Figures[i] }, false)
		list("commitments", len(r.Commitments), func(i int) any { return r.Commitments[i] }, false)
		list("lint", len(r.Lint), func(i int) any { return r.Lint[i] }, true)
		b.WriteString("    }")
	}
	if len(s.Reports) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("]\n}\n")
	_, err := w.Write(b.Bytes())
	return err
}

// ParseSnapshot reads a snapshot that WriteSnapshot wrote (or any JSON of
// the same shape). It refuses fields it does not know, another version of
// the format, reports without a file and lint findings without a
// fingerprint, saying where.
func ParseSnapshot(b []byte) (*Snapshot, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var s Snapshot
	if err := dec.Decode(&s); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("line %d: %v", 1+bytes.Count(b[:min(int(se.Offset), len(b))], []byte("\n")), err)
		case errors.As(err, &te):
			return nil, fmt.Errorf("line %d: %v", 1+bytes.Count(b[:min(int(te.Offset), len(b))], []byte("\n")), err)
		}
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("more than one JSON value")
	}
	if s.Version != FactsVersion {
		return nil, fmt.Errorf("facts of version %d; this reportdiff reads version %d (write the file again with this reportdiff)", s.Version, FactsVersion)
	}
	for i := range s.Reports {
		r := &s.Reports[i]
		if r.File == "" || path.IsAbs(r.File) {
			return nil, fmt.Errorf("report %d (%q): the file must be a path within the corpus", i+1, r.ID)
		}
		for _, l := range r.Lint {
			if l.Fingerprint == "" || l.Rule == "" {
				return nil, fmt.Errorf("report %q: a lint finding without a rule or fingerprint", r.ID)
			}
		}
		// Lists left out or null read as empty, as WriteSnapshot writes them.
		r.Parts = nonNil(r.Parts)
		r.Sections = nonNil(r.Sections)
		r.Figures = nonNil(r.Figures)
		r.Commitments = nonNil(r.Commitments)
		r.Lint = nonNil(r.Lint)
		r.yearLine = r.Line
	}
	if s.Reports == nil {
		s.Reports = []ReportFacts{}
	}
	return &s, nil
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
