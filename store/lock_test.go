//go:build unix

package store

import (
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
