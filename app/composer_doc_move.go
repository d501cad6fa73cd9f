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

// onDocMove moves the block of item from to insertion point to, where
// docMove says it lands.
func (c *composer) onDocMove(from, to int) {
	if c.d == nil || c.model == nil || c.ui.lib.ReadOnly() {
		return
	}
	if fb, end, target, ok := c.docMove(from, to); ok {
		c.moveRun(fb, end, target)
	}
}

// docMove is the one meaning of dropping item from at insertion point at
// (for the document's drop line, its drop, the outline's): the blocks
// [fb, end) go before block target. A heading carries its section and
// lands between sections; a judgment lands among the judgments; any other
// block in the body. ok is false when nothing would move.
func (c *composer) docMove(from, at int) (fb, end, target int, ok bool) {
	if c.d == nil || c.model == nil || at < 0 {
		return 0, 0, 0, false
	}
	m, blocks := c.model, c.d.b.Blocks
	fb = c.itemBlock(from)
	if fb < 0 {
		return 0, 0, 0, false
	}
	end = fb + 1
	switch blocks[fb].Type {
	case domain.BlockJudgment:
		target = m.insertBlockIndex(max(m.jStart, min(at, m.jEnd)), len(blocks))
	case domain.BlockHeading:
		end = domain.SectionEnd(blocks, fb)
		target = m.bodyBlockIndex(at, len(blocks))
		target = sectionBoundary(blocks, target, target <= fb)
	default:
		target = m.bodyBlockIndex(at, len(blocks))
	}
	return fb, end, target, target < fb || target > end
}

// dropPoint is the insertion point where a drag of item from (-1: an
// excerpt from outside, which lands in the body) to insertion point at
// lands, -1 where nothing would move: the document draws its drop line
// there (widgets.Document.DropPoint).
func (c *composer) dropPoint(from, at int) int {
	if c.d == nil || c.model == nil || at < 0 {
		return -1
	}
	if from < 0 {
		return c.pointBefore(c.model.bodyBlockIndex(at, len(c.d.b.Blocks)), false)
	}
	fb, _, target, ok := c.docMove(from, at)
	if !ok {
		return -1
	}
	p := c.pointBefore(target, c.d.b.Blocks[fb].Type == domain.BlockJudgment)
	if p == from || p == from+1 {
		return -1 // where the item already is
	}
	return p
}

// pointBefore is the insertion point before block target as the
// document shows it: before the first judgment (judgments) or body block
// (else) at or after target, at the end of the judgments or the document
// for none.
func (c *composer) pointBefore(target int, judgments bool) int {
	m := c.model
	for k := target; k < len(c.d.b.Blocks); k++ {
		if (c.d.b.Blocks[k].Type == domain.BlockJudgment) == judgments {
			return m.item[k]
		}
	}
	if judgments {
		return m.jEnd
	}
	return len(m.items)
}

// bodyBlockIndex is the block index for insertion point at in the body:
// a point among the judgments is the start of the body (before its first
// block, not after the last judgment's block, which may be anywhere).
func (m *docModel) bodyBlockIndex(at, blocks int) int {
	at = max(at, m.jEnd)
	if at >= len(m.block) {
		return blocks
	}
	return m.block[at]
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
