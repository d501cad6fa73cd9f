package store

import (
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
const snapshotFormat = 1

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
}

type snapshotBlockRecord struct {
	ID         int64  `json:"id"`
	Type       string `json:"type"`
	Text       string `json:"text,omitempty"`
	ExcerptID  int64  `json:"excerpt,omitempty"`
	Confidence string `json:"confidence,omitempty"`
	Marking    string `json:"marking,omitempty"`
}

// encodeSnapshot gives the stored form of b, in the current format.
func encodeSnapshot(b *domain.Briefing) ([]byte, error) {
	r := snapshotRecord{Format: snapshotFormat, ID: b.ID, Title: b.Title, Subtitle: b.Subtitle, Author: b.Author,
		Audience: b.Audience, Date: b.Date.String(), Classification: string(b.Classification), Status: string(b.Status),
		Summary: b.Summary, Blocks: make([]snapshotBlockRecord, len(b.Blocks)), CreatedAt: b.CreatedAt,
		UpdatedAt: b.UpdatedAt, TrashedAt: b.TrashedAt, Revision: b.Revision}
	for i, blk := range b.Blocks {
		r.Blocks[i] = snapshotBlockRecord{ID: blk.ID, Type: string(blk.Type), Text: blk.Text, ExcerptID: blk.ExcerptID,
			Confidence: string(blk.Confidence), Marking: string(blk.Marking)}
	}
	return json.Marshal(r)
}

// decodeSnapshot reads the stored form of version id, refusing a format
// newer than this Attaché knows rather than guessing at it.
func decodeSnapshot(id int64, data []byte) (*domain.Briefing, error) {
	var head struct {
		Format int `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("decode version %d: %w", id, err)
	}
	if head.Format > snapshotFormat {
		return nil, domain.Errorf(domain.EINVALID, "version %d was saved by a newer Attaché (version format %d; this one reads format %d and older): open it with that Attaché, or update this one",
			id, head.Format, snapshotFormat)
	}
	var r snapshotRecord
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("decode version %d: %w", id, err)
	}
	date, err := domain.ParseDate(r.Date)
	if err != nil {
		return nil, fmt.Errorf("decode version %d: %w", id, err)
	}
	b := &domain.Briefing{ID: r.ID, Title: r.Title, Subtitle: r.Subtitle, Author: r.Author, Audience: r.Audience,
		Date: date, Classification: domain.Marking(r.Classification), Status: domain.Status(r.Status), Summary: r.Summary,
		Blocks: make([]*domain.Block, len(r.Blocks)), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		TrashedAt: r.TrashedAt, Revision: r.Revision}
	for i, blk := range r.Blocks {
		b.Blocks[i] = &domain.Block{ID: blk.ID, Type: domain.BlockType(blk.Type), Text: blk.Text, ExcerptID: blk.ExcerptID,
			Confidence: domain.Confidence(blk.Confidence), Marking: domain.Marking(blk.Marking)}
	}
	return b, nil
}
