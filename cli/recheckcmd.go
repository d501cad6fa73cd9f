package cli

import (
	"context"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/intake"
	"github.com/attache/attache/internal/settings"
	"github.com/spf13/cobra"
)

func (a *cliApp) recheckCommand() *cobra.Command {
	var importChanged, allowPrivate, asJSON bool
	cmd := &cobra.Command{
		Use:   "recheck [ID…] [--import-changed]",
		Short: "Read sources again from the web or their files and record whether they changed",
		Long: `Read sources again from where they came from, compare each text with the
one imported (by its SHA-256) and record what was found: unchanged,
changed (with where each excerpt's quote now stands: same place, moved or
gone), or unavailable (the server's answer, or the file missing). The
imported text is never replaced: --import-changed imports each changed
text as a new source, a newer version linked to the old one.

With no ID, every web source and every file source whose file's path
Attaché kept is rechecked. Web sources are fetched with the same checks
as an import (no link-local addresses, no redirect into this computer or
a private network), and more: an address on this computer or a private
network is not fetched at all unless --allow-private is given, since a
source's address may have come from someone else's briefing file: such a
source is reported skipped, and nothing is recorded for it. Only
this command and importing a web address use the network. Progress
goes to standard error; Ctrl+C stops within a second, recording nothing
for the source under way.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ids := make([]int64, 0, len(args))
			for _, arg := range args {
				id, err := parseID(arg, "source")
				if err != nil {
					return err
				}
				ids = append(ids, id)
			}
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			sources, err := a.recheckSources(cmd.Context(), ids)
			if err != nil {
				return err
			}
			return a.runRecheck(cmd.Context(), lib, sources, recheckFlags{importChanged, allowPrivate, asJSON})
		},
	}
	cmd.Flags().BoolVar(&importChanged, "import-changed", false, "import each changed text as a new version of its source")
	cmd.Flags().BoolVar(&allowPrivate, "allow-private", false, "fetch web sources on this computer or a private network too (your own intranet pages)")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// recheckSources loads the sources named, or lists every one a recheck
// can read again (a listing leaves the texts out: the engine reads the
// old text of a changed one only).
func (a *cliApp) recheckSources(ctx context.Context, ids []int64) ([]*domain.Source, error) {
	var out []*domain.Source
	if len(ids) == 0 {
		list, err := a.store.Sources(ctx, domain.SourceFilter{})
		if err != nil {
			return nil, err
		}
		for _, s := range list {
			if intake.Rechecks(s) {
				out = append(out, s)
			}
		}
		return out, nil
	}
	for _, id := range ids {
		s, err := a.store.Source(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// jsonRecheck is one element of `sources recheck --json`.
type jsonRecheck struct {
	Source   int64            `json:"source"`
	Title    string           `json:"title"`
	Check    *jsonSourceCheck `json:"check"`
	Recorded bool             `json:"recorded"`
	// NewVersion is the source the changed text was imported as, with
	// --import-changed; Existing says the library already had that text.
	NewVersion int64  `json:"new_version,omitempty"`
	Existing   bool   `json:"existing,omitempty"`
	Error      string `json:"error,omitempty"`
}

type jsonSourceCheck struct {
	ID         int64            `json:"id"`
	Source     int64            `json:"source"`
	At         time.Time        `json:"at"`
	Status     string           `json:"status"`
	Where      string           `json:"where"`
	HTTPStatus int              `json:"http_status"`
	Detail     string           `json:"detail"`
	SHA256     string           `json:"sha256"`
	Quotes     []jsonQuoteCheck `json:"quotes"`
}

type jsonQuoteCheck struct {
	Excerpt int64  `json:"excerpt"`
	State   string `json:"state"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

func sourceCheckOut(c *domain.SourceCheck) *jsonSourceCheck {
	if c == nil {
		return nil
	}
	out := &jsonSourceCheck{ID: c.ID, Source: c.SourceID, At: c.At, Status: string(c.Status), Where: c.Where,
		HTTPStatus: c.HTTPStatus, Detail: c.Detail, SHA256: c.SHA256, Quotes: []jsonQuoteCheck{}}
	for _, q := range c.Quotes {
		out.Quotes = append(out.Quotes, jsonQuoteCheck{Excerpt: q.ExcerptID, State: string(q.State), Start: q.Start, End: q.End})
	}
	return out
}

// recheckFlags are the switches of `sources recheck`.
type recheckFlags struct{ importChanged, allowPrivate, asJSON bool }

func (a *cliApp) runRecheck(ctx context.Context, lib intake.RecheckLibrary, sources []*domain.Source, fl recheckFlags) error {
	importChanged, asJSON := fl.importChanged, fl.asJSON
	if len(sources) == 0 {
		if asJSON {
			return writeJSON(a.env.Stdout, []jsonRecheck{})
		}
		printf(a.env.Stdout, "No source to recheck: only web sources and files imported since Attaché keeps their path can be read again.\n")
		return nil
	}
	keep := settings.KeepOriginalsBytes(a.savedSettings()[settings.KeepOriginalsMB])
	opt := intake.RecheckOptions{KeepOriginalBytes: keep, Private: fl.allowPrivate, Starting: func(i, total int, s *domain.Source) {
		printf(a.env.Stderr, "[%d/%d] source %d: %s\n", i+1, total, s.ID, clip(s.Title, 60))
	}}
	out := []jsonRecheck{}
	failed := 0
	sum := intake.Recheck(ctx, lib, sources, opt, func(r intake.RecheckResult) {
		j := jsonRecheck{Source: r.Source.ID, Title: r.Source.Title, Check: sourceCheckOut(r.Check), Recorded: r.Recorded}
		if r.Err != nil {
			j.Error, failed = domain.ErrorMessage(r.Err), failed+1
		} else if importChanged && r.Fresh != nil {
			existing, err := intake.ImportNewVersion(ctx, a.store, r.Source, r.Fresh)
			if err != nil {
				j.Error, failed = domain.ErrorMessage(err), failed+1
			} else {
				j.NewVersion, j.Existing = r.Fresh.ID, existing
			}
		}
		out = append(out, j)
		if !asJSON {
			printRecheck(a, j)
		}
	})
	if asJSON {
		if err := writeJSON(a.env.Stdout, out); err != nil {
			return err
		}
	}
	if sum.NotStarted > 0 || ctx.Err() != nil {
		return domain.Errorf(domain.EINVALID, "the recheck was stopped: %d of %d sources were not rechecked", sum.NotStarted+failed, sum.Total)
	}
	if failed > 0 {
		return domain.Errorf(domain.EINVALID, "%d of %d sources could not be rechecked, as said above", failed, sum.Total)
	}
	return nil
}

func printRecheck(a *cliApp, j jsonRecheck) {
	w := a.env.Stdout
	if j.Check == nil {
		printf(w, "Source %d: %s\n", j.Source, j.Error)
		return
	}
	c := j.Check
	status := c.Status
	if c.HTTPStatus != 0 && c.Status == string(domain.CheckUnavailable) {
		status += " (HTTP " + itoa(int64(c.HTTPStatus)) + ")"
	}
	printf(w, "Source %d %s: %s: %s\n", j.Source, clip(j.Title, 50), status, c.Detail)
	for _, q := range c.Quotes {
		if q.State != string(domain.QuoteSame) {
			printf(w, "  excerpt %d: %s\n", q.Excerpt, q.State)
		}
	}
	switch {
	case j.Error != "":
		printf(w, "  not recorded: %s\n", j.Error)
	case c.Status == string(domain.CheckSkipped):
		printf(w, "  nothing was fetched or recorded: `attache sources recheck %d --allow-private` includes it if the page is your own\n", j.Source)
	case !j.Recorded:
		printf(w, "  (nothing recorded)\n")
	case j.NewVersion != 0 && j.Existing:
		printf(w, "  the new text was already in the library as source %d\n", j.NewVersion)
	case j.NewVersion != 0:
		printf(w, "  imported the new text as source %d, a newer version of source %d\n", j.NewVersion, j.Source)
	case c.Status == string(domain.CheckChanged):
		printf(w, "  `attache sources recheck %d --import-changed` imports the new text as a new version\n", j.Source)
	}
}

func (a *cliApp) standingCommand() *cobra.Command {
	var note string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "standing ID retracted|discredited|sound [--note TEXT]",
		Short: "Mark a source retracted or discredited, with a note, or sound again",
		Long: `Mark a source retracted (its publisher withdrew it) or discredited, with a
note saying why; every excerpt, judgment and briefing resting on it is
then flagged by 'attache check'. sound takes the mark off.`,
		Args: exactArgs(2, "a source id and a standing (retracted, discredited or sound)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0], "source")
			if err != nil {
				return err
			}
			st, err := domain.ParseStanding(args[1])
			if err != nil {
				return usageError{err}
			}
			if err := domain.StandingNote.Check(note); err != nil {
				return usageError{err}
			}
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			if err := lib.SetSourceStanding(cmd.Context(), id, st, note); err != nil {
				return err
			}
			s, err := lib.Source(cmd.Context(), id)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, sourceOut(s))
			}
			if st == domain.StandingSound {
				printf(a.env.Stdout, "Source %d is marked sound again\n", id)
				return nil
			}
			printf(a.env.Stdout, "Marked source %d %s: `attache check --at-risk` lists the briefings resting on it\n", id, st)
			return nil
		},
	}
	cmd.Flags().StringVar(&note, "note", "", "why the source is retracted or discredited")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

func (a *cliApp) sourceChecksCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "checks ID",
		Short: "List a source's rechecks, newest first",
		Args:  exactArgs(1, "a source id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.sourceArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			list, err := a.store.SourceChecks(cmd.Context(), s.ID)
			if err != nil {
				return err
			}
			if asJSON {
				out := []*jsonSourceCheck{}
				for _, c := range list {
					out = append(out, sourceCheckOut(c))
				}
				return writeJSON(a.env.Stdout, out)
			}
			if len(list) == 0 {
				printf(a.env.Stdout, "Source %d has not been rechecked: `attache sources recheck %d` does\n", s.ID, s.ID)
				return nil
			}
			tw := newTable(a.env.Stdout)
			printf(tw, "ID\tWHEN\tSTATUS\tDETAIL\n")
			for _, c := range list {
				printf(tw, "%d\t%s\t%s\t%s\n", c.ID, c.At.Local().Format("2006-01-02 15:04"), c.Status, clip(c.Detail, 80))
			}
			return tw.Flush()
		},
	}
	addJSONFlag(cmd, &asJSON)
	return cmd
}
