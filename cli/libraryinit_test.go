package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `library init` makes a library where none is, adding nothing, and on
// an existing one only says it is ready.
func TestLibraryInitSetsUpAndAddsNothing(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "new.db")
	out := mustRun(t, db, "library", "init")
	if !strings.Contains(out, "is ready: 0 sources, 0 excerpts, 0 briefings") {
		t.Fatalf("init said %q", out)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("no library made: %v", err)
	}
	mustRun(t, db, "import", chipsFile)
	var st struct {
		Sources int `json:"sources"`
	}
	runJSON(t, db, &st, "library", "init")
	if st.Sources != 1 {
		t.Fatalf("init on a library with one source reports %d", st.Sources)
	}
}
