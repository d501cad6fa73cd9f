package app

// The export form's file: its name, folder and house template, checked
// before anything is written, and the choices kept for the next export.

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// typedNameLost is what cancelling the export form loses: only a file
// name typed by hand. Its choices are kept only once an export is made,
// so a drop-down changed and cancelled loses nothing the analyst wrote.
func typedNameLost(name *dialogEntry) func() string {
	offered := name.Text
	return func() string {
		if name.Text == offered {
			return ""
		}
		return "The file name you typed is not saved."
	}
}

// exportStem is the file name typed without the format's extension, and
// whether it names a file: one that is empty, only dots, or only an
// extension (".docx", ".pdf" for a Word file) would be a hidden file.
func exportStem(typed, ext string) (string, bool) {
	stem := strings.TrimSpace(typed)
	if strings.EqualFold(filepath.Ext(stem), ext) {
		stem = strings.TrimSpace(stem[:len(stem)-len(ext)])
	}
	if strings.Trim(stem, ". ") == "" || filepath.Ext(stem) == stem {
		return "", false
	}
	return stem, true
}

// confirmExport checks the house template, then asks before replacing a
// file, then goes on to the briefing's problems and the export. Both are
// looked at off the UI goroutine (the folder may be on a slow share), and
// before any question, so that a template broken since it was chosen is
// named while the form, brought back by again, still holds the choices.
func (c *composer) confirmExport(job exportJob, again func()) {
	background(func() {
		tmplErr := checkJobTemplate(job)
		_, statErr := os.Stat(job.path)
		c.ui.do(func() {
			switch {
			case tmplErr != nil:
				again()
				c.ui.inform("House template", templateMessage(tmplErr))
			case statErr != nil:
				c.checkThenExport(job)
			default:
				c.askReplace(job, again)
			}
		})
	})
}

// askReplace asks before the export replaces a file; Cancel brings the
// form back, to choose another name.
func (c *composer) askReplace(job exportJob, again func()) {
	c.ui.confirmWith("Replace file?", "“"+filepath.Base(job.path)+"” already exists in "+filepath.Dir(job.path)+". Replace it?",
		"Replace", "Cancel", func(ok bool) {
			if ok {
				c.checkThenExport(job)
			} else {
				again()
			}
		})
}

// rememberExport keeps the choices of an export carried out, for the next
// one to start from: the folder, the format and the drop-downs. A file
// option (the house template) is not kept: a template picked in the
// dialog is for that export, and the next starts from Settings.
func (c *composer) rememberExport(job exportJob) {
	p := c.ui.app.Preferences()
	p.SetString(prefExportFolder, filepath.Dir(job.path))
	p.SetString(prefExportLast+"format", job.format.Label)
	for key, v := range job.opts {
		if o, ok := job.format.Option(key); ok && !o.File && !o.IsSwitch() {
			p.SetString(prefExportLast+key, v)
		}
	}
}

// exportFolder is where the export form starts: the last folder used,
// else Documents, else home. It looks on disk: call it off the UI goroutine.
func (c *composer) exportFolder() string {
	if f := c.ui.app.Preferences().String(prefExportFolder); f != "" {
		return f
	}
	home, _ := os.UserHomeDir()
	if docs := filepath.Join(home, "Documents"); isDir(docs) {
		return docs
	}
	return home
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func fileSafe(title string) string {
	r := strings.NewReplacer("/", "-", "\\", "-", ":", " -", "*", "", "?", "", "\"", "", "<", "", ">", "", "|", "-")
	s := strings.TrimSpace(r.Replace(title))
	if s == "" {
		return "briefing"
	}
	return clipRunes(s, 80)
}

// writeExportFile checks the house template again, for one moved away
// since the form checked it, then writes the file. Tests replace it to
// see what the writer is given.
var writeExportFile = func(ctx context.Context, job exportJob, bundle *domain.Bundle) error {
	if err := checkJobTemplate(job); err != nil {
		return err
	}
	return job.format.WriteFile(ctx, job.path, bundle, job.opts)
}

// checkJobTemplate checks the job's house template, if its format takes
// one. It reads the file: call it off the UI goroutine.
func checkJobTemplate(job exportJob) error {
	if _, ok := job.format.Option(export.TemplateKey); !ok {
		return nil
	}
	return export.CheckTemplate(job.opts[export.TemplateKey])
}

// templateMessage says what is wrong with the house template in the app's
// words: the command line's say to leave the option empty, the app has a
// Clear button and Settings.
func templateMessage(err error) string {
	const fix = "choose another in Settings, or Clear it to use Attaché's own."
	var te *export.TemplateError
	if errors.As(err, &te) {
		return "The house template " + te.Path + " " + te.Problem + ": " + fix
	}
	return domain.ErrorMessage(err) // not the template's: said as it is
}
