package store

import (
	"path/filepath"
	"syscall"
)

// readOnlyFS tells whether the library's file system is mounted read-only,
// where nobody can change the file.
func readOnlyFS(path string) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(filepath.Dir(path), &st); err != nil {
		return false
	}
	const stRdonly = 1 // ST_RDONLY
	return st.Flags&stRdonly != 0
}
