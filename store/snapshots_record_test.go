package store

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

// todaysSnapshot is a version's data exactly as Attaché wrote it before
// snapshots had a record of their own (json.Marshal of domain.Briefing),
// with no format field; {excerpt} stands for the excerpt's number.
const todaysSnapshot = `{"id":1,"title":"Chip controls","subtitle":"Sub","author":"Ann","audience":"The minister",` +
	`"date":"2024-05-11","classification":"SECRET//REL","status":"review","summary":"Bottom line",` +
	`"blocks":[{"id":1,"type":"heading","text":"One","marking":"U"},{"id":2,"type":"excerpt","excerpt":{excerpt},"marking":"C"},` +
	`{"id":3,"type":"judgment","text":"Likely","confidence":"moderate"}],` +
	`"created_at":"2026-01-02T03:04:08Z","updated_at":"2026-01-02T03:04:09.5Z","revision":5}`

// insertSnapshotRow stores data as a version of briefing, as an older or
// newer Attaché would have, and returns its number.
func insertSnapshotRow(t *testing.T, s *Store, briefing int64, data string) int64 {
	t.Helper()
	var id int64
	err := s.wt().QueryRow(`INSERT INTO snapshots (briefing_id, label, created_at, data) VALUES (?, 'old', ?, ?) RETURNING id`,
		briefing, formatTime(time.Now()), data).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestVersionsWrittenBeforeTheRecordStillLoadAndRestore(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, e := newBriefing(t, s)
	id := insertSnapshotRow(t, s, b.ID, strings.Replace(todaysSnapshot, "{excerpt}", itoa(e.ID), 1))
	snap, err := s.Snapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	got := snap.Briefing
	want := &domain.Briefing{ID: 1, Title: "Chip controls", Subtitle: "Sub", Author: "Ann", Audience: "The minister",
		Date: domain.Date{Year: 2024, Month: 5, Day: 11}, Scheme: domain.SchemeUS, Classification: "SECRET//REL", Status: domain.StatusReview,
		Summary: "Bottom line", Revision: 5,
		CreatedAt: time.Date(2026, 1, 2, 3, 4, 8, 0, time.UTC), UpdatedAt: time.Date(2026, 1, 2, 3, 4, 9, 5e8, time.UTC),
		Blocks: []*domain.Block{{ID: 1, Type: domain.BlockHeading, Text: "One", Marking: "U"},
			{ID: 2, Type: domain.BlockExcerpt, ExcerptID: e.ID, Marking: "C"},
			{ID: 3, Type: domain.BlockJudgment, Text: "Likely", Confidence: "moderate"}}}
	if got.Blocks[1].Excerpt == nil || got.Blocks[1].Excerpt.ID != e.ID {
		t.Fatalf("the version's excerpt is not resolved: %+v", got.Blocks[1].Excerpt)
	}
	got.Blocks[1].Excerpt = nil // the library's, not the version's
	if err := sameBriefing(got, want); err != "" {
		t.Fatal(err)
	}
	if _, err := s.RestoreSnapshot(ctx, b.ID, id); err != nil {
		t.Fatal(err)
	}
	now, _ := s.Briefing(ctx, b.ID)
	if now.Title != "Chip controls" || now.Summary != "Bottom line" || len(now.Blocks) != 3 || now.Blocks[2].Confidence != "moderate" {
		t.Fatalf("restored %+v", now)
	}
}

func TestVersionsAreWrittenWithTheirFormatAndReadBack(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, e := newBriefing(t, s)
	b.Date, b.Classification, b.Scale = domain.Date{Year: 2025, Month: 2, Day: 3}, "CUI", domain.ScalePHIA
	b.Blocks = []*domain.Block{{Type: domain.BlockExcerpt, ExcerptID: e.ID, Marking: "CUI"},
		{Type: domain.BlockJudgment, Text: "Likely", Confidence: "high",
			Evidence: []domain.Evidence{{ExcerptID: e.ID, Stance: domain.StanceContradicts, Note: "Old figures"}}}}
	if err := saveBriefing(ctx, s, b); err != nil {
		t.Fatal(err)
	}
	stored, _ := s.Briefing(ctx, b.ID)
	v, err := s.CreateSnapshot(ctx, b.ID, "now")
	if err != nil {
		t.Fatal(err)
	}
	var data string
	if err := s.rt().QueryRow(`SELECT data FROM snapshots WHERE id = ?`, v.ID).Scan(&data); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(data, `{"format":3,`) || !strings.Contains(data, `"scale":"phia"`) ||
		!strings.Contains(data, `"evidence":[{"excerpt":`+itoa(e.ID)+`,"stance":"contradicts","note":"Old figures"}]`) {
		t.Fatalf("stored as %s", data)
	}
	back, err := s.Snapshot(ctx, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, blk := range append(stored.Blocks, back.Briefing.Blocks...) {
		blk.Excerpt = nil // excerpts are the library's, not the version's
		for i := range blk.Evidence {
			blk.Evidence[i].Excerpt = nil
		}
	}
	if msg := sameBriefing(back.Briefing, stored); msg != "" {
		t.Fatal(msg)
	}
}

func TestAVersionFromANewerAttacheIsRefusedSayingSo(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, _ := newBriefing(t, s)
	id := insertSnapshotRow(t, s, b.ID, `{"format":4,"title":"From the future","blocks":{"new":"shape"}}`)
	_, err := s.Snapshot(ctx, id)
	wantCode(t, err, domain.EINVALID)
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "newer Attaché") || !strings.Contains(msg, "update") {
		t.Fatalf("message %q", msg)
	}
	if _, err := s.RestoreSnapshot(ctx, b.ID, id); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("restore: %v", err)
	}
	if now, _ := s.Briefing(ctx, b.ID); now.Title != "Chip controls" {
		t.Fatalf("the refused restore changed the briefing: %q", now.Title)
	}
}

// sameBriefing says how got differs from want ("" when it does not),
// times compared as instants.
func sameBriefing(got, want *domain.Briefing) string {
	g, w := *got, *want
	if !g.CreatedAt.Equal(w.CreatedAt) || !g.UpdatedAt.Equal(w.UpdatedAt) {
		return fmt.Sprintf("times %v %v, want %v %v", g.CreatedAt, g.UpdatedAt, w.CreatedAt, w.UpdatedAt)
	}
	g.CreatedAt, g.UpdatedAt = w.CreatedAt, w.UpdatedAt
	if !reflect.DeepEqual(g, w) {
		return fmt.Sprintf("got %+v %+v\nwant %+v %+v", g, g.Blocks, w, w.Blocks)
	}
	return ""
}

// A version saved before schemes reads as the migration read briefings:
// US when it carries any mark, its excerpts' included, else none.
func TestVersionsFromBeforeSchemesReadAsUSWhenMarked(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, plain := newBriefing(t, s)
	marked := &domain.Excerpt{SourceID: plain.SourceID, Quote: "Export controls alone", Marking: "C"}
	if err := s.CreateExcerpt(ctx, marked); err != nil {
		t.Fatal(err)
	}
	record := func(format string, excerpt int64, blockMark string) string {
		return `{` + format + `"id":1,"title":"Old","status":"draft","blocks":[{"id":1,"type":"excerpt","excerpt":` +
			itoa(excerpt) + blockMark + `}],"created_at":"2026-01-02T03:04:08Z","updated_at":"2026-01-02T03:04:08Z","revision":1}`
	}
	for _, c := range []struct {
		name string
		data string
		want domain.SchemeID
	}{
		{"no format, quoting a marked excerpt", record("", marked.ID, ""), domain.SchemeUS},
		{"format 1, quoting a marked excerpt", record(`"format":1,`, marked.ID, ""), domain.SchemeUS},
		{"format 1, a marked block", record(`"format":1,`, plain.ID, `,"marking":"U"`), domain.SchemeUS},
		{"format 1, nothing marked", record(`"format":1,`, plain.ID, ""), domain.SchemeNone},
		{"format 2 names its scheme", record(`"format":2,"scheme":"none",`, marked.ID, ""), domain.SchemeNone},
	} {
		id := insertSnapshotRow(t, s, b.ID, c.data)
		snap, err := s.Snapshot(ctx, id)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if snap.Briefing.Scheme != c.want {
			t.Errorf("%s: scheme %q, want %q", c.name, snap.Briefing.Scheme, c.want)
		}
	}
}
