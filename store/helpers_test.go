package store

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

// Invented article text with the typographic features real sources have.
const chipsText = "Washington widened its export controls on advanced chips in October.\n\n" +
	"Officials called the approach a “small yard, high fence”—narrow but strict.\n\n" +
	"Allies’ firms worried about lost sales.\u00a0Allies’ firms also lobbied quietly.\n\n" +
	"Export controls alone cannot secure a lead in semiconductors."

const fiveGText = "Several governments excluded high-risk vendors from their 5G networks.\n\n" +
	"Operators warned that replacing equipment would cost billions and take years."

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), newLibrary(t))
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	s.SetClock(func() time.Time { clock = clock.Add(time.Second); return clock })
	t.Cleanup(func() { s.Close() })
	return s
}

func addSource(t *testing.T, s *Store, title, text string) *domain.Source {
	t.Helper()
	src := &domain.Source{Kind: domain.KindArticle, Title: title, Text: text, Authors: []string{"Jane Q. Analyst"}}
	if _, err := s.CreateSource(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	return src
}

func addExcerpt(t *testing.T, s *Store, sourceID int64, quote string, tags ...string) *domain.Excerpt {
	t.Helper()
	e := &domain.Excerpt{SourceID: sourceID, Quote: quote, Tags: tags}
	if err := s.CreateExcerpt(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	return e
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := domain.ErrorCode(err); got != code {
		t.Fatalf("error = %v (code %q), want code %q", err, got, code)
	}
}

// oldLibrary makes a library as a version of Attaché knowing migrations up
// to version upTo left it, and returns it open for adding rows.
func oldLibrary(t *testing.T, path string, upTo int) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	ms, _ := migrations()
	for _, m := range ms {
		if m.version > upTo {
			break
		}
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO schema_migrations VALUES (?, ?, 'x')`, m.version, m.name); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// saveBriefing saves b as the only writer would: edited from the
// library's copy as it is now.
func saveBriefing(ctx context.Context, s *Store, b *domain.Briefing) error {
	base, err := s.Briefing(ctx, b.ID)
	if err != nil {
		return err
	}
	_, err = s.SaveBriefing(ctx, base, b)
	return err
}
