package domain

import (
	"fmt"
	"strings"
	"testing"
)

// doc builds a briefing from "id:text" blocks; id 0 or negative is new.
func doc(title string, blocks ...string) *Briefing {
	b := &Briefing{ID: 1, Title: title, Status: StatusDraft}
	for _, s := range blocks {
		var id int64
		var text string
		if _, err := fmt.Sscanf(s, "%d:%s", &id, &text); err != nil {
			panic(s)
		}
		b.Blocks = append(b.Blocks, &Block{ID: id, Type: BlockCommentary, Text: text})
	}
	return b
}

func layout(b *Briefing) string {
	var parts []string
	for _, blk := range b.Blocks {
		parts = append(parts, fmt.Sprintf("%d:%s", blk.ID, blk.Text))
	}
	return b.Title + " | " + strings.Join(parts, " ")
}

func TestMergeBriefing(t *testing.T) {
	base := doc("T", "1:a", "2:b", "3:c")
	cases := []struct {
		name         string
		mine, theirs *Briefing
		want         string
		conflicts    string
	}{
		{"only theirs changed", doc("T", "1:a", "2:b", "3:c"), doc("T2", "1:a", "2:B", "3:c", "4:d"),
			"T2 | 1:a 2:B 3:c 4:d", ""},
		{"blocks added on both sides stay", doc("T", "1:a", "-1:x", "2:b", "3:c"), doc("T", "1:a", "2:b", "3:c", "4:d", "5:e"),
			"T | 1:a -1:x 2:b 3:c 4:d 5:e", ""},
		{"different fields of each side", doc("Mine", "1:a", "2:b2", "3:c"), doc("T", "1:a1", "2:b", "3:c"),
			"Mine | 1:a1 2:b2 3:c", ""},
		{"removed here, untouched there", doc("T", "1:a", "3:c"), doc("T", "1:a", "2:b", "3:c", "4:d"),
			"T | 1:a 3:c 4:d", ""},
		{"removed there, untouched here", doc("T", "1:a", "2:b", "3:c", "-1:n"), doc("T", "2:b", "3:c"),
			"T | 2:b 3:c -1:n", ""},
		{"moved here, added there", doc("T", "3:c", "1:a", "2:b"), doc("T", "1:a", "2:b", "3:c", "4:d"),
			"T | 3:c 4:d 1:a 2:b", ""}, // 4 followed 3 there
		{"moved there, added here", doc("T", "1:a", "-1:n", "2:b", "3:c"), doc("T", "3:c", "1:a", "2:b"),
			"T | 3:c 1:a -1:n 2:b", ""},
		{"same title both sides", doc("Same", "1:a", "2:b", "3:c"), doc("Same", "1:a", "2:b", "3:c"),
			"Same | 1:a 2:b 3:c", ""},
		{"title clash keeps mine and says so", doc("Mine", "1:a", "2:b", "3:c"), doc("Theirs", "1:a", "2:b", "3:c"),
			"Mine | 1:a 2:b 3:c", "the title"},
		{"text clash", doc("T", "1:a", "2:mine", "3:c"), doc("T", "1:a", "2:theirs", "3:c"),
			"T | 1:a 2:mine 3:c", "the text of block 2"},
		{"edited here, removed there", doc("T", "1:a", "2:edited", "3:c"), doc("T", "1:a", "3:c"),
			"T | 1:a 2:edited 3:c", "block 2 (changed here)"},
		{"removed here, edited there", doc("T", "1:a", "3:c"), doc("T", "1:a", "2:edited", "3:c"),
			"T | 1:a 3:c", "block 2 (removed here)"},
		{"both reordered differently", doc("T", "3:c", "1:a", "2:b"), doc("T", "2:b", "1:a", "3:c"),
			"T | 3:c 1:a 2:b", "the order of the blocks"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, conflicts := MergeBriefing(base, c.mine, c.theirs)
			if layout(got) != c.want {
				t.Errorf("merged %q, want %q", layout(got), c.want)
			}
			var desc []string
			for _, x := range conflicts {
				desc = append(desc, x.Describe())
			}
			if strings.Join(desc, "; ") != c.conflicts {
				t.Errorf("conflicts %q, want %q", desc, c.conflicts)
			}
		})
	}
}

// A merge never loses a block either side added, whatever the order.
func TestMergeKeepsEveryAddedBlock(t *testing.T) {
	base := doc("T", "1:a", "2:b", "3:c", "4:d")
	mine := doc("T", "4:d", "-1:m1", "2:b", "-2:m2", "1:a", "3:c")
	theirs := doc("T", "1:a", "5:t1", "2:b", "3:c", "6:t2", "4:d", "7:t3")
	got, _ := MergeBriefing(base, mine, theirs)
	l := layout(got)
	for _, want := range []string{"-1:m1", "-2:m2", "5:t1", "6:t2", "7:t3", "1:a", "2:b", "3:c", "4:d"} {
		if strings.Count(l, want+" ")+strings.Count(l+" ", want+" ") == 0 {
			t.Errorf("%s lost: %s", want, l)
		}
	}
	if len(got.Blocks) != 9 {
		t.Errorf("%d blocks: %s", len(got.Blocks), l)
	}
}

func TestMergeExcerptTagsAsSets(t *testing.T) {
	base := &Excerpt{Tags: []string{"a", "b", "c"}}
	mine := &Excerpt{Tags: []string{"a", "c", "m"}}   // removed b, added m
	theirs := &Excerpt{Tags: []string{"a", "b", "t"}} // removed c, added t
	got, clashes := MergeExcerpt(base, mine, theirs)
	if strings.Join(got.Tags, ",") != "a,m,t" || len(clashes) != 0 {
		t.Fatalf("tags %v, clashes %v", got.Tags, clashes)
	}
}

// judgment builds a briefing of one judgment, block 1, with links written
// "excerpt:stance[:note]" (stance s or c).
func judgment(links ...string) *Briefing {
	blk := &Block{ID: 1, Type: BlockJudgment, Text: "j", Confidence: ConfidenceModerate}
	for _, l := range links {
		parts := strings.SplitN(l, ":", 3)
		var ev Evidence
		fmt.Sscan(parts[0], &ev.ExcerptID)
		ev.Stance = StanceSupports
		if parts[1] == "c" {
			ev.Stance = StanceContradicts
		}
		if len(parts) == 3 {
			ev.Note = parts[2]
		}
		blk.Evidence = append(blk.Evidence, ev)
	}
	return &Briefing{ID: 1, Title: "T", Status: StatusDraft, Blocks: []*Block{blk}}
}

func links(b *Briefing) string {
	var parts []string
	for _, blk := range b.Blocks {
		for _, ev := range blk.Evidence {
			s := fmt.Sprintf("%d:%s", ev.ExcerptID, ev.Stance[:1])
			if ev.Note != "" {
				s += ":" + ev.Note
			}
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

func TestMergeEvidence(t *testing.T) {
	base := judgment("10:s", "11:c:old")
	cases := []struct {
		name         string
		mine, theirs *Briefing
		want         string
		conflicts    string
	}{
		{"untouched", judgment("10:s", "11:c:old"), judgment("10:s", "11:c:old"), "10:s 11:c:old", ""},
		{"added on each side, both stay", judgment("10:s", "11:c:old", "12:s"), judgment("10:s", "11:c:old", "13:c"),
			"10:s 11:c:old 13:c 12:s", ""},
		{"removed here, untouched there: goes", judgment("11:c:old"), judgment("10:s", "11:c:old", "13:s"),
			"11:c:old 13:s", ""},
		{"removed there, untouched here: goes", judgment("10:s", "11:c:old", "12:s"), judgment("11:c:old"),
			"11:c:old 12:s", ""},
		{"note changed here, stance there: both taken", judgment("10:s", "11:c:new"), judgment("10:s", "11:s:old"),
			"10:s 11:s:new", ""},
		{"note changed differently on both sides", judgment("10:s", "11:c:mine"), judgment("10:s", "11:c:theirs"),
			"10:s 11:c:mine", "the evidence from excerpt 11 (note) of block 1"},
		{"the same change on both sides", judgment("10:c", "11:c:old"), judgment("10:c", "11:c:old"),
			"10:c 11:c:old", ""},
		{"changed here, removed there: kept, clash", judgment("10:s", "11:c:new"), judgment("10:s"),
			"10:s 11:c:new", "the evidence from excerpt 11 of block 1"},
		{"removed here, changed there: removed, clash", judgment("10:s"), judgment("10:s", "11:s:old"),
			"10:s", "the evidence from excerpt 11 of block 1"},
		{"the same link added on both sides differently", judgment("10:s", "11:c:old", "12:s"), judgment("10:s", "11:c:old", "12:c"),
			"10:s 11:c:old 12:s", "the evidence from excerpt 12 of block 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, conflicts := MergeBriefing(base, c.mine, c.theirs)
			if links(got) != c.want {
				t.Errorf("merged %q, want %q", links(got), c.want)
			}
			var desc []string
			for _, x := range conflicts {
				desc = append(desc, x.Describe())
			}
			if strings.Join(desc, "; ") != c.conflicts {
				t.Errorf("conflicts %q, want %q", desc, c.conflicts)
			}
		})
	}
}

// A judgment whose links changed elsewhere is not "untouched": removing
// it here clashes rather than losing the links silently.
func TestMergeRemovedJudgmentWithNewEvidenceClashes(t *testing.T) {
	base := judgment("10:s")
	mine := &Briefing{ID: 1, Title: "T", Status: StatusDraft}
	got, conflicts := MergeBriefing(base, mine, judgment("10:s", "12:c"))
	if len(got.Blocks) != 0 || len(conflicts) != 1 || conflicts[0].Field != "removed" {
		t.Fatalf("blocks %d, conflicts %v", len(got.Blocks), conflicts)
	}
	got, conflicts = MergeBriefing(base, mine, judgment("10:s"))
	if len(got.Blocks) != 0 || len(conflicts) != 0 {
		t.Fatalf("untouched there: blocks %d, conflicts %v", len(got.Blocks), conflicts)
	}
}

func TestMergeScale(t *testing.T) {
	base, mine, theirs := judgment(), judgment(), judgment()
	mine.Scale = ScaleICD203
	got, conflicts := MergeBriefing(base, mine, theirs)
	if got.Scale != ScaleICD203 || len(conflicts) != 0 {
		t.Fatalf("scale %q, conflicts %v", got.Scale, conflicts)
	}
	theirs.Scale = ScalePHIA
	got, conflicts = MergeBriefing(base, mine, theirs)
	if got.Scale != ScaleICD203 || len(conflicts) != 1 || conflicts[0].Describe() != "the estimative scale" {
		t.Fatalf("clash: scale %q, conflicts %v", got.Scale, conflicts)
	}
}

// One side turned the judgment into commentary, the other linked
// evidence to it: the merge cannot keep both, and says so.
func TestMergeEvidenceOnABlockNoLongerAJudgment(t *testing.T) {
	base := judgment()
	mine := judgment()
	mine.Blocks[0].Type = BlockCommentary
	_, conflicts := MergeBriefing(base, mine, judgment("10:s"))
	if len(conflicts) != 1 || conflicts[0].Field != "evidence" {
		t.Fatalf("conflicts %v", conflicts)
	}
}
