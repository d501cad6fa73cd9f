package app

import (
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// Fyne's desktop driver turns a key press into a shortcut and offers it to
// the main menu first, then to the focused widget. It turns Ctrl+Z and
// Ctrl+Y into fyne.ShortcutUndo and fyne.ShortcutRedo (not a
// desktop.CustomShortcut), so the menu items carry those very types, and
// the undo keys are routed here: a text field outside the composer undoes
// its own typing first, everything else undoes the briefing.

// onUndoKey is Edit → Undo, Ctrl+Z wherever focus is.
func (u *UI) onUndoKey() { u.undoOrRedo(true) }

// onRedoKey is Edit → Redo, Ctrl+Shift+Z or Ctrl+Y wherever focus is.
func (u *UI) onRedoKey() { u.undoOrRedo(false) }

// undoOrRedo undoes (or redoes) the focused text field's typing if it is
// not one of the composer's own fields (whose typing is already a briefing
// edit); when that changes nothing, the briefing's edit is undone, if the
// composer is on screen and no dialog covers it.
func (u *UI) undoOrRedo(undo bool) {
	c := u.briefings.composer
	if f := u.win.Canvas().Focused(); f != nil && !c.owns(f) {
		if e, ok := f.(interface {
			Undo()
			Redo()
		}); ok {
			before, known := entryText(f)
			if undo {
				e.Undo()
			} else {
				e.Redo()
			}
			if after, _ := entryText(f); !known || after != before {
				return
			}
		}
	}
	if _, open := u.topDialog(); open {
		return // the briefing behind a dialog would change out of sight
	}
	if c.d == nil || !shownOn(u.win.Canvas(), c.content) {
		return
	}
	if undo {
		c.onUndo()
	} else {
		c.onRedo()
	}
}

// owns reports whether o is one of the composer's own objects: in its
// tabs, its document's header or the block editor (the document widget's
// insides are not walked).
func (c *composer) owns(o any) bool {
	return contains(c.content, o) || contains(c.header, o) || c.editor != nil && contains(c.editor.content, o)
}

// entryText is a text field's text, if its type is known.
func entryText(o any) (string, bool) {
	switch e := o.(type) {
	case *widget.Entry:
		return e.Text, true
	case *widget.SelectEntry:
		return e.Text, true
	case *dialogEntry:
		return e.Text, true
	case *blockEntry:
		return e.Text, true
	case *summaryEntry:
		return e.Text, true
	}
	return "", false
}

// contains reports whether o is in the tree under root, on any tab.
func contains(root fyne.CanvasObject, o any) bool {
	found := false
	walkTree(root, true, func(c fyne.CanvasObject) bool {
		found = found || any(c) == o
		return !found
	})
	return found
}

// shownOn reports whether o is on the canvas and it and every object
// around it are visible (on the selected tab, for tabs).
func shownOn(cv fyne.Canvas, o fyne.CanvasObject) bool {
	var path func(n fyne.CanvasObject) bool
	path = func(n fyne.CanvasObject) bool {
		if n == nil || !n.Visible() {
			return false
		}
		if n == o {
			return true
		}
		for _, ch := range children(n, false) {
			if path(ch) {
				return true
			}
		}
		return false
	}
	return path(cv.Content())
}

// walkTree calls fn on every object under root, depth first, while fn
// returns true; allTabs walks every tab, not only the selected one.
func walkTree(root fyne.CanvasObject, allTabs bool, fn func(fyne.CanvasObject) bool) bool {
	if root == nil || !fn(root) {
		return false
	}
	for _, ch := range children(root, allTabs) {
		if !walkTree(ch, allTabs, fn) {
			return false
		}
	}
	return true
}

// children are the objects a container or a layout widget holds. Other
// widgets' insides are not public (and hold no fields of ours).
func children(o fyne.CanvasObject, allTabs bool) []fyne.CanvasObject {
	switch c := o.(type) {
	case *fyne.Container:
		return c.Objects
	case *container.Split:
		return []fyne.CanvasObject{c.Leading, c.Trailing}
	case *container.Scroll:
		return []fyne.CanvasObject{c.Content}
	case *container.AppTabs:
		return tabContents(c.Items, c.Selected(), allTabs)
	case *container.DocTabs:
		return tabContents(c.Items, c.Selected(), allTabs)
	case *widget.Accordion:
		var out []fyne.CanvasObject
		for _, it := range c.Items {
			if allTabs || it.Open {
				out = append(out, it.Detail)
			}
		}
		return out
	case *widget.Form:
		var out []fyne.CanvasObject
		for _, it := range c.Items {
			out = append(out, it.Widget)
		}
		return out
	}
	return nil
}

func tabContents(items []*container.TabItem, selected *container.TabItem, all bool) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, it := range items {
		if all || it == selected {
			out = append(out, it.Content)
		}
	}
	return out
}

// shortcutText names a shortcut's keys the way the analyst reads them,
// "Ctrl+Shift+Z".
func shortcutText(sc fyne.Shortcut) string {
	ks, ok := sc.(fyne.KeyboardShortcut)
	if !ok {
		return sc.ShortcutName()
	}
	var b strings.Builder
	for _, m := range []struct {
		mod  fyne.KeyModifier
		name string
	}{{fyne.KeyModifierControl, "Ctrl+"}, {fyne.KeyModifierAlt, "Alt+"}, {fyne.KeyModifierShift, "Shift+"}, {fyne.KeyModifierSuper, superName}} {
		if ks.Mod()&m.mod != 0 {
			b.WriteString(m.name)
		}
	}
	return b.String() + string(ks.Key())
}

// extraKeys are the keys no menu item carries, for the shortcuts dialog.
var extraKeys = [][2]string{
	{"Shift+arrows", "Extend the selection in the reader"},
	{"Enter at a block's end", "Start a new commentary after it"},
	{"Shift+Enter", "A new line within a block"},
	{"Ctrl+Enter", "Add the passage beside the draft to it"},
	{"Tab / Shift+Tab", "Next / previous field"},
	{"Enter", "Confirm a one-field dialog"},
	{"Escape", "Close a dialog without saving; stop editing a block"},
}

// shortcutRows lists the main menu's shortcuts as key and action, menu by
// menu; a hidden second key for an item (a separator carrying a shortcut,
// see mainMenu) is added to that item's row.
func shortcutRows(menu *fyne.MainMenu) (sections []string, rows [][][2]string) {
	for _, m := range menu.Items {
		var keys [][2]string
		at := map[string]int{}
		for _, it := range m.Items {
			if it.Shortcut == nil {
				continue
			}
			action := strings.TrimSuffix(it.Label, "…")
			if i, ok := at[action]; ok {
				keys[i][0] += " or " + shortcutText(it.Shortcut)
				continue
			}
			at[action] = len(keys)
			keys = append(keys, [2]string{shortcutText(it.Shortcut), action})
		}
		if len(keys) > 0 {
			sections, rows = append(sections, m.Label), append(rows, keys)
		}
	}
	return append(sections, "Elsewhere"), append(rows, extraKeys)
}

// shortcutsTable shows the rows as two aligned columns, keys then actions.
func shortcutsTable(menu *fyne.MainMenu) fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	sections, rows := shortcutRows(menu)
	for i, s := range sections {
		grid.Add(widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(layout.NewSpacer())
		for _, r := range rows[i] {
			grid.Add(widget.NewLabelWithStyle(r[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
			grid.Add(widget.NewLabel(r[1]))
		}
	}
	return grid
}

func (u *UI) onShortcutsHelp() {
	scroll := container.NewVScroll(shortcutsTable(u.win.MainMenu()))
	scroll.SetMinSize(fyne.NewSize(460, 420))
	u.showCustom("Keyboard shortcuts", "Close", scroll)
}

// superName is the Super key's name: Cmd on a Mac.
var superName = map[bool]string{true: "Cmd+", false: "Super+"}[runtime.GOOS == "darwin"]

// quitShortcut is Ctrl+Q (Cmd+Q on a Mac).
var quitShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}

// toFocused hands a clipboard or selection shortcut (Edit → Cut, Copy,
// Paste, Select all) to the focused widget, as the driver would have if
// the menu did not list it: the menu sees the keys first. A disabled
// text only copies.
func (u *UI) toFocused(sc fyne.Shortcut) {
	f, ok := u.win.Canvas().Focused().(fyne.Shortcutable)
	if !ok {
		return
	}
	if d, ok := f.(fyne.Disableable); ok && d.Disabled() && sc.ShortcutName() != "Copy" {
		return
	}
	f.TypedShortcut(sc)
}
