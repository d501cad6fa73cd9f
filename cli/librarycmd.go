package cli

import (
	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
	"github.com/spf13/cobra"
)

func (a *cliApp) libraryCommand() *cobra.Command {
	var asJSON, check bool
	cmd := &cobra.Command{
		Use:   "library [--check]",
		Short: "Show where the library is and what it holds; --check reads every page for damage",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			st, err := lib.Stats(cmd.Context())
			if err != nil {
				return err
			}
			if check {
				// A damaged library is an error (exit 1) naming the backup.
				if err := lib.Check(cmd.Context()); err != nil {
					return err
				}
				st.Damaged = "" // a sound check clears earlier damage

			}
			if asJSON {
				return writeJSON(a.env.Stdout, statsOut(st, check))
			}
			printf(a.env.Stdout, "Library:   %s\nSources:   %d\nExcerpts:  %d\nBriefings: %d\n", st.Path, st.Sources, st.Excerpts, st.Briefings)
			switch {
			case st.ReadingCopy != "":
				printf(a.env.Stdout, "Read-only: yes (neither the file nor its folder can be written: reading a private copy taken %s)\n", st.ReadingCopy)
			case st.ReadOnly && store.IsServer(st.Path):
				printf(a.env.Stdout, "Read-only: yes (your account may read this team library but not change it)\n")
			case st.ReadOnly:
				printf(a.env.Stdout, "Read-only: yes (the file or its folder cannot be written)\n")
			}
			if st.Damaged != "" {
				printf(a.env.Stdout, "Damaged:   yes (%s): changes are refused until a backup is restored; `attache library --check` names the backup\n", st.Damaged)
			}
			if check {
				printf(a.env.Stdout, "Check:     ok\n")
			}
			return nil
		},
	}
	addJSONFlag(cmd, &asJSON)
	cmd.Flags().BoolVar(&check, "check", false, "check every page of the library for damage (about a second per 200 MB)")
	cmd.AddCommand(a.libraryDefaultSchemeCommand())
	cmd.AddCommand(a.libraryInitCommand())
	cmd.AddCommand(a.libraryCopyCommand())
	return cmd
}

func (a *cliApp) backupCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "backup --out FILE",
		Short: "Write a consistent copy of the library to FILE (safe while the app is open)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usagef("give the backup file with --out")
			}
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			if err := lib.Backup(cmd.Context(), out); err != nil {
				return err
			}
			printf(a.env.Stdout, "Backed up %s to %s\n", lib.Path(), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "backup file to write")
	return cmd
}

func (a *cliApp) restoreCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "restore FILE",
		Short: "Replace the library with a backup; the current library is kept beside it as .before-restore",
		Args:  exactArgs(1, "a backup file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := a.libraryPath()
			if err != nil {
				return err
			}
			// Replacing the file under a running app would lose its next
			// autosaves into the file set aside.
			unlock, err := store.Lock(path)
			if domain.ErrorCode(err) == domain.ECONFLICT {
				return domain.Errorf(domain.ECONFLICT, "the library %s is open in the Attaché app: quit the app first, then restore", path)
			}
			if err != nil {
				return err
			}
			defer unlock()
			kept, err := store.RestoreFile(cmd.Context(), args[0], path)
			if err != nil {
				return err
			}
			printf(a.env.Stdout, "Restored %s from %s\n", path, args[0])
			if kept != "" {
				printf(a.env.Stdout, "The previous library is kept as %s\n", kept)
			}
			return nil
		},
	}
}
