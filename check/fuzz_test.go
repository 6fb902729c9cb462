package check

import (
	"bytes"
	"testing"
)

// FuzzParseSnapshot: whatever the bytes, ParseSnapshot returns an error or
// a snapshot that WriteSnapshot writes and ParseSnapshot reads back to the
// same bytes (round trip and idempotence); it never panics.
func FuzzParseSnapshot(f *testing.F) {
	f.Add([]byte(`{"reportdiff_facts": 1, "reports": []}`))
	f.Add([]byte(`{"reportdiff_facts": 1, "reports": [{"id": "a", "file": "a.txt", "line": 1, "year": 2021, "review_year": 2020, "units": 3,
		"parts": [{"kind": "review", "heading": "一、2020年工作回顾", "line": 3}],
		"sections": [{"part": "review", "title": "产业", "line": 4, "units": 2}],
		"figures": [{"indicator": "生产总值增长", "kind": "outcome", "year": 2020, "value": 6.5, "qualifier": "around", "measure": "%", "text": "6.5%左右", "line": 4}],
		"commitments": [{"key": "科技中心", "label": "科技中心", "part": "plan", "status": "promised", "line": 9}],
		"lint": [{"rule": "quotes-unbalanced", "fingerprint": "00ff", "line": 4, "message": "“"}]}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ParseSnapshot(b)
		if err != nil {
			return
		}
		var w bytes.Buffer
		if err := WriteSnapshot(&w, s); err != nil {
			t.Fatal(err)
		}
		rewrite(t, w.Bytes())
	})
}
