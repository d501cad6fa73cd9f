package pgtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/internal/testfs"
)

// TestMain keeps the tests' temporary files in a private 0700 folder, as
// the other packages do.
func TestMain(m *testing.M) { os.Exit(testfs.Main(m)) }

// The newest version wins, compared as numbers, among those holding both
// programs.
func TestNewestDebian(t *testing.T) {
	root := t.TempDir()
	for ver, progs := range map[string][]string{
		"9.6": {"initdb", "postgres"},
		"12":  {"initdb", "postgres"},
		"15":  {"initdb"}, // a client-only install
		"old": {"initdb", "postgres"},
	} {
		bin := filepath.Join(root, ver, "bin")
		if err := os.MkdirAll(bin, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, p := range progs {
			if err := os.WriteFile(filepath.Join(bin, p), nil, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got, want := newestDebian(root), filepath.Join(root, "12", "bin"); got != want {
		t.Errorf("newestDebian = %s, want %s", got, want)
	}
}

// ATTACHE_PG_BIN wins, and when it lacks the programs the error says what
// is missing and how to get it.
func TestBinFromEnv(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(BinEnv, dir)
	_, err := findBin()
	if err == nil {
		t.Fatal("findBin succeeded on an empty folder")
	}
	for _, want := range []string{"initdb", "postgres", "make deps", BinEnv, dir} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	for _, p := range []string{"initdb", "postgres"} {
		if err := os.WriteFile(filepath.Join(dir, p), nil, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := findBin(); got != dir || err != nil {
		t.Errorf("findBin = %q, %v; want %s", got, err, dir)
	}
}
