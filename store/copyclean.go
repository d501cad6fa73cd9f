package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// A library this user may read but not write is read from a private copy
// in the temporary folder (see openCopy), removed when the library is
// closed. A crash leaves it behind, a whole library in the temporary
// folder, so every start removes the copies no running Attaché holds.

// copyPrefix starts the name of every copy folder; the process id follows,
// for a person looking at the folder.
const copyPrefix = "attache-copy-"

// copyOwnerFile, in a copy folder, is locked by the process reading it.
const copyOwnerFile = "owner.lock"

// unclaimedAge is how old a copy folder without an owner file (made by an
// earlier version, which took no lock) must be to be taken as abandoned:
// one that old is left by a crash, or by a session a day long.
const unclaimedAge = 24 * time.Hour

func unclaimedAndOld(fi os.FileInfo) bool { return time.Since(fi.ModTime()) > unclaimedAge }

// makeCopyDir makes a private folder for a copy and claims it.
func makeCopyDir() (dir string, owner *os.File, err error) {
	dir, err = os.MkdirTemp("", fmt.Sprintf("%s%d-", copyPrefix, os.Getpid()))
	if err != nil {
		return "", nil, err
	}
	if owner, err = claimCopy(dir); err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	return dir, owner, nil
}

var cleanOnce sync.Once

// cleanStaleCopiesOnce removes, once per process, the copies crashes left.
func cleanStaleCopiesOnce() { cleanOnce.Do(func() { cleanStaleCopies() }) }

// cleanStaleCopies removes this user's copy folders that no running process
// holds, and returns how many it removed. Best effort: a folder that cannot
// be read or removed is left for the next start.
func cleanStaleCopies() int {
	tmp := os.TempDir()
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return 0
	}
	removed := 0
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), copyPrefix) || !e.IsDir() {
			continue // a link or a file of that name is not ours to follow
		}
		dir := filepath.Join(tmp, e.Name())
		fi, err := os.Lstat(dir)
		if err != nil || !fi.IsDir() || !copyAbandoned(dir, fi) {
			continue
		}
		if os.RemoveAll(dir) == nil {
			removed++
		}
	}
	return removed
}
