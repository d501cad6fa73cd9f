package cli

import (
	"context"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// release is what a release copy left out, at the level it was made for.
type release struct {
	at      domain.Marking
	dropped []export.Dropped
}

// releaseCopy is the copy of b for readers cleared to the marking typed
// as at, read under the briefing's scheme (export.Release).
func releaseCopy(b *domain.Bundle, at string) (*domain.Bundle, *release, error) {
	m, err := parseMarkingFlag("release-at", b.Briefing.SchemeDef(), at)
	if err != nil {
		return nil, nil, err
	}
	c, dropped, err := export.Release(b, m)
	if err != nil {
		return nil, nil, err
	}
	return c, &release{at: m, dropped: dropped}, nil
}

// recordRelease keeps the release copy in the briefing's history as a
// version labelled with its level and file, and says what was left out.
func (a *cliApp) recordRelease(ctx context.Context, id int64, out, format string, rel *release, asJSON bool) error {
	snap, err := domain.KeepExportVersion(ctx, a.store, id, out, rel.at.Banner())
	if err != nil {
		return notRecorded(err, "the release copy was written to %s", out)
	}
	if asJSON {
		left := make([]jsonLeftOut, 0, len(rel.dropped))
		for _, d := range rel.dropped {
			left = append(left, jsonLeftOut{Where: d.Where, Marking: d.Mark})
		}
		return writeJSON(a.env.Stdout, jsonExported{ID: id, File: out, Format: format, ReleaseAt: rel.at.Banner(),
			LeftOut: &left, Version: versionID(snap)})
	}
	printf(a.env.Stdout, "Exported a release copy of briefing %d at %s to %s\n", id, rel.at.Banner(), out)
	if len(rel.dropped) == 0 {
		printf(a.env.Stdout, "Nothing was above %s: the copy holds the whole briefing\n", rel.at.Banner())
	} else {
		printf(a.env.Stdout, "Left out, above %s:\n", rel.at.Banner())
		for _, d := range rel.dropped {
			mark := ""
			if d.Mark != "" {
				mark = " (" + d.Mark + ")"
			}
			printf(a.env.Stdout, "  - %s%s\n", d.Where, mark)
		}
	}
	printRecorded(a.env.Stdout, snap)
	return nil
}
