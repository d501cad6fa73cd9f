package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/integrity"
	"github.com/attache/attache/internal/settings"
)

// Preference keys, kept with Fyne's preferences API in Attaché's own
// settings file (see prefs).
const (
	prefAuthor         = "defaultAuthor"
	prefClassification = "defaultClassification"
	prefPaper          = "paper"
	prefTheme          = "theme"
)

// libraryNoScheme is the library scheme choice that leaves new
// briefings to the settings' scheme.
const libraryNoScheme = "None: use the default above"

// onSettings edits the defaults new briefings and exports start from. The
// library's own default scheme is read first, off the UI goroutine.
func (u *UI) onSettings() {
	u.loadLibraryScheme(u.showSettings)
}

func (u *UI) showSettings() {
	p := u.app.Preferences()
	name := newDialogEntry()
	name.SetText(p.String(settings.UserName))
	name.Validator = checkUserName
	author := newDialogEntry()
	author.SetText(p.String(prefAuthor))
	setting := u.settingScheme()
	class := newMarkingField(setting, true)
	class.set(domain.Marking(p.String(prefClassification)))
	scheme := newDialogSelect(schemeNames(), func(name string) {
		if s := schemeNamed(name); s != class.scheme {
			class.setScheme(s)
		}
	})
	scheme.SetSelected(setting.Name)
	lib := newDialogSelect(append([]string{libraryNoScheme}, schemeNames()...), nil)
	lib.SetSelected(libraryNoScheme)
	if u.libScheme != "" {
		lib.SetSelected(domain.SchemeOf(u.libScheme).Name)
	}
	if u.lib.ReadOnly() {
		lib.Disable()
	}
	paperOpt := exportOption(prefPaper)
	paper := newDialogSelect(paperOpt.Labels(), nil)
	paper.SetSelected(paperOpt.LabelOf(p.String(prefPaper)))
	th := newDialogSelect([]string{"Follow the system", "Light", "Dark"}, nil)
	th.SetSelected(p.StringWithFallback(prefTheme, "Follow the system"))
	keep := newDialogEntry()
	keep.SetText(p.StringWithFallback(settings.KeepOriginalsMB, strconv.Itoa(settings.DefaultKeepOriginalsMB)))
	keep.Validator = func(s string) error { _, err := settings.ParseKeepOriginalsMB(s); return err }
	basis := newBasisFields(p)
	tmpl, tmplItem := u.houseTemplateItem(p)
	items := []*widget.FormItem{{Text: "Your name (kept with your changes)", Widget: name, HintText: userNameHelp(libraryUser(u.lib))},
		{Text: "Prepared by", Widget: author, HintText: "for new briefings"},
		{Text: "Marking scheme", Widget: scheme, HintText: "for new briefings, here and in the attache command"},
		{Text: "Marking", Widget: class.box, HintText: "overall marking of new briefings"},
		{Text: "This library's scheme", Widget: lib, HintText: "new briefings in this library take it over the default"},
		{Text: "Paper", Widget: paper}, tmplItem, {Text: "Theme", Widget: th},
		{Text: "Keep PDFs up to (MB)", Widget: keep, HintText: "imported PDFs this size or smaller are kept, to read them as pages; 0 keeps none"}}
	items = wrapHints(append(items, basis.items()...))
	// 720×700, not 640×600: the name's label, the longest, widens the
	// labels' column, and the fields keep the room they had (the house
	// template's choice with its two buttons, uncut); the name's row and
	// help take the height that keeps Theme in sight, as it was, in a
	// 1280×800 window. At 800×600 it still fits, scrolling as before.
	u.showForm("Settings", "Save", items, fyne.NewSize(720, 700), func(again func()) {
		m, err := class.value()
		if err != nil {
			again()
			u.showError(userError{"the default marking: " + domain.ErrorMessage(err)})
			return
		}
		mb, err := settings.ParseKeepOriginalsMB(keep.Text)
		if err != nil {
			again()
			u.showError(userError{err.Error()})
			return
		}
		months, err := basis.months()
		if err != nil {
			again()
			u.showError(userError{err.Error()})
			return
		}
		user, err := settings.ParseUserName(name.Text)
		if err != nil {
			again()
			u.showError(userError{domain.ErrorMessage(err)})
			return
		}
		// Kept for the next start: the library in use goes on with the
		// name it opened with (see userNameHelp).
		p.SetString(settings.UserName, user)
		p.SetString(settings.KeepOriginalsMB, mb)
		basis.save(p, months)
		u.briefings.composer.updateStats() // the open draft's checks follow the thresholds now
		p.SetString(prefAuthor, author.Text)
		p.SetString(prefScheme, string(class.scheme.ID))
		p.SetString(prefClassification, string(m))
		p.SetString(prefPaper, paper.Selected)
		p.SetString(export.TemplateKey, tmpl.path)
		p.SetString(prefTheme, th.Selected)
		u.applyTheme()
		var id domain.SchemeID
		if lib.Selected != libraryNoScheme {
			id = schemeNamed(lib.Selected).ID
		}
		if id != u.libScheme && !u.lib.ReadOnly() {
			u.setLibraryScheme(id)
		}
	})
}

// setLibraryScheme makes id the library's default scheme ("" for none),
// off the UI goroutine.
func (u *UI) setLibraryScheme(id domain.SchemeID) {
	background(func() {
		err := u.lib.SetDefaultScheme(u.ctx, id)
		u.do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.libScheme = id
		})
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

// maxBasisAgeMonths bounds the oldest evidence in months.
const maxBasisAgeMonths = settings.MaxBasisAgeMonths

// basisFields are the Settings dialog's basis thresholds.
type basisFields struct {
	reliability, credibility *dialogSelect
	age                      *dialogEntry
}

func newBasisFields(p fyne.Preferences) *basisFields {
	def := integrity.DefaultBasisRules()
	f := &basisFields{reliability: newDialogSelect(reliabilityChoices[1:], nil),
		credibility: newDialogSelect(credibilityChoices[1:], nil), age: newDialogEntry()}
	r := domain.Reliability(p.StringWithFallback(settings.BasisMinReliability, string(def.MinReliability)))
	if i := strings.Index("ABCDEF", string(r)); len(r) == 1 && i >= 0 {
		f.reliability.SetSelectedIndex(i)
	} else {
		f.reliability.SetSelectedIndex(strings.Index("ABCDEF", string(def.MinReliability)))
	}
	c, err := strconv.Atoi(p.String(settings.BasisMinCredibility))
	if err != nil || c < 1 || c > 6 {
		c = int(def.MinCredibility)
	}
	f.credibility.SetSelectedIndex(c - 1)
	f.age.SetText(p.StringWithFallback(settings.BasisMaxAgeMonths, strconv.Itoa(def.MaxAgeMonths)))
	f.age.Validator = func(s string) error { _, err := parseBasisAge(s); return err }
	return f
}

func (f *basisFields) items() []*widget.FormItem {
	return []*widget.FormItem{
		{Text: "Lowest reliability", Widget: f.reliability, HintText: "a high-confidence judgment resting only on sources below it is flagged"},
		{Text: "Lowest credibility", Widget: f.credibility, HintText: "likewise for the information's credibility"},
		{Text: "Oldest evidence (months)", Widget: f.age, HintText: "older evidence for a judgment about the present is flagged; 0 turns the check off"},
	}
}

// months reads the age typed, or says what is wrong.
func (f *basisFields) months() (int, error) { return parseBasisAge(f.age.Text) }

// parseBasisAge reads whole months from 0 to maxBasisAgeMonths, as the
// command line does (settings.ParseBasisMaxAgeMonths); nothing typed is
// not taken for the default here: the field shows the value in force.
func parseBasisAge(typed string) (int, error) {
	v, err := settings.ParseBasisMaxAgeMonths(typed)
	if err == nil && v == "" {
		err = fmt.Errorf("give the oldest evidence in whole months, from 0 (no check) to %d", maxBasisAgeMonths)
	}
	if err != nil {
		return 0, forUser(err)
	}
	return strconv.Atoi(v)
}

// basisRules are the thresholds in Settings, for the checks the app runs.
func (u *UI) basisRules() integrity.BasisRules {
	p := u.app.Preferences()
	values := map[string]string{}
	for _, k := range []string{settings.BasisMinReliability, settings.BasisMinCredibility, settings.BasisMaxAgeMonths} {
		values[k] = p.String(k)
	}
	return settings.BasisRulesOf(values)
}

// save keeps the thresholds chosen.
func (f *basisFields) save(p fyne.Preferences, months int) {
	p.SetString(settings.BasisMinReliability, "ABCDEF"[f.reliability.SelectedIndex():][:1])
	p.SetString(settings.BasisMinCredibility, strconv.Itoa(f.credibility.SelectedIndex()+1))
	p.SetString(settings.BasisMaxAgeMonths, strconv.Itoa(months))
}

// wrapHints moves each item's hint into a wrapping label in a row of its
// own under it: a form's hint is one line, cut off where the column ends
// (at 800×600 and 1920×1080 alike). The field stays the row's widget, so
// that the form still checks it before Save and shows its error under it.
func wrapHints(items []*widget.FormItem) []*widget.FormItem {
	var out []*widget.FormItem
	for _, it := range items {
		out = append(out, it)
		if it.HintText != "" {
			out = append(out, &widget.FormItem{Widget: helpLabel(it.HintText)})
			it.HintText = ""
		}
	}
	return out
}

// helpLabel is help under a Settings field, in a hint's small grey type
// but wrapping in the form's column.
func helpLabel(text string) *widget.Label {
	help := widget.NewLabel(text)
	help.Wrapping = fyne.TextWrapWord
	help.SizeName = theme.SizeNameCaptionText
	help.Importance = widget.LowImportance
	return help
}
