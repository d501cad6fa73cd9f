//go:build linux

package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/testfs"
)

// A symbolic link to the library is the same library: one lock, one
// backups folder, and a restore replaces the file, not the link.
func TestALinkToTheLibraryIsTheSameLibrary(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "real", "library.db")
	link := filepath.Join(dir, "current.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	unlock, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	_, err = Lock(link)
	wantCode(t, err, domain.ECONFLICT)

	s, err := Open(ctx, link)
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != path {
		t.Fatalf("Path() = %q, want the file itself %q", s.Path(), path)
	}
	addSource(t, s, "Chips", chipsText)
	b, err := s.AutoBackup(ctx)
	if err != nil || filepath.Dir(b) != BackupDir(path) {
		t.Fatalf("backup through the link = %q, %v; want it in %s", b, err, BackupDir(path))
	}
	s.Close()
	if got := NewestBackup(link); got != b {
		t.Fatalf("newest backup through the link = %q, want %q", got, b)
	}
	if _, err := RestoreFile(ctx, b, link); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the restore replaced the link: %v %v", fi.Mode(), err)
	}
}

// A library file of 0 bytes with backups is a library whose contents were
// lost: it is refused, naming the backup, not set up as a new library.
func TestAnEmptiedLibraryFileIsNotANewLibrary(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	addSource(t, s, "Chips", chipsText)
	b, err := s.AutoBackup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	for _, open := range []func(context.Context, string) (*Store, error){Open, OpenExisting} {
		_, err = open(ctx, path)
		if !errors.Is(err, ErrEmpty) || !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "is empty (0 bytes)") || !strings.Contains(err.Error(), "attache restore "+b) {
			t.Fatalf("open an emptied library = %v; want ErrEmpty naming %s", err, b)
		}
	}
	if fi, _ := os.Stat(path); fi.Size() != 0 {
		t.Fatal("the emptied file was written to")
	}
	if got := NewestBackup(path); got != b {
		t.Fatalf("newest backup of the emptied library = %q, want %q", got, b)
	}
	kept, err := RestoreFile(ctx, b, path)
	if err != nil || kept == "" {
		t.Fatalf("restore = %q, %v", kept, err)
	}
	back, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if list, _ := back.Sources(ctx, domain.SourceFilter{}); len(list) != 1 {
		t.Fatalf("restored library holds %d sources", len(list))
	}

	// An empty file with no backups has nothing to restore: a reading
	// command says it is empty; a writing one sets it up.
	fresh := filepath.Join(t.TempDir(), "new.db")
	if err := os.WriteFile(fresh, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = OpenExisting(ctx, fresh)
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "is empty (0 bytes), and there is no backup of it") {
		t.Fatalf("reading an empty file without backups = %v", err)
	}
	if fi, _ := os.Stat(fresh); fi.Size() != 0 {
		t.Fatal("reading set the empty file up")
	}
	n, err := Open(ctx, fresh)
	if err != nil {
		t.Fatalf("an empty file without backups: %v", err)
	}
	n.Close()
}

// OpenExisting, for commands that only read, never makes a library.
func TestOpenExistingNeverMakesALibrary(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, path := range []string{filepath.Join(dir, "libary.db"), filepath.Join(dir, "no", "such", "library.db")} {
		_, err := OpenExisting(ctx, path)
		wantCode(t, err, domain.ENOTFOUND)
		if msg := err.Error(); !strings.Contains(msg, "there is no library at "+path) || !strings.Contains(msg, "--db") {
			t.Fatalf("message = %q", msg)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%s was made: %v", path, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a folder was made")
	}
}

// Every way the library file cannot be reached is said in words, with what
// to do, not as the system's error.
func TestOpeningProblemsAreExplained(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	loop := filepath.Join(dir, "loop.db")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	ro := testfs.Tmpfs(t, "1m")
	testfs.ReadOnly(t, ro)
	cases := []struct{ path, want string }{
		{loop, "leads round in a circle"},
		{filepath.Join(file, "library.db"), "part of the path is a file, not a folder"},
		{fifo, "not a library file but a device, a pipe or a socket"},
		{"/dev/null", "not a library file but a device, a pipe or a socket"},
		{filepath.Join(ro, "library.db"), "read-only"},
		{filepath.Join(ro, "sub", "library.db"), "read-only"},
	}
	for _, c := range cases {
		for name, open := range map[string]func(context.Context, string) (*Store, error){"Open": Open, "OpenExisting": OpenExisting} {
			_, err := open(ctx, c.path)
			msg := domain.ErrorMessage(err)
			if name == "OpenExisting" && domain.ErrorCode(err) == domain.ENOTFOUND {
				continue // nothing there: said as such, tested above
			}
			if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(msg, c.want) || !strings.Contains(msg, "--db") {
				t.Errorf("%s(%s) = %q; want it to say %q and what to do", name, c.path, msg, c.want)
			}
			for _, raw := range []string{"stat /", "open /", "mkdir /", "too many levels", "EvalSymlinks", "read-only file system", "not a directory"} {
				if strings.Contains(msg, raw) {
					t.Errorf("%s(%s) = %q: the system's words %q reach the analyst", name, c.path, msg, raw)
				}
			}
		}
		if _, err := Lock(c.path); err != nil && domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("Lock(%s) = %v", c.path, err)
		} else if err != nil && strings.Contains(err.Error(), "too many levels") {
			t.Errorf("Lock(%s) = %v", c.path, err)
		}
	}
}

// A library whose log files beside it belong to another user (left by
// `sudo attache`) says so in words, not as SQLite's "unable to open
// database file: permission denied".
func TestLogFilesOfAnotherUserAreExplained(t *testing.T) {
	dir := sharedDir(t, "attache-wal-")
	path := filepath.Join(dir, "library.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close() // open meanwhile: its -wal and -shm stay, this user's only
	addSource(t, s, "Chips", chipsText)
	for p, mode := range map[string]os.FileMode{dir: 0o777, path: 0o666, path + "-wal": 0o600, path + "-shm": 0o600} {
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
	}
	got := asNobody(t, path)
	if !strings.Contains(got, "-wal and -shm files SQLite keeps beside it: you are not allowed to (permission denied); ask the owner") {
		t.Fatalf("as nobody: %q", got)
	}
}
