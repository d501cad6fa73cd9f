package export

import (
	"slices"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// Dropped is a portion a release copy leaves out, for the dialog that
// lists them before the copy is written.
type Dropped struct {
	Block int    `json:"block"` // index of its block in the original briefing; -1 for the subtitle or bottom line
	Where string `json:"where"` // names it as the checks do: "Section 2, third block, commentary “The claim…”"
	Mark  string `json:"mark"`  // its marking in banner form, "SECRET"
}

// Release is the copy of b for readers cleared to at, a marking of b's
// scheme (a level, with a release list if need be; under TLP, a colour).
// Every portion at does not cover is left out: key judgments, headings,
// commentary, excerpts, the subtitle and the bottom line; a heading left
// with nothing under it goes too. Only the sources the remaining excerpts
// cite stay, so the appendix, the notes, the keywords (the excerpts'
// tags) and the bookmarks, all computed by NewDocument from the copy,
// hold nothing of a dropped portion. The copy's overall marking is the
// rollup of what remains (see releaser.overall); dropped lists what was
// left out, in the briefing's order.
//
// The copy holds only what a reader of it may see, whatever it is then
// exported to: the kept sources lose their texts (their SHA-256 stays),
// the excerpts their notes unless the briefing includes them, and an
// unclassified copy the original's classification authority block.
//
// It refuses (EINVALID, or a *Refusal naming each portion) when it cannot
// tell what may go: portions unmarked while others are marked, or none
// marked at all, or marks of another scheme; and when the title is above
// at, since a copy cannot leave out its title. b is not changed.
func Release(b *domain.Bundle, at domain.Marking) (*domain.Bundle, []Dropped, error) {
	if b == nil || b.Briefing == nil {
		return nil, nil, errNoBriefing
	}
	s := b.Briefing.SchemeDef()
	if !s.Marks() {
		return nil, nil, domain.Errorf(domain.EINVALID, "this briefing uses no markings, so a release copy has nothing to go by: choose its scheme and mark its portions first")
	}
	atMark, err := s.Admit(at)
	if err != nil {
		return nil, nil, domain.Errorf(domain.EINVALID, "the level to release at: %s", domain.ErrorMessage(err))
	}
	if atMark.IsZero() {
		return nil, nil, domain.Errorf(domain.EINVALID, "choose the marking the readers of the release copy are cleared to: %s", s.LevelList())
	}
	d := NewDocument(b)
	if err := releaseProblems(d); err != nil {
		return nil, nil, err
	}
	r := &releaser{s: s, at: atMark, d: d, b: b, where: placesOf(d)}
	if err := r.wholeLabel(b.Briefing.Classification); err != nil {
		return nil, nil, err
	}
	if !r.covers(b.Briefing.TitleMarking) {
		return nil, nil, domain.Errorf(domain.EINVALID, "the title is %s, which readers cleared to %s may not see, and a release copy cannot leave out its title: lower the title's marking, or release at a higher level",
			b.Briefing.TitleMarking.Banner(), atMark.Banner())
	}
	c := b.Briefing.Clone()
	r.details(c)
	c.Blocks = r.blocks(b.Briefing.Blocks)
	out := &domain.Bundle{Briefing: c, Sources: citedSources(b, c)}
	c.Classification = r.overall(b.Briefing.Classification, out)
	if err := r.check(out); err != nil {
		return nil, nil, err
	}
	if l := NewDocument(out).Mark.Level; l == nil || !l.Classified {
		c.Authority = domain.Authority{} // the original's classification authority, no longer printed
	}
	return out, r.dropped, nil
}

// overall is the copy's overall marking: the rollup of what remains, and
// of the marking the analyst chose for the original when at covers it (a
// whole may be marked above its parts, and that judgement stands in the
// copy). Under TLP, whose parts carry no labels, it is the label chosen
// when at covers it, else at: the analyst's words are known to be fit
// for at's readers, no more.
func (r *releaser) overall(chosen domain.Marking, out *domain.Bundle) domain.Marking {
	k, err := r.s.Admit(chosen)
	keep := err == nil && !k.IsZero() && r.covers(chosen)
	if r.s.WholeDocument {
		if keep {
			return chosen
		}
		return r.at.Marking()
	}
	out.Briefing.Classification = ""
	ks := []domain.Mark{NewDocument(out).Mark}
	if keep {
		ks = append(ks, k)
	}
	return r.s.Rollup(ks...).Marking()
}

// releaseProblems refuses a briefing whose portions' marks cannot be
// trusted to say what may be released.
func releaseProblems(d *Document) error {
	var ps []Warning
	for _, w := range d.Warnings() {
		if w.Code == WarnUnmarkedPortion || w.Code == WarnForeignMarking {
			ps = append(ps, w)
		}
	}
	if len(ps) > 0 {
		return &Refusal{Problems: ps}
	}
	if !d.Marked && !d.Scheme.WholeDocument {
		return domain.Errorf(domain.EINVALID, "a release copy leaves out the portions marked above its level, and this briefing's portions carry no marks: mark every portion first")
	}
	return nil
}

// releaser builds a release copy, noting what it leaves out.
type releaser struct {
	s       *domain.Scheme
	at      domain.Mark
	d       *Document
	b       *domain.Bundle
	where   map[int]string // the original's blocks, named as the checks name them
	dropped []Dropped
}

func (r *releaser) covers(m domain.Marking) bool {
	k, err := r.s.Admit(m)
	if err != nil {
		return false
	}
	ok, _ := r.s.Covers(r.at, k)
	return ok
}

func (r *releaser) drop(block int, where string, m domain.Marking) {
	r.dropped = append(r.dropped, Dropped{Block: block, Where: where, Mark: m.Banner()})
}

// details leaves out the subtitle and the bottom line when at does not
// cover them.
func (r *releaser) details(c *domain.Briefing) {
	if c.Subtitle != "" && !r.covers(c.SubtitleMarking) {
		r.drop(-1, whereSubtitle, c.SubtitleMarking)
		c.Subtitle, c.SubtitleMarking = "", ""
	}
	if c.Summary != "" && !r.covers(c.SummaryMarking) {
		r.drop(-1, whereSummary, c.SummaryMarking)
		c.Summary, c.SummaryMarking = "", ""
	}
}

// blocks are copies of the blocks at covers, less the headings left with
// nothing under them that had something before.
func (r *releaser) blocks(blocks []*domain.Block) []*domain.Block {
	keep := make([]bool, len(blocks))
	for i, blk := range blocks {
		m := blk.Marking
		if blk.Type == domain.BlockExcerpt {
			m = excerptMarking(blk)
		}
		if keep[i] = r.covers(m); !keep[i] {
			r.drop(i, r.where[i], m)
		}
	}
	for i, blk := range blocks {
		if blk.Type == domain.BlockHeading && keep[i] && emptied(blocks, keep, i) {
			keep[i] = false
			r.drop(i, r.where[i]+", left with nothing under it", blk.Marking)
		}
	}
	var out []*domain.Block
	notes := false
	for i, blk := range blocks {
		if keep[i] {
			k := blk.Clone()
			if k.Excerpt != nil {
				// Private working notes, and marked by nobody: a note
				// would print under its passage's mark, which the
				// analyst never gave it. A release copy carries none.
				notes = notes || strings.TrimSpace(k.Excerpt.Note) != ""
				k.Excerpt.Note = ""
			}
			k.Evidence = r.evidence(i, blk.Evidence)
			out = append(out, k)
		}
	}
	slices.SortStableFunc(r.dropped, func(a, b Dropped) int { return a.Block - b.Block })
	if notes && r.d.Briefing.IncludeNotes {
		r.dropped = append(r.dropped, Dropped{Block: -1, Where: "Analyst notes on excerpts (a release copy carries none)"})
	}
	return out
}

// evidence is the copy of a kept judgment's evidence: the links whose
// excerpt and source readers cleared to at may see (their citations print
// with the basis), without the analyst's notes on the links or the
// excerpts; the others are left out and listed.
func (r *releaser) evidence(block int, evs []domain.Evidence) []domain.Evidence {
	var out []domain.Evidence
	for _, ev := range evs {
		e := ev.Excerpt
		var src *domain.Source
		if e != nil {
			src = r.b.Source(e.SourceID)
		}
		if e == nil || !r.covers(e.Marking) || (src != nil && !r.covers(src.Marking)) {
			m := domain.Marking("")
			if e != nil {
				m = e.Marking
				if src != nil && !r.covers(src.Marking) {
					m = src.Marking
				}
			}
			what := "excerpt " + strconv.FormatInt(ev.ExcerptID, 10)
			if e != nil {
				what = quoted(e.Quote)
			}
			r.dropped = append(r.dropped, Dropped{Block: block, Where: r.where[block] + ", its evidence " + what, Mark: m.Banner()})
			continue
		}
		ev.Note = ""
		ev.Excerpt = e.Clone()
		ev.Excerpt.Note = ""
		out = append(out, ev)
	}
	return out
}

// emptied tells whether the section headed by blocks[h] had commentary or
// excerpts under it and keeps none. Key judgments do not count: the
// document moves them to the front.
func emptied(blocks []*domain.Block, keep []bool, h int) bool {
	had := false
	for i := h + 1; i < len(blocks) && blocks[i].Type != domain.BlockHeading; i++ {
		if blocks[i].Type == domain.BlockJudgment {
			continue
		}
		if keep[i] {
			return false
		}
		had = true
	}
	return had
}

// placesOf names each block as the checks do.
func placesOf(d *Document) map[int]string {
	out := map[int]string{}
	for _, j := range d.Judgments {
		out[j.Block] = j.Where
	}
	for _, it := range d.Body {
		out[it.Block] = it.Where
	}
	return out
}

// citedSources are copies of the sources the copy's excerpts (quoted or
// linked as evidence) cite, in the
// bundle's order: a source cited only by left-out excerpts is not in the
// copy at all, so no appendix entry or note can name it. The copies keep
// what a reader sees (the citation, the SHA-256 the appendix prints) and
// lose their texts, which may hold a left-out excerpt's words, and the
// analyst's notes on them, which no export prints.
func citedSources(b *domain.Bundle, c *domain.Briefing) []*domain.Source {
	cited := map[int64]bool{}
	for _, blk := range c.Blocks {
		if blk.Excerpt != nil {
			cited[blk.Excerpt.SourceID] = true
		}
		for _, ev := range blk.Evidence {
			cited[ev.Excerpt.SourceID] = true // the copy keeps only resolved evidence
		}
	}
	var out []*domain.Source
	for _, s := range b.Sources {
		if cited[s.ID] {
			k := s.Clone()
			if k.SHA256 == "" && k.Text != "" {
				k.SHA256 = domain.TextSHA256(k.Text)
			}
			k.Text, k.Notes = "", ""
			out = append(out, k)
		}
	}
	return out
}

// wholeLabel refuses a release below the label of a scheme that labels
// the whole briefing (TLP): the analyst's own words carry that label, and
// leaving out excerpts does not make them fit for readers of a lower one.
func (r *releaser) wholeLabel(chosen domain.Marking) error {
	if !r.s.WholeDocument {
		return nil
	}
	k, err := r.s.Admit(chosen)
	if err != nil || k.IsZero() {
		return domain.Errorf(domain.EINVALID, "choose the briefing's own %s label first: it covers the analyst's words, which a release copy keeps", r.s.Short)
	}
	if !r.covers(chosen) {
		return domain.Errorf(domain.EINVALID, "the briefing is labelled %s, and that label covers its own text (bottom line, judgments, commentary), which a release copy keeps: it cannot go out as %s. If that text may be shared at %s, change the briefing's label to %s and release again",
			k.Banner(), r.at.Banner(), r.at.Banner(), r.at.Banner())
	}
	return nil
}

// check refuses a copy whose own marking, or a source it still cites,
// is more than readers cleared to at may see: portions at covers can
// still add up to more (under the US rules, a portion with no release list
// beside portions with one makes the whole NOFORN), and a kept excerpt
// marked below its source still names the source in its note.
func (r *releaser) check(out *domain.Bundle) error {
	k, err := r.s.Admit(out.Briefing.Classification)
	if err == nil {
		if ok, why := r.s.Covers(r.at, k); !ok {
			return domain.Errorf(domain.EINVALID, "the portions left in the copy add up to %s, which %s; readers cleared to %s may not have it: give the portions a release marking that %s covers, or release at %s",
				k.Banner(), strings.TrimPrefix(why, "is "+k.Banner()+", "), r.at.Banner(), r.at.Banner(), k.Banner())
		}
	}
	for _, src := range out.Sources {
		if src.Marking != "" && !r.covers(src.Marking) {
			return domain.Errorf(domain.EINVALID, "the copy still cites %s, which is marked %s, above %s: its title and details print in the notes and the sources appendix; leave out its excerpts, or release at a higher level",
				quoted(src.Title), src.Marking.Banner(), r.at.Banner())
		}
	}
	return nil
}
