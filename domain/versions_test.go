package domain

import (
	"context"
	"testing"
)

// keeper records the versions kept.
type keeper struct {
	readOnly bool
	labels   []string
}

func (k *keeper) ReadOnly() bool { return k.readOnly }

func (k *keeper) CreateSnapshot(_ context.Context, id int64, label string) (*Snapshot, error) {
	k.labels = append(k.labels, label)
	return &Snapshot{ID: int64(len(k.labels)), BriefingID: id, Label: label}, nil
}

func TestVersionsKeptOnExportAndStatus(t *testing.T) {
	ctx := context.Background()
	k := &keeper{}
	for _, c := range []struct {
		keep func() (*Snapshot, error)
		want string // "" keeps none
	}{
		{func() (*Snapshot, error) { return KeepExportVersion(ctx, k, 1, "/tmp/out/brief.pdf", "") }, "Exported to brief.pdf"},
		{func() (*Snapshot, error) { return KeepExportVersion(ctx, k, 1, "brief.md", "OFFICIAL") }, "Release copy at OFFICIAL: brief.md"},
		{func() (*Snapshot, error) { return KeepStatusVersion(ctx, k, 1, StatusDraft, StatusReview) }, "Status changed to In review"},
		{func() (*Snapshot, error) { return KeepStatusVersion(ctx, k, 1, "", StatusFinal) }, "Status changed to Final"},
		{func() (*Snapshot, error) { return KeepStatusVersion(ctx, k, 1, StatusReview, StatusReview) }, ""},
		{func() (*Snapshot, error) { return KeepStatusVersion(ctx, k, 1, "", StatusDraft) }, ""},
	} {
		before := len(k.labels)
		snap, err := c.keep()
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case c.want == "" && (snap != nil || len(k.labels) != before):
			t.Errorf("kept %v, want none", k.labels[before:])
		case c.want != "" && (snap == nil || snap.Label != c.want):
			t.Errorf("kept %+v, want %q", snap, c.want)
		}
	}
	// A read-only library keeps none, and the export or change stands.
	ro := &keeper{readOnly: true}
	if snap, err := KeepExportVersion(ctx, ro, 1, "brief.pdf", ""); snap != nil || err != nil || len(ro.labels) != 0 {
		t.Errorf("a read-only library kept %v (%v)", ro.labels, err)
	}
	if snap, err := KeepStatusVersion(ctx, ro, 1, StatusDraft, StatusFinal); snap != nil || err != nil || len(ro.labels) != 0 {
		t.Errorf("a read-only library kept %v (%v)", ro.labels, err)
	}
}
