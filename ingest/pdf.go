package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/attache/attache/domain"
)

// FormatPDF is the Report.Format of an imported PDF.
const FormatPDF = "pdf"

// PDFCacheEnv names the environment variable that overrides where the
// compiled PDF engine is cached; "off" disables the on-disk cache.
const PDFCacheEnv = "ATTACHE_WASM_CACHE"

// PDF text is read by PDFium compiled to WebAssembly and run on wazero: pure
// Go, no cgo, no network. Compiling the module takes seconds, so the result
// is cached on disk and the engine is started once, on the first PDF.
var pdfEngine struct {
	mu       sync.Mutex
	cacheDir string // set by SetPDFCacheDir; "" means the default
	pool     pdfium.Pool
	cache    wazero.CompilationCache
}

// SetPDFCacheDir chooses where the compiled PDF engine is cached, "off" for
// no cache. It takes effect the next time the engine starts (the first PDF
// import, or the first after ClosePDF).
func SetPDFCacheDir(dir string) {
	pdfEngine.mu.Lock()
	defer pdfEngine.mu.Unlock()
	pdfEngine.cacheDir = dir
}

// ClosePDF stops the PDF engine and releases its memory; call it when the
// program ends. A later PDF import starts the engine again.
func ClosePDF() error {
	pdfEngine.mu.Lock()
	defer pdfEngine.mu.Unlock()
	var err error
	if pdfEngine.pool != nil {
		err = pdfEngine.pool.Close()
	}
	if pdfEngine.cache != nil {
		err = errors.Join(err, pdfEngine.cache.Close(context.Background()))
	}
	pdfEngine.pool, pdfEngine.cache = nil, nil
	return err
}

func pdfCacheDir(configured string) string {
	dir := configured
	if dir == "" {
		dir = os.Getenv(PDFCacheEnv)
	}
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(base, "attache", "wasm")
	}
	if strings.EqualFold(dir, "off") {
		return ""
	}
	return dir
}

// pdfInstance hands out a PDFium instance, starting the engine if needed.
// The caller closes the instance.
func pdfInstance(wait time.Duration) (pdfium.Pdfium, error) {
	pdfEngine.mu.Lock()
	var err error
	if pdfEngine.pool == nil {
		dir := pdfCacheDir(pdfEngine.cacheDir)
		pdfEngine.pool, pdfEngine.cache, err = startPDFEngine(dir)
		if err != nil && dir != "" { // a damaged cache must not stop imports
			pdfEngine.pool, pdfEngine.cache, err = startPDFEngine("")
		}
	}
	pool := pdfEngine.pool
	pdfEngine.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return pool.GetInstance(wait)
}

func startPDFEngine(cacheDir string) (pdfium.Pool, wazero.CompilationCache, error) {
	// WithCloseOnContextDone would let a call be interrupted, but makes
	// PDFium four times slower; readPages checks a deadline between pages.
	rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	var cache wazero.CompilationCache
	if cacheDir != "" {
		if err := os.MkdirAll(cacheDir, 0o755); err == nil {
			if c, err := wazero.NewCompilationCacheWithDir(cacheDir); err == nil {
				cache = c
				rc = rc.WithCompilationCache(c)
			}
		}
	}
	pool, err := webassembly.Init(webassembly.Config{
		MinIdle:      0,
		MaxIdle:      1,
		MaxTotal:     2,
		ReuseWorkers: false, // a fresh engine per document: nothing carries over, memory is freed
		// No file system: documents are handed over as bytes.
		FSConfig:      wazero.NewFSConfig(),
		RuntimeConfig: rc,
		Stdout:        io.Discard,
		Stderr:        io.Discard,
	})
	if err != nil {
		if cache != nil {
			cache.Close(context.Background())
		}
		return nil, nil, fmt.Errorf("could not start the PDF reader: %w", err)
	}
	return pool, cache, nil
}

// isPDF says whether data goes to the PDF importer: a .pdf name, or a file
// that starts with the PDF header.
func isPDF(name string, data []byte) bool {
	head := bytes.TrimLeft(data[:min(len(data), 1024)], "\xEF\xBB\xBF \t\r\n")
	return strings.EqualFold(filepath.Ext(name), ".pdf") || bytes.HasPrefix(head, []byte("%PDF-"))
}

func importPDF(base string, data []byte) (src *domain.Source, rep *Report, err error) {
	defer func() {
		if r := recover(); r != nil {
			src, rep = nil, nil
			err = domain.Errorf(domain.EINVALID, "%s could not be read: it may be damaged; "+
				"open it in a PDF reader, save a new copy and import that", base)
		}
	}()
	inst, err := pdfInstance(5 * time.Minute)
	if err != nil {
		return nil, nil, domain.Errorf(domain.EINTERNAL, "cannot read %s: %v", base, err)
	}
	defer inst.Close()
	var late atomic.Bool
	deadline := time.Now().Add(pdfTimeout)
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
		if inst2, err := pdfInstance(50 * time.Millisecond); err == nil {
			if doc2, err := openPDF(inst2, base, data); err == nil {
				split /= 2
				wg.Go(func() {
					readPages(inst2, doc2, d, split, len(d.pages), deadline, &late)
					inst2.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc2})
					inst2.Close()
				})
			} else {
				inst2.Close()
			}
		}
	}
	readPages(inst, doc, d, 0, split, deadline, &late)
	wg.Wait()
	if late.Load() {
		return nil, nil, domain.Errorf(domain.EINVALID, "%s took more than %v to read and was given up: it may be damaged; "+
			"open it in a PDF reader, save a new copy and import that, or export the text as .txt", base, pdfTimeout)
	}
	d.xmp = findXMP(data)
	return buildPDF(base, d)
}

const (
	parallelPages = 24              // the page count from which two engines share the work
	pdfTimeout    = 3 * time.Minute // reading one document takes no longer
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
