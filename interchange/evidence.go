package interchange

import (
	"fmt"

	"github.com/attache/attache/domain"
)

// jsonEvidence is a judgment's link to an excerpt (version 4): how it
// bears on the judgment, the analyst's note on the link, and the excerpt
// itself, written as an excerpt block is, whether or not the body quotes
// it too.
type jsonEvidence struct {
	Stance  string     `json:"stance"`
	Note    string     `json:"note,omitempty"`
	Excerpt *jsonBlock `json:"excerpt"`
}

// evidenceJSON writes a judgment's links, each with its excerpt.
func evidenceJSON(evs []domain.Evidence, byID map[int64]written) ([]jsonEvidence, error) {
	var out []jsonEvidence
	for i, ev := range evs {
		if ev.Excerpt == nil {
			return nil, domain.Errorf(domain.EINVALID, "evidence %d (excerpt %d) has no excerpt loaded: reload the briefing and export again", i+1, ev.ExcerptID)
		}
		jb, err := excerptJSON(ev.Excerpt, domain.MarkingNone, byID)
		if err != nil {
			return nil, domain.Errorf(domain.EINVALID, "evidence %d %s", i+1, domain.ErrorMessage(err))
		}
		stance, err := domain.ParseStance(string(ev.Stance))
		if err != nil {
			return nil, domain.Errorf(domain.EINVALID, "evidence %d: %s", i+1, domain.ErrorMessage(err))
		}
		out = append(out, jsonEvidence{Stance: string(stance), Note: ev.Note, Excerpt: &jb})
	}
	return out, nil
}

// buildEvidence reads a judgment's links. Each excerpt is read and
// checked as an excerpt block's is; in the bundle it gets a number of its
// own (1, 2, … across the file) as its ExcerptID, local to the bundle as
// source IDs are, until the store imports it.
func (p *jsonParser) buildEvidence(where string, list []jsonEvidence, sources []*domain.Source, texts []*domain.RuneIndex, keys map[string]int) ([]domain.Evidence, error) {
	if len(list) > maxListItems {
		return nil, invalidAt(where, "\"evidence\" has %s entries, more than the %s Attaché keeps for a judgment: keep the ones that matter", thousands(len(list)), thousands(maxListItems))
	}
	var out []domain.Evidence
	for i, je := range list {
		at := fmt.Sprintf("%s, evidence %d", where, i+1)
		if err := checkValues(at, je); err != nil {
			return nil, err
		}
		stance, err := domain.ParseStance(je.Stance)
		if err != nil {
			return nil, fieldError(at, "stance", err)
		}
		if je.Excerpt == nil {
			return nil, invalidAt(at, "\"excerpt\" is missing: give the excerpt the judgment rests on, as in an excerpt block ({\"source\": \"S1\", \"quote\": \"…\"})")
		}
		jb := *je.Excerpt
		if err := checkValues(at, jb); err != nil {
			return nil, err
		}
		ex, err := buildExcerpt(at, jb, sources, texts, keys)
		if err != nil {
			return nil, err
		}
		if ex.Marking, err = p.marking(p.scheme, valOf(jb.Marking)); err != nil {
			return nil, fieldError(at, "marking", err)
		}
		ex.MarkingReason = valOf(jb.Reason)
		if err := domainCheck(at, ex.Validate()); err != nil {
			return nil, err
		}
		p.evidence++
		ex.ID = p.evidence
		out = append(out, domain.Evidence{ExcerptID: ex.ID, Stance: stance, Note: je.Note, Excerpt: ex})
	}
	return out, nil
}
