// Package lazyre holds regular expressions that are compiled when first
// used rather than when the program starts. A command runs a few of the
// many expressions its packages declare (--version none of them), so
// compiling them all at start-up is time every run pays for nothing.
//
// A Regexp answers the methods of *regexp.Regexp its callers use; the
// expression is checked by All, which the tests of a package call, so that
// a bad expression fails a test rather than a run. The expressions of a
// Group can be compiled ahead of their use, in the background (Warm).
package lazyre

import (
	"regexp"
	"strconv"
	"sync"
)

// Regexp is a regular expression compiled on first use. It is safe for
// concurrent use.
type Regexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
	err  error // why expr does not compile
}

var (
	mu  sync.Mutex
	all []*Regexp
)

// New returns the expression expr, to be compiled on first use (it panics
// then if expr does not compile, as regexp.MustCompile does at once).
func New(expr string) *Regexp {
	// One allocation at start-up per expression, where sync.OnceValue's
	// closure and the variables it holds made six.
	r := &Regexp{expr: expr}
	mu.Lock()
	all = append(all, r)
	mu.Unlock()
	return r
}

// All compiles every expression made by New so far and returns the first
// that does not compile, with its error.
func All() (expr string, err error) {
	mu.Lock()
	rs := all
	mu.Unlock()
	for _, r := range rs {
		if _, err := regexp.Compile(r.expr); err != nil {
			return r.expr, err
		}
	}
	return "", nil
}

// A Group is the expressions one piece of work uses, so that they can be
// compiled ahead of it (Warm) on a processor the work leaves idle, rather
// than one at a time where the work first meets each. Expressions join a
// group when the package that declares them is initialised (var r =
// g.New(…)); its zero value is an empty group.
type Group struct {
	rs   []*Regexp
	warm sync.Once
}

// New returns the expression expr, as the package's New does, in group g.
// It is called as a package is initialised, not by concurrent work.
func (g *Group) New(expr string) *Regexp {
	r := New(expr)
	g.rs = append(g.rs, r)
	return r
}

// Warm starts compiling the group's expressions, in the order they joined
// it, on a goroutine of its own, the first time it is called, and returns
// at once. Each is compiled once either way: one that work uses before
// Warm has reached it is compiled there, as without Warm, and Warm passes
// it by. One that does not compile is left to panic where it is used.
func (g *Group) Warm() {
	g.warm.Do(func() { go g.compile() })
}

// compile compiles the group's expressions, in order, those compiled
// already aside.
func (g *Group) compile() {
	for _, r := range g.rs {
		r.once.Do(r.build)
	}
}

// build compiles the expression, keeping the error.
func (r *Regexp) build() { r.re, r.err = regexp.Compile(r.expr) }

// compile returns the compiled expression, compiling it on first use. An
// expression that does not compile panics with regexp's message at every
// use, not only the first (sync.Once would hand later callers a nil).
func (r *Regexp) compile() *regexp.Regexp {
	r.once.Do(r.build)
	if r.err != nil {
		panic("regexp: Compile(" + strconv.Quote(r.expr) + "): " + r.err.Error())
	}
	return r.re
}

// Re returns the compiled expression.
func (r *Regexp) Re() *regexp.Regexp { return r.compile() }

// String returns the source text of the expression.
func (r *Regexp) String() string { return r.expr }

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool { return r.compile().MatchString(s) }

// FindString is regexp.Regexp.FindString.
func (r *Regexp) FindString(s string) string { return r.compile().FindString(s) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int { return r.compile().FindStringIndex(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string { return r.compile().FindStringSubmatch(s) }

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	return r.compile().FindStringSubmatchIndex(s)
}

// FindAllString is regexp.Regexp.FindAllString.
func (r *Regexp) FindAllString(s string, n int) []string { return r.compile().FindAllString(s, n) }

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return r.compile().FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is regexp.Regexp.FindAllStringSubmatch.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return r.compile().FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.compile().FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.compile().ReplaceAllString(src, repl)
}

// ReplaceAllStringFunc is regexp.Regexp.ReplaceAllStringFunc.
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.compile().ReplaceAllStringFunc(src, repl)
}

// SubexpIndex is regexp.Regexp.SubexpIndex.
func (r *Regexp) SubexpIndex(name string) int { return r.compile().SubexpIndex(name) }
