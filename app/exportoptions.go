package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/export"
)

// exportOptionField is one export option's field in the export dialog: a
// drop-down for a choice, a file row for a file option.
type exportOptionField struct {
	opt  export.Option
	sel  *dialogSelect
	file *fileField
	item *widget.FormItem // its row, once the form is built
}

// ownTemplate is what a file row shows with no file: the DOCX then takes
// Attaché's own house template.
const ownTemplate = "Attaché's own"

// exportOptionFields are the export dialog's option fields: one per option
// key of every format, in the order export lists them. A drop-down starts
// from the choice made at the last export, else from the analyst's setting
// of the same key (the Settings dialog keeps the paper there). A file row
// (the house template) starts from Settings every time, as the command
// line does, so that the same settings give the same file in both. On/off
// options are not shown: export marks them AskFirst, and the export asks
// for them when it stops for want of one.
func (c *composer) exportOptionFields() []exportOptionField {
	p := c.ui.app.Preferences()
	seen := map[string]bool{}
	var out []exportOptionField
	for _, f := range export.Formats() {
		for _, o := range f.Options {
			if o.IsSwitch() || seen[o.Key] {
				continue
			}
			seen[o.Key] = true
			if o.File {
				out = append(out, exportOptionField{opt: o, file: c.ui.newFileField(o, p.String(o.Key), ownTemplate, false)})
				continue
			}
			v := p.String(prefExportLast + o.Key)
			if v == "" {
				v = p.String(o.Key)
			}
			sel := newDialogSelect(o.Labels(), nil)
			sel.SetSelected(o.LabelOf(v))
			out = append(out, exportOptionField{opt: o, sel: sel})
		}
	}
	return out
}

// widget is what the form shows for the option.
func (fl exportOptionField) widget() fyne.CanvasObject {
	if fl.file != nil {
		return fl.file
	}
	return fl.sel
}

// value is the option's value as shown: a choice's label, a file's path.
func (fl exportOptionField) value() string {
	if fl.file != nil {
		return fl.file.path
	}
	return fl.sel.Selected
}

func (fl exportOptionField) setEnabled(on bool) {
	switch {
	case fl.file != nil && on:
		fl.file.Enable()
	case fl.file != nil:
		fl.file.Disable()
	case on:
		fl.sel.Enable()
	default:
		fl.sel.Disable()
	}
}

// exportOption is the option key of export's formats (the Settings
// dialog's paper is the PDF's).
func exportOption(key string) export.Option {
	for _, f := range export.Formats() {
		if o, ok := f.Option(key); ok {
			return o
		}
	}
	panic("no export format has the option " + key)
}

// enableOptions leaves enabled the fields of the options f takes, so
// that choosing Markdown greys out the paper size and PDF the notes.
func enableOptions(fields []exportOptionField, f *export.Format) {
	for _, fl := range fields {
		_, ok := f.Option(fl.opt.Key)
		fl.setEnabled(ok)
		if fl.item != nil {
			// A greyed row says why, or it reads as broken.
			fl.item.HintText = ""
			if !ok {
				fl.item.HintText = "not for " + f.Label + ": " + formatsTaking(fl.opt.Key) + " only"
			}
		}
	}
}

// formatsTaking names the formats that take option key: "Word (DOCX)".
func formatsTaking(key string) string {
	var names []string
	for _, f := range export.Formats() {
		if _, ok := f.Option(key); ok {
			names = append(names, f.Label)
		}
	}
	return strings.Join(names, ", ")
}

// optionValues are the values chosen for f's options; export parses the
// labels shown.
func optionValues(fields []exportOptionField, f *export.Format) export.Options {
	opts := export.Options{}
	for _, fl := range fields {
		if _, ok := f.Option(fl.opt.Key); ok {
			opts[fl.opt.Key] = fl.value()
		}
	}
	return opts
}
