package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// "What changed" between two versions of a briefing, or a version and the
// briefing now: the judgments added, removed or reworded with their
// confidence, the evidence linked or unlinked, the status — what ICD 203
// asks an analyst to explain — with a change note to save.

// compareBriefings is integrity.Compare (a variable for the tests).
var compareBriefings = integrity.Compare

// nowChoice is the "To" choice of the briefing as it is now.
const nowChoice = "Now (the briefing as it stands)"

// versionLabel names a version in the choices: its label and when.
func versionLabel(s *domain.Snapshot) string {
	label := s.Label
	if label == "" {
		label = "Saved version"
	}
	return label + " — " + s.CreatedAt.Local().Format("2 Jan 2006 15:04")
}

// changesView is the What changed dialog's state (UI goroutine only).
type changesView struct {
	c        *composer
	versions []*domain.Snapshot // newest first, as listed
	from, to *dialogSelect
	text     *widget.RichText
	save     *dialogButton
	shown    *integrity.Changes // what the text shows; nil while loading
	gen      int
}

// showChanges opens What changed from version from (an index into
// versions) to the briefing now.
func (c *composer) showChanges(versions []*domain.Snapshot, from int) {
	v := &changesView{c: c, versions: versions}
	labels := make([]string, len(versions))
	for i, s := range versions {
		labels[i] = versionLabel(s)
	}
	v.from = newDialogSelect(labels, func(string) { v.load() })
	v.to = newDialogSelect(append([]string{nowChoice}, labels...), func(string) { v.load() })
	v.text = widget.NewRichText()
	v.text.Wrapping = fyne.TextWrapWord
	v.save = newDialogButton("Save change note…", theme.DocumentSaveIcon(), v.askSave)
	v.save.Disable()
	pick := container.New(layout.NewFormLayout(), widget.NewLabel("From"), v.from, widget.NewLabel("To"), v.to)
	body := container.NewBorder(pick, container.NewHBox(v.save), nil, nil, container.NewVScroll(v.text))
	d := dialog.NewCustom("What changed", "Close", body, c.ui.win)
	d.Resize(fitInside(c.ui.win, fyne.NewSize(820, 600)))
	c.ui.showDialog(d, body, nil, nil)
	v.to.SetSelectedIndex(0)
	v.from.SetSelectedIndex(from) // loads
}

// load compares the two versions chosen, read off the UI goroutine.
func (v *changesView) load() {
	fi, ti := v.from.SelectedIndex(), v.to.SelectedIndex()
	if fi < 0 || ti < 0 {
		return
	}
	v.gen++
	gen := v.gen
	v.shown = nil
	v.save.Disable()
	v.text.ParseMarkdown("Comparing…")
	c := v.c
	var now *domain.Briefing
	var toID int64
	toLabel := "now"
	if ti == 0 {
		if c.d == nil {
			return
		}
		now = c.d.b.Clone()
	} else {
		toID, toLabel = v.versions[ti-1].ID, versionLabel(v.versions[ti-1])
	}
	fromID, fromLabel := v.versions[fi].ID, versionLabel(v.versions[fi])
	u := c.ui
	background(func() {
		old, err := v.version(fromID)
		newer := now
		if err == nil && newer == nil {
			newer, err = v.version(toID)
		}
		var ch *integrity.Changes
		if err == nil {
			ch = compareBriefings(old, newer)
			ch.From, ch.To = fromLabel, toLabel
		}
		u.do(func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				v.text.ParseMarkdown("Attaché could not read the versions: " + domain.ErrorMessage(err) + ". Choose them again to retry.")
				return
			}
			v.shown = ch
			v.text.Segments = changesSegments(ch)
			v.text.Refresh()
			if !noChanges(ch) {
				v.save.Enable()
			}
		})
	})
}

// version reads a version with its excerpts' quotes (runs off the UI
// goroutine).
func (v *changesView) version(id int64) (*domain.Briefing, error) {
	s, err := v.c.ui.lib.Snapshot(v.c.ui.ctx, id)
	if err != nil {
		return nil, err
	}
	return s.Briefing, v.c.loadExcerpts(s.Briefing)
}

// changesSegments shows the changes for reading: the change note's own
// sections and lines (integrity.Changes.Sections), so that the dialog
// and the note saved or printed by the command line say the same.
func changesSegments(ch *integrity.Changes) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	para := func(s string) {
		segs = append(segs, &widget.TextSegment{Text: s, Style: widget.RichTextStyleParagraph})
	}
	para("From “" + ch.From + "” to “" + ch.To + "”.")
	if noChanges(ch) {
		para("Nothing changed in the key judgments, their evidence, the bottom line, the title or the status.")
		return segs
	}
	for _, sec := range ch.Sections() {
		head := sec.Head
		if head == "" {
			head = "The briefing"
		}
		segs = append(segs, &widget.TextSegment{Text: head, Style: widget.RichTextStyleSubHeading})
		for _, l := range sec.Lines {
			para(l)
		}
	}
	return segs
}

// noChanges says the comparison found nothing a change note reports.
func noChanges(ch *integrity.Changes) bool { return ch.Empty() }

// changeNoteName is the file name offered for a change note.
func changeNoteName(title string) string {
	return strings.TrimSuffix(fileSafe(title+" — change note"), ".md") + ".md"
}
