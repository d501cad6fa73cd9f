package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// driverShortcut is the shortcut Fyne's desktop driver makes of a key
// pressed with modifiers (Linux and Windows; see triggersShortcut in
// fyne/v2/internal/driver/glfw/window.go), nil for none.
func driverShortcut(key fyne.KeyName, mods fyne.KeyModifier) fyne.Shortcut {
	if mods == fyne.KeyModifierControl {
		switch key {
		case fyne.KeyZ:
			return &fyne.ShortcutUndo{}
		case fyne.KeyY:
			return &fyne.ShortcutRedo{}
		case fyne.KeyV:
			return &fyne.ShortcutPaste{}
		case fyne.KeyC, fyne.KeyInsert:
			return &fyne.ShortcutCopy{}
		case fyne.KeyX:
			return &fyne.ShortcutCut{}
		case fyne.KeyA:
			return &fyne.ShortcutSelectAll{}
		}
	}
	if mods == 0 || mods == fyne.KeyModifierShift {
		return nil
	}
	return &desktop.CustomShortcut{KeyName: key, Modifier: mods}
}

// pressShortcut delivers key with mods as the driver does: to the main
// menu first (every item, separators too, by shortcut name), then to the
// focused widget, then to the canvas.
func pressShortcut(t *testing.T, u *UI, key fyne.KeyName, mods fyne.KeyModifier) {
	t.Helper()
	sc := driverShortcut(key, mods)
	if sc == nil {
		t.Fatalf("%s with %v is no shortcut", key, mods)
	}
	fyne.DoAndWait(func() {
		if triggerMenu(u.win.MainMenu().Items, sc) {
			return
		}
		if f, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok {
			f.TypedShortcut(sc)
			return
		}
		if s, ok := u.win.Canvas().(fyne.Shortcutable); ok {
			s.TypedShortcut(sc)
		}
	})
}

func triggerMenu(menus []*fyne.Menu, sc fyne.Shortcut) bool {
	for _, m := range menus {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				it.Action()
				return true
			}
			if it.ChildMenu != nil && triggerMenu([]*fyne.Menu{it.ChildMenu}, sc) {
				return true
			}
		}
	}
	return false
}

// pressKey delivers a key without modifiers as the driver does: to the
// focused widget, or to the canvas when nothing has focus.
func pressKey(u *UI, key fyne.KeyName) {
	fyne.DoAndWait(func() {
		ev := &fyne.KeyEvent{Name: key}
		if f := u.win.Canvas().Focused(); f != nil {
			f.TypedKey(ev)
		} else if h := u.win.Canvas().OnTypedKey(); h != nil {
			h(ev)
		}
	})
}

// menuShortcuts are the main menu's items that carry a shortcut.
func menuShortcuts(u *UI) []*fyne.MenuItem {
	var out []*fyne.MenuItem
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				out = append(out, it)
			}
		}
	}
	return out
}

func focus(t *testing.T, u *UI, f fyne.Focusable) {
	t.Helper()
	fyne.DoAndWait(func() { u.win.Canvas().Focus(f) })
	if u.win.Canvas().Focused() != f {
		t.Fatalf("could not focus %T", f)
	}
}

func TestEveryMenuShortcutWorksInsideATextField(t *testing.T) {
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	items := menuShortcuts(u)
	ran := map[*fyne.MenuItem]int{}
	for _, it := range items {
		it.Action = func() { ran[it]++ }
	}
	names := map[string]bool{}
	for _, it := range items {
		names[shortcutText(it.Shortcut)] = true
	}
	for _, k := range []string{"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+Q", "Ctrl+L", "Ctrl+,"} {
		if !names[k] {
			t.Errorf("no menu item has %s", k)
		}
	}
	fields := []struct {
		view view
		f    fyne.Focusable
	}{{viewLibrary, u.library.search}, {viewBriefings, c.title}, {viewBriefings, c.summary}}
	for _, fd := range fields {
		fyne.DoAndWait(func() { u.onShowView(fd.view) })
		for _, it := range items {
			focus(t, u, fd.f)
			ks := it.Shortcut.(fyne.KeyboardShortcut)
			before := ran[it]
			pressShortcut(t, u, ks.Key(), ks.Mod())
			if ran[it] != before+1 {
				t.Errorf("%s (%s) did nothing with focus in a %T", it.Label, shortcutText(it.Shortcut), fd.f)
			}
		}
	}
}

func TestCtrlZInAComposerFieldUndoesTheBriefing(t *testing.T) {
	// No save lands between the keys: Fyne's test driver would run it
	// beside them, where the real event loop runs it between.
	setAutosave(t, time.Hour)
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	title := c.d.b.Title
	focus(t, u, c.title)
	pressKey(u, fyne.KeyEnd)
	typeOnUI(c.title, " (draft)")
	if c.d.b.Title != title+" (draft)" {
		t.Fatalf("typing gave %q", c.d.b.Title)
	}
	pressShortcut(t, u, fyne.KeyZ, fyne.KeyModifierControl)
	if c.d.b.Title != title || c.title.Text != title {
		t.Fatalf("Ctrl+Z left the title %q (field %q), want %q", c.d.b.Title, c.title.Text, title)
	}
	pressShortcut(t, u, fyne.KeyZ, fyne.KeyModifierControl|fyne.KeyModifierShift)
	if c.d.b.Title != title+" (draft)" {
		t.Fatalf("Ctrl+Shift+Z left the title %q", c.d.b.Title)
	}
	pressShortcut(t, u, fyne.KeyZ, fyne.KeyModifierControl)
	pressShortcut(t, u, fyne.KeyY, fyne.KeyModifierControl)
	if c.d.b.Title != title+" (draft)" {
		t.Fatalf("Ctrl+Y left the title %q", c.d.b.Title)
	}
	// An edit that was not typed (a new block) is undone from a field too.
	n := len(c.d.b.Blocks)
	fyne.DoAndWait(func() { c.onAdd(domain.BlockHeading) })
	focus(t, u, c.summary)
	pressShortcut(t, u, fyne.KeyZ, fyne.KeyModifierControl)
	if len(c.d.b.Blocks) != n {
		t.Fatalf("Ctrl+Z in the summary left %d blocks, want %d", len(c.d.b.Blocks), n)
	}
}

func TestCtrlZInADialogUndoesItsTypingNeverTheBriefingBehind(t *testing.T) {
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	title := c.d.b.Title
	fyne.DoAndWait(func() { c.title.SetText("Renamed") })
	fyne.DoAndWait(c.onPickExcerpt)
	search, ok := u.win.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("the excerpt picker's search field has no focus (%T has)", u.win.Canvas().Focused())
	}
	test.Type(search, "chips")
	pressShortcut(t, u, fyne.KeyZ, fyne.KeyModifierControl)
	if search.Text != "" || c.d.b.Title != "Renamed" {
		t.Fatalf("first Ctrl+Z: search %q, title %q; want the typing undone only", search.Text, c.d.b.Title)
	}
	// With nothing left to undo in the field, the briefing behind the
	// dialog is left be: it would change out of sight.
	pressShortcut(t, u, fyne.KeyZ, fyne.KeyModifierControl)
	if c.d.b.Title != "Renamed" {
		t.Fatalf("second Ctrl+Z under the dialog changed the title to %q", c.d.b.Title)
	}
	dismissOverlays(u)
	pressShortcut(t, u, fyne.KeyZ, fyne.KeyModifierControl)
	if c.d.b.Title != title {
		t.Fatalf("Ctrl+Z once the dialog closed left the title %q, want %q", c.d.b.Title, title)
	}
	// Outside the briefings view, Ctrl+Z in a field leaves the briefing be.
	fyne.DoAndWait(func() { u.onShowView(viewLibrary) })
	focus(t, u, u.library.search)
	pressShortcut(t, u, fyne.KeyZ, fyne.KeyModifierControl|fyne.KeyModifierShift)
	if c.d.b.Title != title {
		t.Fatalf("Ctrl+Shift+Z in the library redid the briefing: %q", c.d.b.Title)
	}
}

func TestCtrlQSavesAndCloses(t *testing.T) {
	withDelays(t, time.Hour, time.Hour)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	focus(t, u, c.title)
	pressKey(u, fyne.KeyEnd)
	typeOnUI(c.title, " — final")
	want := c.d.b.Title
	pressShortcut(t, u, fyne.KeyQ, fyne.KeyModifierControl)
	b, err := lib.Briefing(context.Background(), c.d.b.ID)
	if err != nil || b.Title != want {
		t.Fatalf("after Ctrl+Q the library holds %q (%v), want %q", b.Title, err, want)
	}
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w == u.win {
			t.Fatal("Ctrl+Q left the window open")
		}
	}
}

func TestShortcutsDialogListsEveryMenuShortcutInColumns(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(u.onShortcutsHelp)
	labels := map[string]*widget.Label{}
	walkOverlays(u, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			labels[l.Text] = l
		}
	})
	var keyX, actionX float32 = -1, -1
	for _, it := range menuShortcuts(u) {
		k := shortcutText(it.Shortcut)
		var key *widget.Label
		for text, l := range labels {
			if text == k || strings.HasPrefix(text, k+" or ") || strings.HasSuffix(text, " or "+k) {
				key = l
			}
		}
		action := labels[strings.TrimSuffix(it.Label, "…")]
		if key == nil || action == nil {
			t.Errorf("the dialog lacks %s (%s)", it.Label, k)
			continue
		}
		if keyX < 0 {
			keyX, actionX = key.Position().X, action.Position().X
		}
		if key.Position().X != keyX || action.Position().X != actionX || actionX <= keyX {
			t.Errorf("%s is not in the key and action columns: at %v and %v", it.Label, key.Position(), action.Position())
		}
		if key.Position().Y != action.Position().Y {
			t.Errorf("%s: key and action on different rows", it.Label)
		}
	}
	if labels["Shift+arrows"] == nil {
		t.Error("the reader's Shift+arrows are not listed")
	}
}

// Cut, Copy, Paste and Select all are in the Edit menu, and their keys
// (which the menu now sees first) still reach the focused field.
func TestClipboardKeysReachTheFocusedField(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	s := u.library.search
	fyne.DoAndWait(func() { s.SetText("export controls") })
	focus(t, u, s)
	pressShortcut(t, u, fyne.KeyA, fyne.KeyModifierControl)
	pressShortcut(t, u, fyne.KeyX, fyne.KeyModifierControl)
	if s.Text != "" || u.app.Clipboard().Content() != "export controls" {
		t.Fatalf("after Ctrl+A, Ctrl+X the field holds %q and the clipboard %q", s.Text, u.app.Clipboard().Content())
	}
	pressShortcut(t, u, fyne.KeyV, fyne.KeyModifierControl)
	pressShortcut(t, u, fyne.KeyV, fyne.KeyModifierControl)
	if s.Text != "export controlsexport controls" {
		t.Fatalf("after pasting twice the field holds %q", s.Text)
	}
	pressShortcut(t, u, fyne.KeyA, fyne.KeyModifierControl)
	pressShortcut(t, u, fyne.KeyC, fyne.KeyModifierControl)
	if u.app.Clipboard().Content() != "export controlsexport controls" {
		t.Fatalf("Ctrl+C copied %q", u.app.Clipboard().Content())
	}
	labels := map[string]bool{}
	for _, it := range u.win.MainMenu().Items[1].Items {
		labels[it.Label] = true
	}
	for _, l := range []string{"Cut", "Copy", "Paste", "Select all"} {
		if !labels[l] {
			t.Errorf("the Edit menu has no %s", l)
		}
	}
}
