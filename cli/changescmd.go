package cli

import (
	"context"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/integrity"
	"github.com/spf13/cobra"
)

func (a *cliApp) changesCommand() *cobra.Command {
	var from, to, out string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "changes ID [--from VERSION] [--to VERSION|current] [--out FILE.md]",
		Short: "Say what changed in a briefing's key judgments between two versions",
		Long: `Say what changed between two versions of a briefing: key judgments added,
removed or reworded (with their confidence before and after), evidence
linked or unlinked, the status and the bottom line: the change note ICD
203 asks analysts to give when their judgments change.

Versions are those 'attache briefing history ID' lists. --to defaults to
the briefing as it is now (current); --from to the newest version before
--to (with none, everything counts as added). --out writes the note as
Markdown to a file instead of printing it.`,
		Args: exactArgs(1, "a briefing id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			br, err := a.briefingArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			newer, err := a.versionArg(cmd.Context(), br, to)
			if err != nil {
				return err
			}
			older, err := a.olderVersion(cmd.Context(), br, from, newer)
			if err != nil {
				return err
			}
			ch := integrity.Compare(older.briefing, newer.briefing)
			ch.From, ch.To = older.label, newer.label
			if out != "" {
				// Written as an export is, with its permissions.
				if err := export.WriteText(cmd.Context(), out, ch.Markdown()); err != nil {
					return domain.Errorf(domain.EINVALID, "the change note was not written to %s: %s", out, domain.ErrorMessage(err))
				}
				if !asJSON {
					printf(a.env.Stdout, "Wrote the changes from %s to %s to %s\n", ch.From, ch.To, out)
					return nil
				}
			}
			if asJSON {
				return writeJSON(a.env.Stdout, changesOut(br.ID, older, newer, ch))
			}
			if ch.Empty() {
				printf(a.env.Stdout, "No key judgment, evidence, status or bottom line changed from %s to %s.\n", ch.From, ch.To)
				return nil
			}
			printf(a.env.Stdout, "%s", ch.Markdown())
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&from, "from", "", "the older version's id (default: the newest version before --to)")
	f.StringVar(&to, "to", "current", "the newer version's id, or current")
	f.StringVar(&out, "out", "", "write the change note as Markdown to this file")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// version is one side of a comparison: a version in the history (id > 0),
// the briefing as it is now (id 0), or nothing before the first version
// (briefing nil).
type version struct {
	id       int64
	label    string
	briefing *domain.Briefing
}

func (a *cliApp) versionArg(ctx context.Context, br *domain.Briefing, arg string) (version, error) {
	if s := strings.ToLower(strings.TrimSpace(arg)); s == "" || s == "current" || s == "now" {
		return version{label: "the current briefing", briefing: br}, nil
	}
	id, err := parseID(arg, "version")
	if err != nil {
		return version{}, err
	}
	snap, err := a.store.Snapshot(ctx, id)
	if err != nil {
		return version{}, err
	}
	if snap.BriefingID != br.ID {
		return version{}, domain.Errorf(domain.EINVALID, "version %d is of briefing %d, not %d: see the versions with `attache briefing history %d`", id, snap.BriefingID, br.ID, br.ID)
	}
	return version{id: snap.ID, label: versionLabel(snap), briefing: snap.Briefing}, nil
}

// olderVersion is --from, else the newest version saved before newer.
func (a *cliApp) olderVersion(ctx context.Context, br *domain.Briefing, from string, newer version) (version, error) {
	if strings.TrimSpace(from) != "" {
		v, err := a.versionArg(ctx, br, from)
		if err == nil && v.id == 0 {
			return v, usagef("--from names the older version: give a version id from `attache briefing history %d`", br.ID)
		}
		return v, err
	}
	list, err := a.store.Snapshots(ctx, br.ID) // newest first; ids grow with time
	if err != nil {
		return version{}, err
	}
	for _, s := range list {
		if newer.id == 0 || s.ID < newer.id {
			return a.versionArg(ctx, br, itoa(s.ID))
		}
	}
	return version{label: "nothing (no earlier version)"}, nil
}

// versionLabel names a version as the history lists it.
func versionLabel(s *domain.Snapshot) string {
	l := "version " + itoa(s.ID)
	if s.Label != "" {
		l += " “" + s.Label + "”"
	}
	return l + " of " + s.CreatedAt.Local().Format("2006-01-02 15:04")
}

// jsonChanges is `briefing changes --json`.
type jsonChanges struct {
	Briefing   int64                `json:"briefing"`
	From       jsonVersionRef       `json:"from"`
	To         jsonVersionRef       `json:"to"`
	Empty      bool                 `json:"empty"`
	OldStatus  string               `json:"old_status"`
	NewStatus  string               `json:"new_status"`
	OldTitle   string               `json:"old_title"`
	NewTitle   string               `json:"new_title"`
	BottomLine bool                 `json:"bottom_line_changed"`
	Judgments  []jsonJudgmentChange `json:"judgments"`
	Evidence   []jsonEvidenceChange `json:"evidence"`
	Markdown   string               `json:"markdown"`
}

// jsonVersionRef names a version: its id (0 for the current briefing or
// for nothing before the first version) and label.
type jsonVersionRef struct {
	Version int64  `json:"version"`
	Label   string `json:"label"`
}

type jsonJudgmentChange struct {
	Kind          string `json:"kind"`
	Block         int64  `json:"block"`
	Old           string `json:"old"`
	New           string `json:"new"`
	OldConfidence string `json:"old_confidence"`
	NewConfidence string `json:"new_confidence"`
}

type jsonEvidenceChange struct {
	Kind     string `json:"kind"`
	Judgment string `json:"judgment"`
	Excerpt  int64  `json:"excerpt"`
	Stance   string `json:"stance"`
	Quote    string `json:"quote"`
}

func changesOut(id int64, older, newer version, ch *integrity.Changes) jsonChanges {
	out := jsonChanges{Briefing: id, From: jsonVersionRef{older.id, ch.From}, To: jsonVersionRef{newer.id, ch.To},
		Empty: ch.Empty(), OldStatus: string(ch.OldStatus), NewStatus: string(ch.NewStatus), OldTitle: ch.OldTitle,
		NewTitle: ch.NewTitle, BottomLine: ch.BottomLine, Judgments: []jsonJudgmentChange{}, Evidence: []jsonEvidenceChange{},
		Markdown: ch.Markdown()}
	for _, j := range ch.Judgments {
		out.Judgments = append(out.Judgments, jsonJudgmentChange{Kind: string(j.Kind), Block: j.Block, Old: j.Old, New: j.New,
			OldConfidence: string(j.OldConfidence), NewConfidence: string(j.NewConfidence)})
	}
	for _, e := range ch.Evidence {
		out.Evidence = append(out.Evidence, jsonEvidenceChange{Kind: string(e.Kind), Judgment: e.Judgment, Excerpt: e.ExcerptID,
			Stance: string(e.Stance), Quote: e.Quote})
	}
	return out
}
