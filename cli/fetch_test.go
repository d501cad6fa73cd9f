package cli_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/attache/attache/cli"
)

func TestImportWebAddress(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<!doctype html><html lang="en"><head><title>Undersea cables and alliances | Example Review</title>
<meta name="author" content="Ines Moreau"><meta property="og:site_name" content="Example Review"></head>
<body><nav>Home · About</nav><article><h1>Undersea cables and alliances</h1>
<p>Repair ships are scarce, and allies are only beginning to pool them for the cables that carry their data.</p>
<p>Insurers now price the risk of sabotage into every new route across contested waters.</p>
<p>Governments are drafting rules on who may land a cable and who may repair one under way.</p></article></body></html>`))
	}))
	defer srv.Close()
	db := newDB(t)
	var got []imported
	runJSON(t, db, &got, "import", srv.URL+"/cables")
	if len(got) != 1 || got[0].Error != "" || got[0].URL == "" || got[0].Title != "Undersea cables and alliances" {
		t.Fatalf("imported %+v", got)
	}
	fails(t, db, cli.ExitError, "import", "http://127.0.0.1:1/nothing-listens-here")
}
