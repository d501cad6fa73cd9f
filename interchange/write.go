// The briefing interchange format, version 4
//
// This comment is the reference for the format; docs/ is written from it.
//
// A briefing file is one UTF-8 JSON object. WriteJSON indents it with two
// spaces, ends it with a newline and leaves "<", ">" and "&" unescaped, so the
// same bundle always gives the same bytes and a file reads well in an editor.
//
//	{
//	  "format": "attache-briefing",       required, exactly this text
//	  "version": 4,                        required; 1 to 3 are still read, see Version 1
//	  "briefing": {                        required
//	    "title": "…",                      required, not blank
//	    "subtitle": "…", "author": "…", "audience": "…",
//	    "date": "2024-05-11",              YYYY-MM-DD or "" (unknown)
//	    "scheme": "uk",                    none | us | uk | au | nato | eu | tlp ("" = none)
//	    "classification": "OFFICIAL",      the overall marking; "" = the highest portion's
//	    "title_marking": "…", "subtitle_marking": "…", "summary_marking": "…",
//	    "authority": {"classified_by": "…", "derived_from": "…", "declassify_on": "…"},
//	    "include_notes": false,            print excerpts' analyst notes in exports
//	    "status": "draft",                 draft | review | final ("" = draft)
//	    "summary": "…",                    bottom line up front
//	    "scale": "icd203"                  icd203 | phia | "" (none): the estimative scale (version 4)
//	  },
//	  "sources": [ {                       at most 10,000
//	    "key": "S1",                       required, unique; excerpts cite it
//	    "kind": "article",                 article | web | report | document | note | ""
//	    "title": "…",                      required, not blank
//	    "subtitle": "…", "section": "…", "authors": ["…"], "publisher": "…",
//	    "published": "2024-05-11", "accessed": "2024-05-12",  YYYY-MM-DD or ""
//	    "url": "…", "language": "en", "notes": "…",
//	    "reliability": "B",                A–F (Admiralty grade) or "" (ungraded)
//	    "marking": "SECRET",               the source's own marking, "" for none
//	    "marking_scheme": "us",            its scheme when not the briefing's
//	    "pages": [1830, 4112],             optional: where pages 2, 3, … begin (rune offsets)
//	    "sha256": "…",                     optional: hex SHA-256 of "text"
//	    "text": "…"                        required, not blank: the full text
//	  } ],
//	  "blocks": [                          at most 100,000, in reading order
//	    {"type": "heading",    "text": "…", "marking": "OFFICIAL"},
//	    {"type": "commentary", "text": "…", "marking": "OFFICIAL"},
//	    {"type": "judgment",   "text": "…", "confidence": "moderate", "marking": "OFFICIAL",
//	     "evidence": [                     the judgment's basis (version 4), in order
//	       {"stance": "supports",          supports | contradicts ("" = supports)
//	        "note": "…",                   the analyst's word on the link
//	        "excerpt": {"type": "excerpt", "source": "S1", "quote": "…", "start": 120, "end": 188}}
//	     ]},
//	    {"type": "excerpt", "source": "S1", "quote": "…", "note": "…",
//	     "tags": ["…"], "credibility": 2, "marking": "OFFICIAL-SENSITIVE",
//	     "marking_reason": "…", "start": 120, "end": 188},
//	    {"type": "excerpt", "source": "S1", "quote": "…", "start": 300, "end": 342,
//	     "figure": {"page": 4, "rect": [0.1, 0.2, 0.9, 0.6],   a figure excerpt (version 3)
//	       "width": 2040, "height": 1224, "sha256": "…", "caption": "…", "png": "iVBORw0…"}}
//	  ]
//	}
//
// Values. Fields not marked required may be left out or null; the lists
// may be empty or null. "text" on heading, commentary and judgment blocks is
// required and not blank; an excerpt needs "source" and a non-blank "quote".
// WriteJSON leaves "marking" out of unmarked headings, and "marking_reason"
// (why an excerpt is marked below its source) out when there is none.
// "confidence" is low, moderate (or medium), high or
// "". "credibility" is a whole number, 0 (ungraded) or 1–6. Tags are
// trimmed, lower-cased, de-duplicated and sorted. Fields that a block type
// does not use are ignored.
//
// Source text. It is kept exactly as written (nothing is trimmed), except
// that reading puts it in Unicode NFC form; offsets count in that form. When
// "sha256" is present it must match the text as written or in NFC form,
// which catches a text edited by hand after export; WriteJSON always writes
// it. Keys are case-sensitive and need only be unique within the file;
// WriteJSON names sources S1, S2, … in bundle order.
//
// Excerpts. "start" and "end" are offsets in Unicode code points (not bytes,
// not UTF-16 units) into the source's NFC text, half-open: the first
// character is 0 and "end" is just past the quote. They are optional and go
// together; when given, the characters they select must be exactly "quote"
// (after NFC), so a file never cites words the source does not say. When
// left out, the quote is looked up in the text, forgiving differences in
// white space, quote marks, dashes, "..." and letter case, and the first
// occurrence is used; the source's own characters then become the quote.
// WriteJSON writes the offsets of every excerpt that has them, so a quote
// that occurs twice keeps its place. An excerpt block's "marking" is the excerpt's marking; writing
// uses the higher of the block's and the excerpt's, so nothing is ever
// written under-marked; reading sets Excerpt.Marking and leaves the block's
// own marking empty.
//
// Figures (version 3). An excerpt block with "figure" is a figure excerpt:
// a rectangle cut out of page "page" (from 1) of a PDF source, "rect" its
// corners x0, y0, x1, y1 as fractions of the page as drawn (0 at the top
// left), "png" the image in base64 (standard alphabet, padded), "width"
// and "height" its size in pixels and "sha256" the hex SHA-256 of the PNG
// bytes, all required; "caption" is optional. Its quote and offsets are
// the text inside the rectangle; a figure with no text in it (a chart of
// lines) has "quote": "" and "start" equal to "end", its place in the
// text. An image that is not base64, not a PNG of the size given, or does
// not match its "sha256" is refused, naming the block. Version 2 files
// have no figures (a "figure" there is ignored).
//
// Evidence (version 4). A judgment's "evidence" lists the excerpts it rests
// on or that cut against it, each written in full as an excerpt block is
// (the same fields, read and checked the same way, figures included),
// whether or not the body quotes it too; "sources" holds the sources of
// both. On import an evidence excerpt that is the library's, or another
// block's, in everything the analyst set is that excerpt; two links of one
// judgment to one excerpt are refused. A judgment has at most 1,000 links;
// a note is at most 2,000 characters. Other block types ignore "evidence".
// Versions 1 to 3 have no evidence and no "scale" (fields of those names
// there are ignored).
//
// Markings. Every marking is of the briefing's "scheme" (a source's may
// name its own in "marking_scheme"). WriteJSON writes the banner form, as
// the scheme's guide spells it ("OFFICIAL-SENSITIVE", "SECRET//NOFORN",
// "TLP:AMBER"); reading also takes the portion form ("(S//NF)"), the code
// Attaché stores ("S", "uk:OS") and any case. A mark of another scheme is
// refused with a message naming both schemes and the marks the briefing's
// allows, and text that is no mark of the scheme with its list: a file is
// never read into wrong markings. Markings mean what docs/markings.md says.
//
// Version 1. Files of version 1 have no scheme and none of the fields
// above that came with version 2 (they are ignored there): a version 1
// file that carries any mark is read under the US scheme, as Attaché
// wrote it, otherwise under none. A version 1 file whose marks are not US
// ones is refused, saying to set "version": 2 and the "scheme".
//
// Forward compatibility. Unknown fields are ignored, so a later Attaché may
// add optional fields without a new version. Anything an older reader would
// misread bumps "version": reading refuses a newer version rather than drop
// what it cannot show. An unknown block type or source kind is refused for
// the same reason.
//
// Errors. ReadJSON checks the whole file and reports the first problem as a
// domain.EINVALID error that says what is wrong, where (block and source
// numbers count from 1 in file order, with the line of the entry), and what
// to do, for example:
//
//	block 7 (excerpt, line 58): the quote "…" is not in source "S2" ("Title…"): …
//	source 2 "S2" (line 30): "published": "11/05/2024" is not a date: write it as YYYY-MM-DD, …
//
// Files larger than 256 MiB are refused before parsing.

package interchange

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/attache/attache/domain"
)

const (
	formatName    = "attache-briefing"
	formatVersion = 4
)

type jsonFile struct {
	Format   string       `json:"format"`
	Version  int          `json:"version"`
	Briefing jsonBriefing `json:"briefing"`
	Sources  []jsonSource `json:"sources"`
	Blocks   []jsonBlock  `json:"blocks"`
}

type jsonBriefing struct {
	Title           string         `json:"title"`
	Subtitle        string         `json:"subtitle"`
	Author          string         `json:"author"`
	Audience        string         `json:"audience"`
	Date            string         `json:"date"`
	Scheme          string         `json:"scheme"`
	Classification  string         `json:"classification"`
	TitleMarking    string         `json:"title_marking,omitempty"`
	SubtitleMarking string         `json:"subtitle_marking,omitempty"`
	SummaryMarking  string         `json:"summary_marking,omitempty"`
	Authority       *jsonAuthority `json:"authority,omitempty"`
	IncludeNotes    bool           `json:"include_notes"`
	Status          string         `json:"status"`
	Summary         string         `json:"summary"`
	// Scale is the estimative scale (version 4).
	Scale string `json:"scale,omitempty"`
}

// jsonAuthority is the classification authority block (US).
type jsonAuthority struct {
	ClassifiedBy string `json:"classified_by"`
	DerivedFrom  string `json:"derived_from"`
	DeclassifyOn string `json:"declassify_on"`
}

type jsonSource struct {
	Key         string   `json:"key"`
	Kind        string   `json:"kind"`
	Title       string   `json:"title"`
	Subtitle    string   `json:"subtitle"`
	Section     string   `json:"section"`
	Authors     []string `json:"authors"`
	Publisher   string   `json:"publisher"`
	Published   string   `json:"published"`
	URL         string   `json:"url"`
	Accessed    string   `json:"accessed"`
	Language    string   `json:"language"`
	Reliability string   `json:"reliability"`
	Notes       string   `json:"notes"`
	Marking     string   `json:"marking"`
	// MarkingScheme is the scheme of Marking when it is not the briefing's.
	MarkingScheme string `json:"marking_scheme,omitempty"`
	SHA256        string `json:"sha256"`
	// Pages: rune offsets where pages 2, 3, … begin (paged sources only).
	Pages []int  `json:"pages,omitempty"`
	Text  string `json:"text"`
}

// jsonBlock serves every block type; pointers let each type write only its
// own fields and let reading tell a missing field from an empty one (start
// 0 is a real offset).
type jsonBlock struct {
	Type        string    `json:"type"`
	Text        *string   `json:"text,omitempty"`
	Source      *string   `json:"source,omitempty"`
	Quote       *string   `json:"quote,omitempty"`
	Note        *string   `json:"note,omitempty"`
	Tags        *[]string `json:"tags,omitempty"`
	Credibility *int      `json:"credibility,omitempty"`
	Confidence  *string   `json:"confidence,omitempty"`
	Marking     *string   `json:"marking,omitempty"`
	Reason      *string   `json:"marking_reason,omitempty"`
	Start       *int      `json:"start,omitempty"`
	End         *int      `json:"end,omitempty"`
	// Figure makes an excerpt block a figure excerpt (version 3).
	Figure *jsonFigure `json:"figure,omitempty"`
	// Evidence is a judgment's (version 4).
	Evidence []jsonEvidence `json:"evidence,omitempty"`
}

// WriteJSON writes b in the interchange format, indented, deterministic (same
// bundle → same bytes), with a trailing newline.
func WriteJSON(w io.Writer, b *domain.Bundle) error {
	f, err := toJSON(b)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	return bw.Flush()
}

func toJSON(b *domain.Bundle) (*jsonFile, error) {
	if b == nil || b.Briefing == nil {
		return nil, domain.Errorf(domain.EINVALID, "there is no briefing to export")
	}
	br := b.Briefing
	scheme := br.SchemeDef()
	f := &jsonFile{
		Format: formatName, Version: formatVersion,
		Briefing: jsonBriefing{
			Title: br.Title, Subtitle: br.Subtitle, Author: br.Author,
			Audience: br.Audience, Date: br.Date.String(), Scheme: string(scheme.ID),
			Classification: markingText(br.Classification), TitleMarking: markingText(br.TitleMarking),
			SubtitleMarking: markingText(br.SubtitleMarking), SummaryMarking: markingText(br.SummaryMarking),
			IncludeNotes: br.IncludeNotes, Status: string(br.Status), Summary: br.Summary,
			Scale: string(br.Scale),
		},
		Sources: []jsonSource{},
		Blocks:  []jsonBlock{},
	}
	if a := br.Authority; !a.IsZero() {
		f.Briefing.Authority = &jsonAuthority{ClassifiedBy: a.ClassifiedBy, DerivedFrom: a.DerivedFrom, DeclassifyOn: a.DeclassifyOn}
	}
	byID := map[int64]written{}
	for i, s := range b.Sources {
		if s == nil {
			return nil, domain.Errorf(domain.EINVALID, "source %d of the briefing is missing", i+1)
		}
		key := "S" + strconv.Itoa(i+1)
		text := norm.NFC.String(s.Text)
		if _, dup := byID[s.ID]; !dup {
			byID[s.ID] = written{key, s, text, domain.NewRuneIndex(s.Text)}
		}
		authors := s.Authors
		if authors == nil {
			authors = []string{}
		}
		f.Sources = append(f.Sources, jsonSource{
			Key: key, Kind: string(s.Kind), Title: s.Title, Subtitle: s.Subtitle,
			Section: s.Section, Authors: authors, Publisher: s.Publisher,
			Published: s.Published.String(), URL: s.URL, Accessed: s.Accessed.String(),
			Language: s.Language, Reliability: string(s.Reliability), Notes: s.Notes,
			SHA256: domain.TextSHA256(text), Text: text, Pages: pagesFor(s, text),
			Marking: markingText(s.Marking), MarkingScheme: markingScheme(s.Marking, scheme),
		})
	}
	for i, blk := range br.Blocks {
		if blk == nil {
			return nil, domain.Errorf(domain.EINVALID, "block %d of the briefing is missing", i+1)
		}
		jb := jsonBlock{Type: string(blk.Type)}
		switch blk.Type {
		case domain.BlockExcerpt:
			ex := blk.Excerpt
			if ex == nil {
				return nil, domain.Errorf(domain.EINVALID, "block %d is an excerpt block without its excerpt: reload the briefing and export again", i+1)
			}
			var err error
			if jb, err = excerptJSON(ex, blk.Marking, byID); err != nil {
				return nil, domain.Errorf(domain.EINVALID, "block %d %s", i+1, domain.ErrorMessage(err))
			}
		case domain.BlockJudgment:
			jb.Text, jb.Confidence, jb.Marking = newPtr(blk.Text), newPtr(string(blk.Confidence)), newPtr(markingText(blk.Marking))
			var err error
			if jb.Evidence, err = evidenceJSON(blk.Evidence, byID); err != nil {
				return nil, domain.Errorf(domain.EINVALID, "block %d (judgment): %s", i+1, domain.ErrorMessage(err))
			}
		case domain.BlockHeading:
			jb.Text = newPtr(blk.Text)
			if blk.Marking != domain.MarkingNone {
				jb.Marking = newPtr(markingText(blk.Marking))
			}
		default:
			jb.Text, jb.Marking = newPtr(blk.Text), newPtr(markingText(blk.Marking))
		}
		f.Blocks = append(f.Blocks, jb)
	}
	return f, nil
}

// written is a source as the file writes it, for the excerpts citing it.
type written struct {
	key  string
	src  *domain.Source
	text string // as written: NFC
	orig *domain.RuneIndex
}

// excerptJSON writes an excerpt as an excerpt block does, under the
// higher of its marking and mark (the block's own).
func excerptJSON(ex *domain.Excerpt, mark domain.Marking, byID map[int64]written) (jsonBlock, error) {
	jb := jsonBlock{Type: string(domain.BlockExcerpt)}
	ws, ok := byID[ex.SourceID]
	if !ok {
		return jb, domain.Errorf(domain.EINVALID, "quotes source #%d, which is not among the briefing's sources: reload the briefing and export again", ex.SourceID)
	}
	quote, start, end, err := writtenExcerptSpan(ws.orig, ws.src.Text, ws.text, ex)
	if err != nil {
		return jb, domain.Errorf(domain.EINVALID, "(excerpt of %q): %s", shorten(ws.src.Title, 40), domain.ErrorMessage(err))
	}
	tags := domain.NormalizeTags(ex.Tags)
	cred := int(ex.Credibility)
	jb.Source, jb.Quote, jb.Note, jb.Tags, jb.Credibility = &ws.key, &quote, &ex.Note, &tags, &cred
	jb.Marking = newPtr(markingText(domain.HighestMarking(mark, ex.Marking)))
	if ex.MarkingReason != "" {
		jb.Reason = &ex.MarkingReason
	}
	if start < end || ex.Figure != nil {
		jb.Start, jb.End = &start, &end
	}
	jb.Figure = toJSONFigure(ex.Figure)
	return jb, nil
}

// writtenExcerptSpan is writtenSpan, or for a figure with no text inside
// it, its empty span at its place in the NFC text.
func writtenExcerptSpan(idx *domain.RuneIndex, orig, nfc string, ex *domain.Excerpt) (quote string, start, end int, err error) {
	if ex.Figure == nil || ex.Start != ex.End {
		return writtenSpan(idx, orig, nfc, ex)
	}
	at, err := writtenEmptySpan(idx, orig, nfc, ex.Start)
	return "", at, at, err
}

// writtenSpan gives the excerpt's quote and offsets as they must appear next
// to the NFC text that is written. Offsets into a text that was not in NFC
// are moved to the matching place in the NFC form; an excerpt whose offsets
// do not select its own quote is refused, since the file could not be read
// back.
func writtenSpan(idx *domain.RuneIndex, orig, nfc string, ex *domain.Excerpt) (quote string, start, end int, err error) {
	if ex.Start == 0 && ex.End == 0 {
		return ex.Quote, 0, 0, nil // no span recorded: the reader will locate the quote
	}
	got, err := idx.Span(ex.Start, ex.End)
	if err != nil {
		return "", 0, 0, err
	}
	if got != ex.Quote {
		return "", 0, 0, domain.Errorf(domain.EINVALID, "its offsets %d–%d do not select its quote %q; the library may be damaged", ex.Start, ex.End, shorten(ex.Quote, 60))
	}
	if orig == nfc {
		return got, ex.Start, ex.End, nil
	}
	start = utf8.RuneCountInString(norm.NFC.String(orig[:idx.Byte(ex.Start)]))
	end = utf8.RuneCountInString(norm.NFC.String(orig[:idx.Byte(ex.End)]))
	if quote, err = domain.RuneSpan(nfc, start, end); err != nil || quote != norm.NFC.String(got) {
		return "", 0, 0, domain.Errorf(domain.EINVALID, "its quote %q starts or ends inside a composed character of the source", shorten(got, 60))
	}
	return quote, start, end, nil
}

// pagesFor keeps a source's page offsets when its text is written as stored;
// offsets into a text that normalisation changed would point elsewhere.
func pagesFor(s *domain.Source, text string) []int {
	if text != s.Text {
		return nil
	}
	return s.Pages
}

// markingText is a stored marking as the file writes it: the banner form
// of its scheme, which reading under that scheme gives back exactly. A
// value that does not read back so (one that is no marking of any scheme,
// kept from before schemes) is written as stored, for reading to refuse
// with a message rather than be changed here.
func markingText(m domain.Marking) string {
	k, err := m.Read()
	if err != nil || k.IsZero() {
		return string(m)
	}
	if back, err := domain.ParseMarking(k.Scheme, k.Banner()); err != nil || back != m {
		return string(m)
	}
	return k.Banner()
}

// markingScheme names a source marking's scheme when it is not the
// briefing's; "" otherwise, and for no marking.
func markingScheme(m domain.Marking, briefing *domain.Scheme) string {
	k, err := m.Read()
	if err != nil || k.IsZero() || k.Scheme == briefing {
		return ""
	}
	return string(k.Scheme.ID)
}
