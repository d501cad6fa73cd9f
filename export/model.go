package export

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// Document is a briefing laid out for reading: the one model every
// rendering draws from (PDF, Markdown, the composer's preview) and every
// count and check reads (words, pages, warnings), so that no screen
// arranges, counts or checks a briefing by itself.
//
// Its parts, in reading order: the title block (Briefing's details under
// Banner), the bottom line (Briefing.Summary), the numbered key judgments,
// the body with its numbered sections and excerpts each with its note
// number, the notes (the excerpts' citations) and the numbered sources
// appendix. A Document holds copies of the briefing's text, never the
// briefing's blocks, so it may be handed to another goroutine (for a page
// count, say) while the composer goes on editing.
type Document struct {
	Briefing *domain.Briefing // the details: a copy whose Blocks are nil
	// Scheme is the briefing's marking scheme; Mark the banner's marking
	// read under it (zero for no banner, or for an overall marking that is
	// not the scheme's, which the checks refuse).
	Scheme *domain.Scheme
	Mark   domain.Mark
	Banner string // top and bottom of every page; "" for none
	Marked bool   // portion marks are in use (never under a whole-document scheme such as TLP)
	// The details' portion marks, "(U) " etc., "" when unmarked.
	TitlePortion, SubtitlePortion, SummaryPortion string
	// Authority is the classification authority block the first page
	// carries ("Classified By: …"); nil when the banner does not call for it.
	Authority []string
	// Definition is the banner level's definition for the first page
	// (TLP); "" when the scheme prints none.
	Definition string
	Judgments  []Judgment       // gathered from wherever they stand
	Body       []Item           // headings, commentary and excerpts in order
	Notes      []Note           // one per excerpt, numbered in order
	Sources    []*domain.Source // the appendix, in order of first citation
	// SourceConcerns are the lines the appendix prints under a source
	// that was retracted, discredited, changed or unreadable at its last
	// recheck (Bundle.Concerns), by source ID; see concernLines.
	SourceConcerns map[int64][]string
	Sections       int      // how many numbered sections the body has
	Figures        int      // how many figures the body has, numbered from 1
	Keywords       []string // the excerpts' tags, sorted
	// ShowBasis says each key judgment's basis is printed under it, with
	// notes citing its evidence (Context.Basis).
	ShowBasis bool
	// Guide is the "How to read this assessment" appendix; nil when it
	// is not printed (Context.ReadingGuide).
	Guide *Guide

	portions      []portion          // every portion in reading order, for the checks
	basisWarnings []Warning          // the basis checks' and the source concerns', in reading order
	chosen        bool               // the banner is the analyst's own overall marking
	cites         map[citeKey]string // formatted citations, while building
}

type citeKey struct {
	source int64
	loc    string
	short  bool
}

// Judgment is one key judgment.
type Judgment struct {
	Number     int    // from 1, in the order the blocks have them
	Block      int    // index of its block in the briefing
	Portion    string // "(U) " etc., "" when unmarked
	Marking    domain.Marking
	Where      string // "Key judgment 2 “Exports will…”", for messages
	Text       string
	Confidence string // as printed, "Moderate confidence"; "" when none is given
	// Basis sums up its evidence ("Basis: 2 sources (B2, A1)"), and
	// Evidence is each link, supporting first, with its note number when
	// the basis is printed.
	Basis    integrity.Basis
	Evidence []EvidenceRef
}

// Item is one element of the body in reading order.
type Item struct {
	Type    domain.BlockType
	Block   int    // index of its block in the briefing
	Text    string // heading, commentary or quote text
	Number  string // section number of a heading
	Portion string // "(U) " etc., "" when unmarked
	// Marking is the portion's marking: an excerpt's is the higher of the
	// excerpt's own and its block's.
	Marking domain.Marking
	Where   string // "Section 2, third block, commentary “The claim…”", for messages
	Note    int    // note number of an excerpt
	// Comment is the analyst's note on an excerpt, private unless the
	// briefing includes notes: "" otherwise, so no rendering can print it.
	Comment string
	Source  *domain.Source
	Excerpt *domain.Excerpt
	// Figure is a figure excerpt's picture, nil for a quote: the item is
	// then a figure, printed as the image with "Figure N: caption" under
	// it, and Text is its caption (the words inside the rectangle, its
	// Quote, are for search and are not printed). FigureNum is its N,
	// from 1 in reading order.
	Figure    *domain.Figure
	FigureNum int
}

// FigureLabel is the line under a figure without its portion mark:
// "Figure 2: Cable faults by year", or "Figure 2" for a figure without a
// caption; "" for an item that is no figure.
func (it Item) FigureLabel() string {
	if it.Figure == nil {
		return ""
	}
	label := "Figure " + strconv.Itoa(it.FigureNum)
	if c := strings.TrimSpace(it.Text); c != "" {
		label += ": " + c
	}
	return label
}

// Note is an endnote: the citation of an excerpt's source.
type Note struct {
	Num  int
	Text string
}

// NewDocument arranges b. Judgments are gathered into the key judgments
// list up front; headings are numbered; each excerpt gets a note, the first
// for a source in full and later ones short, as Chicago style has it.
// b.Sources may lack sources (the composer's draft before they are
// loaded): their notes then name the excerpt's source title. Marks are
// computed here and nowhere else (marks.go): every portion's, the banner
// and the first page's furniture.
//
// It lays b out with the default Context: the basis shown as "auto" has
// it, and the basis checks hold the default thresholds.
func NewDocument(b *domain.Bundle) *Document { return NewDocumentWith(b, Context{}) }

// NewDocumentWith arranges b as NewDocument does, with c's choices: the
// thresholds of the basis checks (Warnings), and whether each key
// judgment's basis and the reading guide are printed. When the basis is,
// each judgment's evidence gets notes ahead of the body's, since the key
// judgments come first.
func NewDocumentWith(b *domain.Bundle, c Context) *Document {
	details := *b.Briefing
	details.Blocks = nil
	showBasis := c.showsBasis(b.Briefing)
	d := &Document{Briefing: &details, Scheme: b.Briefing.SchemeDef(), Sources: citationOrder(b, showBasis), Keywords: keywords(b.Briefing), ShowBasis: showBasis}
	d.SourceConcerns = sourceConcerns(b)
	d.Marked = usesMarks(b.Briefing, d.Scheme)
	if k, err := d.Scheme.Admit(b.Briefing.Classification); err == nil && k.NeedsPortions() {
		d.Marked = true // the guide asks every portion of such a document to be marked
	}
	d.TitlePortion = d.portion(b.Briefing.TitleMarking)
	d.SubtitlePortion = d.portion(b.Briefing.SubtitleMarking)
	d.SummaryPortion = d.portion(b.Briefing.SummaryMarking)
	cited := map[int64]bool{}
	d.cites = map[citeKey]string{}
	sec, hasSections := bodyPlace{}, slices.ContainsFunc(b.Briefing.Blocks, func(blk *domain.Block) bool { return blk.Type == domain.BlockHeading })
	d.judgments(b, cited)
	for i, blk := range b.Briefing.Blocks {
		switch blk.Type {
		case domain.BlockHeading:
			d.Sections++
			sec = bodyPlace{section: d.Sections}
			d.Body = append(d.Body, Item{Type: blk.Type, Block: i, Text: blk.Text, Number: strconv.Itoa(d.Sections), Portion: d.portion(blk.Marking),
				Marking: blk.Marking, Where: "The heading of section " + strconv.Itoa(d.Sections) + " " + quoted(blk.Text)})
		case domain.BlockCommentary:
			sec.n++
			d.Body = append(d.Body, Item{Type: blk.Type, Block: i, Text: blk.Text, Portion: d.portion(blk.Marking), Marking: blk.Marking,
				Where: sec.phrase(hasSections) + ", commentary " + quoted(blk.Text)})
		case domain.BlockExcerpt:
			sec.n++
			d.Body = append(d.Body, d.excerptItem(b, i, cited))
		}
	}
	d.cites = nil
	d.collectPortions(b.Briefing)
	d.overall(b.Briefing)
	d.basisWarnings = d.basisProblems(b, c)
	if c.showsGuide(b.Briefing, showBasis) {
		d.Guide = d.readingGuide(b.Briefing)
	}
	return d
}

func (d *Document) excerptItem(b *domain.Bundle, i int, cited map[int64]bool) Item {
	blk := b.Briefing.Blocks[i]
	e := blk.Excerpt
	if e == nil {
		e = &domain.Excerpt{}
	}
	src := b.Source(e.SourceID)
	n := d.addNote(b, e, cited)
	m := excerptMarking(blk)
	comment := ""
	if d.Briefing.IncludeNotes {
		comment = e.Note
	}
	it := Item{Type: domain.BlockExcerpt, Block: i, Text: e.Quote, Portion: d.portion(m), Marking: m,
		Where: "Excerpt with note " + strconv.Itoa(n) + " " + quoted(e.Quote), Note: n, Comment: comment, Source: src, Excerpt: e}
	if e.Figure != nil {
		d.Figures++
		it.Figure, it.FigureNum, it.Text = e.Figure, d.Figures, e.Figure.Caption
		it.Where = "Figure " + strconv.Itoa(d.Figures) + " (note " + strconv.Itoa(n) + ")"
		if strings.TrimSpace(e.Figure.Caption) != "" {
			it.Where += " " + quoted(e.Figure.Caption)
		}
	}
	return it
}

// addNote adds the note citing excerpt e, the first for its source in
// full and later ones short, and returns its number.
func (d *Document) addNote(b *domain.Bundle, e *domain.Excerpt, cited map[int64]bool) int {
	src := b.Source(e.SourceID)
	n := len(d.Notes) + 1
	loc := figureLocator(e)
	text := citeJoin([]citePart{{text: "Source not available"}, {text: loc}}, ",")
	if t := strings.TrimSpace(e.SourceTitle); t != "" {
		text = citeJoin([]citePart{{text: t}, {text: loc}}, ",")
	}
	if src != nil {
		if e.Figure == nil {
			loc = pageLocator(src, e)
		}
		// A long briefing cites a few sources many times: each citation
		// is formatted once (the composer builds a document per keystroke).
		k := citeKey{src.ID, loc, cited[src.ID]}
		if text = d.cites[k]; text == "" {
			text = NoteCitationAt(src, k.loc)
			if k.short {
				text = ShortNoteCitationAt(src, k.loc)
			}
			d.cites[k] = text
		}
		cited[src.ID] = true
	}
	d.Notes = append(d.Notes, Note{Num: n, Text: text})
	return n
}

// figureLocator is a figure's page as a note cites it ("4", as Chicago
// gives page numbers in notes), "" for a quote: a figure lies on one page,
// which it names itself, whereas a quote's pages come from its source.
func figureLocator(e *domain.Excerpt) string {
	if e.Figure == nil || e.Figure.Page < 1 {
		return ""
	}
	return strconv.Itoa(e.Figure.Page)
}

// citationOrder lists the bundle's sources in order of first citation
// (the key judgments' evidence first when their basis is printed), then
// any the blocks do not cite.
func citationOrder(b *domain.Bundle, basis bool) []*domain.Source {
	seen := map[int64]bool{}
	var out []*domain.Source
	if basis {
		for _, blk := range b.Briefing.Blocks {
			for _, ev := range orderedEvidence(blk) {
				if ev.Excerpt == nil || seen[ev.Excerpt.SourceID] {
					continue
				}
				if s := b.Source(ev.Excerpt.SourceID); s != nil {
					seen[s.ID] = true
					out = append(out, s)
				}
			}
		}
	}
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

// keywords are the tags of the briefing's excerpts, sorted.
func keywords(b *domain.Briefing) []string {
	seen := map[string]bool{}
	var out []string
	for _, blk := range b.Blocks {
		if blk.Excerpt == nil {
			continue
		}
		for _, t := range blk.Excerpt.Tags {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	sort.Strings(out)
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

// paragraphs splits text at blank lines; single newlines stay as forced
// line breaks inside a paragraph.
func paragraphs(text string) []string {
	text = strings.ReplaceAll(strings.TrimSpace(text), "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.Trim(p, "\n"); strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// sourceDetails is the line under a source's entry (whose citation has the
// URL) that lets a reader weigh the source and check a quote against it.
func sourceDetails(s *domain.Source) []string {
	var facts []string
	if !s.Accessed.IsZero() {
		facts = append(facts, "Accessed "+s.Accessed.Long())
	}
	if s.Reliability != "" {
		facts = append(facts, "Reliability "+string(s.Reliability)+" ("+strings.ToLower(s.Reliability.Description())+")")
	} else {
		facts = append(facts, "Reliability not graded")
	}
	sha := s.SHA256
	if sha == "" {
		sha = domain.TextSHA256(s.Text)
	}
	facts = append(facts, "SHA-256 "+sha[:16])
	return []string{strings.Join(facts, " · ")}
}
