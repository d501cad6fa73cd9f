package intake

import (
	"context"
	"strings"

	"github.com/attache/attache/domain"
)

// NewVersionLibrary is what ImportNewVersion saves into.
type NewVersionLibrary interface {
	CreateSource(ctx context.Context, src *domain.Source) (existing bool, err error)
}

// ImportNewVersion imports the text a recheck found (fresh, from a
// RecheckResult) as a new source, a newer version of old: linked to it,
// with the analyst's grade and marking carried over, and what the new
// text does not say of itself (authors, publisher, date) taken from old.
// The old source and its excerpts stay as they are. existing is true when
// the library already had the new text (then it is not relinked).
func ImportNewVersion(ctx context.Context, lib NewVersionLibrary, old, fresh *domain.Source) (existing bool, err error) {
	if fresh == nil || old == nil {
		return false, domain.Errorf(domain.EINVALID, "there is no new text to import: recheck the source first")
	}
	if domain.TextSHA256(fresh.Text) == old.SHA256 {
		return false, domain.Errorf(domain.EINVALID, "the text read now is the one imported as source %d: there is no new version to import", old.ID)
	}
	nv := *fresh
	nv.ID, nv.SHA256 = 0, ""
	nv.PreviousID = old.ID
	nv.Reliability, nv.Marking = old.Reliability, old.Marking
	nv.Standing, nv.StandingNote, nv.StandingAt, nv.Concern = "", "", nil, nil
	if strings.TrimSpace(nv.Title) == "" {
		nv.Title = old.Title
	}
	if len(nv.Authors) == 0 {
		nv.Authors = old.Authors
	}
	if nv.Publisher == "" {
		nv.Publisher = old.Publisher
	}
	if nv.Published.IsZero() {
		nv.Published = old.Published
	}
	if nv.Language == "" {
		nv.Language = old.Language
	}
	if old.Location != "" && nv.Location == "" {
		nv.Location = old.Location
	}
	existing, err = lib.CreateSource(ctx, &nv)
	if err != nil {
		return false, err
	}
	*fresh = nv
	return existing, nil
}
