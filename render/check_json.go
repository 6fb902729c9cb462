package render

import (
	"io"

	"github.com/reportdiff/reportdiff/check"
)

// CheckJSON is the document `reportdiff check --format json` writes.
type CheckJSON struct {
	Against   string          `json:"against,omitempty"`
	Counts    CountsJSON      `json:"counts"`
	Ignorable int             `json:"ignorable"`
	Compared  int             `json:"compared"`
	Unchanged int             `json:"unchanged"`
	Findings  []check.Finding `json:"findings"`
}

// CountsJSON counts findings by severity; those already there apart.
type CountsJSON struct {
	Error    int `json:"error"`
	Warning  int `json:"warning"`
	Notice   int `json:"notice"`
	Existing int `json:"existing"`
}

// CheckJSONOf builds the JSON document of a check.
func CheckJSONOf(res *check.Result) CheckJSON {
	c := res.Count()
	fs := res.Findings
	if fs == nil {
		fs = []check.Finding{}
	}
	return CheckJSON{Against: res.Against, Counts: CountsJSON{c.Error, c.Warning, c.Notice, c.Existing},
		Ignorable: res.Ignorable, Compared: res.Compared, Unchanged: res.Unchanged, Findings: fs}
}

// CheckJSONTo writes the JSON document of a check.
func CheckJSONTo(w io.Writer, res *check.Result) error { return JSON(w, CheckJSONOf(res)) }
