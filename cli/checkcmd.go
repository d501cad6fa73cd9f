package cli

import (
	"context"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/integrity"
	"github.com/attache/attache/internal/settings"
	"github.com/spf13/cobra"
)

func (a *cliApp) checkCommand() *cobra.Command {
	var dismiss, undismiss, note string
	var dismissed, atRisk, asJSON bool
	cmd := &cobra.Command{
		Use:   "check ID [--json] | check ID --dismiss KEY [--note T] | check --at-risk",
		Short: "List everything wrong with a briefing: markings, basis, estimative language, sources",
		Long: `List everything wrong with briefing ID, in reading order within each kind:
  - what export would refuse or warn about (markings, the basis of key
    judgments in their evidence, empty sections);
  - estimative language: likelihood words off the briefing's scale (see
    'attache briefing edit ID --scale'), mixed scales, a likelihood and a
    confidence in one sentence, judgments with no confidence, percentages
    outside their word's band; each with its block, the character range
    of the words in the block's text and a key;
  - blocks resting on sources that changed, went unavailable, or were
    marked retracted or discredited, and versions in the briefing's
    history that cite such sources.

A language finding the analyst judges wrong is dismissed by its key
(--dismiss KEY, with --note saying why); it stays dismissed while the
same words stand in the same block. --undismiss KEY brings it back, and
--dismissed lists the dismissals.

--at-risk, with no ID, lists the briefings of the library that rest on
sources with a concern, now or in a version in their history.

Exit status: without --json, 1 when anything is found, 0 when the
briefing is clean (notes printed by choice do not count); with --json,
0 whatever is found, the output's "clean" saying whether anything was.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if atRisk {
				return exactArgs(0, "no briefing id with --at-risk")(cmd, args)
			}
			return exactArgs(1, "a briefing id")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if atRisk {
				return a.atRisk(cmd.Context(), asJSON)
			}
			br, err := a.briefingArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			f := cmd.Flags()
			n := 0
			for _, name := range []string{"dismiss", "undismiss", "dismissed"} {
				if f.Changed(name) {
					n++
				}
			}
			if n > 1 {
				return usagef("give one of --dismiss, --undismiss and --dismissed")
			}
			if f.Changed("note") && !f.Changed("dismiss") {
				return usagef("--note goes with --dismiss")
			}
			switch {
			case f.Changed("dismiss"):
				return a.dismiss(cmd.Context(), br, dismiss, note, asJSON)
			case f.Changed("undismiss"):
				if err := a.store.Undismiss(cmd.Context(), br.ID, undismiss); err != nil {
					return err
				}
				printf(a.env.Stdout, "Brought back finding %s of briefing %d\n", undismiss, br.ID)
				return nil
			case dismissed:
				return a.listDismissed(cmd.Context(), br, asJSON)
			}
			return a.checkBriefing(cmd.Context(), br, asJSON)
		},
	}
	f := cmd.Flags()
	f.StringVar(&dismiss, "dismiss", "", "dismiss the language finding with this key")
	f.StringVar(&note, "note", "", "why the finding is dismissed")
	f.StringVar(&undismiss, "undismiss", "", "bring back the dismissed finding with this key")
	f.BoolVar(&dismissed, "dismissed", false, "list the briefing's dismissed findings")
	f.BoolVar(&atRisk, "at-risk", false, "list the briefings resting on sources with a concern")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// jsonCheck is `check ID --json`.
type jsonCheck struct {
	Briefing int64  `json:"briefing"`
	Title    string `json:"title"`
	Scale    string `json:"scale"`
	// Clean: nothing is found (notes printed by choice do not count).
	Clean     bool              `json:"clean"`
	Warnings  []jsonWarning     `json:"warnings"`
	Language  []jsonFinding     `json:"language"`
	Risks     []jsonRisk        `json:"risks"`
	Versions  []jsonVersionRisk `json:"versions_at_risk"`
	Dismissed int               `json:"dismissed"` // language findings left out as dismissed
}

// jsonWarning is one of export's checks.
type jsonWarning struct {
	Code    string `json:"code"`
	Block   int64  `json:"block"` // block ID; 0 for the briefing's details
	Index   int    `json:"index"` // its place, from 0; -1 for the details
	Where   string `json:"where"`
	Message string `json:"message"`
	Refuse  bool   `json:"refuse"` // export will not write the briefing until this is put right
}

// jsonFinding is an estimative-language finding.
type jsonFinding struct {
	Code    string `json:"code"`
	Block   int64  `json:"block"` // block ID; 0 for the bottom line
	Index   int    `json:"index"` // -1 for the bottom line
	Start   int    `json:"start"` // in runes, in the block's text
	End     int    `json:"end"`
	Words   string `json:"words"`
	Message string `json:"message"`
	Key     string `json:"key"`
}

type jsonRisk struct {
	Kind     string   `json:"kind"`
	Block    int64    `json:"block"`
	Index    int      `json:"index"`
	Excerpt  int64    `json:"excerpt"`
	Source   int64    `json:"source"`
	Concerns []string `json:"concerns"`
	Message  string   `json:"message"`
}

type jsonVersionRisk struct {
	Version   int64     `json:"version"`
	Label     string    `json:"label"`
	CreatedAt time.Time `json:"created_at"`
	Sources   []int64   `json:"sources"`
}

func (a *cliApp) checkBriefing(ctx context.Context, br *domain.Briefing, asJSON bool) error {
	out, err := a.checkReport(ctx, br)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(a.env.Stdout, out)
	}
	printCheck(a, out)
	if out.Clean {
		return nil
	}
	n := len(out.Language) + len(newRisks(out)) + len(out.Versions)
	for _, w := range out.Warnings {
		if w.Code != string(export.WarnNotesIncluded) {
			n++
		}
	}
	return domain.Errorf(domain.EINVALID, "briefing %d: %d %s to look at, listed above", br.ID, n, pluralWord(n, "thing", "things"))
}

// checkReport runs every check on the briefing.
func (a *cliApp) checkReport(ctx context.Context, br *domain.Briefing) (*jsonCheck, error) {
	lib := a.store
	bundle, err := lib.BundleWithoutTexts(ctx, br.ID)
	if err != nil {
		return nil, err
	}
	dismissals, err := lib.Dismissals(ctx, br.ID)
	if err != nil {
		return nil, err
	}
	dismissed := map[string]bool{}
	for _, d := range dismissals {
		dismissed[d.Key] = true
	}
	if bundle.Concerns == nil {
		if bundle.Concerns, err = a.concernMap(ctx); err != nil {
			return nil, err
		}
	}
	concerns := bundle.Concerns
	out := &jsonCheck{Briefing: br.ID, Title: br.Title, Scale: string(br.Scale), Warnings: []jsonWarning{},
		Language: []jsonFinding{}, Risks: []jsonRisk{}, Versions: []jsonVersionRisk{}}
	blockID := func(i int) int64 {
		if i >= 0 && i < len(bundle.Briefing.Blocks) {
			return bundle.Briefing.Blocks[i].ID
		}
		return 0
	}
	clean := true
	// The basis checks hold the thresholds the analyst set in the app's
	// Settings, as its composer and export do.
	rules := settings.BasisRulesOf(a.savedSettings())
	for _, w := range export.WorstFirst(export.NewDocumentWith(bundle, export.Context{Rules: &rules}).Warnings()) {
		out.Warnings = append(out.Warnings, jsonWarning{Code: string(w.Code), Block: blockID(w.Block), Index: w.Block,
			Where: w.Where, Message: w.Message, Refuse: w.Refuse})
		clean = clean && w.Code == export.WarnNotesIncluded
	}
	all := integrity.CheckLanguage(bundle.Briefing, nil)
	for _, f := range all {
		if dismissed[f.Key] {
			out.Dismissed++
			continue
		}
		out.Language = append(out.Language, jsonFinding{Code: string(f.Code), Block: f.Block, Index: f.Index,
			Start: f.Start, End: f.End, Words: f.Words, Message: f.Message, Key: f.Key})
	}
	for _, r := range integrity.Risks(bundle, concerns) {
		out.Risks = append(out.Risks, jsonRisk{Kind: string(r.Kind), Block: r.Block, Index: r.Index, Excerpt: r.ExcerptID,
			Source: r.SourceID, Concerns: concernList(r.Concerns), Message: r.Message})
	}
	risks, err := lib.BriefingsAtRisk(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range risks {
		if r.BriefingID != br.ID {
			continue
		}
		for _, v := range r.Versions {
			out.Versions = append(out.Versions, jsonVersionRisk{Version: v.SnapshotID, Label: v.Label, CreatedAt: v.CreatedAt, Sources: v.Sources})
		}
	}
	out.Clean = clean && len(out.Language) == 0 && len(out.Risks) == 0 && len(out.Versions) == 0
	return out, nil
}

// concernMap is the library's source concerns by source ID.
func (a *cliApp) concernMap(ctx context.Context) (map[int64]*domain.SourceConcern, error) {
	list, err := a.store.SourceConcerns(ctx)
	if err != nil {
		return nil, err
	}
	m := map[int64]*domain.SourceConcern{}
	for _, c := range list {
		m[c.SourceID] = c
	}
	return m, nil
}

func concernList(cs []domain.Concern) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, string(c))
	}
	return out
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func printCheck(a *cliApp, c *jsonCheck) {
	w := a.env.Stdout
	printf(w, "Check of briefing %d: %s\n", c.Briefing, c.Title)
	if c.Clean {
		printf(w, "Nothing to put right.\n")
	}
	if len(c.Warnings) > 0 {
		printf(w, "\nBefore export:\n")
		for _, x := range c.Warnings {
			tag := "  - "
			if x.Refuse {
				tag = "  ! "
			}
			if x.Block > 0 { // the ID that briefing remove and link take
				tag += "[block " + itoa(x.Block) + "] "
			}
			printf(w, "%s%s\n", tag, x.Message)
		}
	}
	if len(c.Language) > 0 {
		printf(w, "\nEstimative language (%s):\n", orDash(scaleLabel(domain.ScaleID(c.Scale))))
		for _, f := range c.Language {
			where := "bottom line"
			if f.Index >= 0 {
				where = "block " + itoa(f.Block) + " (position " + itoa(int64(f.Index+1)) + ")"
			}
			printf(w, "  - %s, characters %d–%d, “%s”: %s\n    key %s\n", where, f.Start, f.End, clip(f.Words, 60), f.Message, f.Key)
		}
	}
	if c.Dismissed > 0 {
		printf(w, "  (%d dismissed %s not shown: `attache check %d --dismissed` lists them)\n", c.Dismissed,
			pluralWord(c.Dismissed, "finding", "findings"), c.Briefing)
	}
	if risks := newRisks(c); len(risks) > 0 {
		printf(w, "\nSources with a concern:\n")
		for _, r := range risks {
			printf(w, "  ! %s\n", r.Message)
		}
	}
	if len(c.Versions) > 0 {
		printf(w, "\nVersions in the history citing sources with a concern:\n")
		for _, v := range c.Versions {
			printf(w, "  - version %d %s (%s): sources %s\n", v.Version, orDash(v.Label), v.CreatedAt.Local().Format("2006-01-02 15:04"), idList(v.Sources))
		}
	}
}

// newRisks are the risks export's warnings do not already say (they
// carry those of sources with a concern): each is printed once.
func newRisks(c *jsonCheck) []jsonRisk {
	said := map[string]bool{}
	for _, w := range c.Warnings {
		said[w.Message] = true
	}
	var out []jsonRisk
	for _, r := range c.Risks {
		if !said[r.Message] {
			out = append(out, r)
		}
	}
	return out
}

func idList(ids []int64) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += itoa(id)
	}
	return s
}
