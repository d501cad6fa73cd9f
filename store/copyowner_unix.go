//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// claimCopy marks the private copy in dir as in use by this process for as
// long as the returned file stays open: a lock the system lets go of when
// the process ends, however it ends, which is how a later start tells a
// copy left by a crash from one another Attaché is reading.
func claimCopy(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, copyOwnerFile), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// copyAbandoned tells whether the copy folder dir, found in the temporary
// folder, is this user's and held by no running process.
func copyAbandoned(dir string, fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || int(st.Uid) != os.Getuid() {
		return false
	}
	f, err := os.Open(filepath.Join(dir, copyOwnerFile))
	if errors.Is(err, os.ErrNotExist) {
		return unclaimedAndOld(fi)
	}
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return false // its process is still reading it
	}
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return true
}
