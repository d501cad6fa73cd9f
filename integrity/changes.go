package integrity

import "github.com/attache/attache/domain"

// ChangeKind says how a key judgment changed between two versions.
type ChangeKind string

// Kinds of change.
const (
	ChangeAdded      ChangeKind = "added"
	ChangeRemoved    ChangeKind = "removed"
	ChangeReworded   ChangeKind = "reworded"
	ChangeConfidence ChangeKind = "confidence" // same words, new confidence
)

// JudgmentChange is one key judgment added, removed or changed.
type JudgmentChange struct {
	Kind          ChangeKind
	Block         int64
	Old, New      string // the judgment's text before and after ("" for added/removed)
	OldConfidence domain.Confidence
	NewConfidence domain.Confidence
}

// EvidenceChange is one link between a judgment and an excerpt added or
// removed.
type EvidenceChange struct {
	Kind      ChangeKind // added or removed
	Judgment  string     // the judgment's text (as in the newer version when it stands)
	ExcerptID int64
	Stance    domain.Stance
	Quote     string
}

// Changes is what changed between two versions of a briefing: what ICD
// 203 asks an analyst to explain of changed judgments.
type Changes struct {
	From, To   string // the versions' labels as shown to the analyst
	OldStatus  domain.Status
	NewStatus  domain.Status
	OldTitle   string
	NewTitle   string
	Judgments  []JudgmentChange
	Evidence   []EvidenceChange
	BottomLine bool // the bottom line was reworded
}

// Compare says what changed from old to new (old may be nil: all added).
func Compare(old, new *domain.Briefing) *Changes { return &Changes{} }

// Empty says nothing the change note reports changed.
func (c *Changes) Empty() bool { return true }

// Markdown is the short change note, as exported.
func (c *Changes) Markdown() string { return "" }
