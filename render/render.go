// Package render writes the corpus-level views of reportdiff (the report
// table, the outline, lint findings) as text or JSON to an io.Writer. It
// takes data from the corpus package and a Style; it never decides by itself
// whether to color, and never looks at the terminal or the environment.
package render

import (
	"encoding/json"
	"io"

	"github.com/fatih/color"

	"github.com/reportdiff/reportdiff/internal/paint"
)

// Style says how text output looks.
type Style struct {
	Color bool // ANSI colors on
	Width int  // columns available; 0 means 100
}

func (s Style) width() int {
	if s.Width <= 0 {
		return 100
	}
	return s.Width
}

// paint returns a function that colors its argument when colors are on.
func (s Style) paint(attrs ...color.Attribute) func(string) string {
	return paint.Func(s.Color, attrs...)
}

// JSON writes v as indented JSON with a final newline.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
