package store

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// testFigure is a figure on page 1 of a w×h image of one colour.
func testFigure(t *testing.T, w, h int, shade uint8, caption string) *domain.Figure {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = shade
	}
	img.Set(0, 0, color.Gray{Y: 255 - shade})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return &domain.Figure{Page: 1, Rect: domain.PageRect{X0: 0.1, Y0: 0.2, X1: 0.9, Y1: 0.6},
		PNG: buf.Bytes(), Width: w, Height: h, SHA256: domain.FigureSHA256(buf.Bytes()), Caption: caption}
}

func TestFigureExcerptRoundTrips(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	fig := testFigure(t, 40, 20, 30, "Chip exports by quarter")
	e := &domain.Excerpt{SourceID: src.ID, Start: 0, End: 10, Figure: fig, Note: "the chart", Tags: []string{"charts"}}
	if err := s.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	if e.Quote != "Washington" {
		t.Fatalf("quote %q: a figure's quote is the text inside it", e.Quote)
	}
	got, err := s.Excerpt(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Figure == nil || !bytes.Equal(got.Figure.PNG, fig.PNG) || got.Figure.Rect != fig.Rect || got.Figure.Page != 1 ||
		got.Figure.Width != 40 || got.Figure.Height != 20 || got.Figure.Caption != fig.Caption || got.Figure.SHA256 != fig.SHA256 {
		t.Fatalf("Excerpt(%d).Figure = %+v", e.ID, got.Figure)
	}
	list, err := s.Excerpts(ctx, domain.ExcerptFilter{SourceID: src.ID})
	if err != nil || len(list) != 1 || list[0].Figure == nil || list[0].Figure.Caption != fig.Caption {
		t.Fatalf("listing: %+v, %v", list, err)
	}
	if list[0].Figure.PNG != nil {
		t.Fatal("the listing loaded the image: listings leave it out")
	}
	// Search finds the figure by its caption.
	hits, err := s.Excerpts(ctx, domain.ExcerptFilter{Query: "quarter"})
	if err != nil || len(hits) != 1 || hits[0].ID != e.ID {
		t.Fatalf("search for the caption: %+v, %v", hits, err)
	}
	// A text excerpt has no figure.
	plain := addExcerpt(t, s, src.ID, "small yard")
	if got, _ := s.Excerpt(ctx, plain.ID); got.Figure != nil {
		t.Fatalf("a text excerpt has a figure: %+v", got.Figure)
	}
}

func TestFigureWithoutTextHasAnEmptySpan(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	e := &domain.Excerpt{SourceID: src.ID, Start: 70, End: 70, Figure: testFigure(t, 8, 8, 100, "A bar chart")}
	if err := s.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	got, err := s.Excerpt(ctx, e.ID)
	if err != nil || got.Start != 70 || got.End != 70 || got.Quote != "" || got.Figure == nil {
		t.Fatalf("empty figure: %+v, %v", got, err)
	}
	// At the very start of the text too.
	if err := s.CreateExcerpt(ctx, &domain.Excerpt{SourceID: src.ID, Figure: testFigure(t, 8, 8, 90, "")}); err != nil {
		t.Fatalf("a figure with no text at offset 0: %v", err)
	}
	// A text excerpt may not be empty, by offsets or by quote.
	for _, bad := range []*domain.Excerpt{
		{SourceID: src.ID, Start: 70, End: 70},
		{SourceID: src.ID, Start: 0, End: 0, Quote: ""},
	} {
		wantCode(t, s.CreateExcerpt(ctx, bad), domain.EINVALID)
	}
	// Nor may the database hold one, whatever writes it.
	if _, err := s.wt().Exec(`INSERT INTO excerpts (source_id, start, "end", quote, created_at, updated_at) VALUES (?, 5, 5, '', 'x', 'x')`, src.ID); err == nil {
		t.Fatal("the schema took an empty text excerpt")
	}
	// An empty figure with a quote, or outside the text, is refused.
	wantCode(t, s.CreateExcerpt(ctx, &domain.Excerpt{SourceID: src.ID, Start: 5, End: 5, Quote: "Wash", Figure: testFigure(t, 8, 8, 80, "")}), domain.EINVALID)
	wantCode(t, s.CreateExcerpt(ctx, &domain.Excerpt{SourceID: src.ID, Start: 9999, End: 9999, Figure: testFigure(t, 8, 8, 80, "")}), domain.EINVALID)
}

func TestDamagedFigureIsRefused(t *testing.T) {
	s := openTest(t)
	src := addSource(t, s, "Chips", chipsText)
	fig := testFigure(t, 8, 8, 10, "")
	fig.PNG[len(fig.PNG)-1] ^= 1
	err := s.CreateExcerpt(context.Background(), &domain.Excerpt{SourceID: src.ID, Start: 0, End: 4, Figure: fig})
	wantCode(t, err, domain.EINVALID)
	if !strings.Contains(domain.ErrorMessage(err), "SHA-256") {
		t.Fatalf("message %q", domain.ErrorMessage(err))
	}
	if n := countRows(t, s, "figure_images"); n != 0 {
		t.Fatalf("a refused figure left %d images", n)
	}
}

func TestFigureCaptionUpdatesAndMerges(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	e := &domain.Excerpt{SourceID: src.ID, Start: 0, End: 10, Figure: testFigure(t, 8, 8, 10, "Old caption")}
	if err := s.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	listed, _ := s.Excerpts(ctx, domain.ExcerptFilter{})
	base := listed[0].Clone()
	// Edited from a listing, without the image: the caption changes, the
	// image stays.
	edit := listed[0]
	edit.Figure.Caption = "New caption"
	if _, err := s.UpdateExcerpt(ctx, base, edit); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Excerpt(ctx, e.ID)
	if got.Figure.Caption != "New caption" || !bytes.Equal(got.Figure.PNG, e.Figure.PNG) {
		t.Fatalf("after the update: caption %q, image kept %v", got.Figure.Caption, bytes.Equal(got.Figure.PNG, e.Figure.PNG))
	}
	// Another window that changed only the note keeps the new caption.
	other := base.Clone()
	other.Note = "noted"
	if _, err := s.UpdateExcerpt(ctx, base, other); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Excerpt(ctx, e.ID); got.Figure.Caption != "New caption" || got.Note != "noted" {
		t.Fatalf("merge lost the caption: %q, note %q", got.Figure.Caption, got.Note)
	}
	// The caption is held to its limit.
	long := base.Clone()
	long.Figure.Caption = strings.Repeat("x", domain.FigureCaption.Max+1)
	_, err := s.UpdateExcerpt(ctx, nil, long)
	wantCode(t, err, domain.EINVALID)
	// The new caption is what search finds.
	if hits, _ := s.Excerpts(ctx, domain.ExcerptFilter{Query: "new caption"}); len(hits) != 1 {
		t.Fatalf("search for the new caption: %d hits", len(hits))
	}
}

func TestFigureImageIsSharedAndGoesWithTheLastExcerpt(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	fig := testFigure(t, 8, 8, 10, "")
	a := &domain.Excerpt{SourceID: src.ID, Start: 0, End: 10, Figure: fig}
	b := &domain.Excerpt{SourceID: src.ID, Start: 0, End: 10, Figure: fig.Clone(), Note: "twice"}
	for _, e := range []*domain.Excerpt{a, b} {
		if err := s.CreateExcerpt(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if n := countRows(t, s, "figure_images"); n != 1 {
		t.Fatalf("%d images for one", n)
	}
	if err := s.DeleteExcerpt(ctx, a.ID, false); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Excerpt(ctx, b.ID); err != nil || !bytes.Equal(got.Figure.PNG, fig.PNG) {
		t.Fatalf("the other excerpt lost its image: %v", err)
	}
	// Deleting the source for good takes the last one with it.
	if err := s.TrashSource(ctx, src.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EmptyTrash(ctx); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "figure_images"); n != 0 {
		t.Fatalf("%d images outlived their excerpts", n)
	}
}

func TestBundleCarriesFiguresAndImportKeepsThem(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	text := addExcerpt(t, s, src.ID, "Washington")
	fig := &domain.Excerpt{SourceID: src.ID, Start: 0, End: 10, Figure: testFigure(t, 12, 6, 50, "The chart")}
	empty := &domain.Excerpt{SourceID: src.ID, Start: 70, End: 70, Figure: testFigure(t, 6, 6, 60, "No words")}
	for _, e := range []*domain.Excerpt{fig, empty} {
		if err := s.CreateExcerpt(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	b := &domain.Briefing{Title: "Figures", Blocks: []*domain.Block{
		{Type: domain.BlockExcerpt, ExcerptID: text.ID}, {Type: domain.BlockExcerpt, ExcerptID: fig.ID},
		{Type: domain.BlockExcerpt, ExcerptID: empty.ID},
	}}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	for name, load := range map[string]func(context.Context, int64) (*domain.Bundle, error){"Bundle": s.Bundle, "BundleWithoutTexts": s.BundleWithoutTexts} {
		bundle, err := load(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		blocks := bundle.Briefing.Blocks
		if blocks[0].Excerpt.Figure != nil || blocks[1].Excerpt.Figure == nil || !bytes.Equal(blocks[1].Excerpt.Figure.PNG, fig.Figure.PNG) ||
			blocks[2].Excerpt.Figure == nil || !bytes.Equal(blocks[2].Excerpt.Figure.PNG, empty.Figure.PNG) {
			t.Fatalf("%s does not carry the figures with their images", name)
		}
	}

	// Into another library, as an interchange file brings it.
	bundle, _ := s.Bundle(ctx, b.ID)
	other := openTest(t)
	imported, err := other.ImportBundle(ctx, bundle)
	if err != nil {
		t.Fatal(err)
	}
	back, err := other.Bundle(ctx, imported.ID)
	if err != nil {
		t.Fatal(err)
	}
	bl := back.Briefing.Blocks
	if bl[0].Excerpt.Figure != nil || bl[1].Excerpt.Figure == nil || bl[1].Excerpt.Figure.Caption != "The chart" ||
		!bytes.Equal(bl[1].Excerpt.Figure.PNG, fig.Figure.PNG) || bl[2].Excerpt.Start != 70 || bl[2].Excerpt.End != 70 {
		t.Fatalf("imported blocks: %+v %+v %+v", bl[0].Excerpt, bl[1].Excerpt, bl[2].Excerpt)
	}
	// The text excerpt and the figure of the same span stay two excerpts,
	// and a second import reuses both.
	again, _ := s.Bundle(ctx, b.ID) // ImportBundle takes over what it is given
	if _, err := other.ImportBundle(ctx, again); err != nil {
		t.Fatal(err)
	}
	if list, _ := other.Excerpts(ctx, domain.ExcerptFilter{}); len(list) != 3 {
		t.Fatalf("%d excerpts after importing three twice", len(list))
	}

	// A damaged image in a file is refused, naming the block.
	bad, _ := s.Bundle(ctx, b.ID)
	bad.Briefing.Blocks[1].Excerpt.Figure.PNG = append([]byte{}, bad.Briefing.Blocks[1].Excerpt.Figure.PNG[1:]...)
	_, err = openTest(t).ImportBundle(ctx, bad)
	wantCode(t, err, domain.EINVALID)
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "block 2") || !strings.Contains(msg, "SHA-256") {
		t.Fatalf("message %q", msg)
	}
}

// A library of schema 6 keeps its excerpts, reasons and numbers through
// 007's rebuild, and its sources take files and figures after it.
func TestMigration007KeepsExcerptsAndTakesFigures(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v6.db")
	db := oldLibrary(t, path, 6)
	for _, q := range []string{
		`INSERT INTO sources (id, kind, title, sha256, imported_at, marking) VALUES (1, 'article', 'Chips', 'h1', 'x', 'S')`,
		`INSERT INTO source_texts (source_id, text) VALUES (1, 'export controls on advanced chips')`,
		`INSERT INTO excerpts (id, source_id, start, "end", quote, marking, marking_reason, created_at, updated_at) VALUES
			(4, 1, 0, 15, 'export controls', 'U', 'public already', 'x', 'x')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	e, err := s.Excerpt(ctx, 4)
	if err != nil || e.Quote != "export controls" || e.MarkingReason != "public already" || e.Figure != nil {
		t.Fatalf("excerpt 4 after 007: %+v, %v", e, err)
	}
	if src, err := s.Source(ctx, 1); err != nil || src.ExcerptCount != 1 || src.TextMap != nil || src.FileSHA256 != "" {
		t.Fatalf("source 1 after 007: %+v, %v", src, err)
	}
	f := &domain.Excerpt{SourceID: 1, Start: 16, End: 16, Marking: "S", Figure: testFigure(t, 4, 4, 1, "")}
	if err := s.CreateExcerpt(ctx, f); err != nil || f.ID <= 4 {
		t.Fatalf("a figure after 007: id %d, %v", f.ID, err)
	}
}

func TestBriefingCarriesFigureImages(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	fig := &domain.Excerpt{SourceID: src.ID, Start: 0, End: 10, Figure: testFigure(t, 12, 6, 50, "The chart")}
	if err := s.CreateExcerpt(ctx, fig); err != nil {
		t.Fatal(err)
	}
	b := &domain.Briefing{Title: "Figures", Blocks: []*domain.Block{
		{Type: domain.BlockExcerpt, ExcerptID: fig.ID}, {Type: domain.BlockExcerpt, ExcerptID: fig.ID}}}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	got, err := s.Briefing(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, blk := range got.Blocks {
		if blk.Excerpt.Figure == nil || !bytes.Equal(blk.Excerpt.Figure.PNG, fig.Figure.PNG) {
			t.Fatalf("block %d of Briefing lacks the figure's image", i+1)
		}
	}
	// Saving it back (images and all) keeps the figure.
	got.Title = "Figures, again"
	if err := saveBriefing(ctx, s, got); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.Excerpt(ctx, fig.ID); e.Figure == nil || e.Figure.Caption != "The chart" {
		t.Fatal("saving the briefing lost the figure")
	}
}
