// Package render writes the corpus-level views of reportdiff (the report
// table, the outline, lint findings) as text or JSON to an io.Writer. It
// takes data from the corpus package and a Style; it never decides by itself
// whether to color, and never looks at the terminal or the environment.
package render

import (
	"encoding/json"
	"io"

	"github.com/fatih/color"
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
// Each color is switched on or off here, so fatih/color's package-level
// NoColor (fixed from os.Stdout when it loads) plays no part.
func (s Style) paint(attrs ...color.Attribute) func(string) string {
	c := color.New(attrs...)
	if s.Color {
		c.EnableColor()
	} else {
		c.DisableColor()
	}
	return func(t string) string { return c.Sprint(t) }
}

// JSON writes v as indented JSON with a final newline.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
