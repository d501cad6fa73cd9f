package app

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
	"github.com/attache/attache/store"
	"github.com/attache/attache/widgets"
)

// integrityLib is the library with the integrity service kept in memory,
// as the store keeps it, for tests of screens that should not wait on
// the store's own tests.
type integrityLib struct {
	*store.Store
	mu        sync.Mutex
	dismissed map[int64][]*domain.Dismissal
	concerns  []*domain.SourceConcern
	standings map[int64]domain.Standing
	notes     map[int64]string
	checks    []*domain.SourceCheck
	risks     []*domain.BriefingRisk
}

func (l *integrityLib) BriefingsAtRisk(context.Context) ([]*domain.BriefingRisk, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]*domain.BriefingRisk(nil), l.risks...), nil
}

func withIntegrity(u *UI, lib *store.Store) *integrityLib {
	il := &integrityLib{Store: lib, dismissed: map[int64][]*domain.Dismissal{}, standings: map[int64]domain.Standing{}, notes: map[int64]string{}}
	u.lib = il
	return il
}

func (l *integrityLib) Dismissals(_ context.Context, id int64) ([]*domain.Dismissal, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]*domain.Dismissal(nil), l.dismissed[id]...), nil
}

func (l *integrityLib) Dismiss(_ context.Context, d *domain.Dismissal) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	x := *d
	x.At = time.Now()
	l.dismissed[d.BriefingID] = append(l.dismissed[d.BriefingID], &x)
	return nil
}

func (l *integrityLib) Undismiss(_ context.Context, id int64, key string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	var keep []*domain.Dismissal
	for _, d := range l.dismissed[id] {
		if d.Key != key {
			keep = append(keep, d)
		}
	}
	l.dismissed[id] = keep
	return nil
}

func (l *integrityLib) SourceConcerns(context.Context) ([]*domain.SourceConcern, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]*domain.SourceConcern(nil), l.concerns...), nil
}

func (l *integrityLib) SetSourceStanding(_ context.Context, id int64, s domain.Standing, note string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.standings[id], l.notes[id] = s, note
	return nil
}

func (l *integrityLib) RecordSourceCheck(_ context.Context, c *domain.SourceCheck) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	c.ID = int64(len(l.checks) + 1)
	l.checks = append(l.checks, c)
	return nil
}

// fakeChecker flags every "may well" in the bottom line, commentary and
// judgments, as the real checker flags a word of no scale.
func fakeChecker(t *testing.T) {
	old, oldDelay := checkLanguage, checkDelay
	checkDelay = 10 * time.Millisecond
	checkLanguage = func(b *domain.Briefing, dismissed map[string]bool) []integrity.Finding {
		var out []integrity.Finding
		look := func(text string, id int64, idx int) {
			r := []rune(text)
			at := strings.Index(text, "may well")
			if at < 0 {
				return
			}
			start := len([]rune(text[:at]))
			key := "no-scale|" + strconv.FormatInt(id, 10) + "|may well"
			if dismissed[key] {
				return
			}
			out = append(out, integrity.Finding{Code: integrity.FindNoScale, Block: id, Index: idx, Start: start, End: start + 8,
				Words: string(r[start : start+8]), Message: "“may well” is on no scale: use a term of the briefing's scale.", Key: key})
		}
		look(b.Summary, 0, -1)
		for i, blk := range b.Blocks {
			if blk.Type == domain.BlockCommentary || blk.Type == domain.BlockJudgment {
				look(blk.Text, blk.ID, i)
			}
		}
		return out
	}
	t.Cleanup(func() { checkLanguage, checkDelay = old, oldDelay })
}

// firstBlock is the index of the draft's first block of type t.
func firstBlock(t *testing.T, c *composer, typ domain.BlockType) int {
	t.Helper()
	for i, blk := range c.d.b.Blocks {
		if blk.Type == typ {
			return i
		}
	}
	t.Fatalf("the briefing has no %s block", typ)
	return -1
}

// checkRows are the rows of the checks panel, as text.
func checkRows(p *checksPanel) []*checkRow {
	var out []*checkRow
	walk(p.list, func(o fyne.CanvasObject) {
		if r, ok := o.(*checkRow); ok {
			out = append(out, r)
		}
	})
	return out
}

func checkRowWith(p *checksPanel, text string) *checkRow {
	for _, r := range checkRows(p) {
		if strings.Contains(r.label.Text, text) {
			return r
		}
	}
	return nil
}

// buttonBeside is the button in the same row as r ("Dismiss…").
func buttonBeside(p *checksPanel, r *checkRow, label string) *widget.Button {
	for _, o := range p.list.Objects {
		row, ok := o.(*fyne.Container)
		if !ok || len(row.Objects) < 2 || row.Objects[0] != r {
			continue
		}
		if b, ok := row.Objects[1].(*widget.Button); ok && b.Text == label {
			return b
		}
	}
	return nil
}

func TestCheckerMarksTheWordsAndDismissalKeepsThemQuiet(t *testing.T) {
	fakeChecker(t)
	u, lib := openSampleBriefing(t)
	il := withIntegrity(u, lib)
	c := u.briefings.composer
	var i int
	fyne.DoAndWait(func() {
		i = firstBlock(t, c, domain.BlockCommentary)
		c.d.edit(func(b *domain.Briefing) { b.Blocks[i].Text = "Prices may well rise before winter." })
		c.updateStats()
	})
	item := -1
	eventually(t, "the words marked", func() bool {
		item = c.blockItem(i)
		m := c.doc.Marks(item)
		return len(m) == 1 && m[0] == widgets.DocMark{Start: 7, End: 15}
	})
	var row *checkRow
	fyne.DoAndWait(func() { row = checkRowWith(c.checks, "“may well”") })
	if row == nil {
		t.Fatal("the finding is not listed")
	}
	if !strings.Contains(row.label.Text, "Commentary “Prices may well") {
		t.Errorf("the finding does not name its block: %q", row.label.Text)
	}
	fyne.DoAndWait(func() { test.Tap(row) })
	fyne.DoAndWait(func() {
		if c.selected != i || c.editor == nil {
			t.Fatalf("tapping the finding edits block %d, want %d", c.selected, i)
		}
		if got := c.editor.text.SelectedText(); got != "may well" {
			t.Errorf("tapping the finding selects %q, want the words", got)
		}
	})
	// Dismissed with a note: kept, and gone from the view.
	fyne.DoAndWait(func() { test.Tap(buttonBeside(c.checks, checkRowWith(c.checks, "“may well”"), "Dismiss…")) })
	var note *dialogEntry
	walkOverlays(u, func(o fyne.CanvasObject) {
		if e, ok := o.(*dialogEntry); ok {
			note = e
		}
	})
	if note == nil {
		t.Fatal("Dismiss… asks for no note")
	}
	fyne.DoAndWait(func() { test.Type(note, "the source's own words") })
	confirmForm(t, u, "Dismiss")
	eventually(t, "the dismissal", func() bool { return len(c.doc.Marks(c.blockItem(i))) == 0 })
	ds, _ := il.Dismissals(context.Background(), c.d.b.ID)
	if len(ds) != 1 || ds[0].Note != "the source's own words" || ds[0].Words != "may well" {
		t.Fatalf("dismissals kept: %+v", ds)
	}
	// Typing elsewhere checks again: the dismissed words stay quiet.
	fyne.DoAndWait(func() {
		c.d.edit(func(b *domain.Briefing) { b.Title += " (rev)" })
		c.updateStats()
	})
	time.Sleep(50 * time.Millisecond)
	fyne.DoAndWait(pumpUI)
	fyne.DoAndWait(func() {
		if r := checkRowWith(c.checks, "Commentary “Prices"); r != nil {
			t.Errorf("a dismissed finding came back: %q", r.label.Text)
		}
	})
	// Show dismissed, then bring it back.
	fyne.DoAndWait(func() { c.checks.showDis.SetChecked(true) })
	var back *widget.Button
	fyne.DoAndWait(func() {
		r := checkRowWith(c.checks, "Dismissed: “may well” — the source's own words")
		if r == nil {
			t.Fatal("Show dismissed does not list it with its note")
		}
		back = buttonBeside(c.checks, r, "Bring back")
	})
	fyne.DoAndWait(func() { test.Tap(back) })
	eventually(t, "the finding back", func() bool { return len(c.doc.Marks(c.blockItem(i))) == 1 })
	if ds, _ := il.Dismissals(context.Background(), c.d.b.ID); len(ds) != 0 {
		t.Errorf("still dismissed in the library: %+v", ds)
	}
}

func TestCheckerFindingInTheBottomLineSelectsItThere(t *testing.T) {
	fakeChecker(t)
	u, lib := openSampleBriefing(t)
	withIntegrity(u, lib)
	c := u.briefings.composer
	fyne.DoAndWait(func() { c.summary.SetText("Talks may well fail.") })
	var row *checkRow
	eventually(t, "the finding", func() bool { row = checkRowWith(c.checks, "Bottom line: “may well”"); return row != nil })
	fyne.DoAndWait(func() { test.Tap(row) })
	fyne.DoAndWait(func() {
		if got := c.summary.SelectedText(); got != "may well" {
			t.Errorf("the bottom line's words selected: %q", got)
		}
	})
}

func TestChecksListTheBlocksOnTroubledSources(t *testing.T) {
	fakeChecker(t)
	oldRisks := checkRisks
	t.Cleanup(func() { checkRisks = oldRisks })
	u, lib := openSampleBriefing(t)
	il := withIntegrity(u, lib)
	c := u.briefings.composer
	var judgment int64
	fyne.DoAndWait(func() { judgment = c.d.b.Blocks[firstBlock(t, c, domain.BlockJudgment)].ID })
	il.concerns = []*domain.SourceConcern{{SourceID: 1, Title: "Report", Concerns: []domain.Concern{domain.ConcernRetracted}}}
	var got map[int64]*domain.SourceConcern
	checkRisks = func(b *domain.Bundle, concerns map[int64]*domain.SourceConcern) []integrity.Risk {
		got = concerns
		return []integrity.Risk{{Kind: integrity.RiskLoseSupport, Block: judgment, SourceID: 1,
			Message: "Key judgment 1 loses its support: “Report” was retracted. Link other evidence or revise the judgment."}}
	}
	// A recheck or a standing elsewhere refreshes the open briefing: its
	// checks run again with no edit.
	fyne.DoAndWait(c.refresh)
	var row *checkRow
	eventually(t, "the risk listed", func() bool { row = checkRowWith(c.checks, "loses its support"); return row != nil })
	if got[1] == nil {
		t.Error("the risks were not given the library's concerns")
	}
	fyne.DoAndWait(func() {
		if !strings.Contains(c.checks.head.Text, "1 block on troubled sources") {
			t.Errorf("the bar says %q", c.checks.head.Text)
		}
		test.Tap(row)
		if blk := c.selectedBlock(); blk == nil || blk.ID != judgment {
			t.Error("tapping the risk does not go to the judgment")
		}
	})
}

func TestCheckerTipOverTheMarkedWordsSaysTheFinding(t *testing.T) {
	fakeChecker(t)
	u, lib := openSampleBriefing(t)
	withIntegrity(u, lib)
	c := u.briefings.composer
	var i int
	fyne.DoAndWait(func() {
		i = firstBlock(t, c, domain.BlockCommentary)
		c.d.edit(func(b *domain.Briefing) { b.Blocks[i].Text = "Prices may well rise." })
		c.updateStats()
	})
	eventually(t, "the words marked", func() bool { return len(c.doc.Marks(c.blockItem(i))) == 1 })
	fyne.DoAndWait(func() {
		if got := c.doc.MarkTip(c.blockItem(i), widgets.DocMark{Start: 7, End: 15}); !strings.Contains(got, "is on no scale") {
			t.Errorf("the tip over the words says %q", got)
		}
	})
}

func TestChecksListFoldsInASmallWindowUntilOpened(t *testing.T) {
	fakeChecker(t)
	u, lib := openSampleBriefing(t)
	withIntegrity(u, lib)
	c := u.briefings.composer
	fyne.DoAndWait(func() {
		i := firstBlock(t, c, domain.BlockCommentary)
		c.d.edit(func(b *domain.Briefing) {
			b.Blocks[i].Text = "Prices may well rise. Costs may well rise. Wages may well rise."
		})
		c.updateStats()
	})
	eventually(t, "the finding", func() bool { return checkRowWith(c.checks, "“may well”") != nil })
	for _, step := range []struct {
		size   fyne.Size
		toggle bool
		open   bool
	}{{fyne.NewSize(1920, 1080), false, true}, {fyne.NewSize(1280, 800), false, false}, {fyne.NewSize(800, 600), false, false}, {fyne.NewSize(800, 600), true, true}} {
		resize(u, step.size)
		fyne.DoAndWait(func() {
			if step.toggle {
				test.Tap(c.checks.toggle)
			}
			c.edit.(*fyne.Container).Refresh()
			shown := c.checks.scroll.Visible() && c.checks.scroll.Size().Height > 0
			if shown != step.open {
				t.Errorf("at %v (toggled %v) the list is shown: %v", step.size, step.toggle, shown)
			}
			if c.doc.Size().Height < step.size.Height/2 && !step.toggle {
				t.Errorf("at %v the document keeps %v", step.size, c.doc.Size())
			}
			// Opened by hand in a small window, it shows the rows it has,
			// up to half the tab, rather than a row and a half.
			row := widget.NewLabel("Mg").MinSize().Height
			if want := min(c.checks.list.MinSize().Height, 3*row); step.toggle && c.checks.scroll.Size().Height < want {
				t.Errorf("at %v, opened, the list is %v high for %v of rows", step.size, c.checks.scroll.Size().Height, c.checks.list.MinSize().Height)
			}
		})
	}
}

// Found by a trial: a judgment that lost its support said so only last
// in the checks list. It now comes first, and its card in the document
// is tagged, as a quote on a retracted source is.
func TestALostSupportIsListedFirstAndTaggedOnTheCard(t *testing.T) {
	fakeChecker(t)
	oldRisks := checkRisks
	t.Cleanup(func() { checkRisks = oldRisks })
	u, lib := openSampleBriefing(t)
	withIntegrity(u, lib)
	c := u.briefings.composer
	var judgment, quote int64
	fyne.DoAndWait(func() {
		judgment = c.d.b.Blocks[firstBlock(t, c, domain.BlockJudgment)].ID
		quote = c.d.b.Blocks[firstBlock(t, c, domain.BlockExcerpt)].ID
		i := firstBlock(t, c, domain.BlockCommentary)
		c.d.edit(func(b *domain.Briefing) { b.Blocks[i].Text = "Prices may well rise." })
	})
	lost := "Key judgment 1 loses its support: “Report” was retracted."
	checkRisks = func(*domain.Bundle, map[int64]*domain.SourceConcern) []integrity.Risk {
		return []integrity.Risk{
			{Kind: integrity.RiskExcerpt, Block: quote, Concerns: []domain.Concern{domain.ConcernRetracted}, Message: "The quote's source was retracted."},
			{Kind: integrity.RiskSupport, Block: judgment, Concerns: []domain.Concern{domain.ConcernRetracted}, Message: "Key judgment 1 rests on “Report”."},
			{Kind: integrity.RiskLoseSupport, Block: judgment, Message: lost}}
	}
	fyne.DoAndWait(c.refresh)
	eventually(t, "the checks", func() bool {
		return checkRowWith(c.checks, "“may well”") != nil && checkRowWith(c.checks, lost) != nil
	})
	fyne.DoAndWait(func() {
		if !strings.HasPrefix(c.checks.head.Text, "Checks: 1 judgment lost its support · ") {
			t.Errorf("the bar reads %q", c.checks.head.Text)
		}
		first, ok := c.checks.list.Objects[0].(*checkRow)
		if !ok || first != checkRowWith(c.checks, lost) {
			t.Errorf("the lost support is not listed first")
		}
		ji, qi := c.blockItem(blockIndexByID(c.d.b, judgment)), c.blockItem(blockIndexByID(c.d.b, quote))
		if tag := c.model.items[ji].Tag; !strings.Contains(tag, "lost its support") {
			t.Errorf("the judgment's card is tagged %q", tag)
		}
		if tag := c.model.items[qi].Tag; !strings.Contains(tag, "source retracted") {
			t.Errorf("the quote's card is tagged %q", tag)
		}
	})
}
