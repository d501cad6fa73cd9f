package cli

import (
	"context"
	"os"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/spf13/cobra"
)

// writeExport writes the export; tests replace it to see the options a
// writer is given without the writer (the DOCX writer comes separately).
var writeExport = func(ctx context.Context, f *export.Format, out string, b *domain.Bundle, opts export.Options) error {
	return f.WriteFile(ctx, out, b, opts)
}

// writeTemplate writes Attaché's own house template; tests replace it.
var writeTemplate = export.WriteTemplateFile

// templateCommand writes Attaché's own house template for the DOCX, so a
// team can restyle it in Word and give it back with --template or in the
// app's Settings. It needs no library.
func (a *cliApp) templateCommand() *cobra.Command {
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "template --out FILE.dotx [--force]",
		Short: "Write Attaché's house template for Word exports, to restyle and use with export --template",
		Long: `Write Attaché's own house template for Word (DOCX) exports: a .dotx
with the styles, page, headers and footers the export uses. Restyle it
in Word (keep the style names), then export with --template FILE.dotx or
choose it in the desktop app's Settings (House template for Word). An
existing file is replaced only with --force.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usagef("give the template file to write with --out FILE.dotx")
			}
			if err := export.CheckTemplateName(out); err != nil {
				return err
			}
			if err := refuseExisting(out, force); err != nil {
				return err
			}
			if err := writeTemplate(cmd.Context(), out); err != nil {
				return err
			}
			printf(a.env.Stdout, "Wrote Attaché's house template to %s\n", out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "template file to write (.dotx or .docx)")
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it exists")
	return cmd
}

// refuseExisting refuses to replace a file at out without force: a team's
// restyled template may be there, and the template written over it would
// lose the restyling. (A file made between this look and the write is
// replaced: the command is run by hand, not raced.)
func refuseExisting(out string, force bool) error {
	if force {
		return nil
	}
	if _, err := os.Lstat(out); err == nil {
		return domain.Errorf(domain.ECONFLICT, "%s already exists: give another --out, or --force to replace it", out)
	}
	return nil
}

// checkTemplate checks the house template before anything is loaded, so
// that a template moved away or mistyped is named with what to do; one
// from the settings says where to change it.
func checkTemplate(path string, fromSettings bool) error {
	err := export.CheckTemplate(path)
	if err == nil || !fromSettings {
		return err
	}
	return domain.Errorf(domain.ErrorCode(err), "%s (it is the desktop app's setting, File → Settings → House template for Word; change it there, or give --template)", domain.ErrorMessage(err))
}

// fileValues is what a file option takes, as typed: "FILE.docx|FILE.dotx".
func fileValues(o export.Option) string {
	files := make([]string, len(o.Exts))
	for i, e := range o.Exts {
		files[i] = "FILE" + e
	}
	return strings.Join(files, "|")
}

// isReading says whether f is a format for readers, which a release copy
// may be: one that does not carry the whole library's texts.
func isReading(f *export.Format) bool { return !f.NeedsTexts }

// readingLabels names the reading formats: "PDF, Markdown or Word (DOCX)".
func readingLabels() string {
	var labels []string
	for _, f := range export.Formats() {
		if isReading(f) {
			labels = append(labels, f.Label)
		}
	}
	return orList(labels)
}

// readingFiles are the reading formats' file names: "FILE.pdf, FILE.md or FILE.docx".
func readingFiles() string {
	var files []string
	for _, f := range export.Formats() {
		if isReading(f) {
			files = append(files, "FILE"+f.Ext)
		}
	}
	return orList(files)
}

// orList joins "a, b or c".
func orList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
