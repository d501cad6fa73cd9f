package cli_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/attache/attache/cli"
)

// historyLabels are a briefing's version labels, oldest first.
func historyLabels(t *testing.T, db string, id int64) []string {
	t.Helper()
	var versions []struct {
		Label string `json:"label"`
	}
	runJSON(t, db, &versions, "briefing", "history", itoa(id))
	labels := make([]string, 0, len(versions))
	for _, v := range slices.Backward(versions) {
		labels = append(labels, v.Label)
	}
	return labels
}

func wantHistory(t *testing.T, db string, id int64, want ...string) {
	t.Helper()
	if got := historyLabels(t, db, id); !slices.Equal(got, want) {
		t.Errorf("history %q, want %q", got, want)
	}
}

// An export keeps a version, as the desktop app's does, under the same
// label; one that is refused or fails keeps none.
func TestExportKeepsAVersion(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	dir := t.TempDir()
	out := mustRun(t, db, "export", itoa(id), "--out", filepath.Join(dir, "v1.pdf"))
	wantContains(t, out, "Recorded as version 1: Exported to v1.pdf")
	wantHistory(t, db, id, "Exported to v1.pdf")

	var res struct {
		Version int64 `json:"version"`
	}
	runJSON(t, db, &res, "export", itoa(id), "--out", filepath.Join(dir, "v1.json"))
	if res.Version != 2 {
		t.Errorf("the JSON names version %d, want 2", res.Version)
	}
	wantHistory(t, db, id, "Exported to v1.pdf", "Exported to v1.json")

	// Refused: a portion above the overall marking.
	mustRun(t, db, "briefing", "add", itoa(id), "--commentary", "Kestrel moved first.", "--marking", "S")
	fails(t, db, cli.ExitError, "export", itoa(id), "--out", filepath.Join(dir, "v2.pdf"))
	// Failed: the folder is not there.
	fails(t, db, cli.ExitError, "export", itoa(id), "--out", filepath.Join(dir, "gone", "v2.md"))
	// Refused before anything is read: not a format.
	fails(t, db, cli.ExitUsage, "export", itoa(id), "--out", filepath.Join(dir, "v2.txt"))
	wantHistory(t, db, id, "Exported to v1.pdf", "Exported to v1.json")
	if _, err := os.Stat(filepath.Join(dir, "v2.pdf")); !os.IsNotExist(err) {
		t.Errorf("the refused export left a file (%v)", err)
	}
}

// A release copy keeps one version, its own, not a second "Exported to".
func TestExportReleaseCopyKeepsOneVersion(t *testing.T) {
	t.Parallel()
	db, id := releasedBriefing(t)
	mustRun(t, db, "export", itoa(id), "--out", filepath.Join(t.TempDir(), "r.md"), "--release-at", "official")
	wantHistory(t, db, id, "Release copy at OFFICIAL: r.md")
}

// A status change keeps a version labelled as the desktop app labels it;
// an edit that leaves the status as it was keeps none.
func TestStatusChangeKeepsAVersion(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	id := newBriefing(t, db, "Chips")
	wantContains(t, mustRun(t, db, "briefing", "edit", itoa(id), "--status", "review"),
		"Saved briefing 1\nRecorded as version 1: Status changed to In review\n")
	wantHistory(t, db, id, "Status changed to In review")

	for _, args := range [][]string{
		{"--status", "in review"},                  // the same status, typed otherwise
		{"--title", "Chips, again"},                // no status given
		{"--status", "REVIEW", "--author", "Desk"}, // the same, with another change
	} {
		out := mustRun(t, db, append([]string{"briefing", "edit", itoa(id)}, args...)...)
		if out != "Saved briefing 1\n" {
			t.Errorf("%q: %q", args, out)
		}
	}
	wantHistory(t, db, id, "Status changed to In review")

	mustRun(t, db, "briefing", "edit", itoa(id), "--status", "final")
	mustRun(t, db, "briefing", "edit", itoa(id), "--status", "draft")
	wantHistory(t, db, id, "Status changed to In review", "Status changed to Final", "Status changed to Draft")
	// A refused edit keeps none.
	fails(t, db, cli.ExitUsage, "briefing", "edit", itoa(id), "--status", "done")
	wantHistory(t, db, id, "Status changed to In review", "Status changed to Final", "Status changed to Draft")
}
