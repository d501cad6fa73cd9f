package app

import (
	"github.com/attache/attache/export"
)

// exportOptionField is one export option's drop-down in the export dialog.
type exportOptionField struct {
	opt export.Option
	sel *dialogSelect
}

// exportOptionFields are the export dialog's drop-downs: one per option key
// of every format, in the order export lists them, each starting from the
// choice made at the last export, else from the analyst's setting of the
// same key (the Settings dialog keeps the paper there). On/off options are not shown: export marks them AskFirst, and
// the export asks for them when it stops for want of one.
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
			sel := newDialogSelect(o.Labels(), nil)
			v := p.String(prefExportLast + o.Key)
			if v == "" {
				v = p.String(o.Key)
			}
			sel.SetSelected(o.LabelOf(v))
			out = append(out, exportOptionField{opt: o, sel: sel})
		}
	}
	return out
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

// enableOptions leaves enabled the drop-downs of the options f takes, so
// that choosing Markdown greys out the paper size.
func enableOptions(fields []exportOptionField, f *export.Format) {
	for _, fl := range fields {
		if _, ok := f.Option(fl.opt.Key); ok {
			fl.sel.Enable()
		} else {
			fl.sel.Disable()
		}
	}
}

// optionValues are the values chosen for f's options; export parses the
// labels shown.
func optionValues(fields []exportOptionField, f *export.Format) export.Options {
	opts := export.Options{}
	for _, fl := range fields {
		if _, ok := f.Option(fl.opt.Key); ok {
			opts[fl.opt.Key] = fl.sel.Selected
		}
	}
	return opts
}
