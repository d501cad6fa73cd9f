package integrity

import (
	"strings"

	"github.com/attache/attache/domain"
)

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
	// Quote and Source are the excerpt's quote and its source's title,
	// "" when the excerpt was not resolved (deleted since the version).
	Quote  string
	Source string
}

// ExcerptName names the linked excerpt for a reader: its quote, cut to a
// line, and its source, "“Exports fell.” (Chip report)"; "an excerpt
// since deleted" when neither is known. Never a bare excerpt number.
func (e EvidenceChange) ExcerptName() string {
	src := oneLine(e.Source)
	switch {
	case strings.TrimSpace(e.Quote) != "" && src != "":
		return cite(e.Quote) + " (" + src + ")"
	case strings.TrimSpace(e.Quote) != "":
		return cite(e.Quote)
	case src != "":
		return "an excerpt of " + src
	}
	return "an excerpt since deleted"
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
// Judgments are matched by block ID, so a judgment moved keeps its
// identity and one retyped from commentary counts as added. Evidence is
// compared for judgments in both versions and listed whole for those
// added; a removed judgment's evidence goes with it unlisted. The
// caller fills in From and To.
func Compare(old, new *domain.Briefing) *Changes {
	if new == nil {
		new = &domain.Briefing{}
	}
	if old == nil { // a first version: its judgments are new, nothing else changed
		old = &domain.Briefing{Title: new.Title, Status: new.Status, Summary: new.Summary}
	}
	c := &Changes{OldStatus: statusOf(old.Status), NewStatus: statusOf(new.Status), OldTitle: old.Title, NewTitle: new.Title,
		BottomLine: sameWords(old.Summary) != sameWords(new.Summary)}
	was := judgments(old)
	for _, nb := range new.Blocks {
		if nb.Type != domain.BlockJudgment {
			continue
		}
		ob := was[nb.ID]
		if jc, ok := judgmentChange(ob, nb); ok {
			c.Judgments = append(c.Judgments, jc)
		}
		c.Evidence = append(c.Evidence, evidenceChanges(ob, nb)...)
	}
	is := judgments(new)
	for _, ob := range old.Blocks {
		if ob.Type == domain.BlockJudgment && is[ob.ID] == nil {
			c.Judgments = append(c.Judgments, JudgmentChange{Kind: ChangeRemoved, Block: ob.ID, Old: ob.Text,
				OldConfidence: ob.Confidence})
		}
	}
	return c
}

// statusOf reads an empty status as draft, as ParseStatus does.
func statusOf(s domain.Status) domain.Status {
	if s == "" {
		return domain.StatusDraft
	}
	return s
}

// judgments maps a briefing's key judgments by block ID.
func judgments(b *domain.Briefing) map[int64]*domain.Block {
	m := map[int64]*domain.Block{}
	for _, blk := range b.Blocks {
		if blk.Type == domain.BlockJudgment {
			m[blk.ID] = blk
		}
	}
	return m
}

// sameWords is text as compared for rewording: spacing does not count.
func sameWords(s string) string { return strings.Join(strings.Fields(s), " ") }

// judgmentChange says how the judgment nb (ob before, nil if new)
// changed; false when it did not.
func judgmentChange(ob, nb *domain.Block) (JudgmentChange, bool) {
	jc := JudgmentChange{Block: nb.ID, New: nb.Text, NewConfidence: nb.Confidence}
	if ob == nil {
		jc.Kind = ChangeAdded
		return jc, true
	}
	jc.Old, jc.OldConfidence = ob.Text, ob.Confidence
	switch {
	case sameWords(ob.Text) != sameWords(nb.Text):
		jc.Kind = ChangeReworded
	case ob.Confidence != nb.Confidence:
		jc.Kind = ChangeConfidence
	default:
		return jc, false
	}
	return jc, true
}

// evidenceChanges lists the links of nb added since ob (all of them when
// ob is nil) and those of ob removed; a link whose stance changed is
// removed with its old stance and added with its new.
func evidenceChanges(ob, nb *domain.Block) []EvidenceChange {
	var out []EvidenceChange
	for _, ev := range nb.Evidence {
		if ob == nil || !sameLink(ob.EvidenceFor(ev.ExcerptID), ev) {
			out = append(out, evidenceChange(ChangeAdded, nb.Text, ev, evidenceIn(ob, ev.ExcerptID)))
		}
	}
	if ob == nil {
		return out
	}
	for _, ev := range ob.Evidence {
		if !sameLink(nb.EvidenceFor(ev.ExcerptID), ev) {
			out = append(out, evidenceChange(ChangeRemoved, nb.Text, ev, nb.EvidenceFor(ev.ExcerptID)))
		}
	}
	return out
}

func evidenceIn(blk *domain.Block, excerptID int64) *domain.Evidence {
	if blk == nil {
		return nil
	}
	return blk.EvidenceFor(excerptID)
}

func sameLink(a *domain.Evidence, b domain.Evidence) bool {
	return a != nil && stanceOf(a.Stance) == stanceOf(b.Stance)
}

// stanceOf reads an empty stance as supports, as ParseStance does.
func stanceOf(s domain.Stance) domain.Stance {
	if s == "" {
		return domain.StanceSupports
	}
	return s
}

// evidenceChange is the link ev added or removed; other is the same
// excerpt's link in the other version, if any, whose resolved excerpt
// serves when ev's is not.
func evidenceChange(kind ChangeKind, judgment string, ev domain.Evidence, other *domain.Evidence) EvidenceChange {
	ec := EvidenceChange{Kind: kind, Judgment: judgment, ExcerptID: ev.ExcerptID, Stance: stanceOf(ev.Stance)}
	e := ev.Excerpt
	if e == nil && other != nil {
		e = other.Excerpt
	}
	if e != nil {
		ec.Quote, ec.Source = e.Quote, e.SourceTitle
	}
	return ec
}

// Empty says nothing the change note reports changed.
func (c *Changes) Empty() bool {
	return c.OldStatus == c.NewStatus && sameWords(c.OldTitle) == sameWords(c.NewTitle) && !c.BottomLine &&
		len(c.Judgments) == 0 && len(c.Evidence) == 0
}
