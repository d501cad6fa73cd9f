package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/intake"
	"github.com/spf13/cobra"
)

// briefingFlags are a briefing's metadata as flags.
type briefingFlags struct {
	title, subtitle, author, audience, date, status, summary, scale string
	marks                                                           briefingMarkFlags
}

func (b *briefingFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&b.title, "title", "", "title")
	f.StringVar(&b.subtitle, "subtitle", "", "subtitle")
	f.StringVar(&b.author, "author", "", "prepared by")
	f.StringVar(&b.audience, "audience", "", "prepared for")
	f.StringVar(&b.date, "date", "", "date, YYYY-MM-DD (default today)")
	f.StringVar(&b.status, "status", "", "draft, review or final")
	f.StringVar(&b.summary, "summary", "", "bottom line up front")
	f.StringVar(&b.scale, "scale", "", "estimative-language scale the likelihood words are checked against: icd203, phia or none")
	b.marks.register(cmd)
}

// apply copies the flags the user set onto b.
func (b *briefingFlags) apply(cmd *cobra.Command, br *domain.Briefing) error {
	f := cmd.Flags()
	for name, dst := range map[string]*string{"title": &br.Title, "subtitle": &br.Subtitle,
		"author": &br.Author, "audience": &br.Audience, "summary": &br.Summary} {
		if f.Changed(name) {
			v, _ := f.GetString(name)
			*dst = v
		}
	}
	if f.Changed("date") {
		d, err := domain.ParseDate(b.date)
		if err != nil {
			return usageError{err}
		}
		br.Date = d
	}
	if f.Changed("status") {
		st, err := domain.ParseStatus(b.status)
		if err != nil {
			return usageError{err}
		}
		br.Status = st
	}
	if f.Changed("scale") {
		sc, err := domain.ParseScale(b.scale)
		if err != nil {
			return usageError{err}
		}
		br.Scale = sc
	}
	return b.marks.apply(cmd, br)
}

func (a *cliApp) briefingCommand() *cobra.Command {
	return group(&cobra.Command{Use: "briefing", Short: "Create, edit and list briefings"},
		append(append(a.historyCommands(), a.evidenceCommands()...), a.briefingNewCommand(), a.briefingAddCommand(), a.briefingListCommand(),
			a.briefingShowCommand(), a.briefingEditCommand(), a.blockMoveCommand(), a.blockRemoveCommand(), a.blockMarkCommand(),
			a.briefingDuplicateCommand(), a.briefingTrashCommand(true), a.briefingTrashCommand(false),
			a.briefingImportCommand(), a.changesCommand())...)
}

func (a *cliApp) briefingNewCommand() *cobra.Command {
	var bf briefingFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "new --title T",
		Short: "Start a new briefing",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			scheme, _, err := a.newBriefingScheme(cmd.Context())
			if err != nil {
				return err
			}
			br := &domain.Briefing{Date: domain.DateOf(timeNow()), Scheme: scheme.ID}
			if err := bf.apply(cmd, br); err != nil {
				return err
			}
			if err := lib.CreateBriefing(cmd.Context(), br); err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, briefingOut(br))
			}
			printf(a.env.Stdout, "Created briefing %d: %s\n", br.ID, br.Title)
			if s := br.SchemeDef(); s.Marks() {
				printf(a.env.Stdout, "Marking scheme: %s (%s)\n", s.ID, s.Name)
			}
			return nil
		},
	}
	bf.register(cmd)
	cmd.Flag("scheme").Usage += " (default: the library's, else the app's setting, else none)"
	addJSONFlag(cmd, &asJSON)
	return cmd
}

func (a *cliApp) briefingEditCommand() *cobra.Command {
	var bf briefingFlags
	cmd := &cobra.Command{
		Use:   "edit ID",
		Short: "Change a briefing's title, status, summary, scheme, markings or other metadata",
		Args:  exactArgs(1, "a briefing id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			// Saved against the copy just read: what another writer saved
			// meanwhile (a block, a link, another field) is merged in; a
			// clash on a field given here is redone on a fresh copy.
			for try := 0; ; try++ {
				base, err := a.briefingArg(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				br := base.Clone()
				old := br.SchemeDef()
				if err := bf.apply(cmd, br); err != nil {
					return err
				}
				if err := checkSchemeChange(br, old); err != nil {
					return err
				}
				_, err = a.store.SaveBriefing(cmd.Context(), base, br)
				var clash *domain.MergeConflict
				if errors.As(err, &clash) && try < 5 {
					continue
				}
				if err != nil {
					return err
				}
				// A new status keeps a version, as in the desktop app.
				snap, err := domain.KeepStatusVersion(cmd.Context(), a.store, br.ID, base.Status, br.Status)
				if err != nil {
					return notRecorded(err, "briefing %d was saved with the status %s", br.ID, br.Status.Label())
				}
				printf(a.env.Stdout, "Saved briefing %d\n", br.ID)
				printRecorded(a.env.Stdout, snap)
				return nil
			}
		},
	}
	bf.register(cmd)
	return cmd
}

func (a *cliApp) briefingArg(ctx context.Context, arg string) (*domain.Briefing, error) {
	id, err := parseID(arg, "briefing")
	if err != nil {
		return nil, err
	}
	lib, err := a.lib(ctx)
	if err != nil {
		return nil, err
	}
	return lib.Briefing(ctx, id)
}

func (a *cliApp) briefingShowCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show a briefing with its blocks",
		Args:  exactArgs(1, "a briefing id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			br, err := a.briefingArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, briefingOut(br))
			}
			printBriefing(a.env.Stdout, br)
			return nil
		},
	}
	addJSONFlag(cmd, &asJSON)
	return cmd
}

func printBriefing(w io.Writer, br *domain.Briefing) {
	printf(w, "Briefing %d: %s\n", br.ID, br.Title)
	s := br.SchemeDef()
	for _, kv := range [][2]string{{"Subtitle", br.Subtitle}, {"Prepared for", br.Audience},
		{"Prepared by", br.Author}, {"Date", br.Date.Long()}, {"Scheme", string(s.ID) + " (" + s.Name + ")"},
		{"Banner", br.Classification.Banner()}, {"Title mark", br.TitleMarking.Portion()},
		{"Subtitle mark", br.SubtitleMarking.Portion()}, {"Summary mark", br.SummaryMarking.Portion()},
		{"Classified by", br.Authority.ClassifiedBy}, {"Derived from", br.Authority.DerivedFrom},
		{"Declassify on", br.Authority.DeclassifyOn}, {"Notes", notesLine(br.IncludeNotes)},
		{"Status", br.Status.Label()}, {"Scale", scaleLabel(br.Scale)}} {
		if kv[1] != "" {
			printf(w, "%-13s %s\n", kv[0]+":", kv[1])
		}
	}
	if who := makersLine(br.CreatedBy, br.UpdatedBy, br.UpdatedAt); who != "" {
		printf(w, "%s\n", who)
	}
	if br.Summary != "" {
		printf(w, "\nBottom line: %s\n", br.Summary)
	}
	printf(w, "\n")
	for i, b := range br.Blocks {
		printf(w, "%3d. [block %d] %s%s\n", i+1, b.ID, portionPrefix(b), blockLine(b))
	}
	if len(br.Blocks) == 0 {
		printf(w, "(no blocks yet: add them with `attache briefing add %d …`)\n", br.ID)
	}
}

// scaleLabel names a briefing's estimative scale; "" for none.
func scaleLabel(id domain.ScaleID) string {
	if s := domain.ScaleOf(id); s != nil {
		return s.Name + " (" + string(s.ID) + ")"
	}
	return ""
}

func notesLine(include bool) string {
	if include {
		return "the excerpts' analyst notes are printed in exports"
	}
	return ""
}

// portionPrefix is a block's portion mark and a space, or "" unmarked.
func portionPrefix(b *domain.Block) string {
	m := effectiveMarking(b)
	if m == "" {
		return ""
	}
	return m.Portion() + " "
}

// effectiveMarking is the mark a block prints under: an excerpt block's
// is the higher of its excerpt's and its own, as export reads it.
func effectiveMarking(b *domain.Block) domain.Marking {
	if b.Excerpt == nil {
		return b.Marking
	}
	return domain.HighestMarking(b.Excerpt.Marking, b.Marking)
}

func blockLine(b *domain.Block) string {
	switch b.Type {
	case domain.BlockHeading:
		return "## " + b.Text
	case domain.BlockExcerpt:
		if b.Excerpt == nil {
			return "excerpt"
		}
		return "excerpt " + itoa(b.ExcerptID) + " “" + clip(b.Excerpt.Quote, 90) + "” — " + clip(b.Excerpt.SourceTitle, 40)
	case domain.BlockJudgment:
		conf := ""
		if b.Confidence != "" {
			conf = " (" + string(b.Confidence) + " confidence)"
		}
		ev := ""
		if n := len(b.Evidence); n > 0 {
			ev = " [" + itoa(int64(n)) + " evidence]"
		}
		return "judgment: " + clip(b.Text, 100) + conf + ev
	}
	return "commentary: " + clip(b.Text, 100)
}

func (a *cliApp) briefingListCommand() *cobra.Command {
	var trash, asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List briefings, most recently edited first",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			list, err := lib.Briefings(cmd.Context(), domain.BriefingFilter{Trashed: trash})
			if err != nil {
				return err
			}
			for _, b := range list { // counted by export's model, as the app counts them
				br, err := lib.Briefing(cmd.Context(), b.ID)
				if err != nil {
					return err
				}
				b.Words = export.BriefingWords(br)
			}
			if asJSON {
				return writeJSON(a.env.Stdout, listOut(list, summaryOut))
			}
			return printBriefingList(a.env.Stdout, list)
		},
	}
	cmd.Flags().BoolVar(&trash, "trash", false, "list the briefings in the trash")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

func (a *cliApp) briefingDuplicateCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "duplicate ID",
		Short: "Copy a briefing into a new draft",
		Args:  exactArgs(1, "a briefing id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			br, err := a.briefingArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			dup, err := a.store.DuplicateBriefing(cmd.Context(), br.ID)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, briefingOut(dup))
			}
			printf(a.env.Stdout, "Created briefing %d: %s\n", dup.ID, dup.Title)
			return nil
		},
	}
	addJSONFlag(cmd, &asJSON)
	return cmd
}

func (a *cliApp) briefingTrashCommand(trash bool) *cobra.Command {
	use, short := "delete ID", "Move a briefing to the trash (--purge: delete it from the trash for good)"
	if !trash {
		use, short = "undelete ID", "Restore a briefing from the trash"
	}
	var purge bool
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  exactArgs(1, "a briefing id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0], "briefing")
			if err != nil {
				return err
			}
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			op, done := lib.TrashBriefing, fmt.Sprintf("Moved briefing %d to the trash: `attache briefing undelete %d` brings it back", id, id)
			switch {
			case !trash:
				op, done = lib.RestoreBriefing, fmt.Sprintf("Restored briefing %d", id)
			case purge:
				op, done = lib.DeleteBriefing, fmt.Sprintf("Deleted briefing %d for good", id)
			}
			if err := op(cmd.Context(), id); err != nil {
				return err
			}
			printf(a.env.Stdout, "%s\n", done)
			return nil
		},
	}
	if trash {
		cmd.Flags().BoolVar(&purge, "purge", false, "delete a briefing in the trash for good, with its versions")
	}
	return cmd
}

func (a *cliApp) briefingImportCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "import FILE.json",
		Short: "Import a briefing with its sources from the JSON interchange format",
		Args:  exactArgs(1, "one JSON file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			// The same import as `attache import FILE.json`, which names
			// the file in its messages.
			r := intake.Briefing(cmd.Context(), lib, args[0], intake.Options{Pipes: true})
			if r.Err != nil {
				return domain.Errorf(domain.ErrorCode(r.Err), "%s", naming(args[0], stopMessage(r)))
			}
			if asJSON {
				return writeJSON(a.env.Stdout, briefingOut(r.Briefing))
			}
			printImport(a.env.Stdout, r)
			return nil
		},
	}
	addJSONFlag(cmd, &asJSON)
	return cmd
}
