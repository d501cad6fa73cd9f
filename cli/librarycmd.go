package cli

import (
	"github.com/spf13/cobra"
)

func (a *cliApp) libraryCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "library",
		Short: "Show where the library is and what it holds",
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
			if asJSON {
				return writeJSON(a.env.Stdout, st)
			}
			printf(a.env.Stdout, "Library:   %s\nSources:   %d\nExcerpts:  %d\nBriefings: %d\n", st.Path, st.Sources, st.Excerpts, st.Briefings)
			return nil
		},
	}
	addJSONFlag(cmd, &asJSON)
	return cmd
}
