package cli_test

import (
	"strconv"
	"testing"
)

// The list's words are the exported document's as export's model counts
// them (the app's count): the reader's text, not the title block's rows,
// the banner, the portion marks or the citations; the search index, which
// the store counted before, holds other text.
func TestBriefingListCountsWordsAsTheModel(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	var list []map[string]any
	decode(t, mustRun(t, db, "briefing", "list", "--json"), &list)
	// title 5, subtitle 4, bottom line 5, heading 1, quote 7, commentary
	// 10, judgment 9 and its confidence ("moderate confidence") 2.
	const want = 5 + 4 + 5 + 1 + 7 + 10 + 9 + 2
	if len(list) != 1 || list[0]["id"] != float64(id) || list[0]["words"] != float64(want) {
		t.Fatalf("briefing list --json: %v, want %d words", list, want)
	}
	wantContains(t, mustRun(t, db, "briefing", "list"), "  "+strconv.Itoa(want)+"  ")
}
