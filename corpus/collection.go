package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/reportdiff/reportdiff/internal/hanzi"
	"github.com/reportdiff/reportdiff/internal/work"
)

// A Collection is a corpus of one series of reports or of many: one
// government's reports each, ordered by year once read. Opening a collection
// only lists its files (and, for a flat directory of several governments,
// reads who delivered each report); each series is read on its own
// (Collection.Load), so that a program can read a series, analyse it and
// let it go before the next, and hold no more than the largest series.
//
// How files make series:
//   - the embedded corpus, a file, or a flat directory of one government's
//     reports is one series, read exactly as Load reads it;
//   - a directory tree: every folder that holds report files is a series,
//     named by its path below the top (浙江省, or 某省/某市); a manifest.json
//     in a folder describes that folder's files;
//   - a flat directory whose manifest gives files different governments:
//     a series per government it names;
//   - a flat directory without one, whose texts name several governments
//     (title, dateline, speaker): a series per government, a file that names
//     none joining the government its file name holds (某市2019.txt), else
//     the series "unknown".
//
// Report ids of a collection of several series carry their series' name
// (浙江省/2023, its units 浙江省/2023.15), so that they stay unique.
type Collection struct {
	Path     string
	Series   []*Series // in name order
	Warnings []Warning // what opening noticed: files of no known government
	opts     Options
	many     bool
}

// Series is one government's reports, read when asked.
type Series struct {
	// Name is the government: the folder's path below the top of the
	// tree, the manifest's government or the one the texts name; "" for
	// the one series of a corpus read whole whose government is not known
	// before reading it (the embedded corpus, a single file).
	Name  string
	files []string // the report files, in name order; nil for a corpus read whole
	man   *Manifest
	whole string // the path Load reads as one series, when the collection is one
	// stated is true when the folder or manifest states the government,
	// which then names every report of the series.
	stated bool
	// parsed holds the files of a flat directory that were read and parsed
	// to find their government: Load takes them rather than parsing them
	// again, once.
	parsed map[string]parsedFile
}

// parsedFile is a file read and parsed before its series is loaded.
type parsedFile struct {
	text  string
	src   *Source
	warns []Warning
}

// Unknown names the series of the files of a flat directory of several
// governments that name none.
const Unknown = "unknown"

// Files returns the paths of the series' report files; nil for a corpus
// read whole (the embedded one, a file, a flat directory of one
// government).
func (s *Series) Files() []string { return s.files }

// Open lists the series of the corpus at path (see Collection); an empty
// path is the embedded corpus. It reads the texts only of a flat directory
// with no manifest naming governments, to learn who delivered each report.
func Open(path string, opts Options) (*Collection, error) {
	Warm()
	col := &Collection{Path: path, opts: opts}
	if path == "" {
		col.Series = []*Series{{whole: ""}}
		return col, col.checkYears()
	}
	info, err := os.Stat(path)
	if err != nil {
		_, err := Load(path, opts) // the same message as Load's
		return nil, err
	}
	if !info.IsDir() {
		col.Series = []*Series{{whole: path}}
		return col, col.checkYears()
	}
	folders, err := reportFolders(path)
	if err != nil {
		return nil, err
	}
	top := folders[path]
	delete(folders, path)
	if len(folders) == 0 {
		if err := col.flat(path, top); err != nil {
			return nil, err
		}
		return col, col.checkYears()
	}
	byName := map[string]*Series{}
	for dir, files := range folders {
		rel, _ := filepath.Rel(path, dir)
		s := &Series{Name: filepath.ToSlash(rel), files: files, stated: true}
		if man, err := readManifest(dir); err != nil {
			return nil, err
		} else if man != nil {
			s.man = man
			if man.Government != "" {
				s.Name = man.Government
			}
		}
		byName[s.Name] = s
	}
	if len(top) > 0 {
		// Report files beside the folders are grouped as a flat directory's.
		sub := &Collection{Path: path, opts: opts}
		if err := sub.flat(path, top); err != nil {
			return nil, err
		}
		col.Warnings = append(col.Warnings, sub.Warnings...)
		for _, s := range sub.Series {
			if s.whole != "" {
				// One government at the top: its files, read as a series.
				s = &Series{Name: s.Name, files: top, man: s.man}
				if s.Name == "" {
					s.Name = Unknown
				}
			}
			if o, ok := byName[s.Name]; ok {
				o.files = append(o.files, s.files...)
				sort.Strings(o.files)
				continue
			}
			byName[s.Name] = s
		}
	}
	for _, s := range byName {
		col.Series = append(col.Series, s)
	}
	sort.Slice(col.Series, func(i, j int) bool { return col.Series[i].Name < col.Series[j].Name })
	return col, col.checkYears()
}

// reportFolders returns, for the directory dir and every folder below it
// (folders whose name starts with a dot left out), the report files it
// holds directly, in name order; folders without any are left out, but for
// dir itself.
func reportFolders(dir string) (map[string][]string, error) {
	out := map[string][]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return &InputError{Path: p, Msg: err.Error(), Err: err}
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if p == dir {
				out[p] = nil
			}
			return nil
		}
		if IsReportFile(d.Name()) {
			out[filepath.Dir(p)] = append(out[filepath.Dir(p)], p)
		}
		return nil
	})
	for _, fs := range out {
		sort.Strings(fs)
	}
	return out, err
}

// readManifest reads dir's manifest.json, nil when there is none.
func readManifest(dir string) (*Manifest, error) {
	p := filepath.Join(dir, ManifestName)
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, nil
	}
	return ParseManifest(p, b)
}

// flat groups the report files of a flat directory into series: by the
// manifest's governments, else by the governments the texts name. One
// government makes one series read whole, as Load reads the directory.
func (col *Collection) flat(dir string, files []string) error {
	man, err := readManifest(dir)
	if err != nil {
		return err
	}
	whole := []*Series{{whole: dir, man: man}}
	if man != nil && man.Government != "" {
		whole[0].Name, whole[0].stated = man.Government, true
	}
	if len(files) == 0 {
		col.Series = whole
		return nil
	}
	govs := make([]string, len(files))
	if man != nil {
		for _, e := range man.Reports {
			found := false
			for i, f := range files {
				if e.File == filepath.Base(f) {
					found = true
					if e.Government != "" {
						govs[i] = e.Government
					}
				}
			}
			if !found {
				return &InputError{Path: filepath.Join(dir, ManifestName), Msg: fmt.Sprintf("names %q, which is not in the directory", e.File),
					Hint: "fix the file name or remove the entry"}
			}
		}
	}
	parsed := make([]*parsedFile, len(files))
	work.Each(len(files), func(i int) {
		switch {
		case govs[i] != "":
		case man != nil && man.Government != "":
			govs[i] = man.Government
		default:
			govs[i], parsed[i] = fileGovernment(files[i], col.opts.Encoding)
		}
	})
	// Names are told apart as folded (浙江省 and its Traditional form are
	// one government), and shown as first written.
	shown := map[string]string{}
	var names []string
	for _, g := range govs {
		k := hanzi.Fold(g)
		if _, ok := shown[k]; !ok && g != "" {
			shown[k] = g
			names = append(names, g)
		}
	}
	if len(names) < 2 {
		if len(names) == 1 && whole[0].Name == "" {
			whole[0].Name = names[0]
		}
		// One series: its files, parsed to find that out, are not parsed
		// again when it is loaded.
		for i, p := range parsed {
			if p != nil {
				if whole[0].parsed == nil {
					whole[0].parsed = map[string]parsedFile{}
				}
				whole[0].parsed[files[i]] = *p
			}
		}
		col.Series = whole
		return nil
	}
	byName := map[string]*Series{}
	for i, f := range files {
		name := shown[hanzi.Fold(govs[i])]
		if name == "" {
			name = governmentInName(filepath.Base(f), names)
		}
		if name == "" {
			name = Unknown
			col.Warnings = append(col.Warnings, Warning{Source: f, Message: "names no government, nor does its file name: read with the series " +
				Unknown + "; put it in a folder named after its government, or name it in manifest.json"})
		}
		s := byName[name]
		if s == nil {
			s = &Series{Name: name, man: man, stated: true}
			byName[name] = s
		}
		s.files = append(s.files, f)
		if p := parsed[i]; p != nil {
			// Parsed to find its government: not parsed again when its
			// series is loaded.
			if s.parsed == nil {
				s.parsed = map[string]parsedFile{}
			}
			s.parsed[f] = *p
		}
	}
	for _, s := range byName {
		s.man = man.only(s.files)
		col.Series = append(col.Series, s)
	}
	sort.Slice(col.Series, func(i, j int) bool { return col.Series[i].Name < col.Series[j].Name })
	return nil
}

// only returns the manifest with the entries of these files alone; nil
// for a nil manifest.
func (m *Manifest) only(files []string) *Manifest {
	if m == nil {
		return nil
	}
	out := *m
	out.Reports = nil
	for _, e := range m.Reports {
		for _, f := range files {
			if filepath.Base(f) == e.File {
				out.Reports = append(out.Reports, e)
				break
			}
		}
	}
	return &out
}

// fileGovernment returns the government the first report of a file names
// that names one, "" when none does or the file cannot be read, and the
// file parsed (nil when it cannot be read).
func fileGovernment(p, encoding string) (string, *parsedFile) {
	f, err := readText(p, encoding)
	if err != nil {
		return "", nil
	}
	src, warns := ParseSource(f.Name, f.Text)
	parsed := &parsedFile{text: f.Text, src: src, warns: warns}
	for _, r := range src.Reports {
		if r.Government != "" {
			return r.Government, parsed
		}
	}
	return "", parsed
}

// governmentInName returns the longest of names that a file name holds
// (folded), or "".
func governmentInName(file string, names []string) string {
	f, best := hanzi.Fold(file), ""
	for _, n := range names {
		if strings.Contains(f, hanzi.Fold(n)) && len(n) > len(best) {
			best = n
		}
	}
	return best
}

// Many reports whether the corpus holds more than one series, whatever
// Select kept: then report ids carry their government's name, so that a
// run on some governments (a shard) names reports as a run on all does.
func (col *Collection) Many() bool { return col.many }

// Several reports whether the series selected are more than one.
func (col *Collection) Several() bool { return len(col.Series) > 1 }

// checkYears checks the reports that --year names: in a collection of
// several series each must be named with its series (浙江省/2023).
func (col *Collection) checkYears() error {
	col.many = len(col.Series) > 1
	if !col.Many() {
		return nil
	}
	for key := range col.opts.Years {
		if s, _ := col.Locate(key); s == nil {
			return &InputError{Path: "--year", Msg: fmt.Sprintf("%q names no report of a government of the corpus", key),
				Hint: "in a corpus of several governments name the report with its government: --year GOVERNMENT/ID=YEAR"}
		}
	}
	return nil
}

// Locate returns the series a qualified name (浙江省/2023) names and the
// rest of the name (2023); nil when no series has that name. The longest
// series name wins (某省/某市 before 某省).
func (col *Collection) Locate(name string) (*Series, string) {
	var best *Series
	for _, s := range col.Series {
		if s.Name != "" && strings.HasPrefix(name, s.Name+"/") && (best == nil || len(s.Name) > len(best.Name)) {
			best = s
		}
	}
	if best == nil {
		return nil, name
	}
	return best, name[len(best.Name)+1:]
}

// Select keeps the series whose name matches one of the patterns, shell
// style (path.Match: *, ?, [...]); no patterns keep every series. A series
// of a corpus read whole whose government is not known yet is kept: its
// name is checked once read (see Matches). A pattern that matches nothing
// is an error.
func (col *Collection) Select(patterns []string) error {
	if len(patterns) == 0 {
		return nil
	}
	var keep []*Series
	for _, s := range col.Series {
		if s.Name == "" || Matches(s.Name, patterns) {
			keep = append(keep, s)
		}
	}
	for _, p := range patterns {
		if _, err := path.Match(p, ""); err != nil {
			return &InputError{Path: "--gov", Msg: fmt.Sprintf("%q is not a pattern: %v", p, err), Hint: "use *, ? and [...] as a shell does"}
		}
		found := false
		for _, s := range col.Series {
			found = found || s.Name == "" || Matches(s.Name, []string{p})
		}
		if !found {
			return &InputError{Path: "--gov", Msg: fmt.Sprintf("%q matches no government of the corpus (%s)", p, col.names()),
				Hint: "see the governments with: reportdiff corpus"}
		}
	}
	col.Series = keep
	return nil
}

// Matches reports whether a government's name matches one of the
// patterns (path.Match, on the name and on its folded form).
func Matches(name string, patterns []string) bool {
	for _, p := range patterns {
		for _, n := range []string{name, hanzi.Fold(name)} {
			if ok, _ := path.Match(p, n); ok {
				return true
			}
			if ok, _ := path.Match(hanzi.Fold(p), n); ok {
				return true
			}
		}
	}
	return false
}

func (col *Collection) names() string {
	var ns []string
	for _, s := range col.Series {
		if s.Name != "" {
			ns = append(ns, s.Name)
		}
	}
	if len(ns) > 12 {
		ns = append(ns[:12], fmt.Sprintf("… %d in all", len(col.Series)))
	}
	return strings.Join(ns, ", ")
}

// Load reads one series into a corpus. A file that cannot be read, is
// empty or is not text is skipped with a warning (with Options.Strict, it
// is an error); a series none of whose files can be read is an error.
func (col *Collection) Load(s *Series) (*Corpus, error) {
	opts := col.opts
	if s.files == nil {
		parsed := s.parsed
		s.parsed = nil // taken once
		c, err := load(s.whole, opts, parsed)
		if err != nil {
			return nil, err
		}
		c.Series = s.Name
		if c.Series == "" {
			c.Series = c.government()
		}
		return c, nil
	}
	if col.Many() {
		opts.Years = map[string]int{}
		for key, y := range col.opts.Years {
			if t, rest := col.Locate(key); t == s {
				opts.Years[rest] = y
			}
		}
	}
	prefix := ""
	if col.Many() {
		prefix = s.Name // ids name the series where there are several
	}
	files, warns, err := readFiles(s.files, opts)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, &InputError{Path: filepath.Dir(s.files[0]), Msg: fmt.Sprintf("no report of %s could be read", s.Name),
			Hint: "see the warnings above for each file", Err: ErrNoReports, Warnings: warns}
	}
	parsed := s.parsed
	s.parsed = nil // taken once
	c, err := buildParsed(files, s.man, opts, prefix, parsed)
	if err != nil {
		return nil, err
	}
	c.Warnings = append(warns, c.Warnings...)
	c.Series = s.Name
	if s.stated {
		for _, r := range c.Reports {
			if r.Government != "" && s.Name != Unknown && !namesFolder(r.Government, s.Name) {
				c.Warnings = append(c.Warnings, Warning{Source: r.Source.Name, Line: r.firstLine(),
					Message: fmt.Sprintf("report %s: the text names the government %s, its folder %s: read with %s", r.ID, r.Government, s.Name, s.Name)})
			}
			if s.Name != Unknown {
				r.Government = s.Name
			}
		}
	}
	return c, nil
}

// readFiles reads report files side by side; a file that cannot be read
// is a warning, or with opts.Strict the error.
func readFiles(paths []string, opts Options) ([]File, []Warning, error) {
	files := make([]File, len(paths))
	errs := make([]error, len(paths))
	work.Each(len(paths), func(i int) { files[i], errs[i] = readText(paths[i], opts.Encoding) })
	var ok []File
	var warns []Warning
	for i, err := range errs {
		if err == nil {
			ok = append(ok, files[i])
			continue
		}
		if opts.Strict {
			return nil, nil, err
		}
		msg, line := err.Error(), 0
		if ie, isInput := err.(*InputError); isInput {
			msg, line = ie.Msg, ie.Line
			if ie.Hint != "" {
				msg += " (" + ie.Hint + ")"
			}
		}
		warns = append(warns, Warning{Source: paths[i], Line: line, Message: "skipped: " + msg + "; --strict makes this an error"})
	}
	return ok, warns, nil
}

// government returns the government most reports of a corpus name, the
// first on ties; "" when none names one.
func (c *Corpus) government() string {
	count := map[string]int{}
	best := ""
	for _, r := range c.Reports {
		if r.Government == "" {
			continue
		}
		count[r.Government]++
		if best == "" || count[r.Government] > count[best] {
			best = r.Government
		}
	}
	return best
}

// namesFolder says whether the government a text names is that of its
// folder: the folder's name, or in a nested tree (浙江省/杭州市, 浙江省/省本级)
// one of its levels.
func namesFolder(gov, folder string) bool {
	g := hanzi.Fold(gov)
	for _, level := range strings.Split(folder, "/") {
		if hanzi.Fold(level) == g {
			return true
		}
	}
	return false
}
