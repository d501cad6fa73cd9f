package app

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/domain"
)

func overlays(u *UI) int {
	var n int
	fyne.DoAndWait(func() { n = len(u.win.Canvas().Overlays().List()) })
	return n
}

func TestOneFieldDialogFocusesItsFieldEnterSubmitsEscapeCancels(t *testing.T) {
	fetched := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched++
		http.NotFound(w, r)
	}))
	defer srv.Close()
	u, _ := newTestUI(t)
	dismissOverlays(u)

	fyne.DoAndWait(u.onImportURL)
	if _, ok := u.win.Canvas().Focused().(*dialogEntry); !ok {
		t.Fatalf("the address field has no focus (%T has)", u.win.Canvas().Focused())
	}
	pressKey(u, fyne.KeyEscape)
	if overlays(u) != 0 || fetched != 0 {
		t.Fatalf("Escape left %d dialogs, fetched %d", overlays(u), fetched)
	}

	// Escape over something typed asks first; Escape again keeps editing.
	fyne.DoAndWait(u.onImportURL)
	entry := u.win.Canvas().Focused().(*dialogEntry)
	test.Type(entry, srv.URL+"/missing")
	pressKey(u, fyne.KeyEscape)
	if !overlayContains(u, "Discard your changes?") {
		t.Fatal("Escape dropped a typed address without asking")
	}
	pressKey(u, fyne.KeyEscape)
	if u.win.Canvas().Focused() != entry || entry.Text != srv.URL+"/missing" {
		t.Fatalf("keep editing did not bring the form back as typed (%q)", entry.Text)
	}
	pressKey(u, fyne.KeyReturn)
	// The test driver runs the fetch's UI work on its own goroutine: wait
	// until the error is both showing and known to Escape.
	eventually(t, "the fetch's error", func() bool {
		open := openDialogs[u.win]
		return len(open) > 0 && treeContains(open[len(open)-1].overlay, "404")
	})
	if fetched != 1 {
		t.Fatalf("Enter fetched %d times", fetched)
	}
	if !overlayContains(u, "Nothing imported") || overlayContains(u, "Imported 0 files") {
		t.Fatal("a failed import is not reported as nothing imported")
	}
	// The error is on top of the form that came back: Escape closes the
	// error only, then the form.
	if overlays(u) != 2 {
		t.Fatalf("%d dialogs showing, want the form and the error", overlays(u))
	}
	fyne.DoAndWait(func() { u.win.Canvas().Unfocus() })
	pressKey(u, fyne.KeyEscape)
	if overlays(u) != 1 || overlayContains(u, "404") {
		t.Fatal("Escape did not close the error alone")
	}
	pressKey(u, fyne.KeyEscape)
	confirmForm(t, u, "Discard") // the address is still typed in it
	if overlays(u) != 0 {
		t.Fatal("the second Escape did not close the form")
	}
}

func TestEscapeAnswersNoAndCancelsAForm(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	answer := "none"
	fyne.DoAndWait(func() {
		u.confirm("Question", "Go on?", func(ok bool) { answer = map[bool]string{true: "yes", false: "no"}[ok] })
	})
	pressKey(u, fyne.KeyEscape)
	if answer != "no" || overlays(u) != 0 {
		t.Fatalf("Escape answered %q and left %d dialogs", answer, overlays(u))
	}

	src := importFixture(t, u, lib)
	dismissOverlays(u)
	u.library.reader.open(src.ID, -1)
	eventually(t, "the reader", func() bool { return u.library.reader.source != nil })
	fyne.DoAndWait(u.library.reader.onEditSource)
	title, ok := u.win.Canvas().Focused().(*dialogEntry)
	if !ok || title.Text != src.Title {
		t.Fatalf("the first field (the title) has no focus: %T", u.win.Canvas().Focused())
	}
	test.Type(title, "Changed ")
	pressKey(u, fyne.KeyEscape)
	eventually(t, "the question", func() bool { return overlayContains(u, "Discard your changes?") })
	confirmForm(t, u, "Discard")
	if overlays(u) != 0 {
		t.Fatal("Escape in the title did not close the details form")
	}
	got, _ := lib.Source(context.Background(), src.ID)
	if got.Title != src.Title {
		t.Fatalf("cancelled form saved the title %q", got.Title)
	}
	list, _ := lib.Sources(context.Background(), domain.SourceFilter{})
	if len(list) != 1 {
		t.Fatalf("%d sources", len(list))
	}
}

func TestEveryDialogGoesThroughTheHelper(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "dialogs.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, "dialog.Show") {
				t.Errorf("%s:%d shows a dialog Escape cannot close: use u.confirm, u.inform, u.showCustom or u.showDialog", f, i+1)
			}
		}
	}
}

func TestEscapeInTheNewExcerptFormCancelsIt(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	dismissOverlays(u)
	r := u.library.reader
	r.open(src.ID, -1)
	eventually(t, "the text", func() bool { return r.text.Text() != "" })
	fyne.DoAndWait(func() { r.text.Select(5, 25) })
	fyne.DoAndWait(r.onNewExcerpt)
	note, ok := u.win.Canvas().Focused().(*dialogEntry)
	if !ok || !note.MultiLine {
		t.Fatalf("the note field has no focus (%T has)", u.win.Canvas().Focused())
	}
	test.Type(note, "draft")
	pressKey(u, fyne.KeyEscape)
	confirmForm(t, u, "Keep editing")
	if note.Text != "draft" || findForm(t, u) == nil {
		t.Fatalf("keep editing lost the note: %q", note.Text)
	}
	pressKey(u, fyne.KeyEscape)
	confirmForm(t, u, "Discard")
	if overlays(u) != 0 {
		t.Fatal("Escape in the note left the form open")
	}
	if got, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{SourceID: src.ID}); len(got) != 0 {
		t.Fatal("a cancelled form saved an excerpt")
	}
}
