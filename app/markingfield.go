package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// noMarking is the first choice of every marking select.
const noMarking = "None"

// markingField chooses a marking of one scheme: a level, the scheme's
// restrictive caveats as checkboxes and its release caveat's countries in
// an entry. Only the scheme's own marks are offered; a marking of another
// scheme already on the item is shown as a choice of its own, marked as
// foreign, and kept until the analyst picks another, so nothing is dropped
// unseen. The rules (which caveats go together, country order) are the
// domain's: value parses what is chosen under the scheme.
type markingField struct {
	scheme   *domain.Scheme
	level    *dialogSelect
	checks   []*widget.Check
	caveats  []*domain.Caveat // one for each check
	release  *dialogEntry
	relCav   *domain.Caveat
	relLine  *fyne.Container // the release caveat's label and countries
	def      *widget.Label   // the level's definition (TLP), beside the choice
	problem  *widget.Label   // why what is chosen is not a marking
	box      *fyne.Container
	foreign  domain.Marking      // a marking of another scheme, shown as the last choice
	extra    []fyne.CanvasObject // shown under the field whatever the scheme (the excerpt's reason)
	loading  bool
	disabled bool
	withCavs bool
	// NoneText names the unmarked choice ("None" unless set before
	// setScheme).
	NoneText string
	// OnChanged runs after the analyst changes the choice.
	OnChanged func()
}

// newMarkingField offers the marks of s; withCaveats adds its caveats.
func newMarkingField(s *domain.Scheme, withCaveats bool) *markingField {
	f := &markingField{withCavs: withCaveats, box: container.NewVBox()}
	f.level = newDialogSelect(nil, func(string) { f.changed() })
	f.release = newDialogEntry()
	f.release.OnChanged = func(string) { f.changed() }
	f.def = widget.NewLabel("")
	f.def.Wrapping = fyne.TextWrapWord
	f.def.Importance = widget.LowImportance
	f.problem = widget.NewLabel("")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.setScheme(s)
	if markingFieldMade != nil {
		markingFieldMade(f)
	}
	return f
}

// markingFieldMade, set by tests, sees every marking field made, which a
// form holds only as its widgets.
var markingFieldMade func(*markingField)

// setScheme offers s's marks, unmarked.
func (f *markingField) setScheme(s *domain.Scheme) {
	f.loading = true
	defer func() { f.loading = false }()
	f.scheme, f.foreign = s, ""
	f.level.Options = f.levelChoices()
	f.level.SetSelectedIndex(0)
	f.checks, f.caveats, f.relCav, f.relLine = nil, nil, nil, nil
	row := []fyne.CanvasObject{container.New(minWidthLayout{choicesWidth(f.level.Options)}, f.level)}
	for _, c := range s.Caveats {
		if !f.withCavs {
			break
		}
		if c.Release {
			if f.relCav == nil {
				f.relCav = c
			}
			continue
		}
		ch := widget.NewCheck(c.Banner, func(bool) { f.changed() })
		f.checks = append(f.checks, ch)
		f.caveats = append(f.caveats, c)
		row = append(row, ch)
	}
	lines := []fyne.CanvasObject{container.NewHBox(row...)}
	if f.relCav != nil {
		// The countries on a line of their own: beside the level and the
		// other caveats they would not fit a small window.
		f.release.SetText("")
		f.release.SetPlaceHolder(f.relCav.Owner + f.relCav.CountrySeparator + "GBR, if releasable")
		f.relLine = container.NewBorder(nil, nil, widget.NewLabel(f.relCav.Banner), nil, f.release)
		lines = append(lines, f.relLine)
	}
	f.box.Objects = append(append(lines, f.def, f.problem), f.extra...)
	f.showState()
}

// choicesWidth is how wide a drop-down must be to show the longest of
// options whole: its text, the arrow and the padding around both.
func choicesWidth(options []string) float32 {
	var w float32
	for _, o := range options {
		w = max(w, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w + theme.IconInlineSize() + 4*theme.InnerPadding() + 2*theme.Padding()
}

// levelChoices are the unmarked choice and the scheme's levels in banner
// form.
func (f *markingField) levelChoices() []string {
	none := noMarking
	if f.NoneText != "" {
		none = f.NoneText
	}
	out := []string{none}
	for _, l := range f.scheme.Levels {
		out = append(out, l.Banner)
	}
	return out
}

// set shows m; a marking the scheme cannot read is shown as it is.
func (f *markingField) set(m domain.Marking) {
	f.loading = true
	defer func() { f.loading = false }()
	f.foreign = ""
	f.level.Options = f.levelChoices()
	k, err := f.scheme.Admit(m)
	if err != nil || (!f.withCavs && len(k.Caveats) > 0) {
		f.foreign = m
		f.level.Options = append(f.level.Options, foreignChoice(m))
		f.level.SetSelectedIndex(len(f.level.Options) - 1)
		f.showState()
		return
	}
	f.level.SetSelectedIndex(k.Rank())
	for i, c := range f.caveats {
		f.checks[i].SetChecked(k.Has(c.Code))
	}
	if f.relCav != nil {
		text := ""
		for _, c := range k.Caveats {
			if c.Code == f.relCav.Code {
				text = strings.Join(c.Countries, f.relCav.CountrySeparator)
			}
		}
		f.release.SetText(text)
	}
	f.showState()
}

// foreignChoice names a marking the briefing's scheme cannot carry.
func foreignChoice(m domain.Marking) string {
	k, err := m.Read()
	if err != nil {
		return string(m) + " (not a marking Attaché knows)"
	}
	return k.Banner() + " (" + k.Scheme.Short + " marking)"
}

// value is the marking chosen, or why it is not one (a release list
// without its owner, a caveat below its level).
func (f *markingField) value() (domain.Marking, error) {
	i := f.level.SelectedIndex()
	switch {
	case i <= 0:
		return "", nil
	case f.foreign != "" && i == len(f.level.Options)-1:
		return f.foreign, nil
	}
	parts := []string{f.scheme.Levels[i-1].Code}
	for j, ch := range f.checks {
		if ch.Checked {
			parts = append(parts, f.caveats[j].Code)
		}
	}
	if f.relCav != nil && strings.TrimSpace(f.release.Text) != "" {
		parts = append(parts, f.relCav.Code+" "+strings.TrimSpace(f.release.Text))
	}
	return domain.ParseMarking(f.scheme, strings.Join(parts, "//"))
}

func (f *markingField) changed() {
	if f.loading {
		return
	}
	f.showState()
	if f.OnChanged != nil {
		f.OnChanged()
	}
}

// showState shows the level's definition and what is wrong, if anything;
// caveats are offered only with a level.
func (f *markingField) showState() {
	i := f.level.SelectedIndex()
	def := ""
	if i > 0 && i <= len(f.scheme.Levels) {
		def = f.scheme.Levels[i-1].Definition
	}
	f.def.SetText(def)
	f.def.Hidden = def == ""
	foreign := f.foreign != "" && i == len(f.level.Options)-1
	for _, ch := range f.checks {
		if i > 0 && !foreign && !f.disabled {
			ch.Enable()
		} else {
			ch.Disable()
		}
	}
	if f.relLine != nil {
		// Offered from the lowest level the caveat goes with, and kept
		// in sight while it holds countries.
		min := f.scheme.Level(f.relCav.MinLevel)
		at := i > 0 && !foreign && (min == nil || i >= slices.Index(f.scheme.Levels, min)+1)
		f.relLine.Hidden = !at && strings.TrimSpace(f.release.Text) == ""
	}
	msg := ""
	if _, err := f.value(); err != nil {
		msg = domain.ErrorMessage(err)
	}
	f.problem.SetText(msg)
	f.problem.Hidden = msg == ""
	f.box.Refresh()
}

// Disable greys the field out (a read-only library).
func (f *markingField) Disable() {
	f.disabled = true
	f.level.Disable()
	f.release.Disable()
	for _, ch := range f.checks {
		ch.Disable()
	}
}

// Enable is not offered: a library opened read-only stays so.
func (f *markingField) Enable() {}

// Disabled tells whether the field is greyed out.
func (f *markingField) Disabled() bool { return f.disabled }
