package app

import (
	"slices"
	"strings"

	"github.com/attache/attache/domain"
)

// The excerpt form follows changes other programs make to the excerpt
// being edited, as the composer follows its briefing (draftsync.go).

// follow takes in the listed copy of the excerpt being edited when it was
// changed elsewhere and nothing typed here is waiting to be saved. A list
// read before the last save landed is older than the form: left alone.
func (s *excerptsScreen) follow(listed *domain.Excerpt) {
	x := s.edit
	if x == nil || x.saving || !x.isSaved() || !listed.UpdatedAt.After(x.base.UpdatedAt) ||
		sameExcerpt(listed, x.base) {
		return
	}
	x.e, x.base = listed.Clone(), listed.Clone()
	s.showEdit(x)
}

// showEdit shows the edit's excerpt in the form when it is the one shown.
func (s *excerptsScreen) showEdit(x *excerptEdit) {
	if x != s.edit {
		return
	}
	s.filling = true
	s.fields.set(x.e)
	s.figure.setCaption(x.e)
	s.filling = false
}

// sameExcerpt compares the fields the form edits.
func sameExcerpt(a, b *domain.Excerpt) bool {
	return strings.TrimSpace(a.Note) == strings.TrimSpace(b.Note) && a.Credibility == b.Credibility &&
		a.Marking == b.Marking && a.MarkingReason == b.MarkingReason && slices.Equal(domain.NormalizeTags(a.Tags), domain.NormalizeTags(b.Tags)) &&
		figureCaption(a) == figureCaption(b)
}

// figureCaption is a figure excerpt's caption as saved, or "".
func figureCaption(e *domain.Excerpt) string {
	if e.Figure == nil {
		return ""
	}
	return strings.TrimSpace(e.Figure.Caption)
}
