package cli

import (
	"strings"

	"github.com/attache/attache/domain"
	"github.com/spf13/cobra"
)

func (a *cliApp) searchCommand() *cobra.Command {
	var kinds []string
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Search sources, excerpts and briefings",
		Long: `Search everything, best matches first. Words must all match (chip matches
chips); chip* matches words that start with chip; "exact phrase" matches the
words in order; a OR b matches either; -word leaves out what contains it.
Quote a query with exclusions so they are not read as flags:
  attache search 'lithography -euv'   or   attache search -- lithography -euv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("search needs a query")
			}
			opts := domain.SearchOptions{Limit: limit}
			for _, k := range kinds {
				switch hk := domain.HitKind(strings.TrimSuffix(strings.ToLower(k), "s")); hk {
				case domain.HitSource, domain.HitExcerpt, domain.HitBriefing:
					opts.Kinds = append(opts.Kinds, hk)
				default:
					return usagef("%q is not a kind: use source, excerpt or briefing", k)
				}
			}
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			hits, err := lib.Search(cmd.Context(), strings.Join(args, " "), opts)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, listOut(hits, hitOut))
			}
			if len(hits) == 0 {
				printf(a.env.Stderr, "Nothing found.\n")
			}
			for _, h := range hits {
				printf(a.env.Stdout, "%-8s %-5d %s\n         %s\n", h.Kind, h.ID, clip(h.Title, 70), markSnippet(h))
			}
			return nil
		},
	}
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return usagef("%v (to exclude a word, quote the query: attache search 'lithography -euv')", err)
	})
	cmd.Flags().StringSliceVar(&kinds, "kind", nil, "only these kinds: source, excerpt, briefing")
	cmd.Flags().IntVar(&limit, "limit", 20, "at most this many results")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// markSnippet shows highlights in plain text as [matched words].
func markSnippet(h domain.SearchHit) string {
	r := []rune(h.Snippet)
	var b strings.Builder
	last := 0
	for _, s := range h.Highlights {
		if s.Start < last || s.End > len(r) {
			continue
		}
		b.WriteString(string(r[last:s.Start]) + "[" + string(r[s.Start:s.End]) + "]")
		last = s.End
	}
	b.WriteString(string(r[last:]))
	return b.String()
}
