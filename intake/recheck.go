package intake

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/ingest"
)

// RecheckLibrary is what a recheck reads and records in: the excerpts
// whose quotes it looks for, and the checks it keeps. Sources may come
// from a listing, without their texts: a library that also has
// Source(ctx, id) is asked for the old text of a changed one, so the
// check can say how many paragraphs differ.
type RecheckLibrary interface {
	Excerpts(ctx context.Context, f domain.ExcerptFilter) ([]*domain.Excerpt, error)
	RecordSourceCheck(ctx context.Context, c *domain.SourceCheck) error
}

// RecheckOptions tune a recheck.
type RecheckOptions struct {
	// Fetch tunes the download of web sources: the same options as an
	// import, so the same addresses are refused (link-local ones always,
	// a redirect into this computer or a private network).
	Fetch ingest.FetchOptions
	// Private lets a web source on this computer or a private network be
	// fetched: the analyst's own intranet pages. Without it such an
	// address is not fetched (nothing is sent, nothing recorded), since a
	// source's address may have come from someone else's briefing file,
	// and a recheck of every source is not the analyst choosing each.
	Private bool
	// KeepOriginalBytes is passed on to the re-read of a file, so that a
	// changed file imported as a new version keeps its original as an
	// import would.
	KeepOriginalBytes int64
	// Now stamps the checks; nil means time.Now.
	Now func() time.Time
	// Starting, when set, is told before each source starts.
	Starting func(i, total int, src *domain.Source)
}

// RecheckResult is what a recheck found of one source.
type RecheckResult struct {
	Source *domain.Source // the source as given
	// Check is what was found: recorded in the library when Recorded is
	// set. A source that cannot be read again at all (pasted text, or a
	// file imported before Attaché kept its path) gets an unavailable
	// check that is not recorded: nothing was learnt of the source. A
	// web source on this computer or a private network, without Private,
	// gets a skipped check (domain.CheckSkipped), not recorded either:
	// nothing was sent.
	Check    *domain.SourceCheck
	Recorded bool
	// Fresh is the text read now, for a changed source: a source ready to
	// be imported as a new version (ImportNewVersion), not saved.
	Fresh  *domain.Source
	Report *ingest.Report
	// Err is why nothing was recorded: ErrStopped, or the library's
	// refusal to record.
	Err error
}

// RecheckSummary is what a recheck came to.
type RecheckSummary struct {
	Total      int
	NotStarted int // of Total, those a stop left untouched
}

// Recheck reads each source again from where it came from (its web
// address, or its file when Attaché knows the path), compares the text
// with the one imported and records what it found. The imported text is
// never replaced. The network is touched only here, and only for web
// sources. Each result goes to done as soon as it is known; when ctx is
// done Recheck returns within moments, the source under way ending with
// ErrStopped and nothing recorded for it.
func Recheck(ctx context.Context, lib RecheckLibrary, sources []*domain.Source, opt RecheckOptions, done func(RecheckResult)) RecheckSummary {
	sum := RecheckSummary{Total: len(sources)}
	for i, src := range sources {
		if ctx.Err() != nil {
			sum.NotStarted = len(sources) - i
			break
		}
		if opt.Starting != nil {
			opt.Starting(i, len(sources), src)
		}
		done(recheckOne(ctx, lib, src, opt))
	}
	return sum
}

// Rechecks says whether a recheck can read src again: a web source, or
// a file source whose path Attaché kept. Listings of "every source to
// recheck" keep these.
func Rechecks(src *domain.Source) bool {
	return src.Location != "" || isWebSource(src)
}

// isWebSource: the text came from the source's web address. A note the
// analyst pasted or typed is their own text even when it names a page.
func isWebSource(src *domain.Source) bool {
	return src.FileName == "" && src.URL != "" && src.Kind != domain.KindNote
}

func recheckOne(ctx context.Context, lib RecheckLibrary, src *domain.Source, opt RecheckOptions) RecheckResult {
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	r := RecheckResult{Source: src}
	c := &domain.SourceCheck{SourceID: src.ID, At: now().UTC()}
	var fresh *domain.Source
	var err error
	switch {
	case src.Location != "":
		c.Where = src.Location
		fresh, r.Report, err = rereadFile(ctx, src.Location, opt)
	case isWebSource(src):
		c.Where = src.URL
		fo := opt.Fetch
		fo.FromFile = !opt.Private
		fresh, r.Report, err = ingest.FetchURL(ctx, src.URL, fo)
		c.HTTPStatus = httpStatus(r.Report, err)
		if err != nil && !opt.Private && refusedInside(err) {
			c.Status, c.HTTPStatus = domain.CheckSkipped, 0
			c.Detail = fmt.Sprintf("%s is on this computer or a private network, where a recheck goes only "+
				"when asked to, since a source's address may have come from someone else's briefing file", src.URL)
			r.Check, r.Report = c, nil
			return r
		}
	default:
		c.Status, c.Detail = domain.CheckUnavailable, unreadable(src)
		r.Check = c
		return r
	}
	if ctx.Err() != nil {
		r.Err, r.Report = ErrStopped, nil
		return r
	}
	if err != nil {
		c.Status, c.Detail = domain.CheckUnavailable, domain.ErrorMessage(err)
		r.Report = nil
	} else {
		c.SHA256 = domain.TextSHA256(fresh.Text)
		c.Status, c.Detail = domain.CheckUnchanged, "the text reads as imported"
		if c.SHA256 != src.SHA256 {
			if err := compareQuotes(ctx, lib, src, fresh.Text, c); err != nil {
				r.Err = err
				return r
			}
			if src.Location != "" {
				fresh.Location = src.Location
			}
			r.Fresh = fresh
		}
	}
	r.Check = c
	if err := lib.RecordSourceCheck(ctx, c); err != nil {
		if ctx.Err() != nil {
			err = ErrStopped
		}
		r.Err = err
		return r
	}
	r.Recorded = true
	return r
}

// unreadable says why a source cannot be read again.
func unreadable(src *domain.Source) string {
	if src.FileName != "" {
		return fmt.Sprintf("Attaché does not know where this source's file (%s) was: it was imported before Attaché kept the path; import the file again to check it", src.FileName)
	}
	return "this source was pasted or typed, not read from a file or a web page: there is nothing to read again"
}

// rereadFile reads the file again with the importer an import uses. A
// file no longer there is said so plainly.
func rereadFile(ctx context.Context, path string, opt RecheckOptions) (*domain.Source, *ingest.Report, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, nil, domain.Errorf(domain.ENOTFOUND, "the file %s is missing: it was moved or deleted since the source was imported", path)
	}
	return readFile(ctx, path, Options{KeepOriginalBytes: opt.KeepOriginalBytes})
}

// refusedInside tells the fetch's refusal of an address on this computer
// or a private network as its first connection, before anything was
// sent (a redirect there is the page's doing, and is recorded).
func refusedInside(err error) bool {
	msg := domain.ErrorMessage(err)
	return strings.Contains(msg, "an address that came from a file is not fetched there") && !strings.Contains(msg, " redirected to ")
}

// httpStatus is the server's answer: from the import's report when the
// page came, from the error when the server refused it; 0 when no answer
// came (no connection, a refused address).
func httpStatus(rep *ingest.Report, err error) int {
	var se *ingest.StatusError
	switch {
	case errors.As(err, &se):
		return se.Code
	case err == nil && rep != nil:
		return rep.HTTPStatus
	}
	return 0
}
