package main

import (
	"crypto/sha256"
	"encoding/hex"
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

// checkAgainst compares the corpus with --against: a directory or file on
// disk (another copy of the corpus), else a git revision.
func (opts *checkOptions) checkAgainst(copts corpus.Options, chk check.Options) (*check.Result, error) {
	corpusPath := opts.corpusPath
	info, err := os.Stat(corpusPath)
	if err != nil {
		return nil, &corpus.InputError{Path: corpusPath, Msg: "no such file or directory", Hint: "give --corpus a report file or a directory of reports"}
	}
	single := ""
	if !info.IsDir() {
		single = filepath.Base(corpusPath)
	}
	if other, err := os.Stat(opts.against); err == nil {
		if other.IsDir() != info.IsDir() {
			return nil, usagef("--against %s: compare a directory with a directory, a file with a file", opts.against)
		}
		sum := func(b []byte) string { h := sha256.Sum256(b); return hex.EncodeToString(h[:]) }
		cur, err := diskVersion(corpusPath, corpusPath, single, sum)
		if err != nil {
			return nil, err
		}
		old, err := diskVersion(opts.against, opts.against, single, sum)
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
		return v, &corpus.InputError{Path: root, Msg: "no report files (*.txt) in the directory", Hint: "put one UTF-8 text file per report in it"}
	}
	for n, b := range data {
		v.Files = append(v.Files, check.FileRef{Name: n, Hash: hash(b)})
	}
	sort.Slice(v.Files, func(i, j int) bool { return v.Files[i].Name < v.Files[j].Name })
	v.Read = func(names []string) (map[string][]byte, error) {
		out := map[string][]byte{}
		for _, n := range names {
			if b, ok := data[n]; ok {
				out[n] = b
			}
		}
		return out, nil
	}
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
		rel := e.Path
		if dir != "" {
			var ok bool
			if rel, ok = strings.CutPrefix(e.Path, dir+"/"); !ok {
				continue
			}
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
	v.Read = func(names []string) (map[string][]byte, error) {
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
	v.Where = func(n string) string { return rev + ":" + path.Join(dir, n) }
	return v, nil
}
