package cli

import (
	"context"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/ingest"
	"github.com/attache/attache/store"
	"github.com/spf13/cobra"
)

// importOverrides are metadata the user gives on the command line; they win
// over what the importer detected.
type importOverrides struct {
	title, subtitle, publisher, published, url, reliability, kind string
	authors                                                       []string
}

// importResult is the outcome for one file: the source, or the error
// (importJSON is its --json shape).
type importResult struct {
	File string
	*domain.Source
	Existing bool
	Report   *ingest.Report
	Error    string
}

func (a *cliApp) importCommand() *cobra.Command {
	var o importOverrides
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "import FILE|URL...",
		Short: "Import text, Markdown, web pages, PDF and Word files, or web addresses ('-' reads standard input)",
		Long: `Import sources, detecting title, byline, date and section label. Importing
text the library already has finds the existing source. Each file is saved
on its own: a file that fails leaves the others imported and the library
unchanged for itself.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("import needs at least one file (or - for standard input)")
			}
			for i, arg := range args {
				if strings.TrimSpace(arg) == "" {
					return usagef("file %d of %d is an empty name: give a file, a web address or - for standard input", i+1, len(args))
				}
			}
			return a.runImport(cmd.Context(), args, o, asJSON)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.title, "title", "", "title (instead of the detected one)")
	f.StringVar(&o.subtitle, "subtitle", "", "subtitle")
	f.StringArrayVar(&o.authors, "author", nil, "author (repeat for several)")
	f.StringVar(&o.publisher, "publisher", "", "publisher")
	f.StringVar(&o.published, "published", "", "publication date, YYYY-MM-DD")
	f.StringVar(&o.url, "url", "", "web address of the original")
	f.StringVar(&o.reliability, "reliability", "", "source reliability grade, A–F")
	f.StringVar(&o.kind, "kind", "", "article, web, report, document or note")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// parse checks the overrides once, before any file is read, and returns
// them as the source fields they set; empty fields set nothing.
func (o importOverrides) parse() (*domain.Source, error) {
	published, err := domain.ParseDate(o.published)
	if err != nil {
		return nil, usageError{err}
	}
	rel, err := domain.ParseReliability(o.reliability)
	if err != nil {
		return nil, usageError{err}
	}
	if err := domain.CheckSourceURL(o.url); err != nil {
		return nil, usageError{err}
	}
	var kind domain.SourceKind
	if strings.TrimSpace(o.kind) != "" { // ParseSourceKind reads "" as article
		if kind, err = domain.ParseSourceKind(o.kind); err != nil {
			return nil, usageError{err}
		}
	}
	trim := strings.TrimSpace
	return &domain.Source{Title: trim(o.title), Subtitle: trim(o.subtitle), Publisher: trim(o.publisher),
		URL: trim(o.url), Kind: kind, Authors: o.authors, Published: published, Reliability: rel}, nil
}

func (a *cliApp) runImport(ctx context.Context, files []string, o importOverrides, asJSON bool) error {
	over, err := o.parse()
	if err != nil {
		return err
	}
	lib, err := a.lib(ctx)
	if err != nil {
		return err
	}
	results := make([]importResult, 0, len(files))
	failed := 0
	for i, f := range files {
		if ctx.Err() != nil {
			// Stopped (Ctrl+C or a stop signal): what was imported stays.
			printf(a.env.Stderr, "attache: stopped: %s not imported\n", plural(len(files)-i, "more file"))
			failed += len(files) - i
			break
		}
		r := a.importOne(ctx, lib, f, over)
		if r.Error != "" {
			failed++
			if !asJSON {
				printf(a.env.Stderr, "attache: %s: %s\n", f, r.Error)
			}
		} else if !asJSON {
			printImport(a.env.Stdout, r)
		}
		results = append(results, r)
	}
	if asJSON {
		if err := writeJSON(a.env.Stdout, importOut(results)); err != nil {
			return err
		}
	}
	if failed > 0 {
		return silentError{domain.Errorf(domain.EINVALID, "%d of %d files were not imported", failed, len(files))}
	}
	return nil
}

func (a *cliApp) importOne(ctx context.Context, lib *store.Store, file string, over *domain.Source) importResult {
	var src *domain.Source
	var rep *ingest.Report
	var err error
	if isWebAddress(file) {
		src, rep, err = ingest.FetchURL(ctx, file, ingest.FetchOptions{})
	} else if file == "-" {
		src, rep, err = interruptible(ctx, stdinStopped, func() (*domain.Source, *ingest.Report, error) {
			return ingest.Import("stdin.txt", a.env.Stdin, ingest.Options{})
		})
		if err == nil {
			src.Kind, src.FileName = domain.KindNote, ""
		}
	} else {
		path := file
		if p, ok := filePath(file); ok {
			path = p
		}
		src, rep, err = interruptible(ctx, "stopped by Ctrl+C or a stop signal before the file was read (a named "+
			"pipe waits for a program to write to it); nothing of it was imported",
			func() (*domain.Source, *ingest.Report, error) { return ingest.ImportFile(path, ingest.Options{}) })
	}
	if err != nil {
		return importResult{File: file, Error: domain.ErrorMessage(err)}
	}
	applyOverrides(src, over)
	existing, err := lib.CreateSource(ctx, src)
	if err != nil {
		return importResult{File: file, Error: domain.ErrorMessage(err)}
	}
	return importResult{File: file, Source: src, Existing: existing, Report: rep}
}

const stdinStopped = "stopped by Ctrl+C or a stop signal while waiting for standard input; nothing was " +
	"imported from it. Pipe the text in (e.g. xclip -o | attache import -), or type it and end with Ctrl+D"

// interruptible runs a local import so that Ctrl+C or a stop signal (ctx)
// ends it at once: reading standard input, or a named pipe, waits for as
// long as nobody writes, in a read that nothing else can interrupt. The
// abandoned read ends with the process.
func interruptible(ctx context.Context, stopped string, read func() (*domain.Source, *ingest.Report, error)) (*domain.Source, *ingest.Report, error) {
	type result struct {
		src *domain.Source
		rep *ingest.Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		r.src, r.rep, r.err = read()
		done <- r
	}()
	select {
	case r := <-done:
		return r.src, r.rep, r.err
	case <-ctx.Done():
		return nil, nil, domain.Errorf(domain.EINVALID, "%s", stopped)
	}
}

// applyOverrides copies the fields the user set onto src.
func applyOverrides(src, over *domain.Source) {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&src.Title, over.Title)
	set(&src.Subtitle, over.Subtitle)
	set(&src.Publisher, over.Publisher)
	set(&src.URL, over.URL)
	if over.Kind != "" {
		src.Kind = over.Kind
	}
	if len(over.Authors) > 0 {
		src.Authors = over.Authors
	}
	if !over.Published.IsZero() {
		src.Published = over.Published
	}
	if over.Reliability != "" {
		src.Reliability = over.Reliability
	}
}

func printImport(w io.Writer, r importResult) {
	s := r.Source
	verb := "Imported"
	if r.Existing {
		verb = "Already in the library:"
	}
	printf(w, "%s source %d: %s\n", verb, s.ID, s.Title)
	if s.AuthorList() != "" || !s.Published.IsZero() {
		printf(w, "  by %s, published %s\n", orDash(s.AuthorList()), orDash(s.Published.String()))
	}
	if r.Existing {
		printf(w, "  note: the library already had this text; its metadata is unchanged (change it with `attache source edit %d`)\n", s.ID)
		return
	}
	if r.Report == nil {
		return
	}
	for _, d := range r.Report.Detected {
		printf(w, "  detected %s\n", d)
	}
	for _, x := range r.Report.Warnings {
		printf(w, "  note: %s\n", x)
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// silentError is an error whose details were already printed; only the
// summary goes to stderr.
type silentError struct{ error }

// filePath reads a file: URL, as a file manager copies it, as the path of
// the file it names; the file is imported, and its address is not stored.
func filePath(s string) (string, bool) {
	if !strings.HasPrefix(strings.ToLower(s), "file:") {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil || u.Path == "" || (u.Host != "" && u.Host != "localhost") {
		return "", false
	}
	return filepath.FromSlash(u.Path), true
}

// isWebAddress tells a URL to fetch from a file name; fetching happens only
// for what the user names this way.
func isWebAddress(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}
