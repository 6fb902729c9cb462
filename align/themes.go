package align

import (
	"strings"
	"sync"

	"github.com/reportdiff/reportdiff/corpus"
	"github.com/reportdiff/reportdiff/internal/work"
)

// Themes is what every unit of a corpus is about: the one input of the
// analyses (priorities, commitments, targets), and the first stage of the
// alignment. Classifying a unit reads only the unit and its headings, so the
// themes of a report are the same whichever other reports are read with it.
type Themes struct {
	Corpus  *corpus.Corpus
	Lexicon *Lexicon
	Units   []*corpus.Unit // the units classified, in corpus order: front matter, salutations and empty units left out
	Classes map[*corpus.Unit]Classification

	mu       sync.Mutex
	prepared map[*corpus.Unit]*prep          // what similarity reads of each unit, once
	counted  map[*corpus.Report]*reportFreqs // the document frequencies of each report's units, once
}

// Classify gives every unit of the reports (every report of the corpus when
// reports is nil) its themes by the lexicon (the embedded one when lx is
// nil).
func Classify(c *corpus.Corpus, lx *Lexicon, reports []*corpus.Report) *Themes {
	if lx == nil {
		lx = DefaultLexicon()
	}
	if reports == nil {
		reports = c.Reports
	}
	t := &Themes{Corpus: c, Lexicon: lx}
	for _, r := range reports {
		t.Units = append(t.Units, Alignable(r)...)
	}
	t.Classes = make(map[*corpus.Unit]Classification, len(t.Units)) // sized once: each growth copies every class
	var sc lexScratch
	sections := bySection(t.Units, sectionLine, func(line string) []termCount { return lx.sectionCounts(line, &sc) })
	classes := make([]Classification, len(t.Units))
	work.EachWith(len(t.Units), func(sc *lexScratch, i int) {
		u := t.Units[i]
		classes[i] = lx.classify(u, sections[placeOf{u.Section, u.Subsection}], sc)
	})
	for i, u := range t.Units {
		t.Classes[u] = classes[i]
	}
	return t
}

// placeOf is the section and subsection a unit stands in: the units of
// one share the titles of both, read once for all of them and found again
// by the two pointers, not by the titles put together for each unit.
type placeOf struct {
	section    *corpus.Section
	subsection *corpus.Subsection
}

// bySection returns what read makes of the titles of the section and
// subsection of each unit (titles(u)), by place: read once for all the
// units of a section, and once for the sections titled alike.
func bySection[T any](units []*corpus.Unit, titles func(*corpus.Unit) string, read func(string) T) map[placeOf]T {
	sections := map[placeOf]T{}
	byTitles := map[string]T{}
	for _, u := range units {
		k := placeOf{u.Section, u.Subsection}
		if _, ok := sections[k]; ok {
			continue
		}
		s := titles(u)
		v, ok := byTitles[s]
		if !ok {
			v = read(s)
			byTitles[s] = v
		}
		sections[k] = v
	}
	return sections
}

// Alignable returns the units of a report that speak of a topic: all but
// front matter, salutations and empty units.
func Alignable(r *corpus.Report) []*corpus.Unit {
	var us []*corpus.Unit
	for _, u := range r.Units {
		if u.Role == corpus.RoleFront || u.Role == corpus.RoleSalutation || u.Text == "" {
			continue
		}
		us = append(us, u)
	}
	return us
}

// Theme returns the primary theme of a unit, General for a unit that was
// not classified.
func (t *Themes) Theme(u *corpus.Unit) string {
	if cl, ok := t.Classes[u]; ok && cl.Primary != "" {
		return cl.Primary
	}
	return General
}

// Label returns a theme's id and the short form of its label, for headings:
// "culture 文化 Culture".
func (t *Themes) Label(id string) string {
	for _, th := range t.Lexicon.Themes {
		if th.ID == id {
			label, _, _ := strings.Cut(th.Label, ":")
			if label == "" {
				return id
			}
			return id + " " + label
		}
	}
	return id
}
