// Package paint colors text for the terminal views of render and diffview.
package paint

import "github.com/fatih/color"

// Func returns a function that colors its argument with attrs when on is
// true and returns it unchanged otherwise. Each color is switched on or off
// here, so fatih/color's package-level NoColor (fixed from os.Stdout when it
// loads) plays no part: the caller alone decides.
func Func(on bool, attrs ...color.Attribute) func(string) string {
	c := color.New(attrs...)
	if on {
		c.EnableColor()
	} else {
		c.DisableColor()
	}
	return func(s string) string { return c.Sprint(s) }
}
