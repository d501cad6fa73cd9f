package atomicfile

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// A rescue copy never replaces another file, leaves nothing behind when it
// fails, and is private.
func TestWriteNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rescue.txt")
	if err := WriteNew(context.Background(), path, 0o600, writeStringFn("first")); err != nil {
		t.Fatal(err)
	}
	err := WriteNew(context.Background(), path, 0o600, writeStringFn("second"))
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("over an existing file: %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("the first copy now holds %q", b)
	}
	fi, _ := os.Stat(path)
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %03o", fi.Mode().Perm())
	}
	failing := filepath.Join(dir, "other.txt")
	err = WriteNew(context.Background(), failing, 0o600, func(w io.Writer) error {
		_, _ = io.WriteString(w, "half")
		return errors.New("disk gone")
	})
	if err == nil {
		t.Error("a failed write reported success")
	}
	assertOnly(t, dir, "rescue.txt")
}
