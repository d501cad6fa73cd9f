package app

import (
	"slices"

	"github.com/attache/attache/domain"
)

// Moving blocks: by dragging an item in the document, by Alt+Up/Down
// while editing, or by dragging a heading in the outline. A heading
// carries its section (domain.SectionEnd); a judgment moves among the
// judgments, which the document shows gathered. Each move is one undo
// step.

// onDocMove moves the block of item from to insertion point to.
func (c *composer) onDocMove(from, to int) {
	if c.d == nil || c.model == nil || c.ui.lib.ReadOnly() {
		return
	}
	m, blocks := c.model, c.d.b.Blocks
	fb := c.itemBlock(from)
	if fb < 0 {
		return
	}
	if blocks[fb].Type == domain.BlockJudgment {
		to = max(m.jStart, min(to, m.jEnd)) // among the judgments
		c.moveRun(fb, fb+1, m.insertBlockIndex(to, len(blocks)))
		return
	}
	to = max(to, m.jEnd) // in the body
	target := m.insertBlockIndex(to, len(blocks))
	if blocks[fb].Type == domain.BlockHeading {
		target = sectionBoundary(blocks, target, target <= fb)
	}
	c.moveRun(fb, domain.SectionEnd(blocks, fb), target)
}

// sectionBoundary is where a section dropped before block at lands: the
// start of the section holding it when moving up, its end when moving
// down, so that a section never splits another.
func sectionBoundary(blocks []*domain.Block, at int, up bool) int {
	if at >= len(blocks) || blocks[at].Type == domain.BlockHeading {
		return at
	}
	if up {
		for at > 0 && blocks[at].Type != domain.BlockHeading {
			at--
		}
		return at // a heading's, or 0: before the blocks that precede every heading
	}
	for at < len(blocks) && blocks[at].Type != domain.BlockHeading {
		at++
	}
	return at
}

// moveRun moves blocks[from:end] before block to as one undo step, and
// goes on editing the block that was being edited, wherever it went.
func (c *composer) moveRun(from, end, to int) bool {
	moved, _, ok := domain.MoveBlocks(c.d.b.Blocks, from, end, to)
	if !ok {
		return false
	}
	editing := c.selectedBlock()
	c.d.edit(func(b *domain.Briefing) { b.Blocks = moved })
	c.selected = slices.Index(c.d.b.Blocks, editing) // -1 for none
	c.updateStats()
	c.reedit()
	return true
}

// onMove moves the block being edited one step up (delta -1) or down: a
// heading past the neighbouring section, a judgment past the
// neighbouring judgment, any other block past the neighbouring block of
// the body.
func (c *composer) onMove(delta int) {
	i := c.selected
	if c.selectedBlock() == nil || c.ui.lib.ReadOnly() {
		return
	}
	blocks := c.d.b.Blocks
	end := domain.SectionEnd(blocks, i)
	var to int
	switch t := blocks[i].Type; {
	case t == domain.BlockHeading && delta < 0:
		p := i - 1
		for p >= 0 && blocks[p].Type != domain.BlockHeading {
			p--
		}
		if p < 0 {
			return // the first section: blocks before it are not a section to pass
		}
		to = p
	case t == domain.BlockHeading:
		if end >= len(blocks) {
			return
		}
		to = domain.SectionEnd(blocks, end)
	default:
		n := neighbour(blocks, i, delta, t == domain.BlockJudgment)
		if n < 0 {
			return
		}
		to = n
		if delta > 0 {
			to = n + 1
		}
	}
	c.moveRun(i, end, to)
}

// neighbour is the index of the block next to i in direction delta
// among the judgments (judgments true) or among the others, -1 for none.
func neighbour(blocks []*domain.Block, i, delta int, judgments bool) int {
	for j := i + delta; j >= 0 && j < len(blocks); j += delta {
		if (blocks[j].Type == domain.BlockJudgment) == judgments {
			return j
		}
	}
	return -1
}
