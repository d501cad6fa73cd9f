package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/attache/attache/domain"
)

// A version's briefing is stored as a snapshotRecord, a type of the
// store's own, so the domain types can change without turning the
// versions already kept into something no Attaché can read.
//
// Format 1 is the record as first written: the JSON of the briefing's
// fields with these names, blocks without their excerpts. Rows written
// before the record said its format carry none and are format 1.
//
// Format 2 adds the marking scheme and the marking details (the portion
// marks of title, subtitle and bottom line, the authority block, whether
// notes are printed). A format-1 version is read as a US briefing when it
// carries any mark, else as one with none: the rule migration 006 applied
// to the briefings themselves (see legacyScheme).
//
// Format 3 adds the estimative scale and each judgment's evidence (the
// excerpts linked, with stance and note). Older versions read with no
// scale and no evidence, which is what they had.
const snapshotFormat = 3

type snapshotRecord struct {
	Format         int                   `json:"format"`
	ID             int64                 `json:"id"`
	Title          string                `json:"title"`
	Subtitle       string                `json:"subtitle"`
	Author         string                `json:"author"`
	Audience       string                `json:"audience"`
	Date           string                `json:"date"` // YYYY-MM-DD, "" when unknown
	Classification string                `json:"classification"`
	Status         string                `json:"status"`
	Summary        string                `json:"summary"`
	Blocks         []snapshotBlockRecord `json:"blocks"`
	CreatedAt      time.Time             `json:"created_at"`
	UpdatedAt      time.Time             `json:"updated_at"`
	TrashedAt      *time.Time            `json:"trashed_at,omitempty"`
	Revision       int64                 `json:"revision"`

	// Format 2.
	Scheme          string `json:"scheme"`
	TitleMarking    string `json:"title_marking,omitempty"`
	SubtitleMarking string `json:"subtitle_marking,omitempty"`
	SummaryMarking  string `json:"summary_marking,omitempty"`
	ClassifiedBy    string `json:"classified_by,omitempty"`
	DerivedFrom     string `json:"derived_from,omitempty"`
	DeclassifyOn    string `json:"declassify_on,omitempty"`
	IncludeNotes    bool   `json:"include_notes,omitempty"`

	// Format 3.
	Scale string `json:"scale,omitempty"`
	// Format 3, from migration 009: who made the briefing and who changed
	// it last. Optional, so an Attaché from before reads past them.
	CreatedBy string `json:"created_by,omitempty"`
	UpdatedBy string `json:"updated_by,omitempty"`
}

type snapshotBlockRecord struct {
	ID         int64  `json:"id"`
	Type       string `json:"type"`
	Text       string `json:"text,omitempty"`
	ExcerptID  int64  `json:"excerpt,omitempty"`
	Confidence string `json:"confidence,omitempty"`
	Marking    string `json:"marking,omitempty"`
	// Format 3.
	Evidence []snapshotEvidenceRecord `json:"evidence,omitempty"`
}

// snapshotEvidenceRecord is a judgment's link to an excerpt, by its id.
type snapshotEvidenceRecord struct {
	ExcerptID int64  `json:"excerpt"`
	Stance    string `json:"stance"`
	Note      string `json:"note,omitempty"`
}

// encodeSnapshot gives the stored form of b, in the current format.
func encodeSnapshot(b *domain.Briefing) ([]byte, error) {
	r := snapshotRecord{Format: snapshotFormat, ID: b.ID, Title: b.Title, Subtitle: b.Subtitle, Author: b.Author,
		Audience: b.Audience, Date: b.Date.String(), Classification: string(b.Classification), Status: string(b.Status),
		Summary: b.Summary, Blocks: make([]snapshotBlockRecord, len(b.Blocks)), CreatedAt: b.CreatedAt,
		UpdatedAt: b.UpdatedAt, TrashedAt: b.TrashedAt, Revision: b.Revision,
		Scheme: string(b.Scheme), TitleMarking: string(b.TitleMarking), SubtitleMarking: string(b.SubtitleMarking),
		SummaryMarking: string(b.SummaryMarking), ClassifiedBy: b.Authority.ClassifiedBy,
		DerivedFrom: b.Authority.DerivedFrom, DeclassifyOn: b.Authority.DeclassifyOn, IncludeNotes: b.IncludeNotes,
		Scale: string(b.Scale), CreatedBy: b.CreatedBy, UpdatedBy: b.UpdatedBy}
	for i, blk := range b.Blocks {
		r.Blocks[i] = snapshotBlockRecord{ID: blk.ID, Type: string(blk.Type), Text: blk.Text, ExcerptID: blk.ExcerptID,
			Confidence: string(blk.Confidence), Marking: string(blk.Marking)}
		for _, ev := range blk.Evidence {
			r.Blocks[i].Evidence = append(r.Blocks[i].Evidence, snapshotEvidenceRecord{ev.ExcerptID, string(ev.Stance), ev.Note})
		}
	}
	return json.Marshal(r)
}

// decodeSnapshot reads the stored form of version id, refusing a format
// newer than this Attaché knows rather than guessing at it. legacy tells a
// format-1 version, whose scheme legacyScheme settles.
func decodeSnapshot(id int64, data []byte) (b *domain.Briefing, legacy bool, err error) {
	var head struct {
		Format int `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, false, fmt.Errorf("decode version %d: %w", id, err)
	}
	if head.Format > snapshotFormat {
		return nil, false, domain.Errorf(domain.EINVALID, "version %d was saved by a newer Attaché (version format %d; this one reads format %d and older): open it with that Attaché, or update this one",
			id, head.Format, snapshotFormat)
	}
	var r snapshotRecord
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, false, fmt.Errorf("decode version %d: %w", id, err)
	}
	date, err := domain.ParseDate(r.Date)
	if err != nil {
		return nil, false, fmt.Errorf("decode version %d: %w", id, err)
	}
	b = &domain.Briefing{ID: r.ID, Title: r.Title, Subtitle: r.Subtitle, Author: r.Author, Audience: r.Audience,
		Date: date, Classification: domain.Marking(r.Classification), Status: domain.Status(r.Status), Summary: r.Summary,
		Blocks: make([]*domain.Block, len(r.Blocks)), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		TrashedAt: r.TrashedAt, Revision: r.Revision, Scheme: domain.SchemeID(r.Scheme),
		TitleMarking: domain.Marking(r.TitleMarking), SubtitleMarking: domain.Marking(r.SubtitleMarking),
		SummaryMarking: domain.Marking(r.SummaryMarking), IncludeNotes: r.IncludeNotes,
		Authority: domain.Authority{ClassifiedBy: r.ClassifiedBy, DerivedFrom: r.DerivedFrom, DeclassifyOn: r.DeclassifyOn},
		Scale:     domain.ScaleID(r.Scale), CreatedBy: r.CreatedBy, UpdatedBy: r.UpdatedBy}
	for i, blk := range r.Blocks {
		b.Blocks[i] = &domain.Block{ID: blk.ID, Type: domain.BlockType(blk.Type), Text: blk.Text, ExcerptID: blk.ExcerptID,
			Confidence: domain.Confidence(blk.Confidence), Marking: domain.Marking(blk.Marking)}
		for _, ev := range blk.Evidence {
			b.Blocks[i].Evidence = append(b.Blocks[i].Evidence, domain.Evidence{ExcerptID: ev.ExcerptID, Stance: domain.Stance(ev.Stance), Note: ev.Note})
		}
	}
	if r.Scheme == "" {
		b.Scheme = domain.SchemeNone // a briefing of format 2 always names its scheme
	}
	return b, head.Format < 2, nil
}

// legacyScheme settles the scheme of a briefing saved before schemes, when
// every marking was a US one: US if it carries any mark (its
// classification, a block's, or an excerpt's it quotes, as the library
// has it), none otherwise.
func legacyScheme(ctx context.Context, tx *Tx, b *domain.Briefing) (domain.SchemeID, error) {
	marked := carriesMarks(b)
	var quoted []int64
	for _, blk := range b.Blocks {
		if blk.Type == domain.BlockExcerpt {
			quoted = append(quoted, blk.ExcerptID)
		}
	}
	if !marked && len(quoted) > 0 {
		err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM excerpts WHERE marking <> ''
			AND id IN (SELECT value FROM json_each(?)))`, idsJSON(quoted)).Scan(&marked)
		if err != nil {
			return "", dbError("read version", err)
		}
	}
	if marked {
		return domain.SchemeUS, nil
	}
	return domain.SchemeNone, nil
}

// carriesMarks tells whether the briefing carries a mark of its own or on
// an excerpt it holds (as a file brings them).
func carriesMarks(b *domain.Briefing) bool {
	if b.Classification+b.TitleMarking+b.SubtitleMarking+b.SummaryMarking != "" {
		return true
	}
	for _, blk := range b.Blocks {
		if blk.Marking != "" || (blk.Excerpt != nil && blk.Excerpt.Marking != "") {
			return true
		}
	}
	return false
}
