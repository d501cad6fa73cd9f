package export

import (
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// sourceProblems checks the marks the briefing takes from its sources:
// each excerpt at least at its source's marking unless a reason for a
// lower mark is recorded (the store asks for one, but a source marked
// higher later leaves its excerpts below it with none), and each cited
// source within the banner, since its title and details print in the
// notes and the sources appendix.
func (d *Document) sourceProblems() []Warning {
	var out []Warning
	s := d.Scheme
	above := map[int64]bool{}
	for _, it := range d.Body {
		if it.Type != domain.BlockExcerpt || it.Source == nil || it.Source.Marking == "" || it.Excerpt == nil {
			continue
		}
		sm, err := s.Admit(it.Source.Marking)
		if err != nil {
			if !above[it.Source.ID] {
				above[it.Source.ID] = true
				out = append(out, refused(WarnSourceAbove, it.Block, d.sourceName(it.Source),
					d.sourceName(it.Source)+", cited by "+lowerFirst(it.Where)+": "+domain.ErrorMessage(err)+
						"; its citation prints in the notes and the sources appendix: change the source's marking or leave out its excerpts."))
			}
			continue
		}
		em, err := s.Admit(it.Excerpt.Marking)
		if err != nil {
			continue // refused as a foreign mark
		}
		// An unmarked excerpt among marked portions is refused as such.
		if unmarkedRefused := em.IsZero() && d.Marked; !unmarkedRefused && strings.TrimSpace(it.Excerpt.MarkingReason) == "" {
			if ok, _ := s.Covers(em, sm); !ok {
				out = append(out, refused(WarnBelowSource, it.Block, it.Where, it.Where+" is "+markedAs(em)+", below its source's "+sm.Banner()+
					", and no reason for the lower mark is recorded: raise the excerpt's marking, or give the reason in the excerpt's form (--marking-reason on the command line)."))
			}
		}
		if d.chosen && d.Mark.IsZero() {
			continue // the overall marking cannot be read, and is refused as such
		}
		if ok, _ := s.Covers(d.Mark, excerptMark(s, it.Marking)); !ok {
			above[it.Source.ID] = true // the excerpt is refused as above the briefing, which says enough
		}
		if ok, _ := s.Covers(d.Mark, sm); !ok && !above[it.Source.ID] {
			above[it.Source.ID] = true
			out = append(out, refused(WarnSourceAbove, it.Block, d.sourceName(it.Source),
				d.sourceName(it.Source)+" is marked "+sm.Banner()+", above the briefing's "+bannerOrNone(d.Banner)+
					", and its citation prints in the notes and the sources appendix: raise the briefing's marking, or leave out the excerpts that cite it."))
		}
	}
	return append(out, d.evidenceSourceProblems(above)...)
}

// evidenceSourceProblems checks the sources of the key judgments'
// evidence, when the basis prints their citations in the notes: each
// within the banner, as a cited source must be.
func (d *Document) evidenceSourceProblems(above map[int64]bool) []Warning {
	if !d.ShowBasis || (d.chosen && d.Mark.IsZero()) {
		return nil
	}
	var out []Warning
	for _, j := range d.Judgments {
		for _, r := range j.Evidence {
			src := r.Source
			if src == nil || src.Marking == "" || above[src.ID] {
				continue
			}
			sm, err := d.Scheme.Admit(src.Marking)
			if err != nil {
				continue // its excerpts in the body say so, or the basis is off
			}
			if ok, _ := d.Scheme.Covers(d.Mark, sm); !ok {
				above[src.ID] = true
				out = append(out, refused(WarnSourceAbove, j.Block, d.sourceName(src),
					d.sourceName(src)+", evidence for "+lowerFirst(j.Where)+", is marked "+sm.Banner()+", above the briefing's "+bannerOrNone(d.Banner)+
						", and its citation prints in the notes and the sources appendix with the judgment's basis: raise the briefing's marking, unlink the evidence, or leave the basis out of the export."))
			}
		}
	}
	return out
}

// sourceName is "Source 2 “Chip controls…”", its number in the appendix.
func (d *Document) sourceName(src *domain.Source) string {
	for i, s := range d.Sources {
		if s.ID == src.ID {
			return "Source " + strconv.Itoa(i+1) + " " + quoted(src.Title)
		}
	}
	return "The source " + quoted(src.Title)
}

func markedAs(k domain.Mark) string {
	if k.IsZero() {
		return "unmarked"
	}
	return k.Banner()
}

func bannerOrNone(b string) string {
	if b == "" {
		return "no marking"
	}
	return b
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// excerptMark is an excerpt portion's mark, unmarked if unreadable.
func excerptMark(s *domain.Scheme, m domain.Marking) domain.Mark {
	k, err := s.Admit(m)
	if err != nil {
		return domain.Mark{Scheme: s}
	}
	return k
}
