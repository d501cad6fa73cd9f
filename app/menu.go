package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
)

func shortcut(key fyne.KeyName, mods fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | mods}
}

func (u *UI) mainMenu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
		m := fyne.NewMenuItem(label, fn)
		m.Shortcut = sc
		return m
	}
	file := fyne.NewMenu("File",
		item("Import files…", shortcut(fyne.KeyO, 0), u.onImportFiles),
		item("Import from clipboard", shortcut(fyne.KeyV, fyne.KeyModifierShift), u.onPaste),
		item("Import from web address…", shortcut(fyne.KeyL, 0), u.onImportURL),
		item("New briefing", shortcut(fyne.KeyN, 0), func() { u.onShowView(viewBriefings); u.briefings.onNew() }),
		item("Export briefing…", shortcut(fyne.KeyE, 0), func() { u.briefings.composer.onExport() }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Load sample library", u.onLoadSample),
		item("Settings…", shortcut(fyne.KeyComma, 0), u.onSettings),
	)
	c := u.briefings.composer
	edit := fyne.NewMenu("Edit",
		item("Undo", shortcut(fyne.KeyZ, 0), c.onUndo),
		item("Redo", shortcut(fyne.KeyZ, fyne.KeyModifierShift), c.onRedo),
		item("Move block up", &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}, func() { c.onMove(-1) }),
		item("Move block down", &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}, func() { c.onMove(1) }),
		fyne.NewMenuItemSeparator(),
		item("Find in source", shortcut(fyne.KeyF, 0), u.onFind),
		item("Search library", shortcut(fyne.KeyK, 0), u.onSearch),
		item("Excerpt selection", shortcut(fyne.KeyE, fyne.KeyModifierShift), func() { u.library.reader.onNewExcerpt() }),
	)
	view := fyne.NewMenu("View",
		item("Library", shortcut(fyne.Key1, 0), func() { u.onShowView(viewLibrary) }),
		item("Excerpts", shortcut(fyne.Key2, 0), func() { u.onShowView(viewExcerpts) }),
		item("Briefings", shortcut(fyne.Key3, 0), func() { u.onShowView(viewBriefings) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Trash…", u.onShowTrash),
	)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", u.onShortcutsHelp),
		fyne.NewMenuItem("About Attaché", u.onAbout),
	)
	return fyne.NewMainMenu(file, edit, view, help)
}

func (u *UI) onFind() {
	u.onShowView(viewLibrary)
	u.win.Canvas().Focus(u.library.reader.find)
}

func (u *UI) onSearch() {
	u.onShowView(viewLibrary)
	u.win.Canvas().Focus(u.library.search)
}

func (u *UI) onShortcutsHelp() {
	dialog.ShowInformation("Keyboard shortcuts", `Ctrl+O	Import files
Ctrl+Shift+V	Import from clipboard
Ctrl+K	Search the library
Ctrl+F	Find in the source
Ctrl+Shift+E	Excerpt the selection
Ctrl+1 / 2 / 3	Library, Excerpts, Briefings
Ctrl+N	New briefing
Ctrl+E	Export the briefing
Ctrl+Z / Ctrl+Shift+Z	Undo / redo in the composer
Alt+Up / Alt+Down	Move the selected block
Shift+arrows	Extend the selection in the reader
Ctrl+C	Copy the selection`, u.win)
}

func (u *UI) onAbout() {
	dialog.ShowInformation("About Attaché", "Attaché "+Version+"\nBuild briefings from exact excerpts of your sources.\n\nLibrary: "+u.lib.Path(), u.win)
}

// Version is shown in the About box; main sets it from the build.
var Version = "0.1.0-dev"
