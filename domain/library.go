package domain

import (
	"context"
	"time"
)

// The store contract: what the app and the command line need of a library,
// whichever database keeps it. store.Store (SQLite) implements Library;
// a second store (a team library on PostgreSQL) implements the same.

// Library is a whole library: every service, and the library itself.
type Library interface {
	SourceService
	ExcerptService
	BriefingService
	SearchService
	VersionService
	TrashService
	IntegrityService
	// Path names the library for people: its file, or its address.
	Path() string
	// DefaultScheme is the marking scheme the library gives new briefings
	// ("" when it has none: the analyst's setting applies);
	// SetDefaultScheme changes it for the whole library.
	DefaultScheme(ctx context.Context) (SchemeID, error)
	SetDefaultScheme(ctx context.Context, id SchemeID) error
	// ReadOnly tells whether the library cannot be written (its file or
	// folder, or the account it is reached with); every change is then
	// refused with a message saying why.
	ReadOnly() bool
	// Check reads the whole library for damage; slow on a big library. A
	// damaged library gives an error saying what to do.
	Check(ctx context.Context) error
	// ChangedElsewhere reports whether another program committed a change
	// since the last call, so an open window can show it; this library's
	// own writes never count.
	ChangedElsewhere(ctx context.Context) (bool, error)
}

// SourceService stores sources.
type SourceService interface {
	// CreateSource stores s, filling in ID, SHA256 and ImportedAt. When a
	// source with the same text exists it is loaded into s instead and
	// existing is true.
	CreateSource(ctx context.Context, s *Source) (existing bool, err error)
	Source(ctx context.Context, id int64) (*Source, error)
	Sources(ctx context.Context, f SourceFilter) ([]*Source, error)
	// UpdateSource saves the details of s (never its text), edited from
	// base (nil: s was just read): what changed elsewhere since base and
	// not in s is kept and copied into s; where both changed a field, s's
	// value is saved and the clash returned with the other value.
	UpdateSource(ctx context.Context, base, s *Source) ([]Conflict, error)
	// DeleteSource removes a source with its excerpts for good, in the trash
	// or not. It refuses while any excerpt is used in a briefing unless force
	// is set.
	DeleteSource(ctx context.Context, id int64, force bool) error
	// TrashSource moves the source to the trash with its excerpts in use. It
	// refuses while a briefing that is not in the trash uses one of them,
	// unless force is set, in which case those blocks go.
	TrashSource(ctx context.Context, id int64, force bool) error
	// RestoreSource brings the source back with the excerpts trashed with
	// it; excerpts trashed on their own before stay in the trash.
	RestoreSource(ctx context.Context, id int64) error
	// SourceUsage names the briefings outside the trash that use excerpts of
	// the source: those whose blocks a forced TrashSource removes.
	SourceUsage(ctx context.Context, id int64) ([]BriefingRef, error)
	// SourceFile gives back the original file kept with source id: its
	// name, SHA-256 and bytes. ENOTFOUND, with a message that says so and
	// what to do, when the library keeps none for it.
	SourceFile(ctx context.Context, id int64) (*OriginalFile, error)
}

// OriginalFile is a file a source was imported from, as the library keeps
// it: one copy per SHA-256, however many sources share it.
type OriginalFile struct {
	Name   string // the file name the source was imported from
	SHA256 string // hex, of Data
	Data   []byte
}

// ExcerptService stores excerpts.
type ExcerptService interface {
	// CreateExcerpt stores e. With Start < End it takes that span of the
	// source; otherwise it locates e.Quote in the source text (tolerating
	// white-space, quote and dash differences) and stores the source's own
	// characters. A quote the source does not contain is an EINVALID error.
	CreateExcerpt(ctx context.Context, e *Excerpt) error
	Excerpt(ctx context.Context, id int64) (*Excerpt, error)
	Excerpts(ctx context.Context, f ExcerptFilter) ([]*Excerpt, error)
	// UpdateExcerpt saves note, tags, credibility and marking (the span is
	// fixed) of e, edited from base (nil: e was just read). What changed
	// elsewhere since base and not in e is kept and copied into e; where
	// both changed the same field e's value is saved and the clash
	// returned, with the other side's value for the analyst.
	UpdateExcerpt(ctx context.Context, base, e *Excerpt) ([]Conflict, error)
	// DeleteExcerpt deletes the excerpt for good, in the trash or not. It
	// refuses while a briefing uses the excerpt unless force is set, in which
	// case those blocks go too.
	DeleteExcerpt(ctx context.Context, id int64, force bool) error
	// TrashExcerpt moves the excerpt to the trash: it leaves listings, search
	// and tag counts until restored. It refuses while a briefing that is not
	// in the trash uses it, unless force is set, in which case those blocks
	// go (blocks of trashed briefings stay), each such briefing's state
	// before kept as a version.
	TrashExcerpt(ctx context.Context, id int64, force bool) error
	// ExcerptUsage names the briefings outside the trash that quote the
	// excerpt: those a forced TrashExcerpt takes it out of.
	ExcerptUsage(ctx context.Context, id int64) ([]BriefingRef, error)
	// RestoreExcerpt brings the excerpt back from the trash, with its source
	// if that is in the trash too.
	RestoreExcerpt(ctx context.Context, id int64) error
	// Tags counts the excerpts in use only.
	Tags(ctx context.Context) ([]Tag, error)
	// MarkingHistory lists the times the excerpt was marked below its
	// source, with the reason given, oldest first.
	MarkingHistory(ctx context.Context, excerptID int64) ([]MarkingChange, error)
}

// MarkingChange records an excerpt marked below its source: the explicit
// override, kept for whoever later asks why.
type MarkingChange struct {
	ExcerptID int64
	From, To  Marking // the excerpt's marking before and after
	Source    Marking // the source's marking then
	Reason    string
	At        time.Time
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
	// Bundle loads a briefing with every source it cites, in order of
	// first citation, texts included: what exporters need, read at once.
	Bundle(ctx context.Context, briefingID int64) (*Bundle, error)
	// BundleWithoutTexts is Bundle with every source's text left empty
	// (hashes and page breaks kept): for exporters that cite sources but
	// never print them, it reads a quarter less.
	BundleWithoutTexts(ctx context.Context, briefingID int64) (*Bundle, error)
	// ImportBundle stores a briefing read from an interchange file, with
	// its sources and excerpts, all or nothing. Sources whose text the
	// library already has are reused, and so are excerpts of the same span.
	ImportBundle(ctx context.Context, b *Bundle) (*Briefing, error)
	TrashBriefing(ctx context.Context, id int64) error
	RestoreBriefing(ctx context.Context, id int64) error
	// DeleteBriefing deletes a briefing in the trash for good, with its
	// versions; one outside the trash is refused (trash it first).
	DeleteBriefing(ctx context.Context, id int64) error
}

// SearchService finds anything in the library. Any text a user types is a
// valid query: words, prefixes (chip*), "phrases", OR and -exclusions;
// everything else is taken literally.
type SearchService interface {
	Search(ctx context.Context, query string, opts SearchOptions) ([]SearchHit, error)
}

// VersionService keeps each briefing's history of versions.
type VersionService interface {
	// CreateSnapshot saves the briefing as it is now in its history.
	CreateSnapshot(ctx context.Context, briefingID int64, label string) (*Snapshot, error)
	// KeepVersion saves b, a copy of briefing b.ID as it was never stored
	// (the analyst's side of a clash they chose not to save over the
	// other's), in that briefing's history.
	KeepVersion(ctx context.Context, b *Briefing, label string) (*Snapshot, error)
	// Snapshots lists a briefing's history, newest first, without contents.
	Snapshots(ctx context.Context, briefingID int64) ([]*Snapshot, error)
	// Snapshot loads one version with the briefing as it was.
	Snapshot(ctx context.Context, id int64) (*Snapshot, error)
	// RestoreSnapshot puts a briefing back as it was in one of its
	// versions, after saving the current state as a version of its own,
	// all at once. Blocks whose excerpt has since been deleted are left
	// out and counted in skipped.
	RestoreSnapshot(ctx context.Context, briefingID, snapshotID int64) (skipped int, err error)
}

// TrashService deletes for good what is in the trash. (Moving things to
// the trash and back belongs to each kind's own service.)
type TrashService interface {
	// EmptyTrash deletes for good the briefings (with their history),
	// sources (with their excerpts) and excerpts in the trash; it returns
	// how many items went, an excerpt that went with its source not
	// counted apart.
	EmptyTrash(ctx context.Context) (int, error)
	// EmptyTrashUpTo is EmptyTrash for what went to the trash at or before
	// upTo: a window that listed the trash empties what it showed, not
	// what another program trashed after.
	EmptyTrashUpTo(ctx context.Context, upTo time.Time) (int, error)
	// PurgeSource and PurgeExcerpt delete for good what is still in the
	// trash, and refuse what was restored meanwhile.
	PurgeSource(ctx context.Context, id int64, force bool) error
	PurgeExcerpt(ctx context.Context, id int64, force bool) error
}
