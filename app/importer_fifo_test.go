//go:build unix

package app

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/attache/attache/intake"
)

// A named pipe picked in the import dialog used to block the import task
// until something wrote to it, beyond Cancel's reach.
func TestImportOfANamedPipeIsRefusedAtOnce(t *testing.T) {
	u, _ := newTestUI(t)
	fifo := filepath.Join(t.TempDir(), "feed.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan []importResult, 1)
	go func() {
		rs, _ := u.runImport(context.Background(), []intake.Item{{Name: fifo}}, intake.Options{})
		done <- rs
	}()
	select {
	case rs := <-done:
		if len(rs) != 1 || rs[0].Err == nil || !strings.Contains(rs[0].Err.Error(), "named pipe") {
			t.Fatalf("import of a pipe: %+v", rs)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the import waited on the pipe")
	}
}
