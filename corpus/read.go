package corpus

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/lazyre"
	"github.com/reportdiff/reportdiff/internal/work"
)

//go:embed seed/seed.txt
var defaultText string

// reading is every expression of the package: reading a text uses many of
// them (which, depends on its form: markdown, text from a PDF …). Warm
// starts compiling them on an idle processor, rather than one at a time on
// the way of the reading.
var reading lazyre.Group

// Warm starts making, in the background, what reading a text uses: it
// compiles the expressions (most of a millisecond) and reads the tables of
// cues and calendar phrases, which are made on first use rather than as the
// package initialises. It returns at once: a program about to read a
// corpus calls it as early as it can, so that the reading finds them made.
// Open and ParseSource call it too. It does its work once, whoever calls it
// first.
func Warm() {
	reading.Warm()
	warmTables.Do(func() {
		go func() {
			partCues()
			calendar()
			genericBigrams()
		}()
	})
}

// warmTables makes Warm read the tables once.
var warmTables sync.Once

// DefaultName is the name of the embedded default corpus.
const DefaultName = "embedded:seed.txt"

// DefaultText returns the text of the embedded default corpus: three work
// reports of one district government, in one file.
func DefaultText() string { return defaultText }

// InputError is a problem with the input that the user must fix: a file that
// cannot be read, is not UTF-8, is empty, or a manifest that does not fit.
type InputError struct {
	Path string
	Line int // 0 when it concerns the whole file
	Msg  string
	Hint string // what to do about it
	Err  error  // the error underneath, if any
	// Warnings are what the reading noticed before it failed: the files
	// it skipped.
	Warnings []Warning
}

// ErrNoReports is the error underneath an *InputError for a series none of
// whose files could be read.
var ErrNoReports = errors.New("no report could be read")

// Unwrap returns the error underneath.
func (e *InputError) Unwrap() error { return e.Err }

func (e *InputError) Error() string {
	loc := e.Path
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
	}
	s := loc + ": " + e.Msg
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

// Options change how a corpus is read.
type Options struct {
	// Years states the work year of reports outright, by report id or
	// file name; it wins over evidence in the text.
	Years map[string]int
	// Encoding forces the encoding files are read in (a name EncodingName
	// returns); "" detects each file's.
	Encoding string
	// Strict makes a report file of a directory that cannot be read (empty,
	// not text) an error; otherwise it is skipped with a warning.
	Strict bool
}

// Load reads a corpus from path: a file holding one report or several (each
// opened by a 篇N line), or a directory of UTF-8 text files, one report each,
// with an optional manifest.json. An empty path reads the embedded default.
func Load(path string, opts Options) (*Corpus, error) { return load(path, opts, nil) }

// load is Load with some files parsed already (see buildParsed).
func load(path string, opts Options, parsed map[string]parsedFile) (*Corpus, error) {
	if path == "" {
		return Build([]File{{Name: DefaultName, Text: defaultText}}, nil, opts)
	}
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &InputError{Path: path, Msg: "no such file or directory", Hint: "give --corpus a report file or a directory of reports", Err: err}
		}
		return nil, &InputError{Path: path, Msg: err.Error(), Err: err}
	}
	if !info.IsDir() {
		f, err := readText(path, opts.Encoding)
		if err != nil {
			return nil, err
		}
		return buildParsed([]File{f}, nil, opts, "", parsed)
	}
	return loadDir(path, opts, parsed)
}

// FromText reads a corpus from one text already in memory: a report, or
// several opened by 篇N lines. name stands for the file in ids and messages.
func FromText(name, text string) (*Corpus, error) {
	return Build([]File{{Name: name, Text: text}}, nil, Options{})
}

// File is one input file's name and text.
type File struct {
	Name     string
	Text     string // decoded
	Encoding string // the encoding it was read in; "" for UTF-8
	raw      *rawText
	notes    []Warning // what decoding noticed: a few bytes that are no character
}

// Manifest describes the reports of a directory corpus. Every field is
// optional.
type Manifest struct {
	Government string          `json:"government"`
	Source     string          `json:"source"`
	Reports    []ManifestEntry `json:"reports"`
}

// ManifestEntry describes one file of a directory corpus.
type ManifestEntry struct {
	File       string `json:"file"`
	Year       int    `json:"year"`
	Government string `json:"government"`
	Title      string `json:"title"`
	Source     string `json:"source"`
}

// ParseManifest reads a manifest.json: one JSON object of the fields of
// Manifest and no others, years between 1900 and 2200 or none.
func ParseManifest(path string, b []byte) (*Manifest, error) {
	man := &Manifest{}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	err := dec.Decode(man)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value")
	}
	if err != nil {
		return nil, &InputError{Path: path, Msg: "not a valid manifest: " + err.Error(),
			Hint: `expected {"government": "…", "reports": [{"file": "2019.txt", "year": 2019}]}`, Err: err}
	}
	for _, e := range man.Reports {
		if e.Year != 0 && (e.Year < 1900 || e.Year > 2200) {
			return nil, &InputError{Path: path, Msg: fmt.Sprintf("report %q: year %d is not a year", e.File, e.Year),
				Hint: "give the year the report's plan is for, e.g. 2019"}
		}
	}
	return man, nil
}

func loadDir(dir string, opts Options, parsed map[string]parsedFile) (*Corpus, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &InputError{Path: dir, Msg: err.Error(), Err: err}
	}
	var man *Manifest
	manPath := filepath.Join(dir, ManifestName)
	if b, err := os.ReadFile(manPath); err == nil {
		if man, err = ParseManifest(manPath, b); err != nil {
			return nil, err
		}
	}
	var paths []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !IsReportFile(name) {
			continue
		}
		paths = append(paths, filepath.Join(dir, name))
	}
	if len(paths) == 0 {
		return nil, &InputError{Path: dir, Msg: "no report files (.txt, .text or .md) in the directory",
			Hint: "put one text file per report in it (UTF-8, GB18030, Big5 or UTF-16)"}
	}
	sort.Strings(paths)
	files, warns, err := readFiles(paths, opts)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, &InputError{Path: dir, Msg: "no report file in the directory could be read", Hint: "see the warnings above for each file",
			Err: ErrNoReports, Warnings: warns}
	}
	c, err := buildParsed(files, man, opts, "", parsed)
	if err != nil {
		return nil, err
	}
	c.Warnings = append(warns, c.Warnings...)
	return c, nil
}

func isTextName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md":
		return true
	}
	return false
}

// readText reads a report file and decodes it (see encoding.go).
func readText(path, force string) (File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return File{}, &InputError{Path: path, Msg: err.Error(), Err: err}
	}
	return FileOf(path, b, force)
}

// CheckText returns an *InputError when b is not UTF-8 text with words in
// it, naming the likely encoding of Chinese text (GB18030, Big5, UTF-16).
// Data files that must be UTF-8 (a theme lexicon) are checked with it.
func CheckText(path string, b []byte) error {
	if !utf8.Valid(b) || utf16Guess(b) != "" {
		_, _, first := invalidUTF8(b)
		line := 1 + bytes.Count(b[:first], []byte("\n"))
		msg, hint := "not UTF-8 text", "save it as UTF-8"
		if enc := DetectEncoding(b); enc != "" && enc != EncUTF8 {
			msg += "; it looks like " + enc
			hint = convertHint(path, enc)
		}
		return &InputError{Path: path, Line: line, Msg: msg, Hint: hint}
	}
	if strings.IndexByte(string(b), 0) >= 0 {
		return &InputError{Path: path, Msg: "a binary file, not text", Hint: "give a UTF-8 text file"}
	}
	if trimSpace(string(b)) == "" {
		return &InputError{Path: path, Msg: "the file is empty", Hint: "give a file holding a report"}
	}
	return nil
}

// invalidUTF8 returns how many bytes of b are no part of a UTF-8 character,
// how many characters it holds, and where the first such byte is (len(b)
// when there is none).
func invalidUTF8(b []byte) (bad, runes, first int) {
	first = len(b)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			if bad == 0 {
				first = i
			}
			bad++
		}
		runes++
		i += n
	}
	return bad, runes, first
}

// commonHan holds the most frequent characters of Chinese government prose,
// in Simplified form.
const commonHan = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府务改革推进加强完善城市区域服务管理社会文化经济环境保护建设工作发展群众企业项目"

// Build assembles a corpus from files already read: it parses them, gives
// reports their ids, infers their years and orders them by year.
func Build(files []File, man *Manifest, opts Options) (*Corpus, error) {
	return buildParsed(files, man, opts, "", nil)
}

// buildParsed is Build for the series of a collection: a series name
// prefixes every report id (and so every unit id) with name/; some files
// may be parsed already (by name, with the text they were parsed from):
// those are not parsed again.
func buildParsed(files []File, man *Manifest, opts Options, series string, parsed map[string]parsedFile) (*Corpus, error) {
	c := &Corpus{}
	byFile := map[string]ManifestEntry{}
	if man != nil {
		known := map[string]bool{}
		for _, f := range files {
			known[filepath.Base(f.Name)] = true
		}
		for _, e := range man.Reports {
			if !known[e.File] {
				return nil, &InputError{Path: "manifest.json", Msg: fmt.Sprintf("names %q, which is not in the directory", e.File),
					Hint: "fix the file name or remove the entry"}
			}
			byFile[e.File] = e
		}
	}
	srcs := make([]*Source, len(files))
	warns := make([][]Warning, len(files))
	work.Each(len(files), func(i int) {
		if p, ok := parsed[files[i].Name]; ok && p.text == files[i].Text {
			srcs[i], warns[i] = p.src, p.warns
			return
		}
		srcs[i], warns[i] = ParseSource(files[i].Name, files[i].Text)
	})
	for i, f := range files {
		src := srcs[i]
		src.Encoding, src.raw = f.Encoding, f.raw
		if src.Encoding == "" {
			src.Encoding = EncUTF8
		}
		c.Sources = append(c.Sources, src)
		c.Warnings = append(c.Warnings, f.notes...)
		c.Warnings = append(c.Warnings, warns[i]...)
	}
	reportIDs(c.Sources)
	stated := map[*Report]int{}
	ids := map[string]bool{}
	for _, src := range c.Sources {
		e, inManifest := byFile[filepath.Base(src.Name)]
		for _, r := range src.Reports {
			local := r.ID
			if series != "" {
				r.ID = series + "/" + r.ID
				for _, u := range r.Units {
					u.ID = series + "/" + u.ID
				}
			}
			ids[local] = true
			c.Reports = append(c.Reports, r)
			if inManifest {
				if e.Year > 0 && len(src.Reports) == 1 {
					stated[r] = e.Year
				}
				if e.Government != "" {
					r.Government = e.Government
				}
				if e.Title != "" {
					r.Title = e.Title
				}
			}
			if man != nil && man.Government != "" && r.Government == "" {
				r.Government = man.Government
			}
			for _, key := range []string{local, filepath.Base(src.Name)} {
				if y, ok := opts.Years[key]; ok {
					stated[r] = y
				}
			}
		}
	}
	for key := range opts.Years {
		found := ids[key]
		for _, src := range c.Sources {
			found = found || filepath.Base(src.Name) == key
		}
		if !found {
			return nil, &InputError{Path: "--year", Msg: fmt.Sprintf("no report has the id %q", key), Hint: "see the ids with: reportdiff corpus"}
		}
	}
	c.Warnings = append(c.Warnings, inferYears(c.Reports, stated)...)
	sort.SliceStable(c.Reports, func(i, j int) bool {
		a, b := c.Reports[i], c.Reports[j]
		if (a.Year == 0) != (b.Year == 0) {
			return a.Year != 0
		}
		return a.Year < b.Year
	})
	return c, nil
}

// Find returns the report a name means. A name of four digits is a year
// (2036: the report whose work year is 2036), or the id of a report whose
// year is unknown; id:NAME is an id only; a file's name with its extension
// (2036.txt) is the report that file holds alone; any other name is an id,
// then a year. So when 2019.txt holds the 2020 report and no report is of
// 2019, 2019 is an error that says so (never the 2020 report under another
// name), and the file is still reached as 2019.txt or id:2019.
func (c *Corpus) Find(name string) (*Report, error) {
	if c.Series != "" {
		name = strings.TrimPrefix(name, c.Series+"/") // 浙江省/2023 in the series 浙江省
	}
	if id, ok := strings.CutPrefix(name, "id:"); ok {
		if r := c.byID(id); r != nil {
			return r, nil
		}
		return nil, fmt.Errorf("no report has the id %q: name one by year or id (%s)", id, c.names())
	}
	if reYearName.MatchString(name) {
		if r, err := c.byYear(name); r != nil || err != nil {
			return r, err
		}
		if r := c.byID(name); r != nil && r.Year != 0 {
			why := "its text says so"
			if r.YearFrom == "stated" {
				why = "as --year or the manifest states"
			}
			return nil, fmt.Errorf("no report is dated %s: the report with the id %s is of %d (%s); name it id:%s to mean it (%s)",
				name, name, r.Year, why, name, c.names())
		}
	}
	if r := c.byID(name); r != nil {
		return r, nil
	}
	for _, src := range c.Sources {
		if len(src.Reports) == 1 && filepath.Base(src.Name) == name {
			return src.Reports[0], nil
		}
	}
	if r, err := c.byYear(name); r != nil || err != nil {
		return r, err
	}
	return nil, fmt.Errorf("no report %q: name one by year or id (%s)", name, c.names())
}

var reYearName = reading.New(`^[0-9]{4}$`)

func (c *Corpus) byID(id string) *Report {
	for _, r := range c.Reports {
		if r.ID == id || c.Series != "" && r.ID == c.Series+"/"+id {
			return r
		}
	}
	return nil
}

// byYear returns the one report of a year, nil when there is none, an error
// when there are several.
func (c *Corpus) byYear(name string) (*Report, error) {
	y, err := strconv.Atoi(name)
	if err != nil {
		return nil, nil
	}
	var match []*Report
	for _, r := range c.Reports {
		if r.Year == y {
			match = append(match, r)
		}
	}
	switch len(match) {
	case 0:
		return nil, nil
	case 1:
		return match[0], nil
	}
	return nil, fmt.Errorf("%d reports are dated %s: name one by id (%s)", len(match), name, c.names())
}

func (c *Corpus) names() string {
	var ns []string
	for _, r := range c.Reports {
		if r.Year > 0 {
			ns = append(ns, fmt.Sprintf("%d=%s", r.Year, r.ID))
		} else {
			ns = append(ns, r.ID)
		}
	}
	return strings.Join(ns, ", ")
}

// Index returns the position of r in the corpus's year order, or -1.
func (c *Corpus) Index(r *Report) int {
	for i, x := range c.Reports {
		if x == r {
			return i
		}
	}
	return -1
}

// Unit returns the unit with the given id, or nil. In a series of a
// collection, the id may leave out the series' name.
func (c *Corpus) Unit(id string) *Unit {
	for _, r := range c.Reports {
		for _, u := range r.Units {
			if u.ID == id || c.Series != "" && u.ID == c.Series+"/"+id {
				return u
			}
		}
	}
	return nil
}
