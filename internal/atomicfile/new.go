package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteNew is Write for a file that must not replace another (a rescue
// copy): it fails with an error wrapping fs.ErrExist if path exists, and
// otherwise puts the file there whole or not at all.
func WriteNew(ctx context.Context, path string, perm os.FileMode, fn func(w io.Writer) error) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists: %w", path, fs.ErrExist)
	}
	f, err := Create(ctx, path, perm)
	if err != nil {
		return err
	}
	defer f.Abort()
	f.replacing = false // nothing was there to take a mode from
	if err := fn(f.file); err != nil {
		return diskFull(err, f.path)
	}
	return f.commitNew(ctx)
}

// commitNew is Commit without replacing: a hard link gives the file its
// name only if the name is free, in one step. A file system without hard
// links (FAT, some network shares) gets a check and a rename instead.
func (f *File) commitNew(ctx context.Context) error {
	if err := f.file.Sync(); err != nil {
		return diskFull(fmt.Errorf("writing %s to disk: %w", f.path, err), f.path)
	}
	if err := f.file.Close(); err != nil {
		return diskFull(fmt.Errorf("writing %s: %w", f.path, err), f.path)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("saving %s was cancelled: %w", f.path, err)
	}
	err := os.Link(f.file.Name(), f.path)
	switch {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s already exists: %w", f.path, err)
	case err != nil:
		if _, lerr := os.Lstat(f.path); lerr == nil {
			return fmt.Errorf("%s already exists: %w", f.path, fs.ErrExist)
		}
		if err := os.Rename(f.file.Name(), f.path); err != nil {
			return fmt.Errorf("saving %s: %w", f.path, err)
		}
	default:
		_ = os.Remove(f.file.Name())
	}
	f.committed = true
	syncDir(filepath.Dir(f.path))
	return nil
}
