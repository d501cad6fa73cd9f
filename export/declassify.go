package export

import (
	"regexp"
	"strings"
	"time"

	"github.com/attache/attache/domain"
)

// declassDate is a "Declassify On" that is a date, as the US guide writes
// it (YYYYMMDD); an event or an exemption ("25X1, 20751231") is left to
// the analyst, who knows the source's instructions.
var declassDate = regexp.MustCompile(`^\d{8}$`)

// declassifyProblem says what is wrong with a "Declassify On" date: a
// date that is no date, or one already past on the briefing's date (the
// briefing would be marked classified after its own declassification).
func declassifyProblem(on string, dated domain.Date) string {
	on = strings.TrimSpace(on)
	if !declassDate.MatchString(on) {
		return ""
	}
	t, err := time.Parse("20060102", on)
	if err != nil {
		return "Declassify On “" + on + "” is not a date: write it as YYYYMMDD (20511203), or name the event or exemption."
	}
	day := time.Now()
	if !dated.IsZero() {
		if d, err := time.Parse("2006-01-02", dated.String()); err == nil {
			day = d
		}
	}
	if t.Before(day) {
		return "Declassify On " + on + " has already passed on the briefing's date: check the source's declassification instructions and write the date they give."
	}
	return ""
}
