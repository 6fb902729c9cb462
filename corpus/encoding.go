package corpus

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/reportdiff/reportdiff/internal/english"
	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// A report file may be UTF-8, GB18030 (or its subsets GBK and GB2312), Big5
// or UTF-16 with or without a byte-order mark. The reader tells which and
// decodes it; everything after works on the decoded text, so offsets, lines
// and `show` refer to it. The original bytes stay with the source, and
// Source.Raw gives back those of any span.

// Names of the encodings a file can be read in.
const (
	EncUTF8    = "UTF-8"
	EncGB18030 = "GB18030"
	EncBig5    = "Big5"
	EncUTF16LE = "UTF-16LE"
	EncUTF16BE = "UTF-16BE"
)

// encodings maps the name of each encoding to its decoder; UTF-8 has none.
var encodings = map[string]encoding.Encoding{
	EncGB18030: simplifiedchinese.GB18030,
	EncBig5:    traditionalchinese.Big5,
	EncUTF16LE: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
	EncUTF16BE: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM),
}

// EncodingName returns the canonical name of an encoding a user names
// (utf-8, gbk, gb2312, gb18030, big5, utf-16, utf-16le, utf-16be), or an
// error listing those it knows.
func EncodingName(name string) (string, error) {
	switch n := strings.ToLower(strings.TrimSpace(name)); n {
	case "utf-8", "utf8":
		return EncUTF8, nil
	case "utf-16", "utf16":
		return "UTF-16", nil // the byte-order mark decides; little-endian without one
	case "gbk", "gb2312", "gb18030", "cp936":
		return EncGB18030, nil
	default:
		if e, err := htmlindex.Get(n); err == nil {
			cn, _ := htmlindex.Name(e)
			switch cn {
			case "big5":
				return EncBig5, nil
			case "utf-16le":
				return EncUTF16LE, nil
			case "utf-16be":
				return EncUTF16BE, nil
			}
		}
	}
	return "", fmt.Errorf("unknown encoding %q: want utf-8, gb18030 (gbk), big5, utf-16, utf-16le or utf-16be", name)
}

// rawText is a file's bytes and where its decoded lines start in them.
type rawText struct {
	bytes    []byte
	encoding string
	dec, raw []int // the start of each line in the decoded text and in the bytes
	// corrupt counts the bytes that are no character (at most one in
	// tolerated characters), the first at corruptAt in the decoded text.
	corrupt, corruptAt int
}

// tolerated: a file with more than one byte that is no character in this
// many characters is not in the encoding tried; one with fewer is, with a
// few corrupt bytes that the reading names.
const tolerated = 200

// decodeFile decodes the bytes of a file: in the encoding named by force
// (a name EncodingName returned), else in the one it detects. It fails with
// an *InputError for a binary file, an empty one, or bytes that are not text
// in any encoding it knows.
func decodeFile(path string, b []byte, force string) (string, *rawText, error) {
	if force != "" {
		n, err := EncodingName(force) // any spelling a caller gives: big5, GBK …
		if err != nil {
			return "", nil, &InputError{Path: path, Msg: err.Error(), Hint: "name one of those encodings", Err: err}
		}
		force = n
	}
	enc := force
	if enc == "" {
		enc = DetectEncoding(b)
	}
	if enc == "" {
		_, _, first := invalidUTF8(b)
		line := 1 + bytes.Count(b[:first], []byte("\n"))
		return "", nil, &InputError{Path: path, Line: line, Msg: "not text in an encoding reportdiff knows (UTF-8, GB18030, Big5, UTF-16)",
			Hint: "convert it to UTF-8, or name its encoding with --encoding"}
	}
	if enc == "UTF-16" {
		enc = EncUTF16LE
		if len(b) >= 2 && b[0] == 0xfe && b[1] == 0xff {
			enc = EncUTF16BE
		}
	}
	var text string
	rt := &rawText{bytes: b, encoding: enc}
	if enc == EncUTF8 {
		bad, runes, first := invalidUTF8(b)
		if bad*tolerated > runes {
			line := 1 + bytes.Count(b[:first], []byte("\n"))
			return "", nil, &InputError{Path: path, Line: line, Msg: "not UTF-8 text", Hint: "name its encoding with --encoding, or convert it to UTF-8"}
		}
		text = string(b) // a few corrupt bytes stay as they are: FileOf names them
		rt.corrupt, rt.corruptAt = bad, first
	} else {
		var err error
		text, err = rt.decode()
		if err != nil {
			return "", nil, &InputError{Path: path, Msg: "cannot be read as " + enc + ": " + err.Error(), Hint: "name its encoding with --encoding", Err: err}
		}
		bad := strings.Count(text, string(utf8.RuneError))
		if bad*tolerated > utf8.RuneCountInString(text) {
			line := 1 + strings.Count(text[:strings.IndexRune(text, utf8.RuneError)], "\n")
			hint := "name its encoding with --encoding, or convert it to UTF-8"
			if force != "" {
				hint = "it is in another encoding: leave --encoding out to detect each file's, or convert it to UTF-8"
			}
			return "", nil, &InputError{Path: path, Line: line, Msg: english.Plural(bad, "character is", "characters are") + " not " + enc,
				Hint: hint}
		}
		if bad > 0 {
			rt.corrupt, rt.corruptAt = bad, strings.IndexRune(text, utf8.RuneError)
		}
	}
	if looksBinary(text) {
		return "", nil, &InputError{Path: path, Msg: "a binary file, not text", Hint: "give a text file"}
	}
	if trimSpace(text) == "" {
		return "", nil, &InputError{Path: path, Msg: "the file is empty", Hint: "give a file holding a report"}
	}
	return text, rt, nil
}

// looksBinary reports whether a text holds a zero byte, or control
// characters other than tabs, line and page ends in more than one byte in a
// hundred: a binary file, whatever its bytes decode to.
func looksBinary(text string) bool {
	ctl := 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b:
			ctl++
		}
	}
	return ctl*100 > len(text)
}

// decode decodes the bytes line by line, noting where each line starts in
// both, so that a span of the text can be mapped back to its bytes.
func (rt *rawText) decode() (string, error) {
	b := rt.bytes
	unit, nl := 1, []byte{'\n'}
	switch rt.encoding {
	case EncUTF16LE:
		unit, nl = 2, []byte{'\n', 0}
	case EncUTF16BE:
		unit, nl = 2, []byte{0, '\n'}
	}
	start := 0
	if unit == 2 && len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff) {
		start = 2 // the byte-order mark is no character of the text
	}
	var out strings.Builder
	dec := encodings[rt.encoding].NewDecoder()
	for pos := start; pos < len(b); {
		end := len(b)
		for i := pos; i+len(nl) <= len(b); i += unit {
			if bytes.Equal(b[i:i+len(nl)], nl) {
				end = i + len(nl)
				break
			}
		}
		rt.dec = append(rt.dec, out.Len())
		rt.raw = append(rt.raw, pos)
		s, err := dec.Bytes(b[pos:end])
		if err != nil {
			return "", err
		}
		out.Write(s)
		pos = end
	}
	return out.String(), nil
}

// rawOffset maps a byte offset of the decoded text to one of the file.
func (rt *rawText) rawOffset(text string, off int) int {
	if rt == nil || rt.encoding == EncUTF8 {
		return off
	}
	i := sort.SearchInts(rt.dec, off+1) - 1
	if i < 0 {
		return 0
	}
	if off == rt.dec[i] {
		return rt.raw[i]
	}
	next := len(rt.bytes)
	if i+1 < len(rt.raw) {
		next = rt.raw[i+1]
	}
	// Within a line, the length of its start encoded again; a character
	// that did not decode (U+FFFD) may encode longer than it was.
	b, err := encodings[rt.encoding].NewEncoder().String(text[rt.dec[i]:off])
	if err != nil {
		return rt.raw[i]
	}
	return min(rt.raw[i]+len(b), next)
}

// DetectEncoding names the encoding of b: UTF-8 when it is valid UTF-8 (a
// byte-order mark or not), UTF-16 by its byte-order mark or by the zero bytes
// of the ASCII characters in it, else GB18030 or Big5, whichever a
// statistical detector (gogs/chardet, ICU's method) finds and whose decoding
// reads as Chinese; "" when none fits.
func DetectEncoding(b []byte) string {
	switch {
	case len(b) >= 2 && b[0] == 0xff && b[1] == 0xfe:
		return EncUTF16LE
	case len(b) >= 2 && b[0] == 0xfe && b[1] == 0xff:
		return EncUTF16BE
	}
	if enc := utf16Guess(b); enc != "" {
		return enc
	}
	if utf8.Valid(b) {
		return EncUTF8
	}
	if bad, runes, _ := invalidUTF8(b); bad*tolerated <= runes && bad < runes {
		return EncUTF8 // UTF-8 with a few corrupt bytes, which the reading names
	}
	best, bestScore := "", 0
	for _, name := range []string{EncGB18030, EncBig5} {
		if s := chineseScore(b, name); s > bestScore {
			best, bestScore = name, s
		}
	}
	if rs, err := chardet.NewTextDetector().DetectAll(b); err == nil {
		for _, r := range rs {
			var name string
			switch r.Charset {
			case "GB18030", "GB-18030", "GBK", "GB2312":
				name = EncGB18030
			case "Big5":
				name = EncBig5
			default:
				continue
			}
			// The detector's choice stands unless its decoding reads
			// clearly worse than the other's.
			if s := chineseScore(b, name); s > 0 && s*2 >= bestScore {
				return name
			}
			break
		}
	}
	return best
}

// utf16Guess tells UTF-16 without a byte-order mark. Chinese text in
// UTF-16 has zero bytes: the high byte of every ASCII character (line ends,
// digits), at odd offsets in little-endian, at even ones in big-endian,
// and the low byte of a few common characters (一 U+4E00, the ideographic
// space U+3000) at the other. So zeros alone do not decide: a sample with
// any is decoded both ways, and the order whose characters read as text
// (Han, CJK punctuation, full-width forms, printable ASCII and white space)
// almost throughout wins, the other order reading as clearly less; "" when
// neither does. Text in UTF-8, GB18030 or Big5 has no zero byte.
func utf16Guess(b []byte) string {
	n := min(len(b), 1<<14) &^ 1
	if n < 4 || bytes.IndexByte(b[:n], 0) < 0 {
		return ""
	}
	le, be := utf16Plausible(b[:n], false), utf16Plausible(b[:n], true)
	switch {
	case le >= 0.9 && le > be+0.2:
		return EncUTF16LE
	case be >= 0.9 && be > le+0.2:
		return EncUTF16BE
	}
	return ""
}

// utf16Plausible returns the share of the characters of b, read as UTF-16
// in one byte order, that are what text holds; an unpaired surrogate (or
// one cut at the end of the sample) counts as no text.
func utf16Plausible(b []byte, bigEndian bool) float64 {
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	good, all := 0, 0
	for _, r := range utf16.Decode(units) {
		all++
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\f' || r >= 0x20 && r < 0x7f,
			r >= 0x2000 && r <= 0x206f, // general punctuation: “” — …
			r >= 0x3000 && r <= 0x303f, // CJK punctuation
			r >= 0x4e00 && r <= 0x9fff, // CJK ideographs
			r >= 0xff00 && r <= 0xffef, // full-width forms
			r >= 0x2460 && r <= 0x24ff, // circled numbers
			r == 0xfeff:
			good++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(good) / float64(all)
}

// chineseScore decodes b as name and counts the common characters of
// Chinese prose in it, less five for every character it cannot decode.
func chineseScore(b []byte, name string) int {
	out, err := encodings[name].NewDecoder().Bytes(b)
	if err != nil {
		return 0
	}
	score := 0
	for _, r := range string(out) {
		switch {
		case r == utf8.RuneError:
			score -= 5
		case strings.ContainsRune(commonHan, hanzi.FoldRune(r)):
			score++
		}
	}
	return score
}

// convertHint says how to convert a file to UTF-8 with iconv.
func convertHint(path, enc string) string {
	return fmt.Sprintf("convert it first, e.g. iconv -f %s -t UTF-8 %s > %s.utf8.txt", strings.ToUpper(enc), path, strings.TrimSuffix(path, filepath.Ext(path)))
}
