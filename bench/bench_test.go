package bench

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/ingest"
	"github.com/attache/attache/store"
)

// seed fixes every generated article and excerpt.
const seed = 20260101

// fixtureVersion names the recipe of the cached libraries: change it when
// buildLibrary changes in a way the key below does not see.
const fixtureVersion = "v1"

// Fixture sizes.
const (
	importArticles    = 1000
	searchSources     = 2000
	excerptsPerSource = 50 // 2,000 × 50 = 100,000 excerpts
	listSources       = 10000
)

// searchQueries is the mix a searching analyst types: a common word, a rare
// word, a prefix, a phrase, two words and an OR.
var searchQueries = []struct{ name, q string }{
	{"common-word", "government"},
	{"rare-word", "pyrochlore"},
	{"prefix", "semicond*"},
	{"phrase", `"export controls"`},
	{"two-words", "subsea cables"},
	{"or", "quantum OR lithography"},
}

// ---- Fast tests of the generator: these are all plain `go test` runs. ----

func TestGenerateIsDeterministic(t *testing.T) {
	for i := range 20 {
		a, b := Generate(seed, i), Generate(seed, i)
		if !reflect.DeepEqual(a, b) || a.File() != b.File() {
			t.Fatalf("article %d differs between two runs", i)
		}
		if !reflect.DeepEqual(a.Excerpts(seed, i, 5), b.Excerpts(seed, i, 5)) {
			t.Fatalf("excerpts of article %d differ between two runs", i)
		}
	}
	// Articles are independent of the order they are generated in.
	if !reflect.DeepEqual(Articles(seed, 5)[4], Generate(seed, 4)) {
		t.Fatal("Articles(seed, 5)[4] != Generate(seed, 4)")
	}
	if Generate(seed, 0).File() == Generate(seed, 1).File() || Generate(seed, 0).File() == Generate(seed+1, 0).File() {
		t.Fatal("different indexes or seeds gave the same article")
	}
}

func TestGeneratedArticlesImportWithTheirMetadata(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 50
	}
	for i := range n {
		a := Generate(seed, i)
		src, rep, err := ingest.Import(a.FileName(i), strings.NewReader(a.File()), ingest.Options{})
		if err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
		got := want{src.Title, src.Section, src.Subtitle, src.Authors, src.Publisher, src.Published}
		exp := want{a.Title, a.Section, a.Subtitle, a.Authors, a.Publisher, a.Published}
		if len(exp.Authors) == 0 {
			exp.Authors = []string{}
		}
		if !reflect.DeepEqual(got, exp) {
			t.Fatalf("article %d imported as\n%+v\nwant\n%+v\nreport %+v\n%s", i, got, exp, rep, head(a.File(), 600))
		}
		if src.Kind != domain.KindArticle || src.FileName != a.FileName(i) {
			t.Fatalf("article %d: kind %q, file name %q", i, src.Kind, src.FileName)
		}
		if src.Text != a.Body() {
			t.Fatalf("article %d: imported text differs from the body:\n%s", i, head(src.Text, 600))
		}
		if len(rep.Warnings) > 0 {
			t.Fatalf("article %d: warnings %q", i, rep.Warnings)
		}
		body, sents, spans := a.Body(), slices.Concat(a.Paragraphs...), a.Sentences()
		if len(spans) != len(sents) {
			t.Fatalf("article %d: %d sentence spans for %d sentences", i, len(spans), len(sents))
		}
		for k, sp := range spans {
			if s, err := domain.RuneSpan(body, sp.Start, sp.End); err != nil || s != sents[k] {
				t.Fatalf("article %d sentence %d: span %v gives %q (%v)", i, k, sp, s, err)
			}
		}
	}
}

type want struct {
	Title, Section, Subtitle string
	Authors                  []string
	Publisher                string
	Published                domain.Date
}

func head(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// TestGeneratedVocabulary checks the articles are about 5 KB, carry the
// typographic characters real articles have, and that the search mix has
// both very common and rare words to find.
func TestGeneratedVocabulary(t *testing.T) {
	const n = 1000
	total := 0
	docs := map[string]int{}
	for i := range n {
		f := Generate(seed, i).File()
		total += len(f)
		lower := strings.ToLower(f)
		for _, w := range []string{"government", "pyrochlore", "semiconductor", "export controls", "’", "“", "”", "—"} {
			if strings.Contains(lower, w) {
				docs[w]++
			}
		}
	}
	if avg := total / n; avg < 4000 || avg > 6000 {
		t.Errorf("average article is %d bytes, want about 5 KB", avg)
	}
	for _, w := range []string{"’", "“", "”", "—"} {
		if docs[w] < n/2 {
			t.Errorf("%q is in only %d of %d articles", w, docs[w], n)
		}
	}
	if docs["government"] < n/2 {
		t.Errorf("common word in only %d of %d articles", docs["government"], n)
	}
	if docs["pyrochlore"] == 0 || docs["pyrochlore"] > n/50 {
		t.Errorf("rare word in %d of %d articles", docs["pyrochlore"], n)
	}
	if docs["semiconductor"] == 0 || docs["export controls"] == 0 {
		t.Errorf("prefix or phrase target missing: %v", docs)
	}
}

// TestSmallLibrary runs the fixture builder and every benchmark operation on
// a tiny library, so `go test` checks the harness without the heavy build.
func TestSmallLibrary(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	if err := buildLibrary(ctx, path, 0, 20, 5, io.Discard); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srcs, err := st.Sources(ctx, domain.SourceFilter{Sort: "title"})
	if err != nil || len(srcs) != 20 {
		t.Fatalf("Sources: %d, %v", len(srcs), err)
	}
	exs, err := st.Excerpts(ctx, domain.ExcerptFilter{})
	if err != nil || len(exs) != 100 {
		t.Fatalf("Excerpts: %d, %v", len(exs), err)
	}
	for _, q := range searchQueries {
		if _, err := st.Search(ctx, q.q, domain.SearchOptions{}); err != nil {
			t.Fatalf("Search(%q): %v", q.q, err)
		}
	}
	hits, err := st.Search(ctx, "government", domain.SearchOptions{})
	if err != nil || len(hits) == 0 {
		t.Fatalf("Search(government): %d hits, %v", len(hits), err)
	}
}

// ---- Fixtures ----

// buildLibrary adds articles first … first+n-1 to the library at path, each
// imported through ingest and stored with CreateSource, then perSource
// excerpts of each with CreateExcerpt (by offsets, as the reader does).
func buildLibrary(ctx context.Context, path string, first, n, perSource int, progress io.Writer) error {
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	// A fixed clock makes "imported" order and every timestamp repeatable.
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(first) * time.Minute)
	st.SetClock(func() time.Time { clock = clock.Add(time.Second); return clock })
	start := time.Now()
	for i := first; i < first+n; i++ {
		a := Generate(seed, i)
		src, _, err := ingest.Import(a.FileName(i), strings.NewReader(a.File()), ingest.Options{})
		if err != nil {
			st.Close()
			return fmt.Errorf("import article %d: %w", i, err)
		}
		if src.Text != a.Body() {
			st.Close()
			return fmt.Errorf("article %d: imported text is not the generated body", i)
		}
		if existing, err := st.CreateSource(ctx, src); err != nil || existing {
			st.Close()
			return fmt.Errorf("store article %d (existing %v): %w", i, existing, err)
		}
		for _, e := range a.Excerpts(seed, i, perSource) {
			e.SourceID = src.ID
			if err := st.CreateExcerpt(ctx, e); err != nil {
				st.Close()
				return fmt.Errorf("excerpt of article %d: %w", i, err)
			}
		}
		if done := i - first + 1; done%max(n/4, 1) == 0 {
			fmt.Fprintf(progress, "bench:   %d/%d sources, %d excerpts, %s\n", done, n, done*perSource, time.Since(start).Round(time.Second))
		}
	}
	return st.Close()
}

// cacheKey changes whenever the generated text, the schema or the recipe
// does, so a stale cached library is never used.
func cacheKey() string {
	h := sha256.New()
	fmt.Fprintln(h, fixtureVersion, seed)
	for i := range 5 {
		a := Generate(seed, i)
		io.WriteString(h, a.File())
		for _, e := range a.Excerpts(seed, i, 3) {
			fmt.Fprintf(h, "%+v\n", *e)
		}
	}
	// The tests run in bench/, so the schema is next door.
	migs, _ := filepath.Glob(filepath.Join("..", "store", "migrations", "*.sql"))
	for _, m := range migs {
		b, _ := os.ReadFile(m)
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

var cacheKeyOnce = sync.OnceValue(cacheKey)

func cacheDir() string {
	if d := os.Getenv("ATTACHE_BENCH_CACHE"); d != "" {
		return d
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "attache-bench")
	}
	return filepath.Join(os.TempDir(), "attache-bench")
}

// cached returns the cached library name, building it with build (given a
// path to write) when it is missing. The file appears only once complete.
func cached(name string, build func(path string) error) (string, error) {
	dir := cacheDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, name+"-"+cacheKeyOnce()+".db")
	if _, err := os.Stat(path); err == nil {
		fmt.Fprintf(os.Stderr, "bench: using cached %s\n", path)
		return path, nil
	}
	tmp := fmt.Sprintf("%s.tmp%d", path, os.Getpid())
	defer os.Remove(tmp)
	start := time.Now()
	fmt.Fprintf(os.Stderr, "bench: building %s\n", path)
	if err := build(tmp); err != nil {
		return "", err
	}
	fmt.Fprintf(os.Stderr, "bench: built %s in %s\n", name, time.Since(start).Round(100*time.Millisecond))
	return path, os.Rename(tmp, path)
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// searchLibraryFile is 2,000 sources with 50 excerpts each.
var searchLibraryFile = sync.OnceValues(func() (string, error) {
	return cached(fmt.Sprintf("search-%dx%d", searchSources, excerptsPerSource), func(path string) error {
		return buildLibrary(context.Background(), path, 0, searchSources, excerptsPerSource, os.Stderr)
	})
})

// listLibraryFile is the search library plus 8,000 sources without
// excerpts: 10,000 sources, 100,000 excerpts.
var listLibraryFile = sync.OnceValues(func() (string, error) {
	base, err := searchLibraryFile()
	if err != nil {
		return "", err
	}
	return cached(fmt.Sprintf("list-%d", listSources), func(path string) error {
		if err := copyFile(path, base); err != nil {
			return err
		}
		return buildLibrary(context.Background(), path, searchSources, listSources-searchSources, 0, os.Stderr)
	})
})

// scratch is where benchmarks open copies of the cached libraries, so a
// benchmark can never change the cache.
var scratch = sync.OnceValues(func() (string, error) { return os.MkdirTemp("", "attache-bench-") })

func TestMain(m *testing.M) {
	flag.Parse()
	removeScratch := func() {
		if dir, err := scratch(); err == nil {
			os.RemoveAll(dir)
		}
	}
	stopTeamOnExit(removeScratch)
	code := m.Run()
	if err := stopTeamServer(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		code = 1
	}
	removeScratch()
	os.Exit(code)
}

// openCopy opens a private copy of a cached library, once per process.
func openCopy(file func() (string, error)) func() (*store.Store, error) {
	return sync.OnceValues(func() (*store.Store, error) {
		src, err := file()
		if err != nil {
			return nil, err
		}
		dir, err := scratch()
		if err != nil {
			return nil, err
		}
		dst := filepath.Join(dir, filepath.Base(src))
		if err := copyFile(dst, src); err != nil {
			return nil, err
		}
		return store.Open(context.Background(), dst)
	})
}

var (
	searchLibrary = openCopy(searchLibraryFile)
	listLibrary   = openCopy(listLibraryFile)
)

func heavy(b *testing.B) {
	b.Helper()
	if testing.Short() {
		b.Skip("heavy benchmark: skipped with -short")
	}
}

// ---- Benchmarks ----

// BenchmarkImport1000Articles imports 1,000 generated articles (≈5 MB)
// through ingest.Import and CreateSource, one transaction each, into a new
// library file. One op is the whole batch; target ≤ 1 s.
func BenchmarkImport1000Articles(b *testing.B) {
	heavy(b)
	ctx := context.Background()
	files, size := importFiles()
	b.SetBytes(size)
	b.ReportAllocs()
	var t importTimes
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		dir, err := os.MkdirTemp("", "attache-import-")
		if err != nil {
			b.Fatal(err)
		}
		st, err := store.Open(ctx, filepath.Join(dir, "library.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		importInto(ctx, b, st, files, &t)
		b.StopTimer()
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		os.RemoveAll(dir)
		b.StartTimer()
	}
	t.report(b)
}

// importTimes adds up an import benchmark's time in ingest and in the
// store, and the process's CPU time, over its ops.
type importTimes struct{ ingest, store, cpu time.Duration }

// importInto imports files into st, one transaction each, as the import
// benchmarks on either database measure it.
func importInto(ctx context.Context, b *testing.B, st *store.Store, files []importFile, t *importTimes) {
	c0 := cpuTime()
	for _, f := range files {
		t0 := time.Now()
		src, _, err := ingest.Import(f.name, bytes.NewReader(f.data), ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := st.CreateSource(ctx, src); err != nil {
			b.Fatal(err)
		}
		t.ingest += t1.Sub(t0)
		t.store += time.Since(t1)
	}
	t.cpu += cpuTime() - c0
}

// report gives the import's figures per op.
func (t importTimes) report(b *testing.B) {
	b.ReportMetric(float64(t.ingest.Milliseconds())/float64(b.N), "ingest-ms/op")
	b.ReportMetric(float64(t.store.Milliseconds())/float64(b.N), "store-ms/op")
	b.ReportMetric(float64(importArticles)*float64(b.N)/(t.ingest+t.store).Seconds(), "articles/s")
	reportCPU(b, t.cpu)
}

// BenchmarkSearch100kExcerpts runs the query mix round-robin over a library
// of 100,000 excerpts from 2,000 sources and reports latency percentiles of
// store.Search (default options: all kinds, 50 hits). Target p95 ≤ 8 ms,
// and ≤ 12 ms for the phrase alone.
func BenchmarkSearch100kExcerpts(b *testing.B) {
	heavy(b)
	st := mustLibrary(b, searchLibrary)
	queries := make([]string, len(searchQueries))
	for i, q := range searchQueries {
		queries[i] = q.q
	}
	runSearch(b, st, queries)
}

// BenchmarkSearch100kExcerptsByQuery breaks the mix down by query.
func BenchmarkSearch100kExcerptsByQuery(b *testing.B) {
	heavy(b)
	st := mustLibrary(b, searchLibrary)
	for _, q := range searchQueries {
		b.Run(q.name, func(b *testing.B) { runSearch(b, st, []string{q.q}) })
	}
}

func runSearch(b *testing.B, st *store.Store, queries []string) {
	ctx := context.Background()
	hits := 0
	for _, q := range queries { // warm the cache; every query must find something
		h, err := st.Search(ctx, q, domain.SearchOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(h) == 0 {
			b.Fatalf("Search(%q) found nothing", q)
		}
		hits += len(h)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for i := range b.N {
		t0 := time.Now()
		if _, err := st.Search(ctx, queries[i%len(queries)], domain.SearchOptions{}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	cpu := cpuTime() - c0
	b.StopTimer()
	reportPercentiles(b, lat)
	reportCPU(b, cpu)
	b.ReportMetric(float64(hits)/float64(len(queries)), "hits/query")
}

// BenchmarkListSources10k lists all 10,000 sources in the default order
// (imported) from a library that also holds 100,000 excerpts. Target p50
// ≤ 30 ms.
func BenchmarkListSources10k(b *testing.B) {
	heavy(b)
	runList(b, domain.SourceFilter{})
}

// BenchmarkListSources10kByTitle is the same listing sorted by title.
func BenchmarkListSources10kByTitle(b *testing.B) {
	heavy(b)
	runList(b, domain.SourceFilter{Sort: "title"})
}

// BenchmarkListSources10kFirstPage lists only the first 100 sources by
// title, as a paged list view would: the gap to the full listing shows how
// much of its cost is per row returned.
func BenchmarkListSources10kFirstPage(b *testing.B) {
	heavy(b)
	runList(b, domain.SourceFilter{Sort: "title", Limit: 100})
}

func runList(b *testing.B, f domain.SourceFilter) {
	runListOn(b, mustLibrary(b, listLibrary), f)
}

// runListOn lists the sources of st, a library of listSources sources.
func runListOn(b *testing.B, st *store.Store, f domain.SourceFilter) {
	ctx := context.Background()
	list, err := st.Sources(ctx, f)
	if err != nil {
		b.Fatal(err)
	}
	want := listSources
	if f.Limit > 0 {
		want = min(want, f.Limit)
	}
	if len(list) != want {
		b.Fatalf("listed %d sources, want %d", len(list), want)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for range b.N {
		t0 := time.Now()
		if _, err := st.Sources(ctx, f); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	cpu := cpuTime() - c0
	b.StopTimer()
	reportPercentiles(b, lat)
	reportCPU(b, cpu)
}

func mustLibrary(b *testing.B, lib func() (*store.Store, error)) *store.Store {
	b.Helper()
	st, err := lib()
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// reportPercentiles reports nearest-rank p50, p95 and p99 in milliseconds.
func reportPercentiles(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	for _, p := range []float64{50, 95, 99} {
		k := max(int(math.Ceil(p/100*float64(len(lat))))-1, 0)
		b.ReportMetric(float64(lat[k].Microseconds())/1000, fmt.Sprintf("p%.0f-ms", p))
	}
}

// reportCPU reports the process CPU time per op: on a machine shared with
// other work it shows what the operation itself costs.
func reportCPU(b *testing.B, cpu time.Duration) {
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}
