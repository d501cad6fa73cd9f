package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// changesDialog finds the What changed dialog's selects, text and save
// button among the overlays.
func changesDialog(u *UI) (from, to *widget.Select, text *widget.RichText, save *widget.Button) {
	walkOverlays(u, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *dialogSelect:
			if from == nil {
				from = &w.Select
			} else {
				to = &w.Select
			}
		case *widget.RichText:
			if strings.Contains(w.String(), "From “") || strings.Contains(w.String(), "Comparing") {
				text = w
			}
		case *widget.Button:
			if w.Text == "Save change note…" {
				save = w
			}
		}
	})
	return
}

func TestWhatChangedComparesAVersionWithNowAndSavesTheNote(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	ctx := context.Background()
	id := c.d.b.ID
	if _, err := lib.CreateSnapshot(ctx, id, "Before review"); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.CreateSnapshot(ctx, id, "After review"); err != nil {
		t.Fatal(err)
	}
	var j int
	fyne.DoAndWait(func() {
		j = firstBlock(t, c, domain.BlockJudgment)
		c.d.edit(func(b *domain.Briefing) { b.Blocks[j].Text = "Outages will rise sharply." })
		c.updateStats()
	})
	var mu sync.Mutex
	var olds, news []*domain.Briefing
	old := compareBriefings
	t.Cleanup(func() { compareBriefings = old })
	compareBriefings = func(o, n *domain.Briefing) *integrity.Changes {
		mu.Lock()
		olds, news = append(olds, o), append(news, n)
		mu.Unlock()
		return &integrity.Changes{OldStatus: o.Status, NewStatus: domain.StatusFinal, Judgments: []integrity.JudgmentChange{{
			Kind: integrity.ChangeReworded, Old: "Outages will rise.", New: "Outages will rise sharply.",
			OldConfidence: domain.ConfidenceModerate, NewConfidence: domain.ConfidenceHigh}}}
	}
	u.app.Preferences().SetString(prefExportFolder, t.TempDir())
	fyne.DoAndWait(c.onHistory)
	var list *dialogList
	var changes *widget.Button
	walkOverlays(u, func(o fyne.CanvasObject) {
		if l, ok := o.(*dialogList); ok {
			list = l
		}
		if b, ok := o.(*widget.Button); ok && b.Text == "What changed…" {
			changes = b
		}
	})
	if list == nil || changes == nil {
		t.Fatal("the Versions dialog has no What changed…")
	}
	eventually(t, "the versions", func() bool { return list.Length() == 2 })
	if !changes.Disabled() {
		t.Error("What changed… is on with no version selected")
	}
	fyne.DoAndWait(func() { list.Select(1) }) // the older, "Before review"
	fyne.DoAndWait(func() { changes.OnTapped() })
	var text *widget.RichText
	var from, to *widget.Select
	var save *widget.Button
	eventually(t, "the changes", func() bool {
		from, to, text, save = changesDialog(u)
		return text != nil && strings.Contains(text.String(), "Reworded")
	})
	s := text.String()
	for _, want := range []string{"From “Before review", "” to “now”", "Reworded: “Outages will rise.” → “Outages will rise sharply.” (moderate → high confidence)", "Status: Draft → Final"} {
		if !strings.Contains(s, want) {
			t.Errorf("the changes lack %q:\n%s", want, s)
		}
	}
	mu.Lock()
	if n := news[len(news)-1]; n.Blocks[j].Text != "Outages will rise sharply." {
		t.Errorf("compared with %q, not the briefing as it stands", n.Blocks[j].Text)
	}
	mu.Unlock()
	// Two versions: the later one is compared with the earlier.
	fyne.DoAndWait(func() { to.SetSelectedIndex(1) }) // "After review"
	eventually(t, "the second comparison", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(news) >= 2 && news[len(news)-1].Blocks[j].Text != "Outages will rise sharply."
	})
	eventually(t, "the text", func() bool { return strings.Contains(text.String(), "to “After review") })
	if from.SelectedIndex() != 1 {
		t.Errorf("From moved to %d", from.SelectedIndex())
	}
	// Saved as a file, whole.
	eventually(t, "the save button", func() bool { return !save.Disabled() })
	fyne.DoAndWait(func() { save.OnTapped() })
	eventually(t, "the form", func() bool { return overlayContains(u, "Save change note") })
	dir := u.app.Preferences().String(prefExportFolder)
	confirmForm(t, u, "Save")
	path := filepath.Join(dir, changeNoteName(c.d.b.Title))
	eventually(t, "the note", func() bool { return overlayContains(u, "Change note saved") })
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the note was not written: %v", err)
	}
	for _, want := range []string{"From Before review", " to After review", "- Reworded: “Outages will rise.” → “Outages will rise sharply.”", "Status: Draft → Final"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("the note lacks %q:\n%s", want, got)
		}
	}
}

func TestWhatChangedSaysSoWhenNothingChanged(t *testing.T) {
	segs := changesSegments(&integrity.Changes{From: "A", To: "B"})
	var s strings.Builder
	for _, seg := range segs {
		s.WriteString(seg.Textual())
	}
	if !strings.Contains(s.String(), "Nothing changed in the key judgments, their evidence, the bottom line, the title or the status.") {
		t.Errorf("an empty comparison says %q", s.String())
	}
}
