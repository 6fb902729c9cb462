package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/english"
)

// ManifestName is the file of a directory corpus that describes its reports.
const ManifestName = "manifest.json"

// IsReportFile reports whether a directory corpus reads the file of this
// name (a base name) as a report: a text file (.txt, .md …) whose name does
// not start with a dot. Load and the readers of earlier versions of a
// corpus (check --against) choose files by this one rule.
func IsReportFile(name string) bool {
	return !strings.HasPrefix(name, ".") && isTextName(name)
}

// FileOf decodes the bytes of a report file as Load reads them (see
// encoding.go) into the File that Build reads: in the encoding force names
// (Options.Encoding), or in the one it detects. It fails with an
// *InputError naming path.
func FileOf(path string, b []byte, force string) (File, error) {
	text, raw, err := decodeFile(path, b, force)
	if err != nil {
		return File{}, err
	}
	f := File{Name: path, Text: text, Encoding: raw.encoding, raw: raw}
	if raw.corrupt > 0 {
		// A few bytes that are no character (corruption, a lost byte of a
		// character): read around them, and say where the first is.
		at := raw.corruptAt
		line := 1 + strings.Count(text[:at], "\n")
		col := 1 + utf8.RuneCountInString(text[strings.LastIndex(text[:at], "\n")+1:at])
		f.notes = []Warning{{Source: path, Line: line, Message: fmt.Sprintf("column %d: %s not %s (shown as �); the rest of the file is read",
			col, english.Plural(raw.corrupt, "byte is", "bytes are"), raw.encoding)}}
	}
	return f, nil
}
