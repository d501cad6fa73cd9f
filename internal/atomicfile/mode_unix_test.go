//go:build unix

package atomicfile

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// withUmask sets the process's umask for one test (tests here do not run
// in parallel).
func withUmask(t *testing.T, mask int) {
	old := syscall.Umask(mask)
	t.Cleanup(func() { syscall.Umask(old) })
}

func modeOf(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

// A new export honours the umask, as every other program's files do.
func TestWriteNewFileHonoursTheUmask(t *testing.T) {
	for _, tt := range []struct {
		mask int
		want os.FileMode
	}{{0o022, 0o644}, {0o027, 0o640}, {0o077, 0o600}, {0o002, 0o664}} {
		withUmask(t, tt.mask)
		path := filepath.Join(t.TempDir(), "brief.pdf")
		if err := Write(context.Background(), path, 0o666, writeStringFn("x")); err != nil {
			t.Fatal(err)
		}
		if got := modeOf(t, path); got != tt.want {
			t.Errorf("umask %03o: a new export is %03o, want %03o", tt.mask, got, tt.want)
		}
	}
}

// An export over a file readable by its owner only stays so: a classified
// briefing must not become world-readable because it was exported again.
func TestWriteKeepsAnExistingFilesMode(t *testing.T) {
	withUmask(t, 0o022)
	for _, old := range []os.FileMode{0o600, 0o640, 0o644, 0o660} {
		dir := t.TempDir()
		path := filepath.Join(dir, "brief.pdf")
		if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, old); err != nil {
			t.Fatal(err)
		}
		err := Write(context.Background(), path, 0o666, func(w io.Writer) error {
			// The new content is never readable by more than the old.
			if tmp := tempIn(t, dir); modeOf(t, tmp) != 0o600 {
				t.Errorf("the temporary file is %03o while being written", modeOf(t, tmp))
			}
			_, err := io.WriteString(w, "new")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := modeOf(t, path); got != old {
			t.Errorf("an export over a %03o file made it %03o", old, got)
		}
	}
}

// A private file (settings, rescue copies) written over a looser one, as
// an earlier version left it, is tightened.
func TestWritePrivateTightensAnExistingFile(t *testing.T) {
	withUmask(t, 0o000)
	path := filepath.Join(t.TempDir(), "settings.json")
	if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(context.Background(), path, 0o600, writeStringFn("{}")); err != nil {
		t.Fatal(err)
	}
	if got := modeOf(t, path); got != 0o600 {
		t.Errorf("a private file over a 0644 one is %03o", got)
	}
	fresh := filepath.Join(filepath.Dir(path), "fresh.json")
	if err := Write(context.Background(), fresh, 0o600, writeStringFn("{}")); err != nil {
		t.Fatal(err)
	}
	if got := modeOf(t, fresh); got != 0o600 {
		t.Errorf("a new private file with umask 000 is %03o", got)
	}
}

// tempIn is the one temporary file in dir.
func tempIn(t *testing.T, dir string) string {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			return filepath.Join(dir, e.Name())
		}
	}
	t.Fatalf("no temporary file in %s", dir)
	return ""
}
