package interchange

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/attache/attache/domain"
)

// build turns the parsed entries into a bundle, checking every value; it
// runs after the whole file is parsed because blocks may come before the
// sources they quote.
func (p *jsonParser) build() (*domain.Bundle, error) {
	if p.briefing == nil {
		return nil, domain.Errorf(domain.EINVALID, "the file has no \"briefing\": add \"briefing\": {\"title\": \"…\"} with the briefing's details")
	}
	br, err := p.buildBriefing()
	if err != nil {
		return nil, err
	}
	b := &domain.Bundle{Briefing: br, Sources: make([]*domain.Source, 0, len(p.sources))}
	keys := map[string]int{} // key → index in p.sources
	for i, e := range p.sources {
		s, err := p.buildSource(i, e, keys)
		if err != nil {
			return nil, err
		}
		b.Sources = append(b.Sources, s)
	}
	br.Blocks = make([]*domain.Block, 0, len(p.blocks))
	texts := make([]*domain.RuneIndex, len(b.Sources)) // indexed when first quoted
	for i, e := range p.blocks {
		blk, err := p.buildBlock(i, e, b.Sources, texts, keys)
		if err != nil {
			return nil, err
		}
		br.Blocks = append(br.Blocks, blk)
	}
	// The rules between the briefing's marks and its blocks' (a TLP
	// briefing's parts carry none); each block alone was checked above.
	return b, domainCheck("the briefing", br.CheckMarkings())
}

func invalidAt(where, format string, args ...any) error {
	return domain.Errorf(domain.EINVALID, "%s: %s", where, fmt.Sprintf(format, args...))
}

// fieldError prefixes a domain parse error, which already says what to do,
// with where the value is.
func fieldError(where, field string, err error) error {
	return invalidAt(where, "%q: %s", field, domain.ErrorMessage(err))
}

func (p *jsonParser) buildBriefing() (*domain.Briefing, error) {
	jb, where := p.briefing, fmt.Sprintf("briefing (line %d)", p.briefingLine)
	if err := checkValues(where, *jb); err != nil {
		return nil, err
	}
	if strings.TrimSpace(jb.Title) == "" {
		return nil, invalidAt(where, "\"title\" is empty: give the briefing a title")
	}
	date, err := domain.ParseDate(jb.Date)
	if err != nil {
		return nil, fieldError(where, "date", err)
	}
	status, err := domain.ParseStatus(jb.Status)
	if err != nil {
		return nil, fieldError(where, "status", err)
	}
	if p.scheme, err = p.readScheme(jb); err != nil {
		return nil, fieldError(where, "scheme", err)
	}
	b := &domain.Briefing{
		Title: jb.Title, Subtitle: jb.Subtitle, Author: jb.Author, Audience: jb.Audience,
		Date: date, Scheme: p.scheme.ID, IncludeNotes: jb.IncludeNotes, Status: status, Summary: jb.Summary,
	}
	if p.version >= 4 { // the scale came with version 4
		if b.Scale, err = domain.ParseScale(jb.Scale); err != nil {
			return nil, fieldError(where, "scale", err)
		}
	}
	if err := p.markings(where, jb, b); err != nil {
		return nil, err
	}
	return b, domainCheck(where, b.Validate()) // field limits, as the store will hold them
}

// domainCheck places a refusal of the domain's checks in the file.
func domainCheck(where string, err error) error {
	if err != nil {
		return invalidAt(where, "%s", domain.ErrorMessage(err))
	}
	return nil
}

var sourceKinds = []domain.SourceKind{domain.KindArticle, domain.KindWebPage, domain.KindReport, domain.KindDocument, domain.KindNote}

func (p *jsonParser) buildSource(i int, e jsonEntry[jsonSource], keys map[string]int) (*domain.Source, error) {
	js := e.v
	where := fmt.Sprintf("source %d (line %d)", i+1, e.line)
	if js.Key == "" {
		return nil, invalidAt(where, "\"key\" is missing: give each source a short key of its own, such as \"S%d\", and cite it in excerpt blocks as \"source\"", i+1)
	}
	if j, dup := keys[js.Key]; dup {
		return nil, invalidAt(where, "the key %q is already used by source %d: give each source a key of its own", js.Key, j+1)
	}
	keys[js.Key] = i
	where = fmt.Sprintf("source %d %q (line %d)", i+1, js.Key, e.line)
	if err := checkValues(where, js); err != nil {
		return nil, err
	}
	if strings.TrimSpace(js.Title) == "" {
		return nil, invalidAt(where, "\"title\" is empty: give the source a title")
	}
	if strings.TrimSpace(js.Text) == "" {
		return nil, invalidAt(where, "\"text\" is empty: a source needs its full text, which its excerpts quote")
	}
	text := norm.NFC.String(js.Text)
	sum := domain.TextSHA256(text)
	if h := strings.ToLower(js.SHA256); h != "" && h != sum && h != domain.TextSHA256(js.Text) {
		return nil, invalidAt(where, "the text does not match its \"sha256\": the text was altered after it was exported; export the briefing again, or delete the \"sha256\" line to accept the text as it now is")
	}
	kind := domain.SourceKind(js.Kind)
	if kind != "" && !slices.Contains(sourceKinds, kind) {
		return nil, invalidAt(where, "\"kind\": %q is not a kind of source: use article, web, report, document or note", shorten(js.Kind, 30))
	}
	published, err := domain.ParseDate(js.Published)
	if err != nil {
		return nil, fieldError(where, "published", err)
	}
	accessed, err := domain.ParseDate(js.Accessed)
	if err != nil {
		return nil, fieldError(where, "accessed", err)
	}
	rel, err := domain.ParseReliability(js.Reliability)
	if err != nil {
		return nil, fieldError(where, "reliability", err)
	}
	var authors []string
	if len(js.Authors) > 0 {
		authors = js.Authors
	}
	if err := checkPages(js.Pages, utf8.RuneCountInString(text)); err != nil {
		return nil, invalidAt(where, "%s", err.Error())
	}
	marking, err := p.sourceMarking(where, js)
	if err != nil {
		return nil, err
	}
	src := &domain.Source{Pages: js.Pages,
		ID: int64(i + 1), Kind: kind, Title: js.Title, Subtitle: js.Subtitle,
		Section: js.Section, Authors: authors, Publisher: js.Publisher,
		Published: published, URL: js.URL, Accessed: accessed, Language: js.Language,
		Text: text, SHA256: sum, Reliability: rel, Notes: js.Notes, Marking: marking,
	}
	return src, domainCheck(where, src.Validate())
}

func (p *jsonParser) buildBlock(i int, e jsonEntry[jsonBlock], sources []*domain.Source, texts []*domain.RuneIndex, keys map[string]int) (*domain.Block, error) {
	jb := e.v
	if jb.Type == "" {
		return nil, invalidAt(fmt.Sprintf("block %d (line %d)", i+1, e.line), "\"type\" is missing: use heading, excerpt, commentary or judgment")
	}
	where := fmt.Sprintf("block %d (%s, line %d)", i+1, shorten(jb.Type, 20), e.line)
	if err := checkValues(where, jb); err != nil {
		return nil, err
	}
	blk := &domain.Block{Type: domain.BlockType(jb.Type)}
	switch blk.Type {
	case domain.BlockHeading, domain.BlockCommentary, domain.BlockJudgment:
		blk.Text = valOf(jb.Text)
		if strings.TrimSpace(blk.Text) == "" {
			return nil, invalidAt(where, "\"text\" is empty: write the %s, or delete the block", jb.Type)
		}
	case domain.BlockExcerpt:
	default:
		return nil, invalidAt(where, "%q is not a block type this version of Attaché knows: use heading, excerpt, commentary or judgment", shorten(jb.Type, 30))
	}
	marking, err := p.marking(p.scheme, valOf(jb.Marking))
	if err != nil {
		return nil, fieldError(where, "marking", err)
	}
	switch blk.Type {
	case domain.BlockJudgment:
		if blk.Confidence, err = domain.ParseConfidence(valOf(jb.Confidence)); err != nil {
			return nil, fieldError(where, "confidence", err)
		}
		if p.version >= 4 { // evidence came with version 4
			if blk.Evidence, err = p.buildEvidence(where, jb.Evidence, sources, texts, keys); err != nil {
				return nil, err
			}
		}
	case domain.BlockExcerpt:
		if p.version < 3 {
			jb.Figure = nil // figures came with version 3
		}
		blk.Excerpt, err = buildExcerpt(where, jb, sources, texts, keys)
		if err != nil {
			return nil, err
		}
		blk.Excerpt.Marking = marking
		if p.version >= 2 {
			blk.Excerpt.MarkingReason = valOf(jb.Reason)
		}
		return blk, domainCheck(where, blk.Excerpt.Validate())
	}
	blk.Marking = marking
	return blk, domainCheck(where, blk.Validate())
}

func buildExcerpt(where string, jb jsonBlock, sources []*domain.Source, texts []*domain.RuneIndex, keys map[string]int) (*domain.Excerpt, error) {
	key := valOf(jb.Source)
	if key == "" {
		return nil, invalidAt(where, "\"source\" is missing: give the key of the source quoted, such as \"S1\"")
	}
	idx, ok := keys[key]
	if !ok {
		return nil, invalidAt(where, "\"source\" is %q, but no source has that key: %s", shorten(key, 30), keyHint(sources, keys))
	}
	src := sources[idx]
	if texts[idx] == nil {
		texts[idx] = domain.NewRuneIndex(src.Text)
	}
	text := texts[idx]
	named := fmt.Sprintf("source %q (%q)", key, shorten(src.Title, 40))
	quote := norm.NFC.String(valOf(jb.Quote))
	if strings.TrimSpace(quote) == "" && !figureIsEmpty(jb, quote) {
		return nil, invalidAt(where, "\"quote\" is empty: give the words quoted from %s", named)
	}
	cred := domain.Credibility(valOf(jb.Credibility))
	if err := domain.CheckCredibility(cred); err != nil {
		return nil, fieldError(where, "credibility", err)
	}
	ex := &domain.Excerpt{
		SourceID: src.ID, Note: valOf(jb.Note), Credibility: cred,
		Tags: domain.NormalizeTags(valOf(jb.Tags)),
	}
	if jb.Figure != nil {
		f, err := buildFigure(where, jb.Figure)
		if err != nil {
			return nil, err
		}
		ex.Figure = f
		if figureIsEmpty(jb, quote) {
			return ex, emptyFigureSpan(where, named, jb, text, ex)
		}
	}
	switch {
	case jb.Start != nil && jb.End != nil:
		span, err := text.Span(*jb.Start, *jb.End)
		if err != nil {
			return nil, invalidAt(where, "\"start\" and \"end\" do not fit %s: %s", named, domain.ErrorMessage(err))
		}
		if span != quote && norm.NFC.String(span) != quote {
			return nil, invalidAt(where, "\"start\" and \"end\" (%d–%d) select %q in %s, not the quote %q: correct the offsets, or delete both to have the quote looked up in the text",
				*jb.Start, *jb.End, shorten(span, 60), named, shorten(quote, 60))
		}
		ex.Start, ex.End, ex.Quote = *jb.Start, *jb.End, span
	case jb.Start != nil || jb.End != nil:
		return nil, invalidAt(where, "only one of \"start\" and \"end\" is given: give both offsets, or neither to have the quote looked up in the text")
	default:
		spans, err := domain.FindQuote(src.Text, quote)
		if err != nil || len(spans) == 0 {
			return nil, invalidAt(where, "the quote %q is not in %s: check the wording against the source's text, or correct \"source\"", shorten(quote, 60), named)
		}
		sp := spans[0]
		if ex.Quote, err = text.Span(sp.Start, sp.End); err != nil {
			return nil, fmt.Errorf("%s: locating the quote: %w", where, err)
		}
		ex.Start, ex.End = sp.Start, sp.End
	}
	return ex, nil
}

// keyHint lists some keys in file order so the fix is obvious in a short file.
func keyHint(sources []*domain.Source, keys map[string]int) string {
	if len(sources) == 0 {
		return "the file has no \"sources\"; add the quoted source there"
	}
	byIdx := make([]string, len(sources))
	for k, i := range keys {
		if i < len(byIdx) {
			byIdx[i] = fmt.Sprintf("%q", shorten(k, 20))
		}
	}
	if len(byIdx) > 5 {
		byIdx = append(byIdx[:5], "…")
	}
	return "use one of " + strings.Join(byIdx, ", ")
}

func valOf[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func newPtr[T any](v T) *T { return &v }

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return runePrefix(s, n) + "…"
}

// checkPages wants page starts that never fall and stay inside the text;
// a blank page starts where the next one does, so equal starts are fine.
func checkPages(pages []int, n int) error {
	prev := 0
	for _, p := range pages {
		if p < prev || p > n {
			return fmt.Errorf("\"pages\" must list offsets that never decrease, inside the text (0 to %d): correct them, or delete \"pages\"", n)
		}
		prev = p
	}
	return nil
}
