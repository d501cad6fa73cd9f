package cli

import "github.com/spf13/cobra"

func (a *cliApp) historyCommands() []*cobra.Command {
	var asJSON, jsonSnap, jsonRestore bool
	history := &cobra.Command{
		Use:   "history ID",
		Short: "List a briefing's saved versions, newest first",
		Args:  exactArgs(1, "a briefing id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			br, err := a.briefingArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			list, err := a.store.Snapshots(cmd.Context(), br.ID)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, listOut(list, snapshotOut))
			}
			if len(list) == 0 {
				printf(a.env.Stdout, "Briefing %d has no versions yet: one is kept on every export and change of status, or by `attache briefing snapshot %d --label TEXT`.\n", br.ID, br.ID)
				return nil
			}
			for _, s := range list {
				// Who kept it before the label, which is free text of
				// any length.
				printf(a.env.Stdout, "%-6d %s  %-*s  %s\n", s.ID, s.CreatedAt.Local().Format("2006-01-02 15:04:05"),
					nameWidth, clip(orDash(s.By), nameWidth), orDash(s.Label))
			}
			return nil
		},
	}
	addJSONFlag(history, &asJSON)
	var label string
	snapshot := &cobra.Command{
		Use:   "snapshot ID [--label L]",
		Short: "Save the briefing as it is now as a version",
		Args:  exactArgs(1, "a briefing id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			br, err := a.briefingArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			snap, err := a.store.CreateSnapshot(cmd.Context(), br.ID, label)
			if err != nil {
				return err
			}
			if jsonSnap {
				return writeJSON(a.env.Stdout, snapshotOut(snap))
			}
			printf(a.env.Stdout, "Saved version %d of briefing %d\n", snap.ID, br.ID)
			return nil
		},
	}
	snapshot.Flags().StringVar(&label, "label", "", "a name for the version")
	addJSONFlag(snapshot, &jsonSnap)
	restore := &cobra.Command{
		Use:   "restore ID VERSION",
		Short: "Put a briefing back as it was in a version (the current state is saved first)",
		Args:  exactArgs(2, "a briefing id and a version id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			br, err := a.briefingArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			v, err := parseID(args[1], "version")
			if err != nil {
				return err
			}
			skipped, err := a.store.RestoreSnapshot(cmd.Context(), br.ID, v)
			if err != nil {
				return err
			}
			if jsonRestore {
				return writeJSON(a.env.Stdout, map[string]any{"id": br.ID, "version": v, "skipped": skipped})
			}
			printf(a.env.Stdout, "Restored briefing %d to version %d\n", br.ID, v)
			if skipped > 0 {
				printf(a.env.Stderr, "note: %d block(s) left out: their excerpts have been deleted since\n", skipped)
			}
			return nil
		},
	}
	addJSONFlag(restore, &jsonRestore)
	return []*cobra.Command{history, snapshot, restore, a.emptyTrashCommand("empty-trash")}
}
