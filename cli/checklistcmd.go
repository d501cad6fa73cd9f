package cli

import (
	"context"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// The lists `check` keeps: dismissed findings, and the briefings resting
// on sources with a concern.

// dismissalNote is the limit on the note saying why a finding is
// dismissed.
var dismissalNote = domain.Field{Name: "the note on the dismissal", Max: 2_000}

// dismiss keeps a dismissal of a finding the checker gives now: a key
// mistyped, or of words since edited, is refused.
func (a *cliApp) dismiss(ctx context.Context, br *domain.Briefing, key, note string, asJSON bool) error {
	if err := dismissalNote.Check(note); err != nil {
		return usageError{err}
	}
	var found *integrity.Finding
	for _, f := range integrity.CheckLanguage(br, nil) {
		if f.Key == key {
			found = &f
			break
		}
	}
	if found == nil {
		return domain.Errorf(domain.ENOTFOUND, "briefing %d has no finding with the key %q: see the keys with `attache check %d`", br.ID, key, br.ID)
	}
	d := &domain.Dismissal{BriefingID: br.ID, Key: key, Code: string(found.Code), Words: found.Words, Note: note}
	if err := a.store.Dismiss(ctx, d); err != nil {
		return err
	}
	if asJSON {
		return writeJSON(a.env.Stdout, dismissalOut(d))
	}
	printf(a.env.Stdout, "Dismissed finding %s of briefing %d (“%s”): `attache check %d --undismiss %s` brings it back\n",
		key, br.ID, clip(found.Words, 60), br.ID, key)
	return nil
}

type jsonDismissal struct {
	Briefing int64     `json:"briefing"`
	Key      string    `json:"key"`
	Code     string    `json:"code"`
	Words    string    `json:"words"`
	Note     string    `json:"note"`
	At       time.Time `json:"at"`
}

func dismissalOut(d *domain.Dismissal) jsonDismissal {
	return jsonDismissal{Briefing: d.BriefingID, Key: d.Key, Code: d.Code, Words: d.Words, Note: d.Note, At: d.At}
}

func (a *cliApp) listDismissed(ctx context.Context, br *domain.Briefing, asJSON bool) error {
	list, err := a.store.Dismissals(ctx, br.ID)
	if err != nil {
		return err
	}
	if asJSON {
		out := []jsonDismissal{}
		for _, d := range list {
			out = append(out, dismissalOut(d))
		}
		return writeJSON(a.env.Stdout, out)
	}
	if len(list) == 0 {
		printf(a.env.Stdout, "No findings of briefing %d are dismissed.\n", br.ID)
		return nil
	}
	tw := newTable(a.env.Stdout)
	printf(tw, "KEY\tKIND\tWORDS\tNOTE\tDISMISSED\n")
	for _, d := range list {
		printf(tw, "%s\t%s\t%s\t%s\t%s\n", d.Key, d.Code, clip(d.Words, 40), orDash(clip(d.Note, 40)), d.At.Local().Format("2006-01-02 15:04"))
	}
	return tw.Flush()
}

// jsonBriefingRisk is one element of `check --at-risk --json`.
type jsonBriefingRisk struct {
	Briefing int64             `json:"briefing"`
	Title    string            `json:"title"`
	Sources  []int64           `json:"sources"`
	Versions []jsonVersionRisk `json:"versions"`
}

func (a *cliApp) atRisk(ctx context.Context, asJSON bool) error {
	lib, err := a.lib(ctx)
	if err != nil {
		return err
	}
	list, err := lib.BriefingsAtRisk(ctx)
	if err != nil {
		return err
	}
	out := []jsonBriefingRisk{}
	for _, r := range list {
		j := jsonBriefingRisk{Briefing: r.BriefingID, Title: r.Title, Sources: append([]int64{}, r.Sources...), Versions: []jsonVersionRisk{}}
		for _, v := range r.Versions {
			j.Versions = append(j.Versions, jsonVersionRisk{Version: v.SnapshotID, Label: v.Label, CreatedAt: v.CreatedAt, Sources: v.Sources})
		}
		out = append(out, j)
	}
	if asJSON {
		return writeJSON(a.env.Stdout, out)
	}
	if len(out) == 0 {
		printf(a.env.Stdout, "No briefing rests on a source with a concern.\n")
		return nil
	}
	tw := newTable(a.env.Stdout)
	printf(tw, "ID\tTITLE\tSOURCES NOW\tVERSIONS\n")
	for _, r := range out {
		printf(tw, "%d\t%s\t%s\t%d\n", r.Briefing, clip(r.Title, 50), orDash(idList(r.Sources)), len(r.Versions))
	}
	return tw.Flush()
}
