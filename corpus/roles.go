package corpus

import (
	"strings"
)

// reFigure matches a number with a unit of measure: 5%, 38.25億元, 1.2萬人.
var reFigure = reading.New(`[0-9]+(?:\.[0-9]+)?\s*(?:%|％|个百分点|億|亿|萬|万|元|人|戶|户|公里|平方米|吨|噸)`)

// assignRole marks a unit with its special job, if it has one: front
// matter, outcome figures, targets, problems, guidelines, thanks or the
// lead-in of a list. Roles are read from what a unit says and where it
// stands, never from its position alone. front is set when no salutation
// of the preamble comes before the unit (see frontEnd). A salutation keeps
// its role.
func assignRole(u *Unit, front bool) {
	if u.Role == RoleSalutation {
		return
	}
	f, k := u.Folded(), u.chars()
	head := firstRunes(f, 40)
	kind := u.PartKind()
	switch {
	case kind == Preamble && front && headingCandidate(u.Text):
		u.Role = RoleFront
	case kind == Closing && headingCandidate(u.Text):
		u.Role = RoleFront
	case targetsWord.in(f, &k) || contains(head, "预期目标是") || contains(head, "主要目标是"):
		u.Role = RoleTargets
	case contains(head, "总体要求") || contains(head, "总体思路") || contains(head, "指导思想"):
		u.Role = RoleGuidelines
	case kind == Review && u.Section != nil && u.Section.Heading == nil && u.Section.Title == "" &&
		(strings.HasPrefix(strings.TrimLeft(f, "0123456789x年，, "), "预计") || len(reFigure.FindAllStringIndex(f, 3)) == 3):
		u.Role = RoleOutcome
	case kind == Review && containsAny(head, "清醒地认识到", "清醒认识到", "清醒地看到", "清醒看到", "困难和问题", "问题和不足", "不足和问题", "困难和挑战"):
		u.Role = RoleProblems
	case kind == Review && anyIn(f, &k, thanksWords):
		u.Role = RoleThanks
	case (kind == Review || kind == Plan) && (terminalColon(u.Text) || !runesOver(u.Text, 80)) &&
		anyIn(f, &k, introWords) && anyIn(f, &k, introTopics):
		u.Role = RoleIntro
	}
}

// frontEnd returns the index in r.Units of the first salutation of the
// preamble, or len(r.Units): the units before it may be front matter.
// Salutations are marked when units are made, before roles are given.
func frontEnd(r *Report) int {
	for i, u := range r.Units {
		if u.Role == RoleSalutation && u.PartKind() == Preamble {
			return i
		}
	}
	return len(r.Units)
}

// The words assignRole looks for in a unit's whole text.
var (
	targetsWord = wordOf("主要预期目标")
	thanksWords = wordsOf("衷心的感谢", "衷心感谢", "诚挚的谢意", "崇高的敬意", "表示感谢")
	introWords  = wordsOf("以下", "下列", "如下")
	introTopics = wordsOf("方面", "工作", "重点")
)

func terminalColon(s string) bool {
	switch lastRune(strings.TrimRight(s, " \u3000")) {
	case '：', ':':
		return true
	}
	return false
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if contains(s, w) {
			return true
		}
	}
	return false
}

func firstRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}
