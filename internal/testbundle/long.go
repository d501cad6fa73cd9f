package testbundle

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/attache/attache/domain"
)

// Long is a briefing quoting n paragraphs of one long report, one excerpt
// block each, each paragraph its sentence said size times: big enough
// that work done once per excerpt over the whole text shows (benchmarks),
// or that an export takes long enough for Cancel to stop it.
func Long(n, size int) *domain.Bundle {
	var text strings.Builder
	src := &domain.Source{ID: 1, Kind: domain.KindReport, Title: "Long report on export controls"}
	b := &domain.Briefing{ID: 1, Title: "Long briefing for Cancel"}
	runes := 0
	for i := range n {
		p := fmt.Sprintf("Paragraph %d:", i) + strings.Repeat(" Export controls on advanced chips shape the alliance’s “small yard” — partners weigh costs, supply chains and the pace of substitution.", size)
		start := runes
		text.WriteString(p + "\n\n")
		runes += utf8.RuneCountInString(p) + 2
		ex := &domain.Excerpt{ID: int64(i + 1), SourceID: 1, Start: start, End: start + utf8.RuneCountInString(p), Quote: p, Note: "Why it matters."}
		b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: ex.ID, Excerpt: ex})
	}
	src.Text = text.String()
	return &domain.Bundle{Briefing: b, Sources: []*domain.Source{src}}
}
