//go:build unix

package store

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/attache/attache/domain"
)

func TestLockRefusesASecondApp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new folder", "library.db")
	unlock, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Lock(path)
	wantCode(t, err, domain.ECONFLICT)
	unlock()
	again, err := Lock(path)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	again()
}

// A lock file this user may not write (left by `sudo attache`) still locks.
func TestLockWithAnUnwritableLockFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	unlock, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	if err := os.Chmod(path+".lock", 0o444); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		t.Skip("root may write any file; TestLockAsNobodyWithRootsLockFile covers it")
	}
	first, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer first()
	_, err = Lock(path)
	wantCode(t, err, domain.ECONFLICT)
}
