package cli_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// An export over a briefing kept readable by its owner only stays so: a
// classified briefing must not become world-readable because it was
// exported again. (Exports used to be forced to 0644.)
func TestExportKeepsTheModeOfTheFileItReplaces(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	t.Parallel()
	db, id, _ := composedBriefing(t)
	dir := t.TempDir()
	for _, name := range []string{"brief.pdf", "brief.md", "brief.json"} {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte("earlier export"), 0o600); err != nil {
			t.Fatal(err)
		}
		mustRun(t, db, "export", itoa(id), "--out", file)
		fi, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: an export over a 0600 file made it %03o", name, fi.Mode().Perm())
		}
		if fi.Size() == int64(len("earlier export")) {
			t.Errorf("%s: not exported", name)
		}
	}
}
