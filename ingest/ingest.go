// Package ingest turns a file an analyst has saved or pasted (plain text,
// Markdown, a saved web page, a PDF report, a Word document) or a web
// address they name into a domain.Source: clean article text whose rune
// offsets excerpts can rely on, page starts for paged sources, plus the
// metadata the file gives away (title, section label, byline, date,
// publisher, URL). PDF text comes from PDFium compiled to WebAssembly and
// run by wazero: pure Go, offline, no system library.
package ingest

import (
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
	Format              string   `json:"format"`               // "text", "markdown", "html"
	Encoding            string   `json:"encoding"`             // "utf-8", "utf-16", "windows-1252"
	Detected            []string `json:"detected"`             // e.g. `title: "…" (first line)`, `byline: Jane Doe`
	DuplicatesCollapsed int      `json:"duplicates_collapsed"` // consecutive duplicate paragraphs removed
	Warnings            []string `json:"warnings"`

	// canonical is an HTML page's <link rel=canonical> as written, kept so
	// that FetchURL can resolve it without reading the page again.
	canonical string
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
	return Import(path, f, opt)
}

// Import reads one source from r. name is the file name: its extension
// chooses the format (content sniffing decides otherwise) and its base name
// is stored as Source.FileName. ID, SHA256 and ImportedAt are left to the store.
func Import(name string, r io.Reader, opt Options) (*domain.Source, *Report, error) {
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
	return importBytes(base, data)
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
	src *domain.Source
	rep *Report
}

func (b *builder) note(format string, a ...any) {
	b.rep.Detected = append(b.rep.Detected, fmt.Sprintf(format, a...))
}

func (b *builder) warn(format string, a ...any) {
	b.rep.Warnings = append(b.rep.Warnings, fmt.Sprintf(format, a...))
}

func importBytes(base string, data []byte) (*domain.Source, *Report, error) {
	if isPDF(base, data) {
		return importPDF(base, data)
	}
	if isDOCX(base, data) {
		return importDOCX(base, data)
	}
	if err := checkUnsupported(base, data); err != nil {
		return nil, nil, err
	}
	dec := decode(data)
	if err := checkEmpty(base, dec.text); err != nil {
		return nil, nil, err
	}
	if err := checkBinary(base, dec.text); err != nil {
		return nil, nil, err
	}
	text := cleanInput(dec.text)
	if err := checkEmpty(base, text); err != nil {
		return nil, nil, err
	}
	format, why := detectFormat(base, text)
	b := &builder{
		src: &domain.Source{FileName: base, Authors: []string{}},
		rep: &Report{Format: format, Encoding: dec.encoding, Detected: []string{}, Warnings: append([]string{}, dec.warnings...)},
	}
	b.note("format: %s (%s)", format, why)
	switch format {
	case FormatHTML:
		b.importHTML(text)
	case FormatMarkdown:
		b.importMarkdown(text)
	default:
		b.importText(text)
	}
	if err := b.finish(base); err != nil {
		return nil, nil, err
	}
	return b.src, b.rep, nil
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

func (b *builder) finish(base string) error {
	s := b.src
	if strings.TrimSpace(s.Text) == "" {
		return domain.Errorf(domain.EINVALID, "%s has no readable article text (only markup or metadata): "+
			"open it, copy the article text into a .txt file and import that", base)
	}
	// One line each, without control characters, within the field limits:
	// the analyst did not type these, so they are cleaned, not refused.
	notes := s.CleanMetadata()
	if s.Title == "" {
		s.Title = domain.CleanMetadata(prettyFileTitle(base))
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
