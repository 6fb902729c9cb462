package check

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// State says how a finding stands against the version it was compared with.
type State string

// The states of a finding.
const (
	// Plain: no comparison was made (the lint of a corpus as it stands).
	Plain State = ""
	// New: the edit introduced it (every change an edit makes is new).
	New State = "new"
	// Existing: already there in the earlier version, or accepted by the
	// baseline. It is listed, but never fails a check.
	Existing State = "existing"
)

// Finding is one thing check has to say: a lint finding, or a change an
// edit made.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	File     string   `json:"file"`             // the path of the file, as the corpus was named
	Line     int      `json:"line,omitempty"`   // 0: the file as a whole
	Column   int      `json:"column,omitempty"` // in characters, from 1; 0: the line as a whole
	Report   string   `json:"report,omitempty"` // the report's id
	Message  string   `json:"message"`
	// Fingerprint identifies the finding across runs and machines: a hash
	// of its rule, its file's path within the corpus and what it is about
	// (the words of its line, the figure and its values), never its line
	// number, so that an edit elsewhere in the file leaves it unchanged.
	Fingerprint string `json:"fingerprint"`
	State       State  `json:"state,omitempty"`
	// Subject, Old and New say what changed for a change of a figure, a
	// year, a heading or a commitment: 地區生產總值增長, 5%左右, 4.5%左右.
	Subject string `json:"subject,omitempty"`
	Old     string `json:"old,omitempty"`
	New     string `json:"new,omitempty"`
	// Edits is the word-level diff of a reworded paragraph.
	Edits []Edit `json:"edits,omitempty"`

	rel string // the file's path within the corpus, for the fingerprint
	key string // what the finding is about, for the fingerprint
}

// Edit is one operation of a word-level diff: equal, delete or insert.
type Edit struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Counts holds how many findings there are of each severity, those already
// there apart.
type Counts struct {
	Error, Warning, Notice int
	Existing               int // findings already there (not in the counts above)
}

// Total returns the number of findings counted by severity.
func (c Counts) Total() int { return c.Error + c.Warning + c.Notice }

// Result is what a check found.
type Result struct {
	// Against names what the corpus was compared with: a revision, a
	// directory, a baseline file; "" for the lint alone.
	Against  string
	Findings []Finding // in file, line and column order
	// Ignorable counts the paragraphs whose only changes are ignorable
	// (punctuation width, spaces); they are findings only when asked for.
	Ignorable int
	Compared  int // reports read and compared again
	Unchanged int // files whose bytes are the same in both versions: not read again
}

// Count returns how many findings there are of each severity.
func (r *Result) Count() Counts {
	var c Counts
	for _, f := range r.Findings {
		switch {
		case f.State == Existing:
			c.Existing++
		case f.Severity == Error:
			c.Error++
		case f.Severity == Warning:
			c.Warning++
		default:
			c.Notice++
		}
	}
	return c
}

// Fails reports whether a finding at or above the severity is there that
// was not there before. A severity of 0 never fails.
func (r *Result) Fails(at Severity) bool {
	if at == 0 {
		return false
	}
	for _, f := range r.Findings {
		if f.State != Existing && f.Severity >= at {
			return true
		}
	}
	return false
}

// Sort puts findings in file, line and column order, the more severe first
// where they stand at the same place.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Column != b.Column:
			return a.Column < b.Column
		case a.Severity != b.Severity:
			return a.Severity > b.Severity
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// newFinding returns a finding of a rule at its default severity.
func newFinding(rule, file string, line, col int, report, msg string) Finding {
	return Finding{Rule: rule, Severity: RuleOf(rule).Severity, File: file, Line: line, Column: col, Report: report, Message: msg}
}

// about sets what the finding is about, for its fingerprint, and its path
// within the corpus.
func (f Finding) about(rel string, key ...string) Finding {
	f.rel, f.key = rel, strings.Join(key, "\x00")
	return f
}

// fingerprint gives every finding its fingerprint: the hash of its rule,
// its path within the corpus, what it is about and, for findings alike in
// all these, which of them it is in order.
func fingerprint(fs []Finding) {
	seen := map[string]int{}
	for i := range fs {
		f := &fs[i]
		base := f.Rule + "\x00" + f.rel + "\x00" + f.key
		n := seen[base]
		seen[base]++
		sum := sha256.Sum256([]byte(base + "\x00" + strconv.Itoa(n)))
		f.Fingerprint = hex.EncodeToString(sum[:16])
	}
}

// Options change what check does.
type Options struct {
	// Root is the directory the corpus's files stand in, as the names of
	// the corpus's sources start with it (the corpus directory, or the
	// directory of a corpus file); fingerprints hash the paths within it,
	// so that they do not depend on where the corpus is checked out.
	Root string
	// Ignorable lists the paragraphs whose only changes are ignorable
	// (punctuation width, spaces) as findings; otherwise they are only
	// counted.
	Ignorable bool
}

// rel returns the path of a source within the corpus root.
func (o Options) rel(name string) string {
	name = path.Clean(filepath.ToSlash(name))
	root := filepath.ToSlash(filepath.Clean(o.Root))
	if o.Root == "" || root == "." {
		return name
	}
	if r, ok := strings.CutPrefix(name, root+"/"); ok {
		return r
	}
	return name
}

// display returns the name of the source of a file within the corpus root.
func (o Options) display(rel string) string {
	if o.Root == "" {
		return rel
	}
	return filepath.Join(o.Root, filepath.FromSlash(rel))
}
