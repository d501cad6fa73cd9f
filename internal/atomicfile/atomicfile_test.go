package atomicfile

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

func writeStringFn(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// assertOnly fails unless dir holds exactly the named files, which proves
// no temporary file was left behind.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("folder holds %q, want %q", got, names)
	}
}

func TestWriteNewAndReplace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "brief.json")
	if err := Write(context.Background(), path, 0o640, writeStringFn("first")); err != nil {
		t.Fatal(err)
	}
	if err := Write(context.Background(), path, 0o640, writeStringFn("second")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "second" {
		t.Fatalf("got %q, %v", got, err)
	}
	if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	assertOnly(t, dir, "brief.json")
}

func TestWriteFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "brief.json")
	old := []byte("old contents\x00\xff")
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("exporter failed")
	err := Write(context.Background(), path, 0o644, func(w io.Writer) error {
		_, _ = io.WriteString(w, strings.Repeat("partial ", 10000)) // past the buffer, so it reaches the disk
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("got %v, want the writer's error", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
		t.Errorf("old file changed to %q", got)
	}
	assertOnly(t, dir, "brief.json")

	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic was swallowed")
			}
		}()
		_ = Write(context.Background(), path, 0o644, func(io.Writer) error { panic("exporter bug") })
	}()
	assertOnly(t, dir, "brief.json")
}

func TestWriteCancelled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "brief.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	// Cancelled while writing: the check before the rename must catch it.
	err := Write(ctx, path, 0o644, func(w io.Writer) error {
		cancel()
		_, err := io.WriteString(w, "new")
		return err
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	// Cancelled before the call: fn must not even run.
	err = Write(ctx, filepath.Join(dir, "other.json"), 0o644, func(io.Writer) error {
		t.Error("fn ran under a cancelled context")
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("old file changed to %q", got)
	}
	assertOnly(t, dir, "brief.json")
}

func TestWriteUserErrors(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(notDir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want string
	}{
		{dir, dir + " is a folder: choose a file name, such as " + filepath.Join(dir, "briefing.json")},
		{filepath.Join(dir, "missing", "b.json"), "the folder " + filepath.Join(dir, "missing") + " does not exist: create it first"},
		{filepath.Join(notDir, "b.json"), notDir + " is a file, not a folder"},
		{"", "no file name was given"},
	}
	for _, tt := range tests {
		err := Write(context.Background(), tt.path, 0o644, writeStringFn("x"))
		if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), tt.want) {
			t.Errorf("%q: got %v, want EINVALID with %q", tt.path, err, tt.want)
		}
	}
	err := Write(context.Background(), filepath.Join(dir, "missing", "b.json"), 0o644, writeStringFn("x"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("got %v, want it to wrap fs.ErrNotExist", err)
	}
	assertOnly(t, dir, "plain.txt")
}

// Root writes to read-only folders anyway: atomic_linux_test.go covers root
// with a read-only mount.
func TestWriteUnwritableFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("folder permissions work differently on Windows")
	}
	if os.Geteuid() == 0 {
		t.Skip("root: see TestWriteReadOnlyDisk")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	err := Write(context.Background(), filepath.Join(dir, "b.json"), 0o644, writeStringFn("x"))
	if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "cannot save in the folder "+dir+": it is not writable") {
		t.Errorf("got %v", err)
	}
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("got %v, want it to wrap fs.ErrPermission", err)
	}
}

func TestWriteFollowsLink(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "real.json"), filepath.Join(dir, "link.json")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := Write(context.Background(), link, 0o644, writeStringFn("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("target holds %q", got)
	}
}

func TestTempPatternLongName(t *testing.T) {
	long := strings.Repeat("é", 120) + ".json" // 245 bytes, near the limit
	dir := t.TempDir()
	if err := Write(context.Background(), filepath.Join(dir, long), 0o644, writeStringFn("x")); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, dir, long)
}
