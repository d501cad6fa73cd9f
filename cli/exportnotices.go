package cli

import (
	"context"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/internal/settings"
)

// printNotices lists on standard error what a reader of the exported file
// would trip over, worst first: a judgment that lost its support, the
// troubled sources, the model's other warnings (a key judgment with no
// evidence, an empty section, the analyst's notes printed) and the
// estimative-language findings not dismissed: the list the app shows
// under "Before you export" (export.NoticesOf). The command line writes
// the file first, as a script asked, and says so after; a JSON
// interchange file is the analyst's own copy and gets none.
func (a *cliApp) printNotices(ctx context.Context, lib domain.Library, b *domain.Bundle, f *export.Format, opts export.Options) {
	if !isReading(f) {
		return
	}
	rules := settings.BasisRulesOf(a.savedSettings())
	ectx := export.Context{Rules: &rules, Basis: opts["basis"], ReadingGuide: opts["reading-guide"]}
	if b.Concerns == nil {
		b.Concerns, _ = a.concernMap(ctx) // without them the list is shorter, not wrong
	}
	dismissed := map[string]bool{}
	if ds, err := lib.Dismissals(ctx, b.Briefing.ID); err == nil {
		for _, d := range ds {
			dismissed[d.Key] = true
		}
	}
	notes := export.NoticesOf(b, ectx, dismissed).Notices
	if len(notes) == 0 {
		return
	}
	printf(a.env.Stderr, "Before a reader sees it (%d):\n", len(notes))
	for _, n := range notes {
		printf(a.env.Stderr, "  • %s\n", n)
	}
}
