package cli

import (
	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/internal/settings"
)

// printNotices lists on standard error what a reader of the exported file
// would trip over: the export model's warnings that do not refuse (a key
// judgment with no evidence, an empty section, the analyst's notes
// printed), the same list the app shows under "Before you export". The
// command line writes the file first, as a script asked, and says so
// after; a JSON interchange file is the analyst's own copy and gets none.
func (a *cliApp) printNotices(b *domain.Bundle, f *export.Format, opts export.Options) {
	if !isReading(f) {
		return
	}
	rules := settings.BasisRulesOf(a.savedSettings())
	ctx := export.Context{Rules: &rules, Basis: opts["basis"], ReadingGuide: opts["reading-guide"]}
	var notes []string
	for _, w := range export.NewDocumentWith(b, ctx).Warnings() {
		if !w.Refuse {
			notes = append(notes, w.Message)
		}
	}
	if len(notes) == 0 {
		return
	}
	printf(a.env.Stderr, "Before a reader sees it (%d):\n", len(notes))
	for _, n := range notes {
		printf(a.env.Stderr, "  • %s\n", n)
	}
}
