package intake

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
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
	// check that is not recorded: nothing was learnt of the source.
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
			c.Status = domain.CheckUnavailable
			c.Detail = fmt.Sprintf("not rechecked: %s is on this computer or a private network, where a recheck goes only "+
				"when asked to, since a source's address may have come from someone else's briefing file", src.URL)
			r.Check = c
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

var (
	answeredRe = regexp.MustCompile(`the server answered (\d{3})\b`)
	fetchedRe  = regexp.MustCompile(`^HTTP (\d{3})\b`)
)

// httpStatus is the server's answer: from the import's report when the
// page came, from the error when the server refused it; 0 when no answer
// came (no connection, a refused address).
func httpStatus(rep *ingest.Report, err error) int {
	var m []string
	switch {
	case err != nil:
		m = answeredRe.FindStringSubmatch(domain.ErrorMessage(err))
	case rep != nil:
		for _, f := range rep.Detected {
			if f.Field == "fetched" {
				m = fetchedRe.FindStringSubmatch(f.From)
			}
		}
	}
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// compareQuotes finds where each of the source's excerpts' quotes stands
// in the new text, and says in c.Detail how much changed. Excerpts in the
// trash are looked for too: versions in a briefing's history may quote
// them.
func compareQuotes(ctx context.Context, lib RecheckLibrary, src *domain.Source, text string, c *domain.SourceCheck) error {
	c.Status = domain.CheckChanged
	var all []*domain.Excerpt
	for _, trashed := range []bool{false, true} {
		list, err := lib.Excerpts(ctx, domain.ExcerptFilter{SourceID: src.ID, Trashed: trashed})
		if err != nil {
			return err
		}
		all = append(all, list...)
	}
	counts := map[domain.QuoteState]int{}
	seen := map[int64]bool{}
	for _, e := range all {
		if seen[e.ID] || e.SourceID != src.ID {
			continue
		}
		if ctx.Err() != nil {
			return ErrStopped
		}
		seen[e.ID] = true
		q := LocateQuote(text, e)
		counts[q.State]++
		c.Quotes = append(c.Quotes, q)
	}
	c.Detail = changeDetail(oldText(ctx, lib, src), text, len(c.Quotes), counts)
	return nil
}

// oldText is the text imported: src's own, or, for a source from a
// listing (which leaves texts out), read from a library that can.
func oldText(ctx context.Context, lib RecheckLibrary, src *domain.Source) string {
	if src.Text != "" {
		return src.Text
	}
	reader, ok := lib.(interface {
		Source(ctx context.Context, id int64) (*domain.Source, error)
	})
	if !ok {
		return ""
	}
	if full, err := reader.Source(ctx, src.ID); err == nil {
		return full.Text
	}
	return ""
}

// LocateQuote finds an excerpt's quote in a source's new text: at the
// same place with the same words, moved (found elsewhere, or at the same
// place written differently, forgiving white space, quotes and dashes),
// or gone. Of several places, the one nearest the old is taken.
func LocateQuote(text string, e *domain.Excerpt) domain.QuoteCheck {
	q := domain.QuoteCheck{ExcerptID: e.ID, State: domain.QuoteGone}
	if at, err := domain.RuneSpan(text, e.Start, e.End); err == nil && at == e.Quote {
		q.State, q.Start, q.End = domain.QuoteSame, e.Start, e.End
		return q
	}
	if strings.TrimSpace(e.Quote) == "" {
		return q
	}
	spans, err := domain.FindQuote(text, e.Quote)
	if err != nil || len(spans) == 0 {
		return q
	}
	best := spans[0]
	for _, s := range spans[1:] {
		if abs(s.Start-e.Start) < abs(best.Start-e.Start) {
			best = s
		}
	}
	q.State, q.Start, q.End = domain.QuoteMoved, best.Start, best.End
	return q
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// changeDetail says, for the analyst, how the text changed and where the
// quotes stand: "3 paragraphs differ; of 4 quotes, 2 stand where they
// were, 1 moved, 1 gone".
func changeDetail(oldText, newText string, quotes int, counts map[domain.QuoteState]int) string {
	var b strings.Builder
	if oldText != "" {
		n := differingParagraphs(oldText, newText)
		switch n {
		case 0:
			b.WriteString("the text differs in its white space or order")
		case 1:
			b.WriteString("1 paragraph differs")
		default:
			fmt.Fprintf(&b, "%d paragraphs differ", n)
		}
	} else {
		b.WriteString("the text differs")
	}
	if quotes == 0 {
		b.WriteString("; the source has no excerpts")
		return b.String()
	}
	fmt.Fprintf(&b, "; of %d %s, %d %s where %s, %d moved, %d gone", quotes, plural(quotes, "quote", "quotes"),
		counts[domain.QuoteSame], plural(counts[domain.QuoteSame], "stands", "stand"),
		plural(counts[domain.QuoteSame], "it was", "they were"), counts[domain.QuoteMoved], counts[domain.QuoteGone])
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// differingParagraphs counts the paragraphs of either text that the other
// lacks, the larger of the two counts: added, removed or reworded.
func differingParagraphs(oldText, newText string) int {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, p := range strings.Split(s, "\n") {
			if p = strings.Join(strings.Fields(p), " "); p != "" {
				m[p]++
			}
		}
		return m
	}
	o, n := count(oldText), count(newText)
	missing := func(a, b map[string]int) int {
		k := 0
		for p, c := range a {
			if d := c - b[p]; d > 0 {
				k += d
			}
		}
		return k
	}
	return max(missing(o, n), missing(n, o))
}

// NewVersionLibrary is what ImportNewVersion saves into.
type NewVersionLibrary interface {
	CreateSource(ctx context.Context, src *domain.Source) (existing bool, err error)
}

// ImportNewVersion imports the text a recheck found (fresh, from a
// RecheckResult) as a new source, a newer version of old: linked to it,
// with the analyst's grade and marking carried over, and what the new
// text does not say of itself (authors, publisher, date) taken from old.
// The old source and its excerpts stay as they are. existing is true when
// the library already had the new text (then it is not relinked).
func ImportNewVersion(ctx context.Context, lib NewVersionLibrary, old, fresh *domain.Source) (existing bool, err error) {
	if fresh == nil || old == nil {
		return false, domain.Errorf(domain.EINVALID, "there is no new text to import: recheck the source first")
	}
	if domain.TextSHA256(fresh.Text) == old.SHA256 {
		return false, domain.Errorf(domain.EINVALID, "the text read now is the one imported as source %d: there is no new version to import", old.ID)
	}
	nv := *fresh
	nv.ID, nv.SHA256 = 0, ""
	nv.PreviousID = old.ID
	nv.Reliability, nv.Marking = old.Reliability, old.Marking
	nv.Standing, nv.StandingNote, nv.StandingAt, nv.Concern = "", "", nil, nil
	if strings.TrimSpace(nv.Title) == "" {
		nv.Title = old.Title
	}
	if len(nv.Authors) == 0 {
		nv.Authors = old.Authors
	}
	if nv.Publisher == "" {
		nv.Publisher = old.Publisher
	}
	if nv.Published.IsZero() {
		nv.Published = old.Published
	}
	if nv.Language == "" {
		nv.Language = old.Language
	}
	if old.Location != "" && nv.Location == "" {
		nv.Location = old.Location
	}
	existing, err = lib.CreateSource(ctx, &nv)
	if err != nil {
		return false, err
	}
	*fresh = nv
	return existing, nil
}
