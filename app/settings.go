package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Preference keys, kept with Fyne's preferences API.
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
	paper := newDialogSelect([]string{"A4", "US Letter"}, nil)
	paper.SetSelected(p.StringWithFallback(prefPaper, "A4"))
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
