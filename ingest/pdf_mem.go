package ingest

import (
	"context"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/tetratelabs/wazero/experimental"
)

// pdfMemoryLimit caps the memory of one PDF engine. PDFium unpacks a
// compressed stream whole, so a few megabytes of FlateDecode "bomb" asked for
// gigabytes (8 GB for a 4 MB file) before this cap; a genuine document up to
// the 64 MiB import limit reads in well under it (a 300-page report peaks
// near 20 MiB). Growing the memory copies it, so the process briefly holds
// the cap and half of it at worst.
const pdfMemoryLimit = 512 << 20

// pdfMemory is one engine's memory ceiling and what it used: the allocator
// hands each engine the pdfMemory that pdfInstance prepared for it, so an
// import learns whether its own engine hit the cap.
type pdfMemory struct {
	limit uint64
	peak  atomic.Uint64
	hit   atomic.Bool // the engine asked for more than limit
}

// pdfAlloc gives each new engine (one wazero module instance) the
// pdfMemory waiting in next. pdfInstance asks for engines one at a time,
// under mu; an engine created any other way still gets the limit.
var pdfAlloc struct {
	mu   sync.Mutex
	next atomic.Pointer[pdfMemory]
}

// withPDFMemory returns ctx with the allocator that enforces the limit, for
// the engine pool's context (wazero looks it up when it creates an engine).
func withPDFMemory(ctx context.Context) context.Context {
	return experimental.WithMemoryAllocator(ctx, experimental.MemoryAllocatorFunc(
		func(capacity, _ uint64) experimental.LinearMemory {
			m := pdfAlloc.next.Swap(nil)
			if m == nil {
				m = &pdfMemory{limit: pdfMemoryLimit}
			}
			return &linearMemory{mem: m, buf: make([]byte, 0, min(capacity, m.limit))}
		}))
}

// linearMemory is a Go slice, as wazero's own, that refuses to grow past
// its limit: the engine's malloc then fails and PDFium gives up the
// document instead of the process running out of memory.
type linearMemory struct {
	mem *pdfMemory
	buf []byte
}

func (l *linearMemory) Reallocate(size uint64) []byte {
	if size > l.mem.limit {
		l.mem.hit.Store(true)
		return nil
	}
	if size > uint64(cap(l.buf)) {
		// Doubling keeps the copies few. Before a large copy, the earlier
		// copies are collected and handed back to the system: left to the
		// garbage collector's pace, they held the process at four times the
		// engine's memory.
		n := min(max(size, 2*uint64(cap(l.buf))), l.mem.limit)
		if n >= 64<<20 {
			debug.FreeOSMemory()
		}
		buf := make([]byte, size, n)
		copy(buf, l.buf)
		l.buf = buf
	} else {
		l.buf = l.buf[:size]
	}
	if size > l.mem.peak.Load() {
		l.mem.peak.Store(size)
	}
	return l.buf
}

func (l *linearMemory) Free() { l.buf = nil }
