package export

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/attache/attache/domain"
)

// concernLines are what the sources appendix says under a source that
// no longer stands as it did when imported, worst first: "Retracted
// (2 December 2026): the figures were wrong", "Changed since import
// (rechecked 1 December 2026): 4 paragraphs differ". nil for a source
// without a concern. The dates are the calendar days in UTC, so the
// same library exports the same bytes anywhere.
func concernLines(src *domain.Source, c *domain.SourceConcern) []string {
	if c == nil {
		return nil
	}
	var out []string
	standingAt := c.At
	if src != nil && src.StandingAt != nil {
		standingAt = *src.StandingAt
	}
	for i := len(c.Concerns) - 1; i >= 0; i-- {
		switch c.Concerns[i] {
		case domain.ConcernDiscredited:
			out = append(out, withDetail("Discredited ("+longDay(standingAt)+")", c.Note))
		case domain.ConcernRetracted:
			out = append(out, withDetail("Retracted ("+longDay(standingAt)+")", c.Note))
		case domain.ConcernUnavailable:
			// The check's detail is advice to the analyst ("check the
			// address is spelled right"): the reader gets the fact.
			out = append(out, withDetail("Could not be read at recheck ("+longDay(checkAt(c))+")", unavailableDetail(c)))
		case domain.ConcernChanged:
			out = append(out, withDetail("Changed since import (rechecked "+longDay(checkAt(c))+")", checkDetail(c)))
		}
	}
	return out
}

func withDetail(head, detail string) string {
	if d := strings.Join(strings.Fields(detail), " "); d != "" {
		return head + ": " + d
	}
	return head
}

func checkAt(c *domain.SourceConcern) time.Time {
	if c.Check != nil {
		return c.Check.At
	}
	return c.At
}

func checkDetail(c *domain.SourceConcern) string {
	if c.Check == nil {
		return ""
	}
	return c.Check.Detail
}

// longDay is t's calendar day in UTC, "2 December 2026"; "date not
// recorded" for the zero time.
func longDay(t time.Time) string {
	if t.IsZero() {
		return "date not recorded"
	}
	return domain.DateOf(t.UTC()).Long()
}

// sourceConcerns gathers the appendix's concern lines of b's sources.
func sourceConcerns(b *domain.Bundle) map[int64][]string {
	var out map[int64][]string
	for _, src := range b.Sources {
		if lines := concernLines(src, b.Concerns[src.ID]); len(lines) > 0 {
			if out == nil {
				out = map[int64][]string{}
			}
			out[src.ID] = lines
		}
	}
	return out
}

// unavailableDetail is what the reader is told of a source that could not
// be read: the server's answer, if it gave one.
func unavailableDetail(c *domain.SourceConcern) string {
	if c.Check == nil || c.Check.HTTPStatus == 0 {
		return ""
	}
	if t := http.StatusText(c.Check.HTTPStatus); t != "" {
		return "the server answered " + strconv.Itoa(c.Check.HTTPStatus) + " " + t
	}
	return "the server answered " + strconv.Itoa(c.Check.HTTPStatus)
}
