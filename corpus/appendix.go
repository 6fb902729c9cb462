package corpus

import (
	"strings"
	"unicode/utf8"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// A report may end with an appendix after its closing: 附件, 附件：名词解释,
// 附：2036年民生实事项目, 注释, followed by a glossary (1.某某：指…) or a
// list of projects. A glossary or a note explains the report's words and is
// not what it says: its lines become furniture of kind appendix, kept (the
// reading stays lossless) but never units, so align and diff leave it out,
// and its numbered entries are no headings that would hide the closing
// before them. A list of the year's projects (民生实事) is what the report
// promises: it opens a plan part of its own after the closing.

// FurnAppendix is an appendix after the closing: a glossary, a list.
const FurnAppendix FurnitureKind = "appendix"

// reAppendix matches, folded and without spaces, the line that opens an
// appendix: 附件, 附件2, 附件：名词解释, 附：某表, 名词解释, 有关名词解释,
// 注释：, 关于某某的说明.
var reAppendix = reading.New(`^(?:附件|附录|附表|附页)[0-9一二三四五六七八九十]{0,2}(?:[：:].{0,40})?$|^附[：:].{1,40}$|^.{0,16}(?:` + glossaryWords + `)(?:和说明)?[：:]?$|^关于.{0,30}的说明$`)

// glossaryWords name a glossary or notes.
const glossaryWords = `名词解释|名词注释|词语解释|术语解释|缩略语|注释|注解`

// appendices marks the appendices of a file's reports: from a line that
// opens one, within three lines after a closing (各位代表！…, 让我们…) or
// after another appendix, to the next report's front matter or the end of
// the file.
func appendices(lines []line) {
	inAppendix := false // an appendix of projects came before: the next one needs no closing before it
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.blank() || l.furn != "" {
			continue
		}
		if inAppendix && (reReportMarker.MatchString(l.text) || isTitle(hanzi.Fold(l.text))) {
			inAppendix = false // the next report
		}
		// Every opener is short and holds one of these characters: cheap
		// tests first.
		if runesOver(l.text, 44) || !strings.ContainsAny(l.text, "附注註解略说說") ||
			!reAppendix.MatchString(foldedNoSpace(l.text)) || !inAppendix && !afterClosing(lines, i) {
			continue
		}
		inAppendix = true
		if !glossary(lines, i) {
			// A list of the year's projects (附件1 / 2036年十件民生实事): the
			// plan's, in a part of its own that this line opens.
			lines[i].appendix = true
			continue
		}
		for ; i < len(lines); i++ {
			e := &lines[i]
			if e.blank() || e.furn != "" {
				continue
			}
			if f := hanzi.Fold(e.text); reReportMarker.MatchString(e.text) || isTitle(f) || reDateline.MatchString(f) ||
				isSalutation(e.text) || isOpening(f) {
				break // the next report
			}
			e.furn = FurnAppendix
		}
		i--
	}
}

// reGlossary matches, folded, the title of an appendix that explains the
// report's words rather than adds to them (a glossary, notes, a note on how
// the draft was revised) or that the text leaves out (（略）).
var reGlossary = reading.New(glossaryWords + `|的说明|[（(]略[）)]`)

// glossary reports whether the appendix line i opens is a glossary or a
// note: its opening line or one of the two content lines after it says so.
func glossary(lines []line, i int) bool {
	for n, j := 0, i; j < len(lines) && n < 3; j++ {
		if lines[j].blank() || lines[j].furn != "" {
			continue
		}
		n++
		if reGlossary.MatchString(foldedNoSpace(lines[j].text)) {
			return true
		}
	}
	return false
}

// afterClosing reports whether one of the three content lines before line i
// is a closing: opened by a salutation, or a final appeal.
func afterClosing(lines []line, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && n < 3; j-- {
		l := lines[j]
		if l.blank() || l.furn != "" {
			continue
		}
		n++
		f := hanzi.Fold(l.text)
		if isSalutation(l.text) || salutationLed(f) || appeals(f) {
			return true
		}
	}
	return false
}

// salutationLed reports whether a folded paragraph opens with a salutation
// on its line: 各位代表！新的征程…, 各位代表，今年….
func salutationLed(folded string) bool {
	i := strings.IndexAny(folded, "！!：:，,")
	if i < 0 || !strings.HasPrefix(folded, "各位") {
		return false
	}
	_, size := utf8.DecodeRuneInString(folded[i:])
	return isSalutation(folded[:i+size])
}

// appeals reports whether one of the first two sentences of a folded
// paragraph opens with the final appeal 让我们: a paragraph of the plan that
// ends with an appeal is still the plan's.
func appeals(folded string) bool {
	ss := splitSentences(folded)
	for _, s := range ss[:min(2, len(ss))] {
		if strings.HasPrefix(strings.TrimLeft(s.Text, "！!，,：: "), "让我们") {
			return true
		}
	}
	return false
}
