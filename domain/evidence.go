package domain

import "strings"

// Stance says how an excerpt bears on a key judgment.
type Stance string

// Stances of evidence.
const (
	StanceSupports    Stance = "supports"
	StanceContradicts Stance = "contradicts"
)

// ParseStance accepts supports/for and contradicts/against in any case;
// "" gives supports.
func ParseStance(s string) (Stance, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "supports", "support", "for":
		return StanceSupports, nil
	case "contradicts", "contradict", "against":
		return StanceContradicts, nil
	}
	return "", Errorf(EINVALID, "%q is not how evidence bears on a judgment: use supports or contradicts", s)
}

// Evidence links a key judgment to an excerpt that supports it or cuts
// against it: the basis ICD 203 and ICD 206 ask a judgment to show. The
// excerpt need not be quoted in the briefing's body.
type Evidence struct {
	ExcerptID int64
	Stance    Stance
	// Note is the analyst's word on the link; for contradicting evidence,
	// why it does not overturn the judgment (which counts as addressing it).
	Note string

	// Excerpt is the resolved excerpt, filled in when a briefing is loaded
	// whole (as Block.Excerpt is); it is not stored with the link.
	Excerpt *Excerpt
}

// EvidenceNote is the limit on an evidence link's note.
var EvidenceNote = Field{"the note on the evidence", 2_000, "keep the reasoning in a commentary block"}

// checkEvidence holds a block's evidence to the rules: only key judgments
// carry it, each excerpt once, with a known stance and a note in limits.
func (b *Block) checkEvidence() error {
	if len(b.Evidence) == 0 {
		return nil
	}
	if b.Type != BlockJudgment {
		return Errorf(EINVALID, "only a key judgment can be linked to evidence, not a %s", b.Type)
	}
	seen := map[int64]bool{}
	for _, ev := range b.Evidence {
		if ev.ExcerptID <= 0 {
			return Errorf(EINVALID, "a link to evidence needs an excerpt id")
		}
		if seen[ev.ExcerptID] {
			return Errorf(EINVALID, "excerpt %d is linked to the judgment twice: keep one link", ev.ExcerptID)
		}
		seen[ev.ExcerptID] = true
		if _, err := ParseStance(string(ev.Stance)); err != nil {
			return err
		}
		if err := EvidenceNote.Check(ev.Note); err != nil {
			return err
		}
	}
	return nil
}

// EvidenceFor returns the block's link to the excerpt, or nil.
func (b *Block) EvidenceFor(excerptID int64) *Evidence {
	for i := range b.Evidence {
		if b.Evidence[i].ExcerptID == excerptID {
			return &b.Evidence[i]
		}
	}
	return nil
}

// Link adds or changes the block's link to an excerpt (the stance and
// note given replace the old ones).
func (b *Block) Link(ev Evidence) {
	if old := b.EvidenceFor(ev.ExcerptID); old != nil {
		*old = ev
		return
	}
	b.Evidence = append(b.Evidence, ev)
}

// Unlink removes the block's link to the excerpt; it says whether there
// was one.
func (b *Block) Unlink(excerptID int64) bool {
	for i, ev := range b.Evidence {
		if ev.ExcerptID == excerptID {
			b.Evidence = append(b.Evidence[:i:i], b.Evidence[i+1:]...)
			return true
		}
	}
	return false
}
