package domain

import (
	"context"
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
	ID             int64      `json:"id"`
	Title          string     `json:"title"`
	Subtitle       string     `json:"subtitle"`
	Author         string     `json:"author"`
	Audience       string     `json:"audience"` // "prepared for"
	Date           Date       `json:"date"`
	Classification string     `json:"classification"` // banner text as typed
	Status         Status     `json:"status"`
	Summary        string     `json:"summary"` // bottom line up front
	Blocks         []*Block   `json:"blocks"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	TrashedAt      *time.Time `json:"trashed_at,omitempty"`
	// Revision moves on with every change to the briefing or its blocks,
	// whoever makes it; a save names the revision it was edited from.
	Revision int64 `json:"revision"`
}

// Validate checks the metadata the store needs.
func (b *Briefing) Validate() error {
	if strings.TrimSpace(b.Title) == "" {
		return Errorf(EINVALID, "the briefing needs a title")
	}
	if err := checkFields(BriefingTitle.of(b.Title), BriefingSubtitle.of(b.Subtitle), BriefingAuthor.of(b.Author),
		BriefingAudience.of(b.Audience), BriefingClassification.of(b.Classification), BottomLine.of(b.Summary)); err != nil {
		return err
	}
	if _, err := ParseStatus(string(b.Status)); err != nil {
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
		{&c.Classification, old.Classification}, {&c.Summary, old.Summary}} {
		if *f.now == f.was && strings.TrimSpace(*f.now) != "" {
			*f.now = "x" // stands in for the stored value
		}
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
	ID         int64      `json:"id"`
	Type       BlockType  `json:"type"`
	Text       string     `json:"text,omitempty"`
	ExcerptID  int64      `json:"excerpt,omitempty"`
	Confidence Confidence `json:"confidence,omitempty"`
	Marking    Marking    `json:"marking,omitempty"`

	// Excerpt is the resolved excerpt of an excerpt block, filled in when a
	// briefing is loaded whole; it is not stored with the block.
	Excerpt *Excerpt `json:"-"`
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
	if _, err := ParseMarking(string(b.Marking)); err != nil {
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
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

// BriefingSummary is a briefing as listed, without its blocks.
type BriefingSummary struct {
	ID     int64  `json:"id"`
	Title  string `json:"title"`
	Status Status `json:"status"`
	Author string `json:"author"`
	Date   Date   `json:"date"`
	Blocks int    `json:"blocks"`
	// Words is the briefing's length as export's model counts it, which
	// the lister fills in (the command line, the app's cache): stores
	// leave it 0, since only the model knows what a reader reads.
	Words     int        `json:"words"`
	Revision  int64      `json:"revision"` // moves with every change to the briefing or its blocks
	UpdatedAt time.Time  `json:"updated_at"`
	TrashedAt *time.Time `json:"trashed_at,omitempty"`
}

// BriefingFilter narrows a briefing listing.
type BriefingFilter struct {
	Trashed bool // list the trash instead of live briefings
	Query   string
}

// BriefingService stores briefings and their blocks.
type BriefingService interface {
	// CreateBriefing stores b and any blocks it already has.
	CreateBriefing(ctx context.Context, b *Briefing) error
	// Briefing loads b with its blocks in order, excerpts resolved.
	Briefing(ctx context.Context, id int64) (*Briefing, error)
	Briefings(ctx context.Context, f BriefingFilter) ([]*BriefingSummary, error)
	// UpdateBriefing saves the metadata of b (not its blocks).
	UpdateBriefing(ctx context.Context, b *Briefing) error
	// SaveBriefing writes b, the composer's copy edited from base (the
	// copy as last loaded or saved), in one transaction. If the briefing
	// changed elsewhere since base.Revision, the changes are merged
	// (MergeBriefing); where both changed the same thing nothing is
	// written and a *MergeConflict carries the library's copy.
	SaveBriefing(ctx context.Context, base, b *Briefing) (*Saved, error)
	// BriefingRevision reads a briefing's revision and whether it is in the
	// trash, cheaply: an open window polls it to follow changes made
	// elsewhere.
	BriefingRevision(ctx context.Context, id int64) (rev int64, trashed bool, err error)
	// AddBlock inserts blk at position pos (0-based; pos < 0 or past the end
	// appends) and fills in blk.ID.
	AddBlock(ctx context.Context, briefingID int64, blk *Block, pos int) error
	UpdateBlock(ctx context.Context, blk *Block) error
	// MoveBlock puts the block at position pos (0-based, clamped).
	MoveBlock(ctx context.Context, blockID int64, pos int) error
	RemoveBlock(ctx context.Context, blockID int64) error
	DuplicateBriefing(ctx context.Context, id int64) (*Briefing, error)
	TrashBriefing(ctx context.Context, id int64) error
	RestoreBriefing(ctx context.Context, id int64) error
	// DeleteBriefing deletes a briefing in the trash for good, with its
	// versions; one outside the trash is refused (trash it first).
	DeleteBriefing(ctx context.Context, id int64) error
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
	return "briefing " + strconv.FormatInt(e.Theirs.ID, 10) + " was changed elsewhere (" + strings.Join(parts, ", ") +
		") while it was being edited here: nothing was saved"
}

// Snapshot is a saved version of a briefing, kept in its history.
type Snapshot struct {
	ID         int64     `json:"id"`
	BriefingID int64     `json:"briefing"`
	Label      string    `json:"label"`
	CreatedAt  time.Time `json:"created_at"`
	Briefing   *Briefing `json:"-"` // the briefing as it was
}
