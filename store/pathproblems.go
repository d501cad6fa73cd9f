package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/attache/attache/domain"
)

// realPath is path with its symbolic links followed, so that a link to the
// library and the library itself are one library: one lock, one backups
// folder, and a restore that replaces the file rather than the link. A path
// that does not exist yet is resolved as far as its folder; one that cannot
// be resolved at all is returned as given, for the open to report.
func realPath(path string) string {
	if p, err := resolvePath(path); err == nil {
		return p
	}
	return path
}

// resolvePath is realPath with the reason a path cannot be resolved.
func resolvePath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path, err
	}
	p, err := filepath.EvalSymlinks(abs)
	if err == nil {
		return p, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		// EvalSymlinks says "too many links" in words of its own; the
		// system's error (ELOOP and the like) is what can be explained.
		if _, serr := os.Stat(abs); serr != nil && !errors.Is(serr, fs.ErrNotExist) {
			return path, serr
		}
		return path, err
	}
	if _, lerr := os.Lstat(abs); lerr == nil {
		// A link whose target is missing: the library would be made at
		// the target, so that is the path.
		if target, rerr := os.Readlink(abs); rerr == nil {
			if !filepath.IsAbs(target) {
				target = filepath.Join(filepath.Dir(abs), target)
			}
			return target, nil
		}
	}
	dir, derr := filepath.EvalSymlinks(filepath.Dir(abs))
	if derr != nil {
		return abs, nil
	}
	return filepath.Join(dir, filepath.Base(abs)), nil
}

// pathProblem turns a failure to reach, make or lock the library file into
// a message saying what is wrong and what to do, instead of the system's
// words ("stat …: too many levels of symbolic links"). doing completes
// "cannot …", e.g. "open the library /x/y.db".
func pathProblem(doing, path string, err error) error {
	why, todo := explainFileError(err)
	if why == "" {
		why = fmt.Sprint(unwrapPathError(err))
		todo = "check the path given with --db (or ATTACHE_DB), or open another library"
	}
	return domain.Errorf(domain.EINVALID, "cannot %s: %s; %s", doing, why, todo)
}

// explainFileError says, for the common system errors, what went wrong and
// what to do; "" for the others.
func explainFileError(err error) (why, todo string) {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "the path is a symbolic link that leads round in a circle (or through too many links)", "point the link at the library file, or give the file's own path with --db"
	case errors.Is(err, syscall.EROFS):
		return "the disk it is on is read-only", "choose a folder on a disk you can write to with --db"
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "the disk is full (or your quota is used up)", "free some space and try again"
	case errors.Is(err, syscall.EISDIR):
		return "the path is a folder, not a file", "give the path of a library file with --db, e.g. FOLDER/library.db"
	case errors.Is(err, syscall.ENOTDIR):
		return "part of the path is a file, not a folder", "check the path given with --db (or ATTACHE_DB)"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "the path is too long", "choose a shorter path with --db"
	case errors.Is(err, fs.ErrPermission):
		return "you are not allowed to (permission denied)", "ask the owner of the file or folder for access, or choose a folder you can write to with --db"
	case errors.Is(err, syscall.EIO):
		return "the disk could not be read or written (input/output error), which may mean it is failing", "copy the library and its backups to another disk now, and open the copy with --db"
	case errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE):
		return "too many files are open", "close some programs and try again"
	case errors.Is(err, fs.ErrNotExist):
		return "the file or its folder does not exist", "check the path given with --db (or ATTACHE_DB)"
	}
	return "", ""
}

// unwrapPathError drops the operation and path Go puts before a system
// error: the message names the path already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// missingLibrary is the answer to a command that only reads, at a path
// where there is no library: making one there would hide a mistyped path
// behind an empty library.
func missingLibrary(path string) error {
	where := "there is no library at " + path
	if _, err := os.Stat(filepath.Dir(path)); errors.Is(err, fs.ErrNotExist) {
		where += " (neither the file nor its folder exists)"
	} else {
		where += " (no such file)"
	}
	return domain.Errorf(domain.ENOTFOUND, "%s: check the path given with --db (or ATTACHE_DB); to start a new library there, import a file into it (attache import FILE --db %s)", where, domain.ShellQuote(path))
}
