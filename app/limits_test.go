package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// wantFieldError fails unless the entry, given text, says why before any
// save, and keeps the text whole.
func wantFieldError(t *testing.T, what string, e *widget.Entry, text, want string) {
	t.Helper()
	var err error
	fyne.DoAndWait(func() {
		e.SetText(text)
		err = e.Validate()
	})
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("%s: field says %v, want %q", what, err, want)
	}
	if e.Text != text {
		t.Errorf("%s: the text typed was changed (%d characters left of %d)", what, len(e.Text), len(text))
	}
	fyne.DoAndWait(func() { e.SetText("fine") })
	if err := e.Validate(); err != nil {
		t.Errorf("%s: %q refused: %v", what, "fine", err)
	}
}

func formItem(items []*widget.FormItem, label string) *widget.Entry {
	for _, it := range items {
		if it.Text == label {
			switch w := it.Widget.(type) {
			case *dialogEntry:
				return &w.Entry
			case *widget.Entry:
				return w
			}
		}
	}
	return nil
}

// The forms say a value is too long, or holds a control character, under
// the field and before Save: the library would refuse it.
func TestFormsSayTooLongBeforeSaving(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	var items []*widget.FormItem
	fyne.DoAndWait(func() { items, _ = u.sourceForm(src, nil) })
	long := func(n int) string { return strings.Repeat("y", n) }
	wantFieldError(t, "title", formItem(items, "Title"), long(501), "the source title is 501 characters long, more than the 500 allowed")
	wantFieldError(t, "title escape", formItem(items, "Title"), "Chips \x1b]0;x\x07", "the source title holds an invisible control character (U+001B, escape) at character 7")
	wantFieldError(t, "subtitle", formItem(items, "Subtitle"), long(501), "the source subtitle is 501")
	wantFieldError(t, "authors", formItem(items, "Authors"), "Ann; "+long(501), "author 2: the author's name is 501")
	wantFieldError(t, "publisher", formItem(items, "Publisher"), long(501), "the publisher is 501")
	wantFieldError(t, "url", formItem(items, "URL"), "https://x.org/"+long(8000), "the web address is 8,014")
	wantFieldError(t, "notes", formItem(items, "Notes"), long(10_001), "the note on the source is 10,001")

	f := newExcerptFields()
	wantFieldError(t, "note", &f.note.Entry, long(10_001), "the excerpt note is 10,001 characters long, more than the 10,000 allowed")
	wantFieldError(t, "tags", &f.tags.Entry, "chips, "+long(101), "tag 2: the tag is 101")
	form := widget.NewForm(f.items()...)
	fyne.DoAndWait(func() { f.tags.SetText("red\x1b[31m") })
	if err := form.Validate(); err == nil {
		t.Error("the excerpt form validates with ESC in a tag")
	}
}

// The composer's fields say so too, by the limit of each field and of
// the selected block's type.
func TestComposerFieldsSayTooLong(t *testing.T) {
	u, lib := newTestUI(t)
	ctx := context.Background()
	b := &domain.Briefing{Title: "Limits", Blocks: []*domain.Block{{Type: domain.BlockHeading, Text: "Heading"},
		{Type: domain.BlockCommentary, Text: "Commentary"}}}
	if err := lib.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	c := openInComposer(t, u, b.ID)
	wantFieldError(t, "classified by", c.marking.authority["classifiedBy"], strings.Repeat("S", 201), "is 201")
	wantFieldError(t, "audience", c.fields["audience"], "Minister\x1b[2J", "control character (U+001B, escape)")
	// The status line under the composer says what is wrong as it is typed.
	status := func(what string, e *widget.Entry, text, want string) {
		t.Helper()
		var got string
		var imp widget.Importance
		fyne.DoAndWait(func() { e.SetText(text); got, imp = c.stats.Text, c.stats.Importance })
		if !strings.Contains(got, want) || imp != widget.DangerImportance {
			t.Errorf("%s: the status line says %q (importance %v), want %q", what, got, imp, want)
		}
		if e.Text != text {
			t.Errorf("%s: the text typed was changed", what)
		}
		fyne.DoAndWait(func() { e.SetText("Fine") })
		if strings.Contains(c.stats.Text, want) || c.stats.Importance == widget.DangerImportance {
			t.Errorf("%s: %q still shown once fixed", what, c.stats.Text)
		}
	}
	status("title", c.title, strings.Repeat("t", 501), "The briefing title is 501 characters long, more than the 500 allowed")
	status("summary", &c.summary.Entry, strings.Repeat("s", 5_001), "The bottom line is 5,001 characters long")
	fyne.DoAndWait(func() { c.editBlock(0) })
	status("heading", &c.editor.text.Entry, strings.Repeat("h", 501), "Block 1: the heading is 501 characters long")
	fyne.DoAndWait(func() { c.editBlock(1) })
	status("commentary", &c.editor.text.Entry, strings.Repeat("h", 10_001), "Block 2: the commentary is 10,001 characters long, more than the 10,000 allowed: split it")
}

func openInComposer(t *testing.T, u *UI, id int64) *composer {
	t.Helper()
	fyne.DoAndWait(func() { u.openBriefing(id) })
	c := u.briefings.composer
	eventually(t, "the composer", func() bool { return c.d != nil && c.d.b.ID == id })
	return c
}

// What the limits allow fits the window: a 500-character title in the
// briefing list, the composer and the library, a long bottom line; and
// the composer opens it fast.
func TestLongestAllowedValuesFitTheWindow(t *testing.T) {
	u, lib := newTestUI(t)
	ctx := context.Background()
	words := strings.Repeat("Semiconductor export controls and allied capitals ", 20)
	title := strings.TrimSpace(words[:500])
	src := importFixture(t, u, lib)
	src.Title, src.Subtitle = title, title
	if _, err := lib.UpdateSource(ctx, nil, src); err != nil {
		t.Fatal(err)
	}
	unbroken := strings.Repeat("W", 500) // no space to wrap at
	b := &domain.Briefing{Title: title, Subtitle: unbroken, Summary: strings.Repeat(words, 10)[:domain.BottomLine.Max],
		Scheme: domain.SchemeUS, Classification: "TS//REL TO USA, AUS, CAN, GBR, NZL", Blocks: []*domain.Block{{Type: domain.BlockHeading, Text: unbroken}}}
	if err := lib.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	dismissOverlays(u)
	for _, size := range []fyne.Size{{Width: 800, Height: 600}, {Width: 1280, Height: 800}} {
		resize(u, size)
		start := time.Now()
		c := openInComposer(t, u, b.ID)
		if d := time.Since(start); d > raceSlack*10*time.Second { // 1.3–2.3 s measured; a megabyte took minutes
			t.Errorf("opening the briefing took %v", d)
		} else {
			t.Logf("%v: opened in %v", size, d)
		}
		eventually(t, "the list", func() bool { return len(u.briefings.briefings) == 1 })
		fyne.DoAndWait(func() { c.editBlock(0) })
		checkWindowLayout(t, u, "a 500-character title in the composer")
		fyne.DoAndWait(func() { u.onShowView(viewLibrary) })
		eventually(t, "the sources", func() bool { return len(u.library.sources) == 1 })
		checkWindowLayout(t, u, "a 500-character source title in the library")
		fyne.DoAndWait(func() { u.onShowView(viewBriefings) })
	}
}
