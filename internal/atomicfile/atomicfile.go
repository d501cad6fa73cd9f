// Package atomicfile writes a file whole or not at all: exports, the
// desktop app's settings and session, rescue copies and backups go through
// it, so a crash, a full disk or a failed write never leaves half a file
// where an earlier good one was, and every such file gets its permissions
// the same way.
//
// Permissions follow os.WriteFile's rule for perm: a new file gets perm
// less the umask (the kernel applies it as the file is created, so the
// umask is never read or changed). A file that already exists keeps its
// mode, narrowed to perm: an export over a 0600 briefing stays 0600, and
// a private file (perm 0600) written over a looser one is tightened.
package atomicfile

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

	"github.com/attache/attache/domain"
)

// Write writes through fn to a temporary file in the target's directory,
// fsyncs, and renames it over path only when fn succeeded; on any failure
// (including ctx cancellation checked before the rename) the temporary
// file is removed and an existing file at path is untouched. perm is as
// the package says: 0o666 for a document the user's umask decides on,
// 0o600 for a private one.
//
// A symbolic link at path is followed, so the file it points to is replaced
// and the link kept. Errors the user can fix (a folder given as the file, a
// missing or read-only folder) are domain.EINVALID and still wrap the OS
// error, so errors.Is(err, fs.ErrPermission) and the like keep working.
func Write(ctx context.Context, path string, perm os.FileMode, fn func(w io.Writer) error) error {
	f, err := Create(ctx, path, perm)
	if err != nil {
		return err
	}
	// Deferred so that a panic in fn also removes the temporary file.
	defer f.Abort()
	bw := bufio.NewWriter(f.file)
	if err := fn(bw); err != nil {
		return diskFull(err, f.path)
	}
	if err := bw.Flush(); err != nil {
		return diskFull(fmt.Errorf("writing %s: %w", f.path, err), f.path)
	}
	return f.Commit(ctx)
}

// File is a file being written whole: a temporary file beside its target
// until Commit renames it into place.
type File struct {
	file      *os.File
	path      string      // the target, symbolic links resolved
	mode      os.FileMode // set before the rename when replacing
	replacing bool        // a file was at path: its mode (narrowed) is kept
	committed bool
}

// Create starts writing path (see Write for perm, links and errors). The
// caller writes to File.Name, or through File.Writer, then calls Commit,
// and defers Abort for every way out.
func Create(ctx context.Context, path string, perm os.FileMode) (*File, error) {
	if path == "" {
		return nil, domain.Errorf(domain.EINVALID, "no file name was given: choose where to save")
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("saving %s was cancelled: %w", path, err)
	}
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	var mode os.FileMode
	replacing := false
	switch fi, err := os.Stat(path); {
	case err == nil && fi.IsDir():
		return nil, domain.Errorf(domain.EINVALID, "%s is a folder: choose a file name, such as %s", path, filepath.Join(path, "briefing.json"))
	case err == nil:
		mode, replacing = fi.Mode().Perm()&perm, true
	}
	dir := filepath.Dir(path)
	if err := checkFolder(dir); err != nil {
		return nil, err
	}
	// A file replacing another is made private and given its mode at the
	// end, so its content is never readable by more than the final file.
	createPerm := perm
	if replacing {
		createPerm = 0o600
	}
	tmp, err := createTemp(dir, filepath.Base(path), createPerm)
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return nil, userError(err, "cannot save in the folder %s: it is not writable; choose another folder", dir)
	} else if err != nil {
		return nil, fmt.Errorf("creating a temporary file in %s: %w", dir, err)
	}
	return &File{file: tmp, path: path, mode: mode, replacing: replacing}, nil
}

// Name is the temporary file's name, for a writer that opens the file by
// name (SQLite's backup does).
func (f *File) Name() string { return f.file.Name() }

// Writer is the temporary file, to write to directly.
func (f *File) Writer() io.Writer { return f.file }

// Commit puts what was written in place of the target: on disk first,
// then renamed over it, then the rename itself made durable.
func (f *File) Commit(ctx context.Context) error {
	if f.replacing {
		if err := f.file.Chmod(f.mode); err != nil && runtime.GOOS != "windows" {
			return fmt.Errorf("setting the permissions of %s: %w", f.path, err)
		}
	}
	if err := f.file.Sync(); err != nil {
		return diskFull(fmt.Errorf("writing %s to disk: %w", f.path, err), f.path)
	}
	if err := f.file.Close(); err != nil {
		return diskFull(fmt.Errorf("writing %s: %w", f.path, err), f.path)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("saving %s was cancelled: %w", f.path, err)
	}
	if err := os.Rename(f.file.Name(), f.path); err != nil {
		return fmt.Errorf("replacing %s: %w", f.path, err)
	}
	f.committed = true
	syncDir(filepath.Dir(f.path))
	return nil
}

// Abort removes the temporary file unless Commit succeeded; the target is
// untouched. Safe to call more than once.
func (f *File) Abort() {
	if f.committed {
		return
	}
	_ = f.file.Close()
	_ = os.Remove(f.file.Name())
}

// checkFolder says what is wrong with the folder a file is to be saved in,
// in words the user can act on.
func checkFolder(dir string) error {
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
	return nil
}
