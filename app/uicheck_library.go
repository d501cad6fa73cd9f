package app

import (
	"context"
	"time"

	"github.com/attache/attache/domain"
)

// Every method of Library, checked (see uicheck.go). Not embedding Library
// is deliberate: a method added to it fails to compile here until it is
// checked too.
var _ Library = checkedLibrary{}

// ReadingCopy answers from memory; the read-only banner asks for it.
func (c checkedLibrary) ReadingCopy() (time.Time, bool) {
	if r, ok := c.lib.(interface{ ReadingCopy() (time.Time, bool) }); ok {
		return r.ReadingCopy()
	}
	return time.Time{}, false
}

func (c checkedLibrary) CreateSource(ctx context.Context, s *domain.Source) (existing bool, err error) {
	c.check("CreateSource")
	return c.lib.CreateSource(ctx, s)
}

func (c checkedLibrary) Source(ctx context.Context, id int64) (*domain.Source, error) {
	c.check("Source")
	return c.lib.Source(ctx, id)
}

func (c checkedLibrary) Sources(ctx context.Context, f domain.SourceFilter) ([]*domain.Source, error) {
	c.check("Sources")
	return c.lib.Sources(ctx, f)
}

func (c checkedLibrary) UpdateSource(ctx context.Context, base, s *domain.Source) ([]domain.Conflict, error) {
	c.check("UpdateSource")
	return c.lib.UpdateSource(ctx, base, s)
}

func (c checkedLibrary) DeleteSource(ctx context.Context, id int64, force bool) error {
	c.check("DeleteSource")
	return c.lib.DeleteSource(ctx, id, force)
}

func (c checkedLibrary) TrashSource(ctx context.Context, id int64, force bool) error {
	c.check("TrashSource")
	return c.lib.TrashSource(ctx, id, force)
}

func (c checkedLibrary) RestoreSource(ctx context.Context, id int64) error {
	c.check("RestoreSource")
	return c.lib.RestoreSource(ctx, id)
}

func (c checkedLibrary) SourceUsage(ctx context.Context, id int64) ([]domain.BriefingRef, error) {
	c.check("SourceUsage")
	return c.lib.SourceUsage(ctx, id)
}

func (c checkedLibrary) SourceFile(ctx context.Context, id int64) (*domain.OriginalFile, error) {
	c.check("SourceFile")
	return c.lib.SourceFile(ctx, id)
}

func (c checkedLibrary) CreateExcerpt(ctx context.Context, e *domain.Excerpt) error {
	c.check("CreateExcerpt")
	return c.lib.CreateExcerpt(ctx, e)
}

func (c checkedLibrary) Excerpt(ctx context.Context, id int64) (*domain.Excerpt, error) {
	c.check("Excerpt")
	return c.lib.Excerpt(ctx, id)
}

func (c checkedLibrary) Excerpts(ctx context.Context, f domain.ExcerptFilter) ([]*domain.Excerpt, error) {
	c.check("Excerpts")
	return c.lib.Excerpts(ctx, f)
}

func (c checkedLibrary) UpdateExcerpt(ctx context.Context, base, e *domain.Excerpt) ([]domain.Conflict, error) {
	c.check("UpdateExcerpt")
	return c.lib.UpdateExcerpt(ctx, base, e)
}

func (c checkedLibrary) DeleteExcerpt(ctx context.Context, id int64, force bool) error {
	c.check("DeleteExcerpt")
	return c.lib.DeleteExcerpt(ctx, id, force)
}

func (c checkedLibrary) TrashExcerpt(ctx context.Context, id int64, force bool) error {
	c.check("TrashExcerpt")
	return c.lib.TrashExcerpt(ctx, id, force)
}

func (c checkedLibrary) ExcerptUsage(ctx context.Context, id int64) ([]domain.BriefingRef, error) {
	c.check("ExcerptUsage")
	return c.lib.ExcerptUsage(ctx, id)
}

func (c checkedLibrary) RestoreExcerpt(ctx context.Context, id int64) error {
	c.check("RestoreExcerpt")
	return c.lib.RestoreExcerpt(ctx, id)
}

func (c checkedLibrary) Tags(ctx context.Context) ([]domain.Tag, error) {
	c.check("Tags")
	return c.lib.Tags(ctx)
}

func (c checkedLibrary) CreateBriefing(ctx context.Context, b *domain.Briefing) error {
	c.check("CreateBriefing")
	return c.lib.CreateBriefing(ctx, b)
}

func (c checkedLibrary) Briefing(ctx context.Context, id int64) (*domain.Briefing, error) {
	c.check("Briefing")
	return c.lib.Briefing(ctx, id)
}

func (c checkedLibrary) Briefings(ctx context.Context, f domain.BriefingFilter) ([]*domain.BriefingSummary, error) {
	c.check("Briefings")
	return c.lib.Briefings(ctx, f)
}

func (c checkedLibrary) UpdateBriefing(ctx context.Context, b *domain.Briefing) error {
	c.check("UpdateBriefing")
	return c.lib.UpdateBriefing(ctx, b)
}

func (c checkedLibrary) SaveBriefing(ctx context.Context, base, b *domain.Briefing) (*domain.Saved, error) {
	c.check("SaveBriefing")
	return c.lib.SaveBriefing(ctx, base, b)
}

func (c checkedLibrary) BriefingRevision(ctx context.Context, id int64) (rev int64, trashed bool, err error) {
	c.check("BriefingRevision")
	return c.lib.BriefingRevision(ctx, id)
}

func (c checkedLibrary) AddBlock(ctx context.Context, briefingID int64, blk *domain.Block, pos int) error {
	c.check("AddBlock")
	return c.lib.AddBlock(ctx, briefingID, blk, pos)
}

func (c checkedLibrary) UpdateBlock(ctx context.Context, blk *domain.Block) error {
	c.check("UpdateBlock")
	return c.lib.UpdateBlock(ctx, blk)
}

func (c checkedLibrary) MoveBlock(ctx context.Context, blockID int64, pos int) error {
	c.check("MoveBlock")
	return c.lib.MoveBlock(ctx, blockID, pos)
}

func (c checkedLibrary) RemoveBlock(ctx context.Context, blockID int64) error {
	c.check("RemoveBlock")
	return c.lib.RemoveBlock(ctx, blockID)
}

func (c checkedLibrary) DuplicateBriefing(ctx context.Context, id int64) (*domain.Briefing, error) {
	c.check("DuplicateBriefing")
	return c.lib.DuplicateBriefing(ctx, id)
}

func (c checkedLibrary) TrashBriefing(ctx context.Context, id int64) error {
	c.check("TrashBriefing")
	return c.lib.TrashBriefing(ctx, id)
}

func (c checkedLibrary) RestoreBriefing(ctx context.Context, id int64) error {
	c.check("RestoreBriefing")
	return c.lib.RestoreBriefing(ctx, id)
}

func (c checkedLibrary) DeleteBriefing(ctx context.Context, id int64) error {
	c.check("DeleteBriefing")
	return c.lib.DeleteBriefing(ctx, id)
}

func (c checkedLibrary) Search(ctx context.Context, query string, opts domain.SearchOptions) ([]domain.SearchHit, error) {
	c.check("Search")
	return c.lib.Search(ctx, query, opts)
}

func (c checkedLibrary) ImportBundle(ctx context.Context, b *domain.Bundle) (*domain.Briefing, error) {
	c.check("ImportBundle")
	return c.lib.ImportBundle(ctx, b)
}

func (c checkedLibrary) Bundle(ctx context.Context, briefingID int64) (*domain.Bundle, error) {
	c.check("Bundle")
	return c.lib.Bundle(ctx, briefingID)
}

func (c checkedLibrary) BundleWithoutTexts(ctx context.Context, briefingID int64) (*domain.Bundle, error) {
	c.check("BundleWithoutTexts")
	return c.lib.BundleWithoutTexts(ctx, briefingID)
}

func (c checkedLibrary) KeepVersion(ctx context.Context, b *domain.Briefing, label string) (*domain.Snapshot, error) {
	c.check("KeepVersion")
	return c.lib.KeepVersion(ctx, b, label)
}

func (c checkedLibrary) CreateSnapshot(ctx context.Context, briefingID int64, label string) (*domain.Snapshot, error) {
	c.check("CreateSnapshot")
	return c.lib.CreateSnapshot(ctx, briefingID, label)
}

func (c checkedLibrary) Snapshots(ctx context.Context, briefingID int64) ([]*domain.Snapshot, error) {
	c.check("Snapshots")
	return c.lib.Snapshots(ctx, briefingID)
}

func (c checkedLibrary) Snapshot(ctx context.Context, id int64) (*domain.Snapshot, error) {
	c.check("Snapshot")
	return c.lib.Snapshot(ctx, id)
}

func (c checkedLibrary) RestoreSnapshot(ctx context.Context, briefingID, snapshotID int64) (int, error) {
	c.check("RestoreSnapshot")
	return c.lib.RestoreSnapshot(ctx, briefingID, snapshotID)
}

func (c checkedLibrary) EmptyTrash(ctx context.Context) (int, error) {
	c.check("EmptyTrash")
	return c.lib.EmptyTrash(ctx)
}

func (c checkedLibrary) EmptyTrashUpTo(ctx context.Context, upTo time.Time) (int, error) {
	c.check("EmptyTrashUpTo")
	return c.lib.EmptyTrashUpTo(ctx, upTo)
}

func (c checkedLibrary) PurgeSource(ctx context.Context, id int64, force bool) error {
	c.check("PurgeSource")
	return c.lib.PurgeSource(ctx, id, force)
}

func (c checkedLibrary) PurgeExcerpt(ctx context.Context, id int64, force bool) error {
	c.check("PurgeExcerpt")
	return c.lib.PurgeExcerpt(ctx, id, force)
}

func (c checkedLibrary) Path() string {
	return c.lib.Path()
}

func (c checkedLibrary) ReadOnly() bool {
	return c.lib.ReadOnly()
}

func (c checkedLibrary) Check(ctx context.Context) error {
	c.check("Check")
	return c.lib.Check(ctx)
}

func (c checkedLibrary) ChangedElsewhere(ctx context.Context) (bool, error) {
	c.check("ChangedElsewhere")
	return c.lib.ChangedElsewhere(ctx)
}

func (c checkedLibrary) MarkingHistory(ctx context.Context, id int64) ([]domain.MarkingChange, error) {
	c.check("MarkingHistory")
	return c.lib.MarkingHistory(ctx, id)
}

func (c checkedLibrary) DefaultScheme(ctx context.Context) (domain.SchemeID, error) {
	c.check("DefaultScheme")
	return c.lib.DefaultScheme(ctx)
}

func (c checkedLibrary) SetDefaultScheme(ctx context.Context, id domain.SchemeID) error {
	c.check("SetDefaultScheme")
	return c.lib.SetDefaultScheme(ctx, id)
}
