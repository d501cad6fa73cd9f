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
