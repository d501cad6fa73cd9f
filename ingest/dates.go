package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/attache/attache/domain"
)

var monthNames = map[string]time.Month{
	"jan": time.January, "january": time.January,
	"feb": time.February, "february": time.February,
	"mar": time.March, "march": time.March,
	"apr": time.April, "april": time.April,
	"may": time.May,
	"jun": time.June, "june": time.June,
	"jul": time.July, "july": time.July,
	"aug": time.August, "august": time.August,
	"sep": time.September, "sept": time.September, "september": time.September,
	"oct": time.October, "october": time.October,
	"nov": time.November, "november": time.November,
	"dec": time.December, "december": time.December,
}

// The patterns are anchored on both ends so that only a line that is a date,
// not a sentence that mentions one, is taken for metadata.
const (
	weekdayPat = `(?:(?:mon|tues|tue|wednes|wed|thurs|thur|thu|fri|satur|sat|sun)(?:day)?\.?,?\s+)?`
	timePat    = `(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?` +
		`(?:\s*\(?(?:(?-i:[A-Z]{2,5})|(?:utc|gmt)\s*[+-]\s*\d{1,2}(?::?\d{2})?)\)?)?`
	isoTimePat = `(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2})?)?`
)

var (
	dateDMY = regexp.MustCompile(`(?i)^` + weekdayPat +
		`(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})` + timePat + `\.?$`)
	dateMDY = regexp.MustCompile(`(?i)^` + weekdayPat +
		`([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` + timePat + `\.?$`)
	dateISO = regexp.MustCompile(`(?i)^(\d{4})([-/.])(\d{1,2})[-/.](\d{1,2})` + isoTimePat + `$`)

	// dateLabel is the wording that tells a date line apart; group 2 says
	// whether it is a publication or an update date.
	dateLabel = regexp.MustCompile(`(?i)^(?:(?:first|originally)\s+)?` +
		`(published|posted|date|released|issued|last\s+updated|updated|last\s+modified|modified|edited)` +
		`(?:\s+(?:on|at))?\s*[:\-–—]?\s*`)
)

// ParseHumanDate reads a calendar date as publishers print it: "11 May 2024",
// "May 11, 2024", "Saturday, 11 May 2024", "Sept. 3, 2024", "2024-05-11" or
// an ISO timestamp (whose calendar day is kept as written, not moved to UTC).
// Ambiguous numeric forms such as 05/11/2024 are refused rather than guessed.
func ParseHumanDate(s string) (domain.Date, bool) {
	if len(s) > 480 { // checked before any work: lines can be megabytes long
		return domain.Date{}, false
	}
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
	if len(s) > 120 {
		return domain.Date{}, false
	}
	if m := dateISO.FindStringSubmatch(s); m != nil {
		if m[2] != "-" && m[2] != "/" {
			return domain.Date{}, false
		}
		return makeDate(m[1], m[3], m[4])
	}
	if m := dateDMY.FindStringSubmatch(s); m != nil {
		if mo, ok := monthNames[strings.ToLower(m[2])]; ok {
			return makeDate(m[3], strconv.Itoa(int(mo)), m[1])
		}
	}
	if m := dateMDY.FindStringSubmatch(s); m != nil {
		if mo, ok := monthNames[strings.ToLower(m[1])]; ok {
			return makeDate(m[3], strconv.Itoa(int(mo)), m[2])
		}
	}
	return domain.Date{}, false
}

func makeDate(year, month, day string) (domain.Date, bool) {
	y, err1 := strconv.Atoi(year)
	m, err2 := strconv.Atoi(month)
	d, err3 := strconv.Atoi(day)
	if err1 != nil || err2 != nil || err3 != nil || y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return domain.Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 June and the like
		return domain.Date{}, false
	}
	return domain.DateOf(t), true
}

// dateLine is a line recognised as a publication or update date.
type dateLine struct {
	date    domain.Date
	updated bool
}

// parseDateLine recognises a whole line that gives a date, optionally
// labelled ("Published: May 11, 2024", "Updated 2 June 2024"). A line such as
// "Published 11 May 2024 | Updated 2 June 2024" gives both dates.
func parseDateLine(line string) (pub, upd dateLine, ok bool) {
	if len(line) > 640 || longerSqueezed(line, 160) {
		return pub, upd, false
	}
	line = strings.Join(strings.FieldsFunc(line, unicode.IsSpace), " ")
	if line == "" || len(line) > 160 {
		return pub, upd, false
	}
	for _, seg := range splitSegments(line) {
		updated := false
		if m := dateLabel.FindStringSubmatch(seg); m != nil {
			lbl := strings.ToLower(m[1])
			updated = strings.Contains(lbl, "updated") || strings.Contains(lbl, "modified") || lbl == "edited"
			seg = seg[len(m[0]):]
		}
		d, isDate := ParseHumanDate(seg)
		switch {
		case !isDate && ok:
			// A trailing "5 min read" or similar next to a date is harmless.
			if len(seg) > 40 {
				return dateLine{}, dateLine{}, false
			}
		case !isDate:
			return dateLine{}, dateLine{}, false
		case updated && upd.date.IsZero():
			upd = dateLine{d, true}
			ok = true
		case !updated && pub.date.IsZero():
			pub = dateLine{d, false}
			ok = true
		}
	}
	return pub, upd, ok
}

// splitSegments cuts a metadata line at the separators sites put between
// fields: "|", "•", "·" and spaced dashes.
func splitSegments(line string) []string {
	f := func(r rune) bool { return r == '|' || r == '•' || r == '·' || r == '‖' }
	var out []string
	for _, part := range strings.FieldsFunc(line, f) {
		for _, p := range splitSpacedDashes(part) {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func splitSpacedDashes(s string) []string {
	for _, sep := range []string{" — ", " – ", " - "} {
		if strings.Contains(s, sep) {
			var out []string
			for _, p := range strings.Split(s, sep) {
				out = append(out, splitSpacedDashes(p)...)
			}
			return out
		}
	}
	return []string{s}
}

// longerSqueezed reports whether s, its white-space runs squeezed to one
// space and trimmed (see parseDateLine), is longer than n bytes, without
// building it: most lines offered as a date line are paragraphs.
func longerSqueezed(s string, n int) bool {
	size, gap := 0, false
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if unicode.IsSpace(r) {
			gap = size > 0
			continue
		}
		if gap {
			size, gap = size+1, false
		}
		if size += w; size > n {
			return true
		}
	}
	return false
}
