//go:build linux

package atomicfile

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/testfs"
)

func TestWriteReadOnlyDisk(t *testing.T) {
	dir := testfs.Tmpfs(t, "1m")
	good := filepath.Join(dir, "brief.pdf")
	if err := os.WriteFile(good, []byte("earlier export"), 0o600); err != nil {
		t.Fatal(err)
	}
	testfs.ReadOnly(t, dir)
	defer testfs.Writable(t, dir)
	err := Write(context.Background(), good, 0o644, writeStringFn("new export"))
	if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "cannot save in the folder "+dir+": it is not writable") {
		t.Errorf("got %v", err)
	}
	if !errors.Is(err, syscall.EROFS) {
		t.Errorf("got %v, want it to wrap EROFS", err)
	}
	if b, _ := os.ReadFile(good); string(b) != "earlier export" {
		t.Errorf("earlier file now holds %q", b)
	}
}

func TestWriteFullDiskKeepsTheEarlierFile(t *testing.T) {
	dir := testfs.Tmpfs(t, "1m")
	good := filepath.Join(dir, "brief.pdf")
	if err := os.WriteFile(good, []byte("earlier export"), 0o600); err != nil {
		t.Fatal(err)
	}
	free := testfs.Fill(t, dir)
	defer free()
	big := bytes.Repeat([]byte("%PDF page content "), 100_000)
	err := Write(context.Background(), good, 0o644, func(w io.Writer) error {
		_, err := w.Write(big)
		return err
	})
	if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "the disk is full: brief.pdf was not saved") {
		t.Fatalf("got %v", err)
	}
	if b, _ := os.ReadFile(good); string(b) != "earlier export" {
		t.Errorf("earlier file now holds %q", b)
	}
	assertOnly(t, dir, "brief.pdf", "filler")
}
