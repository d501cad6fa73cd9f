// Package ingest turns a file an analyst has saved or pasted (plain text,
// Markdown, a saved web page, a PDF report, a Word document) or a web
// address they name into a domain.Source: clean article text whose rune
// offsets excerpts can rely on, page starts for paged sources, plus the
// metadata the file gives away (title, section label, byline, date,
// publisher, URL). PDF text comes from PDFium compiled to WebAssembly and
// run by wazero: pure Go, offline, no system library.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/attache/attache/domain"
)

// DefaultMaxBytes is the largest file Import reads when Options.MaxBytes is 0.
const DefaultMaxBytes = 64 << 20

// Options tune an import.
type Options struct {
	MaxBytes int64 // files larger than this are refused; 0 means DefaultMaxBytes
}

// Report tells the analyst what the importer detected and changed.
type Report struct {
	Format              string    `json:"format"`                // "text", "markdown", "html", "pdf", "docx"
	Encoding            string    `json:"encoding"`              // "utf-8", "utf-16", "windows-1252"
	Detected            []Finding `json:"detected"`              // each field found, with where it came from
	DuplicatesCollapsed int       `json:"duplicates_collapsed"`  // consecutive duplicate paragraphs removed
	Warnings            []string  `json:"warnings"`              // sentences for the analyst: what to check
	HTTPStatus          int       `json:"http_status,omitempty"` // a fetched page's server answer

	// canonical is an HTML page's <link rel=canonical> as written, kept so
	// that FetchURL can resolve it without reading the page again.
	canonical string
}

// Finding is one thing the importer found or changed: a field ("title",
// "authors", "published", "format", "removed", …), the value it took, and
// where that came from ("first line", "document info", "meta author",
// "from the extension .md", "on 3 pages"); From may be empty.
type Finding struct {
	Field string `json:"field"`
	Value string `json:"value"`
	From  string `json:"from,omitempty"`
}

// String is the finding as one line, such as `title: "Cables at Risk"
// (first line)`: titles are quoted, being sentences themselves.
func (f Finding) String() string {
	v := f.Value
	if f.Field == "title" || f.Field == "subtitle" {
		v = `"` + v + `"`
	}
	if f.From == "" {
		return f.Field + ": " + v
	}
	return f.Field + ": " + v + " (" + f.From + ")"
}

func (o Options) limit() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// ImportFile imports the file at path. Folders and files over the size
// limit are refused before anything is read.
func ImportFile(path string, opt Options) (*domain.Source, *Report, error) {
	return ImportFileContext(context.Background(), path, opt)
}

// ImportFileContext is ImportFile stopped by ctx: a PDF stops between
// pages, and the import ends with an error that says so.
func ImportFileContext(ctx context.Context, path string, opt Options) (*domain.Source, *Report, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, domain.Errorf(domain.ENOTFOUND, "%s does not exist: check the file name and folder", path)
	case errors.Is(err, fs.ErrPermission):
		return nil, nil, domain.Errorf(domain.EINVALID, "cannot open %s: permission denied; copy the file somewhere you can read it", path)
	case err != nil:
		return nil, nil, domain.Errorf(domain.EINVALID, "cannot open %s: %v", path, err)
	case fi.IsDir():
		return nil, nil, domain.Errorf(domain.EINVALID, "%s is a folder, not a file: choose one of the files inside it (%s)", path, accepted)
	case fi.Mode().IsRegular() && fi.Size() > opt.limit():
		return nil, nil, domain.Errorf(domain.EINVALID, "%s is %s, more than the %s import limit: import only the article's text, or split the file",
			filepath.Base(path), humanSize(fi.Size()), humanSize(opt.limit()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, domain.Errorf(domain.EINVALID, "cannot open %s: %v", path, err)
	}
	defer f.Close()
	return ImportContext(ctx, path, f, opt)
}

// Import reads one source from r. name is the file name: its extension
// chooses the format (content sniffing decides otherwise) and its base name
// is stored as Source.FileName. ID, SHA256 and ImportedAt are left to the store.
func Import(name string, r io.Reader, opt Options) (*domain.Source, *Report, error) {
	return ImportContext(context.Background(), name, r, opt)
}

// ImportContext is Import stopped by ctx (see ImportFileContext).
func ImportContext(ctx context.Context, name string, r io.Reader, opt Options) (*domain.Source, *Report, error) {
	base := filepath.Base(name)
	if name == "" || base == "." || base == string(filepath.Separator) {
		base = "the file"
	}
	limit := opt.limit()
	data, over, err := readAtMost(r, limit)
	if err != nil {
		return nil, nil, domain.Errorf(domain.EINVALID, "could not read %s: %v; check the file is still there and try again", base, err)
	}
	if over {
		return nil, nil, domain.Errorf(domain.EINVALID, "%s is larger than the %s import limit: import only the article's text, or split the file",
			base, humanSize(limit))
	}
	return importBytes(ctx, input{name: base, label: base}, data)
}

// readAtMost reads r to its end unless it holds more than limit bytes, which
// over reports. Reading one byte past the limit tells "too large" apart from
// "exactly at the limit" without ever holding more than that in memory.
func readAtMost(r io.Reader, limit int64) (data []byte, over bool, err error) {
	data, err = io.ReadAll(io.LimitReader(r, limit+1))
	return data, int64(len(data)) > limit, err
}

// builder collects the source and the report while an importer works.
type builder struct {
	in  input
	src *domain.Source
	rep *Report
}

// newBuilder starts a source from in, of the given kind, and its report.
func newBuilder(in input, kind domain.SourceKind, format, encoding string, warnings []string) *builder {
	return &builder{in: in,
		src: &domain.Source{FileName: in.name, Kind: kind, Authors: []string{}},
		rep: &Report{Format: format, Encoding: encoding, Detected: []Finding{}, Warnings: append([]string{}, warnings...)}}
}

// found records a field the importer set, the value and where it came from.
// found records a finding. One line found twice (a byline that also gives
// the date, removed as both) is one finding, from both.
func (b *builder) found(field, value, from string) {
	for i, f := range b.rep.Detected {
		if f.Field == field && f.Value == value {
			if f.From != from {
				b.rep.Detected[i].From += " and " + from
			}
			return
		}
	}
	b.rep.Detected = append(b.rep.Detected, Finding{Field: field, Value: value, From: from})
}

func (b *builder) warn(format string, a ...any) {
	b.rep.Warnings = append(b.rep.Warnings, fmt.Sprintf(format, a...))
}

// input is what an importer is given besides the bytes.
type input struct {
	name  string // the file name: Source.FileName, and the title when the text has none
	label string // how messages name it: the file name, or "the document at <address>"
	// format is the format the caller was told (a web server's
	// Content-Type), with why; nil means the extension, then the content.
	format *Format
	why    string
}

// declared is the format the input says it has, by its Content-Type or
// else its extension, and how that was known; nil when it says nothing.
func (in input) declared() (*Format, string) {
	if in.format != nil {
		return in.format, in.why
	}
	ext := strings.ToLower(filepath.Ext(in.name))
	if f := formatByExt(ext); f != nil {
		return f, "from the extension " + ext
	}
	return nil, ""
}

func importBytes(ctx context.Context, in input, data []byte) (*domain.Source, *Report, error) {
	declared, why := in.declared()
	if err := stopped(ctx, in.label); err != nil {
		return nil, nil, err
	}
	if f := wholeFileFormat(declared, data); f != nil {
		return f.read(ctx, in, data)
	}
	if err := checkUnsupported(in.label, data); err != nil {
		return nil, nil, err
	}
	dec := decode(data)
	if err := checkEmpty(in.label, dec.text); err != nil {
		return nil, nil, err
	}
	if err := checkBinary(in.label, dec.text); err != nil {
		return nil, nil, err
	}
	text := cleanInput(dec.text)
	if err := checkEmpty(in.label, text); err != nil {
		return nil, nil, err
	}
	f, why := textFormat(declared, why, text)
	b := newBuilder(in, "", f.Name, dec.encoding, dec.warnings)
	b.found("format", f.Name, why)
	f.body(b, text)
	if err := b.finish(); err != nil {
		return nil, nil, err
	}
	return b.src, b.rep, nil
}

// wholeFileFormat is the format that reads data whole, if any: a PDF by
// its name or header, a Word package by its name or its parts. Headers win
// over a declared text format, as servers and file names can be wrong.
func wholeFileFormat(declared *Format, data []byte) *Format {
	switch {
	case declared.is(FormatPDF) || hasPDFHeader(data):
		return formatNamed(FormatPDF)
	case isDOCX(declared.is(FormatDOCX), data):
		return formatNamed(FormatDOCX)
	}
	return nil
}

// setBody collapses repeated paragraphs and joins the rest with one blank
// line, the layout every excerpt offset is counted in.
func (b *builder) setBody(paras []string) {
	paras, n := collapseDuplicates(paras)
	if n > 0 {
		b.rep.DuplicatesCollapsed = n
		b.warn("removed %s: a paragraph directly repeated the one before it, a common copy-and-paste artifact; "+
			"compare with the original if the repeat was meant", plural(n, "repeated paragraph", "repeated paragraphs"))
	}
	b.src.Text = norm.NFC.String(strings.Join(paras, "\n\n"))
}

func (b *builder) finish() error {
	s := b.src
	if strings.TrimSpace(s.Text) == "" {
		return domain.Errorf(domain.EINVALID, "%s has no readable article text (only markup or metadata): "+
			"open it, copy the article text into a .txt file and import that", b.in.label)
	}
	// One line each, without control characters, within the field limits:
	// the analyst did not type these, so they are cleaned, not refused.
	notes := s.CleanMetadata()
	if s.Title == "" {
		s.Title = domain.CleanMetadata(prettyFileTitle(b.in.name))
		b.warn(`no title found in the text, so the file name was used: "%s"; edit the title if it is wrong`, s.Title)
	}
	for _, n := range notes {
		b.warn("%s", n)
	}
	return nil
}

func humanSize(n int64) string {
	units := []string{"bytes", "KB", "MB", "GB", "TB"}
	f, i := float64(n), 0
	for f >= 1024 && i < len(units)-1 {
		f /= 1024
		i++
	}
	if i == 0 || f == float64(int64(f)) {
		return fmt.Sprintf("%d %s", int64(f), units[i])
	}
	return fmt.Sprintf("%.1f %s", f, units[i])
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
