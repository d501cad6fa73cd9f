package ingest

import (
	"bytes"
	"context"
	"errors"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/pdfengine"
)

// FormatPDF is the Report.Format of an imported PDF.
const FormatPDF = "pdf"

// PDFCacheEnv names the environment variable that overrides where the
// compiled PDF engine is cached; "off" disables the on-disk cache.
const PDFCacheEnv = pdfengine.CacheEnv

// PDF text is read by PDFium compiled to WebAssembly and run on wazero, the
// one engine of the process (internal/pdfengine), which the composer's
// preview shares.

// SetPDFCacheDir chooses where the compiled PDF engine is cached, "off" for
// no cache. It takes effect the next time the engine starts (the first PDF
// import, or the first after ClosePDF).
func SetPDFCacheDir(dir string) { pdfengine.SetCacheDir(dir) }

// ClosePDF stops the PDF engine and releases its memory; call it when the
// program ends. A later PDF import starts the engine again.
func ClosePDF() error { return pdfengine.Close() }

// pdfMemory is one engine instance's memory record.
type pdfMemory = pdfengine.Memory

// pdfMemoryLimit caps the memory of one engine instance.
const pdfMemoryLimit = pdfengine.MemoryLimit

// pdfInstance hands out a PDFium instance and its memory record (see
// pdfengine.Instance). The caller closes the instance.
func pdfInstance(wait time.Duration, try bool) (pdfium.Pdfium, *pdfMemory, error) {
	return pdfengine.Instance(wait, try)
}

// hasPDFHeader says whether data starts with the PDF header, whatever the
// file is named.
func hasPDFHeader(data []byte) bool {
	head := bytes.TrimLeft(data[:min(len(data), 1024)], "\xEF\xBB\xBF \t\r\n")
	return bytes.HasPrefix(head, []byte("%PDF-"))
}

// importPDF reads a PDF; ctx stops it between pages, and a cancel returns
// at once, leaving a page under way to finish in the background within
// its memory cap, as the time limit does.
func importPDF(ctx context.Context, in input, data []byte) (*domain.Source, *Report, error) {
	base := in.label
	type result struct {
		src  *domain.Source
		rep  *Report
		err  error
		mems []*pdfMemory
	}
	limit := pdfTimeout
	done := make(chan result, 1)
	go func() {
		var r result
		r.src, r.rep, r.err = readPDFFile(ctx, in, data, limit, &r.mems)
		done <- r
	}()
	// A page cannot be interrupted (see pdfengine's start): one that outlasts
	// the time limit is left to finish in the background, within its
	// memory cap, and the import is given up now.
	wall := time.NewTimer(limit + pdfGrace)
	defer wall.Stop()
	var r result
	select {
	case r = <-done:
	case <-wall.C:
		return nil, nil, errPDFLate(base, limit)
	case <-ctx.Done():
		return nil, nil, stopped(ctx, base)
	}
	for _, m := range r.mems {
		// Whatever the pages gave, a document that wanted more memory than
		// the cap is refused: its text is incomplete, and it is most likely
		// built to exhaust the computer's memory.
		if m.Hit() {
			debug.FreeOSMemory() // the engine's memory, now garbage, goes back at once
			return nil, nil, domain.Errorf(domain.EINVALID, "%s was not read: it needs more than %s of memory to "+
				"unpack, as PDF bombs do; if it is a genuine document, open it in a PDF reader, save a new copy "+
				"(or export the text as .txt) and import that", base, humanSize(pdfMemoryLimit))
		}
	}
	return r.src, r.rep, r.err
}

func errPDFLate(base string, limit time.Duration) error {
	return domain.Errorf(domain.EINVALID, "%s took more than %v to read and was given up: it may be damaged; "+
		"open it in a PDF reader, save a new copy and import that, or export the text as .txt", base, limit)
}

// readPDFFile reads a PDF with one or two engines, whose memory records it
// adds to mems, starting no page after limit or once ctx is done.
func readPDFFile(ctx context.Context, in input, data []byte, limit time.Duration, mems *[]*pdfMemory) (src *domain.Source, rep *Report, err error) {
	base := in.label
	defer func() {
		if r := recover(); r != nil {
			src, rep = nil, nil
			err = domain.Errorf(domain.EINVALID, "%s could not be read: it may be damaged; "+
				"open it in a PDF reader, save a new copy and import that", base)
		}
	}()
	inst, mem, err := pdfInstance(5*time.Minute, false)
	if err != nil {
		return nil, nil, domain.Errorf(domain.EINTERNAL, "cannot read %s: %v", base, err)
	}
	*mems = append(*mems, mem)
	defer inst.Close()
	var late atomic.Bool
	deadline := time.Now().Add(limit)
	doc, err := openPDF(inst, base, data)
	if err != nil {
		return nil, nil, err
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc})
	d, err := readPDF(inst, doc)
	if err != nil {
		return nil, nil, domain.Errorf(domain.EINVALID, "%s is damaged: open it in a PDF reader and save a new copy, "+
			"or export the text as .txt and import that", base)
	}
	// A long document is read by two engines at once when a second is free.
	split := len(d.pages)
	var wg sync.WaitGroup
	if split >= parallelPages {
		if inst2, mem2, err := pdfInstance(50*time.Millisecond, true); err == nil {
			*mems = append(*mems, mem2)
			if doc2, err := openPDF(inst2, base, data); err == nil {
				split /= 2
				wg.Go(func() {
					readPages(ctx, inst2, doc2, d, split, len(d.pages), deadline, &late)
					inst2.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc2})
					inst2.Close()
				})
			} else {
				inst2.Close()
			}
		}
	}
	readPages(ctx, inst, doc, d, 0, split, deadline, &late)
	wg.Wait()
	if err := stopped(ctx, base); err != nil {
		return nil, nil, err
	}
	if late.Load() {
		return nil, nil, errPDFLate(base, limit)
	}
	d.xmp = findXMP(data)
	return buildPDF(in, d)
}

const parallelPages = 24 // the page count from which two engines share the work

// Reading one document takes no longer than pdfTimeout; pages are not
// started after it, and a page still running pdfGrace later is abandoned.
// Variables so that tests can shorten them.
var (
	pdfTimeout = 3 * time.Minute
	pdfGrace   = 5 * time.Second
)

func openPDF(inst pdfium.Pdfium, base string, data []byte) (references.FPDF_DOCUMENT, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	switch {
	case errors.Is(err, pdfiumerr.ErrPassword), errors.Is(err, pdfiumerr.ErrSecurity):
		return "", domain.Errorf(domain.EINVALID, "%s is protected by a password: open it in a PDF reader, "+
			"save an unprotected copy, and import that", base)
	case err != nil:
		return "", domain.Errorf(domain.EINVALID, "%s is damaged or not a PDF: open it in a PDF reader "+
			"and save a new copy, or export the text as .txt and import that", base)
	}
	return doc.Document, nil
}
