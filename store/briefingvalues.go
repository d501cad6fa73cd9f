package store

import "github.com/attache/attache/domain"

// The values a briefing is stored with: its markings in their stored
// form, and the checks of an edit against what the library holds.

// briefingMarkingValues are the marking columns' values, in the order
// the statements that write a briefing name them.
func briefingMarkingValues(b *domain.Briefing) []any {
	return []any{string(b.Scheme), b.TitleMarking, b.SubtitleMarking, b.SummaryMarking,
		b.Authority.ClassifiedBy, b.Authority.DerivedFrom, b.Authority.DeclassifyOn, b.IncludeNotes, string(b.Scale)}
}

// normalizeBriefingSince is normalizeBriefing for an edit of old (see
// domain.Briefing.ValidateSince): a marking kept from before schemes never
// blocks saving the rest. A scheme given by name ("UK") is stored by its
// ID; none stands for no scheme given.
func normalizeBriefingSince(b, old *domain.Briefing) error {
	st, err := domain.ParseStatus(string(b.Status))
	if err != nil {
		return err
	}
	b.Status = st
	if sch, err := domain.LookupScheme(string(b.Scheme)); err == nil {
		b.Scheme = sch.ID
	} // an unknown scheme is refused by the validation, by name
	if sc, err := domain.ParseScale(string(b.Scale)); err == nil {
		b.Scale = sc // stored by its ID ("UK" is phia); an unknown one is refused below
	}
	var was domain.Briefing
	if old != nil {
		was = *old
	}
	for _, f := range []struct {
		now *domain.Marking
		was domain.Marking
	}{{&b.Classification, was.Classification}, {&b.TitleMarking, was.TitleMarking},
		{&b.SubtitleMarking, was.SubtitleMarking}, {&b.SummaryMarking, was.SummaryMarking}} {
		if old == nil || *f.now != f.was {
			*f.now = storedForm(*f.now)
		} // kept as stored: a merge must not see a change nobody made
	}
	for _, blk := range b.Blocks {
		if err := parseBlockGrades(blk); err != nil {
			return err
		}
	}
	return b.ValidateSince(old)
}

func normalizeBlock(blk *domain.Block) error {
	if err := parseBlockGrades(blk); err != nil {
		return err
	}
	return blk.Validate()
}

func parseBlockGrades(blk *domain.Block) error {
	c, err := domain.ParseConfidence(string(blk.Confidence))
	if err != nil {
		return err
	}
	k, err := blk.Marking.Read()
	if err != nil {
		return err
	}
	blk.Confidence, blk.Marking = c, k.Marking()
	return parseStances(blk)
}

// parseStances stores each evidence link's stance by its name ("" and
// "for" are supports). The links are copied first: the caller's block may
// share them with a copy it keeps (an undo step, a merge's base).
func parseStances(blk *domain.Block) error {
	if len(blk.Evidence) == 0 {
		return nil
	}
	evs := make([]domain.Evidence, len(blk.Evidence))
	for i, ev := range blk.Evidence {
		st, err := domain.ParseStance(string(ev.Stance))
		if err != nil {
			return err
		}
		ev.Stance = st
		evs[i] = ev
	}
	blk.Evidence = evs
	return nil
}

// storedForm is a marking as the library stores it ("u" is stored "U");
// one no scheme reads is left for the validation to judge.
func storedForm(m domain.Marking) domain.Marking {
	if k, err := m.Read(); err == nil {
		return k.Marking()
	}
	return m
}

const briefingColumns = `b.id, b.title, b.subtitle, b.author, b.audience, b.date, b.classification,
	b.status, b.summary, b.created_at, b.updated_at, b.trashed_at, b.revision, b.scheme, b.title_marking,
	b.subtitle_marking, b.summary_marking, b.classified_by, b.derived_from, b.declassify_on, b.include_notes, b.scale,
	b.created_by, b.updated_by`
