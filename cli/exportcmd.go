package cli

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/interchange"
	"github.com/spf13/cobra"
)

// exportOptions are the export flags.
type exportOptions struct {
	out, format, paper string
	allowMissing       bool
}

// writer returns the exporter for a format.
func (o exportOptions) writer(format string) func(io.Writer, *domain.Bundle) error {
	switch format {
	case "pdf":
		return func(w io.Writer, b *domain.Bundle) error {
			return export.WritePDF(w, b, export.PDFOptions{Paper: o.paper, AllowMissing: o.allowMissing})
		}
	case "md":
		return export.WriteMarkdown
	case "json":
		return interchange.WriteJSON
	}
	return nil
}

func (a *cliApp) exportCommand() *cobra.Command {
	var o exportOptions
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "export ID --out FILE",
		Short: "Export a briefing (the format follows the file's extension)",
		Long: `Export a briefing with its sources as PDF, Markdown or the JSON interchange
format. The file is written to a temporary file beside the target and
renamed when complete, so a failed export never damages an earlier file.
Before a PDF is written, characters that no embedded font can show (emoji,
rare scripts) are reported with where they are; --allow-missing writes the
PDF anyway with those characters printed as their codes, e.g. [U+1F600].`,
		Args: exactArgs(1, "a briefing id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0], "briefing")
			if err != nil {
				return err
			}
			if o.out == "" {
				return usagef("give the file to write with --out")
			}
			fmtName, err := exportFormat(o.out, o.format)
			if err != nil {
				return err
			}
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			load := lib.BundleWithoutTexts // PDF and Markdown never print a source's text
			if fmtName == "json" {
				load = lib.Bundle
			}
			bundle, err := load(cmd.Context(), id)
			if err != nil {
				return err
			}
			write := o.writer(fmtName)
			err = export.WriteFileAtomic(cmd.Context(), o.out, 0o666, func(w io.Writer) error { return write(w, bundle) })
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, map[string]any{"id": id, "file": o.out, "format": fmtName})
			}
			printf(a.env.Stdout, "Exported briefing %d to %s\n", id, o.out)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "", "file to write")
	f.StringVar(&o.format, "format", "", "pdf, md or json (default: from the extension)")
	f.StringVar(&o.paper, "paper", "a4", "PDF paper size: a4 or letter")
	f.BoolVar(&o.allowMissing, "allow-missing", false, "write the PDF even if some characters are in no font (they print as their codes)")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

func exportFormat(out, format string) (string, error) {
	f := strings.ToLower(strings.TrimPrefix(format, "."))
	if f == "" {
		f = strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
	}
	switch f {
	case "pdf", "json", "md":
		return f, nil
	case "markdown":
		return "md", nil
	case "":
		return "", usagef("cannot tell the format of %q: end the name with .pdf, .md or .json, or give --format", out)
	}
	return "", usagef("%q is not an export format: use pdf, md or json", f)
}
