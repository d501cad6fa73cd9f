package store

import (
	"context"
	"database/sql"

	"github.com/attache/attache/domain"
)

// Figure excerpts (see migration 007): the figure's page, rectangle, size,
// caption and image hash are columns of its excerpt, which every read
// gives; the image is in figure_images, once per SHA-256, and only the
// reads that draw figures load it: Excerpt(id), Briefing(id), Bundle and
// BundleWithoutTexts. Listings (Excerpts, search) and the reads inside a
// write (a save's merge) leave Figure.PNG nil.

// figureFields are the figure's columns, as excerptFields reads them.
const figureFields = `e.figure_page, e.figure_x0, e.figure_y0, e.figure_x1, e.figure_y1,
	e.figure_width, e.figure_height, e.figure_caption, e.figure_sha256`

// figureRow is a figure as its columns hold it: all NULL for a text excerpt.
type figureRow struct {
	page, width, height sql.NullInt64
	x0, y0, x1, y1      sql.NullFloat64
	caption, sha256     sql.NullString
}

func newFigureRow(f *domain.Figure) figureRow {
	if f == nil {
		return figureRow{}
	}
	return figureRow{
		page:    sql.NullInt64{Int64: int64(f.Page), Valid: true},
		width:   sql.NullInt64{Int64: int64(f.Width), Valid: true},
		height:  sql.NullInt64{Int64: int64(f.Height), Valid: true},
		x0:      sql.NullFloat64{Float64: float64(f.Rect.X0), Valid: true},
		y0:      sql.NullFloat64{Float64: float64(f.Rect.Y0), Valid: true},
		x1:      sql.NullFloat64{Float64: float64(f.Rect.X1), Valid: true},
		y1:      sql.NullFloat64{Float64: float64(f.Rect.Y1), Valid: true},
		caption: sql.NullString{String: f.Caption, Valid: true},
		sha256:  sql.NullString{String: f.SHA256, Valid: true},
	}
}

// figure is the row's figure without its image; nil for a text excerpt.
func (r figureRow) figure() *domain.Figure {
	if !r.page.Valid || !r.sha256.Valid {
		return nil
	}
	return &domain.Figure{
		Page: int(r.page.Int64),
		Rect: domain.PageRect{X0: float32(r.x0.Float64), Y0: float32(r.y0.Float64),
			X1: float32(r.x1.Float64), Y1: float32(r.y1.Float64)},
		Width: int(r.width.Int64), Height: int(r.height.Int64),
		SHA256: r.sha256.String, Caption: r.caption.String,
	}
}

// keepFigureImage stores a figure's image, unless the library has the
// same one already. The figure was validated: its hash is its image's.
func keepFigureImage(ctx context.Context, tx *Tx, f *domain.Figure) error {
	if f == nil {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO figure_images (sha256, png) VALUES (?, ?)
		ON CONFLICT (sha256) DO NOTHING`, f.SHA256, f.PNG); err != nil {
		return dbError("keep the figure's image", err)
	}
	return nil
}

// loadFigureImages gives the figure excerpts among list their images, one
// query per distinct image.
func loadFigureImages(ctx context.Context, tx *Tx, list []*domain.Excerpt) error {
	loaded := map[string][]byte{}
	for _, e := range list {
		if e == nil || e.Figure == nil {
			continue
		}
		png, ok := loaded[e.Figure.SHA256]
		if !ok {
			if err := tx.QueryRowContext(ctx, `SELECT png FROM figure_images WHERE sha256 = ?`, e.Figure.SHA256).Scan(&png); err != nil {
				return dbError("read the figure's image", err)
			}
			loaded[e.Figure.SHA256] = png
		}
		e.Figure.PNG = png
	}
	return nil
}

// locateEmptyFigure places a figure excerpt with no text inside its
// rectangle (a chart of lines and bars): an empty span at e.Start, where
// its page's text begins, and no quote. Only figures may have an empty span.
func locateEmptyFigure(x *domain.RuneIndex, e *domain.Excerpt) error {
	switch {
	case e.Start < 0 || e.Start > x.Len():
		return domain.Errorf(domain.EINVALID, "the figure's place %d is outside the source text, which has %d characters: cut the figure out again", e.Start, x.Len())
	case e.Quote != "":
		return domain.Errorf(domain.EINVALID, "the figure has an empty span at %d but a quote: give the offsets of the text inside it, or no quote", e.Start)
	}
	return nil
}

// recaption writes the caption an update gives a figure excerpt, merged
// as the note is: a caption this edit did not change keeps the one stored
// (perhaps changed elsewhere). The rest of the figure is the stored one;
// a text excerpt never becomes a figure by an update.
func recaption(ctx context.Context, tx *Tx, base, cur, e *domain.Excerpt) error {
	if cur.Figure == nil {
		e.Figure = nil
		return nil
	}
	f := cur.Figure
	if e.Figure != nil && (base == nil || base.Figure == nil || e.Figure.Caption != base.Figure.Caption) {
		f.Caption = e.Figure.Caption
	}
	if e.Figure != nil && e.Figure.SHA256 == f.SHA256 {
		f.PNG = e.Figure.PNG
	}
	e.Figure = f
	if _, err := tx.ExecContext(ctx, `UPDATE excerpts SET figure_caption = ? WHERE id = ?`, f.Caption, e.ID); err != nil {
		return dbError("update excerpt", err)
	}
	return nil
}

// briefingFigures gives the figure excerpts of b's blocks their images.
func briefingFigures(ctx context.Context, tx *Tx, b *domain.Briefing) error {
	var list []*domain.Excerpt
	for _, blk := range b.Blocks {
		if blk.Excerpt != nil && blk.Excerpt.Figure != nil {
			list = append(list, blk.Excerpt)
		}
		for _, ev := range blk.Evidence {
			if ev.Excerpt != nil && ev.Excerpt.Figure != nil {
				list = append(list, ev.Excerpt)
			}
		}
	}
	return loadFigureImages(ctx, tx, list)
}
