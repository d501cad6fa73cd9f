package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// endless yields an unlimited stream of text and counts what was read.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "word "[i%5]
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestImportRefusesTooLargeWithoutReadingIt(t *testing.T) {
	r := &endless{}
	_, _, err := Import("huge.txt", r, Options{MaxBytes: 1000})
	if err == nil {
		t.Fatal("an endless input was imported")
	}
	if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), "larger than the 1000 bytes import limit") {
		t.Errorf("error %q", err)
	}
	if r.n > 1001 {
		t.Errorf("read %d bytes for a limit of 1000", r.n)
	}
}

func TestImportAtExactLimit(t *testing.T) {
	text := strings.Repeat("x", 99) + "\n"
	if _, _, err := Import("exact.txt", strings.NewReader(text), Options{MaxBytes: int64(len(text))}); err != nil {
		t.Errorf("a file exactly at the limit was refused: %v", err)
	}
}

func TestImportFileRefusals(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("a", 3<<10)), 0o644); err != nil {
		t.Fatal(err)
	}
	sparse := filepath.Join(dir, "sparse.txt")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	// 200 MB without writing them: ImportFile must refuse from the size alone.
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		path string
		opt  Options
		code string
		msg  string
	}{
		{dir, Options{}, domain.EINVALID, "is a folder, not a file"},
		{big, Options{MaxBytes: 1 << 10}, domain.EINVALID, "big.txt is 3 KB, more than the 1 KB import limit"},
		{sparse, Options{}, domain.EINVALID, "sparse.txt is 200 MB, more than the 64 MB import limit"},
		{filepath.Join(dir, "missing.txt"), Options{}, domain.ENOTFOUND, "does not exist"},
	}
	for _, tt := range tests {
		_, _, err := ImportFile(tt.path, tt.opt)
		if domain.ErrorCode(err) != tt.code || err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: error %v (code %q), want %q containing %q", tt.path, err, domain.ErrorCode(err), tt.code, tt.msg)
		}
	}
}

func TestHumanSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1000: "1000 bytes", 1536: "1.5 KB", 64 << 20: "64 MB", 3 << 30: "3 GB"} {
		if got := humanSize(n); got != want {
			t.Errorf("humanSize(%d) = %q, want %q", n, got, want)
		}
	}
}
