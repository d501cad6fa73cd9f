package intake

import (
	"context"
	"errors"
	"io/fs"
	"os"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/interchange"
)

// Briefing imports the file at path as a briefing file whatever its name
// (`attache briefing import`): Run would take a file not named .json for a
// source.
func Briefing(ctx context.Context, lib Library, path string, opt Options) Result {
	return importBriefing(ctx, lib, job{name: path, path: path}, opt)
}

// importBriefing adds the briefing in an interchange file (an export, or
// a rescue copy of unsaved work) as a new briefing, all or nothing.
func importBriefing(ctx context.Context, lib Library, j job, opt Options) Result {
	r := Result{Name: j.name}
	if r.Err = refusePipe(j.path, opt.Pipes); r.Err != nil {
		return r
	}
	bundle, err := interruptible(ctx, func() (*domain.Bundle, error) { return readBundle(j.path) })
	if err == nil && ctx.Err() != nil {
		err = ErrStopped
	}
	if err != nil {
		r.Err = err
		return r
	}
	r.Briefing, r.Err = lib.ImportBundle(ctx, bundle)
	if r.Err == nil {
		r.Sources = len(bundle.Sources)
	}
	return r
}

func readBundle(path string) (*domain.Bundle, error) {
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, domain.Errorf(domain.ENOTFOUND, "%s does not exist: check the file name and folder", path)
	case err != nil:
		return nil, domain.Errorf(domain.EINVALID, "cannot open %s: %v", path, unwrapPath(err))
	}
	defer f.Close()
	return interchange.ReadJSON(f)
}
