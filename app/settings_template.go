package app

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/export"
)

// writeHouseTemplate writes Attaché's own house template to a file;
// tests replace it while the DOCX writer is written on its own branch.
var writeHouseTemplate = export.WriteTemplateFile

// houseTemplateName is the name the save dialog offers.
const houseTemplateName = "Attaché house template.dotx"

// houseTemplateItem is the Settings dialog's "House template for Word":
// the file chosen (kept under the template option's key, where the
// export dialog and the command line look), Choose…, Clear, and a button
// to save Attaché's own template for a team to restyle in Word.
func (u *UI) houseTemplateItem(p fyne.Preferences) (*fileField, *widget.FormItem) {
	f := u.newFileField(exportOption(export.TemplateKey), p.String(export.TemplateKey), ownTemplate+" (none chosen)", true)
	save := newDialogButton("Save Attaché's template…", nil, u.onSaveHouseTemplate)
	box := container.NewVBox(f, container.NewHBox(save), helpLabel(houseTemplateHelp))
	return f, &widget.FormItem{Text: "House template for Word", Widget: box}
}

// houseTemplateHelp says what the house template is for, under its row.
const houseTemplateHelp = "Word exports take its styles, numbered lists, page, headers and footers; restyle Attaché's own in Word to make one."

// onSaveHouseTemplate asks where to save Attaché's own template.
func (u *UI) onSaveHouseTemplate() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		_ = wc.Close() // the dialog made the file; the template is written whole in its place
		u.saveHouseTemplate(path)
	}, u.win)
	d.SetFileName(houseTemplateName)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".dotx", ".docx"}))
	d.Resize(fitInside(u.win, fyne.NewSize(900, 620)))
	u.showDialog(d, nil, nil, nil)
}

// saveHouseTemplate writes the template to path off the UI goroutine. A
// name typed without .dotx or .docx gets .dotx, so that the file can be
// chosen as the template as it is; the empty file the save dialog made
// under the name typed is removed then, and when the writing fails.
func (u *UI) saveHouseTemplate(path string) {
	background(func() {
		target := path
		if ext := strings.ToLower(filepath.Ext(path)); ext != ".dotx" && ext != ".docx" {
			target = path + ".dotx"
		}
		err := writeHouseTemplate(u.ctx, target)
		if target != path || err != nil {
			removeIfEmpty(path)
		}
		u.do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.inform("Template saved", "Attaché's house template is saved as "+target+
				".\n\nRestyle it in Word, keeping the style names, then choose it here as the house template.")
		})
	})
}

// removeIfEmpty removes the empty file a save dialog left at path.
func removeIfEmpty(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		_ = os.Remove(path) // nothing was in it
	}
}
