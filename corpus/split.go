package corpus

import (
	"strings"

	"github.com/reportdiff/reportdiff/internal/hanzi"
)

// A file may hold several reports one after the other with no 篇N line
// between them, as when reports are pasted into one file. Each report then
// announces itself: by its opening sentence (现在，我代表区人民政府，向大会
// 报告政府工作), with the salutation and front matter (title, dateline,
// speaker) just before it, or by a title line of its own (or two, in bold:
// **甲省政府 / 工作报告**).

var (
	// reOpening matches the opening sentence of a work report, folded.
	reOpening = reading.New(`我代表.{0,24}向(?:大会|会议).{0,6}报告`)
	// reTitle matches a title line, folded: 政府工作报告, 2036年国务院政府工作报告（全文）.
	reTitle = reading.New(`^.{0,24}政府工作报告(?:[（(]?(?:全文|摘要)[)）]?)?$`)
	// reDateline matches a line of delivery: ——2036年3月5日在第十九届全国人民代表大会第二次会议上.
	reDateline = reading.New(`^(?:—|-|―){1,2}.{0,40}(?:会议上|大会上)$`)
	// reSpeaker matches a byline: 国务院总理 某某, 区长 王某.
	reSpeaker = reading.New(`^.{0,12}(?:总理|省长|市长|区长|县长|州长|盟长|旗长|主席)(?:\s|\x{3000})*.{0,6}$`)
	// reWire matches an agency's dateline that opens a text: 新华社某地3月10日电.
	reWire = reading.New(`^\S{1,10}社.{0,12}电$`)
)

// minReportRunes is the least text a report found by its opening can hold:
// a shorter stretch is a quotation, not a report. A report announced by both
// a title line and its opening sentence, with only front matter between
// them, is one whatever its length, once the report before it has had its
// own opening: short county reports are pasted one after another too.
const minReportRunes = 1000

// reportStarts returns the indexes in lines of the lines that open the
// second and later reports of a file holding several without markers, or
// nil when the file holds one.
func reportStarts(lines []line) []int {
	var starts []int
	announced := map[int]bool{} // starts opened by a title and an opening
	for i, l := range lines {
		if l.blank() || l.furn != "" {
			continue // a running header that names the report is no title
		}
		f := hanzi.Fold(l.text)
		opening := isOpening(f)
		if !opening && !isTitle(f) &&
			!(boldAcross(lines, i) && isTitle(hanzi.Fold(l.text+lines[i+1].text))) {
			continue
		}
		s := frontStart(lines, i)
		if opening && titled(lines, s, i) {
			announced[s] = true
		}
		if n := len(starts); n > 0 && starts[n-1] == s {
			continue // the title before an opening found again
		}
		if n := len(starts); n > 0 && runesBetween(lines, starts[n-1], s) < minReportRunes &&
			!(announced[s] && opens(lines, starts[n-1], s)) {
			continue // a title and the opening of the same report, or a quotation
		}
		starts = append(starts, s)
	}
	if len(starts) < 2 {
		return nil
	}
	// Everything before the first opening belongs to the first report, and
	// the last report must be long enough to be one, or announced.
	starts = starts[1:]
	if last := starts[len(starts)-1]; !announced[last] && runesBetween(lines, last, len(lines)) < minReportRunes {
		starts = starts[:len(starts)-1]
	}
	if len(starts) == 0 {
		return nil
	}
	return starts
}

// isOpening reports whether a folded line opens with a report's opening
// sentence.
func isOpening(folded string) bool {
	return reOpening.MatchString(firstRunes(folded, 60))
}

// titled reports whether a title line comes among lines[from:to], the front
// matter before an opening.
func titled(lines []line, from, to int) bool {
	for j := from; j < to; j++ {
		if !lines[j].blank() && lines[j].furn == "" && isTitle(hanzi.Fold(lines[j].text)) {
			return true
		}
	}
	return false
}

// opens reports whether lines[from:to] hold an opening sentence: a report
// of their own rather than the title of the report at to.
func opens(lines []line, from, to int) bool {
	for j := from; j < to; j++ {
		if !lines[j].blank() && lines[j].furn == "" && isOpening(hanzi.Fold(lines[j].text)) {
			return true
		}
	}
	return false
}

// frontStart walks back from line i (an opening or a title) over the
// salutation and the front matter before it, and returns the first line of
// the report.
func frontStart(lines []line, i int) int {
	start := i
	for j := i - 1; j >= 0; j-- {
		l := lines[j]
		if l.blank() || l.furn != "" {
			continue
		}
		t := strings.TrimSpace(l.text)
		f := hanzi.Fold(t)
		if !(isSalutation(t) || isTitle(f) || reDateline.MatchString(f) ||
			reSpeaker.MatchString(f) || reWire.MatchString(f)) {
			break
		}
		start = j
	}
	return start
}

// isTitle reports whether a folded line is a report's title, spaces aside.
func isTitle(folded string) bool {
	return reTitle.MatchString(strings.Join(strings.Fields(folded), ""))
}

// runesBetween counts the characters of lines[from:to].
func runesBetween(lines []line, from, to int) int {
	n := 0
	for _, l := range lines[from:to] {
		n += runeLen(l.text)
	}
	return n
}
