package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/attache/attache/domain"
)

func searchFixture(t *testing.T) *Store {
	t.Helper()
	s := openTest(t)
	a := addSource(t, s, "Chip controls", chipsText)
	b := addSource(t, s, "Vendors and 5G", fiveGText)
	addExcerpt(t, s, a.ID, "small yard, high fence", "doctrine")
	addExcerpt(t, s, b.ID, "replacing equipment would cost billions")
	br := &domain.Briefing{Title: "Semiconductor outlook", Summary: "Tighter controls ahead for Huawei suppliers."}
	if err := s.CreateBriefing(context.Background(), br); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSearchWordsPrefixesPhrasesAndRanking(t *testing.T) {
	s := searchFixture(t)
	ctx := context.Background()
	count := func(q string, kinds ...domain.HitKind) []domain.SearchHit {
		t.Helper()
		hits, err := s.Search(ctx, q, domain.SearchOptions{Kinds: kinds})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		return hits
	}
	if hits := count("semicond*"); len(hits) != 2 {
		t.Fatalf("prefix: %+v", hits)
	}
	if hits := count(`"high fence"`); len(hits) != 2 { // the source and its excerpt
		t.Fatalf("phrase: %+v", hits)
	}
	if hits := count(`"fence high"`); len(hits) != 0 {
		t.Fatalf("phrase order ignored: %+v", hits)
	}
	if hits := count("billions", domain.HitExcerpt); len(hits) != 1 || hits[0].Title != "Vendors and 5G" {
		t.Fatalf("kind filter: %+v", hits)
	}
	if hits := count("controls -huawei", domain.HitBriefing); len(hits) != 0 {
		t.Fatalf("exclusion: %+v", hits)
	}
	if hits := count("vendors OR doctrine"); len(hits) != 3 { // an excerpt's source title counts
		t.Fatalf("OR: %+v", hits)
	}
	if hits := count("control"); len(hits) < 2 { // stemming: control ~ controls
		t.Fatalf("stemming: %+v", hits)
	}
	hits := count("fence")
	for _, h := range hits {
		if len(h.Highlights) == 0 {
			t.Fatalf("no highlight in %+v", h)
		}
		sn := []rune(h.Snippet)
		if got := string(sn[h.Highlights[0].Start:h.Highlights[0].End]); got != "fence" {
			t.Fatalf("highlight covers %q", got)
		}
	}
}

func TestSearchNeverFailsOnWhatUsersType(t *testing.T) {
	s := searchFixture(t)
	ctx := context.Background()
	for _, q := range hostileQueries {
		if _, err := s.Search(ctx, q, domain.SearchOptions{}); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
		if _, err := s.Excerpts(ctx, domain.ExcerptFilter{Query: q}); err != nil {
			t.Errorf("Excerpts(%q): %v", q, err)
		}
		if _, err := s.Sources(ctx, domain.SourceFilter{Query: q}); err != nil {
			t.Errorf("Sources(%q): %v", q, err)
		}
	}
}

var hostileQueries = []string{
	"", " ", `"`, `"unbalanced`, `AND(`, `*`, `**`, `OR`, `NOT`, `-`, `--`, `a OR`, `OR b`,
	`'; DROP TABLE sources; --`, `title:chips`, `NEAR(a b)`, `^start`, `(`, `)`, `{}`,
	`chip* "high fence" -vendor OR 5g`, `"*"`, `""`, `" "`, "\x00", "\u00a0", "—", "中文 搜索",
	`a AND OR NOT b`, `+chips`, `chips:`, `"a""b"`, `-"high fence"`, `\`, `%_`,
}

func FuzzSearch(f *testing.F) {
	for _, q := range hostileQueries {
		f.Add(q)
	}
	s, err := Open(context.Background(), f.TempDir()+"/fuzz.db")
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateSource(context.Background(), &domain.Source{Title: "t", Text: chipsText}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.Search(context.Background(), q, domain.SearchOptions{}); err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
	})
}

// TestSearchRanksAsTheIndexRankSetting checks Search orders and scores hits
// exactly as the index's own rank setting does (bm25Rank names its weights).
func TestSearchRanksAsTheIndexRankSetting(t *testing.T) {
	sqliteOnly(t)
	s := searchFixture(t)
	ctx := context.Background()
	for _, q := range []string{"controls", "fence OR vendors", `"high fence"`, "semicond*"} {
		hits, err := s.Search(ctx, q, domain.SearchOptions{})
		if err != nil || len(hits) == 0 {
			t.Fatalf("Search(%q): %d hits, %v", q, len(hits), err)
		}
		rows, err := s.rt().QueryContext(ctx, `SELECT rowid, rank FROM search WHERE search MATCH ? ORDER BY rank, rowid`, ftsQuery(q))
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for rows.Next() {
			var rowid int64
			var rank float64
			if err := rows.Scan(&rowid, &rank); err != nil {
				t.Fatal(err)
			}
			want = append(want, fmt.Sprintf("%s %d %.6f", hitKind(rowid), rowid/4, rank))
		}
		rows.Close()
		var got []string
		for _, h := range hits {
			got = append(got, fmt.Sprintf("%s %d %.6f", h.Kind, h.ID, h.Rank))
		}
		slices.Sort(got) // ties may come in either order
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("Search(%q) =\n%v\nthe index ranks\n%v", q, got, want)
		}
		for i := 1; i < len(hits); i++ {
			if hits[i].Rank < hits[i-1].Rank {
				t.Fatalf("Search(%q): hit %d ranks before a better one: %+v", q, i, hits)
			}
		}
	}
}
