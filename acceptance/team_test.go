package acceptance

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/internal/pgtest"
)

// teamLibrary points the session at a new team library on a PostgreSQL
// server of the test's own.
func teamLibrary(t *testing.T) func(s *session) {
	srv := pgtest.New(t)
	url, err := srv.CreateDB(context.Background(), "team")
	if err != nil {
		t.Fatal(err)
	}
	return func(s *session) { s.lib = url }
}

// #19: the window on a team library follows another analyst (the command
// line on the same server) within 2 s: a new source in the Library, a new
// block in the open briefing; and a delete of what the window's briefing
// quotes is refused, naming the briefing.
func TestTeamLibraryFollowsAnotherAnalyst(t *testing.T) {
	s := start(t, teamLibrary(t))
	s.withSample()
	s.showView("Library")
	article := copyInto(t, chipsPath(t), s.dir)
	s.do("another analyst imports a source")
	s.cli("import", article)
	s.waitFor("the Library lists the other analyst's source", 2*time.Second, func(tr *tree) bool {
		return tr.find(typ("Label"), text(chipsTitle), inLayer("content"), shown()) != nil
	})

	s.openSampleBriefing()
	id := s.briefings()[0].ID
	n := len(s.briefing(id).Blocks)
	s.do("another analyst adds a block to the open briefing")
	s.cli("briefing", "add", fmt.Sprint(id), "--commentary", "Added by another analyst")
	s.waitFor("the composer shows the other analyst's block", 2*time.Second, func(tr *tree) bool {
		return tr.find(typ("Label"), textPrefix(fmt.Sprintf("%d blocks", n+1)), shown()) != nil
	})

	s.do("another analyst tries to delete an excerpt the briefing quotes")
	var quoted int64
	for _, blk := range s.briefing(id).Blocks {
		if ex, ok := blk["excerpt"].(float64); ok && quoted == 0 {
			quoted = int64(ex)
		}
	}
	out, err := s.tryCLI("excerpt", "delete", fmt.Sprint(quoted))
	if err == nil || !strings.Contains(out+err.Error(), "Technology statecraft") {
		s.fail("deleting a quoted excerpt: %v %s", err, out)
	}
}
