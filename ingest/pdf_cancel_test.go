package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// Cancel stops a long PDF within a second: ImportContext returns at once,
// and the reading itself stops at the next page instead of running on to
// the end of the document in the background.
func TestPDFImportStopsWithinASecondOfCancel(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	importFX(t, longReport(1)) // the engine started: what is measured is the reading
	data := longReport(300).bytes(t)
	stopAfter := func(read func(ctx context.Context) error) (time.Duration, error) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- read(ctx) }()
		select {
		case err := <-done:
			t.Fatalf("the 300-page PDF was read before the cancel: %v", err)
		case <-time.After(300 * time.Millisecond):
		}
		cancel()
		sent := time.Now()
		select {
		case err := <-done:
			return time.Since(sent), err
		case <-time.After(5 * time.Second):
			t.Fatal("still reading 5 s after the cancel")
		}
		return 0, nil
	}
	took, err := stopAfter(func(ctx context.Context) error {
		_, _, err := ImportContext(ctx, "long.pdf", bytes.NewReader(data), Options{})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "the import of long.pdf was stopped before it finished; nothing of it was imported") {
		t.Fatalf("err = %v", err)
	}
	if took > time.Second {
		t.Errorf("ImportContext returned %v after the cancel, want within 1 s", took)
	}
	took, err = stopAfter(func(ctx context.Context) error {
		var mems []*pdfMemory
		_, _, err := readPDFFile(ctx, input{name: "long.pdf", label: "long.pdf"}, data, time.Minute, &mems)
		return err
	})
	if err == nil || took > time.Second {
		t.Errorf("the pages were read on for %v after the cancel (err %v), want within 1 s", took, err)
	}
	t.Logf("the reading stopped %v after the cancel", took)
}
