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
	if enc := raw.encoding; enc != EncUTF8 && strings.ContainsRune(text, utf8.RuneError) || enc == EncUTF8 && !utf8.ValidString(text) {
		// A few bytes that are no character (corruption, a lost byte of a
		// character): read around them, and say where the first is.
		at := strings.IndexRune(text, utf8.RuneError)
		if enc == EncUTF8 {
			at = firstInvalid([]byte(text))
		}
		n := strings.Count(text, string(utf8.RuneError))
		if enc == EncUTF8 {
			n, _ = invalidUTF8([]byte(text))
		}
		line := 1 + strings.Count(text[:at], "\n")
		col := 1 + utf8.RuneCountInString(text[strings.LastIndex(text[:at], "\n")+1:at])
		name := enc
		if name == "" {
			name = EncUTF8
		}
		f.notes = []Warning{{Source: path, Line: line, Message: fmt.Sprintf("column %d: %s not %s (shown as �); the rest of the file is read",
			col, english.Plural(n, "byte is", "bytes are"), name)}}
	}
	return f, nil
}
