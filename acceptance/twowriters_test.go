package acceptance

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// #12: with a briefing open in the app, the command line adds blocks and
// retitles it while the analyst types into it. Nothing either side wrote
// is lost, block numbers stay as the command line reported them, and
// the window shows the command line's changes within two seconds.
func TestAppAndCommandLineWriteOneBriefing(t *testing.T) {
	s := start(t, nil)
	s.withSample()
	s.openSampleBriefing()
	id := s.briefings()[0].ID
	n := len(s.briefing(id).Blocks)

	const adds = 12
	var wg sync.WaitGroup
	var cliErr error
	var lastTitle string
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range adds {
			if _, err := s.tryCLI("briefing", "add", fmt.Sprint(id), "--commentary", fmt.Sprintf("Added by the command line %d", i)); err != nil {
				cliErr = err
				return
			}
			if i%4 == 3 {
				title := fmt.Sprintf("Retitled by the command line %d", i)
				if _, err := s.tryCLI("briefing", "edit", fmt.Sprint(id), "--title", title); err != nil {
					cliErr = err
					return
				}
				lastTitle = title
			}
			time.Sleep(250 * time.Millisecond)
		}
	}()
	s.do("type into the bottom line while the command line writes")
	s.focusEntry("the BLUF field", typ("Entry"), placeholder("Bottom line up front"), inLayer("content"))
	typed := " Typed in the window while the command line wrote. "
	for _, w := range strings.SplitAfter(typed, " ") {
		s.typeText(w)
	}
	wg.Wait()
	if cliErr != nil {
		s.fail("the command line failed beside the app: %v", cliErr)
	}
	s.do("check the library holds both sides")
	var b briefing
	for deadline := time.Now().Add(5 * time.Second); ; {
		b = s.briefing(id)
		if len(b.Blocks) == n+adds && b.Title == lastTitle && strings.Contains(b.Summary, typed) {
			break
		}
		if time.Now().After(deadline) {
			s.fail("the library has %d blocks (want %d), title %q (want %q), bottom line %q",
				len(b.Blocks), n+adds, b.Title, lastTitle, b.Summary)
		}
		time.Sleep(200 * time.Millisecond)
	}
	for i, blk := range b.Blocks[n:] {
		if want := fmt.Sprintf("Added by the command line %d", i); blk["text"] != want {
			s.fail("block %d reads %q, want %q", n+i, blk["text"], want)
		}
	}
	s.do("the window shows the command line's title and blocks")
	s.waitFor("the composer shows the last title and every block", 2*time.Second, func(tr *tree) bool {
		return tr.find(typ("Entry"), placeholder("Title"), text(lastTitle), shown()) != nil &&
			tr.find(typ("Label"), textPrefix(fmt.Sprintf("%d blocks", n+adds)), shown()) != nil
	})
	s.do("remove a block by the number the command line shows: the same block goes")
	var shown briefing
	s.cliJSON(&shown, "briefing", "show", fmt.Sprint(id))
	victim := shown.Blocks[n+2]
	s.cli("briefing", "remove", fmt.Sprint(victim["id"]))
	after := s.briefing(id)
	for _, blk := range after.Blocks {
		if blk["id"] == victim["id"] || blk["text"] == victim["text"] {
			s.fail("block %v (%v) is still there", victim["id"], victim["text"])
		}
	}
	if len(after.Blocks) != n+adds-1 {
		s.fail("removing one block left %d of %d", len(after.Blocks), n+adds)
	}
}

// An import by the command line shows in the open window's Library
// within two seconds, untouched.
func TestLibraryFollowsTheCommandLine(t *testing.T) {
	s := start(t, nil)
	s.withSample()
	s.showView("Library")
	article := copyInto(t, chipsPath(t), s.dir)
	s.do("import %s from the command line", article)
	s.cli("import", article)
	s.waitFor("the Library lists the source the command line imported", 2*time.Second, func(tr *tree) bool {
		return tr.find(typ("Label"), text(chipsTitle), inLayer("content"), shown()) != nil
	})
}
