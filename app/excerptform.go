package app

import (
	"bytes"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

var credibilityChoices = []string{"Not graded", "1 — Confirmed", "2 — Probably true", "3 — Possibly true", "4 — Doubtful", "5 — Improbable", "6 — Cannot be judged"}

// marked is the portion marking m with a space before the text it marks,
// or nothing.
func marked(m domain.Marking) string {
	if m == "" {
		return ""
	}
	return m.Portion() + " "
}

// excerptFields are the form widgets for an excerpt's note, tags and grades,
// shared by the new-excerpt dialog and the excerpts view. The marking
// offers the marks of the source's scheme (see UI.excerptScheme); a
// marking below the source's asks for the reason, which the version
// history records.
type excerptFields struct {
	note        *dialogEntry // hand Escape to the New excerpt dialog
	tags        *dialogEntry
	credibility *dialogSelect
	marking     *markingField
	reason      *dialogEntry
	source      domain.Marking // the source's marking
	onChanged   func()
	evidence    *evidenceField // links to the open draft's key judgments, if offered (evidence_form.go)
}

func newExcerptFields() *excerptFields {
	f := &excerptFields{note: newDialogMultiEntry(), tags: newDialogEntry(),
		credibility: newDialogSelect(credibilityChoices, nil), marking: newMarkingField(domain.SchemeOf(domain.SchemeNone), true),
		reason: newDialogEntry()}
	f.note.SetMinRowsVisible(3)
	f.note.Wrapping = fyne.TextWrapWord
	f.tags.SetPlaceHolder("comma-separated, e.g. export controls, chips")
	f.note.Validator = limitValidator(domain.ExcerptNote)
	f.tags.Validator = func(s string) error { return forUser(domain.CheckTags(strings.Split(s, ","))) }
	f.credibility.SetSelectedIndex(0)
	f.marking.extra = []fyne.CanvasObject{f.reason}
	f.marking.box.Add(f.reason)
	f.marking.OnChanged = func() { f.showReason(); f.changed() }
	f.reason.SetPlaceHolder("Reason for marking it below its source's marking (kept in the history)")
	f.reason.Validator = limitValidator(domain.MarkingReason)
	f.reason.Hide()
	return f
}

func (f *excerptFields) items() []*widget.FormItem {
	return append([]*widget.FormItem{
		{Text: "Note", Widget: f.note},
		{Text: "Tags", Widget: f.tags},
		{Text: "Credibility", Widget: f.credibility, HintText: "Admiralty grade of the information"},
		{Text: "Marking", Widget: f.marking.box, HintText: "portion marking; the source's unless you choose another"},
	}, f.evidenceItems()...)
}

// onChange calls fn whenever the analyst changes a field.
func (f *excerptFields) onChange(fn func()) {
	f.onChanged = fn
	f.note.OnChanged = func(string) { fn() }
	f.tags.OnChanged = func(string) { fn() }
	f.credibility.OnChanged = func(string) { fn() }
	f.reason.OnChanged = func(string) { fn() }
}

func (f *excerptFields) changed() {
	if f.onChanged != nil {
		f.onChanged()
	}
}

// setSource offers the marks of s for an excerpt of a source marked src.
func (f *excerptFields) setSource(src domain.Marking, s *domain.Scheme) {
	f.source = src
	if f.marking.scheme != s {
		f.marking.setScheme(s)
	}
	f.showReason()
}

// below tells whether the marking chosen is below the source's, which
// takes a reason.
func (f *excerptFields) below() bool {
	m, err := f.marking.value()
	return err == nil && markedBelow(m, f.source)
}

// markedBelow tells whether m is a lower level of the same scheme as the
// source's marking src (or none where the source has one).
func markedBelow(m, src domain.Marking) bool {
	sk, err := src.Read()
	if err != nil || sk.IsZero() {
		return false
	}
	k, err := m.Read()
	if err != nil || !k.IsZero() && k.Scheme != sk.Scheme {
		return false
	}
	return k.Rank() < sk.Rank()
}

// showReason shows the reason field while the marking is below the
// source's, saying what it is below.
func (f *excerptFields) showReason() {
	if !f.below() {
		f.reason.Hide()
		return
	}
	f.reason.SetPlaceHolder("Reason for marking it below its source's " + f.source.Banner() + " (kept in the history)")
	f.reason.Show()
}

// set shows e in the fields; a field that already shows its value is left
// alone, so the cursor of one being typed into stays put.
func (f *excerptFields) set(e *domain.Excerpt) {
	setText(&f.note.Entry, e.Note)
	if !slices.Equal(domain.NormalizeTags(strings.Split(f.tags.Text, ",")), domain.NormalizeTags(e.Tags)) {
		f.tags.SetText(strings.Join(e.Tags, ", "))
	}
	if f.credibility.SelectedIndex() != int(e.Credibility) {
		f.credibility.SetSelectedIndex(int(e.Credibility))
	}
	if m, err := f.marking.value(); err != nil || m != e.Marking {
		f.marking.set(e.Marking)
	}
	setText(&f.reason.Entry, e.MarkingReason)
	f.showReason()
	if f.evidence != nil {
		f.evidence.show(e)
	}
}

func (f *excerptFields) apply(e *domain.Excerpt) {
	e.Note = f.note.Text // as typed: trimmed when saved, so the form keeps its spaces
	e.Tags = strings.Split(f.tags.Text, ",")
	e.Credibility = domain.Credibility(max(f.credibility.SelectedIndex(), 0))
	if m, err := f.marking.value(); err == nil { // otherwise the field says why, and the last marking stays
		e.Marking = m
	}
	e.MarkingReason = ""
	if markedBelow(e.Marking, f.source) {
		e.MarkingReason = strings.TrimSpace(f.reason.Text)
	}
}

// onNewExcerpt asks for note, tags and grades, then saves the selection as
// an excerpt with its exact offsets.
func (r *readerScreen) onNewExcerpt() {
	if r.ui.refuseReadOnly() {
		return
	}
	start, end := r.selection()
	if r.source == nil || end <= start {
		return
	}
	fields := newExcerptFields()
	fields.offerJudgments(r.ui, nil)
	fields.setSource(r.source.Marking, r.ui.excerptScheme(r.source.Marking))
	fields.set(&domain.Excerpt{Marking: r.source.Marking}) // an excerpt takes its source's marking unless another is chosen
	quote := widget.NewLabel(clipRunes(r.passage(start, end), 400))
	quote.Wrapping = fyne.TextWrapWord
	items := append([]*widget.FormItem{{Text: "Passage", Widget: quote, HintText: "characters " + strconv.Itoa(start) + "–" + strconv.Itoa(end)}}, fields.items()...)
	src := r.source
	r.ui.showForm("New excerpt", "Save excerpt", items, fyne.NewSize(620, 480), func(again func()) {
		e := &domain.Excerpt{SourceID: src.ID, Start: start, End: end}
		fields.apply(e)
		e.Note = strings.TrimSpace(e.Note)
		r.ui.createExcerpt(e, func(err error) {
			if err != nil {
				// The form comes back with the note and tags as typed.
				again()
				r.ui.showError(err)
				return
			}
			fields.evidence.linkSaved(e)
			r.clearSelection()
			r.pages.keepScroll(e.ID)
			r.open(src.ID, e.ID) // after the refresh's, so it wins: the new excerpt is shown active
		})
	})
}

// onNewFigure asks for a figure excerpt cut out of a page of the source
// shown, and shows it as the active one once saved.
func (r *readerScreen) onNewFigure(src *domain.Source, fig *domain.Figure, start, end int) {
	r.ui.newFigure(src, fig, start, end, func(e *domain.Excerpt) {
		r.pages.keepScroll(e.ID)
		r.open(src.ID, e.ID)
	})
}

// newFigure asks for a figure excerpt's caption, note, tags and grades,
// showing the figure cut out of its page, then saves it: the figure with
// the span of text inside it (start–end, empty for a chart without text).
// saved gets the new excerpt, on the UI goroutine.
func (u *UI) newFigure(src *domain.Source, fig *domain.Figure, start, end int, saved func(*domain.Excerpt)) {
	fields := newExcerptFields()
	fields.offerJudgments(u, nil)
	fields.setSource(src.Marking, u.excerptScheme(src.Marking))
	fields.set(&domain.Excerpt{Marking: src.Marking})
	caption := newDialogEntry()
	caption.SetPlaceHolder("What the figure shows, printed under it as “Figure N: …”")
	caption.Validator = limitValidator(domain.FigureCaption)
	items := append([]*widget.FormItem{
		{Text: "Figure", Widget: figureImage(fig), HintText: "page " + strconv.Itoa(fig.Page) + ", " +
			strconv.Itoa(fig.Width) + "×" + strconv.Itoa(fig.Height) + " pixels at print resolution"},
		{Text: "Caption", Widget: caption},
	}, fields.items()...)
	u.showForm("New figure excerpt", "Save figure", items, fyne.NewSize(620, 620), func(again func()) {
		f := *fig
		f.Caption = strings.TrimSpace(caption.Text)
		e := &domain.Excerpt{SourceID: src.ID, Start: start, End: end, Figure: &f}
		fields.apply(e)
		e.Note = strings.TrimSpace(e.Note)
		u.createExcerpt(e, func(err error) {
			if err != nil {
				again() // the form comes back as typed
				u.showError(err)
				return
			}
			fields.evidence.linkSaved(e)
			saved(e)
		})
	})
}

// figureImage shows a figure's PNG in the form, scaled to fit, on white
// paper with a thin frame: a chart on white would not show where it ends.
func figureImage(fig *domain.Figure) fyne.CanvasObject {
	img := canvas.NewImageFromReader(bytes.NewReader(fig.PNG), "figure.png")
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScaleSmooth
	h := float32(200)
	if fig.Width > 0 {
		h = min(max(float32(fig.Height)*420/float32(fig.Width), 80), 210)
	}
	img.SetMinSize(fyne.NewSize(420, h))
	paper := canvas.NewRectangle(color.White)
	paper.StrokeColor = theme.Color(theme.ColorNameSeparator)
	paper.StrokeWidth = 1
	return container.NewStack(paper, container.NewPadded(img))
}

// excerptHeadline is how excerpt lists name an excerpt: its quote, or for
// a figure "Figure, p. N: caption", after its portion marking.
func excerptHeadline(e *domain.Excerpt, n int) string {
	if e.Figure != nil {
		return marked(e.Marking) + figureLabel(e.Figure)
	}
	return marked(e.Marking) + quoted(clipRunes(e.Quote, n))
}

// excerptQuote is an excerpt's quote in full, or a figure's label.
func excerptQuote(e *domain.Excerpt) string {
	if e.Figure != nil {
		return figureLabel(e.Figure)
	}
	return quoted(e.Quote)
}

// figureLabel is f's label with its caption as it will be saved: the
// Excerpts view shows a caption being typed, spaces and all.
func figureLabel(f *domain.Figure) string {
	g := *f
	g.Caption = strings.TrimSpace(g.Caption)
	return g.Label()
}

// excerptFrom says where an excerpt is in its source: its characters, or
// a figure's page.
func excerptFrom(e *domain.Excerpt) string {
	if e.Figure != nil {
		return "From “" + e.SourceTitle + "”, page " + itoa(e.Figure.Page)
	}
	return "From “" + e.SourceTitle + "”, characters " + itoa(e.Start) + "–" + itoa(e.End)
}

func clipRunes(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
