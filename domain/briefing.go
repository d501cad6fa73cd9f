package domain

import (
	"strconv"
	"strings"
	"time"
)

// Status is where a briefing stands in review.
type Status string

// Briefing statuses.
const (
	StatusDraft  Status = "draft"
	StatusReview Status = "review"
	StatusFinal  Status = "final"
)

// ParseStatus accepts draft, review ("in review") and final; "" gives draft.
func ParseStatus(s string) (Status, error) {
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case "", "draft":
		return StatusDraft, nil
	case "review", "in review", "in-review":
		return StatusReview, nil
	case "final":
		return StatusFinal, nil
	}
	return "", Errorf(EINVALID, "%q is not a status: use draft, review or final", s)
}

// Label is the status as shown to people, e.g. "In review".
func (s Status) Label() string {
	switch s {
	case StatusReview:
		return "In review"
	case StatusFinal:
		return "Final"
	}
	return "Draft"
}

// Briefing is the document the analyst hands to a decision-maker.
type Briefing struct {
	ID       int64
	Title    string
	Subtitle string
	Author   string
	Audience string // "prepared for"
	Date     Date
	// Scheme is the marking scheme every mark in the briefing belongs to.
	Scheme SchemeID
	// Classification is the overall marking the analyst chose, which the
	// banner shows; "" leaves the banner to the highest portion.
	Classification Marking
	// Portion marks of the details that are portions too.
	TitleMarking, SubtitleMarking, SummaryMarking Marking
	// Authority is the classification authority block (US) for the first
	// page of a classified briefing.
	Authority Authority
	// IncludeNotes prints the analyst's notes on excerpts in exports; they
	// are private working notes otherwise.
	IncludeNotes bool
	Status       Status
	Summary      string // bottom line up front
	// Scale is the estimative-language scale the briefing's likelihood
	// words are held to (ScaleICD203, ScalePHIA), or ScaleNone.
	Scale     ScaleID
	Blocks    []*Block
	CreatedAt time.Time
	UpdatedAt time.Time
	// CreatedBy and UpdatedBy name who made the briefing and who last
	// changed it; "" when not known (made before names were kept).
	CreatedBy, UpdatedBy string
	TrashedAt            *time.Time
	// Revision moves on with every change to the briefing or its blocks,
	// whoever makes it; a save names the revision it was edited from.
	Revision int64
}

// Validate checks the metadata the store needs.
func (b *Briefing) Validate() error {
	if strings.TrimSpace(b.Title) == "" {
		return Errorf(EINVALID, "the briefing needs a title")
	}
	if err := checkFields(BriefingTitle.of(b.Title), BriefingSubtitle.of(b.Subtitle), BriefingAuthor.of(b.Author),
		BriefingAudience.of(b.Audience), BottomLine.of(b.Summary), AuthorityLine.of(b.Authority.ClassifiedBy),
		AuthorityLine.of(b.Authority.DerivedFrom), AuthorityLine.of(b.Authority.DeclassifyOn)); err != nil {
		return err
	}
	if err := b.checkMarkings(); err != nil {
		return err
	}
	if _, err := ParseStatus(string(b.Status)); err != nil {
		return err
	}
	if _, err := ParseScale(string(b.Scale)); err != nil {
		return err
	}
	for i, blk := range b.Blocks {
		if err := blk.Validate(); err != nil {
			return Errorf(EINVALID, "block %d: %s", i+1, ErrorMessage(err))
		}
	}
	return nil
}

// ValidateSince is Validate for an edit of old: a value unchanged since
// old passes the length and character rules, which it may predate (a
// library written before them), so one such field never blocks saving
// the others; whatever was typed is held to them.
func (b *Briefing) ValidateSince(old *Briefing) error {
	if old == nil {
		return b.Validate()
	}
	c := *b
	for _, f := range []struct {
		now *string
		was string
	}{{&c.Title, old.Title}, {&c.Subtitle, old.Subtitle}, {&c.Author, old.Author}, {&c.Audience, old.Audience},
		{&c.Summary, old.Summary}} {
		if *f.now == f.was && strings.TrimSpace(*f.now) != "" {
			*f.now = "x" // stands in for the stored value
		}
	}
	// A marking kept from a library written before schemes (free text
	// such as "OFFICIAL" under the US scheme) may stay: export refuses it,
	// saying what to choose, but it never blocks saving the rest.
	for _, f := range []struct {
		now *Marking
		was Marking
	}{{&c.Classification, old.Classification}, {&c.TitleMarking, old.TitleMarking},
		{&c.SubtitleMarking, old.SubtitleMarking}, {&c.SummaryMarking, old.SummaryMarking}} {
		if *f.now == f.was && c.Scheme == old.Scheme {
			*f.now = ""
		}
	}
	wasMark := map[int64]Marking{}
	for _, blk := range old.Blocks {
		wasMark[blk.ID] = blk.Marking
	}
	was := map[int64]string{}
	for _, blk := range old.Blocks {
		was[blk.ID] = blk.Text
	}
	c.Blocks = make([]*Block, len(b.Blocks))
	for i, blk := range b.Blocks {
		cb := *blk
		if t, ok := was[blk.ID]; ok && t == blk.Text && strings.TrimSpace(t) != "" {
			cb.Text = "x"
		}
		if m, ok := wasMark[blk.ID]; ok && m == blk.Marking && c.Scheme == old.Scheme {
			cb.Marking = ""
		}
		c.Blocks[i] = &cb
	}
	return c.Validate()
}

// BlockType names the kinds of block a briefing is made of.
type BlockType string

// Block types.
const (
	BlockHeading    BlockType = "heading"
	BlockExcerpt    BlockType = "excerpt"
	BlockCommentary BlockType = "commentary"
	BlockJudgment   BlockType = "judgment"
)

// Block is one element of a briefing, in order. Text holds the heading,
// commentary or judgment; ExcerptID points at an excerpt for excerpt blocks.
type Block struct {
	ID         int64
	Type       BlockType
	Text       string
	ExcerptID  int64
	Confidence Confidence
	Marking    Marking
	// Evidence links a key judgment to the excerpts that support it or cut
	// against it, in the order the analyst added them; only judgments
	// have it.
	Evidence []Evidence

	// Excerpt is the resolved excerpt of an excerpt block, filled in when a
	// briefing is loaded whole; it is not stored with the block.
	Excerpt *Excerpt
}

// Validate checks that the block's fields fit its type.
func (b *Block) Validate() error {
	switch b.Type {
	case BlockHeading, BlockCommentary:
		if strings.TrimSpace(b.Text) == "" {
			return Errorf(EINVALID, "a %s needs text", b.Type)
		}
	case BlockJudgment:
		if strings.TrimSpace(b.Text) == "" {
			return Errorf(EINVALID, "a key judgment needs text")
		}
		if _, err := ParseConfidence(string(b.Confidence)); err != nil {
			return err
		}
	case BlockExcerpt:
		if b.ExcerptID <= 0 {
			return Errorf(EINVALID, "an excerpt block needs an excerpt id")
		}
	default:
		return Errorf(EINVALID, "%q is not a block type: use heading, excerpt, commentary or judgment", b.Type)
	}
	if err := b.checkEvidence(); err != nil {
		return err
	}
	return b.TextField().Check(b.Text)
}

// TextField is the limit on the block's text, by its type.
func (b *Block) TextField() Field {
	switch b.Type {
	case BlockHeading:
		return HeadingText
	case BlockJudgment:
		return JudgmentText
	}
	return BlockText
}

// BriefingRef names a briefing, e.g. when telling what uses an excerpt.
type BriefingRef struct {
	ID    int64
	Title string
	Owner string // who made it; "" when not known
}

// BriefingSummary is a briefing as listed, without its blocks.
type BriefingSummary struct {
	ID     int64
	Title  string
	Status Status
	Author string
	Date   Date
	Blocks int
	// Words is the briefing's length as export's model counts it, which
	// the lister fills in (the command line, the app's cache): stores
	// leave it 0, since only the model knows what a reader reads.
	Words     int
	Revision  int64 // moves with every change to the briefing or its blocks
	UpdatedAt time.Time
	TrashedAt *time.Time
	// CreatedBy owns the briefing; UpdatedBy changed it last.
	CreatedBy, UpdatedBy string
}

// BriefingFilter narrows a briefing listing.
type BriefingFilter struct {
	Trashed bool // list the trash instead of live briefings
	Query   string
}

// ErrChangedMeanwhile refuses a write from a copy of a briefing that was
// changed after the copy was read; reading it again and redoing the change
// is safe.
var ErrChangedMeanwhile = Errorf(ECONFLICT, "the briefing was changed elsewhere while this ran: nothing was saved; run the command again")

// Saved is what a save left in the library.
type Saved struct {
	// Briefing is the library's copy after the save, with the block IDs
	// and revision it has now (merged with changes made elsewhere).
	Briefing *Briefing
	// IDs maps the IDs of blocks that were stored under another number
	// (new blocks, sent with ID 0 or below) to the numbers they have now.
	IDs map[int64]int64
	// Merged says changes made elsewhere were merged in.
	Merged bool
	// Dropped lists excerpts deleted for good elsewhere whose blocks could
	// not be saved and were left out.
	Dropped []int64
}

// MergeConflict is the refusal of a save whose changes clash with changes
// made elsewhere since the copy was loaded.
type MergeConflict struct {
	Theirs    *Briefing // the library's copy now
	Conflicts []Conflict
}

func (e *MergeConflict) Error() string {
	var parts []string
	for _, c := range e.Conflicts {
		parts = append(parts, c.Describe())
	}
	return "briefing " + strconv.FormatInt(e.Theirs.ID, 10) + " was changed " + e.ByWhom() + " (" + strings.Join(parts, ", ") +
		") while it was being edited here: nothing was saved"
}

// ByWhom says who changed the library's copy and when, as in "by ana at
// 14:02 on 3 Dec": "elsewhere" when the library does not know who.
func (e *MergeConflict) ByWhom() string {
	at := e.Theirs.UpdatedAt.Local()
	when := at.Format("15:04 on 2 Jan")
	if e.Theirs.UpdatedBy == "" {
		return "elsewhere at " + when
	}
	return "by " + e.Theirs.UpdatedBy + " at " + when
}

// Snapshot is a saved version of a briefing, kept in its history.
type Snapshot struct {
	ID         int64
	BriefingID int64
	Label      string
	CreatedAt  time.Time
	By         string    // who kept it; "" when not known
	Briefing   *Briefing // the briefing as it was
	// Sources are the sources the version's excerpts cite, texts left
	// out, and Concerns theirs, as in a Bundle: filled by
	// Library.Snapshot (whose excerpts, and evidence excerpts, are
	// resolved; one deleted since is left nil), empty in lists.
	Sources  []*Source
	Concerns map[int64]*SourceConcern
}

// Bundle is the version as exporters take it: NewDocument lays it out
// with its sources' grades and concerns.
func (s *Snapshot) Bundle() *Bundle {
	return &Bundle{Briefing: s.Briefing, Sources: s.Sources, Concerns: s.Concerns}
}

// Authority is the US classification authority block: who classified the
// briefing (or "Classified By" for derivative classification), what it is
// derived from, and when it is declassified.
type Authority struct {
	ClassifiedBy string
	DerivedFrom  string
	DeclassifyOn string
}

// IsZero tells an empty block.
func (a Authority) IsZero() bool { return a == Authority{} }

// SchemeDef is the briefing's marking scheme.
func (b *Briefing) SchemeDef() *Scheme { return SchemeOf(b.Scheme) }

// JudgmentNumbers are the numbers the key judgments are printed with,
// "Key judgment 1, 2, …": one per block, counting the key judgments in
// reading order from 1, and 0 for a block that is not a key judgment.
// Exports, checks and the command line all number them by it.
func JudgmentNumbers(blocks []*Block) []int {
	out := make([]int, len(blocks))
	n := 0
	for i, blk := range blocks {
		if blk.Type == BlockJudgment {
			n++
			out[i] = n
		}
	}
	return out
}

// checkMarkings holds every mark of the briefing to its scheme: the scheme
// must be known, and the overall marking, the details' portion marks and
// the blocks' marks must be its own.
func (b *Briefing) checkMarkings() error {
	if _, ok := schemeByID[b.Scheme]; !ok && b.Scheme != "" {
		return Errorf(EINVALID, "%q is not a marking scheme: use %s", string(b.Scheme), SchemeIDs())
	}
	s := b.SchemeDef()
	for _, f := range []struct {
		what string
		m    Marking
	}{{"the overall marking", b.Classification}, {"the title's marking", b.TitleMarking},
		{"the subtitle's marking", b.SubtitleMarking}, {"the bottom line's marking", b.SummaryMarking}} {
		if _, err := s.Admit(f.m); err != nil {
			return Errorf(EINVALID, "%s: %s", f.what, ErrorMessage(err))
		}
	}
	for i, blk := range b.Blocks {
		if _, err := s.Admit(blk.Marking); err != nil {
			return Errorf(EINVALID, "block %d: %s", i+1, ErrorMessage(err))
		}
		if s.WholeDocument && blk.Marking != "" {
			return Errorf(EINVALID, "block %d: %s labels the whole briefing, not its parts: remove the block's mark and choose the briefing's label in its details", i+1, s.Short)
		}
	}
	if s.WholeDocument && b.TitleMarking+b.SubtitleMarking+b.SummaryMarking != "" {
		return Errorf(EINVALID, "%s labels the whole briefing, not its parts: remove the marks of the title, subtitle and bottom line", s.Short)
	}
	return nil
}

// CheckMarkings is the marking part of Validate alone: for a briefing
// read from a file, whose excerpt blocks have no excerpt IDs yet.
func (b *Briefing) CheckMarkings() error { return b.checkMarkings() }
