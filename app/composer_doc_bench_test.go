package app

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
)

// BenchmarkComposerOpen1000 opens a briefing of 1,000 blocks in the
// composer at 1280×800, through to its document laid out and drawn (the
// issue asks for at most 300 ms): the draft made, the fields filled, the
// document's items built from export's model and the first screen of
// them measured and drawn.
func BenchmarkComposerOpen1000(b *testing.B) {
	u, full := bigBriefing(b)
	c := u.briefings.composer
	fyne.DoAndWait(func() { u.onShowView(viewBriefings) })
	b.ResetTimer()
	for range b.N {
		fyne.DoAndWait(func() {
			c.d = nil // opened afresh each time, not kept as the same briefing
			c.switchTo(full, nil, false)
			u.win.Content().Refresh()
		})
	}
	b.StopTimer()
	var first, last int
	fyne.DoAndWait(func() { first, last = c.doc.VisibleRange() })
	if c.itemCount() != 1001 || last <= first {
		b.Fatalf("%d items, %d…%d shown", c.itemCount(), first, last)
	}
}

// bigBriefing is a UI at 1280×800 and a briefing of 1,000 blocks in its
// library: 40 sections, 10 judgments, the rest commentary.
func bigBriefing(b *testing.B) (*UI, *domain.Briefing) {
	for _, k := range []string{"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"} {
		b.Setenv(k, b.TempDir())
	}
	a := test.NewTempApp(b)
	lib, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer lib.Close()
	u := New(context.Background(), a, lib)
	u.win.Resize(fyne.NewSize(1280, 800))
	u.win.Show()
	br := &domain.Briefing{Title: "A thousand blocks", Summary: "The bottom line."}
	for i := range 1000 {
		blk := &domain.Block{Type: domain.BlockCommentary, Text: "Commentary " + strconv.Itoa(i) + ": the argument over principle has largely been won; the risk now lies in delivery, budgets and timetables."}
		switch {
		case i%25 == 0:
			blk = &domain.Block{Type: domain.BlockHeading, Text: "Section " + strconv.Itoa(i/25+1)}
		case i%100 == 1:
			blk = &domain.Block{Type: domain.BlockJudgment, Text: "Judgment " + strconv.Itoa(i), Confidence: domain.ConfidenceModerate}
		}
		br.Blocks = append(br.Blocks, blk)
	}
	if err := lib.CreateBriefing(context.Background(), br); err != nil {
		b.Fatal(err)
	}
	full, err := lib.Briefing(context.Background(), br.ID)
	if err != nil {
		b.Fatal(err)
	}
	return u, full
}

// BenchmarkComposerTyping1000 is one keystroke into a block of a
// 1,000-block briefing: the edit recorded, export's model and the
// document's items built again, the changed item redrawn.
func BenchmarkComposerTyping1000(b *testing.B) {
	u, full := bigBriefing(b)
	c := u.briefings.composer
	fyne.DoAndWait(func() {
		u.onShowView(viewBriefings)
		c.switchTo(full, nil, false)
		c.editBlock(500)
	})
	b.ResetTimer()
	for i := range b.N {
		fyne.DoAndWait(func() { c.editor.text.TypedRune(rune('a' + i%26)) })
	}
	b.StopTimer()
	if len(c.d.b.Blocks[500].Text) < b.N {
		b.Fatal("the typing did not reach the block")
	}
}
