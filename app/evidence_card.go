package app

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// confidenceText is a judgment's confidence as the composer names it.
func confidenceText(c domain.Confidence) string {
	for i, v := range confidenceValues {
		if v == c {
			return confidenceChoices[i]
		}
	}
	return ""
}

// evidenceCard is one link of a judgment to an excerpt in the Evidence
// tab: a double click shows the excerpt in its source beside the draft.
type evidenceCard struct {
	widget.BaseWidget
	v       *evidenceView
	id      int64 // the judgment's block ID
	ev      domain.Evidence
	e       *domain.Excerpt // nil while not read, or not found
	content fyne.CanvasObject
}

var _ fyne.DoubleTappable = (*evidenceCard)(nil)

// card shows the judgment's link ev with what was read of its excerpt.
func (v *evidenceView) card(id int64, ev domain.Evidence) *evidenceCard {
	k := &evidenceCard{v: v, id: id, ev: ev, e: ev.Excerpt}
	if e := v.excerpts[ev.ExcerptID]; e != nil {
		k.e = e
	}
	k.content = k.build()
	k.ExtendBaseWidget(k)
	return k
}

func (k *evidenceCard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(k.content)
}

// DoubleTapped shows the excerpt in its source beside the draft.
func (k *evidenceCard) DoubleTapped(*fyne.PointEvent) { k.show() }

func (k *evidenceCard) show() {
	if k.e != nil {
		k.v.c.ui.briefings.showInSide(k.e.SourceID, k.e.ID)
	}
}

// build lays the card out: the stance, as a word in its colour and as
// the rule at its left; the grades; the quote's start; the source, its
// publisher and date; the note; then the stance choice and the buttons.
func (k *evidenceCard) build() fyne.CanvasObject {
	c := k.v.c
	stance := canvas.NewText(stanceLabel(k.ev.Stance), stanceColor(k.ev.Stance))
	stance.TextStyle.Bold = true
	grades := widget.NewLabel(k.grades())
	grades.Importance = widget.LowImportance
	grades.Truncation = fyne.TextTruncateEllipsis
	quote := widget.NewLabel("Excerpt " + strconv.FormatInt(k.ev.ExcerptID, 10) + " (loading)")
	quote.Wrapping = fyne.TextWrapWord
	quote.TextStyle.Italic = true
	from := widget.NewLabel("")
	from.Wrapping = fyne.TextWrapWord
	from.Importance = widget.LowImportance
	if k.e != nil {
		quote.SetText(excerptHeadline(k.e, 220))
		from.SetText(k.source())
	} else if v, tried := k.v.excerpts[k.ev.ExcerptID]; tried && v == nil && !k.v.loading {
		quote.SetText("Excerpt " + strconv.FormatInt(k.ev.ExcerptID, 10) + " is not in the library (deleted?): unlink it.")
	}
	parts := []fyne.CanvasObject{container.NewBorder(nil, nil, stance, nil, grades), quote, from}
	if said := k.concern(); said != "" {
		parts = append(parts, warningLine(said))
	}
	if k.ev.Note != "" {
		note := widget.NewLabel("Note: " + k.ev.Note)
		note.Wrapping = fyne.TextWrapWord
		parts = append(parts, note)
	}
	choose := widget.NewSelect([]string{"Supports", "Contradicts"}, nil)
	choose.SetSelected(stanceLabel(k.ev.Stance))
	id, ex := k.id, k.ev.ExcerptID
	choose.OnChanged = func(s string) {
		if want := stanceValues[choose.SelectedIndex()]; want != k.ev.Stance {
			c.setStance(id, ex, want)
		}
	}
	unlink := widget.NewButtonWithIcon("Unlink", theme.ContentRemoveIcon(), func() { c.unlinkEvidence(id, ex) })
	note := widget.NewButtonWithIcon("Note…", theme.DocumentCreateIcon(), k.editNote)
	show := widget.NewButtonWithIcon("Source", theme.VisibilityIcon(), k.show)
	if k.e == nil {
		show.Disable()
	}
	if c.ui.lib.ReadOnly() {
		choose.Disable()
		unlink.Disable()
		note.Disable()
	}
	parts = append(parts, container.NewHBox(choose, show, note, unlink))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.Padding()
	return container.NewStack(bg, container.NewBorder(nil, nil, newRuleColor(stanceColor(k.ev.Stance)), nil,
		container.NewPadded(container.NewVBox(parts...))))
}

// editNote asks for the link's note: how the excerpt bears on the
// judgment; for contradicting evidence, why the judgment stands, which
// the basis checks count as addressing it.
func (k *evidenceCard) editNote() {
	c := k.v.c
	entry := newDialogMultiEntry()
	entry.SetText(k.ev.Note)
	entry.Wrapping = fyne.TextWrapWord
	entry.SetMinRowsVisible(4)
	entry.Validator = limitValidator(domain.EvidenceNote)
	entry.SetPlaceHolder("How the excerpt bears on the judgment; for contradicting evidence, why the judgment stands")
	id, ex := k.id, k.ev.ExcerptID
	c.ui.showForm("Note on the evidence", "Save", []*widget.FormItem{{Text: "Note", Widget: entry}}, fyne.NewSize(560, 260), func(again func()) {
		if !c.setEvidenceNote(id, ex, strings.TrimSpace(entry.Text)) {
			c.ui.notify("The link was removed meanwhile: the note was not kept.")
		}
	})
}

// grades names the source's reliability and the excerpt's credibility:
// "B2 · usually reliable · probably true"; a grade not given says so.
func (k *evidenceCard) grades() string {
	if k.e == nil {
		return ""
	}
	var r domain.Reliability
	if s := k.v.sources[k.e.SourceID]; s != nil {
		r = s.Reliability
	}
	cr := k.e.Credibility
	switch {
	case r == "" && cr == 0:
		return "Not graded"
	case r == "":
		return "Credibility " + strconv.Itoa(int(cr)) + " · " + lowerFirst(cr.Description()) + " · source not graded"
	case cr == 0:
		return "Reliability " + string(r) + " · " + lowerFirst(r.Description()) + " · credibility not graded"
	}
	return string(r) + strconv.Itoa(int(cr)) + " · " + lowerFirst(r.Description()) + " · " + lowerFirst(cr.Description())
}

// concern says why the excerpt's source may no longer bear the
// judgment: retracted, discredited, gone, changed (its quote moved or
// gone); "" when the library knows no concern.
func (k *evidenceCard) concern() string {
	if k.e == nil {
		return ""
	}
	c := k.v.concerns[k.e.SourceID]
	if c == nil || len(c.Concerns) == 0 {
		return ""
	}
	var said []string
	for _, x := range c.Concerns {
		switch x {
		case domain.ConcernRetracted, domain.ConcernDiscredited:
			said = append(said, "the source is "+string(x)+joinNote(c.Note))
		case domain.ConcernUnavailable:
			said = append(said, "the source could not be read at its last recheck")
		case domain.ConcernChanged:
			if c.QuoteGone(k.e.ID) {
				said = append(said, "the source changed and this quote is gone from it")
			} else {
				said = append(said, "the source changed since it was imported")
			}
		}
	}
	return upperFirst(strings.Join(said, "; ")) + ": check the link still holds."
}

// joinNote adds the analyst's note on a standing: ": withdrawn by its
// publisher".
func joinNote(note string) string {
	if strings.TrimSpace(note) == "" {
		return ""
	}
	return " (" + strings.TrimSpace(note) + ")"
}

// source names the excerpt's source, its publisher and its date.
func (k *evidenceCard) source() string {
	s := k.v.sources[k.e.SourceID]
	if s == nil {
		return k.e.SourceTitle
	}
	date := "undated"
	if !s.Published.IsZero() {
		date = s.Published.String()
	}
	return joinMeta(s.Title, s.Publisher, date)
}

// stanceColor tells the stances apart at a glance; the card names the
// stance too, so the colour is never all there is.
func stanceColor(s domain.Stance) color.Color {
	if s == domain.StanceContradicts {
		return theme.Color(theme.ColorNameError)
	}
	return theme.Color(theme.ColorNameSuccess)
}

// newRule is a narrow bar of a theme colour at a row's left.
func newRule(name fyne.ThemeColorName) fyne.CanvasObject { return newRuleColor(theme.Color(name)) }

func newRuleColor(c color.Color) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.SetMinSize(fyne.NewSize(4, 4))
	return r
}

// lowerFirst lower-cases a grade's description to run on in a line.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// cardFlow lays cards out in as many columns of at least width (and of
// the widest card's least width) as fit, each row as tall as its tallest
// card. Its height is that of the rows at the width it was last laid out
// at (one column before then).
type cardFlow struct{ width, last float32 }

// columns is how many cards fit side by side in w.
func (f *cardFlow) columns(objects []fyne.CanvasObject, w float32) int {
	cw := f.width
	for _, o := range objects {
		cw = max(cw, o.MinSize().Width)
	}
	return max(1, int((w+theme.Padding())/(cw+theme.Padding())))
}

func (f *cardFlow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	cols := f.columns(objects, f.last)
	var w, h float32
	for start := 0; start < len(objects); start += cols {
		var rh float32
		for _, o := range objects[start:min(start+cols, len(objects))] {
			m := o.MinSize()
			w, rh = max(w, m.Width), max(rh, m.Height)
		}
		h += rh + theme.Padding()
	}
	return fyne.NewSize(w, max(h-theme.Padding(), 0))
}

func (f *cardFlow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	f.last = size.Width
	cols := f.columns(objects, size.Width)
	pad := theme.Padding()
	cw := (size.Width - pad*float32(cols-1)) / float32(cols)
	y := float32(0)
	for start := 0; start < len(objects); start += cols {
		row := objects[start:min(start+cols, len(objects))]
		var h float32
		for _, o := range row {
			o.Resize(fyne.NewSize(cw, o.MinSize().Height))
			h = max(h, o.MinSize().Height)
		}
		for j, o := range row {
			o.Move(fyne.NewPos(float32(j)*(cw+pad), y))
			o.Resize(fyne.NewSize(cw, h))
		}
		y += h + pad
	}
}
