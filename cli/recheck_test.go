package cli_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache/attache/cli"
)

// page is a web page whose text the test changes; /gone answers 404 and
// /slow never answers.
type page struct {
	*httptest.Server
	mu   sync.Mutex
	text string
}

const pageText = "Undersea cables\n\nRepair ships are scarce, and allies are only beginning to pool them.\n\nInsurers now price the risk of sabotage into every new route."

func newPage(t *testing.T) *page {
	p := &page{text: pageText}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/gone":
			http.NotFound(w, r)
			return
		case "/slow":
			<-r.Context().Done()
			return
		}
		p.mu.Lock()
		defer p.mu.Unlock()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, p.text)
	}))
	t.Cleanup(p.Close)
	return p
}

func (p *page) set(s string) { p.mu.Lock(); p.text = s; p.mu.Unlock() }

type recheckJSON struct {
	Source     int64            `json:"source"`
	Check      *sourceCheckJSON `json:"check"`
	Recorded   bool             `json:"recorded"`
	NewVersion int64            `json:"new_version"`
	Error      string           `json:"error"`
}

type sourceCheckJSON struct {
	ID         int64  `json:"id"`
	Source     int64  `json:"source"`
	Status     string `json:"status"`
	Where      string `json:"where"`
	HTTPStatus int    `json:"http_status"`
	Detail     string `json:"detail"`
	SHA256     string `json:"sha256"`
	Quotes     []struct {
		Excerpt int64  `json:"excerpt"`
		State   string `json:"state"`
		Start   int    `json:"start"`
		End     int    `json:"end"`
	} `json:"quotes"`
}

type sourceIntegrity struct {
	ID         int64    `json:"id"`
	Location   string   `json:"location"`
	PreviousID int64    `json:"previous_id"`
	Standing   string   `json:"standing"`
	Note       string   `json:"standing_note"`
	Concern    []string `json:"concern"`
	Text       string   `json:"text"`
}

func TestSourcesRecheck(t *testing.T) {
	p := newPage(t)
	db := newDB(t)
	web := importOne(t, db, p.URL+"/cables")
	// A text of its own: the library keeps one source per text.
	file := importOne(t, db, writeFile(t, t.TempDir(), "note.txt", []byte(pageText+"\n\nKept as a file.")))
	if _, errOut, code := runStdin(t, db, "A note typed by hand.", "import", "-", "--title", "Pasted"); code != cli.ExitOK {
		t.Fatalf("pasting a note: %s", errOut) // a note: nothing to read again
	}
	kept := addExcerpt(t, db, web.ID, "Repair ships are scarce")
	lost := addExcerpt(t, db, web.ID, "Insurers now price the risk")

	var got []recheckJSON
	runJSON(t, db, &got, "sources", "recheck", "--allow-private")
	if len(got) != 2 || got[0].Source != web.ID || got[1].Source != file.ID {
		t.Fatalf("rechecked %+v: want the web page and the file, not the note", got)
	}
	for _, r := range got {
		if r.Check == nil || r.Check.Status != "unchanged" || !r.Recorded || r.Error != "" {
			t.Errorf("unchanged source %d: %+v", r.Source, r.Check)
		}
	}
	if c := got[0].Check; c.HTTPStatus != 200 || c.Where != p.URL+"/cables" {
		t.Errorf("web check %+v", c)
	}

	p.set("Undersea cables\n\nRepair ships are scarce, and allies are only beginning to pool them.\n\nInsurers have left the route.")
	runJSON(t, db, &got, "sources", "recheck", "--allow-private", itoa(web.ID))
	c := got[0].Check
	if len(got) != 1 || c.Status != "changed" || len(c.Quotes) != 2 || got[0].NewVersion != 0 {
		t.Fatalf("changed page: %+v", got)
	}
	states := map[int64]string{}
	for _, q := range c.Quotes {
		states[q.Excerpt] = q.State
	}
	if states[kept.ID] != "same" || states[lost.ID] != "gone" {
		t.Errorf("quote states %v", states)
	}
	var show sourceIntegrity
	runJSON(t, db, &show, "source", "show", itoa(web.ID))
	if strings.Contains(show.Text, "Insurers have left") || len(show.Concern) != 1 || show.Concern[0] != "changed" {
		t.Errorf("after the recheck the source reads %q with concern %v", show.Text, show.Concern)
	}
	text := mustRun(t, db, "sources", "recheck", "--allow-private", itoa(web.ID))
	wantContains(t, text, "changed", "excerpt "+itoa(lost.ID)+": gone", "--import-changed")
	// Every source, listed without texts: the old text is read for the
	// changed one only, to count the paragraphs that differ.
	runJSON(t, db, &got, "sources", "recheck", "--allow-private")
	if c := got[0].Check; c.Status != "changed" || !strings.HasPrefix(c.Detail, "1 paragraph differs; of 2 quotes, 1 stands where it was, 0 moved, 1 gone") {
		t.Errorf("changed page, from the listing: %+v", c)
	}

	runJSON(t, db, &got, "sources", "recheck", "--allow-private", itoa(web.ID), "--import-changed")
	nv := got[0].NewVersion
	if nv == 0 || nv == web.ID {
		t.Fatalf("--import-changed: %+v", got[0])
	}
	runJSON(t, db, &show, "source", "show", itoa(nv))
	if show.PreviousID != web.ID || !strings.Contains(show.Text, "Insurers have left") {
		t.Errorf("new version %+v", show)
	}

	var history []sourceCheckJSON
	runJSON(t, db, &history, "source", "checks", itoa(web.ID))
	if len(history) != 5 || history[0].Status != "changed" || history[4].Status != "unchanged" || history[0].ID <= history[4].ID {
		t.Errorf("history, newest first: %+v", history)
	}
	wantContains(t, mustRun(t, db, "source", "checks", itoa(web.ID)), "changed", "unchanged")

	// A note cannot be read again: said so, nothing recorded, exit 0.
	runJSON(t, db, &got, "sources", "recheck", "--allow-private", "3")
	if got[0].Recorded || got[0].Check.Status != "unavailable" || !strings.Contains(got[0].Check.Detail, "pasted or typed") {
		t.Errorf("note: %+v", got[0])
	}
	runJSON(t, db, &history, "source", "checks", "3")
	if len(history) != 0 {
		t.Errorf("a check was recorded for a note: %+v", history)
	}
	fails(t, db, cli.ExitUsage, "sources", "recheck", "first")
	fails(t, db, cli.ExitError, "sources", "recheck", "99")

	// Without --allow-private the page on this computer is left alone:
	// skipped, not unavailable, and nothing recorded.
	got = nil
	runJSON(t, db, &got, "sources", "recheck", itoa(web.ID))
	if c := got[0].Check; got[0].Recorded || got[0].Error != "" || got[0].NewVersion != 0 || c.Status != "skipped" || c.HTTPStatus != 0 ||
		!strings.Contains(c.Detail, "is on this computer or a private network") {
		t.Errorf("without --allow-private: %+v", got[0])
	}
	text = mustRun(t, db, "sources", "recheck", itoa(web.ID))
	wantContains(t, text, ": skipped: "+p.URL+"/cables is on this computer or a private network",
		"nothing was fetched or recorded: `attache sources recheck "+itoa(web.ID)+" --allow-private` includes it")
	if strings.Contains(text, "unavailable") {
		t.Errorf("a skipped source reported unavailable: %s", text)
	}
	runJSON(t, db, &history, "source", "checks", itoa(web.ID))
	if len(history) != 5 {
		t.Errorf("a skipped recheck was recorded: %+v", history)
	}
}

func TestSourcesRecheckUnavailable(t *testing.T) {
	p := newPage(t)
	db := newDB(t)
	web := importOne(t, db, p.URL+"/p")
	dir := t.TempDir()
	path := writeFile(t, dir, "moving.txt", []byte(pageText+"\n\nKept as a file."))
	file := importOne(t, db, path)
	mustRun(t, db, "source", "edit", itoa(web.ID), "--url", p.URL+"/gone")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	var got []recheckJSON
	runJSON(t, db, &got, "sources", "recheck", "--allow-private")
	if len(got) != 2 {
		t.Fatalf("rechecked %+v: want the page and the file", got)
	}
	if c := got[0].Check; c.Status != "unavailable" || c.HTTPStatus != 404 || !strings.Contains(c.Detail, "404 Not Found") || !got[0].Recorded {
		t.Errorf("404: %+v", c)
	}
	abs, _ := filepath.Abs(path)
	if c := got[1].Check; got[1].Source != file.ID || c.Status != "unavailable" || !strings.Contains(c.Detail, "the file "+abs+" is missing") {
		t.Errorf("missing file: %+v", c)
	}
	var show sourceIntegrity
	runJSON(t, db, &show, "source", "show", itoa(web.ID))
	if len(show.Concern) != 1 || show.Concern[0] != "unavailable" {
		t.Errorf("concern %v", show.Concern)
	}
}

// Ctrl+C (the context) stops a recheck within a second; nothing is
// recorded for the page under way.
func TestSourcesRecheckStops(t *testing.T) {
	p := newPage(t)
	db := newDB(t)
	web := importOne(t, db, p.URL+"/p")
	mustRun(t, db, "source", "edit", itoa(web.ID), "--url", p.URL+"/slow")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	var out, errb strings.Builder
	env := &cli.Env{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(""), Getenv: func(string) string { return "" }}
	start := time.Now()
	code := cli.Run(ctx, env, []string{"--db", db, "sources", "recheck", "--allow-private"})
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("the recheck took %s to stop", d)
	}
	if code != cli.ExitError || !strings.Contains(errb.String(), "stopped") || !strings.Contains(errb.String(), "[1/1] source 1") {
		t.Errorf("exit %d, stderr %q, stdout %q", code, errb.String(), out.String())
	}
	var history []sourceCheckJSON
	runJSON(t, db, &history, "source", "checks", itoa(web.ID))
	if len(history) != 0 {
		t.Errorf("a stopped recheck recorded %+v", history)
	}
}

func TestSourceStanding(t *testing.T) {
	f := newJudgmentBriefing(t)
	db := f.db
	mustRun(t, db, "briefing", "add", itoa(f.id), "--excerpt", itoa(f.chips.ID))
	var show sourceIntegrity
	runJSON(t, db, &show, "source", "standing", "1", "retracted", "--note", "withdrawn by the publisher on 2 May")
	if show.Standing != "retracted" || show.Note != "withdrawn by the publisher on 2 May" || len(show.Concern) != 1 || show.Concern[0] != "retracted" {
		t.Fatalf("retracted: %+v", show)
	}
	wantContains(t, mustRun(t, db, "source", "show", "1"), "Standing:", "retracted: withdrawn by the publisher")
	wantContains(t, mustRun(t, db, "sources"), "CONCERN", "retracted")

	var risks []struct {
		Briefing int64   `json:"briefing"`
		Sources  []int64 `json:"sources"`
	}
	runJSON(t, db, &risks, "check", "--at-risk")
	if len(risks) != 1 || risks[0].Briefing != f.id || len(risks[0].Sources) != 1 || risks[0].Sources[0] != 1 {
		t.Errorf("at risk: %+v", risks)
	}
	wantContains(t, mustRun(t, db, "check", "--at-risk"), "Chips")

	msg := fails(t, db, cli.ExitUsage, "source", "standing", "1", "dubious")
	wantContains(t, msg, "is not a standing")
	mustRun(t, db, "source", "standing", "1", "sound")
	runJSON(t, db, &show, "source", "show", "1")
	if show.Standing != "" || len(show.Concern) != 0 {
		t.Errorf("sound again: %+v", show)
	}
	runJSON(t, db, &risks, "check", "--at-risk")
	if len(risks) != 0 {
		t.Errorf("at risk after sound: %+v", risks)
	}
	wantContains(t, mustRun(t, db, "check", "--at-risk"), "No briefing rests on a source with a concern")
	fails(t, db, cli.ExitUsage, "check", "1", "--at-risk")
}
