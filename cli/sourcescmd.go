package cli

import (
	"context"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/spf13/cobra"
)

func (a *cliApp) sourcesCommand() *cobra.Command {
	var f domain.SourceFilter
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "List the sources in the library (sources recheck: read them again)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			list, err := lib.Sources(cmd.Context(), f)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, listOut(list, sourceOut))
			}
			tw := newTable(a.env.Stdout)
			printf(tw, "ID\tTITLE\tAUTHORS\tPUBLISHED\tGRADE\tEXCERPTS\tCONCERN\n")
			for _, s := range list {
				printf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%s\n", s.ID, clip(s.Title, 48), clip(s.AuthorList(), 28),
					orDash(s.Published.String()), orDash(string(s.Reliability)), s.ExcerptCount, joinTags(concernsOut(s.Concern)))
			}
			return tw.Flush()
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.Sort, "sort", "imported", "sort by title, author, published, imported or excerpts")
	fl.BoolVar(&f.Desc, "desc", false, "reverse the order")
	fl.StringVar(&f.Query, "query", "", "only sources matching this search")
	fl.IntVar(&f.Limit, "limit", 0, "at most this many")
	addJSONFlag(cmd, &asJSON)
	cmd.AddCommand(a.recheckCommand())
	return cmd
}

func (a *cliApp) sourceCommand() *cobra.Command {
	return group(&cobra.Command{Use: "source", Short: "Show, edit, delete or restore one source, mark its standing, list its rechecks"},
		a.sourceShowCommand(), a.sourceEditCommand(), a.sourceDeleteCommand(), a.sourceRestoreCommand(), a.sourceFileCommand(),
		a.standingCommand(), a.sourceChecksCommand())
}

func (a *cliApp) sourceShowCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show a source's metadata and text, and whether its original file and page map are kept",
		Args:  exactArgs(1, "a source id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.sourceArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			info, err := a.store.SourceFileInfo(cmd.Context(), s.ID)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, sourceText{sourceOut(s), originalOut(info), pageMapOut(s.TextMap), s.Text})
			}
			w := a.env.Stdout
			printf(w, "%s\n", s.Title)
			for _, kv := range [][2]string{{"Subtitle", s.Subtitle}, {"Section", s.Section},
				{"Authors", s.AuthorList()}, {"Publisher", s.Publisher}, {"Published", s.Published.Long()},
				{"URL", s.URL}, {"Accessed", s.Accessed.Long()}, {"Reliability", gradeText(s.Reliability)}, {"Marking", markingWithScheme(s.Marking)},
				{"File", s.FileName}, {"Location", s.Location}, {"Version of", previousNote(s)}, {"SHA-256", s.SHA256},
				{"Standing", standingNote(s)}, {"Concern", joinTags(concernsOut(s.Concern))}, {"Notes", s.Notes}, {"In trash", trashNote(s)}} {
				if kv[1] != "" {
					printf(w, "%-12s %s\n", kv[0]+":", kv[1])
				}
			}
			printPaged(w, s, info)
			printf(w, "\n%s\n", s.Text)
			return nil
		},
	}
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// previousNote names the source a newer version replaces; "" for none.
func previousNote(s *domain.Source) string {
	if s.PreviousID == 0 {
		return ""
	}
	return "source " + itoa(s.PreviousID) + " (this is a newer version of its text)"
}

// standingNote is a source's standing with its note; "" when sound.
func standingNote(s *domain.Source) string {
	if s.Standing == domain.StandingSound {
		return ""
	}
	out := string(s.Standing)
	if s.StandingNote != "" {
		out += ": " + s.StandingNote
	}
	if s.StandingAt != nil {
		out += " (" + s.StandingAt.Local().Format("2006-01-02") + ")"
	}
	return out
}

func gradeText(r domain.Reliability) string {
	if r == "" {
		return ""
	}
	return string(r) + " (" + r.Description() + ")"
}

func (a *cliApp) sourceEditCommand() *cobra.Command {
	var authors []string
	cmd := &cobra.Command{
		Use:   "edit ID",
		Short: "Change a source's metadata or grade (the text never changes); an empty value clears a field",
		Args:  exactArgs(1, "a source id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.sourceArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			base := *s
			if err := editSource(cmd, s, authors); err != nil {
				return err
			}
			if err := a.editSourceMarking(cmd, s); err != nil {
				return err
			}
			// Details the app changed since our read are kept, not undone.
			clashes, err := a.store.UpdateSource(cmd.Context(), &base, s)
			if err != nil {
				return err
			}
			for _, c := range clashes {
				printf(a.env.Stderr, "Note: the %s was also changed elsewhere just now, to %q; yours is saved.\n", c.Field, c.Theirs)
			}
			printf(a.env.Stdout, "Saved source %d: %s\n", s.ID, s.Title)
			return nil
		},
	}
	f := cmd.Flags()
	for _, name := range []string{"title", "subtitle", "publisher", "url", "notes", "published", "accessed", "reliability", "kind", "language"} {
		f.String(name, "", name)
	}
	f.StringArrayVar(&authors, "author", nil, "author (repeat for several; replaces the list)")
	f.String("marking", "", "the source's own marking, which its new excerpts take (\"\" clears it)")
	f.String("scheme", "", "the scheme of --marking: "+domain.SchemeIDs()+" (default: the marking's present scheme, else the default for new briefings)")
	return cmd
}

// editSourceMarking reads --marking under --scheme, else the scheme of the
// source's present marking, else the one new briefings take: a source
// may be marked under any scheme, since it comes from outside.
func (a *cliApp) editSourceMarking(cmd *cobra.Command, s *domain.Source) error {
	f := cmd.Flags()
	if f.Changed("scheme") && !f.Changed("marking") {
		return usagef("--scheme goes with --marking: give the source's marking under that scheme")
	}
	if !f.Changed("marking") {
		return nil
	}
	text, _ := f.GetString("marking")
	var sch *domain.Scheme
	var err error
	switch k, rerr := s.Marking.Read(); {
	case f.Changed("scheme"):
		name, _ := f.GetString("scheme")
		if sch, err = domain.LookupScheme(name); err != nil {
			return usageError{err}
		}
	case rerr == nil && !k.IsZero():
		sch = k.Scheme
	default:
		if sch, _, err = a.newBriefingScheme(cmd.Context()); err != nil {
			return err
		}
	}
	if !sch.Marks() && strings.TrimSpace(text) != "" {
		if sch, err = schemeReading(text, "no default scheme is set: name the one meant with --scheme ("+domain.SchemeIDs()+")"); err != nil {
			return err
		}
	}
	s.Marking, err = parseMarkingFlag("marking", sch, text)
	return err
}

// editSource applies the flags the user gave, empty values included.
func editSource(cmd *cobra.Command, s *domain.Source, authors []string) error {
	f := cmd.Flags()
	text := map[string]*string{"title": &s.Title, "subtitle": &s.Subtitle, "publisher": &s.Publisher,
		"url": &s.URL, "notes": &s.Notes, "language": &s.Language}
	for name, dst := range text {
		if f.Changed(name) {
			*dst, _ = f.GetString(name)
		}
	}
	if f.Changed("url") {
		s.URL = strings.TrimSpace(s.URL)
		if err := domain.CheckSourceURL(s.URL); err != nil {
			return usageError{err}
		}
	}
	for name, dst := range map[string]*domain.Date{"published": &s.Published, "accessed": &s.Accessed} {
		if f.Changed(name) {
			v, _ := f.GetString(name)
			d, err := domain.ParseDate(v)
			if err != nil {
				return usageError{err}
			}
			*dst = d
		}
	}
	if f.Changed("reliability") {
		v, _ := f.GetString("reliability")
		r, err := domain.ParseReliability(v)
		if err != nil {
			return usageError{err}
		}
		s.Reliability = r
	}
	if f.Changed("kind") {
		v, _ := f.GetString("kind")
		k, err := domain.ParseSourceKind(v)
		if err != nil {
			return usageError{err}
		}
		s.Kind = k
	}
	if f.Changed("author") {
		s.Authors = authors
	}
	return nil
}

func joinTags(tags []string) string { return strings.Join(tags, ", ") }

// sourceArg loads the source an ID argument names.
func (a *cliApp) sourceArg(ctx context.Context, arg string) (*domain.Source, error) {
	id, err := parseID(arg, "source")
	if err != nil {
		return nil, err
	}
	lib, err := a.lib(ctx)
	if err != nil {
		return nil, err
	}
	return lib.Source(ctx, id)
}

// markingWithScheme is a marking in banner form with its scheme: "SECRET
// (US)"; "" unmarked.
func markingWithScheme(m domain.Marking) string {
	k, err := m.Read()
	if err != nil || k.IsZero() {
		return m.Banner()
	}
	return k.Banner() + " (" + k.Scheme.Short + ")"
}
