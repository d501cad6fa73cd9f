package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestReaderFind(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(700, 400))
	text := "Policy one. Another POLICY here.\n\nΣοφία and σοφία; Москва, МОСКВА. Don’t stop; don't."
	r.SetText(text)
	cases := map[string][]Span{
		"policy": {{0, 6}, {20, 26}},
		"ΣΟΦΊΑ":  {{runeIndex(t, text, "Σοφία", 0), runeIndex(t, text, "Σοφία", 0) + 5}, {runeIndex(t, text, "σοφία", 0), runeIndex(t, text, "σοφία", 0) + 5}},
		"москва": {{runeIndex(t, text, "Москва", 0), runeIndex(t, text, "Москва", 0) + 6}, {runeIndex(t, text, "МОСКВА", 0), runeIndex(t, text, "МОСКВА", 0) + 6}},
		"don't":  {{runeIndex(t, text, "Don’t", 0), runeIndex(t, text, "Don’t", 0) + 5}, {runeIndex(t, text, "don't", 0), runeIndex(t, text, "don't", 0) + 5}},
		"absent": nil,
		"":       nil,
	}
	for q, want := range cases {
		got := r.Find(q)
		if len(got) != len(want) {
			t.Errorf("Find(%q) = %v, want %v", q, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("Find(%q) = %v, want %v", q, got, want)
			}
		}
	}
}

func TestReaderFindNextCyclesAndWraps(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(700, 400))
	text := article(6000, 8, false)
	r.SetText(text)
	matches := r.Find("treaty")
	if len(matches) < 3 {
		t.Fatalf("only %d matches", len(matches))
	}
	var changed int
	r.OnSelectionChanged = func(int, int) { changed++ }
	for i := 0; i < len(matches)+1; i++ {
		if !r.FindNext("TREATY", true) {
			t.Fatal("FindNext found nothing")
		}
		want := matches[i%len(matches)]
		if s, e := r.Selection(); s != want.Start || e != want.End {
			t.Fatalf("step %d selected (%d,%d), want %v", i, s, e, want)
		}
		if !r.lineInView(r.lineOf(want.Start)) {
			t.Fatalf("step %d: match at line %d not in view", i, r.lineOf(want.Start))
		}
	}
	// Now on matches[0]; backwards wraps to the last match, then the one before.
	for _, want := range []Span{matches[len(matches)-1], matches[len(matches)-2]} {
		r.FindNext("treaty", false)
		if s, e := r.Selection(); s != want.Start || e != want.End {
			t.Fatalf("backwards selected (%d,%d), want %v", s, e, want)
		}
	}
	if changed != len(matches)+3 {
		t.Errorf("OnSelectionChanged called %d times, want %d", changed, len(matches)+3)
	}
	if r.FindNext("no such phrase", true) {
		t.Error("FindNext found an absent phrase")
	}
}

func TestReaderFindMatchCounts(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(700, 400))
	r.SetText("one fish, two fish, red fish, blue fish")
	for i, want := range []int{1, 2, 3, 4, 1} {
		if n, of := r.FindMatch("FISH", true); n != want || of != 4 {
			t.Fatalf("step %d: match %d of %d, want %d of 4", i, n, of, want)
		}
	}
	if n, of := r.FindMatch("fish", false); n != 4 || of != 4 {
		t.Fatalf("backwards from the first: %d of %d, want 4 of 4", n, of)
	}
	if n, of := r.FindMatch("whale", true); n != 0 || of != 0 {
		t.Fatalf("absent: %d of %d", n, of)
	}
}
