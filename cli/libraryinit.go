package cli

import (
	"github.com/spf13/cobra"
)

// libraryInitCommand sets a library up, or brings its schema up to date,
// without adding anything to it: what a team library's owner runs once,
// and after each upgrade of Attaché, before analysts connect (their
// accounts may not change the schema; see docs/team-library.md).
func (a *cliApp) libraryInitCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Set up the library given with --db, or bring it up to date, adding nothing (a team library's owner runs it)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a.mayCreate = true
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			st, err := lib.Stats(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, statsOut(st, false))
			}
			printf(a.env.Stdout, "The library %s is ready: %d sources, %d excerpts, %d briefings.\n",
				st.Path, st.Sources, st.Excerpts, st.Briefings)
			return nil
		},
	}
	addJSONFlag(cmd, &asJSON)
	return cmd
}
