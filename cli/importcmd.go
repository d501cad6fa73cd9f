package cli

import (
	"context"
	"errors"
	"io"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/intake"
	"github.com/attache/attache/internal/settings"
	"github.com/spf13/cobra"
)

// importOverrides are metadata the user gives on the command line; they win
// over what the importer detected.
type importOverrides struct {
	title, subtitle, publisher, published, url, reliability, kind string
	marking, scheme                                               string
	authors                                                       []string
}

func (a *cliApp) importCommand() *cobra.Command {
	var o importOverrides
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "import FILE|FOLDER|URL...",
		Short: "Import text, Markdown, web pages, PDF and Word files, web addresses or briefing files ('-' reads standard input)",
		Long: `Import sources, detecting title, byline, date and section label. Importing
text the library already has finds the existing source. A folder imports
the files in it and in its folders; a briefing file (.json) adds its
briefing. Each file is saved on its own: a file that fails leaves the
others imported and the library unchanged for itself.

Formats: ` + intake.Accepted() + ".",
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
	f.StringVar(&o.marking, "marking", "", "the sources' own marking, which their excerpts take")
	f.StringVar(&o.scheme, "scheme", "", "the scheme of --marking: "+domain.SchemeIDs()+" (default: the one new briefings take)")
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
	// With --scheme the marking is checked before a library is opened
	// (or started); without, the default scheme is the library's.
	if over.Marking, err = a.importMarking(ctx, o); err != nil {
		return err
	}
	lib, err := a.lib(ctx)
	if err != nil {
		return err
	}
	items := make([]intake.Item, len(files))
	for i, f := range files {
		items[i] = intake.Item{Name: f}
		if f == "-" {
			items[i].Text = a.env.Stdin
		}
	}
	results := []importJSON{}
	failed := 0
	opt := intake.Options{Pipes: true, Override: func(src *domain.Source) { applyOverrides(src, over) },
		KeepOriginalBytes: settings.KeepOriginalsBytes(a.savedSettings()[settings.KeepOriginalsMB])}
	sum := intake.Run(ctx, lib, items, opt, func(r intake.Result) {
		res := importOut(r)
		if res.Error != "" {
			failed++
			if !asJSON {
				printf(a.env.Stderr, "attache: %s\n", naming(r.Name, res.Error))
			}
		} else if !asJSON {
			printImport(a.env.Stdout, r)
		}
		results = append(results, res)
	})
	if sum.NotStarted > 0 {
		// Stopped (Ctrl+C or a stop signal): what was imported stays.
		printf(a.env.Stderr, "attache: stopped: %s not imported\n", plural(sum.NotStarted, "more file"))
		failed += sum.NotStarted
	}
	if sum.Skipped > 0 && !asJSON {
		printf(a.env.Stderr, "attache: left out %s in the folders given: not in a format Attaché imports (%s)\n",
			plural(sum.Skipped, "file"), intake.Accepted())
	}
	if asJSON {
		if err := writeJSON(a.env.Stdout, results); err != nil {
			return err
		}
	}
	if failed > 0 {
		return silentError{domain.Errorf(domain.EINVALID, "%d of %d files were not imported", failed, sum.Total)}
	}
	return nil
}

// naming puts the file's name before a message about it, unless the
// message starts with it already.
func naming(name, msg string) string {
	if strings.HasPrefix(msg, name) {
		return msg
	}
	return name + ": " + msg
}

// stopMessage is a result's error, saying for a stop what stopped it and
// what became of the input.
func stopMessage(r intake.Result) string {
	switch {
	case !errors.Is(r.Err, intake.ErrStopped):
		return domain.ErrorMessage(r.Err)
	case r.Name == "-":
		return stdinStopped
	}
	return "stopped by Ctrl+C or a stop signal before the file was read (a named pipe waits for a program " +
		"to write to it); nothing of it was imported"
}

const stdinStopped = "stopped by Ctrl+C or a stop signal while waiting for standard input; nothing was " +
	"imported from it. Pipe the text in (e.g. xclip -o | attache import -), or type it and end with Ctrl+D"

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
		// A byline with no "By" is read as the line under the title; the
		// author named here says what it was (unless a subtitle is given).
		if over.Subtitle == "" && domain.SubtitleIsAuthor(src.Subtitle, src.Authors) {
			src.Subtitle = ""
		}
	}
	if !over.Published.IsZero() {
		src.Published = over.Published
	}
	if over.Reliability != "" {
		src.Reliability = over.Reliability
	}
	if over.Marking != "" {
		src.Marking = over.Marking
	}
}

// importMarking reads --marking under --scheme, else the scheme new
// briefings take, else the one scheme that reads it.
func (a *cliApp) importMarking(ctx context.Context, o importOverrides) (domain.Marking, error) {
	if strings.TrimSpace(o.marking) == "" {
		if strings.TrimSpace(o.scheme) != "" {
			return "", usagef("--scheme goes with --marking: give the sources' marking under that scheme")
		}
		return "", nil
	}
	var s *domain.Scheme
	var err error
	if strings.TrimSpace(o.scheme) != "" {
		if s, err = domain.LookupScheme(o.scheme); err != nil {
			return "", usageError{err}
		}
	} else if s, _, err = a.newBriefingScheme(ctx); err != nil {
		return "", err
	}
	if !s.Marks() {
		if s, err = schemeReading(o.marking, "no default scheme is set: name the one meant with --scheme ("+domain.SchemeIDs()+")"); err != nil {
			return "", err
		}
	}
	return parseMarkingFlag("marking", s, o.marking)
}

func printImport(w io.Writer, r intake.Result) {
	if b := r.Briefing; b != nil {
		printf(w, "Imported briefing %d: %s (%s, %s)\n", b.ID, b.Title, plural(len(b.Blocks), "block"), plural(r.Sources, "source"))
		return
	}
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
