// Package pdfengine runs PDFium, compiled to WebAssembly and run on
// wazero (pure Go, no cgo, no network), for every part of Attaché that
// reads or draws a PDF: the import of a PDF's text (ingest) and the
// composer's preview of a briefing's pages (export). There is one engine
// per process: compiling the module takes seconds, so it is compiled once,
// cached on disk, and its instances come from one pool under one memory cap.
package pdfengine

import (
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
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// CacheEnv names the environment variable that overrides where the
// compiled PDF engine is cached; "off" disables the on-disk cache.
const CacheEnv = "ATTACHE_WASM_CACHE"

// engine is the process's one pool of PDFium instances, started on the
// first use.
var engine struct {
	mu       sync.Mutex
	cacheDir string // set by SetCacheDir; "" means the default
	pool     pdfium.Pool
	cache    wazero.CompilationCache
	running  atomic.Bool // pool != nil, read without mu
}

// SetCacheDir chooses where the compiled PDF engine is cached, "off" for
// no cache. It takes effect the next time the engine starts (the first
// use, or the first after Close).
func SetCacheDir(dir string) {
	engine.mu.Lock()
	defer engine.mu.Unlock()
	engine.cacheDir = dir
}

// Close stops the PDF engine and releases its memory; call it when the
// program ends. A later use starts the engine again.
func Close() error {
	engine.mu.Lock()
	defer engine.mu.Unlock()
	var err error
	if engine.pool != nil {
		err = engine.pool.Close()
	}
	if engine.cache != nil {
		err = errors.Join(err, engine.cache.Close(context.Background()))
	}
	engine.pool, engine.cache = nil, nil
	engine.running.Store(false)
	return err
}

func cacheDir(configured string) string {
	dir := configured
	if dir == "" {
		dir = os.Getenv(CacheEnv)
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

// Start starts the engine if it is not running: it compiles the module
// (seconds, the first time on a computer) or loads it from the cache (a
// fraction of a second). Instance starts it too; Start lets a caller do it
// ahead of need, off the UI goroutine.
func Start() error {
	_, err := started()
	return err
}

// Running says whether the engine is started, so that an instance comes
// without compiling or loading it.
// It never waits, even while the engine is being started.
func Running() bool { return engine.running.Load() }

// started is the pool, started if need be.
func started() (pdfium.Pool, error) {
	engine.mu.Lock()
	defer engine.mu.Unlock()
	if engine.pool == nil {
		var err error
		dir := cacheDir(engine.cacheDir)
		engine.pool, engine.cache, err = start(dir)
		if err != nil && dir != "" { // a damaged cache must not stop the engine
			engine.pool, engine.cache, err = start("")
		}
		if err != nil {
			return nil, err
		}
		engine.running.Store(true)
	}
	return engine.pool, nil
}

// ErrBusy is Instance's answer, with try, while another caller is being
// given an instance.
var ErrBusy = errors.New("the PDF reader is busy")

// Instance hands out a PDFium instance, starting the engine if needed, and
// the memory record of that instance; it waits up to wait for one to be
// free. With try, it gives up at once (ErrBusy) if another caller is
// waiting for an instance. The caller closes the instance, which frees
// its memory: no document carries over from one instance to the next.
func Instance(wait time.Duration, try bool) (pdfium.Pdfium, *Memory, error) {
	pool, err := started()
	if err != nil {
		return nil, nil, err
	}
	if try {
		if !alloc.mu.TryLock() {
			return nil, nil, ErrBusy
		}
	} else {
		alloc.mu.Lock()
	}
	defer alloc.mu.Unlock()
	mem := &Memory{limit: MemoryLimit}
	alloc.next.Store(mem)
	inst, err := pool.GetInstance(wait)
	alloc.next.Store(nil)
	return inst, mem, err
}

// MaxInstances is how many instances may run at once: an import may use
// two for a long document, so the preview waits while both are taken.
const MaxInstances = 3

func start(cacheDir string) (pdfium.Pool, wazero.CompilationCache, error) {
	// WithCloseOnContextDone would let a call be interrupted, but makes
	// PDFium eight times slower (measured: 150 pages in 9 s instead of 1.1 s);
	// callers check their deadline between pages instead, and the memory
	// cap (memory.go) bounds a page's work.
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
		Context:      withMemoryLimit(context.Background()),
		MinIdle:      0,
		MaxIdle:      1,
		MaxTotal:     MaxInstances,
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
