package app

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/intake"
)

// A page on this computer, the box not ticked, is skipped: said so, and
// how to include it, never "unavailable"; nothing reaches the server.
func TestRecheckSkippedPrivatePageSaysSoAndHowToIncludeIt(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	u, lib := newTestUI(t)
	withIntegrity(u, lib)
	webSource(t, u, srv.URL+"/intranet", "Ships are scarce.", "Ships")
	fyne.DoAndWait(func() { u.recheck(nil, false) })
	eventually(t, "the results", func() bool { return overlayContains(u, "Recheck results") })
	for _, want := range []string{"Rechecked 0 sources. Skipped 1 source on this computer or a private network",
		"Skipped, not read: " + srv.URL + "/intranet is on this computer", "Nothing was fetched or recorded",
		"“Also pages on this computer or a private network” ticked"} {
		if !overlayContains(u, want) {
			t.Errorf("the results do not say %q", want)
		}
	}
	if overlayContains(u, "Unavailable") || overlayContains(u, "unavailable") {
		t.Error("a skipped page is called unavailable")
	}
	if hits.Load() != 0 {
		t.Errorf("%d requests reached the server", hits.Load())
	}
}

func TestRecheckLineOfASkippedSource(t *testing.T) {
	r := intake.RecheckResult{Source: &domain.Source{Title: "Intranet"},
		Check: &domain.SourceCheck{Status: domain.CheckSkipped, Detail: "http://10.0.0.5/x is on a private network"}}
	if got := checkLine(r); !strings.HasPrefix(got, "Skipped, not read: http://10.0.0.5/x is on a private network. Nothing was fetched or recorded") {
		t.Errorf("checkLine = %q", got)
	}
}
