package app

import (
	"context"

	"github.com/attache/attache/domain"
)

// The integrity service's methods, checked like the rest (uicheck.go).

func (c checkedLibrary) RecordSourceCheck(ctx context.Context, sc *domain.SourceCheck) error {
	c.check("RecordSourceCheck")
	return c.lib.RecordSourceCheck(ctx, sc)
}

func (c checkedLibrary) SourceChecks(ctx context.Context, sourceID int64) ([]*domain.SourceCheck, error) {
	c.check("SourceChecks")
	return c.lib.SourceChecks(ctx, sourceID)
}

func (c checkedLibrary) SetSourceStanding(ctx context.Context, sourceID int64, s domain.Standing, note string) error {
	c.check("SetSourceStanding")
	return c.lib.SetSourceStanding(ctx, sourceID, s, note)
}

func (c checkedLibrary) SourceConcerns(ctx context.Context) ([]*domain.SourceConcern, error) {
	c.check("SourceConcerns")
	return c.lib.SourceConcerns(ctx)
}

func (c checkedLibrary) BriefingsAtRisk(ctx context.Context) ([]*domain.BriefingRisk, error) {
	c.check("BriefingsAtRisk")
	return c.lib.BriefingsAtRisk(ctx)
}

func (c checkedLibrary) Dismissals(ctx context.Context, briefingID int64) ([]*domain.Dismissal, error) {
	c.check("Dismissals")
	return c.lib.Dismissals(ctx, briefingID)
}

func (c checkedLibrary) Dismiss(ctx context.Context, d *domain.Dismissal) error {
	c.check("Dismiss")
	return c.lib.Dismiss(ctx, d)
}

func (c checkedLibrary) Undismiss(ctx context.Context, briefingID int64, key string) error {
	c.check("Undismiss")
	return c.lib.Undismiss(ctx, briefingID, key)
}
