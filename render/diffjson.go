package render

import (
	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/diffview"
)

// OpJSON is an operation as `reportdiff diff --format json` shows it.
type OpJSON struct {
	Op      string `json:"op"`
	Text    string `json:"text"`
	Moved   bool   `json:"moved"`
	MovedTo string `json:"moved_to,omitempty"` // the unit of the other report the sentence stands in
	Ignored bool   `json:"ignored,omitempty"`
}

// FigureJSON is a changed figure.
type FigureJSON struct {
	Label string `json:"label"`
	From  string `json:"from"`
	To    string `json:"to"`
}

// PairJSON is a pair of units and their diff. From or To is "" for a unit
// removed or added whole.
type PairJSON struct {
	From       string       `json:"from"`
	To         string       `json:"to"`
	Theme      string       `json:"theme"`
	FromText   string       `json:"from_text"`
	ToText     string       `json:"to_text"`
	Similarity float64      `json:"similarity"`
	Ops        []OpJSON     `json:"ops"`
	Figures    []FigureJSON `json:"figures"`
}

// ComparisonJSON is the document `reportdiff diff --format json` writes.
type ComparisonJSON struct {
	From  string     `json:"from"`
	To    string     `json:"to"`
	Pairs []PairJSON `json:"pairs"`
}

// ComparisonJSONOf builds the JSON document of a comparison. The equal and delete
// operations of a pair rebuild from_text, the equal and insert operations
// to_text.
func ComparisonJSONOf(c *diffview.Comparison) ComparisonJSON {
	doc := ComparisonJSON{From: c.A.ID, To: c.B.ID, Pairs: []PairJSON{}}
	id := func(u *corpus.Unit) (string, string) {
		if u == nil {
			return "", ""
		}
		return u.ID, u.Text
	}
	for _, p := range c.Pairs {
		pj := PairJSON{Theme: p.Theme, Similarity: float64(int(p.Similarity*1000+0.5)) / 1000, Ops: []OpJSON{}, Figures: []FigureJSON{}}
		pj.From, pj.FromText = id(p.From)
		pj.To, pj.ToText = id(p.To)
		for _, op := range p.Ops {
			pj.Ops = append(pj.Ops, OpJSON{Op: string(op.Kind), Text: op.Text, Moved: op.Moved, MovedTo: op.MovedTo, Ignored: op.Ignored})
		}
		for _, f := range p.Figures {
			pj.Figures = append(pj.Figures, FigureJSON(f))
		}
		doc.Pairs = append(doc.Pairs, pj)
	}
	return doc
}
