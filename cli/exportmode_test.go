package cli_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
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

// A change note is a document for others, like an export: a new one gets
// the mode a new export gets (0o666 less the umask: 0644 under the usual
// 022), not a private file's 0600; one written over a 0600 file stays
// 0600, as an export does.
func TestChangeNoteHasTheModeOfAnExport(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	t.Parallel()
	db, id, _ := composedBriefing(t)
	mustRun(t, db, "briefing", "snapshot", itoa(id))
	dir := t.TempDir()
	mode := func(name string) os.FileMode {
		t.Helper()
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return fi.Mode().Perm()
	}
	mustRun(t, db, "export", itoa(id), "--out", filepath.Join(dir, "brief.md"))
	mustRun(t, db, "briefing", "changes", itoa(id), "--out", filepath.Join(dir, "note.md"))
	if got, export := mode("note.md"), mode("brief.md"); got != export {
		t.Errorf("a new change note is %03o, a new export %03o", got, export)
	}
	if umask, ok := processUmask(); ok && mode("note.md") != 0o666&^umask {
		t.Errorf("a new change note is %03o under umask %03o, want %03o", mode("note.md"), umask, 0o666&^umask)
	}

	if err := os.WriteFile(filepath.Join(dir, "private.md"), []byte("earlier note"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "briefing", "changes", itoa(id), "--out", filepath.Join(dir, "private.md"))
	if got := mode("private.md"); got != 0o600 {
		t.Errorf("a change note over a 0600 file made it %03o", got)
	}
	if readFile(t, filepath.Join(dir, "private.md")) == "earlier note" {
		t.Error("the change note was not written")
	}
}

// processUmask is the umask as Linux reports it, read without setting it
// (syscall.Umask would change it for the tests running alongside).
func processUmask() (os.FileMode, bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range strings.Lines(string(data)) {
		if v, ok := strings.CutPrefix(line, "Umask:"); ok {
			n, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32)
			return os.FileMode(n), err == nil
		}
	}
	return 0, false
}
