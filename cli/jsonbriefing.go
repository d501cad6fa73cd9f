package cli

import (
	"time"

	"github.com/attache/attache/domain"
)

// The --json shapes of briefings, their versions and their exports (see
// jsonout.go for what they promise scripts).

// jsonBriefing is `briefing show --json`: the briefing's fields with its
// blocks, excerpt blocks carrying their quote and source.
type jsonBriefing struct {
	ID             int64  `json:"id"`
	Title          string `json:"title"`
	Subtitle       string `json:"subtitle"`
	Author         string `json:"author"`
	Audience       string `json:"audience"`
	Date           string `json:"date"`
	Scheme         string `json:"scheme"`
	Classification string `json:"classification"` // the overall marking, stored form
	// ClassificationBanner is it as the banner shows it.
	ClassificationBanner string        `json:"classification_banner"`
	TitleMarking         jsonMarking   `json:"title_marking"`
	SubtitleMarking      jsonMarking   `json:"subtitle_marking"`
	SummaryMarking       jsonMarking   `json:"summary_marking"`
	Authority            jsonAuthority `json:"authority"`
	IncludeNotes         bool          `json:"include_notes"`
	Status               string        `json:"status"`
	Summary              string        `json:"summary"`
	Scale                string        `json:"scale"` // icd203, phia or "" (none)
	CreatedAt            time.Time     `json:"created_at"`
	UpdatedAt            time.Time     `json:"updated_at"`
	// CreatedBy and UpdatedBy name who made the briefing and who changed
	// it last; "" when not known (made before names were kept).
	CreatedBy string      `json:"created_by"`
	UpdatedBy string      `json:"updated_by"`
	TrashedAt *time.Time  `json:"trashed_at,omitempty"`
	Revision  int64       `json:"revision"`
	Blocks    []jsonBlock `json:"blocks"`
}

// jsonAuthority is the classification authority block (US).
type jsonAuthority struct {
	ClassifiedBy string `json:"classified_by"`
	DerivedFrom  string `json:"derived_from"`
	DeclassifyOn string `json:"declassify_on"`
}

type jsonBlock struct {
	ID         int64  `json:"id"`
	Type       string `json:"type"`
	Text       string `json:"text,omitempty"`
	Excerpt    int64  `json:"excerpt,omitempty"`
	Source     int64  `json:"source,omitempty"`
	Quote      string `json:"quote,omitempty"`
	Confidence string `json:"confidence,omitempty"`
	// Marking is the block's own mark, stored form; an excerpt block's
	// excerpt carries its mark in ExcerptMarking.
	Marking        string `json:"marking,omitempty"`
	MarkingBanner  string `json:"marking_banner,omitempty"`
	MarkingPortion string `json:"marking_portion,omitempty"`
	ExcerptMarking string `json:"excerpt_marking,omitempty"`
	// EffectiveMarking is the mark the block prints under: the higher of
	// its own and its excerpt's (stored form, then portion form).
	EffectiveMarking string `json:"effective_marking,omitempty"`
	EffectivePortion string `json:"effective_portion,omitempty"`
	// Evidence are a key judgment's links to excerpts.
	Evidence []jsonLink `json:"evidence,omitempty"`
}

// jsonLink is a key judgment's link to an excerpt.
type jsonLink struct {
	Excerpt int64  `json:"excerpt"`
	Stance  string `json:"stance"`
	Note    string `json:"note,omitempty"`
}

func briefingOut(b *domain.Briefing) jsonBriefing {
	out := jsonBriefing{ID: b.ID, Title: b.Title, Subtitle: b.Subtitle, Author: b.Author, Audience: b.Audience,
		Date: b.Date.String(), Scheme: string(b.SchemeDef().ID), Classification: string(b.Classification),
		ClassificationBanner: b.Classification.Banner(), TitleMarking: markingOut(b.TitleMarking),
		SubtitleMarking: markingOut(b.SubtitleMarking), SummaryMarking: markingOut(b.SummaryMarking),
		Authority:    jsonAuthority{ClassifiedBy: b.Authority.ClassifiedBy, DerivedFrom: b.Authority.DerivedFrom, DeclassifyOn: b.Authority.DeclassifyOn},
		IncludeNotes: b.IncludeNotes, Status: string(b.Status), Summary: b.Summary, Scale: string(b.Scale),
		CreatedAt: b.CreatedAt, UpdatedAt: b.UpdatedAt, CreatedBy: b.CreatedBy, UpdatedBy: b.UpdatedBy,
		TrashedAt: b.TrashedAt, Revision: b.Revision,
		Blocks: make([]jsonBlock, 0, len(b.Blocks))}
	for _, blk := range b.Blocks {
		out.Blocks = append(out.Blocks, blockOut(blk))
	}
	return out
}

func blockOut(b *domain.Block) jsonBlock {
	j := jsonBlock{ID: b.ID, Type: string(b.Type), Text: b.Text, Excerpt: b.ExcerptID,
		Confidence: string(b.Confidence), Marking: string(b.Marking), MarkingBanner: b.Marking.Banner(),
		MarkingPortion: b.Marking.Portion()}
	if b.Excerpt != nil {
		j.Source, j.Quote, j.ExcerptMarking = b.Excerpt.SourceID, b.Excerpt.Quote, string(b.Excerpt.Marking)
	}
	for _, ev := range b.Evidence {
		j.Evidence = append(j.Evidence, jsonLink{Excerpt: ev.ExcerptID, Stance: string(ev.Stance), Note: ev.Note})
	}
	eff := effectiveMarking(b)
	j.EffectiveMarking, j.EffectivePortion = string(eff), eff.Portion()
	return j
}

type jsonBriefingSummary struct {
	ID        int64      `json:"id"`
	Title     string     `json:"title"`
	Status    string     `json:"status"`
	Author    string     `json:"author"`
	Date      string     `json:"date"`
	Blocks    int        `json:"blocks"`
	Words     int        `json:"words"`
	Revision  int64      `json:"revision"`
	UpdatedAt time.Time  `json:"updated_at"`
	CreatedBy string     `json:"created_by"` // who made it; "" when not known
	UpdatedBy string     `json:"updated_by"` // who changed it last
	TrashedAt *time.Time `json:"trashed_at,omitempty"`
}

func summaryOut(b *domain.BriefingSummary) *jsonBriefingSummary {
	if b == nil {
		return nil
	}
	return &jsonBriefingSummary{ID: b.ID, Title: b.Title, Status: string(b.Status), Author: b.Author,
		Date: b.Date.String(), Blocks: b.Blocks, Words: b.Words, Revision: b.Revision, UpdatedAt: b.UpdatedAt,
		CreatedBy: b.CreatedBy, UpdatedBy: b.UpdatedBy, TrashedAt: b.TrashedAt}
}

// jsonSnapshot is a version as listed: its contents are not shown.
type jsonSnapshot struct {
	ID        int64     `json:"id"`
	Briefing  int64     `json:"briefing"`
	Label     string    `json:"label"`
	CreatedAt time.Time `json:"created_at"`
	By        string    `json:"by"` // who kept it; "" when not known
}

func snapshotOut(s *domain.Snapshot) *jsonSnapshot {
	if s == nil {
		return nil
	}
	return &jsonSnapshot{ID: s.ID, Briefing: s.BriefingID, Label: s.Label, CreatedAt: s.CreatedAt, By: s.By}
}

// jsonExported is `export --json`; a release copy adds the level, what
// it left out and the version recorded. The first three keys are in the
// order they always had.
type jsonExported struct {
	File      string         `json:"file"`
	Format    string         `json:"format"`
	ID        int64          `json:"id"`
	ReleaseAt string         `json:"release_at,omitempty"` // banner form
	LeftOut   *[]jsonLeftOut `json:"left_out,omitempty"`
	Version   int64          `json:"version,omitempty"` // the version the export kept; none in a read-only library
}

// jsonLeftOut is a portion a release copy left out.
type jsonLeftOut struct {
	Where   string `json:"where"`
	Marking string `json:"marking"` // banner form
}
