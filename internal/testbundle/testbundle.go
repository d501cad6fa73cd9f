// Package testbundle is the invented briefing that the interchange and
// export tests share: two sources in three scripts, every block type, and
// a URL with characters that need escaping.
package testbundle

import (
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

// The texts of the two sources.
const (
	TextEN = "Ministry note, 3\u00a0March.\n\n“In 2023 lithium exports rose by 12\u00a0%,” the deputy minister said. " +
		"Officials added that lithium exports rose again in spring — faster than forecast.\n"
	TextGR = "Η κυβέρνηση ανακοίνωσε «νέα μέτρα» για τις εξαγωγές. Министерство заявило о росте экспорта на 5\u00a0%.\n"
)

// Bundle is the shared test briefing with its sources.
func Bundle(t testing.TB) *domain.Bundle {
	t.Helper()
	en := &domain.Source{
		ID: 41, Kind: domain.KindReport, Title: "Quarterly Trade Note", Subtitle: "Q1",
		Section: "TRADE", Authors: []string{"A. Example", "B. Sample"}, Publisher: "Ministry of Examples",
		Published: domain.Date{Year: 2024, Month: time.March, Day: 3}, URL: "https://example.org/note?a=1&b=<2>",
		Accessed: domain.Date{Year: 2024, Month: time.March, Day: 5}, Language: "en",
		Text: TextEN, Reliability: domain.ReliabilityB, Notes: "Translated summary; see annex.",
	}
	gr := &domain.Source{ID: 7, Kind: domain.KindWebPage, Title: "Ανακοίνωση / Сообщение", Text: TextGR, Language: "el"}
	excerpt := func(s *domain.Source, quote string, nth int) *domain.Excerpt {
		spans, err := domain.FindQuote(s.Text, quote)
		if err != nil || len(spans) <= nth {
			t.Fatalf("fixture: %q occurrence %d not in %q: %v", quote, nth, s.Title, err)
		}
		sp := spans[nth]
		q, _ := domain.RuneSpan(s.Text, sp.Start, sp.End)
		return &domain.Excerpt{ID: 900 + int64(nth), SourceID: s.ID, Start: sp.Start, End: sp.End, Quote: q}
	}
	second := excerpt(en, "lithium exports rose", 1)
	second.Note, second.Tags, second.Credibility, second.Marking = "Second mention.", []string{"lithium", "trade"}, 2, domain.MarkingUnclassified
	quoted := excerpt(en, "“In 2023 lithium exports rose by 12\u00a0%,”", 0)
	quoted.Tags = []string{}
	greek := excerpt(gr, "«νέα μέτρα»", 0)
	greek.Tags, greek.Marking = []string{"greece"}, domain.MarkingCUI
	russian := excerpt(gr, "росте экспорта на 5\u00a0%", 0)
	russian.Tags, russian.Credibility = []string{}, 6
	return &domain.Bundle{
		Briefing: &domain.Briefing{
			ID: 3, Title: "Lithium: the spring outlook", Subtitle: "For the trade desk", Author: "Analyst One",
			Audience: "Deputy Director", Date: domain.Date{Year: 2024, Month: time.May, Day: 11},
			Scheme: domain.SchemeUS, Classification: domain.MarkingCUI, Status: domain.StatusReview,
			Authority: domain.Authority{ClassifiedBy: "Department of Testing"},
			Summary:   "Exports keep rising; \"tariffs\" are unlikely.",
			Blocks: []*domain.Block{
				{ID: 1, Type: domain.BlockHeading, Text: "Background"},
				{ID: 2, Type: domain.BlockExcerpt, ExcerptID: second.ID, Excerpt: second},
				{ID: 3, Type: domain.BlockExcerpt, ExcerptID: quoted.ID, Excerpt: quoted},
				{ID: 4, Type: domain.BlockCommentary, Text: "Both mentions agree.\nSecond line.", Marking: domain.MarkingUnclassified},
				{ID: 5, Type: domain.BlockExcerpt, ExcerptID: greek.ID, Excerpt: greek},
				{ID: 6, Type: domain.BlockExcerpt, ExcerptID: russian.ID, Excerpt: russian},
				{ID: 7, Type: domain.BlockJudgment, Text: "Exports will keep rising.", Confidence: domain.ConfidenceModerate, Marking: domain.MarkingCUI},
				{ID: 8, Type: domain.BlockHeading, Text: "Outlook", Marking: domain.MarkingUnclassified},
			},
		},
		Sources: []*domain.Source{en, gr},
	}
}
