//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/attache/attache/domain"
)

// Lock claims the library at path for one desktop app. A second app on the
// same library is refused with a message rather than left to interleave
// autosaves with the first; the command line does not take the lock, since
// SQLite keeps its short transactions safe.
func Lock(path string) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("lock the library: %w", err)
	}
	f, err := os.OpenFile(path+".lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil && isReadOnlyErr(err) {
		// Nobody can write a library in a read-only folder, so there is
		// nothing to guard; it opens read-only.
		return func() {}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("lock the library: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, domain.Errorf(domain.ECONFLICT, "the library %s is already open in another Attaché window: switch to that window, or open another library with --db", path)
		}
		return nil, fmt.Errorf("lock the library: %w", err)
	}
	return func() { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
}
