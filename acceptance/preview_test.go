package acceptance

import (
	"fmt"
	"image"
	"strings"
	"testing"
	"time"
)

// pageArea is the part of the screen inside the preview's first page, in
// screen pixels.
func (s *session) pageArea(tr *tree) image.Rectangle {
	s.t.Helper()
	v := tr.find(typ("PageView"), shown())
	if v == nil {
		s.fail("no page view on screen")
	}
	r := v.visible()
	// Below the toolbar (and a message above the pages, if one shows) and
	// within the first sheet's margins: only the page's own pixels, white
	// paper where nothing is drawn, never the theme's background.
	const bar, margin = 48, 40
	top := r.Y + bar
	for _, m := range tr.all(typ("Label"), inside(v), shown()) {
		if m.Text != "" && m.Y >= r.Y+bar-4 && m.Y < r.Y+r.H/2 {
			top = max(top, m.Y+m.H)
		}
	}
	// To the view's bottom edge (less the scroll bar's width): a key
	// judgment's lines are low on the first page.
	return image.Rect(s.winX+r.X+margin, s.winY+top+margin, s.winX+r.X+r.W-margin, s.winY+r.Y+r.H-12)
}

// differing counts the pixels of area that differ between two screenshots.
func differing(a, b image.Image, area image.Rectangle) int {
	n := 0
	for y := area.Min.Y; y < area.Max.Y; y++ {
		for x := area.Min.X; x < area.Max.X; x++ {
			if colourDistance(a.At(x, y), b.At(x, y)) > 30 {
				n++
			}
		}
	}
	return n
}

// inked counts the dark pixels of area: text drawn on the pages.
func inked(img image.Image, area image.Rectangle) int {
	n := 0
	for y := area.Min.Y; y < area.Max.Y; y += 2 {
		for x := area.Min.X; x < area.Max.X; x += 2 {
			if r, g, b, _ := img.At(x, y).RGBA(); r+g+b < 3*0x6000 {
				n++
			}
		}
	}
	return n
}

// The Preview shows the PDF's pages, drawn, and an edit typed in place in
// the document redraws them: the first key judgment, on the first page,
// changes the pixels there; the library has the text.
func TestPreviewPageFollowsAnEdit(t *testing.T) {
	s := start(t, nil)
	s.withSample()
	s.openSampleBriefing()
	id := s.briefings()[0].ID
	s.do("preview the sample briefing")
	s.tab("Preview")
	s.waitFor("the preview's pages", 5*time.Second, func(tr *tree) bool {
		p, ok := preview(tr)
		return ok && mentions(p, sampleBriefing)
	})
	tr := s.waitFor("the PDF engine started", 40*time.Second, func(tr *tree) bool {
		return tr.find(typ("Label"), textContains("Starting the PDF engine"), shown()) == nil
	})
	area := s.pageArea(tr)
	var before image.Image
	started := time.Now()
	deadline := time.Now().Add(30 * time.Second) // the first drawing compiles the PDF engine
	for {
		before = s.grab()
		if inked(before, area) > 500 {
			t.Logf("the first page was drawn %v after its text showed", time.Since(started).Round(10*time.Millisecond))
			break
		}
		if time.Now().After(deadline) {
			s.fail("the preview shows no drawn page: %d dark pixels in %v", inked(before, area), area)
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.keepShot("preview-before")

	s.do("edit the first key judgment in place")
	s.tab("Compose")
	s.clickOn("the first key judgment", typ("Text"), textContains("European removal deadlines"), inLayer("content"), shown())
	s.waitFor("the judgment's editor has the focus", 5*time.Second, func(tr *tree) bool {
		f := tr.find(focused(), typ("Entry"))
		return f != nil && strings.Contains(f.Text, "European removal deadlines")
	})
	added := " Allies must also fund repair ships now."
	s.typeText(added)
	s.do("see the edit on the preview's first page")
	s.tab("Preview")
	s.waitFor("the preview's text has the edit", 3*time.Second, func(tr *tree) bool {
		p, ok := preview(tr)
		return ok && strings.Contains(p, "fund repair ships now")
	})
	deadline = time.Now().Add(3 * time.Second)
	for {
		after := s.grab()
		if n := differing(before, after, area); n > 200 {
			s.keepShot("preview-after")
			break
		} else if time.Now().After(deadline) {
			s.fail("the preview's pixels did not change after the edit (%d differ in %v)", n, area)
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.waitLibrary("the library has the edited judgment", func() bool {
		for _, blk := range s.briefing(id).Blocks {
			if strings.Contains(fmt.Sprint(blk["text"]), strings.TrimSpace(added)) {
				return true
			}
		}
		return false
	})
}
