package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

var reliabilityChoices = []string{"Not graded", "A — Completely reliable", "B — Usually reliable", "C — Fairly reliable", "D — Not usually reliable", "E — Unreliable", "F — Cannot be judged"}

// editSource shows a source's metadata in a form, below the importer's
// notes on what it detected and changed if there are any; saving stores it
// and calls done. The text itself never changes.
func (u *UI) editSource(src *domain.Source, title string, report []string, done func()) {
	items, save := u.sourceForm(src, report)
	u.showForm(title, "Save", items, fyne.NewSize(640, 620), func(again func()) { save(again, done) })
}

// sourceForm is the form items for a source's details, and save, which
// stores what they hold, calling done, or again (to show the form as
// typed) and the error.
func (u *UI) sourceForm(src *domain.Source, report []string) (items []*widget.FormItem, save func(again, done func())) {
	e := func(v string) *dialogEntry { w := newDialogEntry(); w.SetText(v); return w }
	titleE, subtitle, authors := e(src.Title), e(src.Subtitle), e(strings.Join(src.Authors, "; "))
	publisher, published, url := e(src.Publisher), e(src.Published.String()), e(src.URL)
	accessed := e(src.Accessed.String())
	rel := newDialogSelect(reliabilityChoices, nil)
	grade := 0 // not graded
	if src.Reliability != "" {
		grade = strings.Index("ABCDEF", string(src.Reliability)) + 1
	}
	rel.SetSelectedIndex(grade)
	notes := newDialogMultiEntry()
	notes.SetText(src.Notes)
	published.SetPlaceHolder("YYYY-MM-DD")
	accessed.SetPlaceHolder("YYYY-MM-DD")
	published.Validator = dateValidator
	accessed.Validator = dateValidator
	titleE.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return userError{"the source needs a title"}
		}
		return limitValidator(domain.SourceTitle)(s)
	}
	subtitle.Validator, publisher.Validator = limitValidator(domain.SourceSubtitle), limitValidator(domain.SourcePublisher)
	url.Validator, notes.Validator = limitValidator(domain.SourceURL), limitValidator(domain.SourceNotes)
	authors.Validator = func(s string) error { return forUser(domain.CheckAuthors(splitList(s, ";"))) }
	items = []*widget.FormItem{{Text: "Title", Widget: titleE}, {Text: "Subtitle", Widget: subtitle},
		{Text: "Authors", Widget: authors, HintText: "separate several with ;"}, {Text: "Publisher", Widget: publisher},
		{Text: "Published", Widget: published}, {Text: "URL", Widget: url}, {Text: "Accessed", Widget: accessed},
		{Text: "Reliability", Widget: rel, HintText: "Admiralty grade of the source"}, {Text: "Notes", Widget: notes}}
	scheme, marking := u.sourceMarkingFields(src.Marking)
	items = append(items, &widget.FormItem{Text: "Marking scheme", Widget: scheme},
		&widget.FormItem{Text: "Marking", Widget: marking.box, HintText: "the source's own; its excerpts take it unless marked otherwise"})
	if len(report) > 0 {
		found := widget.NewLabel(strings.Join(report, "\n"))
		found.Wrapping = fyne.TextWrapWord
		found.Importance = widget.LowImportance
		items = append([]*widget.FormItem{{Text: "Import", Widget: found}}, items...)
	}
	return items, func(again, done func()) {
		base := *src // as the form showed it: changes made elsewhere since are kept
		s := *src
		s.Title, s.Subtitle, s.Publisher, s.URL, s.Notes = strings.TrimSpace(titleE.Text), subtitle.Text, publisher.Text, url.Text, notes.Text
		s.Authors = splitList(authors.Text, ";")
		s.Published, _ = domain.ParseDate(strings.TrimSpace(published.Text))
		s.Accessed, _ = domain.ParseDate(strings.TrimSpace(accessed.Text))
		s.Reliability = ""
		if i := rel.SelectedIndex(); i > 0 {
			s.Reliability = domain.Reliability("ABCDEF"[i-1 : i])
		}
		m, err := marking.value()
		if err != nil {
			again()
			u.showError(userError{"the source's marking: " + domain.ErrorMessage(err)})
			return
		}
		s.Marking = m
		background(func() {
			clashes, err := u.lib.UpdateSource(u.ctx, &base, &s)
			u.do(func() {
				if err != nil {
					again() // back with what was typed
					u.showError(err)
					return
				}
				if len(clashes) > 0 {
					u.toldClash("Source "+itoa(int(s.ID)), clashes)
				}
				*src = s
				if done != nil {
					done()
				}
			})
		})
	}
}

// sourceMarkingFields are the source form's scheme select and marking,
// showing m: the marking's own scheme, or the default for an unmarked
// source. Choosing another scheme offers its marks.
func (u *UI) sourceMarkingFields(m domain.Marking) (*dialogSelect, *markingField) {
	sc := u.defaultScheme()
	if k, err := m.Read(); err == nil && !k.IsZero() {
		sc = k.Scheme
	}
	field := newMarkingField(sc, true)
	field.set(m)
	sel := newDialogSelect(schemeNames(), func(name string) {
		if s := schemeNamed(name); s != field.scheme {
			field.setScheme(s)
		}
	})
	sel.SetSelected(sc.Name)
	return sel, field
}

// limitValidator says under the field, before any save is tried, what the
// library would refuse in it (too long, or a control character); the
// text stays as typed, never cut.
func limitValidator(f domain.Field) fyne.StringValidator {
	return func(s string) error { return forUser(f.Check(s)) }
}

// forUser is err as a field shows it, nil for nil.
func forUser(err error) error {
	if err == nil {
		return nil
	}
	return errorForUser(err)
}

// upperFirst capitalises a message to stand as a sentence of its own.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func dateValidator(s string) error {
	_, err := domain.ParseDate(strings.TrimSpace(s))
	if err != nil {
		return userError{domain.ErrorMessage(err)}
	}
	return nil
}

func splitList(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (r *readerScreen) onEditSource() {
	if r.source == nil {
		return
	}
	src := r.source
	r.ui.editSource(src, "Source details", nil, func() {
		r.open(src.ID, -1)
		r.ui.library.reload()
	})
}

// onDeleteSource confirms, naming the briefings that use its excerpts, and
// moves the source to the trash, offering Undo.
func (r *readerScreen) onDeleteSource() {
	if r.source == nil {
		return
	}
	src := r.source
	background(func() {
		used, err := r.ui.lib.SourceUsage(r.ui.ctx, src.ID)
		r.ui.do(func() {
			if err != nil {
				r.ui.showError(err)
				return
			}
			msg := "Move “" + src.Title + "” and its " + plural(len(r.excerpts), "excerpt") + " to the trash? View → Trash… can bring them back."
			if len(used) > 0 {
				names := make([]string, len(used))
				for i, b := range used {
					names[i] = "“" + b.Title + "”"
				}
				msg += "\n\nIts excerpts are used in " + strings.Join(names, ", ") + "; they will be removed from those briefings."
			}
			r.ui.confirm("Delete source", msg, func(ok bool) {
				if ok {
					r.deleteSource(src, len(used) > 0)
				}
			})
		})
	})
}

func (r *readerScreen) deleteSource(src *domain.Source, force bool) {
	background(func() {
		err := r.ui.lib.TrashSource(r.ui.ctx, src.ID, force)
		r.ui.do(func() {
			if err != nil {
				r.ui.showError(err)
				return
			}
			r.source = nil
			r.ui.rememberSource(0)
			r.show(false)
			r.ui.sourceTrashed(src, force)
		})
	})
}
