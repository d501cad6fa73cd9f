// Package intake is the one way things are brought into a library: files,
// folders (the files inside them), web addresses, pasted text (standard
// input, the clipboard) and briefing files in the interchange format. The
// app and the command line both call Run; what a file is, and what
// becomes of it, is decided here once. It saves through Library, which
// the store satisfies, and never imports the store or the toolkit.
package intake

import (
	"context"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/ingest"
)

// Library is what an import saves into.
type Library interface {
	// CreateSource adds src, or finds the source with the same text
	// (existing), filling in src's ID either way.
	CreateSource(ctx context.Context, src *domain.Source) (existing bool, err error)
	// ImportBundle adds a briefing read from an interchange file, with its
	// sources and excerpts, all or nothing.
	ImportBundle(ctx context.Context, b *domain.Bundle) (*domain.Briefing, error)
}

// Item is one thing the analyst asked to bring in.
type Item struct {
	// Name is a file or folder path, a file: URL, or an http(s) address;
	// for Text, what the results call it ("-", "clipboard").
	Name string
	// Text, when set, is pasted text, read to its end and imported as a
	// note: standard input or the clipboard.
	Text io.Reader
	// Fetch says Name was typed as a web address: it is fetched, or
	// refused with what is wrong with it, never read as a file.
	Fetch bool
}

// Result is what became of one file, address or text.
type Result struct {
	Name     string         // the item's name; for a file found in a folder, its path
	Source   *domain.Source // the source added, or the one the library already had
	Existing bool           // the library already had this text; its details are unchanged
	Report   *ingest.Report // what the importer detected, for a source added or found
	Briefing *domain.Briefing
	Sources  int   // for a briefing, how many sources its file held
	Err      error // why nothing was imported; ErrStopped when the run was stopped
}

// ErrStopped is the error of an item the context stopped while it was
// being read: nothing of it was saved.
var ErrStopped = errors.New("the import was stopped; nothing of it was imported")

// Options tune a run.
type Options struct {
	// Override, when set, changes each source before it is saved: the
	// details the analyst gave win over what was detected.
	Override func(*domain.Source)
	// Pipes lets a named pipe or a device be read. A read that waits on
	// one is beyond any cancel: Run returns at once, but the read goes on
	// until something writes, which only a process about to end can
	// afford. Without Pipes they are refused.
	Pipes bool
	// Fetch tunes the download of web addresses.
	Fetch ingest.FetchOptions
	// Starting, when set, is told before each file starts: its place,
	// the number to import, and its name.
	Starting func(i, total int, name string)
	// KeepOriginalBytes is the largest PDF file kept in the library with
	// its source (Source.Original), so that its pages can be shown after
	// the file is moved; 0 keeps none. The app and the command line take
	// it from Settings (settings.KeepOriginalsBytes).
	KeepOriginalBytes int64
}

// Summary is what a run came to; the results went to Run's callback.
type Summary struct {
	Total      int // files, addresses and texts to import (a folder counts its files)
	NotStarted int // of Total, those a stop left untouched
	Skipped    int // files in folders that are in no format Attaché imports
}

// Run brings in the items in order, each saved on its own: one that fails
// leaves the others imported. Each result goes to done as soon as it is
// known. When ctx is done, Run returns within moments: the item under way
// ends with ErrStopped (a PDF stops at its next page), and the rest are
// not started.
func Run(ctx context.Context, lib Library, items []Item, opt Options, done func(Result)) Summary {
	jobs, skipped := expand(ctx, items)
	sum := Summary{Total: len(jobs), Skipped: skipped}
	for i, j := range jobs {
		if ctx.Err() != nil {
			sum.NotStarted = len(jobs) - i
			break
		}
		if opt.Starting != nil {
			opt.Starting(i, len(jobs), j.name)
		}
		done(run(ctx, lib, j, opt))
	}
	return sum
}

// job is one file, address or text to import, or a folder's error.
type job struct {
	name  string
	path  string    // a local file, or the address to fetch
	fetch bool      // path is a web address
	text  io.Reader // pasted text
	err   error     // a folder that could not be read or held nothing to import
}

func run(ctx context.Context, lib Library, j job, opt Options) Result {
	r := Result{Name: j.name}
	switch {
	case j.err != nil:
		r.Err = j.err
	case j.text != nil:
		r.Source, r.Report, r.Err = readText(ctx, j.text)
	case j.fetch:
		r.Source, r.Report, r.Err = ingest.FetchURL(ctx, j.path, opt.Fetch)
	case isBriefingFile(j.path):
		return importBriefing(ctx, lib, j, opt)
	default:
		r.Source, r.Report, r.Err = readFile(ctx, j.path, opt)
	}
	if r.Err == nil && ctx.Err() != nil {
		r.Err = ErrStopped
	}
	if r.Err != nil {
		r.Source, r.Report = nil, nil
		return r
	}
	if opt.Override != nil {
		opt.Override(r.Source)
	}
	r.Existing, r.Err = lib.CreateSource(ctx, r.Source)
	if r.Err != nil && ctx.Err() != nil {
		r.Err = ErrStopped // the save was given up: nothing of it is in the library
	}
	if r.Err != nil {
		r.Source, r.Report, r.Existing = nil, nil, false
	}
	return r
}

// readText imports pasted text as a note: it has no file, and its title
// comes from the text, else "Pasted".
func readText(ctx context.Context, text io.Reader) (*domain.Source, *ingest.Report, error) {
	r, err := interruptible(ctx, func() (read, error) {
		src, rep, err := ingest.ImportContext(ctx, "pasted.txt", text, ingest.Options{})
		return read{src, rep}, err
	})
	if err != nil {
		return nil, nil, err
	}
	r.src.Kind, r.src.FileName = domain.KindNote, ""
	return r.src, r.rep, nil
}

func readFile(ctx context.Context, path string, opt Options) (*domain.Source, *ingest.Report, error) {
	if err := refusePipe(path, opt.Pipes); err != nil {
		return nil, nil, err
	}
	r, err := interruptible(ctx, func() (read, error) {
		if data := keepable(path, opt.KeepOriginalBytes); data != nil {
			return importKept(ctx, path, data)
		}
		src, rep, err := ingest.ImportFileContext(ctx, path, ingest.Options{})
		return read{src, rep}, err
	})
	if err == nil && r.src != nil {
		r.src.Location = location(path)
	}
	return r.src, r.rep, err
}

// location is where a recheck finds the file again: its absolute path,
// for a regular file only (a pipe or a device gives nothing to read twice).
func location(path string) string {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	return abs
}

// read is what the importer made of a file.
type read struct {
	src *domain.Source
	rep *ingest.Report
}

// interruptible runs a read so that a stop (ctx) ends the wait for it at
// once: standard input or a named pipe waits for as long as nobody
// writes, in a read nothing else can interrupt, and a long file is read
// to its next stopping point (a PDF's next page) in the background.
func interruptible[T any](ctx context.Context, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	out := make(chan result, 1)
	go func() {
		var r result
		r.v, r.err = f()
		out <- r
	}()
	select {
	case r := <-out:
		if r.err != nil && ctx.Err() != nil {
			r.err = ErrStopped // however the read noticed the stop
		}
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ErrStopped
	}
}

// isWebAddress tells an address to fetch from a file name; fetching
// happens only for what the analyst names this way.
func isWebAddress(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// FilePath reads a file: URL, as a file manager copies it, as the path of
// the file it names; the file is imported, and its address is not stored.
func FilePath(s string) (string, bool) {
	if !strings.HasPrefix(strings.ToLower(s), "file:") {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil || u.Path == "" || (u.Host != "" && u.Host != "localhost") {
		return "", false
	}
	return filepath.FromSlash(u.Path), true
}
