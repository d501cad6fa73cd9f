package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// Preference keys, kept with Fyne's preferences API in Attaché's own
// settings file (see prefs).
const (
	prefAuthor         = "defaultAuthor"
	prefClassification = "defaultClassification"
	prefPaper          = "paper"
	prefTheme          = "theme"
)

// onSettings edits the defaults new briefings and exports start from.
func (u *UI) onSettings() {
	p := u.app.Preferences()
	author := newDialogEntry()
	author.SetText(p.String(prefAuthor))
	class := newDialogEntry()
	class.SetText(p.String(prefClassification))
	paperOpt := exportOption(prefPaper)
	paper := newDialogSelect(paperOpt.Labels(), nil)
	paper.SetSelected(paperOpt.LabelOf(p.String(prefPaper)))
	th := newDialogSelect([]string{"Follow the system", "Light", "Dark"}, nil)
	th.SetSelected(p.StringWithFallback(prefTheme, "Follow the system"))
	items := []*widget.FormItem{{Text: "Prepared by", Widget: author, HintText: "for new briefings"},
		{Text: "Classification", Widget: class, HintText: "banner text for new briefings"},
		{Text: "Paper", Widget: paper}, {Text: "Theme", Widget: th}}
	u.showForm("Settings", "Save", items, fyne.NewSize(520, 360), func(func()) {
		p.SetString(prefAuthor, author.Text)
		p.SetString(prefClassification, class.Text)
		p.SetString(prefPaper, paper.Selected)
		p.SetString(prefTheme, th.Selected)
		u.applyTheme()
	})
}

// applyTheme honours the theme preference; the default follows the system.
func (u *UI) applyTheme() {
	var fixed *fyne.ThemeVariant
	switch u.app.Preferences().String(prefTheme) {
	case "Light":
		v := theme.VariantLight
		fixed = &v
	case "Dark":
		v := theme.VariantDark
		fixed = &v
	}
	u.app.Settings().SetTheme(newReadableTheme(fixed))
}

// withSettings gives the UI an app whose Preferences are Attaché's own
// settings file, moving over what an earlier version kept in Fyne's. An
// unreadable file is returned as the error, to tell the analyst once the
// window is up.
func withSettings(a fyne.App) (fyne.App, error) {
	if sa, ok := a.(settingsApp); ok {
		return sa, nil
	}
	p, err := loadPrefs(prefsFile(), a.Preferences())
	return settingsApp{App: a, prefs: p}, err
}

// watchSettings tells the analyst about a settings file that could not be
// read (loadErr) and about every save of the settings that fails.
func (u *UI) watchSettings(loadErr error) {
	if sa, ok := u.app.(settingsApp); ok {
		sa.prefs.onError = func(err error) {
			u.do(func() {
				u.showError(fmt.Errorf("your settings were not saved: %s; they apply until you quit, and are saved again with your next change", domain.ErrorMessage(err)))
			})
		}
	}
	if loadErr != nil {
		u.showError(loadErr)
	}
}

// saveSettings writes the settings if a save is still due (at quit).
func (u *UI) saveSettings() error {
	if sa, ok := u.app.(settingsApp); ok {
		return sa.prefs.save()
	}
	return nil
}
