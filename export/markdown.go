package export

import (
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// WriteMarkdown writes the briefing as CommonMark with footnotes ([^n]).
//
// The layout follows the PDF: banner, title block, bottom line up front,
// key judgments, the numbered body with excerpts as block quotes, the notes
// and the sources. The analyst's text is escaped wherever Markdown would
// read it as markup, and its paragraphs stay inside their quote or list
// item. The same bundle always gives the same bytes. Laying it out takes
// milliseconds even for a long briefing, so ctx is checked before and
// after, and nothing is written once it is cancelled. Like WritePDF, it
// refuses with a *Refusal, writing nothing, while the markings would be
// wrong.
//
// A briefing with figures is refused: Markdown keeps a figure as an image
// file beside the .md, which only WriteMarkdownFile, given the file's
// path, can write.
func WriteMarkdown(ctx context.Context, w io.Writer, b *domain.Bundle) error {
	return WriteMarkdownWith(ctx, w, b, Context{})
}

// WriteMarkdownWith is WriteMarkdown laid out with c (whether the basis
// of key judgments and the reading guide are printed).
func WriteMarkdownWith(ctx context.Context, w io.Writer, b *domain.Bundle, c Context) error {
	d, err := markdownDocument(ctx, b, c)
	if err != nil {
		return err
	}
	if d.Figures > 0 {
		return domain.Errorf(domain.EINVALID, "the briefing has %s, which Markdown keeps as image files beside the .md file: export it to a file (--out briefing.md), not to a stream",
			plural(d.Figures, "figure"))
	}
	return writeMarkdown(ctx, w, d, nil)
}

// markdownDocument is b's document, or why it cannot be written.
func markdownDocument(ctx context.Context, b *domain.Bundle, c Context) (*Document, error) {
	if b == nil || b.Briefing == nil {
		return nil, domain.Errorf(domain.EINVALID, "there is no briefing to export")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d := NewDocumentWith(b, c)
	if err := d.refusal(); err != nil {
		return nil, err
	}
	return d, nil
}

// writeMarkdown writes d; figures names the image file of each figure
// (by its number), relative to the .md.
func writeMarkdown(ctx context.Context, w io.Writer, d *Document, figures map[int]string) error {
	m := &mdWriter{figures: figures}
	m.banner(d.Banner)
	m.titleBlock(d)
	m.judgments(d)
	urls := m.body(d)
	for _, j := range d.Judgments {
		for _, r := range j.Evidence {
			if r.Note > 0 && r.Source != nil {
				urls[r.Note] = strings.TrimSpace(r.Source.URL)
			}
		}
	}
	for _, n := range d.Notes {
		m.block("[^" + strconv.Itoa(n.Num) + "]: " + mdCite(n.Text, urls[n.Num]))
	}
	m.sources(d)
	m.guide(d)
	m.banner(d.Banner)
	if err := ctx.Err(); err != nil {
		return err
	}
	// A Markdown file is UTF-8 text: bytes that are not (a title typed
	// in another encoding on the command line) would be read differently
	// by each parser, so they become U+FFFD, as WriteJSON writes them.
	_, err := io.WriteString(w, strings.ToValidUTF8(m.String(), "\uFFFD"))
	return err
}

// mdWriter collects blocks, which it separates by blank lines.
type mdWriter struct {
	strings.Builder
	figures map[int]string // the image file of each figure, by number
}

func (m *mdWriter) block(lines ...string) {
	if m.Len() > 0 {
		m.WriteString("\n")
	}
	for _, l := range lines {
		m.WriteString(strings.TrimRight(l, " ") + "\n")
	}
}

func (m *mdWriter) banner(text string) {
	if text != "" {
		m.block("**" + mdInline(text) + "**")
	}
}

func (m *mdWriter) titleBlock(d *Document) {
	m.block("# " + mdPortion(d.TitlePortion) + mdHeading(d.Briefing.Title))
	if sub := mdInline(d.Briefing.Subtitle); sub != "" {
		m.block("*" + mdPortion(d.SubtitlePortion) + sub + "*")
	}
	var meta []string
	for _, f := range [][2]string{
		{"Prepared for", d.Briefing.Audience}, {"Prepared by", d.Briefing.Author},
		{"Date", d.Briefing.Date.Long()}, {"Status", d.Briefing.Status.Label()},
	} {
		if v := mdInline(f[1]); v != "" {
			meta = append(meta, "- "+f[0]+": "+v)
		}
	}
	m.block(meta...)
	m.furniture(d)
	switch d.Briefing.Status {
	case domain.StatusFinal:
	case domain.StatusReview:
		m.block("**DRAFT — in review**")
	default:
		m.block("**DRAFT — not for distribution**")
	}
	if paras := mdParagraphs(d.Briefing.Summary); len(paras) > 0 {
		paras[0][0] = "**Bottom line up front.** " + mdPortion(d.SummaryPortion) + paras[0][0]
		m.block(mdQuoteLines(paras)...)
	}
}

// furniture is what the scheme puts on the first page: the TLP label's
// definition, and the classification authority block, its lines kept
// together by hard line breaks.
func (m *mdWriter) furniture(d *Document) {
	if d.Definition != "" {
		m.block("**" + mdInline(d.Banner) + "**: " + mdInline(d.Definition))
	}
	if len(d.Authority) > 0 {
		lines := make([]string, len(d.Authority))
		for i, l := range d.Authority {
			lines[i] = mdInline(l)
			if i < len(lines)-1 {
				lines[i] += `\`
			}
		}
		m.block(lines...)
	}
}

func (m *mdWriter) judgments(d *Document) {
	if len(d.Judgments) == 0 {
		return
	}
	m.block("## Key judgments")
	var lines []string
	for _, j := range d.Judgments {
		paras := mdParagraphs(j.Text)
		if len(paras) == 0 {
			paras = [][]string{{""}}
		}
		paras[0][0] = j.Portion + paras[0][0]
		if j.Confidence != "" {
			last := paras[len(paras)-1]
			last[len(last)-1] += " *(" + j.Confidence + ")*"
		}
		if d.ShowBasis {
			paras = append(paras, []string{mdBasis(j)})
		}
		lines = append(lines, mdListItem(strconv.Itoa(j.Number)+". ", paras)...)
	}
	m.block(lines...)
}

// mdBasis is a judgment's basis line, its evidence's footnotes after each
// half: "*Basis: 2 sources (B2, A1)*[^1][^2]".
func mdBasis(j Judgment) string {
	support, contra := j.Basis.Parts()
	sn, cn := j.basisNotes()
	refs := func(ns []int) string {
		out := ""
		for _, n := range ns {
			out += "[^" + strconv.Itoa(n) + "]"
		}
		return out
	}
	line := "*Basis: " + mdInline(support) + "*" + refs(sn)
	if contra != "" {
		line += "*; " + mdInline(contra) + "*" + refs(cn)
	}
	if c := j.Basis.ConcernPart(); c != "" {
		line += "*; " + mdInline(c) + "*"
	}
	return line
}

// body writes the numbered sections and returns the URL cited by each note,
// so the notes can link it.
func (m *mdWriter) body(d *Document) map[int]string {
	urls := map[int]string{}
	for _, it := range d.Body {
		switch it.Type {
		case domain.BlockHeading:
			m.block("## " + it.Number + ". " + mdPortion(it.Portion) + mdHeading(it.Text))
		case domain.BlockCommentary:
			m.paragraphs(it.Portion, it.Text)
		case domain.BlockExcerpt:
			if it.Figure != nil {
				m.figure(it)
				m.paragraphs(it.Portion+"*Analyst note:* ", it.Comment)
				if it.Source != nil {
					urls[it.Note] = strings.TrimSpace(it.Source.URL)
				}
				continue
			}
			paras := mdParagraphs(it.Text)
			if len(paras) == 0 {
				paras = [][]string{{""}}
			}
			paras[0][0] = it.Portion + paras[0][0]
			last := paras[len(paras)-1]
			last[len(last)-1] += "[^" + strconv.Itoa(it.Note) + "]"
			m.block(mdQuoteLines(paras)...)
			m.paragraphs(it.Portion+"*Analyst note:* ", it.Comment)
			if it.Source != nil {
				urls[it.Note] = strings.TrimSpace(it.Source.URL)
			}
		}
	}
	return urls
}

// paragraphs writes text as paragraphs, the first starting with prefix.
func (m *mdWriter) paragraphs(prefix, text string) {
	for i, p := range mdParagraphs(text) {
		if i == 0 {
			p[0] = prefix + p[0]
		}
		m.block(p...)
	}
}

func (m *mdWriter) sources(d *Document) {
	if len(d.Sources) == 0 {
		return
	}
	m.block("## Sources")
	var lines []string
	for i, s := range d.Sources {
		// The citation carries the URL, as a link; it is not repeated.
		entry := []string{mdCite(BibliographyEntry(s), strings.TrimSpace(s.URL))}
		if !s.Accessed.IsZero() {
			entry = append(entry, "Accessed: "+s.Accessed.Long())
		}
		if s.Reliability != "" {
			r := mdInline(string(s.Reliability))
			if desc := s.Reliability.Description(); desc != "" {
				r += " (" + desc + ")"
			}
			entry = append(entry, "Reliability: "+r)
		}
		sha := s.SHA256
		if sha == "" && s.Text != "" {
			sha = domain.TextSHA256(s.Text)
		}
		if len(sha) > 16 {
			entry = append(entry, "SHA-256: "+mdInline(sha[:16])+"…")
		}
		for _, c := range d.SourceConcerns[s.ID] {
			entry = append(entry, "**"+mdInline(c)+"**")
		}
		// A trailing backslash is a hard line break that keeps the
		// details inside the list item.
		for k := range entry[:len(entry)-1] {
			entry[k] += `\`
		}
		lines = append(lines, mdListItem(strconv.Itoa(i+1)+". ", [][]string{entry})...)
	}
	m.block(lines...)
}
