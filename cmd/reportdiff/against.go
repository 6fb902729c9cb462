package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/reportdiff/reportdiff/check"
	"github.com/reportdiff/reportdiff/cmd/reportdiff/internal/git"
	"github.com/reportdiff/reportdiff/corpus"
)

// openRepo opens the git work tree that holds dir.
func openRepo(dir string) (*git.Repo, error) {
	if dir == "" {
		dir = "."
	}
	return git.Open(dir)
}

// checkAgainst compares the corpus (col: the one series the flags name)
// with --against: a directory or file on disk (another copy of the corpus),
// else a git revision. The earlier version is read as the current one is:
// the government --gov picks, in a tree of folders or a flat directory of
// several governments, is the series of that name in the earlier version.
func (opts *checkOptions) checkAgainst(col *corpus.Collection, copts corpus.Options, chk check.Options) (*check.Result, error) {
	corpusPath := opts.corpusPath
	info, err := os.Stat(corpusPath)
	if err != nil {
		return nil, &corpus.InputError{Path: corpusPath, Msg: "no such file or directory", Hint: "give --corpus a report file or a directory of reports"}
	}
	single := ""
	if !info.IsDir() {
		single = filepath.Base(corpusPath)
	}
	other, otherErr := os.Stat(opts.against)
	if otherErr == nil && other.IsDir() != info.IsDir() {
		return nil, usagef("--against %s: compare a directory with a directory, a file with a file", opts.against)
	}
	if s := col.Series[0]; s.Files() != nil {
		// One government of several: its files, wherever they stand.
		copts.Years = seriesYears(col, s, copts.Years)
		if otherErr == nil {
			return opts.seriesAgainstDir(s, copts, chk)
		}
		return opts.seriesAgainstGit(s, copts, chk)
	}
	if otherErr == nil {
		cur, err := diskVersion(corpusPath, corpusPath, single, sha256Hex)
		if err != nil {
			return nil, err
		}
		old, err := diskVersion(opts.against, opts.against, single, sha256Hex)
		if err != nil {
			return nil, err
		}
		return check.Against(old, cur, copts, chk)
	}
	repo, err := openRepo(corpusRoot(corpusPath))
	if err != nil {
		return nil, err
	}
	commit, err := repo.Commit(opts.against)
	if err != nil {
		return nil, err
	}
	cur, err := diskVersion(opts.against, corpusPath, single, repo.BlobID)
	if err != nil {
		return nil, err
	}
	cur.Name = "the work tree"
	old, err := gitVersion(repo, opts.against, commit, single)
	if err != nil {
		return nil, err
	}
	return check.Against(old, cur, copts, chk)
}

// diskVersion lists the report files of a corpus on disk (a directory, or
// the one file) with the hash of each, as Load would read them.
func diskVersion(name, root, single string, hash func([]byte) string) (check.Version, error) {
	v := check.Version{Name: name}
	data := map[string][]byte{}
	dir := root
	if single != "" {
		dir = filepath.Dir(root)
		b, err := os.ReadFile(root)
		if err != nil {
			return v, &corpus.InputError{Path: root, Msg: err.Error()}
		}
		data[single] = b
	} else {
		entries, err := os.ReadDir(root)
		if err != nil {
			return v, &corpus.InputError{Path: root, Msg: err.Error()}
		}
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || !corpus.IsReportFile(n) && n != corpus.ManifestName {
				continue
			}
			b, err := os.ReadFile(filepath.Join(root, n))
			if err != nil {
				return v, &corpus.InputError{Path: filepath.Join(root, n), Msg: err.Error()}
			}
			data[n] = b
		}
	}
	if b, ok := data[corpus.ManifestName]; ok {
		v.Manifest = b
		delete(data, corpus.ManifestName)
	}
	if len(data) == 0 {
		return v, &corpus.InputError{Path: root, Msg: "no report files (.txt, .text or .md) in the directory", Hint: "put one text file per report in it, or a folder per government"}
	}
	for n, b := range data {
		v.Files = append(v.Files, check.FileRef{Name: n, Hash: hash(b)})
	}
	sort.Slice(v.Files, func(i, j int) bool { return v.Files[i].Name < v.Files[j].Name })
	v.Read = readHeld(data)
	v.Where = func(n string) string { return filepath.Join(dir, filepath.FromSlash(n)) }
	return v, nil
}

// gitVersion lists the report files of the corpus at a commit, and reads
// them with one git cat-file process when asked.
func gitVersion(repo *git.Repo, rev, commit, single string) (check.Version, error) {
	v := check.Version{Name: rev}
	dir := strings.TrimSuffix(repo.Prefix, "/") // the corpus directory (or the corpus file's), within the work tree
	var pathspec string
	switch {
	case single != "":
		pathspec = path.Join(dir, single)
	case dir != "":
		pathspec = dir
	}
	var entries []git.Entry
	var err error
	if pathspec == "" {
		entries, err = repo.Files(commit, ".")
	} else {
		entries, err = repo.Files(commit, pathspec)
	}
	if err != nil {
		return v, err
	}
	oid := map[string]string{}
	for _, e := range entries {
		rel, ok := below(dir, e.Path)
		if !ok {
			continue
		}
		switch {
		case single != "":
			if rel != single {
				continue
			}
		case strings.Contains(rel, "/") || !corpus.IsReportFile(rel) && rel != corpus.ManifestName:
			continue
		}
		oid[rel] = e.OID
	}
	if o, ok := oid[corpus.ManifestName]; ok {
		bs, err := repo.Blobs([]string{o})
		if err != nil {
			return v, err
		}
		v.Manifest = bs[o]
		delete(oid, corpus.ManifestName)
	}
	for n, o := range oid {
		v.Files = append(v.Files, check.FileRef{Name: n, Hash: o})
	}
	sort.Slice(v.Files, func(i, j int) bool { return v.Files[i].Name < v.Files[j].Name })
	v.Read = readBlobs(repo, oid)
	v.Where = func(n string) string { return rev + ":" + path.Join(dir, n) }
	return v, nil
}

// seriesYears returns the years --year states for the reports of series s
// of a collection of several, named as in the series alone (甲省/2023=2024
// is 2023=2024 there).
func seriesYears(col *corpus.Collection, s *corpus.Series, years map[string]int) map[string]int {
	if !col.Many() {
		return years
	}
	out := map[string]int{}
	for key, y := range years {
		if t, rest := col.Locate(key); t == s {
			out[rest] = y
		}
	}
	return out
}

// sameSeries returns the series of col named name, nil when it has none.
func sameSeries(col *corpus.Collection, name string) *corpus.Series {
	for _, s := range col.Series {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// seriesFiles names the files of a series by their paths below root,
// slash-separated, and finds the manifest of their folder (the first
// file's, where a series spans two).
func seriesFiles(root string, paths []string) (names []string, manifest string, err error) {
	for _, p := range paths {
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return nil, "", &corpus.InputError{Path: p, Msg: err.Error()}
		}
		names = append(names, filepath.ToSlash(rel))
	}
	if len(names) > 0 {
		manifest = path.Join(path.Dir(names[0]), corpus.ManifestName)
	}
	return names, manifest, nil
}

// diskSeries is the version of one series of a corpus on disk: its files
// below root, with the hash of each, and its folder's manifest.
func diskSeries(name, root string, paths []string, hash func([]byte) string) (check.Version, error) {
	v := check.Version{Name: name}
	names, manifest, err := seriesFiles(root, paths)
	if err != nil {
		return v, err
	}
	data := map[string][]byte{}
	for i, n := range names {
		b, err := os.ReadFile(paths[i])
		if err != nil {
			return v, &corpus.InputError{Path: paths[i], Msg: err.Error()}
		}
		data[n] = b
		v.Files = append(v.Files, check.FileRef{Name: n, Hash: hash(b)})
	}
	if manifest != "" {
		if b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(manifest))); err == nil {
			v.Manifest = b
		}
	}
	sort.Slice(v.Files, func(i, j int) bool { return v.Files[i].Name < v.Files[j].Name })
	v.Read = readHeld(data)
	v.Where = func(n string) string { return filepath.Join(root, filepath.FromSlash(n)) }
	return v, nil
}

// seriesAgainstDir compares series s of the corpus with the series of the
// same name in the copy of the corpus --against names, read as the corpus
// is read (none there: every report is new).
func (opts *checkOptions) seriesAgainstDir(s *corpus.Series, copts corpus.Options, chk check.Options) (*check.Result, error) {
	cur, err := diskSeries(opts.corpusPath, opts.corpusPath, s.Files(), sha256Hex)
	if err != nil {
		return nil, err
	}
	oldCol, err := corpus.Open(opts.against, listing(copts))
	if err != nil {
		return nil, err
	}
	var paths []string
	if o := sameSeries(oldCol, s.Name); o != nil {
		paths = o.Files()
	}
	old, err := diskSeries(opts.against, opts.against, paths, sha256Hex)
	if err != nil {
		return nil, err
	}
	return check.Against(old, cur, copts, chk)
}

// seriesAgainstGit compares series s of the corpus with the series of the
// same name at the revision --against names. The earlier tree is laid out
// in a temporary directory to be read as the corpus is read: its folders,
// manifests and the report files at its top (whose texts may say whose they
// are) as they were, every other report file empty, as nothing but its name
// counts there; the series' files are then read with git, those that
// changed alone.
func (opts *checkOptions) seriesAgainstGit(s *corpus.Series, copts corpus.Options, chk check.Options) (*check.Result, error) {
	repo, err := openRepo(opts.corpusPath)
	if err != nil {
		return nil, err
	}
	commit, err := repo.Commit(opts.against)
	if err != nil {
		return nil, err
	}
	cur, err := diskSeries("the work tree", opts.corpusPath, s.Files(), repo.BlobID)
	if err != nil {
		return nil, err
	}
	dir := strings.TrimSuffix(repo.Prefix, "/") // the corpus directory, within the work tree
	spec := dir
	if spec == "" {
		spec = "."
	}
	entries, err := repo.Files(commit, spec)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "reportdiff-against-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	oid := map[string]string{} // path below the corpus directory → blob
	var wanted []string        // the blobs whose bytes the reading needs
	for _, e := range entries {
		rel, ok := below(dir, e.Path)
		if !ok {
			continue
		}
		base := path.Base(rel)
		if !corpus.IsReportFile(base) && base != corpus.ManifestName {
			continue
		}
		oid[rel] = e.OID
		if base == corpus.ManifestName || !strings.Contains(rel, "/") {
			wanted = append(wanted, e.OID)
		}
	}
	blobs, err := repo.Blobs(wanted)
	if err != nil {
		return nil, err
	}
	for rel, o := range oid {
		p := filepath.Join(tmp, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, blobs[o], 0o644); err != nil {
			return nil, err
		}
	}
	old := check.Version{Name: opts.against}
	oldCol, err := corpus.Open(tmp, listing(copts))
	if err != nil {
		var ie *corpus.InputError
		if errors.As(err, &ie) {
			ie.Path = opts.against + ":" + strings.TrimPrefix(strings.TrimPrefix(ie.Path, tmp), string(filepath.Separator))
		}
		return nil, err
	}
	if o := sameSeries(oldCol, s.Name); o != nil {
		names, manifest, err := seriesFiles(tmp, o.Files())
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			old.Files = append(old.Files, check.FileRef{Name: n, Hash: oid[n]})
		}
		if m, ok := oid[manifest]; ok {
			old.Manifest = blobs[m]
		}
	}
	sort.Slice(old.Files, func(i, j int) bool { return old.Files[i].Name < old.Files[j].Name })
	old.Read = readBlobs(repo, oid)
	old.Where = func(n string) string { return opts.against + ":" + path.Join(dir, n) }
	return check.Against(old, cur, copts, chk)
}

// listing returns the options an earlier version of the corpus is opened
// with to find its series: those of the reading but the years stated, which
// name the reports of the current version (Against applies them).
func listing(copts corpus.Options) corpus.Options {
	copts.Years = nil
	return copts
}

// readHeld reads the files of a version from the bytes held for them.
func readHeld(data map[string][]byte) func([]string) (map[string][]byte, error) {
	return func(names []string) (map[string][]byte, error) {
		out := map[string][]byte{}
		for _, n := range names {
			if b, ok := data[n]; ok {
				out[n] = b
			}
		}
		return out, nil
	}
}

// readBlobs reads the files of a version from git, by the blob of each
// (oid: name → blob), with one git cat-file process.
func readBlobs(repo *git.Repo, oid map[string]string) func([]string) (map[string][]byte, error) {
	return func(names []string) (map[string][]byte, error) {
		var oids []string
		for _, n := range names {
			oids = append(oids, oid[n])
		}
		bs, err := repo.Blobs(oids)
		if err != nil {
			return nil, err
		}
		out := map[string][]byte{}
		for _, n := range names {
			if b, ok := bs[oid[n]]; ok {
				out[n] = b
			}
		}
		return out, nil
	}
}

// below returns a path of the work tree relative to dir (a directory of
// it, "" for its top), and whether it is in dir.
func below(dir, p string) (string, bool) {
	if dir == "" {
		return p, true
	}
	return strings.CutPrefix(p, dir+"/")
}

// sha256Hex is the hash by which the files of a corpus on disk are told
// changed or not.
func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
