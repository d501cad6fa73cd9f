package export

import (
	"strconv"
	"testing"
)

// A heading is never left alone at the foot of a page when what follows
// moves to the next page whole: a short entry (three lines or fewer) or
// one that must not split (a sources entry's details, a guide row).
func TestFlowKeepsAHeadingWithAWholeFirstEntry(t *testing.T) {
	for room := 30; room <= 90; room++ {
		for n := 1; n <= 5; n++ {
			for _, whole := range []bool{false, true} {
				lead, head, entry := flowBlock(0, 2, false), flowBlock(1, 1, true), flowBlock(2, n, false)
				entry.whole = whole
				first := min(n, 2)
				if whole || n <= 3 {
					first = n
				}
				if 10+5+10*first > room {
					continue // no page holds the heading and what must go with it
				}
				f := newFlow(0, float64(room))
				f.add([]*block{lead, head, entry, flowBlock(3, 2, false)})
				for p, pg := range f.pages {
					seen := map[int]bool{}
					for _, o := range pg.ops {
						if o.kind == opText {
							id, _ := strconv.Atoi(o.piece.text)
							seen[id] = true
						}
					}
					if seen[1] && !seen[2] {
						t.Errorf("room %d, entry of %d lines (whole %v): the heading ends page %d alone", room, n, whole, p+1)
					}
				}
			}
		}
	}
}

// The Sources heading keeps with its first entry's citation, which keeps
// with the entry's details: the heading never ends a page when the
// citation had to move on with its details.
func TestFlowKeepsAChainOfKeeps(t *testing.T) {
	for room := 55; room <= 120; room++ { // from the height of the three kept together
		head, cite, details := flowBlock(1, 1, true), flowBlock(2, 1, true), flowBlock(3, 2, false)
		details.whole = true
		f := newFlow(0, float64(room))
		f.add([]*block{flowBlock(0, 3, false), head, cite, details, flowBlock(4, 2, false)})
		for p, pg := range f.pages {
			seen := map[int]bool{}
			for _, o := range pg.ops {
				if o.kind == opText {
					id, _ := strconv.Atoi(o.piece.text)
					seen[id] = true
				}
			}
			if (seen[1] && !seen[2]) || (seen[2] && !seen[3]) {
				t.Errorf("room %d: page %d ends on a kept block alone: %v", room, p+1, seen)
			}
		}
	}
}
