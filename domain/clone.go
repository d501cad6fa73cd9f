package domain

import (
	"slices"
	"time"
)

// Clone returns a deep copy of b: its blocks, their resolved excerpts and
// every time pointer are copies, so the copy can be edited (or handed to
// another goroutine) without touching b. clone_test.go fails when a field
// that shares memory is added without being copied here.
func (b *Briefing) Clone() *Briefing {
	if b == nil {
		return nil
	}
	c := *b
	c.TrashedAt = cloneTime(b.TrashedAt)
	if b.Blocks != nil {
		c.Blocks = make([]*Block, len(b.Blocks))
		for i, blk := range b.Blocks {
			c.Blocks[i] = blk.Clone()
		}
	}
	return &c
}

// Clone returns a deep copy of b, its resolved excerpt included.
func (b *Block) Clone() *Block {
	if b == nil {
		return nil
	}
	c := *b
	c.Excerpt = b.Excerpt.Clone()
	if b.Evidence != nil {
		c.Evidence = make([]Evidence, len(b.Evidence))
		for i, ev := range b.Evidence {
			ev.Excerpt = ev.Excerpt.Clone()
			c.Evidence[i] = ev
		}
	}
	return &c
}

// Clone returns a deep copy of e.
func (e *Excerpt) Clone() *Excerpt {
	if e == nil {
		return nil
	}
	c := *e
	c.Tags = slices.Clone(e.Tags)
	c.TrashedAt = cloneTime(e.TrashedAt)
	c.Figure = e.Figure.Clone()
	return &c
}

// Clone returns a deep copy of f.
func (f *Figure) Clone() *Figure {
	if f == nil {
		return nil
	}
	c := *f
	c.PNG = slices.Clone(f.PNG)
	return &c
}

// Clone returns a deep copy of m, with an index of its own.
func (m *TextMap) Clone() *TextMap {
	if m == nil {
		return nil
	}
	return &TextMap{Pages: slices.Clone(m.Pages), Glyphs: slices.Clone(m.Glyphs)}
}

// Clone returns a deep copy of s; the text, a string, is shared as Go
// strings are immutable.
func (s *Source) Clone() *Source {
	if s == nil {
		return nil
	}
	c := *s
	c.Authors = slices.Clone(s.Authors)
	c.Pages = slices.Clone(s.Pages)
	c.TextMap = s.TextMap.Clone()
	c.Original = slices.Clone(s.Original)
	c.TrashedAt = cloneTime(s.TrashedAt)
	c.StandingAt = cloneTime(s.StandingAt)
	c.Concern = s.Concern.Clone()
	return &c
}

// Clone returns a deep copy of c, its latest check included.
func (c *SourceConcern) Clone() *SourceConcern {
	if c == nil {
		return nil
	}
	out := *c
	out.Concerns = slices.Clone(c.Concerns)
	out.Check = c.Check.Clone()
	return &out
}

// Clone returns a deep copy of c.
func (c *SourceCheck) Clone() *SourceCheck {
	if c == nil {
		return nil
	}
	out := *c
	out.Quotes = slices.Clone(c.Quotes)
	return &out
}

func cloneTime(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	c := *t
	return &c
}
