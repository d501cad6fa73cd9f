package acceptance

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// sentenceIn picks a sentence of the text that the reader shows near its
// top: the second one of 40 to 200 characters. It returns the sentence and
// its rune offsets.
func sentenceIn(text string) (string, int, int, bool) {
	runes := []rune(text)
	found := 0
	start := 0
	for i, r := range runes {
		if r == '\n' {
			start = i + 1
			continue
		}
		if r != '.' || (i+1 < len(runes) && runes[i+1] != ' ' && runes[i+1] != '\n') {
			continue
		}
		for start < i && runes[start] == ' ' {
			start++
		}
		sent := string(runes[start : i+1])
		if n := i + 1 - start; n >= 40 && n <= 200 && !strings.ContainsAny(sent, "\n") {
			found++
			if found == 2 {
				return sent, start, i + 1, true
			}
		}
		start = i + 1
	}
	return "", 0, 0, false
}

// dragSelect presses at one rune offset of the reader and releases at
// another, through the X server, and returns the reader afterwards.
func (s *session) dragSelect(from, to int) *node {
	s.t.Helper()
	r := s.tree(from, to).find(typ("Reader"), shown())
	if r == nil || len(r.Points) != 2 || r.LineH == 0 {
		s.fail("the reader gave no positions for offsets %d and %d", from, to)
	}
	vis := r.visible()
	p0, p1 := r.Points[0], r.Points[1]
	for _, p := range r.Points {
		if p[0] < vis.X || p[1] < vis.Y || p[0] > vis.X+vis.W || p[1]+r.LineH > vis.Y+vis.H {
			s.fail("the sentence is not in view (at %v; the reader shows %+v)", p, vis)
		}
	}
	half := r.LineH / 2
	x0, y0 := s.winX+p0[0]+1, s.winY+p0[1]+half
	x1, y1 := s.winX+p1[0], s.winY+p1[1]+half
	s.xdotool("mousemove", "--sync", fmt.Sprint(x0), fmt.Sprint(y0), "sleep", "0.1", "mousedown", "1")
	for i := 1; i <= 8; i++ {
		x, y := x0+(x1-x0)*i/8, y0+(y1-y0)*i/8
		s.xdotool("mousemove", "--sync", fmt.Sprint(x), fmt.Sprint(y), "sleep", "0.03")
	}
	s.xdotool("sleep", "0.1", "mouseup", "1")
	time.Sleep(400 * time.Millisecond)
	return r
}

// Scenario 3: drag-select a sentence in the reader and excerpt it with a
// note and a tag: the library holds its exact offsets and quote, the reader
// highlights it and the Excerpts view lists it.
func TestExcerptByDragSelection(t *testing.T) {
	s := start(t, importChips)
	reader := s.openSource(chipsTitle, "export controls")
	sentence, from, to, ok := sentenceIn(reader.Text)
	if !ok {
		s.fail("no sentence of 40 to 200 characters in the reader's text")
	}
	s.do("drag-select the sentence %q", sentence)
	s.dragSelect(from, to)
	s.waitFor("the reader's selection is the sentence", 3*time.Second, func(tr *tree) bool {
		r := tr.find(typ("Reader"), shown())
		return r != nil && slices.Equal(r.Selection, []int{from, to})
	})
	s.do("excerpt the selection with a note and a tag")
	s.clickOn("the Excerpt selection button", append(button("Excerpt selection"), enabled())...)
	s.waitNode("the new-excerpt form", typ("Label"), text("New excerpt"), inLayer("overlay"))
	s.fieldBeside("Note")
	s.typeText("Acceptance note on the sentence")
	s.fieldBeside("Tags")
	s.typeText("acceptance")
	s.clickOn("the form's Save excerpt", append(button("Save excerpt"), inLayer("overlay"))...)
	s.noOverlay("the new-excerpt form closes")
	s.do("check the excerpt in the library")
	var got excerpt
	s.waitLibrary("the new excerpt", func() bool {
		es := s.excerpts()
		if len(es) == 1 {
			got = es[0]
		}
		return len(es) == 1
	})
	if got.Start != from || got.End != to || got.Quote != sentence {
		s.fail("the library holds [%d,%d) %q, not the selected [%d,%d) %q", got.Start, got.End, got.Quote, from, to, sentence)
	}
	if got.Note != "Acceptance note on the sentence" || !slices.Equal(got.Tags, []string{"acceptance"}) {
		s.fail("the excerpt's note and tags are %q %v", got.Note, got.Tags)
	}
	s.do("see the excerpt highlighted in the reader")
	s.checkHighlighted(from, to)
	s.showView("Excerpts")
	s.do("see the excerpt in the Excerpts view")
	s.waitNode("the excerpt listed", typ("Label"), textContains(string([]rune(sentence)[:30])), inLayer("content"), shown())
}

// checkHighlighted clicks away from the selection (so only a highlight can
// colour the sentence) and looks for a coloured rectangle under the
// sentence's first and last characters among the reader's objects, then
// on a screenshot for its colour against the reader's background.
func (s *session) checkHighlighted(from, to int) {
	s.t.Helper()
	r := s.tree().find(typ("Reader"), shown())
	vis := r.visible()
	s.clickAt(vis.X+vis.W/2, vis.Y+vis.H-r.LineH)
	s.waitFor("the selection cleared by a click elsewhere", 3*time.Second, func(tr *tree) bool {
		rd := tr.find(typ("Reader"), shown())
		return rd != nil && len(rd.Selection) == 2 && rd.Selection[0] == rd.Selection[1]
	})
	tr := s.tree(from, to-1)
	r = tr.find(typ("Reader"), shown())
	var marks []*node
	for _, p := range r.Points {
		x, y := p[0]+2, p[1]+r.LineH/2
		m := highlightAt(tr, r, x, y)
		if m == nil {
			s.fail("nothing highlights the excerpt at %d,%d in the reader", x, y)
		}
		marks = append(marks, m)
	}
	shot := s.grab()
	vis = r.visible()
	bg := shot.At(s.winX+vis.X+2, s.winY+vis.Y+vis.H-2)
	for _, m := range marks {
		v := m.visible()
		at := shot.At(s.winX+v.X+v.W/2, s.winY+v.Y+1)
		if colourDistance(at, bg) < 12 {
			s.fail("on screen the highlight at %d,%d has the reader's background colour %v", v.X+v.W/2, v.Y+1, bg)
		}
	}
}

// grab takes a screenshot and decodes it.
func (s *session) grab() image.Image {
	s.t.Helper()
	path := filepath.Join(s.dir, "grab.png")
	cmd := exec.Command("import", "-display", fmt.Sprintf(":%d", s.display), "-window", "root", path)
	if out, err := cmd.CombinedOutput(); err != nil {
		s.fail("import: %v %s", err, out)
	}
	f, err := os.Open(path)
	if err != nil {
		s.fail("%v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		s.fail("decoding the screenshot: %v", err)
	}
	return img
}

// colourDistance is the sum of the channels' differences, 0 to 765.
func colourDistance(a, b color.Color) int {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	d := func(x, y uint32) int { return max(int(x>>8)-int(y>>8), int(y>>8)-int(x>>8)) }
	return d(ar, br) + d(ag, bg) + d(ab, bb)
}

// highlightAt returns a visible, not fully transparent rectangle inside the
// reader, narrower than it, that covers x,y.
func highlightAt(tr *tree, reader *node, x, y int) *node {
	for _, n := range tr.all(typ("Rectangle"), inside(reader), shown()) {
		v := n.visible()
		if x >= v.X && x < v.X+v.W && y >= v.Y && y < v.Y+v.H &&
			len(n.Fill) == 9 && !strings.HasSuffix(n.Fill, "00") && v.W < reader.W {
			return n
		}
	}
	return nil
}

// prepareExcerpt imports chips.txt and cuts one excerpt from it with the
// command line.
func prepareExcerpt(s *session) {
	importChips(s)
	s.cli("excerpt", "add", "--source", "1", "--quote", "export controls", "--note", "first note", "--tag", "chips")
}

// Scenario 4: an excerpt's note edited in the Excerpts view reaches the
// library without a Save when the analyst switches views and comes back.
func TestExcerptNoteKeptAcrossViews(t *testing.T) {
	s := start(t, prepareExcerpt)
	quote := s.excerpts()[0].Quote
	s.showView("Excerpts")
	s.do("select the excerpt")
	s.clickOn("the excerpt's row", typ("Label"), textContains(quote), inLayer("content"), shown())
	s.waitFor("the note field shows the note", 5*time.Second, func(tr *tree) bool {
		n := entryBeside(tr, "Note")
		return n != nil && n.Text == "first note"
	})
	s.do("change the note")
	s.fieldBeside("Note")
	s.replaceText("second note, typed in the Excerpts view")
	s.do("switch views and come back")
	s.key(viewKey("Library"))
	// Saving as one types, or asking before discarding, both keep the
	// typing: answer Save if asked.
	s.answerIfAsked("Save")
	s.waitView("Library")
	s.showView("Excerpts")
	s.do("check the note reached the library")
	deadline := time.Now().Add(3 * time.Second)
	for {
		if note := s.excerpts()[0].Note; note == "second note, typed in the Excerpts view" {
			break
		} else if time.Now().After(deadline) {
			s.fail("the edited note was not saved: after switching views the library still has %q", note)
		}
		time.Sleep(200 * time.Millisecond)
	}
	s.do("reselect the excerpt and see the new note")
	s.clickOn("the excerpt's row", typ("Label"), textContains(quote), inLayer("content"), shown())
	s.waitFor("the note field shows the new note", 5*time.Second, func(tr *tree) bool {
		n := entryBeside(tr, "Note")
		return n != nil && n.Text == "second note, typed in the Excerpts view"
	})
}

// answerIfAsked clicks the dialog button labelled answer if a dialog comes
// within a second.
func (s *session) answerIfAsked(answer string) {
	s.t.Helper()
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); {
		if b := s.tree().find(append(button(answer), inLayer("overlay"))...); b != nil {
			s.click(b)
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// editorEntry is the block editor's text field: the lowest visible
// multi-line entry of the composer.
func editorEntry(tr *tree) *node {
	var best *node
	for _, n := range tr.all(typ("Entry"), inLayer("content"), shown()) {
		// A new block's field shows a hint until typed into.
		hint := n.Placeholder == "Your commentary" || n.Placeholder == "Your key judgment" || n.Placeholder == "Heading of the new section"
		if (n.Placeholder == "" || hint) && (best == nil || n.Y > best.Y) {
			best = n
		}
	}
	return best
}

// addBlock presses a toolbar button and types text into the new, blank
// block in the block editor.
func (s *session) addBlock(kind, text string) {
	s.t.Helper()
	s.do("add a %s block", kind)
	rows := len(s.tree().all(typ("Label"), inLayer("content"), shown()))
	s.clickOn("the "+kind+" button", append(button(kind), enabled(), inLayer("content"))...)
	var e *node
	s.waitFor("the new block's row and the block editor's field", 5*time.Second, func(tr *tree) bool {
		e = editorEntry(tr)
		return e != nil && (e.Focused || len(tr.all(typ("Label"), inLayer("content"), shown())) > rows)
	})
	s.click(e)
	s.replaceText(text)
}

// waitBlocks waits for the briefing's blocks to read want.
func (s *session) waitBlocks(id int64, want, what string) {
	s.t.Helper()
	got := ""
	for deadline := time.Now().Add(5 * time.Second); ; {
		if got = blockSummary(s.briefing(id)); got == want {
			return
		}
		if time.Now().After(deadline) {
			s.fail("%s: the library's blocks are %q, not %q", what, got, want)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// waitTitle waits for the briefing's title in the library; a miss is
// recorded and the test goes on.
func (s *session) waitTitle(id int64, want, what string) bool {
	s.t.Helper()
	got := ""
	for deadline := time.Now().Add(5 * time.Second); ; {
		if got = s.briefing(id).Title; got == want {
			return true
		}
		if time.Now().After(deadline) {
			s.errorf("%s: the library's title is %q, not %q", what, got, want)
			return false
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// Scenario 5: compose a briefing with the keyboard and the mouse: Ctrl+N,
// title, BLUF, a heading, an excerpt from the picker and a commentary, moved
// with Alt+Up; Ctrl+Z and Ctrl+Shift+Z inside a field and outside one.
func TestComposeBriefing(t *testing.T) {
	s := start(t, prepareExcerpt)
	quote := s.excerpts()[0].Quote
	s.do("start a briefing with Ctrl+N")
	s.key("ctrl+n")
	s.waitView("Briefings")
	var id int64
	s.waitLibrary("a new briefing", func() bool {
		bs := s.briefings()
		if len(bs) == 1 {
			id = bs[0].ID
		}
		return len(bs) == 1
	})
	s.do("type the title at once: Ctrl+N leaves the cursor there")
	s.waitNode("the Title field with the cursor", typ("Entry"), placeholder("Title"), focused(), inLayer("content"))
	s.typeText("Acceptance briefing")
	s.do("type the bottom line up front")
	s.focusEntry("the BLUF field", typ("Entry"), placeholder("Bottom line up front"), inLayer("content"))
	s.typeText("Controls keep tightening.")
	s.addBlock("Heading", "Background")
	s.do("add the excerpt from the picker")
	s.clickOn("the Excerpt… button", append(button("Excerpt…"), enabled(), inLayer("content"))...)
	s.clickOn("the excerpt in the picker", typ("Label"), textContains(quote), inLayer("overlay"), shown())
	s.noOverlay("the picker closes")
	s.addBlock("Commentary", "Controls will tighten further.")
	s.waitBlocks(id, "heading:Background | excerpt | commentary:Controls will tighten further.", "after adding three blocks")
	b := s.briefing(id)
	if b.Title != "Acceptance briefing" || b.Summary != "Controls keep tightening." {
		s.fail("the library has title %q and BLUF %q", b.Title, b.Summary)
	}
	s.do("move the commentary up with Alt+Up")
	s.key("alt+Up")
	s.waitBlocks(id, "heading:Background | commentary:Controls will tighten further. | excerpt", "after Alt+Up")

	s.do("undo typing in the title with Ctrl+Z (focus in the field)")
	s.focusEntry("the Title field", typ("Entry"), placeholder("Title"), inLayer("content"))
	s.key("End")
	s.typeText(" draft")
	if !s.waitTitle(id, "Acceptance briefing draft", "after typing in the title") {
		s.fail("typing in the title was not saved")
	}
	s.key("ctrl+z")
	// A redo proves something only after an undo that worked.
	if s.waitTitle(id, "Acceptance briefing", "Ctrl+Z in the title field") {
		s.do("redo it with Ctrl+Shift+Z (focus in the field)")
		s.key("ctrl+shift+z")
		s.waitTitle(id, "Acceptance briefing draft", "Ctrl+Shift+Z in the title field")
	}

	s.do("click the commentary in the document, then outside any field")
	s.clickOn("the commentary", typeAmong("Label", "Text", "Entry"), textContains("Controls will tighten further."), inLayer("content"), shown())
	s.clickOn("the Bottom line up front label", typ("Label"), text("Bottom line up front"), inLayer("content"), shown())
	if f := s.tree().find(focused(), typ("Entry")); f != nil {
		s.fail("a text field still has the focus: %s", f)
	}
	s.do("move the commentary down with Alt+Down, outside any field")
	s.key("alt+Down")
	s.waitBlocks(id, "heading:Background | excerpt | commentary:Controls will tighten further.", "Alt+Down outside a field")
	s.do("undo the move with Ctrl+Z outside any field")
	s.key("ctrl+z")
	s.waitBlocks(id, "heading:Background | commentary:Controls will tighten further. | excerpt", "Ctrl+Z outside a field")
	s.do("redo the move with Ctrl+Shift+Z outside any field")
	s.key("ctrl+shift+z")
	s.waitBlocks(id, "heading:Background | excerpt | commentary:Controls will tighten further.", "Ctrl+Shift+Z outside a field")

	// Undoing a deletion the library already holds used to break every
	// later save of the briefing.
	s.do("delete the commentary with Alt+Delete")
	s.key("alt+Delete")
	s.waitBlocks(id, "heading:Background | excerpt", "after Alt+Delete")
	s.do("undo the saved deletion with Ctrl+Z")
	s.key("ctrl+z")
	s.waitBlocks(id, "heading:Background | excerpt | commentary:Controls will tighten further.", "Ctrl+Z after a saved deletion")
	s.do("type in the title after the undo: it is saved")
	s.focusEntry("the Title field", typ("Entry"), placeholder("Title"), inLayer("content"))
	s.key("End")
	s.typeText(" again")
	if !s.waitTitle(id, "Acceptance briefing draft again", "typing after the undone deletion") {
		s.fail("typing after the undone deletion was not saved")
	}
}
