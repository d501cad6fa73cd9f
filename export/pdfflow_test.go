package export

import (
	"strconv"
	"testing"
)

// flowBlock makes a block of n one-piece lines whose text names the block,
// so the ops on each page tell where every line went.
func flowBlock(id, n int, keep bool) *block {
	b := &block{leading: 10, keepWithNext: keep, before: 5}
	for range n {
		b.lines = append(b.lines, line{pieces: []piece{{span: span{text: strconv.Itoa(id)}}}})
	}
	return b
}

func TestFlowLeavesNoSingleLineAloneAndKeepsHeadings(t *testing.T) {
	for room := 40; room <= 120; room += 5 {
		for first := 1; first <= 9; first++ {
			blocks := []*block{flowBlock(0, first, false), flowBlock(1, 1, true), flowBlock(2, 7, false),
				flowBlock(3, 2, false), flowBlock(4, 5, false), flowBlock(5, 1, true), flowBlock(6, 4, false)}
			f := newFlow(0, float64(room))
			f.add(blocks)
			per := make([]map[int]int, len(f.pages)) // page → block → lines
			for p, pg := range f.pages {
				per[p] = map[int]int{}
				for _, o := range pg.ops {
					if o.kind == opText {
						id, _ := strconv.Atoi(o.piece.text)
						per[p][id]++
					}
				}
			}
			total := map[int]int{}
			for p := range per {
				for id, n := range per[p] {
					total[id] += n
					if n == 1 && len(blocks[id].lines) > 1 {
						t.Errorf("room %d first %d: block %d leaves a single line on page %d", room, first, id, p+1)
					}
				}
				for id := range per[p] {
					if blocks[id].keepWithNext && per[p][id+1] == 0 {
						t.Errorf("room %d first %d: heading %d ends page %d", room, first, id, p+1)
					}
				}
			}
			for id, b := range blocks {
				if total[id] != len(b.lines) {
					t.Errorf("room %d first %d: block %d placed %d of %d lines", room, first, id, total[id], len(b.lines))
				}
			}
		}
	}
}
