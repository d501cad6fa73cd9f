package app

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/export"
)

// fileField is a file option's row (the DOCX's house template): the file
// chosen, Choose… with a file dialog showing only the option's
// extensions, and Clear for none. A file chosen is checked off the UI
// goroutine (check reads it) and a bad one is refused with a message,
// the file chosen before kept. It is a widget so that a form's item is
// the field itself.
type fileField struct {
	widget.BaseWidget
	u      *UI
	opt    export.Option
	path   string
	none   string // what the row says with no file: "Attaché's own"
	full   bool   // the row shows the whole path, not the name
	check  func(path string) error
	shown  *widget.Label
	choose *dialogButton
	clear  *dialogButton
	box    *fyne.Container
}

func (u *UI) newFileField(opt export.Option, path, none string, full bool) *fileField {
	f := &fileField{u: u, opt: opt, none: none, full: full, check: export.CheckTemplate}
	f.shown = widget.NewLabel("")
	f.shown.Truncation = fyne.TextTruncateEllipsis
	f.choose = newDialogButton("Choose…", nil, f.openDialog)
	f.clear = newDialogButton("Clear", nil, func() { f.set("") })
	f.box = container.NewBorder(nil, nil, nil, container.NewHBox(f.choose, f.clear), f.shown)
	f.ExtendBaseWidget(f)
	if p, err := opt.Parse(path); err == nil {
		f.set(p)
	} else {
		f.set("") // a setting this version cannot read
	}
	return f
}

// CreateRenderer shows the row.
func (f *fileField) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(f.box) }

// set shows path as the file chosen.
func (f *fileField) set(path string) {
	f.path = path
	switch {
	case path == "":
		f.shown.SetText(f.none)
	case f.full:
		f.shown.SetText(path)
	default:
		f.shown.SetText(filepath.Base(path))
	}
	if path == "" {
		f.clear.Disable()
	} else if !f.choose.Disabled() {
		f.clear.Enable()
	}
}

// Enable and Disable follow the format chosen, as the drop-downs do: the
// file's name is greyed with the buttons, and Clear stays disabled with
// no file (Attaché's own) to clear.
func (f *fileField) Enable() {
	f.choose.Enable()
	if f.path != "" {
		f.clear.Enable()
	}
	f.shown.Importance = widget.MediumImportance
	f.shown.Refresh()
}

func (f *fileField) Disable() {
	f.choose.Disable()
	f.clear.Disable()
	f.shown.Importance = widget.LowImportance
	f.shown.Refresh()
}

// Disabled says whether the row is greyed out.
func (f *fileField) Disabled() bool { return f.choose.Disabled() }

func (f *fileField) openDialog() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			f.u.showError(err)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		_ = rc.Close() // only the path is wanted; nothing was read
		f.chosen(path)
	}, f.u.win)
	d.SetFilter(storage.NewExtensionFileFilter(f.opt.Exts))
	if f.path != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(f.path))); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fitInside(f.u.win, fyne.NewSize(900, 620)))
	f.u.showDialog(d, nil, nil, nil)
}

// chosen takes path once it is checked, off the UI goroutine; a file
// that is not a Word file is refused, the row keeping what it had.
func (f *fileField) chosen(path string) {
	p, err := f.opt.Parse(path)
	if err != nil {
		f.u.showError(err)
		return
	}
	background(func() {
		err := f.check(p)
		f.u.do(func() {
			var te *export.TemplateError
			if errors.As(err, &te) {
				// The command line's advice (leave the option empty) is
				// not this row's: the file it had is kept.
				f.u.inform("Not a template", "The file "+te.Path+" "+te.Problem+": choose another .docx or .dotx.")
				return
			}
			if err != nil {
				f.u.showError(err)
				return
			}
			f.set(p)
		})
	})
}
