package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"unicode/utf8"

	"github.com/attache/attache/domain"
)

// WriteFileAtomic writes through fn to a temporary file in the target's
// directory, fsyncs, and renames it over path only when fn succeeded; on any
// failure (including ctx cancellation checked before the rename) the temp
// file is removed and an existing file at path is untouched. perm applies to
// the new file.
//
// A symbolic link at path is followed, so the file it points to is replaced
// and the link kept. Errors the user can fix (a folder given as the file, a
// missing or read-only folder) are domain.EINVALID and still wrap the OS
// error, so errors.Is(err, fs.ErrPermission) and the like keep working.
func WriteFileAtomic(ctx context.Context, path string, perm os.FileMode, fn func(w io.Writer) error) (err error) {
	if path == "" {
		return domain.Errorf(domain.EINVALID, "no file name was given: choose where to save")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("saving %s was cancelled: %w", path, err)
	}
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return domain.Errorf(domain.EINVALID, "%s is a folder: choose a file name, such as %s", path, filepath.Join(path, "briefing.json"))
	}
	dir := filepath.Dir(path)
	switch fi, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
		return userError(err, "the folder %s does not exist: create it first, or choose another folder", dir)
	case errors.Is(err, fs.ErrPermission):
		return userError(err, "the folder %s cannot be opened: you do not have permission; choose another folder", dir)
	case err != nil:
		return fmt.Errorf("checking the folder %s: %w", dir, err)
	case !fi.IsDir():
		return domain.Errorf(domain.EINVALID, "%s is a file, not a folder: choose a file name inside a folder", dir)
	}

	tmp, err := os.CreateTemp(dir, tempPattern(filepath.Base(path)))
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return userError(err, "cannot save in the folder %s: it is not writable; choose another folder", dir)
	} else if err != nil {
		return fmt.Errorf("creating a temporary file in %s: %w", dir, err)
	}
	committed := false
	// Deferred so that a panic in fn also removes the temporary file.
	defer func() {
		if !committed {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()

	bw := bufio.NewWriter(tmp)
	if err := fn(bw); err != nil {
		return diskFull(err, path)
	}
	if err := bw.Flush(); err != nil {
		return diskFull(fmt.Errorf("writing %s: %w", path, err), path)
	}
	// CreateTemp makes the file 0600 whatever was asked.
	if err := tmp.Chmod(perm); err != nil && runtime.GOOS != "windows" {
		return fmt.Errorf("setting the permissions of %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return diskFull(fmt.Errorf("writing %s to disk: %w", path, err), path)
	}
	if err := tmp.Close(); err != nil {
		return diskFull(fmt.Errorf("writing %s: %w", path, err), path)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("saving %s was cancelled: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replacing %s: %w", path, err)
	}
	committed = true
	syncDir(dir)
	return nil
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

// tempPattern hides the temporary file and keeps its name within the 255
// bytes most file systems allow, whatever the length of the target's name.
func tempPattern(base string) string {
	const keep = 100
	if len(base) > keep {
		cut := keep
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return "." + base + ".*.tmp"
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
