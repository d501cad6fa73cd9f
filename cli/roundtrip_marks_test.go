package cli_test

import (
	"path/filepath"
	"testing"
)

// A JSON export brought into another library keeps two excerpts of one
// span apart, each with its own marking and note (trial 14, finding 4):
// the second, (S//NF), must not come back (U) with the first one's note.
func TestJSONRoundTripKeepsExcerptsOfOneSpanApart(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	src := importOne(t, db, fiveGFile, "--scheme", "us", "--marking", "SECRET//NOFORN")
	lowered := addExcerpt(t, db, src.ID, "Several governments", "--marking", "U",
		"--marking-reason", "Reported in press", "--note", "NOTE-ONE")
	kept := addExcerpt(t, db, src.ID, "Several governments", "--note", "NOTE-TWO keep")
	if lowered.ID == kept.ID || kept.Marking != "S//NOFORN" {
		t.Fatalf("excerpts %+v and %+v", lowered, kept)
	}
	id := newBriefing(t, db, "Dup span", "--scheme", "us", "--marking", "SECRET//NOFORN", "--title-marking", "U",
		"--classified-by", "JA", "--derived-from", "Multiple Sources", "--declassify-on", "20401231")
	mustRun(t, db, "briefing", "add", itoa(id), "--excerpt", itoa(lowered.ID))
	mustRun(t, db, "briefing", "add", itoa(id), "--excerpt", itoa(kept.ID))
	file := filepath.Join(t.TempDir(), "dup.json")
	mustRun(t, db, "export", itoa(id), "--out", file)

	for _, cmd := range [][]string{{"briefing", "import", file}, {"import", file}} {
		other := newDB(t)
		mustRun(t, other, cmd...)
		b := showBriefing(t, other, 1)
		if len(b.Blocks) != 2 || b.Blocks[0].Excerpt == b.Blocks[1].Excerpt {
			t.Fatalf("%v: blocks %+v, want two excerpts", cmd, b.Blocks)
		}
		var one, two excerpt
		runJSON(t, other, &one, "excerpt", "show", itoa(b.Blocks[0].Excerpt))
		runJSON(t, other, &two, "excerpt", "show", itoa(b.Blocks[1].Excerpt))
		if one.Marking != "U" || one.Note != "NOTE-ONE" || two.Marking != "S//NOFORN" || two.Note != "NOTE-TWO keep" {
			t.Fatalf("%v: excerpts came back as %+v and %+v", cmd, one, two)
		}
		// Into the library it came from: the same excerpts, none added.
		mustRun(t, db, cmd...)
		var all []excerpt
		runJSON(t, db, &all, "excerpts")
		if len(all) != 2 {
			t.Fatalf("%v into its own library: %d excerpts, want the 2 reused", cmd, len(all))
		}
	}
}
