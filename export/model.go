package export

import (
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// document is a briefing arranged for output, shared by the PDF and
// Markdown exporters so both number, mark and cite identically.
type document struct {
	B         *domain.Briefing
	Sources   []*domain.Source // in order of first citation
	Banner    string           // top and bottom of every page; "" for none
	Marked    bool             // portion marks are in use
	Judgments []*domain.Block
	Body      []item
	Notes     []note
	Sections  int
}

// item is one element of the body in reading order.
type item struct {
	Type    domain.BlockType
	Text    string // heading, commentary or quote text
	Number  string // section number of a heading
	Portion string // "(U) " etc., "" when unmarked
	Note    int    // note number of an excerpt
	Comment string // the analyst's note on an excerpt
	Source  *domain.Source
	Excerpt *domain.Excerpt
}

// note is an endnote: the citation of an excerpt's source.
type note struct {
	Num  int
	Text string
}

// newDocument arranges b. Judgments are gathered into the key judgments
// list up front; headings are numbered; each excerpt gets a note, the first
// for a source in full and later ones short, as Chicago style has it.
func newDocument(b *domain.Bundle) *document {
	d := &document{B: b.Briefing, Sources: citationOrder(b)}
	d.Marked = usesMarks(b.Briefing)
	d.Banner = banner(b.Briefing, d.Marked)
	cited := map[int64]bool{}
	for _, blk := range b.Briefing.Blocks {
		switch blk.Type {
		case domain.BlockJudgment:
			d.Judgments = append(d.Judgments, blk)
		case domain.BlockHeading:
			d.Sections++
			d.Body = append(d.Body, item{Type: blk.Type, Text: blk.Text, Number: strconv.Itoa(d.Sections), Portion: d.portion(blk.Marking)})
		case domain.BlockCommentary:
			d.Body = append(d.Body, item{Type: blk.Type, Text: blk.Text, Portion: d.portion(blk.Marking)})
		case domain.BlockExcerpt:
			d.Body = append(d.Body, d.excerptItem(b, blk, cited))
		}
	}
	return d
}

func (d *document) excerptItem(b *domain.Bundle, blk *domain.Block, cited map[int64]bool) item {
	e := blk.Excerpt
	if e == nil {
		e = &domain.Excerpt{}
	}
	src := b.Source(e.SourceID)
	n := len(d.Notes) + 1
	text := "Source not available."
	if src != nil {
		loc := pageLocator(src, e)
		text = NoteCitationAt(src, loc)
		if cited[src.ID] {
			text = ShortNoteCitationAt(src, loc)
		}
		cited[src.ID] = true
	}
	d.Notes = append(d.Notes, note{Num: n, Text: text})
	return item{Type: domain.BlockExcerpt, Text: e.Quote, Portion: d.portion(domain.HighestMarking(e.Marking, blk.Marking)),
		Note: n, Comment: e.Note, Source: src, Excerpt: e}
}

func (d *document) portion(m domain.Marking) string {
	if !d.Marked || m == domain.MarkingNone {
		return ""
	}
	return m.Portion() + " "
}

func usesMarks(b *domain.Briefing) bool {
	for _, blk := range b.Blocks {
		if blk.Marking != "" || (blk.Excerpt != nil && blk.Excerpt.Marking != "") {
			return true
		}
	}
	return false
}

// banner is the highest portion mark present, or, with no portion marks,
// the classification text as typed. A typed classification that parses as
// a marking also counts toward the highest, so a banner is never lower
// than what the analyst wrote.
func banner(b *domain.Briefing, marked bool) string {
	typed := strings.TrimSpace(b.Classification)
	if !marked {
		return strings.ToUpper(typed)
	}
	marks := []domain.Marking{}
	if m, err := domain.ParseMarking(typed); err == nil {
		marks = append(marks, m)
	}
	for _, blk := range b.Blocks {
		marks = append(marks, blk.Marking)
		if blk.Excerpt != nil {
			marks = append(marks, blk.Excerpt.Marking)
		}
	}
	return domain.HighestMarking(marks...).Banner()
}

// citationOrder lists the bundle's sources in order of first citation,
// then any the blocks do not cite.
func citationOrder(b *domain.Bundle) []*domain.Source {
	seen := map[int64]bool{}
	var out []*domain.Source
	for _, blk := range b.Briefing.Blocks {
		if blk.Excerpt == nil || seen[blk.Excerpt.SourceID] {
			continue
		}
		if s := b.Source(blk.Excerpt.SourceID); s != nil {
			seen[s.ID] = true
			out = append(out, s)
		}
	}
	for _, s := range b.Sources {
		if !seen[s.ID] {
			seen[s.ID] = true
			out = append(out, s)
		}
	}
	return out
}

// judgmentConfidence is a judgment's confidence as printed.
func judgmentConfidence(c domain.Confidence) string {
	if c == domain.ConfidenceNone {
		return ""
	}
	return strings.ToUpper(string(c[:1])) + string(c[1:]) + " confidence"
}

// shortTitle is the title for running headers.
func shortTitle(t string) string {
	if i := strings.IndexAny(t, ":—"); i > 12 {
		t = t[:i]
	}
	r := []rune(strings.TrimSpace(t))
	if len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return string(r)
}
