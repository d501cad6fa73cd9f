package export

import (
	"context"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/interchange"
)

// Format is one way to export a briefing. The command line and the
// desktop app's export dialog both list the formats and their options from
// Formats, so a format added here is offered everywhere.
type Format struct {
	Name    string   // "pdf": --format's value, and what scripts see
	Label   string   // "PDF", in the export dialog
	Ext     string   // ".pdf", with the dot: the file's extension
	MIME    string   // "application/pdf"
	Aliases []string // other names --format and Lookup accept ("markdown")
	Options []Option // what the writer takes, in the order they are shown
	// NeedsTexts says the writer prints the sources' texts, so the
	// caller loads them (Bundle, not BundleWithoutTexts).
	NeedsTexts bool

	write func(ctx context.Context, w io.Writer, b *domain.Bundle, opts Options) error
	// writeFile, if set, writes to a file by path: a format that writes
	// more than one file (Markdown's figures beside it) needs the path.
	writeFile func(ctx context.Context, path string, b *domain.Bundle, opts Options) error
}

// formats are the exporters, in the order they are offered; the first is
// the default. JSON is package interchange's format, registered here
// because interchange must not import export.
var formats = []*Format{
	{Name: "pdf", Label: "PDF", Ext: ".pdf", MIME: "application/pdf",
		Options: []Option{paperOption, basisOption, readingGuideOption, allowMissingOption}, write: writePDFFormat},
	{Name: "md", Label: "Markdown", Ext: ".md", MIME: "text/markdown; charset=utf-8", Aliases: []string{"markdown"},
		Options: []Option{basisOption, readingGuideOption},
		write: func(ctx context.Context, w io.Writer, b *domain.Bundle, opts Options) error {
			return WriteMarkdownWith(ctx, w, b, layoutContext(opts))
		},
		writeFile: func(ctx context.Context, path string, b *domain.Bundle, opts Options) error {
			return WriteMarkdownFileWith(ctx, path, b, layoutContext(opts))
		}},
	{Name: "docx", Label: "Word (DOCX)", Ext: ".docx",
		MIME:    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		Aliases: []string{"word"},
		Options: []Option{notesOption, templateOption, basisOption, readingGuideOption}, write: writeDOCXFormat},
	{Name: "json", Label: "JSON (interchange)", Ext: ".json", MIME: "application/json",
		NeedsTexts: true, write: writeJSONFormat},
}

// Formats lists the export formats, the default first.
func Formats() []*Format { return formats }

// FormatNames are the formats' names ("pdf, md or json"), for messages.
func FormatNames() string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return orList(names)
}

// Extensions are the formats' extensions (".pdf, .md or .json").
func Extensions() string {
	exts := make([]string, len(formats))
	for i, f := range formats {
		exts[i] = f.Ext
	}
	return orList(exts)
}

// Lookup finds a format by its name, an alias or its extension, in any
// case and with or without the dot.
func Lookup(name string) (*Format, bool) {
	name = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "."))
	for _, f := range formats {
		if name == f.Name || name == strings.TrimPrefix(f.Ext, ".") || slices.Contains(f.Aliases, name) {
			return f, true
		}
	}
	return nil, false
}

// ForFile is the format a file's extension names.
func ForFile(path string) (*Format, bool) {
	ext := filepath.Ext(path)
	if ext == "" {
		return nil, false
	}
	return Lookup(ext)
}

// Option finds one of the format's options by key.
func (f *Format) Option(key string) (Option, bool) {
	for _, o := range f.Options {
		if o.Key == key {
			return o, true
		}
	}
	return Option{}, false
}

// Write writes b in this format. Option values are checked first (an
// unknown value is EINVALID, a missing one takes the default); the writer
// stops with ctx's error soon after ctx is cancelled. PDF and Markdown
// refuse with a *Refusal, writing nothing, while the markings would be
// wrong (Document.Refusals); JSON never does. A release copy is made
// before, with Release.
func (f *Format) Write(ctx context.Context, w io.Writer, b *domain.Bundle, opts Options) error {
	checked, err := f.check(opts)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return f.write(ctx, w, b, checked)
}

// check gives every option of the format its value, parsed or default.
// Keys the format does not take are left out: the command line sets every
// format's options, whichever is chosen.
func (f *Format) check(opts Options) (Options, error) {
	out := make(Options, len(f.Options))
	for _, o := range f.Options {
		v, given := opts[o.Key]
		if !given {
			v = o.Default
		}
		parsed, err := o.Parse(v)
		if err != nil {
			return nil, err
		}
		out[o.Key] = parsed
	}
	return out, nil
}

func writePDFFormat(ctx context.Context, w io.Writer, b *domain.Bundle, opts Options) error {
	return WritePDF(ctx, w, b, PDFOptions{Paper: opts[paperOption.Key], AllowMissing: opts.On(allowMissingOption.Key),
		Basis: opts[basisOption.Key], ReadingGuide: opts[readingGuideOption.Key]})
}

// layoutContext is the layout the options choose.
func layoutContext(opts Options) Context {
	return Context{Basis: opts[basisOption.Key], ReadingGuide: opts[readingGuideOption.Key]}
}

// writeJSONFormat checks ctx only before writing: the interchange writer
// takes a fraction of the time of loading the bundle it writes. It never
// refuses a briefing for its markings, as PDF and Markdown do: the JSON
// file is the analyst's own copy of the data (a backup, or a briefing to
// exchange with another Attaché), marks and all, not a document for a
// reader, and refusing it could lose work that is being put right.
func writeJSONFormat(ctx context.Context, w io.Writer, b *domain.Bundle, _ Options) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return interchange.WriteJSON(w, b)
}

// orList joins "a, b or c".
func orList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
