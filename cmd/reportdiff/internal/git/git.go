// Package git reads earlier versions of files from a git repository with
// the git command, never touching the work tree or the index: ls-tree to
// list them, one cat-file --batch process to read them. It is the command's
// only way to git; the packages below cmd/ never run programs.
package git

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// Error is something git could not do, with what to do about it.
type Error struct {
	Msg  string
	Hint string
}

func (e *Error) Error() string {
	if e.Hint == "" {
		return e.Msg
	}
	return e.Msg + " (" + e.Hint + ")"
}

// Repo is a git work tree.
type Repo struct {
	Top    string // the top of the work tree
	Prefix string // the directory Open was given, relative to Top, slash-separated, "" or ending in /
	format string // sha1 or sha256
}

// Open returns the work tree that holds the directory dir.
func Open(dir string) (*Repo, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, &Error{Msg: "git is not installed", Hint: "install git, or give --against a directory"}
	}
	out, err := run(dir, nil, "rev-parse", "--show-toplevel", "--show-prefix")
	if err != nil {
		return nil, &Error{Msg: dir + " is not in a git work tree",
			Hint: "run the check in a clone of the repository, or give --against a directory holding the earlier version"}
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) < 1 || lines[0] == "" {
		return nil, &Error{Msg: dir + " is not in a git work tree", Hint: "run the check in a clone of the repository"}
	}
	r := &Repo{Top: lines[0], format: "sha1"}
	if len(lines) > 1 {
		r.Prefix = lines[1]
	}
	if f, err := run(dir, nil, "rev-parse", "--show-object-format"); err == nil && strings.TrimSpace(string(f)) == "sha256" {
		r.format = "sha256"
	}
	return r, nil
}

// Commit returns the commit a revision names.
func (r *Repo) Commit(rev string) (string, error) {
	out, err := run(r.Top, nil, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil || len(bytes.TrimSpace(out)) == 0 {
		return "", &Error{Msg: fmt.Sprintf("unknown revision %q", rev),
			Hint: "fetch it first (git fetch origin main; on GitHub Actions, actions/checkout with fetch-depth: 0), or name a branch, tag or commit that exists"}
	}
	return strings.TrimSpace(string(out)), nil
}

// Entry is a file of a commit's tree.
type Entry struct {
	Path string // relative to the top of the work tree
	OID  string // the blob's object id
}

// Files lists the files (blobs, not links or submodules) of a commit at and
// under path (relative to the top of the work tree; a file or a directory).
func (r *Repo) Files(commit, path string) ([]Entry, error) {
	out, err := run(r.Top, nil, "ls-tree", "-r", "-z", "--full-tree", commit, "--", path)
	if err != nil {
		return nil, &Error{Msg: fmt.Sprintf("git ls-tree %s -- %s: %v", commit, path, err)}
	}
	var es []Entry
	for _, rec := range strings.Split(string(out), "\x00") {
		meta, p, ok := strings.Cut(rec, "\t")
		if !ok {
			continue
		}
		f := strings.Fields(meta) // mode type oid
		if len(f) != 3 || f[1] != "blob" || f[0] == "120000" {
			continue
		}
		es = append(es, Entry{Path: p, OID: f[2]})
	}
	return es, nil
}

// Blobs reads the blobs named by their object ids, with one git cat-file
// --batch process.
func (r *Repo) Blobs(oids []string) (map[string][]byte, error) {
	out := map[string][]byte{}
	if len(oids) == 0 {
		return out, nil
	}
	cmd := exec.Command("git", "-C", r.Top, "cat-file", "--batch")
	var input bytes.Buffer
	for _, o := range oids {
		input.WriteString(o + "\n")
	}
	cmd.Stdin = &input
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, &Error{Msg: "git cat-file: " + err.Error()}
	}
	br := bufio.NewReaderSize(stdout, 1<<16)
	var readErr error
	for range oids {
		header, err := br.ReadString('\n')
		if err != nil {
			readErr = err
			break
		}
		f := strings.Fields(header) // oid type size, or oid missing
		if len(f) != 3 {
			readErr = fmt.Errorf("object %s is missing", f[0])
			break
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			readErr = fmt.Errorf("bad header %q", header)
			break
		}
		b := make([]byte, n+1) // the content and a newline
		if _, err := io.ReadFull(br, b); err != nil {
			readErr = err
			break
		}
		out[f[0]] = b[:n]
	}
	_, _ = io.Copy(io.Discard, br)
	if err := cmd.Wait(); err != nil && readErr == nil {
		readErr = fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	if readErr != nil {
		return nil, &Error{Msg: "git cat-file --batch: " + readErr.Error()}
	}
	return out, nil
}

// BlobID returns the object id git gives a blob of these bytes, so that a
// file in the work tree can be told the same as a commit's without reading
// the commit's.
func (r *Repo) BlobID(b []byte) string {
	header := "blob " + strconv.Itoa(len(b)) + "\x00"
	if r.format == "sha256" {
		h := sha256.New()
		h.Write([]byte(header))
		h.Write(b)
		return hex.EncodeToString(h.Sum(nil))
	}
	h := sha1.New()
	h.Write([]byte(header))
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// run runs git in dir and returns its standard output.
func run(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && stderr.Len() > 0 {
			return out, errors.New(strings.TrimSpace(stderr.String()))
		}
		return out, err
	}
	return out, nil
}
