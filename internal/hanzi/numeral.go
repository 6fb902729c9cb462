package hanzi

import "strings"

var digitValue = map[rune]int{
	'〇': 0, '零': 0, '一': 1, '二': 2, '兩': 2, '两': 2, '三': 3, '四': 4, '五': 5,
	'六': 6, '七': 7, '八': 8, '九': 9,
}

// IsNumeralRune reports whether r can stand in a Chinese numeral (一 … 九, 十,
// 百, 零).
func IsNumeralRune(r rune) bool {
	_, ok := digitValue[r]
	return ok || r == '十' || r == '百'
}

// ParseNumeral reads a Chinese numeral such as 一, 十二, 二十, 一百零五 or 六十五
// and returns its value. ok is false when s is not a numeral of that form.
func ParseNumeral(s string) (n int, ok bool) {
	if s == "" {
		return 0, false
	}
	total, cur := 0, -1
	for _, r := range s {
		switch {
		case r == '百':
			if cur < 0 {
				cur = 1
			}
			total += cur * 100
			cur = -1
		case r == '十':
			if cur < 0 {
				cur = 1
			}
			total += cur * 10
			cur = -1
		default:
			d, isDigit := digitValue[r]
			if !isDigit {
				return 0, false
			}
			if cur > 0 {
				cur = cur*10 + d
			} else {
				cur = d
			}
		}
	}
	if cur > 0 {
		total += cur
	}
	return total, total > 0
}

// LeadingNumeral returns the Chinese numeral at the start of s, its value and
// the rest of s. n is 0 when s does not start with one.
func LeadingNumeral(s string) (numeral string, n int, rest string) {
	end := 0
	for i, r := range s {
		if !IsNumeralRune(r) {
			break
		}
		end = i + len(string(r))
	}
	if end == 0 {
		return "", 0, s
	}
	v, ok := ParseNumeral(s[:end])
	if !ok {
		return "", 0, s
	}
	return s[:end], v, s[end:]
}

// FormatNumeral writes n (1 … 99) as a Chinese numeral.
func FormatNumeral(n int) string {
	const d = "零一二三四五六七八九"
	digits := []rune(d)
	switch {
	case n <= 0 || n >= 100:
		return ""
	case n < 10:
		return string(digits[n])
	case n < 20:
		return "十" + strings.TrimPrefix(string(digits[n%10]), "零")
	default:
		s := string(digits[n/10]) + "十"
		if n%10 != 0 {
			s += string(digits[n%10])
		}
		return s
	}
}
