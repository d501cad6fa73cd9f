package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"unicode/utf8"

	"github.com/attache/attache/domain"
)

// createTemp makes a new hidden file beside the target, created with perm
// (less the umask): os.CreateTemp always makes 0600, which would leave the
// umask unknown for a new export.
func createTemp(dir, base string, perm os.FileMode) (*os.File, error) {
	pattern := tempPattern(base)
	for range 100 {
		var b [8]byte
		_, _ = rand.Read(b[:])
		name := filepath.Join(dir, fmt.Sprintf(pattern, hex.EncodeToString(b[:])))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, fmt.Errorf("no free temporary name in %s", dir)
}

// tempPattern hides the temporary file and keeps its name within the 255
// bytes most file systems allow, whatever the length of the target's name.
// %s is where the random part goes.
func tempPattern(base string) string {
	const keep = 100
	if len(base) > keep {
		cut := keep
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return "." + escapePercent(base) + ".%s.tmp"
}

func escapePercent(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' {
			out = append(out, '%')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// diskFull says so when err is a full disk; any earlier file is untouched
// because only the temporary file was being written.
func diskFull(err error, path string) error {
	if !errors.Is(err, syscall.ENOSPC) {
		return err
	}
	return userError(err, "the disk is full: %s was not saved (an earlier copy, if any, is unchanged); free some space or choose another disk", filepath.Base(path))
}

// userError is a domain error that still wraps the OS error, so ErrorCode
// and ErrorMessage see the user-facing text and errors.Is sees the cause.
func userError(cause error, format string, args ...any) error {
	return fmt.Errorf("%w (%w)", domain.Errorf(domain.EINVALID, format, args...), cause)
}

// syncDir makes the rename itself durable. It is best effort: some systems
// (Windows) cannot open a directory for syncing, and the data is already safe.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
