package domain

import (
	"context"
	"path/filepath"
)

// The versions a briefing keeps of itself: one when it is exported, one
// when its status changes. The desktop app and the command line both keep
// them here, so they keep the same ones under the same labels.

// VersionKeeper is what keeping such a version needs of a library.
type VersionKeeper interface {
	ReadOnly() bool
	CreateSnapshot(ctx context.Context, briefingID int64, label string) (*Snapshot, error)
}

// ExportLabel is the label of the version an export to file keeps:
// "Exported to brief.pdf", or for a release copy at the level releaseAt
// (banner form) "Release copy at OFFICIAL: brief.pdf".
func ExportLabel(file, releaseAt string) string {
	if releaseAt != "" {
		return "Release copy at " + releaseAt + ": " + filepath.Base(file)
	}
	return "Exported to " + filepath.Base(file)
}

// StatusLabel is the label of the version a change to status s keeps:
// "Status changed to In review".
func StatusLabel(s Status) string { return "Status changed to " + s.Label() }

// KeepExportVersion keeps briefing id as it is now in its history, as
// exported to file (a release copy at releaseAt, when not ""). Call it
// once the file is written: a refused, failed or cancelled export keeps
// no version. A read-only library keeps none either (nil, nil): the
// export stands without it.
func KeepExportVersion(ctx context.Context, lib VersionKeeper, id int64, file, releaseAt string) (*Snapshot, error) {
	if lib.ReadOnly() {
		return nil, nil
	}
	return lib.CreateSnapshot(ctx, id, ExportLabel(file, releaseAt))
}

// KeepStatusVersion keeps briefing id as it is now in its history once
// its status, from before, is saved as to. A status set to what it was
// keeps none (nil, nil), and so does a read-only library. ("" is a
// draft's status, as ParseStatus reads it.)
func KeepStatusVersion(ctx context.Context, lib VersionKeeper, id int64, from, to Status) (*Snapshot, error) {
	if from.Label() == to.Label() || lib.ReadOnly() {
		return nil, nil
	}
	return lib.CreateSnapshot(ctx, id, StatusLabel(to))
}
