package render

// govLink links to a government's part of a comparison.
type govLink struct{ Href, Name, Lang string }
