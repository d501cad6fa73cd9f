package store

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// pdfBytes stands for an original file: the store keeps bytes, whatever
// they are.
func pdfBytes(tag string) []byte { return []byte("%PDF-1.7 original of " + tag + "\n%%EOF\n") }

// mapFor is a page map of text on one page: each rune a glyph in a row.
func mapFor(text string) *domain.TextMap {
	m := &domain.TextMap{Pages: []domain.PageSize{{W: 612, H: 792}}}
	n := len([]rune(text))
	for i := range n {
		x := float32(i) / float32(n)
		m.Glyphs = append(m.Glyphs, domain.Glyph{Offset: int32(i), Box: domain.PageRect{X0: x, Y0: 0.1, X1: x + 0.5/float32(n), Y1: 0.12}})
	}
	return m
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.rt().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestOriginalFileIsKeptOnceAndGivenBack(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	orig := pdfBytes("chips")
	a := &domain.Source{Title: "Chips", Text: chipsText, FileName: "chips.pdf", Original: orig, TextMap: mapFor(chipsText)}
	if _, err := s.CreateSource(ctx, a); err != nil {
		t.Fatal(err)
	}
	if a.FileSHA256 != sha256Hex(orig) {
		t.Fatalf("FileSHA256 %q, want the file's hash", a.FileSHA256)
	}
	// Another source from the same bytes (say, a second import cut
	// differently) shares the one copy.
	b := &domain.Source{Title: "Chips again", Text: fiveGText, FileName: "copy.pdf", Original: bytes.Clone(orig)}
	if _, err := s.CreateSource(ctx, b); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "files"); n != 1 {
		t.Fatalf("%d files kept for one file's bytes", n)
	}
	for _, want := range []struct {
		id   int64
		name string
	}{{a.ID, "chips.pdf"}, {b.ID, "copy.pdf"}} {
		f, err := s.SourceFile(ctx, want.id)
		if err != nil || !bytes.Equal(f.Data, orig) || f.Name != want.name || f.SHA256 != a.FileSHA256 {
			t.Fatalf("SourceFile(%d) = %+v, %v", want.id, f, err)
		}
	}
	got, err := s.Source(ctx, a.ID)
	if err != nil || got.FileSHA256 != a.FileSHA256 || got.TextMap == nil || len(got.TextMap.Glyphs) != len([]rune(chipsText)) {
		t.Fatalf("Source(%d) = file %q, map %v, %v", a.ID, got.FileSHA256, got.TextMap != nil, err)
	}
	if got.Original != nil {
		t.Fatal("Source filled in Original: reads give the file through SourceFile only")
	}
	if o, _ := got.TextMap.OffsetAt(0, 0.0001, 0.11); o != 0 {
		t.Fatalf("the stored map puts the first glyph at offset %d", o)
	}
	list, err := s.Sources(ctx, domain.SourceFilter{})
	if err != nil || len(list) != 2 {
		t.Fatal(list, err)
	}
	for _, src := range list {
		if src.TextMap != nil || src.Original != nil || src.FileSHA256 == "" {
			t.Fatalf("listing of source %d: map %v, original %v, file %q: want the hash alone", src.ID, src.TextMap != nil, src.Original != nil, src.FileSHA256)
		}
	}
}

func TestSourceWithoutOriginalSaysSo(t *testing.T) {
	s := openTest(t)
	src := addSource(t, s, "Pasted", chipsText)
	_, err := s.SourceFile(context.Background(), src.ID)
	wantCode(t, err, domain.ENOTFOUND)
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "no original file") || !strings.Contains(msg, "import the file again") {
		t.Fatalf("message %q", msg)
	}
	_, err = s.SourceFile(context.Background(), 999)
	wantCode(t, err, domain.ENOTFOUND)
	if got, _ := s.Source(context.Background(), src.ID); got.FileSHA256 != "" || got.TextMap != nil {
		t.Fatalf("a pasted source has file %q, map %v", got.FileSHA256, got.TextMap != nil)
	}
}

func TestOriginalGoesWithItsLastSource(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	orig := pdfBytes("shared")
	a := &domain.Source{Title: "A", Text: chipsText, Original: orig}
	b := &domain.Source{Title: "B", Text: fiveGText, Original: orig}
	for _, src := range []*domain.Source{a, b} {
		if _, err := s.CreateSource(ctx, src); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteSource(ctx, a.ID, false); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "files"); n != 1 {
		t.Fatal("the file went while source B still names it")
	}
	// In the trash B still names it: restoring it brings the pages back.
	if err := s.TrashSource(ctx, b.ID, false); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "files"); n != 1 {
		t.Fatal("the file went when its source went to the trash")
	}
	if _, err := s.EmptyTrash(ctx); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "files"); n != 0 {
		t.Fatalf("%d files left after their last source was deleted for good", n)
	}

	c := &domain.Source{Title: "C", Text: chipsText, Original: orig}
	if _, err := s.CreateSource(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashSource(ctx, c.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := s.PurgeSource(ctx, c.ID, false); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "files"); n != 0 {
		t.Fatal("the file outlived its purged source")
	}
}

func TestImportingAgainGivesAnOldSourceItsFileAndMap(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	old := addSource(t, s, "Imported before files were kept", chipsText)
	again := &domain.Source{Title: "Chips", Text: chipsText, FileName: "chips.pdf", Original: pdfBytes("chips"), TextMap: mapFor(chipsText)}
	existing, err := s.CreateSource(ctx, again)
	if err != nil || !existing || again.ID != old.ID {
		t.Fatalf("existing %v, id %d (want %d), %v", existing, again.ID, old.ID, err)
	}
	if again.FileSHA256 == "" || again.TextMap == nil {
		t.Fatal("the source given back lacks the file or the map just attached")
	}
	f, err := s.SourceFile(ctx, old.ID)
	if err != nil || !bytes.Equal(f.Data, pdfBytes("chips")) || f.Name != "chips.pdf" {
		t.Fatalf("SourceFile after the second import: %+v, %v", f, err)
	}
	if got, _ := s.Source(ctx, old.ID); got.TextMap == nil {
		t.Fatal("the page map was not attached")
	}
	// A third import with other bytes leaves the kept file alone.
	third := &domain.Source{Title: "Chips", Text: chipsText, Original: pdfBytes("other")}
	if _, err := s.CreateSource(ctx, third); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.SourceFile(ctx, old.ID); !bytes.Equal(f.Data, pdfBytes("chips")) || countRows(t, s, "files") != 1 {
		t.Fatal("a later import replaced the kept file")
	}
}

func TestPageMapMustFitTheText(t *testing.T) {
	s := openTest(t)
	bad := mapFor(chipsText + " and more")
	src := &domain.Source{Title: "Chips", Text: chipsText, TextMap: bad, Original: pdfBytes("x")}
	_, err := s.CreateSource(context.Background(), src)
	wantCode(t, err, domain.EINVALID)
	if n := countRows(t, s, "sources") + countRows(t, s, "files"); n != 0 {
		t.Fatalf("a refused source left %d rows", n)
	}
}

func TestDamagedOriginalIsRefused(t *testing.T) {
	s := openTest(t)
	src := &domain.Source{Title: "Chips", Text: chipsText, Original: pdfBytes("chips")}
	if _, err := s.CreateSource(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	if _, err := s.wt().Exec(`UPDATE files SET data = ? WHERE sha256 = ?`, pdfBytes("chipz"), src.FileSHA256); err != nil {
		t.Fatal(err)
	}
	_, err := s.SourceFile(context.Background(), src.ID)
	wantCode(t, err, domain.EINVALID)
	if !strings.Contains(domain.ErrorMessage(err), "damaged") {
		t.Fatalf("message %q", domain.ErrorMessage(err))
	}
}

func TestSourceFileInfoReadsNoBytes(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := &domain.Source{Title: "Chips", Text: chipsText, FileName: "chips.pdf", Original: pdfBytes("chips")}
	if _, err := s.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	info, err := s.SourceFileInfo(ctx, src.ID)
	if err != nil || info == nil || info.Name != "chips.pdf" || info.Size != int64(len(pdfBytes("chips"))) || info.SHA256 != src.FileSHA256 {
		t.Fatalf("SourceFileInfo = %+v, %v", info, err)
	}
	plain := addSource(t, s, "Plain", fiveGText)
	if info, err := s.SourceFileInfo(ctx, plain.ID); err != nil || info != nil {
		t.Fatalf("a source without a file: %+v, %v", info, err)
	}
}
