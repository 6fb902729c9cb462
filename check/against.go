package check

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/reportdiff/reportdiff/corpus"
)

// Version is one version of a corpus, as a caller lists it: the current
// files on disk, the files of a git revision, another copy of the corpus.
type Version struct {
	// Name says what the version is, in messages: HEAD, origin/main, a
	// directory.
	Name string
	// Files are its report files (for a corpus of one file, that file).
	Files []FileRef
	// Manifest holds the bytes of its manifest.json, nil when it has none.
	Manifest []byte
	// Read returns the bytes of the files named (names of Files, or
	// ManifestName). Against asks only for the files it reads.
	Read func(names []string) (map[string][]byte, error)
	// Where names a file of this version in a message about its bytes:
	// HEAD:reports/2035.md. Nil means the file's name within the corpus.
	Where func(name string) string
}

// FileRef is a report file of a version: its path within the corpus root,
// slash-separated, and a hash of its bytes (any hash, the same kind in both
// versions): files whose hashes agree are not read.
type FileRef struct {
	Name string
	Hash string
}

func (v Version) where(name string) string {
	if v.Where == nil {
		return name
	}
	return v.Where(name)
}

// Against compares the current version of a corpus with an earlier one and
// returns what the edit changed: reports added, removed and renamed (a file
// that is gone and one that is new, with the same or mostly the same lines),
// and for each report whose text changed, its year, parts, sections,
// paragraphs merged or split, figures, commitments and words; with the lint
// findings of the files that changed, those the edit introduced apart from
// those already there.
//
// Only the files whose bytes changed are read, each with the files next to
// it by name as context (a report's year may come from a neighbour's
// congress session; its commitments from the promises of the report
// before), so that checking one edited report in a corpus of hundreds takes
// about as long as in a corpus of one. The lint of the files that did not
// change is not repeated: they have no finding the edit could have brought.
func Against(old, cur Version, copts corpus.Options, opts Options) (*Result, error) {
	res := &Result{Against: old.Name}
	oldBy, curBy := byName(old.Files), byName(cur.Files)
	manOld, err := parseManifest(old)
	if err != nil {
		return nil, err
	}
	manCur, err := parseManifest(cur)
	if err != nil {
		return nil, err
	}
	entryChanged := func(name string) bool {
		base := path.Base(name)
		return entryOf(manOld, base) != entryOf(manCur, base)
	}
	var modified, added, removed []string
	for _, f := range cur.Files {
		o, ok := oldBy[f.Name]
		switch {
		case !ok:
			added = append(added, f.Name)
		case o.Hash != f.Hash || entryChanged(f.Name):
			modified = append(modified, f.Name)
		default:
			res.Unchanged++
		}
	}
	for _, f := range old.Files {
		if _, ok := curBy[f.Name]; !ok {
			removed = append(removed, f.Name)
		}
	}
	oldNeed, curNeed := set(modified, removed), set(modified, added)
	oldFiles, err := readFiles(old, withNeighbours(old.Files, oldNeed), copts.Encoding)
	if err != nil {
		return nil, err
	}
	curFiles, err := readFiles(cur, withNeighbours(cur.Files, curNeed), copts.Encoding)
	if err != nil {
		return nil, err
	}
	renamed := renames(removed, added, oldBy, curBy, oldFiles, curFiles)
	newName := func(name string) string {
		if n, ok := renamed[name]; ok {
			return n
		}
		return name
	}
	oc, err := buildVersion(oldFiles, newName, manOld, copts, opts, len(old.Files) == 1)
	if err != nil {
		return nil, err
	}
	cc, err := buildVersion(curFiles, func(n string) string { return n }, manCur, copts, opts, len(cur.Files) == 1)
	if err != nil {
		return nil, err
	}
	// The files compared: by name, then renamed.
	type filePair struct{ old, cur string } // names within the corpus; "" on the side without the file
	var files []filePair
	for _, n := range modified {
		files = append(files, filePair{n, n})
	}
	for o, n := range renamed {
		files = append(files, filePair{o, n})
	}
	for _, n := range added {
		if !slices.Contains(mapValues(renamed), n) {
			files = append(files, filePair{"", n})
		}
	}
	for _, n := range removed {
		if _, ok := renamed[n]; !ok {
			files = append(files, filePair{n, ""})
		}
	}
	sort.Slice(files, func(i, j int) bool {
		return files[i].cur+"\x00"+files[i].old < files[j].cur+"\x00"+files[j].old
	})

	var changes []Finding
	interestOld, interestCur := map[string]bool{}, map[string]bool{}
	var compared [][2]*corpus.Report
	for _, fp := range files {
		var ro, rc []*corpus.Report
		if fp.old != "" {
			src := sourceOf(oc, opts.display(newName(fp.old)))
			ro = src.Reports
			interestOld[src.Name] = fp.cur != ""
		}
		if fp.cur != "" {
			src := sourceOf(cc, opts.display(fp.cur))
			rc = src.Reports
			interestCur[src.Name] = true
		}
		if fp.old != "" && fp.cur != "" && fp.old != fp.cur {
			f := newFinding(ruleReportRenamed, opts.display(fp.cur), 0, 0, "",
				fmt.Sprintf("%s was renamed %s (%.0f%% of its lines the same)", fp.old, fp.cur, 100*lineDice(oldFiles[fp.old].Text, curFiles[fp.cur].Text))).about(fp.cur, fp.old)
			f.Subject, f.Old, f.New = fp.cur, fp.old, fp.cur
			changes = append(changes, f)
		}
		pairs, onlyOld, onlyCur := matchReports(ro, rc)
		for _, r := range onlyOld {
			file := opts.display(fp.old)
			f := newFinding(ruleReportRemoved, file, 0, 0, r.ID, fmt.Sprintf("report %s (%s) was removed", r.ID, describe(r))).about(fp.old, r.ID)
			f.Subject, f.Old = r.ID, describe(r)
			changes = append(changes, f)
		}
		for _, r := range onlyCur {
			f := newFinding(ruleReportAdded, r.Source.Name, r.Source.LineAt(r.Span.Start), 0, r.ID,
				fmt.Sprintf("report %s (%s) was added", r.ID, describe(r))).about(fp.cur, r.ID)
			f.Subject, f.New = r.ID, describe(r)
			changes = append(changes, f)
		}
		for _, p := range pairs {
			if reportText(p[0]) != reportText(p[1]) {
				compared = append(compared, p)
			}
		}
	}
	var ro, rc []*corpus.Report
	for _, p := range compared {
		ro, rc = append(ro, p[0]), append(rc, p[1])
	}
	oldFacts := readFacts(oc, ro, nil, opts, factsOptions{})
	curFacts := readFacts(cc, rc, nil, opts, factsOptions{})
	for _, p := range compared {
		res.Compared++
		changes = append(changes, compareFacts(side{oldFacts[p[0]], p[1].Source.Name}, side{curFacts[p[1]], p[1].Source.Name}, opts, factsCompare{})...)
		fs, ign := compareText(p[0], p[1], opts)
		changes = append(changes, fs...)
		res.Ignorable += ign
	}
	fingerprint(changes)
	for i := range changes {
		changes[i].State = New
	}
	// Lint findings of the files that changed: new unless the earlier
	// version of the file had them too.
	before := map[string]int{}
	for _, f := range Lint(oc, opts) {
		if interestOld[f.File] {
			before[f.Fingerprint]++
		}
	}
	for _, f := range Lint(cc, opts) {
		if !interestCur[f.File] {
			continue
		}
		f.State = New
		if before[f.Fingerprint] > 0 {
			before[f.Fingerprint]--
			f.State = Existing
		}
		changes = append(changes, f)
	}
	Sort(changes)
	res.Findings = changes
	return res, nil
}

func byName(fs []FileRef) map[string]FileRef {
	m := map[string]FileRef{}
	for _, f := range fs {
		m[f.Name] = f
	}
	return m
}

func set(lists ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, n := range l {
			m[n] = true
		}
	}
	return m
}

func mapValues(m map[string]string) []string {
	var vs []string
	for _, v := range m {
		vs = append(vs, v)
	}
	return vs
}

func parseManifest(v Version) (*corpus.Manifest, error) {
	if v.Manifest == nil {
		return nil, nil
	}
	return corpus.ParseManifest(v.where(corpus.ManifestName), v.Manifest)
}

func entryOf(m *corpus.Manifest, base string) corpus.ManifestEntry {
	if m != nil {
		for _, e := range m.Reports {
			if e.File == base {
				return e
			}
		}
	}
	return corpus.ManifestEntry{}
}

// withNeighbours returns the names needed and the files next to each of
// them in name order.
func withNeighbours(files []FileRef, need map[string]bool) []string {
	sorted := slices.Clone(files)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	out := map[string]bool{}
	for i, f := range sorted {
		if !need[f.Name] {
			continue
		}
		out[f.Name] = true
		if i > 0 {
			out[sorted[i-1].Name] = true
		}
		if i+1 < len(sorted) {
			out[sorted[i+1].Name] = true
		}
	}
	names := make([]string, 0, len(out))
	for n := range out {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// readFiles reads and decodes the files named, as Load would.
func readFiles(v Version, names []string, encoding string) (map[string]corpus.File, error) {
	files := map[string]corpus.File{}
	if len(names) == 0 {
		return files, nil
	}
	bs, err := v.Read(names)
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		b, ok := bs[n]
		if !ok {
			return nil, fmt.Errorf("%s: could not be read", v.where(n))
		}
		f, err := corpus.FileOf(v.where(n), b, encoding)
		if err != nil {
			return nil, err
		}
		files[n] = f
	}
	return files, nil
}

// renames pairs files that are gone with files that are new: the same
// bytes first, then the most lines in common, half of them at least.
func renames(removed, added []string, oldBy, curBy map[string]FileRef, oldFiles, curFiles map[string]corpus.File) map[string]string {
	out := map[string]string{}
	taken := map[string]bool{}
	for _, r := range removed {
		for _, a := range added {
			if !taken[a] && oldBy[r].Hash == curBy[a].Hash {
				out[r], taken[a] = a, true
				break
			}
		}
	}
	type cand struct {
		old, cur string
		score    float64
	}
	var cands []cand
	for _, r := range removed {
		if _, ok := out[r]; ok {
			continue
		}
		for _, a := range added {
			if taken[a] {
				continue
			}
			if s := lineDice(oldFiles[r].Text, curFiles[a].Text); s >= 0.5 {
				cands = append(cands, cand{r, a, s})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].old+"\x00"+cands[i].cur < cands[j].old+"\x00"+cands[j].cur
	})
	for _, c := range cands {
		if _, ok := out[c.old]; ok || taken[c.cur] {
			continue
		}
		out[c.old], taken[c.cur] = c.cur, true
	}
	return out
}

// buildVersion reads the files of one version into a corpus, each file
// under the name it has in the current version.
func buildVersion(read map[string]corpus.File, name func(string) string, man *corpus.Manifest, copts corpus.Options, opts Options, whole bool) (*corpus.Corpus, error) {
	var files []corpus.File
	bases := map[string]string{} // base name now → base name in this version
	for n, f := range read {
		f.Name = opts.display(name(n))
		files = append(files, f)
		bases[path.Base(name(n))] = path.Base(n)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	var sub *corpus.Manifest
	if man != nil {
		sub = &corpus.Manifest{Government: man.Government, Source: man.Source}
		for now, then := range bases {
			if e := entryOf(man, then); e.File != "" {
				e.File = now
				sub.Reports = append(sub.Reports, e)
			}
		}
		sort.Slice(sub.Reports, func(i, j int) bool { return sub.Reports[i].File < sub.Reports[j].File })
	}
	// Years stated for reports outside these files are not theirs to check.
	years := map[string]int{}
	for k, y := range copts.Years {
		keep := whole
		for now := range bases {
			stem := strings.TrimSuffix(now, path.Ext(now))
			keep = keep || k == now || k == stem || strings.HasPrefix(k, stem+"-p")
		}
		if keep {
			years[k] = y
		}
	}
	copts.Years = years
	return corpus.Build(files, sub, copts)
}

func sourceOf(c *corpus.Corpus, name string) *corpus.Source {
	for _, s := range c.Sources {
		if s.Name == name {
			return s
		}
	}
	return &corpus.Source{Name: name}
}

func reportText(r *corpus.Report) string { return r.Source.Text[r.Span.Start:r.Span.End] }

// describe says what a report is: its year and parts.
func describe(r *corpus.Report) string {
	var parts []string
	for _, p := range r.Parts {
		parts = append(parts, string(p.Kind))
	}
	return fmt.Sprintf("%s, %s", yearText(r.Year), strings.Join(parts, ", "))
}

// matchReports pairs the reports of two versions of a file: the same text
// first, then the most lines in common (a third at least).
func matchReports(a, b []*corpus.Report) (pairs [][2]*corpus.Report, onlyA, onlyB []*corpus.Report) {
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	for i, x := range a {
		for j, y := range b {
			if !usedB[j] && reportText(x) == reportText(y) {
				pairs = append(pairs, [2]*corpus.Report{x, y})
				usedA[i], usedB[j] = true, true
				break
			}
		}
	}
	if len(a) == 1 && len(b) == 1 && !usedA[0] {
		pairs = append(pairs, [2]*corpus.Report{a[0], b[0]})
		return pairs, nil, nil
	}
	type cand struct {
		i, j  int
		score float64
	}
	var cands []cand
	for i, x := range a {
		for j, y := range b {
			if !usedA[i] && !usedB[j] {
				if s := lineDice(reportText(x), reportText(y)); s >= 1.0/3 {
					cands = append(cands, cand{i, j, s})
				}
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	for _, c := range cands {
		if !usedA[c.i] && !usedB[c.j] {
			pairs = append(pairs, [2]*corpus.Report{a[c.i], b[c.j]})
			usedA[c.i], usedB[c.j] = true, true
		}
	}
	for i, x := range a {
		if !usedA[i] {
			onlyA = append(onlyA, x)
		}
	}
	for j, y := range b {
		if !usedB[j] {
			onlyB = append(onlyB, y)
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i][1].Index < pairs[j][1].Index })
	return pairs, onlyA, onlyB
}
