package app

import (
	"context"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/attache/attache/assets"
	"github.com/attache/attache/domain"
)

// AppID identifies Attaché to the desktop (preferences, storage).
const AppID = "org.attache.app"

// Library is what the desktop app needs of the library; store.Store is one.
type Library interface {
	domain.SourceService
	domain.ExcerptService
	domain.BriefingService
	domain.SearchService
	ImportBundle(ctx context.Context, b *domain.Bundle) (*domain.Briefing, error)
	Bundle(ctx context.Context, briefingID int64) (*domain.Bundle, error)
	CreateSnapshot(ctx context.Context, briefingID int64, label string) (*domain.Snapshot, error)
	Snapshots(ctx context.Context, briefingID int64) ([]*domain.Snapshot, error)
	Snapshot(ctx context.Context, id int64) (*domain.Snapshot, error)
	RestoreSnapshot(ctx context.Context, briefingID, snapshotID int64) (int, error)
	EmptyTrash(ctx context.Context) (int, error)
	Path() string
}

// Run opens the main window on lib and returns when it is closed.
func Run(ctx context.Context, lib Library) error {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	ui := New(ctx, a, lib)
	// SIGTERM or Ctrl+C in the terminal cancel ctx: quit as if the window
	// were closed, so the library is closed cleanly.
	go func() {
		<-ctx.Done()
		fyne.Do(a.Quit)
	}()
	ui.win.SetMaster()
	ui.win.ShowAndRun()
	ui.briefings.composer.d.flush()
	return nil
}
