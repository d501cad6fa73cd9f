package app

import (
	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// wordCounts are the listed briefings' lengths, counted by export's model
// (the count the composer shows) off the UI goroutine and kept by briefing
// at the revision counted, so a reload of the list recounts only the
// briefings that changed. All fields are the UI goroutine's.
//
// The store does not count words: only the model knows what a reader
// reads. A count costs loading the briefing's blocks, so it is not made
// in the list's query but here, once per revision.
type wordCounts struct {
	counted map[int64]wordCount // by briefing
	gen     int                 // bumped by forget; counts begun before it are dropped
}

type wordCount struct {
	rev   int64
	words int
}

// words is the count to show for a listed briefing: the composer's own
// for the briefing it has open (so the two never differ, even before an
// edit is saved), else the last one counted; false while there is none.
func (s *briefingsScreen) words(b *domain.BriefingSummary) (int, bool) {
	if c := s.composer; c.d != nil && c.d.b.ID == b.ID {
		return c.words, true
	}
	wc, ok := s.counts.counted[b.ID]
	return wc.words, ok
}

// forgetCounts has every briefing counted again at the next reload: an
// excerpt's note, counted in the briefings quoting it, may have changed
// without moving their revisions. The old counts show until then.
func (s *briefingsScreen) forgetCounts() {
	for id, wc := range s.counts.counted {
		wc.rev = -1 // no revision: recounted
		s.counts.counted[id] = wc
	}
	s.counts.gen++
}

// countWords counts, in the background, the listed briefings whose count
// is missing or older than their revision, and shows them when done.
func (s *briefingsScreen) countWords(list []*domain.BriefingSummary) {
	if s.counts.counted == nil {
		s.counts.counted = map[int64]wordCount{}
	}
	var todo []int64
	for _, b := range list {
		if wc, ok := s.counts.counted[b.ID]; !ok || wc.rev != b.Revision {
			todo = append(todo, b.ID)
		}
	}
	if len(todo) == 0 {
		return
	}
	gen := s.counts.gen
	background(func() {
		got := map[int64]wordCount{}
		for _, id := range todo {
			b, err := s.ui.lib.Briefing(s.ui.ctx, id)
			if err != nil {
				continue // gone meanwhile: the next reload drops its row
			}
			got[id] = wordCount{rev: b.Revision, words: export.BriefingWords(b)}
		}
		s.ui.do(func() {
			if gen != s.counts.gen {
				return // counted from excerpts as they were before a change
			}
			for id, wc := range got {
				if old, ok := s.counts.counted[id]; !ok || old.rev <= wc.rev {
					s.counts.counted[id] = wc
				}
			}
			s.list.Refresh()
		})
	})
}
