//go:build unix

package intake

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func fifo(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "feed.txt")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// Without Pipes, a named pipe is refused at once rather than waited on.
func TestPipeIsRefusedUnlessAllowed(t *testing.T) {
	rs, _ := runAll(t, context.Background(), &library{}, names(fifo(t)), Options{})
	if rs[0].Err == nil || !strings.Contains(rs[0].Err.Error(), "feed.txt is not a file but a named pipe") {
		t.Fatalf("err %v", rs[0].Err)
	}
}

// Cancel during a run of many files returns within a second, even from a
// read that waits for ever (a pipe nobody writes to): the item under way
// ends stopped, the ones after it are not started, and what came before
// stays imported.
func TestCancelStopsAManyFileImportWithinASecond(t *testing.T) {
	dir := t.TempDir()
	a := write(t, filepath.Join(dir, "a.txt"), article("Alpha"))
	b := write(t, filepath.Join(dir, "b.txt"), article("Bravo"))
	c := write(t, filepath.Join(dir, "c.txt"), article("Charlie"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	waiting := make(chan struct{})
	opt := Options{Pipes: true, Starting: func(i, _ int, _ string) {
		if i == 1 {
			close(waiting)
		}
	}}
	lib := &library{}
	type out struct {
		rs  []Result
		sum Summary
	}
	done := make(chan out, 1)
	go func() {
		rs, sum := runAll(t, ctx, lib, names(a, fifo(t), b, c), opt)
		done <- out{rs, sum}
	}()
	<-waiting
	time.Sleep(100 * time.Millisecond) // the pipe's read is waiting
	cancel()
	sent := time.Now()
	var o out
	select {
	case o = <-done:
	case <-time.After(time.Second):
		t.Fatal("the import was still running 1 s after the cancel")
	}
	t.Logf("stopped %v after the cancel", time.Since(sent))
	if len(o.rs) != 2 || o.rs[0].Err != nil || !errors.Is(o.rs[1].Err, ErrStopped) || o.sum.NotStarted != 2 || o.sum.Total != 4 {
		t.Fatalf("results %+v, summary %+v", o.rs, o.sum)
	}
	if len(lib.sources) != 1 || lib.sources[0].Title != "Alpha" {
		t.Fatalf("library %+v", lib.sources)
	}
}
