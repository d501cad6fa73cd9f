package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/export"
	"github.com/attache/attache/widgets"
)

// The Preview shows the pages of the PDF Export would write: the draft is
// laid out by export (Document.Preview, the export's own layout) off the
// UI goroutine once changes pause, and the pages the view asks for are
// drawn by the PDF engine, the ones in view first. One layout per change
// gives both the pages and the footer's page count.
//
// Nothing of an older draft or another briefing is shown: every change and
// every other briefing bumps pc.gen, and a layout is shown only if no
// change came since it started; the pages drawn from a layout are shown
// only while that layout is (pc.shown).

// newPreview makes the Preview tab's page view.
func (c *composer) newPreview() *widgets.PageView {
	v := widgets.NewPageView()
	d := newPageDrawer(c.ui, v)
	d.before = func() bool {
		if !c.previewShown() {
			return false
		}
		if !export.PreviewsReady() && !c.pc.starting {
			c.pc.starting = true // the first page drawn takes the message away
			c.preview.SetMessage("Starting the PDF engine to draw the pages: the first time on this computer takes a few seconds.", false)
		}
		return true
	}
	d.onDrawn = func(int) {
		if c.pc.starting {
			c.showLayoutMessage(c.pc.shown)
		}
	}
	d.onError = func(err error) {
		c.preview.SetMessage(upperFirst(err.Error())+": close and reopen the briefing to try again.", true)
	}
	c.pc.drawer = d
	return v
}

func (c *composer) previewShown() bool {
	return c.tabs != nil && c.tabs.Selected() != nil && c.tabs.Selected().Text == "Preview"
}

// refreshPreview draws the pages in view when the Preview tab is shown:
// none are drawn while it is hidden.
func (c *composer) refreshPreview() {
	if c.previewShown() {
		c.preview.Redraw()
	}
}

// previewLater lays the draft out once changes pause; another briefing
// than the one shown clears the preview at once and is laid out without
// waiting.
func (c *composer) previewLater() {
	c.pc.gen++
	gen := c.pc.gen
	if c.pc.timer != nil {
		c.pc.timer.Stop()
	}
	if c.d.b.ID != c.pc.forID {
		c.clearPreview()
		c.pc.forID = c.d.b.ID
		c.startEngine()
		c.layOutPreview(gen)
		return
	}
	c.pc.timer = time.AfterFunc(previewDelay, func() { c.ui.do(func() { c.layOutPreview(gen) }) })
}

// clearPreview forgets the pages, the page count and any drawing.
func (c *composer) clearPreview() {
	c.stopDrawing()
	c.pc.running, c.pc.again = nil, false // a layout of the last briefing under way is not waited for
	c.pc.shown, c.pc.pages = nil, 0
	c.preview.Clear()
	c.preview.SetMessage("", false)
}

func (c *composer) stopDrawing() { c.pc.drawer.reset(nil) }

// paper is the paper last chosen for an export, as export names it.
func (c *composer) paper() string {
	if c.ui.app.Preferences().StringWithFallback(prefPaper, "A4") == "US Letter" {
		return "letter"
	}
	return "a4"
}

// layOutPreview lays the draft out as its PDF off the UI goroutine, unless
// it changed since gen or a layout is under way (which lays it out again
// when done).
func (c *composer) layOutPreview(gen int) {
	if c.d == nil || gen != c.pc.gen {
		return
	}
	if c.pc.running != nil {
		c.pc.again = true
		return
	}
	run := new(int) // this layout, told from a later one by its address
	c.pc.running = run
	doc, id, paper, ctx := c.document(), c.d.b.ID, c.paper(), c.ui.ctx
	background(func() {
		p, err := doc.Preview(ctx, paper)
		text := doc.Text() // the pages' text alternative
		c.ui.do(func() {
			if c.pc.running != run {
				return // of a briefing no longer open
			}
			c.pc.running = nil
			if c.d != nil && c.d.b.ID == id && gen == c.pc.gen && c.pc.forID == id {
				c.showLayout(p, text, err)
			}
			if c.pc.again {
				c.pc.again = false
				c.layOutPreview(c.pc.gen)
			}
		})
	})
}

// showLayout shows a new layout of the open draft: its page count in the
// footer and its pages (and their text) in the Preview, or what keeps it
// from being laid out. The pages of the last layout stay on screen until
// redrawn, so an edit does not blank the page being read, nor move it.
func (c *composer) showLayout(p *export.PDFPreview, text string, err error) {
	c.stopDrawing()
	if err != nil {
		c.pc.shown, c.pc.pages = nil, 0
		c.preview.Text = ""
		c.preview.SetPages(0, 0, 0)
		c.preview.SetMessage(previewError(err), true)
		if c.stats.Importance != widget.DangerImportance {
			c.showStats()
		}
		return
	}
	c.pc.shown, c.pc.pages = p, p.Pages
	c.preview.Text = text
	c.showLayoutMessage(p)
	if c.stats.Importance != widget.DangerImportance {
		c.showStats()
	}
	c.pc.drawer.reset(p.Draw)
	c.preview.SetPages(p.Pages, p.Width, p.Height) // asks for the pages in view
}

// showLayoutMessage says above the pages what is wrong with them.
func (c *composer) showLayoutMessage(p *export.PDFPreview) {
	c.pc.starting = false
	msg := missingMessage(p.Missing)
	if p.Refusal != nil {
		msg = strings.TrimSpace(refusalMessage(p.Refusal) + "\n" + msg)
	}
	c.preview.SetMessage(msg, p.Refusal != nil)
}

// startEngine starts the PDF engine that draws the pages, once, as a
// briefing opens: by the time the Preview is shown its pages draw at once.
func (c *composer) startEngine() {
	if c.pc.warming || export.PreviewsReady() {
		return
	}
	c.pc.warming = true
	background(func() { _ = export.StartPreviews() }) // a failure is said when the pages are drawn
}

// previewError says why the draft cannot be laid out.
func previewError(err error) string {
	return fmt.Sprintf("The preview could not be laid out: %v. Your text is kept; close and reopen the briefing to try again.", err)
}

// refusalMessage says what Export would refuse the draft for, as it would.
func refusalMessage(r *export.Refusal) string {
	return "Export will refuse this briefing until its markings are fixed:\n" + r.Error()
}

// missingMessage names the characters no PDF font has, as Export does,
// and what to do; "" for none.
func missingMessage(missing []export.MissingChar) string {
	if len(missing) == 0 {
		return ""
	}
	return missingText(&export.MissingCharsError{Chars: missing}) +
		"\nThe pages show the codes. Replace those characters, or Export will ask before printing the codes."
}
