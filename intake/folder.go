package intake

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/attache/attache/domain"
)

// expand turns the items into jobs: a folder into the files inside it, in
// name order, and counts the files in folders left out for their format.
func expand(ctx context.Context, items []Item) (jobs []job, skipped int) {
	for _, it := range items {
		if it.Text != nil {
			jobs = append(jobs, job{name: it.Name, text: it.Text})
			continue
		}
		if it.Fetch || isWebAddress(it.Name) {
			jobs = append(jobs, job{name: it.Name, path: it.Name, fetch: true})
			continue
		}
		path := it.Name
		if p, ok := FilePath(path); ok {
			path = p
		}
		if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
			jobs = append(jobs, job{name: it.Name, path: path})
			continue
		}
		found, n := walk(ctx, path)
		skipped += n
		if len(found) == 0 {
			found = []job{{name: it.Name, err: emptyFolder(path, n)}}
		}
		jobs = append(jobs, found...)
	}
	return jobs, skipped
}

// walk lists the files to import in the folder root and the folders inside
// it: files in a format Attaché imports, hidden ones (".name") left out as
// the file manager hides them. A link is followed to a file but not to a
// folder, which could lead round in a circle. skipped counts the files
// left out for their format. A folder that cannot be read is a job that
// fails, and the walk goes on.
func walk(ctx context.Context, root string) (jobs []job, skipped int) {
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real // a link given by name is followed: WalkDir would not
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			jobs = append(jobs, job{name: p, err: domain.Errorf(domain.EINVALID,
				"the folder %s cannot be read (%v): its files were not imported; check you may open it", p, unwrapPath(err))})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		fi, err := os.Stat(p) // a link: what it leads to
		if err != nil || fi.IsDir() {
			return nil
		}
		if fi.Mode().IsRegular() && slices.Contains(Extensions(), strings.ToLower(filepath.Ext(p))) {
			jobs = append(jobs, job{name: p, path: p})
		} else {
			skipped++
		}
		return nil
	})
	return jobs, skipped
}

func emptyFolder(path string, skipped int) error {
	if skipped == 0 {
		return domain.Errorf(domain.EINVALID, "the folder %s holds no files to import: choose a folder with "+
			"articles in it, or the files themselves (%s)", path, Accepted())
	}
	return domain.Errorf(domain.EINVALID, "the folder %s holds %d files, none of them in a format Attaché imports: "+
		"it imports %s", path, skipped, Accepted())
}

// unwrapPath drops the *fs.PathError wrapper, which repeats the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// refusePipe refuses a named pipe or a device, unless pipes: reading one
// waits until something writes to it, beyond the reach of Cancel.
func refusePipe(path string, pipes bool) error {
	if pipes {
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().IsRegular() || fi.IsDir() {
		return nil // ingest explains a missing file or a folder
	}
	return domain.Errorf(domain.EINVALID, "%s is not a file but a named pipe or a device: save what it holds "+
		"as a file, then import that file (or use `attache import` on the command line)", filepath.Base(path))
}
