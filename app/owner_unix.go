//go:build unix

package app

import (
	"io/fs"
	"os"
	"syscall"
)

// privateToMe tells whether a folder is this user's and closed to others'
// writing.
func privateToMe(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid() && fi.Mode().Perm()&0o022 == 0
}
