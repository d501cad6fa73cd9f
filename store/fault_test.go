//go:build linux

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/testfs"
)

// bigText is a source large enough that storing it needs new pages.
func bigText(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString("Export controls on lithography tools widened again in paragraph ")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(".\n\n")
	}
	return b.String()
}

// tmpfsLibrary opens a new library on a 4 MB tmpfs of its own, holding one
// source, and returns the tmpfs folder.
func tmpfsLibrary(t *testing.T) (dir string, s *Store, src *domain.Source) {
	t.Helper()
	dir = testfs.Tmpfs(t, "4m")
	s, err := Open(context.Background(), filepath.Join(dir, "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	return dir, s, addSource(t, s, "Chips", chipsText)
}

// sharedDir makes a folder the user nobody can reach (t.TempDir's parent
// is private to the test) and removes it when the test ends.
func sharedDir(t *testing.T, prefix string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func TestFullDiskRefusesWritesAndLosesNothing(t *testing.T) {
	ctx := context.Background()
	dir, s, src := tmpfsLibrary(t)
	path := s.Path()
	addExcerpt(t, s, src.ID, "Export controls alone cannot secure a lead in semiconductors.")
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}

	free := testfs.Fill(t, dir)
	var msgs []string
	for i := 0; i < 5; i++ {
		big := &domain.Source{Kind: domain.KindArticle, Title: "Large report", Text: bigText(600_000 + i)}
		_, err := s.CreateSource(ctx, big)
		if err == nil {
			t.Fatalf("import %d onto a full disk succeeded", i)
		}
		msgs = append(msgs, domain.ErrorMessage(err))
	}
	for _, m := range msgs {
		if !strings.Contains(m, "disk is full") || !strings.Contains(m, "nothing was saved") {
			t.Errorf("message on a full disk = %q, want it to say the disk is full and nothing was saved", m)
		}
	}
	// Reading still works on a full disk.
	if got, err := s.Stats(ctx); err != nil || got != before {
		t.Fatalf("stats on a full disk = %+v, %v; want %+v", got, err, before)
	}
	if err := s.Close(); err != nil {
		t.Logf("close on a full disk: %v", err)
	}

	free()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after freeing space: %v", err)
	}
	defer s.Close()
	var check string
	if err := s.rt().QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	if got, _ := s.Stats(ctx); got != before {
		t.Fatalf("after a full disk the library holds %+v, want %+v", got, before)
	}
	if _, err := s.CreateSource(ctx, &domain.Source{Kind: domain.KindArticle, Title: "After", Text: "Space again."}); err != nil {
		t.Fatalf("write after freeing space: %v", err)
	}
}

func TestReadOnlyLibraryOpensForReading(t *testing.T) {
	ctx := context.Background()
	dir, s, src := tmpfsLibrary(t)
	path := s.Path()
	addExcerpt(t, s, src.ID, "Export controls alone cannot secure a lead in semiconductors.", "chips")
	before, _ := s.Stats(ctx)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	testfs.ReadOnly(t, dir)
	defer testfs.Writable(t, dir)

	unlock, err := Lock(path)
	if err != nil {
		t.Fatalf("lock a library on a read-only disk: %v", err)
	}
	defer unlock()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("open a library on a read-only disk: %v", err)
	}
	defer s.Close()
	if !s.ReadOnly() {
		t.Fatal("ReadOnly() = false for a library on a read-only disk")
	}
	before.ReadOnly = true
	if got, err := s.Stats(ctx); err != nil || got != before {
		t.Fatalf("stats = %+v, %v; want %+v", got, err, before)
	}
	hits, err := s.Search(ctx, "semiconductors", domain.SearchOptions{})
	if err != nil || len(hits) == 0 {
		t.Fatalf("search in a read-only library = %d hits, %v", len(hits), err)
	}
	_, err = s.CreateSource(ctx, &domain.Source{Kind: domain.KindArticle, Title: "New", Text: "Text."})
	if m := domain.ErrorMessage(err); !strings.Contains(m, "read-only") {
		t.Fatalf("write to a read-only library: %v, want a read-only message", err)
	}
}

// A library left with a write-ahead log (the app was killed) on a disk that
// is now read-only still shows what the log holds.
func TestReadOnlyLibraryReadsLeftoverLog(t *testing.T) {
	ctx := context.Background()
	for _, keepShm := range []bool{true, false} {
		dir, s, _ := tmpfsLibrary(t)
		path := s.Path()
		// Copy the files while open, as a crash would leave them.
		for _, ext := range []string{"", "-wal", "-shm"} {
			if ext == "-shm" && !keepShm {
				continue
			}
			b, err := os.ReadFile(path + ext)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "copy.db"+ext), b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
		if fi, err := os.Stat(filepath.Join(dir, "copy.db-wal")); err != nil || fi.Size() == 0 {
			t.Fatalf("no write-ahead log to test with: %v", err)
		}
		testfs.ReadOnly(t, dir)
		c, err := Open(ctx, filepath.Join(dir, "copy.db"))
		if !keepShm {
			// Without its index the log cannot be read on a read-only
			// disk: refused with a way out, never shown stale.
			if m := domain.ErrorMessage(err); !strings.Contains(m, "not yet merged") {
				t.Fatalf("open without -shm: %v, want a refusal naming the unmerged log", err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("shm kept %v: open: %v", keepShm, err)
		}
		st, err := c.Stats(ctx)
		c.Close()
		if err != nil || st.Sources != 1 {
			t.Fatalf("shm kept %v: stats = %+v, %v; want the source in the log", keepShm, st, err)
		}
	}
}

// Another program (a sync tool, a DB browser) holding the write lock longer
// than the busy timeout gets a message, not a hang or a half-written row.
func TestLibraryLockedByAnotherProgram(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := sql.Open("sqlite3", "file:"+path+"?_txlock=exclusive")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`INSERT INTO tags (name) VALUES ('held')`); err != nil {
		t.Fatal(err)
	}
	_, err = s.CreateSource(ctx, &domain.Source{Kind: domain.KindArticle, Title: "Blocked", Text: "Waiting."})
	if domain.ErrorCode(err) != domain.ECONFLICT || !strings.Contains(domain.ErrorMessage(err), "busy in another program") {
		t.Fatalf("write while another program holds the library: %v", err)
	}
	tx.Rollback()
	if _, err := s.CreateSource(ctx, &domain.Source{Kind: domain.KindArticle, Title: "Free", Text: "Done."}); err != nil {
		t.Fatalf("write after the other program let go: %v", err)
	}
}

// asNobody runs this test binary as the unprivileged user nobody (uid
// 65534) with ATTACHE_OPEN_PROBE=path, so that permission bits apply, and
// returns what TestOpenProbe printed.
func asNobody(t *testing.T, path string, probe ...string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("switching to another user needs root; CI runs as root")
	}
	dir := sharedDir(t, "attache-probe-")
	bin := filepath.Join(dir, "store.test")
	data, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^TestOpenProbe$")
	cmd.Env = append([]string{"ATTACHE_OPEN_PROBE=" + path, "HOME=/nonexistent"}, probe...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("probe as nobody: %v\n%s", err, out)
	}
	got, _, _ := strings.Cut(string(out), "\n")
	return got
}

// TestOpenProbe is the child of asNobody; on its own it does nothing.
func TestOpenProbe(t *testing.T) {
	path := os.Getenv("ATTACHE_OPEN_PROBE")
	if path == "" {
		return
	}
	if os.Getenv("ATTACHE_PROBE_WRITABLE") != "" {
		fmt.Println("writable:", Writable(path))
		return
	}
	if os.Getenv("ATTACHE_PROBE_LOCK") != "" {
		_, err := Lock(path)
		fmt.Println("lock:", domain.ErrorCode(err), domain.ErrorMessage(err))
		return
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		fmt.Println("error:", domain.ErrorMessage(err))
		return
	}
	defer s.Close()
	st, err := s.Stats(context.Background())
	_, copied := s.ReadingCopy()
	fmt.Printf("read-only=%v copy=%v sources=%d err=%v\n", s.ReadOnly(), copied, st.Sources, err)
}

// Read-only by permissions, as for a user who may read a colleague's
// library: the file readable, the folder writable or not.
func TestLibraryReadOnlyByPermissions(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name    string
		dirMode os.FileMode
		want    string
	}{
		// SQLite can keep its shared-memory file beside it: read in place.
		{"folder writable, file not", 0o777, "read-only=true copy=false sources=1 err=<nil>"},
		// It cannot, and the owner may be writing: a checked private copy
		// is read instead, never the file as immutable.
		{"neither writable", 0o755, "read-only=true copy=true sources=1 err=<nil>"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := sharedDir(t, "attache-perm-")
			path := filepath.Join(dir, "library.db")
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			addSource(t, s, "Chips", chipsText)
			s.Close()
			if err := os.Chmod(path, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(dir, c.dirMode); err != nil {
				t.Fatal(err)
			}
			if got := asNobody(t, path); got != c.want {
				t.Fatalf("as nobody: %q, want %q", got, c.want)
			}
			// So the app takes no lock on it and cannot keep its owner out.
			if got := asNobody(t, path, "ATTACHE_PROBE_WRITABLE=1"); got != "writable: false" {
				t.Fatalf("as nobody: %q", got)
			}
			if left, _ := filepath.Glob(filepath.Join(os.TempDir(), "attache-copy-*")); len(left) > 0 {
				t.Fatalf("the private copy was left behind: %v", left)
			}
		})
	}
}

func TestLockAsNobodyWithRootsLockFile(t *testing.T) {
	dir := sharedDir(t, "attache-lock-")
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "library.db")
	unlock, err := Lock(path) // root's app, with root's 0600 lock file
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if err := os.Chmod(path+".lock", 0o644); err != nil {
		t.Fatal(err)
	}
	if got := asNobody(t, path, "ATTACHE_PROBE_LOCK=1"); !strings.HasPrefix(got, "lock: conflict the library "+path+" is already open") {
		t.Fatalf("second app as another user: %q", got)
	}
}

// File names with URI characters, a backup restored from read-only media,
// and a second restore that must not overwrite the first kept library.
func TestBackupAwkwardNamesReadOnlyMediaAndRepeatedRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "work#2?.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	addSource(t, s, "Chips", chipsText)
	media := testfs.Tmpfs(t, "8m")
	backup := filepath.Join(media, "copy #1?.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if names, _ := filepath.Glob(filepath.Join(media, "*")); len(names) != 1 || names[0] != backup {
		t.Fatalf("the backup went to %v, want only %s", names, backup)
	}
	testfs.ReadOnly(t, media)
	defer testfs.Writable(t, media)
	var kept []string
	for range 2 {
		k, err := RestoreFile(ctx, backup, path)
		if err != nil {
			t.Fatalf("restore from read-only media: %v", err)
		}
		kept = append(kept, k)
	}
	if kept[0] == kept[1] || !exists(kept[0]) || !exists(kept[1]) {
		t.Fatalf("kept %v: the second restore replaced the first kept library", kept)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, _ := s.Stats(ctx); st.Sources != 1 {
		t.Fatalf("restored library: %+v", st)
	}
}

func TestBackupStopsWhenCancelled(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	addSource(t, s, "Chips", chipsText)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dest := filepath.Join(t.TempDir(), "b.db")
	if err := s.Backup(ctx, dest); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled backup: %v", err)
	}
	if exists(dest) || exists(dest+".part") {
		t.Fatal("a cancelled backup left a file")
	}
}

func TestUnreadableLibrarySaysSo(t *testing.T) {
	dir := sharedDir(t, "attache-perm-")
	path := filepath.Join(dir, "library.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := asNobody(t, path); !strings.HasPrefix(got, "error: cannot read the library "+path+": you are not allowed to (permission denied); ask the owner") {
		t.Fatalf("as nobody: %q", got)
	}
}
