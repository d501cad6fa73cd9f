package app

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/settings"
)

// pressTab moves the focus as Fyne's desktop driver does: a focused
// widget that accepts Tab gets it as a key, otherwise the focus moves.
func pressTab(u *UI, back bool) {
	fyne.DoAndWait(func() {
		cv := u.win.Canvas()
		if t, ok := cv.Focused().(fyne.Tabbable); ok && t.AcceptsTab() {
			cv.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
			return
		}
		if back {
			cv.FocusPrevious()
		} else {
			cv.FocusNext()
		}
	})
}

// chooser is a drop-down, whichever widget type makes it.
type chooser interface {
	fyne.Focusable
	SelectedIndex() int
	SetSelected(string)
}

// overlayChooser is the drop-down in the top dialog holding option.
func overlayChooser(t *testing.T, u *UI, option string) chooser {
	t.Helper()
	var found chooser
	fyne.DoAndWait(func() {
		top := u.win.Canvas().Overlays().Top()
		walk(top, func(c fyne.CanvasObject) {
			if ch, ok := c.(chooser); ok && found == nil && strings.Contains(optionsOf(c), option) {
				found = ch
			}
		})
	})
	if found == nil {
		t.Fatalf("no drop-down offering %q", option)
	}
	return found
}

// optionsOf is a drop-down's options, joined (Options is a field of Fyne's
// Select, also where another type embeds it).
func optionsOf(o fyne.CanvasObject) string {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return ""
	}
	f := v.Elem().FieldByName("Options")
	if !f.IsValid() {
		return ""
	}
	opts, _ := f.Interface().([]string)
	return strings.Join(opts, "|")
}

// Escape closes the dialog on top whatever has focus in it: a drop-down
// used just before, in Settings and Export; with changes Settings asks
// first, while Export, whose choices are kept only by an export, does not.
func TestEscapeClosesADialogFromItsDropDown(t *testing.T) {
	u, _ := openSampleBriefing(t)
	for _, d := range []struct {
		name, option string
		open         func()
		asks         bool
	}{{"Settings", "Dark", u.onSettings, true}, {"Export", "Markdown", u.briefings.composer.onExport, false}} {
		fyne.DoAndWait(d.open)
		sel := overlayChooser(t, u, d.option)
		focus(t, u, sel)
		pressKey(u, fyne.KeyEscape)
		if overlays(u) != 0 {
			t.Fatalf("Escape on the %s dialog's drop-down left %d dialogs", d.name, overlays(u))
		}
		fyne.DoAndWait(d.open)
		sel = overlayChooser(t, u, d.option)
		focus(t, u, sel)
		fyne.DoAndWait(func() { sel.SetSelected(d.option) })
		pressKey(u, fyne.KeyEscape)
		if asked := overlayContains(u, "Discard your changes?"); asked != d.asks {
			t.Fatalf("Escape after choosing %s in %s: asked %v, want %v", d.option, d.name, asked, d.asks)
		}
		if d.asks {
			confirmForm(t, u, "Discard")
		}
		if overlays(u) != 0 {
			t.Fatalf("Discard left %d dialogs", overlays(u))
		}
	}
	if th := u.app.Preferences().String(prefTheme); th == "Dark" {
		t.Fatal("a discarded theme choice was saved")
	}
}

// Tab leaves the note for the tags, Shift+Tab comes back, and no tab
// character is typed; Ctrl+Enter in the note saves the excerpt.
func TestNewExcerptByKeyboard(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	dismissOverlays(u)
	r := u.library.reader
	r.open(src.ID, -1)
	eventually(t, "the reader", func() bool { return r.source != nil })
	fyne.DoAndWait(func() { r.text.Select(0, 40); r.onNewExcerpt() })
	note, ok := u.win.Canvas().Focused().(*dialogEntry)
	if !ok || !note.MultiLine {
		t.Fatalf("the note has no focus (%T has)", u.win.Canvas().Focused())
	}
	test.Type(note, "Key line")
	pressTab(u, false)
	tags, ok := u.win.Canvas().Focused().(*dialogEntry)
	if !ok || tags == note || strings.Contains(note.Text, "\t") {
		t.Fatalf("Tab in the note typed %q and left the focus on %T", note.Text, u.win.Canvas().Focused())
	}
	test.Type(tags, "chips")
	pressTab(u, true)
	if u.win.Canvas().Focused() != note {
		t.Fatal("Shift+Tab did not come back to the note")
	}
	pressKey(u, fyne.KeyReturn) // a line break in a multi-line field
	if overlays(u) != 1 || !strings.Contains(note.Text, "\n") {
		t.Fatalf("Enter in the note did not break the line (%q, %d dialogs)", note.Text, overlays(u))
	}
	pressShortcut(t, u, fyne.KeyReturn, fyne.KeyModifierControl)
	eventually(t, "the saved excerpt", func() bool {
		exs, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{})
		return len(exs) == 1 && exs[0].Note == "Key line" && len(exs[0].Tags) == 1
	})
	if overlays(u) != 0 {
		t.Fatalf("Ctrl+Enter left %d dialogs", overlays(u))
	}
}

// Enter in a one-line field of a form of several confirms it, and an
// information closes on Enter.
func TestEnterConfirmsFormsAndClosesInformation(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(u.onSettings)
	name := u.win.Canvas().Focused().(*dialogEntry) // the first field: the analyst's name
	test.Type(name, "J. Analyst")
	pressKey(u, fyne.KeyReturn)
	if got := u.app.Preferences().String(settings.UserName); got != "J. Analyst" || overlays(u) != 0 {
		t.Fatalf("Enter in Settings saved %q and left %d dialogs", got, overlays(u))
	}

	// A form whose only field is a drop-down, focused or not.
	for _, focusIt := range []bool{false, true} {
		chosen := ""
		fyne.DoAndWait(func() {
			pick := widget.NewSelect([]string{"First", "Second"}, nil) // as Add to briefing makes it
			pick.SetSelectedIndex(0)
			items := []*widget.FormItem{{Text: "Briefing", Widget: pick}}
			u.showForm("Pick", "Add", items, fyne.NewSize(400, 200), func(func()) { chosen = pick.Selected })
		})
		sel := overlayChooser(t, u, "Second")
		fyne.DoAndWait(func() { sel.SetSelected("Second") })
		if focusIt {
			focus(t, u, sel)
		} else {
			fyne.DoAndWait(func() { u.win.Canvas().Unfocus() })
		}
		pressKey(u, fyne.KeyReturn)
		if chosen != "Second" || overlays(u) != 0 {
			t.Fatalf("Enter (drop-down focused: %v) chose %q and left %d dialogs", focusIt, chosen, overlays(u))
		}
	}

	fyne.DoAndWait(func() { u.inform("Done", "It is done.") })
	pressKey(u, fyne.KeyReturn)
	if overlays(u) != 0 {
		t.Fatal("Enter did not close an information")
	}
	fyne.DoAndWait(func() { u.briefings.composer.exported("/tmp/never-written.pdf") })
	pressKey(u, fyne.KeyReturn)
	if overlays(u) != 0 {
		t.Fatal("Enter did not close the Exported dialog")
	}
}

// The composer's excerpt picker: Down moves the highlight, Enter adds it.
func TestExcerptPickerByKeyboard(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	before := len(c.d.b.Blocks)
	exs, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{Limit: 500})
	uses := func(id int64) int {
		n := 0
		for _, b := range c.d.b.Blocks {
			if b.Type == domain.BlockExcerpt && b.ExcerptID == id {
				n++
			}
		}
		return n
	}
	had := uses(exs[1].ID)
	fyne.DoAndWait(c.onPickExcerpt)
	if _, ok := u.win.Canvas().Focused().(*dialogEntry); !ok {
		t.Fatal("the picker's search has no focus")
	}
	pressKey(u, fyne.KeyDown)
	pressKey(u, fyne.KeyDown)
	pressKey(u, fyne.KeyUp)
	pressKey(u, fyne.KeyReturn)
	eventually(t, "the added block", func() bool { return len(c.d.b.Blocks) == before+1 })
	if overlays(u) != 0 {
		t.Fatal("the picker stayed open")
	}
	if uses(exs[1].ID) != had+1 {
		t.Fatalf("Down, Down, Up, Enter did not add the second excerpt (%d)", exs[1].ID)
	}
}

// Escape closes the Trash in one press after a row was clicked, which
// gives its list the focus.
func TestEscapeClosesTheTrashFromItsList(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.showTrash() })
	var list fyne.Focusable
	walkOverlays(u, func(c fyne.CanvasObject) {
		if f, ok := c.(fyne.Focusable); ok && list == nil && strings.HasSuffix(reflect.TypeOf(c).String(), "List") {
			list = f
		}
	})
	if list == nil {
		t.Fatal("the Trash shows no list")
	}
	focus(t, u, list)
	pressKey(u, fyne.KeyEscape)
	if overlays(u) != 0 {
		t.Fatal("Escape with the focus on the Trash's list left it open")
	}
}

// Enter in a field of the import details saves them as corrected.
func TestEnterSavesTheImportDetails(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	eventually(t, "the details form", func() bool { return overlayContains(u, "Imported — check the details") })
	title := u.win.Canvas().Focused().(*dialogEntry)
	fyne.DoAndWait(func() { title.SetText("") })
	test.Type(title, "Chip controls, by Enter")
	pressKey(u, fyne.KeyReturn)
	eventually(t, "the saved title", func() bool {
		got, _ := lib.Source(context.Background(), src.ID)
		return got.Title == "Chip controls, by Enter"
	})
	if overlayContains(u, "Imported — check the details") {
		t.Fatal("the details form stayed open after Enter")
	}
}

// Tab reaches a question's buttons; Escape there still answers no, and
// Enter presses the focused button.
func TestEscapeFromAQuestionsButtonAnswersNo(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	answer := "none"
	ask := func() {
		fyne.DoAndWait(func() {
			u.confirm("Question", "Go on?", func(ok bool) { answer = map[bool]string{true: "yes", false: "no"}[ok] })
		})
	}
	ask()
	pressTab(u, false)
	if u.win.Canvas().Focused() == nil {
		t.Fatal("Tab focused none of the question's buttons")
	}
	pressKey(u, fyne.KeyEscape)
	if answer != "no" || overlays(u) != 0 {
		t.Fatalf("Escape on a focused button answered %q and left %d dialogs", answer, overlays(u))
	}
	ask()
	pressTab(u, true) // the last button: Yes
	pressKey(u, fyne.KeyReturn)
	if answer != "yes" || overlays(u) != 0 {
		t.Fatalf("Enter on the focused Yes answered %q and left %d dialogs", answer, overlays(u))
	}
}
