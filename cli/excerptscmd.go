package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/spf13/cobra"
)

// excerptFlags are the editable fields of an excerpt.
type excerptFlags struct {
	note, marking, reason string
	tags                  []string
	credibility           int
}

func (e *excerptFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&e.note, "note", "", "your note on the passage")
	f.StringArrayVar(&e.tags, "tag", nil, "tag (repeat for several)")
	f.IntVar(&e.credibility, "credibility", 0, "information credibility, 1 (confirmed) to 6 (cannot be judged)")
	f.StringVar(&e.marking, "marking", "", "portion marking, of the source's marking scheme (else the default scheme; see 'attache schemes')")
	f.StringVar(&e.reason, "marking-reason", "", "why the excerpt is marked below its source (required to do so; kept in its history)")
}

// applyMarking reads --marking and --marking-reason onto e, the excerpt of
// src: the mark is read under the source's scheme when the source is
// marked, else under the excerpt's own (edit), else the scheme new
// briefings take.
func (a *cliApp) applyMarking(cmd *cobra.Command, ef *excerptFlags, src *domain.Source, e *domain.Excerpt) error {
	f := cmd.Flags()
	if f.Changed("marking-reason") {
		e.MarkingReason = ef.reason
	}
	if !f.Changed("marking") {
		return nil
	}
	s, err := a.excerptScheme(cmd.Context(), src, e.Marking)
	if err != nil {
		return err
	}
	if !s.Marks() && strings.TrimSpace(ef.marking) != "" {
		s, err = schemeReading(ef.marking, fmt.Sprintf("source %d has no marking and no default scheme is set: mark the source first (attache source edit %d --scheme ID --marking …) or set the library's default (attache library scheme ID)", src.ID, src.ID))
		if err != nil {
			return err
		}
	}
	e.Marking, err = parseMarkingFlag("marking", s, ef.marking)
	if other := otherScheme(ef.marking); err != nil && src.Marking != "" && other != "" && other != s.ID {
		return usagef("%s. An excerpt is marked under its source's scheme, and source %d is marked %s (%s): mark the excerpt under the %s scheme, "+
			"or mark the source under another first (`attache source edit %d --scheme %s --marking …`)",
			domain.ErrorMessage(err), src.ID, src.Marking.Banner(), s.Short, s.Short, src.ID, other)
	}
	return err
}

// otherScheme is the one scheme that reads text as a marking, else "":
// the scheme an analyst typing it meant.
func otherScheme(text string) domain.SchemeID {
	if s, err := schemeReading(text, ""); err == nil && s.Marks() {
		return s.ID
	}
	return ""
}

func (a *cliApp) excerptScheme(ctx context.Context, src *domain.Source, own domain.Marking) (*domain.Scheme, error) {
	for _, m := range []domain.Marking{src.Marking, own} {
		if k, err := m.Read(); err == nil && !k.IsZero() {
			return k.Scheme, nil
		}
	}
	s, _, err := a.newBriefingScheme(ctx)
	return s, err
}

func (a *cliApp) excerptCommand() *cobra.Command {
	return group(&cobra.Command{Use: "excerpt", Short: "Add, show, edit, delete or restore an excerpt"},
		a.excerptAddCommand(), a.excerptFigureCommand(), a.excerptShowCommand(), a.excerptEditCommand(), a.excerptDeleteCommand(),
		a.excerptRestoreCommand(), a.excerptHistoryCommand())
}

func (a *cliApp) excerptAddCommand() *cobra.Command {
	var ef excerptFlags
	var source int64
	var quote string
	var start, end int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "add --source ID (--quote TEXT | --start N --end N)",
		Short: "Cut an exact passage from a source",
		Long: `Save a passage of a source as an excerpt. --quote finds the words in the
source, forgiving differences in spaces, quote marks and dashes, and stores
the source's own characters; when the words occur more than once the first
is taken and the others are listed. --start and --end give the passage
exactly, as character offsets into the text shown by 'source show'.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f := cmd.Flags()
			byQuote, byOffsets := f.Changed("quote"), f.Changed("start") && f.Changed("end")
			if source <= 0 || byQuote == byOffsets || (!byOffsets && (f.Changed("start") || f.Changed("end"))) {
				return usagef("give --source and either --quote or both --start and --end")
			}
			if err := domain.CheckCredibility(domain.Credibility(ef.credibility)); err != nil {
				return usageError{err}
			}
			e := &domain.Excerpt{SourceID: source, Note: ef.note, Tags: ef.tags,
				Credibility: domain.Credibility(ef.credibility)}
			if f.Changed("marking") || f.Changed("marking-reason") {
				src, err := a.sourceArg(cmd.Context(), itoa(source))
				if err != nil {
					return err
				}
				if err := a.applyMarking(cmd, &ef, src, e); err != nil {
					return err
				}
			}
			if byQuote {
				e.Quote = quote
			} else {
				e.Start, e.End = start, end
			}
			return a.addExcerpt(cmd.Context(), e, byQuote, asJSON)
		},
	}
	f := cmd.Flags()
	f.Int64Var(&source, "source", 0, "source id")
	f.StringVar(&quote, "quote", "", "the words to excerpt")
	f.IntVar(&start, "start", 0, "start offset (characters)")
	f.IntVar(&end, "end", 0, "end offset (characters, exclusive)")
	ef.register(cmd)
	addJSONFlag(cmd, &asJSON)
	return cmd
}

func (a *cliApp) addExcerpt(ctx context.Context, e *domain.Excerpt, byQuote, asJSON bool) error {
	lib, err := a.lib(ctx)
	if err != nil {
		return err
	}
	if err := lib.CreateExcerpt(ctx, e); err != nil {
		return err
	}
	if asJSON {
		return writeJSON(a.env.Stdout, excerptOut(e))
	}
	printf(a.env.Stdout, "Excerpt %d from source %d, characters %d–%d:\n  %s\n", e.ID, e.SourceID, e.Start, e.End, clip(e.Quote, 200))
	if byQuote {
		a.noteOtherOccurrences(ctx, e)
	}
	return nil
}

// noteOtherOccurrences tells the user when the quote also appears elsewhere,
// since the first occurrence may not be the one they meant.
func (a *cliApp) noteOtherOccurrences(ctx context.Context, e *domain.Excerpt) {
	src, err := a.store.Source(ctx, e.SourceID)
	if err != nil {
		return
	}
	spans, _ := domain.FindQuote(src.Text, e.Quote)
	if len(spans) > 1 {
		printf(a.env.Stderr, "note: these words occur %d times in the source; the first was taken. Other starts:", len(spans))
		for _, s := range spans[1:] {
			printf(a.env.Stderr, " %d", s.Start)
		}
		printf(a.env.Stderr, " (use --start/--end to choose)\n")
	}
}

func (a *cliApp) excerptShowCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one excerpt",
		Long: `Show one excerpt. A figure excerpt's page, rectangle, size and caption are
shown; with --json its image too, as base64 PNG in "figure"."png" (listings
such as 'excerpts --json' leave the image out).`,
		Args: exactArgs(1, "an excerpt id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, err := a.excerptArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if asJSON {
				hist, err := a.store.MarkingHistory(cmd.Context(), e.ID)
				if err != nil {
					return err
				}
				out := excerptOut(e)
				out.Figure = figureOut(e.Figure, true)
				return writeJSON(a.env.Stdout, excerptShown{out, listOut(orEmpty(hist), markingChangeOut)})
			}
			printExcerpt(a.env.Stdout, e)
			return nil
		},
	}
	addJSONFlag(cmd, &asJSON)
	return cmd
}

func (a *cliApp) excerptArg(ctx context.Context, arg string) (*domain.Excerpt, error) {
	id, err := parseID(arg, "excerpt")
	if err != nil {
		return nil, err
	}
	lib, err := a.lib(ctx)
	if err != nil {
		return nil, err
	}
	return lib.Excerpt(ctx, id)
}

func printExcerpt(w io.Writer, e *domain.Excerpt) {
	printf(w, "Excerpt %d — source %d “%s”, characters %d–%d\n", e.ID, e.SourceID, e.SourceTitle, e.Start, e.End)
	if e.Figure != nil {
		printf(w, "  %s\n", figureLine(e.Figure))
	}
	if e.Quote != "" || e.Figure == nil {
		printf(w, "  %s%s\n", e.Marking.Portion()+spaceIf(e.Marking != ""), e.Quote)
	}
	if e.Note != "" {
		printf(w, "  Note: %s\n", e.Note)
	}
	if len(e.Tags) > 0 {
		printf(w, "  Tags: %s\n", joinTags(e.Tags))
	}
	if e.MarkingReason != "" {
		printf(w, "  Marked below its source because: %s\n", e.MarkingReason)
	}
	if e.Credibility > 0 {
		printf(w, "  Credibility: %d (%s)\n", e.Credibility, e.Credibility.Description())
	}
	if e.TrashedAt != nil {
		printf(w, "  In the trash since %s: `attache excerpt restore %d` brings it back\n", when(e.TrashedAt), e.ID)
	}
}

func spaceIf(b bool) string {
	if b {
		return " "
	}
	return ""
}

func (a *cliApp) excerptEditCommand() *cobra.Command {
	var ef excerptFlags
	var caption string
	cmd := &cobra.Command{
		Use:   "edit ID",
		Short: "Change an excerpt's note, tags, credibility, marking or figure caption (the passage is fixed)",
		Long: `Change an excerpt's note, tags, credibility or marking; the passage is fixed.
An excerpt takes its source's marking by default; marking it lower than its
source needs --marking-reason, which 'attache excerpt history' keeps.`,
		Args: exactArgs(1, "an excerpt id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, err := a.excerptArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			base := *e
			f := cmd.Flags()
			if f.Changed("note") {
				e.Note = ef.note
			}
			if f.Changed("tag") {
				e.Tags = ef.tags
			}
			if f.Changed("credibility") {
				e.Credibility = domain.Credibility(ef.credibility)
			}
			if f.Changed("caption") {
				if e.Figure == nil {
					return usagef("excerpt %d is not a figure: only figures have a caption (use --note)", e.ID)
				}
				e.Figure = e.Figure.Clone() // base keeps the caption read
				e.Figure.Caption = caption
			}
			if f.Changed("marking") || f.Changed("marking-reason") {
				src, err := a.store.Source(cmd.Context(), e.SourceID)
				if err != nil {
					return err
				}
				if err := a.applyMarking(cmd, &ef, src, e); err != nil {
					return err
				}
			}
			// Fields the app changed since our read are kept, not undone.
			clashes, err := a.store.UpdateExcerpt(cmd.Context(), &base, e)
			if err != nil {
				return err
			}
			for _, c := range clashes {
				printf(a.env.Stderr, "Note: the %s was also changed elsewhere just now, to %q; yours is saved.\n", c.Field, c.Theirs)
			}
			printf(a.env.Stdout, "Saved excerpt %d\n", e.ID)
			return nil
		},
	}
	ef.register(cmd)
	cmd.Flags().StringVar(&caption, "caption", "", "a figure excerpt's caption")
	return cmd
}

func (a *cliApp) excerptsCommand() *cobra.Command {
	var f domain.ExcerptFilter
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "excerpts",
		Short: "List excerpts, by source and position",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			list, err := lib.Excerpts(cmd.Context(), f)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, listOut(list, excerptOut))
			}
			tw := newTable(a.env.Stdout)
			printf(tw, "ID\tSOURCE\tQUOTE\tTAGS\tCRED\n")
			for _, e := range list {
				printf(tw, "%d\t%d\t%s\t%s\t%s\n", e.ID, e.SourceID, clip(listedQuote(e), 60), clip(joinTags(e.Tags), 24), credText(e.Credibility))
			}
			return tw.Flush()
		},
	}
	fl := cmd.Flags()
	fl.Int64Var(&f.SourceID, "source", 0, "only excerpts of this source")
	fl.StringVar(&f.Tag, "tag", "", "only excerpts with this tag")
	fl.StringVar(&f.Query, "query", "", "only excerpts matching this search")
	fl.IntVar(&f.Limit, "limit", 0, "at most this many")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

func credText(c domain.Credibility) string {
	if c == 0 {
		return "—"
	}
	return string(rune('0' + c))
}

func (a *cliApp) tagsCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "tags",
		Short: "List tags with how many excerpts carry each",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			tags, err := lib.Tags(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, listOut(tags, func(t domain.Tag) jsonTag { return jsonTag(t) }))
			}
			for _, t := range tags {
				printf(a.env.Stdout, "%5d  %s\n", t.Count, t.Name)
			}
			return nil
		},
	}
	addJSONFlag(cmd, &asJSON)
	return cmd
}

func (a *cliApp) excerptHistoryCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "history ID",
		Short: "List the times an excerpt was marked below its source, with the reasons given",
		Args:  exactArgs(1, "an excerpt id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, err := a.excerptArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			hist, err := a.store.MarkingHistory(cmd.Context(), e.ID)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, listOut(orEmpty(hist), markingChangeOut))
			}
			if len(hist) == 0 {
				printf(a.env.Stdout, "Excerpt %d was never marked below its source\n", e.ID)
				return nil
			}
			for _, c := range hist {
				printf(a.env.Stdout, "%s  %s → %s (source %s): %s\n", c.At.Local().Format("2006-01-02 15:04"),
					orDash(c.From.Banner()), orDash(c.To.Banner()), orDash(c.Source.Banner()), c.Reason)
			}
			return nil
		},
	}
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// orEmpty makes a nil list empty, so JSON shows [] for "none".
func orEmpty[T any](in []T) []T {
	if in == nil {
		return []T{}
	}
	return in
}

// listedQuote is what a list shows of an excerpt: its quote, or for a
// figure its label ("[Figure, p. 4: caption]") first.
func listedQuote(e *domain.Excerpt) string {
	if e.Figure == nil {
		return e.Quote
	}
	return strings.TrimSpace("[" + e.Figure.Label() + "] " + e.Quote)
}
