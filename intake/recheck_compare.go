package intake

import (
	"context"
	"fmt"
	"strings"

	"github.com/attache/attache/domain"
)

// compareQuotes finds where each of the source's excerpts' quotes stands
// in the new text, and says in c.Detail how much changed. Excerpts in the
// trash are looked for too: versions in a briefing's history may quote
// them.
func compareQuotes(ctx context.Context, lib RecheckLibrary, src *domain.Source, text string, c *domain.SourceCheck) error {
	c.Status = domain.CheckChanged
	var all []*domain.Excerpt
	for _, trashed := range []bool{false, true} {
		list, err := lib.Excerpts(ctx, domain.ExcerptFilter{SourceID: src.ID, Trashed: trashed})
		if err != nil {
			return err
		}
		all = append(all, list...)
	}
	counts := map[domain.QuoteState]int{}
	seen := map[int64]bool{}
	for _, e := range all {
		if seen[e.ID] || e.SourceID != src.ID {
			continue
		}
		if ctx.Err() != nil {
			return ErrStopped
		}
		seen[e.ID] = true
		q := LocateQuote(text, e)
		counts[q.State]++
		c.Quotes = append(c.Quotes, q)
	}
	c.Detail = changeDetail(oldText(ctx, lib, src), text, len(c.Quotes), counts)
	return nil
}

// oldText is the text imported: src's own, or, for a source from a
// listing (which leaves texts out), read from a library that can.
func oldText(ctx context.Context, lib RecheckLibrary, src *domain.Source) string {
	if src.Text != "" {
		return src.Text
	}
	reader, ok := lib.(interface {
		Source(ctx context.Context, id int64) (*domain.Source, error)
	})
	if !ok {
		return ""
	}
	if full, err := reader.Source(ctx, src.ID); err == nil {
		return full.Text
	}
	return ""
}

// LocateQuote finds an excerpt's quote in a source's new text: at the
// same place with the same words, moved (found elsewhere, or at the same
// place written differently, forgiving white space, quotes and dashes),
// or gone. Of several places, the one nearest the old is taken.
func LocateQuote(text string, e *domain.Excerpt) domain.QuoteCheck {
	q := domain.QuoteCheck{ExcerptID: e.ID, State: domain.QuoteGone}
	if at, err := domain.RuneSpan(text, e.Start, e.End); err == nil && at == e.Quote {
		q.State, q.Start, q.End = domain.QuoteSame, e.Start, e.End
		return q
	}
	if strings.TrimSpace(e.Quote) == "" {
		return q
	}
	spans, err := domain.FindQuote(text, e.Quote)
	if err != nil || len(spans) == 0 {
		return q
	}
	best := spans[0]
	for _, s := range spans[1:] {
		if abs(s.Start-e.Start) < abs(best.Start-e.Start) {
			best = s
		}
	}
	q.State, q.Start, q.End = domain.QuoteMoved, best.Start, best.End
	return q
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// changeDetail says, for the analyst, how the text changed and where the
// quotes stand: "3 paragraphs differ; of 4 quotes, 2 stand where they
// were, 1 moved, 1 gone".
func changeDetail(oldText, newText string, quotes int, counts map[domain.QuoteState]int) string {
	var b strings.Builder
	if oldText != "" {
		n := differingParagraphs(oldText, newText)
		switch n {
		case 0:
			b.WriteString("the text differs in its white space or order")
		case 1:
			b.WriteString("1 paragraph differs")
		default:
			fmt.Fprintf(&b, "%d paragraphs differ", n)
		}
	} else {
		b.WriteString("the text differs")
	}
	if quotes == 0 {
		b.WriteString("; the source has no excerpts")
		return b.String()
	}
	fmt.Fprintf(&b, "; of %d %s, %d %s where %s, %d moved, %d gone", quotes, plural(quotes, "quote", "quotes"),
		counts[domain.QuoteSame], plural(counts[domain.QuoteSame], "stands", "stand"),
		plural(counts[domain.QuoteSame], "it was", "they were"), counts[domain.QuoteMoved], counts[domain.QuoteGone])
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// differingParagraphs counts the paragraphs of either text that the other
// lacks, the larger of the two counts: added, removed or reworded.
func differingParagraphs(oldText, newText string) int {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, p := range strings.Split(s, "\n") {
			if p = strings.Join(strings.Fields(p), " "); p != "" {
				m[p]++
			}
		}
		return m
	}
	o, n := count(oldText), count(newText)
	missing := func(a, b map[string]int) int {
		k := 0
		for p, c := range a {
			if d := c - b[p]; d > 0 {
				k += d
			}
		}
		return k
	}
	return max(missing(o, n), missing(n, o))
}
