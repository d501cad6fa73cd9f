package pdfengine

import (
	"context"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/tetratelabs/wazero/experimental"
)

// MemoryLimit caps the memory of one PDF engine instance. PDFium unpacks a
// compressed stream whole, so a few megabytes of FlateDecode "bomb" asked
// for gigabytes (8 GB for a 4 MB file) before this cap; a genuine document
// up to the 64 MiB import limit reads in well under it (a 300-page report
// peaks near 20 MiB). Growing the memory copies it, so the process briefly
// holds the cap and half of it at worst.
const MemoryLimit = 512 << 20

// Memory is one instance's memory ceiling and what it used: the allocator
// hands each instance the Memory that Instance prepared for it, so a
// caller learns whether its own instance hit the cap.
type Memory struct {
	limit uint64
	peak  atomic.Uint64
	hit   atomic.Bool // the instance asked for more than limit
}

// Peak is the most memory the instance has held, in bytes.
func (m *Memory) Peak() uint64 { return m.peak.Load() }

// Hit says whether the instance asked for more than MemoryLimit (and was
// refused it: its work is incomplete).
func (m *Memory) Hit() bool { return m.hit.Load() }

// alloc gives each new instance (one wazero module instance) the Memory
// waiting in next. Instance asks for instances one at a time, under mu; an
// instance created any other way still gets the limit.
var alloc struct {
	mu   sync.Mutex
	next atomic.Pointer[Memory]
}

// withMemoryLimit returns ctx with the allocator that enforces the limit,
// for the pool's context (wazero looks it up when it creates an instance).
func withMemoryLimit(ctx context.Context) context.Context {
	return experimental.WithMemoryAllocator(ctx, experimental.MemoryAllocatorFunc(
		func(capacity, _ uint64) experimental.LinearMemory {
			m := alloc.next.Swap(nil)
			if m == nil {
				m = &Memory{limit: MemoryLimit}
			}
			return &linearMemory{mem: m, buf: make([]byte, 0, min(capacity, m.limit))}
		}))
}

// linearMemory is a Go slice, as wazero's own, that refuses to grow past
// its limit: the engine's malloc then fails and PDFium gives up the
// document instead of the process running out of memory.
type linearMemory struct {
	mem *Memory
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
