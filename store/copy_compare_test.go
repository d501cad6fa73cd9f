package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// libraryView is everything the store's readers give of a library, as
// JSON by what was asked: two libraries with equal views are the same
// library to the app, the command line and every export.
type libraryView map[string]string

// viewLibrary reads s through its public API: every briefing's bundle,
// versions and dismissals; every source, its file and checks; every
// excerpt and its marking history; the listings, the trash, tags,
// concerns, the default scheme and what search finds.
func viewLibrary(t *testing.T, s *Store) libraryView {
	t.Helper()
	ctx := context.Background()
	v := libraryView{}
	put := func(key string, val any, err error) {
		if err != nil {
			val = "error: " + domain.ErrorMessage(err)
		}
		b, jerr := json.Marshal(val)
		if jerr != nil {
			t.Fatalf("%s: %v", key, jerr)
		}
		v[key] = string(b)
	}
	for _, trashed := range []bool{false, true} {
		list, err := s.Briefings(ctx, domain.BriefingFilter{Trashed: trashed})
		put(fmt.Sprint("briefings, trash ", trashed), list, err)
		list2, err := s.Sources(ctx, domain.SourceFilter{Trashed: trashed})
		put(fmt.Sprint("sources, trash ", trashed), list2, err)
		list3, err := s.Excerpts(ctx, domain.ExcerptFilter{Trashed: trashed})
		put(fmt.Sprint("excerpts, trash ", trashed), list3, err)
	}
	for _, id := range allIDs(t, s, "briefings") {
		viewBriefing(s, id, put)
	}
	for _, id := range allIDs(t, s, "sources") {
		src, err := s.Source(ctx, id)
		put(fmt.Sprint("source ", id), src, err)
		if err == nil { // JSON writes bytes that are not UTF-8 as U+FFFD
			put(fmt.Sprint("source ", id, " location"), []byte(src.Location), nil)
		}
		f, err := s.SourceFile(ctx, id)
		put(fmt.Sprint("source ", id, " file"), f, err)
		checks, err := s.SourceChecks(ctx, id)
		put(fmt.Sprint("source ", id, " checks"), checks, err)
	}
	for _, id := range allIDs(t, s, "excerpts") {
		e, err := s.Excerpt(ctx, id)
		put(fmt.Sprint("excerpt ", id), e, err)
		h, err := s.MarkingHistory(ctx, id)
		put(fmt.Sprint("excerpt ", id, " marking history"), h, err)
	}
	tags, err := s.Tags(ctx)
	put("tags", tags, err)
	concerns, err := s.SourceConcerns(ctx)
	put("concerns", concerns, err)
	risks, err := s.BriefingsAtRisk(ctx)
	put("briefings at risk", risks, err)
	scheme, err := s.DefaultScheme(ctx)
	put("default scheme", scheme, err)
	for _, q := range []string{"yard", "billions", "controls", "quarter", "outlook"} {
		put("search "+q, foundIDs(t, s, q), nil)
	}
	return v
}

// viewBriefing adds a briefing's bundle, versions and dismissals.
func viewBriefing(s *Store, id int64, put func(string, any, error)) {
	ctx := context.Background()
	b, err := s.Bundle(ctx, id)
	put(fmt.Sprint("briefing ", id, " bundle"), b, err)
	d, err := s.Dismissals(ctx, id)
	put(fmt.Sprint("briefing ", id, " dismissals"), d, err)
	versions, err := s.Snapshots(ctx, id)
	put(fmt.Sprint("briefing ", id, " versions"), versions, err)
	for _, sn := range versions {
		full, err := s.Snapshot(ctx, sn.ID)
		put(fmt.Sprint("version ", sn.ID), full, err)
	}
}

// allIDs is every id of the table, trash included, straight from it.
func allIDs(t *testing.T, s *Store, table string) []int64 {
	t.Helper()
	rows, err := s.rt().Query(`SELECT id FROM ` + table + ` ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

// foundIDs is what a search finds, by kind and id, in order of kind and
// id: the two databases rank differently (bm25, ts_rank), and find alike.
func foundIDs(t *testing.T, s *Store, q string) []string {
	t.Helper()
	hits, err := s.Search(context.Background(), q, domain.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range hits {
		out = append(out, fmt.Sprintf("%s %d", h.Kind, h.ID))
	}
	sort.Strings(out)
	return out
}

// sameView fails the test for every key whose value differs.
func sameView(t *testing.T, what string, want, got libraryView) {
	t.Helper()
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range slices.Compact(keys) {
		if want[k] != got[k] {
			t.Errorf("%s: %s differs:\nwant %s\ngot  %s", what, k, clipText(want[k]), clipText(got[k]))
		}
	}
}

func clipText(s string) string {
	if len(s) > 1500 {
		return s[:1500] + "…"
	}
	return strings.TrimSpace(s)
}

// highestEver is the highest number the table of s has ever handed
// out, deleted rows' included.
func highestEver(t *testing.T, s *Store, table string) int64 {
	t.Helper()
	var top, seq int64
	if err := s.rt().QueryRow(`SELECT coalesce(max(id), 0) FROM ` + table).Scan(&top); err != nil {
		t.Fatal(err)
	}
	if err := s.rt().QueryRow(`SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = ?`, table).Scan(&seq); err != nil {
		t.Fatal(err)
	}
	return max(top, seq)
}
