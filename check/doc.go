// Package check turns what reportdiff reads from a corpus into findings for
// CI: the lint of a corpus as it stands, what an edit changed in substance
// (against an earlier version of the corpus, or against a snapshot of its
// facts), and the facts themselves.
//
// Every finding is one type, Finding: a rule id, a severity, the file, line
// and column it is about, a message a person can act on and a fingerprint
// that stays the same across runs and machines. The rules are data (Rules);
// the printers of package render map findings onto text, JSON, GitHub
// workflow commands, SARIF and markdown.
//
// The package takes data and returns data: it never runs git, prints or
// reads the environment. A caller gives it the files of both versions of a
// corpus (names and content hashes) and a way to read the texts it asks for,
// so that only the reports whose text changed are read and compared again.
package check
