package store

import (
	"context"

	"github.com/attache/attache/domain"
)

// The integrity service (domain.IntegrityService): source rechecks and
// standings, and dismissed findings. Filled in with migration 008.

var errIntegrityPending = domain.Errorf(domain.EINVALID, "this library does not keep source checks yet")

// RecordSourceCheck stores a recheck.
func (s *Store) RecordSourceCheck(ctx context.Context, c *domain.SourceCheck) error {
	return errIntegrityPending
}

// SourceChecks lists a source's rechecks, newest first.
func (s *Store) SourceChecks(ctx context.Context, sourceID int64) ([]*domain.SourceCheck, error) {
	return nil, nil
}

// SetSourceStanding marks a source retracted, discredited or sound.
func (s *Store) SetSourceStanding(ctx context.Context, sourceID int64, st domain.Standing, note string) error {
	return errIntegrityPending
}

// SourceConcerns lists the sources in use with a concern.
func (s *Store) SourceConcerns(ctx context.Context) ([]*domain.SourceConcern, error) {
	return nil, nil
}

// BriefingsAtRisk lists briefings resting on sources with a concern.
func (s *Store) BriefingsAtRisk(ctx context.Context) ([]*domain.BriefingRisk, error) {
	return nil, nil
}

// Dismissals lists a briefing's dismissed findings.
func (s *Store) Dismissals(ctx context.Context, briefingID int64) ([]*domain.Dismissal, error) {
	return nil, nil
}

// Dismiss keeps a dismissal.
func (s *Store) Dismiss(ctx context.Context, d *domain.Dismissal) error {
	return errIntegrityPending
}

// Undismiss brings a dismissed finding back.
func (s *Store) Undismiss(ctx context.Context, briefingID int64, key string) error {
	return errIntegrityPending
}
