package bench

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/pgtest"
	"github.com/attache/attache/store"
)

// The team library's twins of the import, search and listing benchmarks:
// the same fixtures, built by the same buildLibrary through store.Open on
// a postgres:// address, on a throwaway server of internal/pgtest, and the
// same metrics. Targets (issue: team library): search p95 ≤ 20 ms on
// 100,000 excerpts, import of 1,000 articles ≤ 3 s, listing 10,000 sources
// ≤ 50 ms.
//
// One server serves the whole test binary: started by the first benchmark
// that needs it and stopped by TestMain, or on SIGINT/SIGTERM, or just
// before go test's -timeout would kill the binary (see stopTeamOnExit). A
// machine without the server programs fails these benchmarks with
// pgtest's message, which says how to get them; they never skip.
//
// The fixtures cannot be cached between runs as the SQLite files are (the
// cluster goes with the server), so each run builds them once: about as
// long as building the SQLite ones (see bench/run.sh). After the build the
// fixture is vacuumed and analysed, the state autovacuum leaves a library
// in within a minute of a bulk load; the benchmarks then measure that
// steady state rather than a GIN index's pending list.
//
// Caveats of the test server, which the figures carry: it runs on this
// machine (no network round trip but loopback), with fsync and
// synchronous_commit off and 32 MB of shared buffers.

var (
	teamMu      sync.Mutex
	teamSrv     *pgtest.Server
	teamErr     error
	teamStarted bool
	teamStores  []*store.Store // opened by the benchmarks, closed before Stop
)

// teamServer returns the binary's server, starting it on first use. A
// failed start is remembered: every later caller fails with its message.
func teamServer() (*pgtest.Server, error) {
	teamMu.Lock()
	defer teamMu.Unlock()
	if !teamStarted {
		teamStarted = true
		start := time.Now()
		teamSrv, teamErr = pgtest.Start(context.Background())
		if teamErr == nil {
			fmt.Fprintf(os.Stderr, "bench: PostgreSQL test server started in %s\n", time.Since(start).Round(100*time.Millisecond))
		}
	}
	return teamSrv, teamErr
}

// mustTeamServer is teamServer for a benchmark or test, failing it (never
// skipping it) without a server.
func mustTeamServer(tb testing.TB) *pgtest.Server {
	tb.Helper()
	srv, err := teamServer()
	if err != nil {
		tb.Fatal(err)
	}
	return srv
}

// stopTeamServer closes the stores the benchmarks opened and stops the
// server, if one was started. It may be called more than once.
func stopTeamServer() error {
	teamMu.Lock()
	defer teamMu.Unlock()
	for _, st := range teamStores {
		_ = st.Close()
	}
	teamStores = nil
	if teamSrv == nil {
		return nil
	}
	return teamSrv.Stop()
}

// stopTeamOnExit stops the server (and removes the scratch folder) when
// the binary is told to quit, and shortly before go test's -timeout would
// kill it: that panic runs no deferred code, and Pdeathsig would end the
// server but leave its folder in the temporary folder. Call it from
// TestMain after flag.Parse.
func stopTeamOnExit(cleanup func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		s := <-sigs
		fmt.Fprintf(os.Stderr, "bench: %v: stopping the PostgreSQL test server\n", s)
		if err := stopTeamServer(); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
		cleanup()
		os.Exit(2)
	}()
	if f := flag.Lookup("test.timeout"); f != nil {
		if g, ok := f.Value.(flag.Getter); ok {
			if d, ok := g.Get().(time.Duration); ok && d > 0 {
				margin := min(d/10, time.Minute)
				time.AfterFunc(d-margin, func() {
					fmt.Fprintf(os.Stderr, "bench: -timeout %v is near: stopping the PostgreSQL test server\n", d)
					if err := stopTeamServer(); err != nil {
						fmt.Fprintln(os.Stderr, err)
					}
					cleanup()
				})
			}
		}
	}
}

// adminExec runs one statement in the server's postgres database.
func adminExec(ctx context.Context, srv *pgtest.Server, db, sql string) error {
	conn, err := pgx.Connect(ctx, srv.URL(db))
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql)
	return err
}

// copyDB makes database dst a copy of src (CREATE DATABASE … TEMPLATE), as
// copyFile does for a library file. Nothing may be connected to src.
func copyDB(ctx context.Context, srv *pgtest.Server, dst, src string) (string, error) {
	start := time.Now()
	q := fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s", pgx.Identifier{dst}.Sanitize(), pgx.Identifier{src}.Sanitize())
	if err := adminExec(ctx, srv, "postgres", q); err != nil {
		return "", fmt.Errorf("copy database %s to %s: %w", src, dst, err)
	}
	fmt.Fprintf(os.Stderr, "bench: copied database %s to %s in %s\n", src, dst, time.Since(start).Round(100*time.Millisecond))
	return srv.URL(dst), nil
}

// settle vacuums and analyses a freshly built fixture (see the top).
func settle(ctx context.Context, url string) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, "VACUUM (ANALYZE)")
	return err
}

// buildTeam builds a fixture database with build, timed and settled.
func buildTeam(name string, build func(ctx context.Context, url string) error) (string, error) {
	ctx := context.Background()
	srv, err := teamServer()
	if err != nil {
		return "", err
	}
	start := time.Now()
	fmt.Fprintf(os.Stderr, "bench: building team library %s\n", name)
	url, err := srv.CreateDB(ctx, name)
	if err != nil {
		return "", err
	}
	if err := build(ctx, url); err != nil {
		return "", fmt.Errorf("build team library %s: %w", name, err)
	}
	if err := settle(ctx, url); err != nil {
		return "", fmt.Errorf("vacuum team library %s: %w", name, err)
	}
	fmt.Fprintf(os.Stderr, "bench: built team library %s in %s\n", name, time.Since(start).Round(100*time.Millisecond))
	return url, nil
}

// teamSearchFixture is the search library, 2,000 sources × 50 excerpts, as
// a database no benchmark opens: each opens a copy (see openTeamCopy).
var teamSearchFixture = sync.OnceValues(func() (string, error) {
	return buildTeam("fixture_search", func(ctx context.Context, url string) error {
		return buildLibrary(ctx, url, 0, searchSources, excerptsPerSource, os.Stderr)
	})
})

// teamListFixture is the search library plus 8,000 sources without
// excerpts, as listLibraryFile.
var teamListFixture = sync.OnceValues(func() (string, error) {
	if _, err := teamSearchFixture(); err != nil {
		return "", err
	}
	return buildTeam("fixture_list", func(ctx context.Context, _ string) error {
		srv, err := teamServer()
		if err != nil {
			return err
		}
		// buildTeam made the database empty; it becomes the copy.
		if err := srv.DropDB(ctx, "fixture_list"); err != nil {
			return err
		}
		url, err := copyDB(ctx, srv, "fixture_list", "fixture_search")
		if err != nil {
			return err
		}
		return buildLibrary(ctx, url, searchSources, listSources-searchSources, 0, os.Stderr)
	})
})

// openTeamCopy opens a copy of a fixture database, once per process.
func openTeamCopy(name string, fixture func() (string, error)) func() (*store.Store, error) {
	return sync.OnceValues(func() (*store.Store, error) {
		if _, err := fixture(); err != nil {
			return nil, err
		}
		srv, err := teamServer()
		if err != nil {
			return nil, err
		}
		ctx := context.Background()
		url, err := copyDB(ctx, srv, name, "fixture_"+name)
		if err != nil {
			return nil, err
		}
		st, err := store.Open(ctx, url)
		if err != nil {
			return nil, err
		}
		teamMu.Lock()
		teamStores = append(teamStores, st)
		teamMu.Unlock()
		return st, nil
	})
}

var (
	teamSearchLibrary = openTeamCopy("search", teamSearchFixture)
	teamListLibrary   = openTeamCopy("list", teamListFixture)
)

// TestSmallTeamLibrary runs the fixture builder and every benchmark
// operation on a tiny team library, as TestSmallLibrary does on a file, so
// `go test` checks the team harness without the heavy build.
func TestSmallTeamLibrary(t *testing.T) {
	ctx := context.Background()
	srv := mustTeamServer(t)
	url, err := srv.CreateDB(ctx, "small")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.DropDB(ctx, "small")
	if err := buildLibrary(ctx, url, 0, 20, 5, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := settle(ctx, url); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, c := range []struct {
		f    domain.SourceFilter
		want int
	}{{domain.SourceFilter{}, 20}, {domain.SourceFilter{Sort: "title"}, 20}, {domain.SourceFilter{Sort: "title", Limit: 10}, 10}} {
		if srcs, err := st.Sources(ctx, c.f); err != nil || len(srcs) != c.want {
			t.Fatalf("Sources(%+v): %d, %v; want %d", c.f, len(srcs), err, c.want)
		}
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
	// The same library in a file finds the same things, in the same
	// numbers: the fixtures are the same on both.
	path := t.TempDir() + "/small.db"
	if err := buildLibrary(ctx, path, 0, 20, 5, io.Discard); err != nil {
		t.Fatal(err)
	}
	fst, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer fst.Close()
	fsrcs, err1 := fst.Sources(ctx, domain.SourceFilter{Sort: "title"})
	tsrcs, err2 := st.Sources(ctx, domain.SourceFilter{Sort: "title"})
	if err := errors.Join(err1, err2); err != nil || len(fsrcs) != len(tsrcs) {
		t.Fatalf("file lists %d sources, team %d: %v", len(fsrcs), len(tsrcs), err)
	}
	for i := range fsrcs {
		if fsrcs[i].ID != tsrcs[i].ID || fsrcs[i].Title != tsrcs[i].Title || fsrcs[i].ExcerptCount != tsrcs[i].ExcerptCount {
			t.Fatalf("source %d by title: file %d %q (%d excerpts), team %d %q (%d)", i, fsrcs[i].ID, fsrcs[i].Title,
				fsrcs[i].ExcerptCount, tsrcs[i].ID, tsrcs[i].Title, tsrcs[i].ExcerptCount)
		}
	}
}

// ---- Benchmarks ----

// BenchmarkPGImport1000Articles is BenchmarkImport1000Articles on a team
// library: each op imports the 1,000 articles, one transaction each, into
// a new database. Target ≤ 3 s.
func BenchmarkPGImport1000Articles(b *testing.B) {
	heavy(b)
	srv := mustTeamServer(b)
	ctx := context.Background()
	files, size := importFiles()
	b.SetBytes(size)
	b.ReportAllocs()
	var t importTimes
	var serverCPU time.Duration
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		name := fmt.Sprintf("import_%d", i)
		url, err := srv.CreateDB(ctx, name)
		if err != nil {
			b.Fatal(err)
		}
		st, err := store.Open(ctx, url)
		if err != nil {
			b.Fatal(err)
		}
		sc0 := serverCPUTime(ctx, st)
		b.StartTimer()
		importInto(ctx, b, st, files, &t)
		b.StopTimer()
		serverCPU += serverCPUTime(ctx, st) - sc0
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		if err := srv.DropDB(ctx, name); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	t.report(b)
	reportServerCPU(b, serverCPU)
}

// BenchmarkPGSearch100kExcerpts is BenchmarkSearch100kExcerpts on a team
// library. Target p95 ≤ 20 ms.
func BenchmarkPGSearch100kExcerpts(b *testing.B) {
	heavy(b)
	mustTeamServer(b)
	st := mustLibrary(b, teamSearchLibrary)
	queries := make([]string, len(searchQueries))
	for i, q := range searchQueries {
		queries[i] = q.q
	}
	runTeam(b, st, func() { runSearch(b, st, queries) })
}

// BenchmarkPGSearch100kExcerptsByQuery breaks the mix down by query.
func BenchmarkPGSearch100kExcerptsByQuery(b *testing.B) {
	heavy(b)
	mustTeamServer(b)
	st := mustLibrary(b, teamSearchLibrary)
	for _, q := range searchQueries {
		b.Run(q.name, func(b *testing.B) { runTeam(b, st, func() { runSearch(b, st, []string{q.q}) }) })
	}
}

// BenchmarkPGListSources10k is BenchmarkListSources10k on a team library.
// Target ≤ 50 ms.
func BenchmarkPGListSources10k(b *testing.B) {
	heavy(b)
	mustTeamServer(b)
	st := mustLibrary(b, teamListLibrary)
	runTeam(b, st, func() { runListOn(b, st, domain.SourceFilter{}) })
}

// BenchmarkPGListSources10kByTitle is the same listing sorted by title.
func BenchmarkPGListSources10kByTitle(b *testing.B) {
	heavy(b)
	mustTeamServer(b)
	st := mustLibrary(b, teamListLibrary)
	runTeam(b, st, func() { runListOn(b, st, domain.SourceFilter{Sort: "title"}) })
}

// BenchmarkPGListSources10kFirstPage lists the first 100 sources by title.
func BenchmarkPGListSources10kFirstPage(b *testing.B) {
	heavy(b)
	mustTeamServer(b)
	st := mustLibrary(b, teamListLibrary)
	runTeam(b, st, func() { runListOn(b, st, domain.SourceFilter{Sort: "title", Limit: 100}) })
}

// runTeam runs a read benchmark and reports the server's CPU time per op
// beside the client's.
func runTeam(b *testing.B, st *store.Store, run func()) {
	ctx := context.Background()
	sc0 := serverCPUTime(ctx, st)
	run()
	reportServerCPU(b, serverCPUTime(ctx, st)-sc0)
}

func reportServerCPU(b *testing.B, d time.Duration) {
	if d > 0 {
		b.ReportMetric(float64(d.Microseconds())/1000/float64(b.N), "server-cpu-ms/op")
	}
}

type importFile struct {
	name string
	data []byte
}

// importFiles are the 1,000 articles the import benchmarks import: not
// the search library's.
func importFiles() ([]importFile, int64) {
	files := make([]importFile, importArticles)
	var size int64
	for i := range files {
		a := Generate(seed+1, i)
		files[i] = importFile{a.FileName(i), []byte(a.File())}
		size += int64(len(files[i].data))
	}
	return files, size
}

// serverCPUTime is the CPU time used so far by the PostgreSQL server the
// store talks to (postmaster and its live children), 0 when it cannot be
// read. Backends that have exited are not counted, so it is a lower bound;
// the benchmarks keep their connections open, so it is close.
func serverCPUTime(ctx context.Context, st *store.Store) time.Duration {
	url := st.Path()
	if !strings.HasPrefix(url, "postgres") {
		return 0
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return 0
	}
	defer conn.Close(context.Background())
	var pid int
	if err := conn.QueryRow(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		return 0
	}
	d, err := processTreeCPU(pid)
	if err != nil {
		return 0
	}
	return d
}
