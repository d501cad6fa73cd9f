package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// The composer's counts, preview and checks all come from export's model
// of the briefing (export.Document), the one the exported files are drawn
// from: nothing here arranges or counts a briefing by itself.

// previewDelay is how long the composer waits after the last change
// before laying the briefing out as its PDF, for the preview and the page
// count: a layout costs what a PDF export does, too much for every
// keystroke, and typing pauses longer than this between words only.
var previewDelay = 300 * time.Millisecond

// pageCounter is the preview's state: the draft laid out as its PDF off the
// UI goroutine, one layout at a time, giving the footer its page count and
// the Preview its pages (all fields UI goroutine only).
type pageCounter struct {
	timer    *time.Timer
	gen      int   // bumped by every change and every other briefing; a layout of an older one is not shown
	running  *int  // the layout under way, nil for none
	again    bool  // and the draft changed since it started
	pages    int   // the page count of the layout shown, 0 while there is none
	forID    int64 // the briefing whose layout (pages, page count) is shown
	shown    *export.PDFPreview
	drawer   *pageDrawer // draws shown's pages
	warming  bool        // the PDF engine was started as a briefing opened
	starting bool        // the first drawing waits for the engine, and says so
}

// pageDraw is a page the preview asked for at a width in pixels.
type pageDraw struct{ page, width int }

// document is the open draft as export's model lays it out, with the
// sources loaded so far (the notes of the others name the source's
// title until it is loaded).
func (c *composer) document() *export.Document {
	var srcs []*domain.Source
	for _, id := range export.CitedSourceIDs(c.d.b) { // the evidence's too, for the basis
		if s := c.sources[id]; s != nil {
			srcs = append(srcs, s)
		}
	}
	rules := c.ui.basisRules() // the basis checks' thresholds in Settings
	return export.NewDocumentWith(&domain.Bundle{Briefing: c.d.b, Sources: srcs, Concerns: c.concerns}, export.Context{Rules: &rules})
}

// updateStats shows the word count and the PDF's length, or instead what
// the library would refuse in the draft (a title over its limit, say) as
// soon as it is typed, before the autosave is refused; and lays the draft
// out for the preview and the page count once changes pause.
func (c *composer) updateStats() {
	if c.d == nil {
		return
	}
	c.loadSources()
	c.loadFigures()
	doc := c.document()
	c.words = doc.Words() // the list shows it for this briefing, even while the draft is refused
	c.showUnmarked(doc)
	c.showDocument(doc) // the items, their unmarked tags among them
	c.checks.update(doc)
	c.previewLater() // every change shows in the preview too
	c.stats.Importance = widget.LowImportance
	written := *c.d.b // what a save writes: a blank block waits for its text
	written.Blocks = domain.WithoutBlank(written.Blocks)
	if err := written.Validate(); err != nil {
		c.stats.Importance = widget.DangerImportance
		c.stats.SetText(upperFirst(domain.ErrorMessage(err)))
		return
	}
	c.showStats()
}

// showUnmarked tags the blocks the model's checks find unmarked while
// the briefing uses portion marks: the same warnings export lists.
func (c *composer) showUnmarked(doc *export.Document) {
	now := map[int]bool{}
	var details []string // the title, subtitle or bottom line, named as the model names them
	for _, w := range doc.Warnings() {
		switch {
		case w.Code != export.WarnUnmarkedPortion:
		case w.Block >= 0:
			now[w.Block] = true
		case w.Where != "":
			details = append(details, strings.ToLower(w.Where[:1])+w.Where[1:])
		}
	}
	title := "Details"
	if len(details) > 0 {
		title += " — unmarked: " + strings.Join(details, ", ")
	}
	if c.detailsItem.Title != title {
		c.detailsItem.Title = title
		c.details.Refresh()
	}
	c.unmarked = now
}

// showStats shows the counts last made; the pages only once counted.
func (c *composer) showStats() {
	text := plural(len(c.d.b.Blocks), "block") + " · " + plural(c.words, "word")
	if c.pc.pages > 0 && c.pc.forID == c.d.b.ID {
		text += " · " + plural(c.pc.pages, "page") + " in PDF"
	}
	c.stats.SetText(text)
}

// loadSources loads, off the UI goroutine, the sources the draft cites
// that the composer has not yet loaded, for the notes and the sources of
// the preview and the page count. One that fails to load is not tried
// again until the briefing is reopened; its notes name its title.
func (c *composer) loadSources() {
	if c.loadingSources {
		return
	}
	var ids []int64
	for _, id := range export.CitedSourceIDs(c.d.b) {
		if _, tried := c.sources[id]; !tried {
			c.sources[id] = nil
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return
	}
	c.loadingSources = true
	d := c.d
	background(func() {
		var got []*domain.Source
		for _, id := range ids {
			if s, err := c.ui.lib.Source(c.ui.ctx, id); err == nil {
				got = append(got, s)
			}
		}
		c.ui.do(func() {
			c.loadingSources = false
			for _, s := range got {
				c.sources[s.ID] = s
			}
			if c.d != nil && (c.d != d || len(got) > 0) {
				c.updateStats() // and loads what was cited meanwhile
			}
		})
	})
}
