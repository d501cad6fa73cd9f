package app

import "github.com/attache/attache/domain"

// The source beside the draft: a reader in the Briefings view, next to
// the composer (see the issue on composing as a document).

// showInSide opens source sourceID in the reader beside the draft, with
// excerpt excerptID (>= 0) highlighted and scrolled to, showing the reader
// if it was collapsed.
func (s *briefingsScreen) showInSide(sourceID, excerptID int64) {
	s.ui.showExcerpt(&domain.Excerpt{ID: excerptID, SourceID: sourceID})
}
