//go:build unix

package app

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe picked in the import dialog used to block the import task
// until something wrote to it, beyond Cancel's reach.
func TestImportOfANamedPipeIsRefusedAtOnce(t *testing.T) {
	u, _ := newTestUI(t)
	fifo := filepath.Join(t.TempDir(), "feed.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan importResult, 1)
	go func() { done <- u.importOne(context.Background(), fifo, "feed.txt") }()
	select {
	case r := <-done:
		if r.err == nil || !strings.Contains(r.err.Error(), "named pipe") {
			t.Fatalf("import of a pipe: %v", r.err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the import waited on the pipe")
	}
}
