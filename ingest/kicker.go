package ingest

import (
	"strings"
	"unicode"
)

const (
	maxTitleRunes  = 200
	maxKickerRunes = 40
	maxKickerWords = 5
)

func isKickerRune(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(" &-/'’,.+", r)
}

// splitGluedKicker splits a section label that copy-and-paste glued to the
// title: "TECH DIPLOMACYTech Diplomacy: …" → "TECH DIPLOMACY", "Tech
// Diplomacy: …". The last capital of the upper-case run starts the title, and
// it must be followed by two lower-case letters, so that "GPUs Are Scarce" or
// "NATO Expands" stay whole titles.
func splitGluedKicker(line string) (kicker, title string, ok bool) {
	rs := []rune(line[:min(len(line), 4*(maxKickerRunes+3))])
	p := 0
	for p < len(rs) && p <= maxKickerRunes+1 && isKickerRune(rs[p]) {
		p++
	}
	if p < 3 || p+1 >= len(rs) || !unicode.IsLower(rs[p]) || !unicode.IsLower(rs[p+1]) {
		return "", "", false
	}
	if !unicode.IsUpper(rs[p-1]) || !unicode.IsUpper(rs[p-2]) {
		return "", "", false
	}
	kicker = strings.TrimSpace(string(rs[:p-1]))
	if !isKickerText(kicker) {
		return "", "", false
	}
	return kicker, strings.TrimSpace(line[len(string(rs[:p-1])):]), true
}

// isKickerText reports whether s could be a section label: short, upper
// case, with at least three letters.
func isKickerText(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	n := len([]rune(s))
	return letters >= 3 && n <= maxKickerRunes && len(strings.Fields(s)) <= maxKickerWords &&
		!strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ",")
}

// isKickerLine reports whether a whole line is an upper-case section label
// such as "TECH POLICY".
func isKickerLine(line string) bool {
	if len(line) > 4*maxKickerRunes+16 {
		return false
	}
	line = strings.TrimSpace(line)
	return isKickerText(line) && !strings.ContainsAny(line, "!?")
}

// titleLike reports whether a line may be a title: short, with letters, and
// not ending the way a paragraph of prose does.
func titleLike(line string) bool {
	if len(line) > 4*maxTitleRunes+16 {
		return false
	}
	line = strings.TrimSpace(line)
	n := len([]rune(line))
	if n == 0 || n > maxTitleRunes || !strings.ContainsFunc(line, unicode.IsLetter) {
		return false
	}
	end := strings.TrimRight(line, "\"'”’)]»")
	if strings.HasSuffix(end, "...") || strings.HasSuffix(end, "…") {
		return true
	}
	last, _ := lastRune(end)
	return !strings.ContainsRune(".,;:", last)
}

func hasLower(s string) bool { return strings.ContainsFunc(s, unicode.IsLower) }

func lastRune(s string) (rune, bool) {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0, false
	}
	return rs[len(rs)-1], true
}

// subtitleLike accepts a standfirst: one short line that may end in a full
// stop, since only its place between title and byline makes it a subtitle.
func subtitleLike(line string) bool {
	if len(line) > 1200 {
		return false
	}
	n := len([]rune(line))
	return n > 0 && n <= 300 && strings.ContainsFunc(line, unicode.IsLetter)
}
