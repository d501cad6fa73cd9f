package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// askClash asks how to go on after a save clashed with changes made
// elsewhere (see clash). Escape does nothing: the question is answered on
// purpose, and the typing is safe while it waits.
func (u *UI) askClash(d *draft) {
	c := d.held
	if c == nil {
		return
	}
	msg := fmt.Sprintf("“%s” was changed %s while you were editing it. Both of you changed %s.\n\n"+
		"Nothing is lost whichever you choose.", c.theirs.Title, c.by, c.what())
	label := &widget.Label{Text: msg, Wrapping: fyne.TextWrapWord}
	var dlg *dialog.CustomDialog
	choice := func(do func()) func() { return func() { dlg.Hide(); do() } }
	theirs := newDialogButton("Take theirs", theme.ViewRefreshIcon(), choice(d.takeTheirs))
	both := newDialogButton("Keep both", theme.ContentCopyIcon(), choice(func() { d.keepBoth(u.openCopy) }))
	pick := newDialogButton("Choose block by block…", theme.ListIcon(), choice(func() { u.askBlocks(d) }))
	pick.Importance = widget.HighImportance
	hints := widget.NewLabel("Take theirs: their version is shown; yours goes to Versions.\n" +
		"Keep both: theirs stays in this briefing; yours becomes a copy.\n" +
		"Block by block: for each place you both changed, keep yours or theirs.")
	hints.Wrapping = fyne.TextWrapWord
	hints.Importance = widget.LowImportance
	content := container.NewVBox(label, hints)
	dlg = dialog.NewCustomWithoutButtons("Also changed elsewhere", content, u.win)
	for _, b := range []*dialogButton{theirs, both, pick} {
		b.setKeys(u.escape, nil)
	}
	dlg.SetButtons([]fyne.CanvasObject{theirs, both, pick})
	dlg.Resize(fitInside(u.win, fyne.NewSize(640, 0)))
	u.showDialog(dlg, content, func() {}, nil)
}

// openCopy opens the briefing that keeps the analyst's side of a clash.
func (u *UI) openCopy(b *domain.Briefing) { u.openBriefing(b.ID) }

// clashChoice is one place both sides changed, with the analyst's pick.
type clashChoice struct {
	key   string // the block, or the briefing's field, or the order
	title string
	mine  *widget.RadioGroup
}

// choiceKey groups clashes: a block is kept whole from one side; the
// briefing's own fields and the order are chosen one by one.
func choiceKey(c domain.Conflict) string {
	if c.Block != 0 {
		return fmt.Sprint("block ", c.Block)
	}
	return "field " + c.Field
}

// askBlocks lists every place both sides changed, with yours and theirs,
// and saves what the analyst picks (yours, unless changed).
func (u *UI) askBlocks(d *draft) {
	c := d.held
	rows := container.NewVBox()
	var choices []*clashChoice
	byKey := map[string]*clashChoice{}
	for _, x := range c.conflicts {
		if k := choiceKey(x); byKey[k] == nil {
			ch := &clashChoice{key: k, title: placeName(x, c.theirs)}
			byKey[k] = ch
			choices = append(choices, ch)
		}
	}
	for _, ch := range choices {
		yours, theirs := sides(c, ch.key)
		ch.mine = widget.NewRadioGroup([]string{"Yours: " + yours, "Theirs: " + theirs}, nil)
		ch.mine.Required = true
		ch.mine.SetSelected(ch.mine.Options[0])
		head := widget.NewLabelWithStyle(ch.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		rows.Add(container.NewVBox(head, ch.mine))
	}
	var dlg *dialog.CustomDialog
	back := newDialogButton("Back", theme.NavigateBackIcon(), func() { dlg.Hide(); u.askClash(d) })
	save := newDialogButton("Save my choices", theme.ConfirmIcon(), func() {
		dlg.Hide()
		d.resolve(func(x domain.Conflict) bool {
			ch := byKey[choiceKey(x)]
			return ch == nil || ch.mine.Selected == ch.mine.Options[0]
		})
	})
	save.Importance = widget.HighImportance
	back.setKeys(u.escape, nil)
	save.setKeys(u.escape, nil)
	intro := widget.NewLabel(fmt.Sprintf("For each place you both changed, keep yours or the version changed %s. "+
		"Everything else either of you changed is kept.", c.by))
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(rows))
	dlg = dialog.NewCustomWithoutButtons("Choose block by block", content, u.win)
	dlg.SetButtons([]fyne.CanvasObject{back, save})
	dlg.Resize(fitInside(u.win, fyne.NewSize(760, 520)))
	u.showDialog(dlg, content, func() { dlg.Hide(); u.askClash(d) }, nil)
}

// placeName names a clashing place for the analyst: the block by its
// kind and number in the briefing, or the briefing's field.
func placeName(x domain.Conflict, theirs *domain.Briefing) string {
	if x.Block == 0 { // "the title" → "Title"
		name := strings.TrimPrefix(x.Describe(), "the ")
		return strings.ToUpper(name[:1]) + name[1:]
	}
	for i, b := range theirs.Blocks {
		if b.ID == x.Block {
			return fmt.Sprintf("Block %d (%s)", i+1, b.Type)
		}
	}
	return fmt.Sprintf("A block removed on one side (block %d)", x.Block)
}

// sides are the two versions of a place, short enough for one line each.
func sides(c *clash, key string) (yours, theirs string) {
	var ys, ts []string
	for _, x := range c.conflicts {
		if choiceKey(x) != key {
			continue
		}
		ys, ts = append(ys, shortValue(x.Mine)), append(ts, shortValue(x.Theirs))
	}
	return strings.Join(ys, " · "), strings.Join(ts, " · ")
}

// shortValue is a value on one line, cut to fit a dialog's row.
func shortValue(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "(empty)"
	}
	if r := []rune(s); len(r) > 90 {
		return string(r[:89]) + "…"
	}
	return s
}
