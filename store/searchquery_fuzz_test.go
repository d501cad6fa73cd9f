package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/attache/attache/domain"
)

// oddText is a source text with what pasted material carries: a bidi
// override, a NUL, invalid UTF-8, a 10,000-character word, FTS5 syntax.
var oddText = "Payload \u202egnp.exe\u202c named in the report.\n\nA NUL\x00inside and caf\xe9 bytes.\n\n" +
	strings.Repeat("z", 10_000) + "\n\nNEAR(a b) AND OR NOT \"quoted\" col:umn * ^start"

// FuzzSearchQuery holds every search entry point to the promise that any
// text a user types is a valid query. FuzzSearch goes through Search only,
// which hides FTS5 syntax errors; here the sanitised query is also run as
// a bare MATCH, and the listings that filter by query (which do not hide
// errors) must agree with Search on what matches. Snippet highlights must
// lie inside their snippet.
func FuzzSearchQuery(f *testing.F) {
	for _, q := range hostileQueries {
		f.Add(q)
	}
	for _, q := range []string{
		"controls", "export controls", `"small yard"`, "semicond* -huawei", "vendors OR doctrine | fence", "gnp", "\u202egnp",
		"\u202e", "caf\xe9", "\xff\xfe", "NUL\x00inside", strings.Repeat("z", 10_000), strings.Repeat("a ", 200), strings.Repeat(`"`, 99),
		`col:umn`, `"NEAR(a b)"`, "-", "-controls", "controls -", "OR OR OR", `"" OR ""`, "**chips", "chips**", `"chips"*`,
		"\u0301", "e\u0301", "ﬁ", "İstanbul", "\ufeffchips", "\u2028chips\u2029", "chips\t\r\nfence", "\U0001F600 chips",
	} {
		f.Add(q)
	}
	ctx := context.Background()
	s, err := Open(ctx, f.TempDir()+"/fuzz.db")
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	a := &domain.Source{Title: "Chip controls", Text: chipsText, Authors: []string{"Jane Q. Analyst"}}
	b := &domain.Source{Title: "Vendors and 5G", Text: fiveGText}
	c := &domain.Source{Title: "Odd \u202etext", Text: oddText, Publisher: "NEAR(x) \u202e"}
	for _, src := range []*domain.Source{a, b, c} {
		if _, err := s.CreateSource(ctx, src); err != nil {
			f.Fatal(err)
		}
	}
	for _, e := range []*domain.Excerpt{
		{SourceID: a.ID, Quote: "small yard, high fence", Tags: []string{"doctrine"}},
		{SourceID: b.ID, Quote: "replacing equipment would cost billions", Note: "chips? -maybe"},
		{SourceID: c.ID, Quote: "\u202egnp.exe", Note: "bidi \u202e"},
	} {
		if err := s.CreateExcerpt(ctx, e); err != nil {
			f.Fatal(err)
		}
	}
	live := &domain.Briefing{Title: "Semiconductor outlook", Summary: "Tighter controls ahead for Huawei suppliers."}
	trashed := &domain.Briefing{Title: "Old chips note", Summary: "controls fence vendors"}
	for _, br := range []*domain.Briefing{live, trashed} {
		if err := s.CreateBriefing(ctx, br); err != nil {
			f.Fatal(err)
		}
	}
	if err := s.TrashBriefing(ctx, trashed.ID); err != nil {
		f.Fatal(err)
	}

	f.Fuzz(func(t *testing.T, q string) {
		match := ftsQuery(q)
		if strings.ContainsFunc(match, func(r rune) bool { return r == 0 }) {
			t.Fatalf("ftsQuery(%q) = %q holds a NUL", q, match)
		}
		if match != "" {
			err := s.view(ctx, func(tx *Tx) error {
				var n int
				return tx.QueryRowContext(ctx, `SELECT count(*) FROM search WHERE search MATCH ?`, match).Scan(&n)
			})
			if err != nil {
				t.Fatalf("ftsQuery(%q) = %q, which FTS5 refuses: %v", q, match, err)
			}
		}
		hits, err := s.Search(ctx, q, domain.SearchOptions{Limit: 1000})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if match == "" && len(hits) > 0 {
			t.Fatalf("Search(%q) found %d hits for a query with nothing searchable", q, len(hits))
		}
		byKind := map[domain.HitKind][]int64{}
		for _, h := range hits {
			checkHit(t, q, h)
			byKind[h.Kind] = append(byKind[h.Kind], h.ID)
		}
		if slices.Contains(byKind[domain.HitBriefing], trashed.ID) {
			t.Fatalf("Search(%q) found the trashed briefing", q)
		}
		if q == "" {
			return // an empty query is no filter at all for the listings
		}
		exs, err := s.Excerpts(ctx, domain.ExcerptFilter{Query: q})
		if err != nil {
			t.Fatalf("Excerpts(%q): %v", q, err)
		}
		srcs, err := s.Sources(ctx, domain.SourceFilter{Query: q})
		if err != nil {
			t.Fatalf("Sources(%q): %v", q, err)
		}
		brs, err := s.Briefings(ctx, domain.BriefingFilter{Query: q})
		if err != nil {
			t.Fatalf("Briefings(%q): %v", q, err)
		}
		sameIDs(t, q, "excerpts", byKind[domain.HitExcerpt], exs, func(e *domain.Excerpt) int64 { return e.ID })
		sameIDs(t, q, "sources", byKind[domain.HitSource], srcs, func(s *domain.Source) int64 { return s.ID })
		sameIDs(t, q, "briefings", byKind[domain.HitBriefing], brs, func(b *domain.BriefingSummary) int64 { return b.ID })
	})
}

func checkHit(t *testing.T, q string, h domain.SearchHit) {
	t.Helper()
	if h.ID <= 0 || (h.Kind != domain.HitSource && h.Kind != domain.HitExcerpt && h.Kind != domain.HitBriefing) {
		t.Fatalf("Search(%q): hit %+v", q, h)
	}
	if strings.Contains(h.Snippet, markOpen) || strings.Contains(h.Snippet, markClose) {
		t.Fatalf("Search(%q): snippet %q keeps a match marker", q, h.Snippet)
	}
	n, prev := utf8.RuneCountInString(h.Snippet), 0
	for _, sp := range h.Highlights {
		if sp.Start < prev || sp.Start >= sp.End || sp.End > n {
			t.Fatalf("Search(%q): highlights %v in a snippet of %d characters, %q", q, h.Highlights, n, h.Snippet)
		}
		prev = sp.End
	}
}

// sameIDs checks that a listing filtered by query holds what Search found
// of that kind; the library is small enough that Search returns every match.
func sameIDs[T any](t *testing.T, q, what string, hits []int64, list []T, id func(T) int64) {
	t.Helper()
	var got []int64
	for _, x := range list {
		got = append(got, id(x))
	}
	want := slices.Clone(hits)
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(want, got) {
		t.Fatalf("query %q: Search finds %s %v, the listing %v", q, what, want, got)
	}
}
