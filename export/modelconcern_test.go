package export

import (
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

// Found by a trial: the sources appendix printed the recheck's advice to
// the analyst ("check the address is spelled right") to the reader. The
// reader gets the fact: that it could not be read, and the server's
// answer if there was one.
func TestAnUnreadableSourceIsToldToTheReaderWithoutAdvice(t *testing.T) {
	at := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	lost := &domain.SourceConcern{Concerns: []domain.Concern{domain.ConcernUnavailable}, At: at,
		Check: &domain.SourceCheck{At: at, Detail: "cannot find the server example.org: check the address is spelled right and that this computer is online"}}
	if got := concernLines(nil, lost); len(got) != 1 || got[0] != "Could not be read at recheck (4 December 2026)" {
		t.Errorf("no answer: %q", got)
	}
	lost.Check.HTTPStatus = 410
	if got := concernLines(nil, lost); len(got) != 1 || got[0] != "Could not be read at recheck (4 December 2026): the server answered 410 Gone" {
		t.Errorf("410: %q", got)
	}
	changed := &domain.SourceConcern{Concerns: []domain.Concern{domain.ConcernChanged}, At: at,
		Check: &domain.SourceCheck{At: at, Detail: "4 paragraphs differ"}}
	if got := concernLines(nil, changed); len(got) != 1 || got[0] != "Changed since import (rechecked 4 December 2026): 4 paragraphs differ" {
		t.Errorf("changed: %q", got)
	}
}
