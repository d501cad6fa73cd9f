package domain

import "strings"

// The composer's block operations, here so that the app, the command line
// and their tests share one meaning of "a section" and "move".

// SectionEnd is the end (exclusive) of the run of blocks that moves with
// blocks[i]: a heading carries its section, every block after it up to the
// next heading; any other block moves alone.
func SectionEnd(blocks []*Block, i int) int {
	if i < 0 || i >= len(blocks) {
		return i
	}
	if blocks[i].Type != BlockHeading {
		return i + 1
	}
	j := i + 1
	for j < len(blocks) && blocks[j].Type != BlockHeading {
		j++
	}
	return j
}

// MoveBlocks moves blocks[from:end] so that it stands before the block
// that is at index to in blocks (len(blocks) for the end), and returns the
// new order and the index the run now starts at. A to inside the run, or
// a range out of bounds, changes nothing (ok false). The slice returned is
// new; blocks is not changed.
func MoveBlocks(blocks []*Block, from, end, to int) (moved []*Block, at int, ok bool) {
	n := len(blocks)
	if from < 0 || end > n || from >= end || to < 0 || to > n || (to >= from && to <= end) {
		return blocks, from, false
	}
	run := blocks[from:end]
	out := make([]*Block, 0, n)
	for i := 0; i <= n; i++ {
		if i == to {
			at = len(out)
			out = append(out, run...)
		}
		if i < n && (i < from || i >= end) {
			out = append(out, blocks[i])
		}
	}
	return out, at, true
}

// InsertBlock returns blocks with blk inserted at index at (clamped to
// the list), as a new slice.
func InsertBlock(blocks []*Block, at int, blk *Block) []*Block {
	at = max(0, min(at, len(blocks)))
	out := make([]*Block, 0, len(blocks)+1)
	out = append(out, blocks[:at]...)
	out = append(out, blk)
	return append(out, blocks[at:]...)
}

// Blank reports a heading, commentary or judgment with no text yet: a
// block just added in the composer, or emptied there. It is not written
// to the library (which refuses it) until it has text, and never stops
// the rest of the briefing being written.
func (b *Block) Blank() bool {
	return b.Type != BlockExcerpt && strings.TrimSpace(b.Text) == ""
}

// WithoutBlank returns b's blocks without the blank ones (b's own slice
// when there are none).
func WithoutBlank(blocks []*Block) []*Block {
	var out []*Block
	for i, blk := range blocks {
		if blk.Blank() {
			if out == nil {
				out = append(make([]*Block, 0, len(blocks)), blocks[:i]...)
			}
			continue
		}
		if out != nil {
			out = append(out, blk)
		}
	}
	if out == nil {
		return blocks
	}
	return out
}
