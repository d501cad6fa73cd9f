package app

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

var (
	credibilityChoices = []string{"Not graded", "1 — Confirmed", "2 — Probably true", "3 — Possibly true", "4 — Doubtful", "5 — Improbable", "6 — Cannot be judged"}
	markingChoices     = []string{"None", "U", "CUI", "C", "S", "TS"}
)

// markingIndex is m's place in markingChoices ("None" for no marking).
func markingIndex(m domain.Marking) int {
	return max(slices.Index(markingChoices, string(m)), 0)
}

// markingAt is the marking chosen at i in markingChoices.
func markingAt(i int) domain.Marking {
	if i <= 0 {
		return ""
	}
	return domain.Marking(markingChoices[i])
}

// marked is the portion marking m with a space before the text it marks,
// or nothing.
func marked(m domain.Marking) string {
	if m == "" {
		return ""
	}
	return m.Portion() + " "
}

// excerptFields are the form widgets for an excerpt's note, tags and grades,
// shared by the new-excerpt dialog and the excerpts view.
type excerptFields struct {
	note        *dialogEntry // hand Escape to the New excerpt dialog
	tags        *dialogEntry
	credibility *dialogSelect
	marking     *dialogSelect
}

func newExcerptFields() *excerptFields {
	f := &excerptFields{note: newDialogMultiEntry(), tags: newDialogEntry(),
		credibility: newDialogSelect(credibilityChoices, nil), marking: newDialogSelect(markingChoices, nil)}
	f.note.SetMinRowsVisible(3)
	f.note.Wrapping = fyne.TextWrapWord
	f.tags.SetPlaceHolder("comma-separated, e.g. export controls, chips")
	f.note.Validator = limitValidator(domain.ExcerptNote)
	f.tags.Validator = func(s string) error { return forUser(domain.CheckTags(strings.Split(s, ","))) }
	f.credibility.SetSelectedIndex(0)
	f.marking.SetSelectedIndex(0)
	return f
}

func (f *excerptFields) items() []*widget.FormItem {
	return []*widget.FormItem{
		{Text: "Note", Widget: f.note},
		{Text: "Tags", Widget: f.tags},
		{Text: "Credibility", Widget: f.credibility, HintText: "Admiralty grade of the information"},
		{Text: "Marking", Widget: f.marking, HintText: "portion marking, if the briefing uses them"},
	}
}

// onChange calls fn whenever the analyst changes a field.
func (f *excerptFields) onChange(fn func()) {
	f.note.OnChanged = func(string) { fn() }
	f.tags.OnChanged = func(string) { fn() }
	f.credibility.OnChanged = func(string) { fn() }
	f.marking.OnChanged = func(string) { fn() }
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
	if f.marking.SelectedIndex() != markingIndex(e.Marking) {
		f.marking.SetSelectedIndex(markingIndex(e.Marking))
	}
}

func (f *excerptFields) apply(e *domain.Excerpt) {
	e.Note = f.note.Text // as typed: trimmed when saved, so the form keeps its spaces
	e.Tags = strings.Split(f.tags.Text, ",")
	e.Credibility = domain.Credibility(max(f.credibility.SelectedIndex(), 0))
	e.Marking = markingAt(f.marking.SelectedIndex())
}

// onNewExcerpt asks for note, tags and grades, then saves the selection as
// an excerpt with its exact offsets.
func (r *readerScreen) onNewExcerpt() {
	if r.ui.refuseReadOnly() {
		return
	}
	start, end := r.text.Selection()
	if r.source == nil || end <= start {
		return
	}
	fields := newExcerptFields()
	quote := widget.NewLabel(clipRunes(r.text.SelectedText(), 400))
	quote.Wrapping = fyne.TextWrapWord
	items := append([]*widget.FormItem{{Text: "Passage", Widget: quote, HintText: "characters " + strconv.Itoa(start) + "–" + strconv.Itoa(end)}}, fields.items()...)
	src := r.source
	r.ui.showForm("New excerpt", "Save excerpt", items, fyne.NewSize(620, 480), func(again func()) {
		e := &domain.Excerpt{SourceID: src.ID, Start: start, End: end}
		fields.apply(e)
		e.Note = strings.TrimSpace(e.Note)
		background(func() {
			err := r.ui.lib.CreateExcerpt(r.ui.ctx, e)
			r.ui.do(func() {
				if err != nil {
					// The form comes back with the note and tags as typed.
					again()
					r.ui.showError(err)
					return
				}
				r.text.ClearSelection()
				r.ui.libraryChanged(changedExcerpts)
				r.open(src.ID, e.ID) // after the refresh's, so it wins: the new excerpt is shown active
			})
		})
	})
}

func clipRunes(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
