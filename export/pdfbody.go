package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

func (l *layout) body() {
	for i, it := range l.d.Body {
		if l.ctx.Err() != nil {
			return // buildPDF returns the cancellation
		}
		switch it.Type {
		case domain.BlockHeading:
			b := l.heading(it.Text, it.Number, it.Portion)
			l.sectionAnchors = append(l.sectionAnchors, b.target.anchor)
		case domain.BlockCommentary:
			l.where = fmt.Sprintf("commentary (item %d)", i+1)
			for k, p := range paragraphs(it.Text) {
				if k == 0 {
					p = it.Portion + p
				}
				l.para([]span{sp(p, fBody, ink)}, l.left, l.width, lBody, 0, 7)
			}
		case domain.BlockExcerpt:
			if it.Figure != nil {
				l.figure(it)
				continue
			}
			l.where = fmt.Sprintf("excerpt %d", it.Note)
			l.quote(it)
		}
	}
}

// quote sets an excerpt as an indented block quote with a rule at its left
// and its note number, visibly apart from the analyst's own words.
func (l *layout) quote(it Item) {
	const indent, rightIndent = 24.0, 12.0
	deco := decoration{hasBar: true, bar: quoteBar, barX: l.left + 8, barWeight: 1.6, pad: 2}
	paras := paragraphs(it.Text)
	if len(paras) == 0 {
		paras = []string{it.Text}
	}
	x, w := l.left+indent, l.width-indent-rightIndent
	for k, p := range paras {
		if k == 0 {
			p = it.Portion + p
		}
		spans := []span{sp(p, fQuote, ink)}
		if k == len(paras)-1 {
			spans = append(spans, span{text: strconv.Itoa(it.Note), face: fNoteRef, color: navy, rise: 3.5})
		}
		b := l.para(spans, x, w, lQuote, 3, 0)
		b.deco = deco
		if k == 0 {
			b.before = 4
		}
	}
	l.comment(it, x, w)
	l.blocks[len(l.blocks)-1].after = 9
}

// comment sets the analyst's note under an excerpt or a figure, if the
// briefing prints it, kept with what it is about.
func (l *layout) comment(it Item, x, w float64) {
	if strings.TrimSpace(it.Comment) == "" {
		return
	}
	l.blocks[len(l.blocks)-1].keepWithNext = true // the note stays with its quote
	l.where = fmt.Sprintf("the note on excerpt %d", it.Note)
	// The note is the analyst's words on a marked passage: it
	// carries the passage's mark, so it is never an unmarked portion.
	l.para([]span{sp(it.Portion+"Analyst’s note: ", fSmallIt, grey), sp(it.Comment, fSmall, grey)}, x, w, 12, 3, 0)
}

func (l *layout) notes() {
	if len(l.d.Notes) == 0 {
		return
	}
	l.heading("Notes", "", "")
	for _, n := range l.d.Notes {
		l.where = fmt.Sprintf("note %d", n.Num)
		l.listItem(strconv.Itoa(n.Num)+".", []span{sp(n.Text, fNote, ink)}, fNote, lNote, 3)
	}
}

func (l *layout) sources() {
	if len(l.d.Sources) == 0 {
		return
	}
	l.heading("Sources", "", "")
	for i, s := range l.d.Sources {
		l.where = fmt.Sprintf("source %d (%s)", i+1, clipText(s.Title, 40))
		entry := l.listItem(strconv.Itoa(i+1)+".", []span{sp(BibliographyEntry(s), fNote, ink)}, fNote, lNote, 1)
		// The details and what is known against the source since go as
		// one block, kept with the citation: a retraction is never
		// parted from the source it is about.
		var spans []span
		for _, d := range sourceDetails(s) {
			spans = append(spans, sp(lineBreak(spans)+d, fSmall, grey))
		}
		for _, c := range l.d.SourceConcerns[s.ID] {
			spans = append(spans, sp(lineBreak(spans)+c, fSmall, alert))
		}
		if len(spans) > 0 {
			entry.keepWithNext = true
			l.para(spans, l.left+20, l.width-20, 11.5, 0, 0).whole = true
		}
		l.blocks[len(l.blocks)-1].after = 7
	}
}

// lineBreak starts a span on a line of its own after the first.
func lineBreak(before []span) string {
	if len(before) == 0 {
		return ""
	}
	return "\n"
}
