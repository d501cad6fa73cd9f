package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

func shortcut(key fyne.KeyName, mods fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | mods}
}

func (u *UI) mainMenu() *fyne.MainMenu {
	// The driver hands a menu shortcut to the menu before the dialog on
	// top sees it, so an item's own keys would open a dialog over it, or
	// change the briefing behind it: item's actions wait for no dialog.
	item := func(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
		return keyItem(label, sc, u.unlessModal(fn))
	}
	// Quit closes the window as its close button does, saving pending
	// edits; being last and IsQuit, Fyne adds no Quit of its own. The
	// close button works over a dialog, so Quit does too.
	quit := keyItem("Quit", quitShortcut, u.onCloseRequested)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("Import files…", shortcut(fyne.KeyO, 0), u.onImportFiles),
		item("Import folder…", shortcut(fyne.KeyO, fyne.KeyModifierShift), u.onImportFolder),
		item("Import from clipboard", shortcut(fyne.KeyV, fyne.KeyModifierShift), u.onPaste),
		item("Import from web address…", shortcut(fyne.KeyL, 0), u.onImportURL),
		fyne.NewMenuItem("Recheck sources…", u.onRecheckSources),
		item("New briefing", shortcut(fyne.KeyN, 0), func() { u.onShowView(viewBriefings); u.briefings.onNew() }),
		item("Export briefing…", shortcut(fyne.KeyE, 0), func() { u.briefings.composer.onExport() }),
		fyne.NewMenuItem("Export for release…", func() { u.briefings.composer.onExportRelease() }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Load sample library", u.onLoadSample),
		item("Settings…", shortcut(fyne.KeyComma, 0), u.onSettings),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	c := u.briefings.composer
	edit := fyne.NewMenu("Edit",
		// The editing keys work in a dialog's own fields: not guarded.
		keyItem("Undo", &fyne.ShortcutUndo{}, u.onUndoKey),
		keyItem("Redo", shortcut(fyne.KeyZ, fyne.KeyModifierShift), u.onRedoKey),
		hiddenKey("Redo", &fyne.ShortcutRedo{}, u.onRedoKey),
		fyne.NewMenuItemSeparator(),
		keyItem("Cut", &fyne.ShortcutCut{}, func() { u.toFocused(&fyne.ShortcutCut{Clipboard: u.app.Clipboard()}) }),
		keyItem("Copy", &fyne.ShortcutCopy{}, func() { u.toFocused(&fyne.ShortcutCopy{Clipboard: u.app.Clipboard()}) }),
		keyItem("Paste", &fyne.ShortcutPaste{}, func() { u.toFocused(&fyne.ShortcutPaste{Clipboard: u.app.Clipboard()}) }),
		keyItem("Select all", &fyne.ShortcutSelectAll{}, func() { u.toFocused(&fyne.ShortcutSelectAll{}) }),
		fyne.NewMenuItemSeparator(),
		item("Move block up", &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}, func() { c.onMove(-1) }),
		item("Move block down", &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}, func() { c.onMove(1) }),
		item("Delete block", &desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierAlt}, c.onRemove),
		item("Add heading", shortcut(fyne.KeyH, fyne.KeyModifierShift), func() { c.addFromMenu(domain.BlockHeading) }),
		item("Add commentary", shortcut(fyne.KeyC, fyne.KeyModifierShift), func() { c.addFromMenu(domain.BlockCommentary) }),
		item("Add key judgment", shortcut(fyne.KeyJ, fyne.KeyModifierShift), func() { c.addFromMenu(domain.BlockJudgment) }),
		item("Add excerpt…", shortcut(fyne.KeyI, fyne.KeyModifierShift), func() { c.addFromMenu(domain.BlockExcerpt) }),
		item(integrity.LinkEvidenceItem, shortcut(fyne.KeyL, fyne.KeyModifierShift), c.linkFromMenu),
		fyne.NewMenuItemSeparator(),
		item("Find in source", shortcut(fyne.KeyF, 0), u.onFind),
		item("Search library", shortcut(fyne.KeyK, 0), u.onSearch),
		item("Excerpt selection", shortcut(fyne.KeyE, fyne.KeyModifierShift), u.onExcerptKey),
	)
	view := fyne.NewMenu("View",
		item("Library", shortcut(fyne.Key1, 0), func() { u.onShowView(viewLibrary) }),
		item("Excerpts", shortcut(fyne.Key2, 0), func() { u.onShowView(viewExcerpts) }),
		item("Briefings", shortcut(fyne.Key3, 0), func() { u.onShowView(viewBriefings) }),
		item("Evidence of the key judgments", shortcut(fyne.KeyB, fyne.KeyModifierShift), c.showEvidence),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Trash…", u.onShowTrash),
	)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", u.onShortcutsHelp),
		fyne.NewMenuItem("About Attaché", u.onAbout),
	)
	return fyne.NewMainMenu(file, edit, view, help)
}

// keyItem is a menu item with a shortcut.
func keyItem(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
	m := fyne.NewMenuItem(label, fn)
	m.Shortcut = sc
	return m
}

// hiddenKey is a second shortcut for the menu item label: a separator
// (drawn as a line, so it also separates the groups around it) carrying
// the shortcut. The driver matches main-menu shortcuts before the focused
// widget sees them without looking at IsSeparator, so the key works
// wherever focus is, as the item's own shortcut does.
func hiddenKey(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
	return &fyne.MenuItem{IsSeparator: true, Label: label, Shortcut: sc, Action: fn}
}

func (u *UI) onFind() {
	if u.findBeside() {
		return
	}
	u.onShowView(viewLibrary)
	u.library.reader.focusFind()
}

func (u *UI) onSearch() {
	u.onShowView(viewLibrary)
	u.win.Canvas().Focus(u.library.search)
}

func (u *UI) onAbout() {
	u.inform("About Attaché", "Attaché "+Version+"\nBuild briefings from exact excerpts of your sources.\n\n"+notAccredited+"\n\nLibrary: "+u.lib.Path())
}

// notAccredited is what the About box says of markings, as
// docs/markings.md does.
const notAccredited = "Attaché is not an accredited system: it checks that a briefing's markings agree with each other and with the scheme chosen, " +
	"not that anything is correctly classified, which is for you and your organisation. Never put information on a computer not accredited for it."

// Version is shown in the About box; main sets it from the build.
var Version = "0.1.0-dev"
