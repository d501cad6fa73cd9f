package domain

import (
	"context"
	"strings"
	"time"
)

// Standing is what the analyst knows of a source's worth since it was
// imported: retracted by its publisher, or discredited.
type Standing string

// Standings of a source.
const (
	StandingSound       Standing = ""
	StandingRetracted   Standing = "retracted"
	StandingDiscredited Standing = "discredited"
)

// ParseStanding accepts retracted, discredited, and sound/none/ok ("").
func ParseStanding(s string) (Standing, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "sound", "none", "ok", "clear":
		return StandingSound, nil
	case "retracted":
		return StandingRetracted, nil
	case "discredited":
		return StandingDiscredited, nil
	}
	return "", Errorf(EINVALID, "%q is not a standing: use retracted, discredited or sound", s)
}

// StandingNote is the limit on the note saying why a source was
// retracted or discredited.
var StandingNote = Field{"the note on the source's standing", 2_000, ""}

// CheckStatus is what a recheck found of a source.
type CheckStatus string

// Statuses of a recheck.
const (
	CheckUnchanged   CheckStatus = "unchanged"   // the text reads the same (same SHA-256)
	CheckChanged     CheckStatus = "changed"     // it reads differently now
	CheckUnavailable CheckStatus = "unavailable" // the page or file could not be read
	// CheckSkipped: the source was not read at all (a web address on
	// this computer or a private network, without leave to go there).
	// Nothing was learnt, so such a check is never recorded: the store
	// refuses it.
	CheckSkipped CheckStatus = "skipped"
)

// QuoteState is where an excerpt's quote stands in a changed source.
type QuoteState string

// States of a quote in a changed source.
const (
	QuoteSame  QuoteState = "same"  // at the same place (same offsets)
	QuoteMoved QuoteState = "moved" // found elsewhere in the new text
	QuoteGone  QuoteState = "gone"  // no longer in the text
)

// QuoteCheck is one excerpt's quote in a changed source.
type QuoteCheck struct {
	ExcerptID  int64
	State      QuoteState
	Start, End int // in the new text, in runes; for same and moved
}

// SourceCheck records one recheck of a source against where it came
// from. The imported text is never replaced by a recheck.
type SourceCheck struct {
	ID       int64
	SourceID int64
	At       time.Time
	Status   CheckStatus
	// Where is what was read: the web address or the file's path.
	Where string
	// HTTPStatus is the web server's answer (200, 404…); 0 for files or
	// when no answer came.
	HTTPStatus int
	// Detail says, for the analyst, what was found: "HTTP 404 Not Found",
	// "the file /x/y.pdf is missing", "4 paragraphs differ".
	Detail string
	// SHA256 is the hex SHA-256 of the text read now; "" when unavailable.
	SHA256 string
	// Quotes are the excerpts' quotes in the new text, for a changed
	// source; empty otherwise.
	Quotes []QuoteCheck
}

// Concern is why a source no longer stands as it did when imported.
type Concern string

// Kinds of concern, worst last.
const (
	ConcernChanged     Concern = "changed"
	ConcernUnavailable Concern = "unavailable"
	ConcernRetracted   Concern = "retracted"
	ConcernDiscredited Concern = "discredited"
)

// SourceConcern is a source in use with a concern: its last recheck
// found it changed or unavailable, or the analyst marked its standing.
type SourceConcern struct {
	SourceID int64
	Title    string
	Concerns []Concern    // in the order of the constants above
	Check    *SourceCheck // the latest recheck, when it raised the concern
	Standing Standing
	Note     string    // the standing's note
	At       time.Time // when the latest concern was recorded
}

// Has says whether the concern is among the source's.
func (c *SourceConcern) Has(k Concern) bool {
	for _, x := range c.Concerns {
		if x == k {
			return true
		}
	}
	return false
}

// QuoteGone says whether the latest recheck found the excerpt's quote
// gone from the source (or could not read the source at all).
func (c *SourceConcern) QuoteGone(excerptID int64) bool {
	if c.Check == nil {
		return false
	}
	if c.Check.Status == CheckUnavailable {
		return false
	}
	for _, q := range c.Check.Quotes {
		if q.ExcerptID == excerptID {
			return q.State == QuoteGone
		}
	}
	return false
}

// BriefingRisk is a briefing that rests on sources with a concern, in its
// current state or in versions kept in its history (exported ones among
// them).
type BriefingRisk struct {
	BriefingID int64
	Title      string
	Sources    []int64 // sources with a concern the briefing cites now
	// Versions are the snapshots whose briefing cites such a source, with
	// the sources each cites.
	Versions []VersionRisk
}

// VersionRisk is one version in a briefing's history that cites sources
// with a concern.
type VersionRisk struct {
	SnapshotID int64
	Label      string
	CreatedAt  time.Time
	Sources    []int64
}

// Dismissal is a checker finding the analyst dismissed on a briefing: it
// is not shown again while the same words stand in the same block.
type Dismissal struct {
	BriefingID int64
	Key        string // integrity.Finding.Key
	Code       string
	Words      string // the words the finding pointed to, for listing
	Note       string // why, if the analyst said
	At         time.Time
}

// IntegrityService keeps what the analytic-integrity checks need beyond
// briefings: source rechecks and standings, and dismissed findings.
type IntegrityService interface {
	// RecordSourceCheck stores a recheck of a source, filling in its ID
	// (and At when zero).
	RecordSourceCheck(ctx context.Context, c *SourceCheck) error
	// SourceChecks lists a source's rechecks, newest first.
	SourceChecks(ctx context.Context, sourceID int64) ([]*SourceCheck, error)
	// SetSourceStanding marks a source retracted or discredited with a
	// note, or sound again (the note is then kept in the history only).
	SetSourceStanding(ctx context.Context, sourceID int64, s Standing, note string) error
	// SourceConcerns lists the sources in use that have a concern.
	SourceConcerns(ctx context.Context) ([]*SourceConcern, error)
	// BriefingsAtRisk lists the briefings (outside the trash) that rest on
	// a source with a concern, now or in a version in their history:
	// through an excerpt in the body or evidence linked to a judgment.
	BriefingsAtRisk(ctx context.Context) ([]*BriefingRisk, error)
	// Dismissals lists a briefing's dismissed findings.
	Dismissals(ctx context.Context, briefingID int64) ([]*Dismissal, error)
	// Dismiss keeps a dismissal (again for the same key replaces it).
	Dismiss(ctx context.Context, d *Dismissal) error
	// Undismiss brings a dismissed finding back.
	Undismiss(ctx context.Context, briefingID int64, key string) error
}
