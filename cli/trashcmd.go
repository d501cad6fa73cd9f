package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
)

// trashKind is one kind of item `delete` moves to the trash and `restore`
// brings back: excerpts and sources share their commands' shape.
type trashKind struct {
	name    string // "excerpt" or "source"
	withIt  string // what goes and comes back with it, for the messages
	trash   func(lib *store.Store) func(ctx context.Context, id int64, force bool) error
	purge   func(lib *store.Store) func(ctx context.Context, id int64, force bool) error
	restore func(lib *store.Store) func(ctx context.Context, id int64) error
}

var (
	excerptKind = trashKind{
		name:    "excerpt",
		trash:   func(l *store.Store) func(context.Context, int64, bool) error { return l.TrashExcerpt },
		purge:   func(l *store.Store) func(context.Context, int64, bool) error { return l.DeleteExcerpt },
		restore: func(l *store.Store) func(context.Context, int64) error { return l.RestoreExcerpt },
	}
	sourceKind = trashKind{
		name:    "source",
		withIt:  " with its excerpts",
		trash:   func(l *store.Store) func(context.Context, int64, bool) error { return l.TrashSource },
		purge:   func(l *store.Store) func(context.Context, int64, bool) error { return l.DeleteSource },
		restore: func(l *store.Store) func(context.Context, int64) error { return l.RestoreSource },
	}
)

func (a *cliApp) excerptDeleteCommand() *cobra.Command  { return a.deleteCommand(excerptKind) }
func (a *cliApp) excerptRestoreCommand() *cobra.Command { return a.restoreItemCommand(excerptKind) }
func (a *cliApp) sourceDeleteCommand() *cobra.Command   { return a.deleteCommand(sourceKind) }
func (a *cliApp) sourceRestoreCommand() *cobra.Command  { return a.restoreItemCommand(sourceKind) }

func (a *cliApp) deleteCommand(k trashKind) *cobra.Command {
	var force, purge bool
	cmd := &cobra.Command{
		Use:   "delete ID",
		Short: fmt.Sprintf("Move a%s %s to the trash%s (--purge: delete for good)", an(k.name), k.name, k.withIt),
		Args:  exactArgs(1, "a"+an(k.name)+" "+k.name+" id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, lib, err := a.itemIn(cmd, args[0], k.name)
			if err != nil {
				return err
			}
			op := k.trash(lib)
			if purge {
				op = k.purge(lib)
			}
			if err := op(cmd.Context(), id, force); err != nil {
				return withForceHint(err, k.name, id, purge)
			}
			if purge {
				printf(a.env.Stdout, "Deleted %s %d%s for good\n", k.name, id, k.withIt)
				return nil
			}
			printf(a.env.Stdout, "Moved %s %d%s to the trash: `attache %s restore %d` brings it back\n", k.name, id, k.withIt, k.name, id)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "also remove it from the briefings that use it")
	cmd.Flags().BoolVar(&purge, "purge", false, "delete it for good instead of moving it to the trash")
	return cmd
}

func (a *cliApp) restoreItemCommand(k trashKind) *cobra.Command {
	return &cobra.Command{
		Use:   "restore ID",
		Short: fmt.Sprintf("Bring a%s %s back from the trash%s", an(k.name), k.name, k.withIt),
		Args:  exactArgs(1, "a"+an(k.name)+" "+k.name+" id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, lib, err := a.itemIn(cmd, args[0], k.name)
			if err != nil {
				return err
			}
			if err := k.restore(lib)(cmd.Context(), id); err != nil {
				return err
			}
			printf(a.env.Stdout, "Restored %s %d%s\n", k.name, id, k.withIt)
			return nil
		},
	}
}

func an(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "n"
	}
	return ""
}

// withForceHint tells the command-line user how to go ahead anyway.
func withForceHint(err error, what string, id int64, purge bool) error {
	if domain.ErrorCode(err) != domain.ECONFLICT || !strings.Contains(domain.ErrorMessage(err), " used in ") {
		return err
	}
	flags := "--force"
	if purge {
		flags = "--purge --force"
	}
	return domain.Errorf(domain.ECONFLICT, "%s (attache %s delete %d %s)", domain.ErrorMessage(err), what, id, flags)
}

// trashed is what the trash holds.
type trashed struct {
	Sources   []*domain.Source
	Excerpts  []*domain.Excerpt
	Briefings []*domain.BriefingSummary
}

func (a *cliApp) trashCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "trash",
		Short: "List the sources, excerpts and briefings in the trash",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			t, err := readTrash(cmd.Context(), lib)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, trashOut(t))
			}
			return a.printTrash(t)
		},
	}
	addJSONFlag(cmd, &asJSON)
	cmd.AddCommand(a.emptyTrashCommand("empty"))
	return cmd
}

func readTrash(ctx context.Context, lib *store.Store) (*trashed, error) {
	var t trashed
	var err error
	if t.Sources, err = lib.Sources(ctx, domain.SourceFilter{Trashed: true}); err != nil {
		return nil, err
	}
	if t.Excerpts, err = lib.Excerpts(ctx, domain.ExcerptFilter{Trashed: true}); err != nil {
		return nil, err
	}
	if t.Briefings, err = lib.Briefings(ctx, domain.BriefingFilter{Trashed: true}); err != nil {
		return nil, err
	}
	return &t, nil
}

func (a *cliApp) printTrash(t *trashed) error {
	out := a.env.Stdout
	if len(t.Sources)+len(t.Excerpts)+len(t.Briefings) == 0 {
		printf(out, "The trash is empty.\n")
		return nil
	}
	tw := newTable(out)
	printf(tw, "KIND\tID\tTITLE\tTRASHED\n")
	for _, s := range t.Sources {
		printf(tw, "source\t%d\t%s (%s)\t%s\n", s.ID, clip(s.Title, 50), plural(s.ExcerptCount, "excerpt"), when(s.TrashedAt))
	}
	for _, e := range t.Excerpts {
		printf(tw, "excerpt\t%d\t“%s” — %s\t%s\n", e.ID, clip(e.Quote, 40), clip(e.SourceTitle, 30), when(e.TrashedAt))
	}
	for _, b := range t.Briefings {
		printf(tw, "briefing\t%d\t%s\t%s\n", b.ID, clip(b.Title, 50), when(b.TrashedAt))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	printf(out, "\nBring one back with `attache source restore ID`, `attache excerpt restore ID` or\n"+
		"`attache briefing undelete ID`; `attache trash empty` deletes everything here for good.\n")
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func (a *cliApp) emptyTrashCommand(use string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   use,
		Short: "Delete the sources, excerpts and briefings in the trash for good",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			n, err := lib.EmptyTrash(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, map[string]int{"deleted": n})
			}
			printf(a.env.Stdout, "Deleted %s from the trash for good\n", plural(n, "item"))
			return nil
		},
	}
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// when formats a trashed-at time for the listing, in local time.
func when(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}

// trashNote says, for `source show`, since when a source is in the trash.
func trashNote(s *domain.Source) string {
	if s.TrashedAt == nil {
		return ""
	}
	return fmt.Sprintf("since %s: `attache source restore %d` brings it back", when(s.TrashedAt), s.ID)
}

// itemIn reads an item's number from the command line and opens the
// library holding it.
func (a *cliApp) itemIn(cmd *cobra.Command, arg, name string) (int64, *store.Store, error) {
	id, err := parseID(arg, name)
	if err != nil {
		return 0, nil, err
	}
	lib, err := a.lib(cmd.Context())
	return id, lib, err
}
