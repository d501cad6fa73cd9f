package domain

import "testing"

// Settling a clash block by block: each clashing block (and the
// briefing's own details, and the order) comes from the side chosen for
// it; what only one side changed is merged as always.
func TestResolveBriefingBlockByBlock(t *testing.T) {
	base := doc("T", "1:a", "2:b", "3:c", "4:d")
	mine := doc("Mine", "1:A", "2:mine", "3:c", "5:new")      // title, block 1, 2; removed 4; added 5
	theirs := doc("Theirs", "1:a", "2:theirs", "4:D", "3:cc") // title, block 2, 4 (removed here), 3; moved 4

	keep := map[int64]bool{0: false, 2: true, 4: false} // details theirs, block 2 mine, block 4 theirs
	got, clashes := ResolveBriefing(base, mine, theirs, func(c Conflict) bool { return keep[c.Block] })
	if want := "Theirs | 1:A 2:mine 4:D 3:cc 5:new"; layout(got) != want {
		t.Errorf("resolved to %q, want %q", layout(got), want)
	}
	if len(clashes) != 3 {
		t.Errorf("clashes %+v, want the title, block 2 and block 4", clashes)
	}

	// Choosing mine everywhere is MergeBriefing.
	all, _ := ResolveBriefing(base, mine, theirs, func(Conflict) bool { return true })
	merged, _ := MergeBriefing(base, mine, theirs)
	if layout(all) != layout(merged) {
		t.Errorf("mine everywhere gave %q, MergeBriefing %q", layout(all), layout(merged))
	}
	// Choosing theirs everywhere keeps every change only I made.
	none, _ := ResolveBriefing(base, mine, theirs, func(Conflict) bool { return false })
	if want := "Theirs | 1:A 2:theirs 4:D 3:cc 5:new"; layout(none) != want {
		t.Errorf("theirs everywhere gave %q, want %q", layout(none), want)
	}
}

// A clash over the order of the blocks follows the side chosen for it.
func TestResolveBriefingOrder(t *testing.T) {
	base := doc("T", "1:a", "2:b", "3:c")
	mine := doc("T", "3:c", "1:a", "2:b")
	theirs := doc("T", "2:b", "1:a", "3:c")
	for keepMine, want := range map[bool]string{true: "T | 3:c 1:a 2:b", false: "T | 2:b 1:a 3:c"} {
		got, clashes := ResolveBriefing(base, mine, theirs, func(c Conflict) bool { return keepMine })
		if layout(got) != want || len(clashes) != 1 || clashes[0].Field != "order" {
			t.Errorf("keep mine %v: %q %+v, want %q and the order clash", keepMine, layout(got), clashes, want)
		}
	}
}
