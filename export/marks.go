package export

import (
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// The marks of a Document: every portion's, the banner, and the first
// page's furniture (the authority block, the TLP definition). The rules
// themselves are the domain's (domain.Scheme): this file only applies
// them to the laid-out briefing, once, for every rendering and check.

// portion is one part of the briefing that carries a mark of its own, as
// the checks and the release copy see it.
type portion struct {
	where string // "The title", "Key judgment 2 “…”": names it for the analyst
	block int    // index of its block; -1 for the details
	// marks are the stored marks that make it up (an excerpt's own and its
	// block's); marking is the portion's, the higher of them.
	marks   []domain.Marking
	marking domain.Marking
}

// Where the details stand in messages.
const (
	whereTitle    = "The title"
	whereSubtitle = "The subtitle"
	whereSummary  = "The bottom line up front"
	whereOverall  = "The briefing's overall marking"
)

// usesMarks tells whether portion marks are in use: any detail, block or
// excerpt marked. A scheme that labels whole documents (TLP) has no
// portion marks, whatever its excerpts carry.
func usesMarks(b *domain.Briefing, s *domain.Scheme) bool {
	if s.WholeDocument {
		return false
	}
	for _, p := range details(b) {
		if p.m != "" {
			return true
		}
	}
	for _, blk := range b.Blocks {
		if blk.Marking != "" || (blk.Excerpt != nil && blk.Excerpt.Marking != "") {
			return true
		}
	}
	return false
}

// detail is a detail of the briefing that is a portion.
type detail struct {
	where string
	m     domain.Marking
}

// details are the title, subtitle and bottom line, those with text: a
// mark left on an emptied subtitle marks nothing printed.
func details(b *domain.Briefing) []detail {
	var out []detail
	for _, p := range []struct {
		where, text string
		m           domain.Marking
	}{{whereTitle, b.Title, b.TitleMarking}, {whereSubtitle, b.Subtitle, b.SubtitleMarking}, {whereSummary, b.Summary, b.SummaryMarking}} {
		if strings.TrimSpace(p.text) != "" {
			out = append(out, detail{p.where, p.m})
		}
	}
	return out
}

// excerptMarking is an excerpt block's portion marking: the higher of the
// excerpt's own and the block's.
func excerptMarking(blk *domain.Block) domain.Marking {
	if blk.Excerpt == nil {
		return blk.Marking
	}
	return domain.HighestMarking(blk.Excerpt.Marking, blk.Marking)
}

// portion is a marking as it starts its portion, "(U) "; "" when portion
// marks are not in use or the portion is unmarked.
func (d *Document) portion(m domain.Marking) string {
	if !d.Marked || m == domain.MarkingNone {
		return ""
	}
	return m.Portion() + " "
}

// collectPortions lists the portions in reading order: the details, the
// key judgments, then the body.
func (d *Document) collectPortions(b *domain.Briefing) {
	for _, p := range details(b) {
		d.portions = append(d.portions, portion{where: p.where, block: -1, marks: []domain.Marking{p.m}, marking: p.m})
	}
	for _, j := range d.Judgments {
		d.portions = append(d.portions, portion{where: j.Where, block: j.Block, marks: []domain.Marking{j.Marking}, marking: j.Marking})
	}
	for _, it := range d.Body {
		marks := []domain.Marking{it.Marking}
		if it.Type == domain.BlockExcerpt {
			marks = []domain.Marking{it.Excerpt.Marking, b.Blocks[it.Block].Marking}
		}
		d.portions = append(d.portions, portion{where: it.Where, block: it.Block, marks: marks, marking: it.Marking})
	}
}

// overall sets the banner: the overall marking the analyst chose, when
// there is one, else the rollup of the portions under the scheme. A chosen
// marking that is not the scheme's is shown as typed, never replaced: the
// checks refuse it, saying what to choose.
func (d *Document) overall(b *domain.Briefing) {
	s := d.Scheme
	if b.Classification != "" {
		d.chosen = true
		if k, err := s.Admit(b.Classification); err == nil {
			d.Mark = k
		}
		d.Banner = b.Classification.Banner()
	} else {
		var ks []domain.Mark
		for _, p := range d.portions {
			for _, m := range p.marks {
				if k, err := s.Admit(m); err == nil && !k.IsZero() {
					ks = append(ks, k)
				}
			}
		}
		d.Mark = s.Rollup(ks...)
		d.Banner = d.Mark.Banner()
	}
	if l := d.Mark.Level; l != nil {
		if l.Classified && s.Authority {
			a := b.Authority
			d.Authority = []string{"Classified By: " + a.ClassifiedBy, "Derived From: " + a.DerivedFrom, "Declassify On: " + a.DeclassifyOn}
		}
		if s.Definitions {
			d.Definition = l.Definition
		}
	}
}

// bodyPlace is where a body item stands: its section (0 before the first
// heading) and its place among the section's items.
type bodyPlace struct{ section, n int }

// phrase names the place, "Section 2, third block"; hasSections says
// whether the body has numbered sections at all.
func (p bodyPlace) phrase(hasSections bool) string {
	switch {
	case p.section > 0:
		return "Section " + strconv.Itoa(p.section) + ", " + ordinal(p.n) + " block"
	case hasSections:
		return "Before section 1, " + ordinal(p.n) + " block"
	}
	return "The body's " + ordinal(p.n) + " block"
}

var ordinals = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// ordinal is "third" for 3; "11th" from eleven on.
func ordinal(n int) string {
	if n >= 1 && n <= len(ordinals) {
		return ordinals[n-1]
	}
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// quoted is a portion's first words in quotation marks, “The claim
// dates…”, enough to find it.
func quoted(text string) string {
	const most = 32
	// Only the start is read: the composer builds a document per
	// keystroke, and a block may be long.
	cut := len(text) > 8*most
	if cut {
		text = strings.ToValidUTF8(text[:8*most], "")
	}
	r := []rune(strings.Join(strings.Fields(text), " "))
	if len(r) <= most && !cut {
		return "“" + string(r) + "”"
	}
	if len(r) <= most {
		return "“" + string(r) + "…”"
	}
	n := most // at the last space, unless that leaves too little
	for i := most - 1; i > most/2; i-- {
		if r[i] == ' ' {
			n = i
			break
		}
	}
	return "“" + string(r[:n]) + "…”"
}
