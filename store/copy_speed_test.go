package store

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

// copySpeedEnv runs TestCopySpeed, which builds a library of 1,000
// sources and 10,000 excerpts (a minute or so) and logs how fast it
// copies: `ATTACHE_COPY_SPEED=1 go test -tags sqlite_fts5 -run CopySpeed -v ./store/`.
const copySpeedEnv = "ATTACHE_COPY_SPEED"

func TestCopySpeed(t *testing.T) {
	if os.Getenv(copySpeedEnv) == "" {
		t.Skip("set " + copySpeedEnv + "=1 to measure")
	}
	orig := fileCopyEnd(t, "speed.db")
	bigLibrary(t, orig, 1000, 10)
	mid := openCopyEnd(t, newLibrary(t))
	timeCopy(t, orig, mid)
	timeCopy(t, mid, fileCopyEnd(t, "back.db"))
}

// timeCopy copies from into to and logs the rows per second, with the
// time the search index took apart.
func timeCopy(t *testing.T, from, to *Store) {
	t.Helper()
	start := time.Now()
	var indexing time.Time
	sum, err := CopyLibrary(context.Background(), from, to, func(step string, _, _ int) {
		if step == "indexing for search" && indexing.IsZero() {
			indexing = time.Now()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	rowsTook := indexing.Sub(start)
	t.Logf("%s → %s: %d rows (%d sources, %d excerpts) in %.2f s: %.0f rows/s; rows %.2f s (%.0f rows/s), search index %.2f s",
		from.dialect, to.dialect, sum.Rows, sum.Sources, sum.Excerpts, took.Seconds(), float64(sum.Rows)/took.Seconds(),
		rowsTook.Seconds(), float64(sum.Rows)/rowsTook.Seconds(), took.Seconds()-rowsTook.Seconds())
}

// bigLibrary adds n sources of about 6 KB of text, each with per
// excerpts, and a briefing quoting each tenth source's excerpts.
func bigLibrary(t *testing.T, s *Store, n, per int) {
	t.Helper()
	ctx := context.Background()
	var quoted []*domain.Block
	for i := range n {
		var text strings.Builder
		for p := range 40 {
			fmt.Fprintf(&text, "Paragraph %d of source %d: export controls on advanced chips widened again. ", p, i)
			text.WriteString("Officials called the approach a small yard with a high fence.\n\n")
		}
		src := &domain.Source{Title: fmt.Sprintf("Source %d", i), Text: text.String(), Authors: []string{"Desk"}}
		if _, err := s.CreateSource(ctx, src); err != nil {
			t.Fatal(err)
		}
		for p := range per {
			e := addExcerpt(t, s, src.ID, fmt.Sprintf("Paragraph %d of source %d", p, i), "chips")
			if i%10 == 0 {
				quoted = append(quoted, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID})
			}
		}
	}
	if err := s.CreateBriefing(ctx, &domain.Briefing{Title: "Everything", Blocks: quoted}); err != nil {
		t.Fatal(err)
	}
}
