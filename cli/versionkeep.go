package cli

import (
	"fmt"
	"io"

	"github.com/attache/attache/domain"
)

// The versions a command keeps as the desktop app does: on an export and
// on a status change (domain.KeepExportVersion, domain.KeepStatusVersion).

// notRecorded is the error of a change made (done, formatted as by
// fmt.Sprintf) whose version could not be kept.
func notRecorded(err error, done string, args ...any) error {
	return domain.Errorf(domain.ErrorCode(err), "%s, but its version could not be recorded in the briefing's history: %s",
		fmt.Sprintf(done, args...), domain.ErrorMessage(err))
}

// printRecorded says which version was kept; nothing when none was (a
// read-only library).
func printRecorded(w io.Writer, snap *domain.Snapshot) {
	if snap != nil {
		printf(w, "Recorded as version %d: %s\n", snap.ID, snap.Label)
	}
}

// versionID is the kept version's id, 0 when none was kept.
func versionID(snap *domain.Snapshot) int64 {
	if snap == nil {
		return 0
	}
	return snap.ID
}
