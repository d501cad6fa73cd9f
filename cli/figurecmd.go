package cli

import (
	"context"
	"encoding/base64"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/ingest"
	"github.com/spf13/cobra"
)

// figureWait is how long cutting a figure waits for the PDF engine.
const figureWait = 30 * time.Second

func (a *cliApp) excerptFigureCommand() *cobra.Command {
	var ef excerptFlags
	var page int
	var rect, caption string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "figure SOURCE --page N --rect X0,Y0,X1,Y1 [--caption TEXT]",
		Short: "Cut a figure or table out of a page of a PDF source",
		Long: `Save a rectangle of a page of a PDF source as a figure excerpt: a PNG drawn
at print resolution (300 dpi) from the original file the library keeps (see
'attache source file'), with a caption, note, tags, credibility and marking
like any excerpt. --page counts from 1; --rect gives the rectangle's corners
as fractions of the page as drawn, left, top, right, bottom, from 0,0 at
the top left to 1,1 at the bottom right: 0.1,0.2,0.9,0.6 is most of the
page's width, a fifth of the way down to six-tenths.

The excerpt's quote is the source's text inside the rectangle; with none
(a chart of lines and bars) the quote is empty and the excerpt is placed
where the page's text begins. 'excerpt show --json' gives the image in
base64 ("png"); listings give the figure without it.`,
		Args: exactArgs(1, "a source id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := parseRect(rect)
			if err != nil {
				return err
			}
			if page < 1 {
				return usagef("give the page the figure is on with --page N, counting from 1")
			}
			if err := domain.CheckCredibility(domain.Credibility(ef.credibility)); err != nil {
				return usageError{err}
			}
			src, err := a.sourceArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			e := &domain.Excerpt{SourceID: src.ID, Note: ef.note, Tags: ef.tags, Credibility: domain.Credibility(ef.credibility)}
			if err := a.applyMarking(cmd, &ef, src, e); err != nil {
				return err
			}
			if n := pageCount(src); n > 0 && page > n {
				return usagef("source %d has %d pages: give --page from 1 to %d", src.ID, n, n)
			}
			if e.Figure, err = a.cutFigure(cmd.Context(), src.ID, page, r); err != nil {
				return err
			}
			e.Figure.Caption = strings.TrimSpace(caption)
			a.placeFigure(src, e)
			if err := a.store.CreateExcerpt(cmd.Context(), e); err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, excerptOut(e))
			}
			printf(a.env.Stdout, "Excerpt %d from source %d: %s, %d×%d px, characters %d–%d\n", e.ID, e.SourceID, e.Figure.Label(), e.Figure.Width, e.Figure.Height, e.Start, e.End)
			if e.Quote != "" {
				printf(a.env.Stdout, "  %s\n", clip(e.Quote, 200))
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&page, "page", 0, "the page the figure is on, from 1")
	f.StringVar(&rect, "rect", "", "the rectangle: left,top,right,bottom as fractions of the page (0,0 top left; 1,1 bottom right)")
	f.StringVar(&caption, "caption", "", "the caption: what \"Figure N: …\" says under it in a briefing")
	ef.register(cmd)
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// parseRect reads --rect: four fractions, left < right and top < bottom,
// inside the page.
func parseRect(s string) (domain.PageRect, error) {
	parts := strings.Split(s, ",")
	var v [4]float32
	if len(parts) != 4 {
		return domain.PageRect{}, usagef("give the rectangle with --rect as four fractions of the page, left,top,right,bottom (such as 0.1,0.2,0.9,0.6)")
	}
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 32)
		if err != nil || math.IsNaN(f) || f < 0 || f > 1 {
			return domain.PageRect{}, usagef("--rect %q: %q is not a fraction of the page from 0 to 1", s, strings.TrimSpace(p))
		}
		v[i] = float32(f)
	}
	r := domain.PageRect{X0: v[0], Y0: v[1], X1: v[2], Y1: v[3]}
	if r.Empty() {
		return r, usagef("--rect %q has no area: give left,top,right,bottom with left < right and top < bottom", s)
	}
	return r, nil
}

// cutFigure draws the rectangle of page (from 1) of the source's original
// file at print resolution.
func (a *cliApp) cutFigure(ctx context.Context, sourceID int64, page int, r domain.PageRect) (*domain.Figure, error) {
	file, err := a.store.SourceFile(ctx, sourceID)
	if err != nil {
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return nil, domain.Errorf(domain.ENOTFOUND, "source %d has no original file to cut a figure from (%s)", sourceID, domain.ErrorMessage(err))
		}
		return nil, err
	}
	return ingest.CutFigure(file.Data, page-1, r, figureWait)
}

// pageCount is the number of pages the source is known to have, 0 when
// unknown (the PDF engine then says).
func pageCount(src *domain.Source) int {
	switch {
	case src.TextMap != nil:
		return len(src.TextMap.Pages)
	case len(src.Pages) > 0:
		return len(src.Pages) + 1
	}
	return 0
}

// placeFigure gives the figure excerpt its span (domain.Source.FigureSpan),
// warning when the source has no page map to find the text inside it.
func (a *cliApp) placeFigure(src *domain.Source, e *domain.Excerpt) {
	if src.TextMap == nil {
		printf(a.env.Stderr, "note: source %d has no page map (imported before Attaché kept one): the figure quotes no text; import the PDF again to have it quote the text inside it\n", src.ID)
	}
	e.Start, e.End = src.FigureSpan(e.Figure.Page-1, e.Figure.Rect)
}

// jsonFigure is a figure excerpt's figure in --json output; PNG (base64)
// only in `excerpt show --json`.
type jsonFigure struct {
	Page    int        `json:"page"`
	Rect    [4]float32 `json:"rect"` // left, top, right, bottom: fractions of the page
	Width   int        `json:"width"`
	Height  int        `json:"height"`
	SHA256  string     `json:"sha256"`
	Caption string     `json:"caption"`
	PNG     string     `json:"png,omitempty"`
}

func figureOut(f *domain.Figure, withPNG bool) *jsonFigure {
	if f == nil {
		return nil
	}
	out := &jsonFigure{Page: f.Page, Rect: [4]float32{f.Rect.X0, f.Rect.Y0, f.Rect.X1, f.Rect.Y1},
		Width: f.Width, Height: f.Height, SHA256: f.SHA256, Caption: f.Caption}
	if withPNG {
		out.PNG = base64.StdEncoding.EncodeToString(f.PNG)
	}
	return out
}

// figureLine is how `excerpt show` tells of a figure.
func figureLine(f *domain.Figure) string {
	return fmt.Sprintf("%s — %d×%d px, rectangle %.3g,%.3g–%.3g,%.3g of the page, SHA-256 %s",
		f.Label(), f.Width, f.Height, f.Rect.X0, f.Rect.Y0, f.Rect.X1, f.Rect.Y1, f.SHA256)
}
