package acceptance

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// sourceCheck is one of `attache source checks ID --json`.
type sourceCheck struct {
	Source     int64  `json:"source"`
	Status     string `json:"status"`
	Where      string `json:"where"`
	HTTPStatus int    `json:"http_status"`
	Detail     string `json:"detail"`
}

// Scenario: a recheck from the Library marks a changed source. A web page
// is imported with the command line from a server on this computer; the
// page then changes. In the Library the analyst opens the source, clicks
// Recheck…, ticks the box for pages on this computer and rechecks. The
// results say it changed; the command line records a changed check and
// the source's concern; the Library's row is flagged.
func TestARecheckFromTheLibraryMarksAChangedSource(t *testing.T) {
	var page atomic.Value
	page.Store("Port congestion eased in March.\n\nInsurers kept premiums where they were.")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, page.Load())
	}))
	defer srv.Close()
	var srcs []source
	s := start(t, func(s *session) {
		s.cli("import", srv.URL+"/port-report.txt")
		s.cliJSON(&srcs, "sources")
	})
	if len(srcs) != 1 {
		s.fail("the import made %d sources", len(srcs))
	}
	src := srcs[0]
	page.Store("Port congestion eased in March.\n\nInsurers raised premiums by a third.")

	s.showView("Library")
	s.clickOn("the source's row", typ("Label"), text(src.Title), inLayer("content"), shown())
	s.waitNode("the source open in the reader", typ("Label"), text(src.Title), inLayer("content"), shown())
	s.clickOn("Recheck… under the list", append(button("Recheck…"), inLayer("content"))...)
	s.waitNode("the recheck dialog", typ("Label"), textContains("reads each web page and file again"), inLayer("overlay"))
	s.clickOn("the box for pages on this computer", typ("Check"), textPrefix("Also pages on this computer"), inLayer("overlay"), shown())
	s.clickOn("Recheck", append(button("Recheck"), inLayer("overlay"))...)
	s.waitNode("the results", typ("Label"), textPrefix("Changed: "), inLayer("overlay"), shown())
	s.keepShot("recheck-results")

	var checks []sourceCheck
	s.cliJSON(&checks, "source", "checks", fmt.Sprint(src.ID))
	if len(checks) != 1 || checks[0].Status != "changed" || checks[0].HTTPStatus != 200 || !strings.HasSuffix(checks[0].Where, "/port-report.txt") {
		s.fail("the source's checks: %+v", checks)
	}
	var got struct {
		Text    string   `json:"text"`
		Concern []string `json:"concern"`
	}
	s.cliJSON(&got, "source", "show", fmt.Sprint(src.ID))
	if len(got.Concern) != 1 || got.Concern[0] != "changed" {
		s.fail("the source shows no concern: %+v", got.Concern)
	}
	if !strings.Contains(got.Text, "kept premiums") {
		s.fail("the recheck replaced the imported text: %q", got.Text)
	}
	s.clickOn("Close", append(button("Close"), inLayer("overlay"))...)
	s.noOverlay("the results close")
	s.waitFor("the Library flags the source", 5*time.Second, func(tr *tree) bool {
		return tr.find(typ("Label"), textPrefix("Changed since import · "), inLayer("content"), shown()) != nil
	})
}
