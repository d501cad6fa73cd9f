package intake

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/ingest"
)

// checkLibrary is a library's excerpts and the checks recorded, as a
// recheck sees them.
type checkLibrary struct {
	library
	mu       sync.Mutex
	excerpts []*domain.Excerpt
	checks   []*domain.SourceCheck
	refuse   error
}

func (l *checkLibrary) Excerpts(_ context.Context, f domain.ExcerptFilter) ([]*domain.Excerpt, error) {
	var out []*domain.Excerpt
	for _, e := range l.excerpts {
		if e.SourceID == f.SourceID && (e.TrashedAt != nil) == f.Trashed {
			out = append(out, e)
		}
	}
	return out, nil
}

func (l *checkLibrary) RecordSourceCheck(_ context.Context, c *domain.SourceCheck) error {
	if l.refuse != nil {
		return l.refuse
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	c.ID = int64(len(l.checks) + 1)
	l.checks = append(l.checks, c)
	return nil
}

// cut makes an excerpt of src at the first place of quote.
func (l *checkLibrary) cut(t *testing.T, src *domain.Source, quote string) *domain.Excerpt {
	t.Helper()
	spans, err := domain.FindQuote(src.Text, quote)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := domain.RuneSpan(src.Text, spans[0].Start, spans[0].End)
	e := &domain.Excerpt{ID: int64(len(l.excerpts) + 1), SourceID: src.ID, Start: spans[0].Start, End: spans[0].End, Quote: q}
	l.excerpts = append(l.excerpts, e)
	return e
}

func recheckAll(t *testing.T, ctx context.Context, lib *checkLibrary, opt RecheckOptions, srcs ...*domain.Source) ([]RecheckResult, RecheckSummary) {
	t.Helper()
	var out []RecheckResult
	sum := Recheck(ctx, lib, srcs, opt, func(r RecheckResult) { out = append(out, r) })
	return out, sum
}

const pageV1 = "Cable repair\n\nRepair ships are scarce in the Baltic.\n\nInsurers price sabotage into every route.\n\nGovernments draft rules on landing cables."

// pageServer serves a plain-text page whose text the test changes, and
// answers /status/N with N.
type pageServer struct {
	*httptest.Server
	mu   sync.Mutex
	text string
}

func newPageServer(t *testing.T) *pageServer {
	p := &pageServer{text: pageV1}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if code, ok := strings.CutPrefix(r.URL.Path, "/status/"); ok {
			var n int
			fmt.Sscan(code, &n)
			http.Error(w, "no", n)
			return
		}
		if r.URL.Path == "/slow" {
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

func (p *pageServer) set(text string) { p.mu.Lock(); p.text = text; p.mu.Unlock() }

// fetched imports the page as it stands, as a source in the library.
func (p *pageServer) fetched(t *testing.T, id int64, path string) *domain.Source {
	t.Helper()
	src, _, err := ingest.FetchURL(context.Background(), p.URL+path, ingest.FetchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	src.ID, src.SHA256 = id, domain.TextSHA256(src.Text)
	return src
}

func TestRecheckWebSourceUnchangedAndChanged(t *testing.T) {
	srv := newPageServer(t)
	src := srv.fetched(t, 7, "/cables")
	lib := &checkLibrary{}
	same := lib.cut(t, src, "Repair ships are scarce in the Baltic.")
	moved := lib.cut(t, src, "Governments draft rules on landing cables.")
	gone := lib.cut(t, src, "Insurers price sabotage into every route.")
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	opt := RecheckOptions{Now: func() time.Time { return now }, Private: true}

	res, _ := recheckAll(t, context.Background(), lib, opt, src)
	c := res[0].Check
	if !res[0].Recorded || c.Status != domain.CheckUnchanged || c.HTTPStatus != 200 || c.SHA256 != src.SHA256 ||
		c.Where != srv.URL+"/cables" || !c.At.Equal(now) || res[0].Fresh != nil || len(lib.checks) != 1 {
		t.Fatalf("unchanged page: %+v, fresh %v", c, res[0].Fresh)
	}

	srv.set("Cable repair\n\nRepair ships are scarce in the Baltic.\n\nA new paragraph comes first now.\n\nGovernments draft  rules on landing cables.")
	res, _ = recheckAll(t, context.Background(), lib, opt, src)
	c = res[0].Check
	if c.Status != domain.CheckChanged || c.HTTPStatus != 200 || c.SHA256 == src.SHA256 || res[0].Fresh == nil || len(lib.checks) != 2 {
		t.Fatalf("changed page: %+v", c)
	}
	want := map[int64]domain.QuoteState{same.ID: domain.QuoteSame, moved.ID: domain.QuoteMoved, gone.ID: domain.QuoteGone}
	got := map[int64]domain.QuoteCheck{}
	for _, q := range c.Quotes {
		got[q.ExcerptID] = q
		if q.State != want[q.ExcerptID] {
			t.Errorf("excerpt %d: %s, want %s", q.ExcerptID, q.State, want[q.ExcerptID])
		}
	}
	fresh := res[0].Fresh.Text
	// The quote moved, and is written with two spaces now: the span
	// covers the new text's own characters.
	if q := got[moved.ID]; q.End != len([]rune(fresh)) || q.End-q.Start != len(moved.Quote)+1 {
		t.Errorf("moved quote at %d–%d in %q", q.Start, q.End, fresh)
	}
	if len(c.Quotes) != 3 || !strings.Contains(c.Detail, "of 3 quotes, 1 stands where it was, 1 moved, 1 gone") ||
		!strings.HasPrefix(c.Detail, "1 paragraph differs;") { // white space does not count
		t.Errorf("detail %q, %d quotes", c.Detail, len(c.Quotes))
	}

	// Only a change of text elsewhere: the quote stands where it was.
	srv.set(pageV1 + "\n\nA last paragraph added.")
	res, _ = recheckAll(t, context.Background(), lib, opt, src)
	for _, q := range res[0].Check.Quotes {
		if q.State != domain.QuoteSame {
			t.Errorf("excerpt %d: %s after text was added at the end", q.ExcerptID, q.State)
		}
	}
	if d := res[0].Check.Detail; !strings.Contains(d, "1 paragraph differs; of 3 quotes, 3 stand where they were") {
		t.Errorf("detail %q", d)
	}
}

func TestRecheckWebSourceUnavailable(t *testing.T) {
	srv := newPageServer(t)
	lib := &checkLibrary{}
	for _, tt := range []struct {
		path   string
		status int
		says   string
	}{
		{"/status/404", 404, "404 Not Found"},
		{"/status/500", 500, "500 Internal Server Error"},
	} {
		src := &domain.Source{ID: 3, URL: srv.URL + tt.path, SHA256: "abc"}
		res, _ := recheckAll(t, context.Background(), lib, RecheckOptions{Private: true}, src)
		c := res[0].Check
		if c.Status != domain.CheckUnavailable || c.HTTPStatus != tt.status || !strings.Contains(c.Detail, tt.says) ||
			c.SHA256 != "" || !res[0].Recorded || res[0].Fresh != nil {
			t.Errorf("%s: %+v", tt.path, c)
		}
	}

	start := time.Now()
	src := &domain.Source{ID: 4, URL: srv.URL + "/slow", SHA256: "abc"}
	res, _ := recheckAll(t, context.Background(), lib, RecheckOptions{Fetch: ingest.FetchOptions{Timeout: 200 * time.Millisecond}, Private: true}, src)
	if c := res[0].Check; c.Status != domain.CheckUnavailable || c.HTTPStatus != 0 || !strings.Contains(c.Detail, "did not answer within") {
		t.Errorf("timeout: %+v", c)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("the timeout took %s", time.Since(start))
	}
}

func TestRecheckStopsWithinASecond(t *testing.T) {
	srv := newPageServer(t)
	lib := &checkLibrary{}
	slow := &domain.Source{ID: 1, URL: srv.URL + "/slow", SHA256: "abc"}
	next := srv.fetched(t, 2, "/page")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(150*time.Millisecond, cancel)
	start := time.Now()
	res, sum := recheckAll(t, ctx, lib, RecheckOptions{Private: true}, slow, next)
	if d := time.Since(start); d > time.Second {
		t.Errorf("stopping took %s", d)
	}
	if len(res) != 1 || res[0].Err != ErrStopped || res[0].Recorded || sum.NotStarted != 1 || sum.Total != 2 || len(lib.checks) != 0 {
		t.Fatalf("stopped: %+v, %+v, %d checks", res, sum, len(lib.checks))
	}
}

// A page that redirects into this computer is not followed on a recheck
// either: the check says so, and only the page's own server was reached.
func TestRecheckRefusesARedirectInside(t *testing.T) {
	var port string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://127.0.0.2:"+port+"/secret", http.StatusFound)
	}))
	defer srv.Close()
	srvAddr := srv.Listener.Addr().String()
	_, port, _ = net.SplitHostPort(srvAddr)
	var mu sync.Mutex
	var dialed []string
	client := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		mu.Lock()
		dialed = append(dialed, addr)
		mu.Unlock()
		var d net.Dialer
		return d.DialContext(ctx, network, srvAddr) // news.test is the test server
	}}}
	lib := &checkLibrary{}
	src := &domain.Source{ID: 9, URL: "http://news.test:" + port + "/story", SHA256: "abc"}
	res, _ := recheckAll(t, context.Background(), lib, RecheckOptions{Fetch: ingest.FetchOptions{Client: client}, Private: true}, src)
	c := res[0].Check
	if c.Status != domain.CheckUnavailable || !strings.Contains(c.Detail, "redirected to http://127.0.0.2:"+port+"/secret") ||
		!strings.Contains(c.Detail, "on this computer") {
		t.Errorf("redirect inside: %+v", c)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(dialed) != 1 || dialed[0] != "news.test:"+port {
		t.Errorf("connected to %v", dialed)
	}
}

func TestRecheckFileSource(t *testing.T) {
	dir := t.TempDir()
	path := write(t, filepath.Join(dir, "note.txt"), pageV1)
	src, _, err := ingest.ImportFileContext(context.Background(), path, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	src.ID, src.SHA256, src.Location = 5, domain.TextSHA256(src.Text), path
	lib := &checkLibrary{}
	gone := lib.cut(t, src, "Insurers price sabotage")
	gone.TrashedAt = &time.Time{} // trashed excerpts are looked for too
	kept := lib.cut(t, src, "Repair ships are scarce")

	res, _ := recheckAll(t, context.Background(), lib, RecheckOptions{}, src)
	if c := res[0].Check; c.Status != domain.CheckUnchanged || c.Where != path || c.HTTPStatus != 0 {
		t.Errorf("same file: %+v", c)
	}

	write(t, path, strings.Replace(pageV1, "Insurers price sabotage into every route.", "Insurers now decline the route.", 1))
	res, _ = recheckAll(t, context.Background(), lib, RecheckOptions{}, src)
	c := res[0].Check
	if c.Status != domain.CheckChanged || len(c.Quotes) != 2 || res[0].Fresh == nil || res[0].Fresh.Location != path {
		t.Fatalf("changed file: %+v", c)
	}
	for _, q := range c.Quotes {
		if want := map[int64]domain.QuoteState{gone.ID: domain.QuoteGone, kept.ID: domain.QuoteSame}[q.ExcerptID]; q.State != want {
			t.Errorf("excerpt %d: %s, want %s", q.ExcerptID, q.State, want)
		}
	}

	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	res, _ = recheckAll(t, context.Background(), lib, RecheckOptions{}, src)
	if c := res[0].Check; c.Status != domain.CheckUnavailable || !strings.Contains(c.Detail, "the file "+path+" is missing") || !res[0].Recorded {
		t.Errorf("missing file: %+v", c)
	}

	// Sources Attaché cannot read again are said so, and nothing is recorded.
	before := len(lib.checks)
	old := &domain.Source{ID: 6, FileName: "old.pdf", SHA256: "abc"}
	note := &domain.Source{ID: 7, SHA256: "abc", Kind: domain.KindNote, URL: "http://127.0.0.1:1/said-here"} // never fetched
	res, _ = recheckAll(t, context.Background(), lib, RecheckOptions{}, old, note)
	if c := res[0].Check; c.Status != domain.CheckUnavailable || res[0].Recorded ||
		!strings.Contains(c.Detail, "Attaché does not know where this source's file (old.pdf) was: it was imported before Attaché kept the path") {
		t.Errorf("old file source: %+v", c)
	}
	if c := res[1].Check; c.Status != domain.CheckUnavailable || res[1].Recorded || !strings.Contains(c.Detail, "pasted or typed") {
		t.Errorf("pasted note: %+v", c)
	}
	if len(lib.checks) != before || Rechecks(old) || Rechecks(note) || !Rechecks(src) || !Rechecks(&domain.Source{URL: "https://x.org"}) {
		t.Errorf("recorded %d checks for sources that cannot be read again", len(lib.checks)-before)
	}
}

func TestRecheckRecordRefused(t *testing.T) {
	srv := newPageServer(t)
	src := srv.fetched(t, 1, "/p")
	lib := &checkLibrary{refuse: domain.Errorf(domain.EINVALID, "the library is read-only")}
	res, _ := recheckAll(t, context.Background(), lib, RecheckOptions{Private: true}, src)
	if res[0].Recorded || res[0].Err == nil || !strings.Contains(res[0].Err.Error(), "read-only") {
		t.Errorf("refused record: %+v", res[0])
	}
}

func TestImportNewVersion(t *testing.T) {
	srv := newPageServer(t)
	lib := &checkLibrary{}
	old := srv.fetched(t, 0, "/p")
	old.Reliability, old.Marking, old.Authors = "B", "uk:OS", []string{"Ines Moreau"}
	if _, err := lib.CreateSource(context.Background(), old); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportNewVersion(context.Background(), lib, old, nil); err == nil {
		t.Error("imported nothing as a new version")
	}
	srv.set(pageV1 + "\n\nCorrection: the route was moved.")
	res, _ := recheckAll(t, context.Background(), lib, RecheckOptions{Private: true}, old)
	fresh := res[0].Fresh
	existing, err := ImportNewVersion(context.Background(), lib, old, fresh)
	if err != nil || existing {
		t.Fatalf("new version: %v, existing %v", err, existing)
	}
	if fresh.ID == old.ID || fresh.ID == 0 || fresh.PreviousID != old.ID || fresh.Reliability != "B" || fresh.Marking != "uk:OS" ||
		len(fresh.Authors) != 1 || !strings.Contains(fresh.Text, "Correction") || len(lib.sources) != 2 {
		t.Errorf("new version %+v", fresh)
	}
	same := *old
	if _, err := ImportNewVersion(context.Background(), lib, old, &same); err == nil || !strings.Contains(err.Error(), "no new version") {
		t.Errorf("the same text imported as a new version: %v", err)
	}
}

// Without Private, a source's address on this computer is not fetched:
// nothing reaches the server, nothing is recorded, and the check says it
// was skipped (not unavailable: nothing was tried) and why.
func TestRecheckLeavesPrivateAddressesAlone(t *testing.T) {
	var hits int
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
		fmt.Fprint(w, pageV1)
	}))
	defer srv.Close()
	lib := &checkLibrary{}
	src := &domain.Source{ID: 1, URL: srv.URL + "/intranet", SHA256: "abc"}
	res, _ := recheckAll(t, context.Background(), lib, RecheckOptions{}, src)
	c := res[0].Check
	if res[0].Recorded || res[0].Err != nil || res[0].Fresh != nil || c.Status != domain.CheckSkipped || c.HTTPStatus != 0 ||
		!strings.HasPrefix(c.Detail, srv.URL+"/intranet is on this computer or a private network") {
		t.Errorf("private address: %+v, recorded %v, err %v", c, res[0].Recorded, res[0].Err)
	}
	mu.Lock()
	defer mu.Unlock()
	if hits != 0 || len(lib.checks) != 0 {
		t.Errorf("%d requests, %d checks recorded", hits, len(lib.checks))
	}
}

// Of several places a quote now stands, the one nearest the old is
// taken; a figure's empty quote not at its place is gone.
func TestLocateQuote(t *testing.T) {
	e := &domain.Excerpt{ID: 1, Start: 20, End: 28, Quote: "the fund"}
	text := "the fund grew. Then the fund shrank, and the fund closed."
	// "the fund" at 0, 20 and 41; the text before 20 changed length.
	if q := LocateQuote(text, e); q.State != domain.QuoteSame || q.Start != 20 {
		t.Errorf("same place: %+v", q)
	}
	shifted := "The fund grew a lot. Then the fund shrank, and the fund closed."
	if q := LocateQuote(shifted, e); q.State != domain.QuoteMoved || q.Start != 26 || q.End != 34 {
		t.Errorf("nearest place: %+v", q)
	}
	fig := &domain.Excerpt{ID: 2, Start: 3, End: 5, Quote: "  "}
	if q := LocateQuote("abcdefg", fig); q.State != domain.QuoteGone {
		t.Errorf("blank quote elsewhere: %+v", q)
	}
	if q := LocateQuote("short", e); q.State != domain.QuoteGone {
		t.Errorf("text too short: %+v", q)
	}
}
