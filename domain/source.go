package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"
)

// SourceKind says what sort of document a source came from.
type SourceKind string

// Source kinds.
const (
	KindArticle  SourceKind = "article"  // plain text or Markdown
	KindWebPage  SourceKind = "web"      // saved or fetched HTML
	KindReport   SourceKind = "report"   // PDF
	KindDocument SourceKind = "document" // word-processor file
	KindNote     SourceKind = "note"     // pasted or typed by the analyst
)

// ParseSourceKind accepts a kind name in any case; "" gives article.
func ParseSourceKind(s string) (SourceKind, error) {
	switch k := SourceKind(strings.ToLower(strings.TrimSpace(s))); k {
	case "":
		return KindArticle, nil
	case KindArticle, KindWebPage, KindReport, KindDocument, KindNote:
		return k, nil
	}
	return "", Errorf(EINVALID, "%q is not a kind of source: use article, web, report, document or note", s)
}

// Source is one piece of material as imported. Text is kept verbatim apart
// from line-ending and Unicode (NFC) normalisation, so excerpt offsets into it
// stay valid for ever; SHA256 is the hex digest of Text.
type Source struct {
	ID          int64
	Kind        SourceKind
	Title       string
	Subtitle    string
	Section     string // kicker such as "TECH POLICY"
	Authors     []string
	Publisher   string
	Published   Date
	URL         string
	Accessed    Date
	Language    string
	Text        string
	SHA256      string
	FileName    string
	ImportedAt  time.Time
	AddedBy     string // who imported it (see Library); "" when not known
	Reliability Reliability
	Notes       string
	// Marking is the source's own marking (under any scheme); its
	// excerpts take it by default.
	Marking Marking
	// Pages holds, for a paged source such as a PDF, the rune offset in
	// Text at which each page after the first begins: page 1 starts at 0,
	// page 2 at Pages[0], and so on. Empty for sources without pages.
	Pages []int
	// TextMap says where on its pages each rune of Text is drawn, for a
	// source imported from a PDF since Attaché kept it; nil otherwise. It is
	// filled in by Source (one source), never by listings.
	TextMap *TextMap
	// FileSHA256 is the hex SHA-256 of the original file kept in the
	// library (see SourceService.SourceFile); "" when none is kept.
	FileSHA256 string
	// Original is the file the source was imported from, given to
	// CreateSource to keep (deduplicated by its SHA-256); the importer sets
	// it only within the size limit in Settings. Reads never fill it in:
	// SourceFile gives the file back.
	Original []byte

	// Location is the absolute path of the file the source was read from,
	// so a recheck can read it again; "" for web pages, pasted text and
	// sources imported before Attaché kept it.
	Location string
	// PreviousID names the source this is a newer version of (a changed
	// text found by a recheck and imported); 0 otherwise.
	PreviousID int64
	// Standing is retracted or discredited when the analyst marked it so,
	// with StandingNote saying why and StandingAt when.
	Standing     Standing
	StandingNote string
	StandingAt   *time.Time
	// Concern is filled in by Source and listings when the source has a
	// concern (see IntegrityService.SourceConcerns); nil otherwise. It is
	// not saved through UpdateSource: rechecks and SetSourceStanding set it.
	Concern *SourceConcern

	// TrashedAt is when the source went to the trash; nil while in use.
	TrashedAt *time.Time

	// ExcerptCount is filled in by listings; it is not stored. It counts the
	// excerpts in use, or for a source in the trash those that went with it.
	ExcerptCount int
}

// TextSHA256 is the hex SHA-256 of text, the identity of a source's content.
func TextSHA256(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Validate checks what the store needs before saving a source.
func (s *Source) Validate() error {
	switch {
	case strings.TrimSpace(s.Text) == "":
		return Errorf(EINVALID, "the source has no text: import a file with readable text, or paste the text")
	case len(s.Text) > MaxSourceTextBytes:
		return Errorf(EINVALID, "the source text is %.1f MB, more than the %d MB a source can hold: keep only the article's text, or split it",
			float64(len(s.Text))/(1<<20), MaxSourceTextBytes>>20)
	}
	return s.ValidateMetadata()
}

// ValidateMetadata is Validate without the text, which an update of the
// metadata never changes.
func (s *Source) ValidateMetadata() error {
	if strings.TrimSpace(s.Title) == "" {
		return Errorf(EINVALID, "the source needs a title: give one with --title or in the metadata form")
	}
	if err := s.checkLimits(); err != nil {
		return err
	}
	if _, err := ParseReliability(string(s.Reliability)); err != nil {
		return err
	}
	if err := CheckSourceURL(s.URL); err != nil {
		return err
	}
	_, err := ParseSourceKind(string(s.Kind))
	return err
}

// checkLimits holds every text field to its limit in limits.go.
func (s *Source) checkLimits() error {
	err := checkFields(SourceTitle.of(s.Title), SourceSubtitle.of(s.Subtitle), SourceSection.of(s.Section),
		SourcePublisher.of(s.Publisher), SourceURL.of(s.URL), SourceLanguage.of(s.Language),
		SourceFileName.of(s.FileName), SourceNotes.of(s.Notes))
	if err != nil {
		return err
	}
	return CheckAuthors(s.Authors)
}

// PageAt is the page (from 1) holding the rune at offset, or 0 when the
// source has no pages.
func (s *Source) PageAt(offset int) int {
	if len(s.Pages) == 0 {
		return 0
	}
	return sort.SearchInts(s.Pages, offset+1) + 1
}

// PageRange gives the first and last page of the span [start, end), both 0
// when the source has no pages.
func (s *Source) PageRange(start, end int) (first, last int) {
	if len(s.Pages) == 0 {
		return 0, 0
	}
	return s.PageAt(start), s.PageAt(max(end-1, start))
}

// AuthorList joins the authors for display: "A", "A and B", "A, B and C".
func (s *Source) AuthorList() string {
	a := s.Authors
	switch len(a) {
	case 0:
		return ""
	case 1:
		return a[0]
	}
	return strings.Join(a[:len(a)-1], ", ") + " and " + a[len(a)-1]
}

// SourceFilter narrows a source listing. Zero values mean "no constraint".
type SourceFilter struct {
	Query string // full-text search over the sources
	Kind  SourceKind
	Sort  string // "title", "published", "imported" (default), "author"
	Desc  bool
	// Trashed lists the sources in the trash instead of those in use.
	Trashed bool
	Offset  int
	Limit   int
}

// SubtitleIsAuthor says whether a subtitle is only the authors' names: a
// byline without "By" under a title ("Li Wei", "Ana Ruiz and Ben Cole"),
// which citations would otherwise print as the title's second half.
func SubtitleIsAuthor(subtitle string, authors []string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	sub := norm(strings.TrimPrefix(strings.TrimSpace(subtitle), "By "))
	if sub == "" || len(authors) == 0 {
		return false
	}
	if len(authors) == 1 {
		return sub == norm(authors[0])
	}
	all := norm(strings.Join(authors[:len(authors)-1], ", ") + " and " + authors[len(authors)-1])
	return sub == all || sub == norm(strings.Join(authors, ", ")) || sub == norm(strings.Join(authors, " and "))
}
