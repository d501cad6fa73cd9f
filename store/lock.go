//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"

	"github.com/attache/attache/domain"
)

// Lock claims the library at path for one desktop app. A second app on the
// same library is refused with a message rather than left to interleave
// autosaves with the first; the command line does not take the lock, since
// SQLite keeps its short transactions safe. The lock is on the file a
// symbolic link leads to, so a link to the library is the same library.
func Lock(path string) (unlock func(), err error) {
	real, err := resolvePath(path)
	if err != nil {
		return nil, pathProblem("open the library "+path, path, err)
	}
	path = real
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, pathProblem("lock the library "+path, path, err)
	}
	f, err := os.OpenFile(path+".lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil && isReadOnlyErr(err) {
		// A lock file we may not write (left by another user, or on a
		// read-only disk) can still be locked: flock needs only reading.
		if f, err = os.Open(path + ".lock"); err != nil {
			// No lock file we may read, and none we may make: nothing can
			// be guarded. (main takes the lock only for libraries this
			// user can write, so this is a writable library in a folder
			// holding someone else's unreadable lock file.)
			return func() {}, nil
		}
	}
	if err != nil {
		return nil, pathProblem("lock the library "+path, path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, domain.Errorf(domain.ECONFLICT, "the library %s is already open in another Attaché window: switch to that window, or open another library with --db", path)
		}
		return nil, pathProblem("lock the library "+path, path, err)
	}
	return func() { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
}
