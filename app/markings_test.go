package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// newBriefingIn creates b in lib and opens it in the composer.
func newBriefingIn(t *testing.T, u *UI, lib interface {
	CreateBriefing(context.Context, *domain.Briefing) error
}, b *domain.Briefing) *composer {
	t.Helper()
	if err := lib.CreateBriefing(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	return openInComposer(t, u, b.ID)
}

func selectOnUI(s *widget.Select, v string) { fyne.DoAndWait(func() { s.SetSelected(v) }) }

// The details offer the briefing's scheme's levels and caveats, nothing
// else; choosing one stores the scheme's marking, and the US authority
// block shows only for a scheme that has one.
func TestComposerOffersOnlyTheBriefingsSchemeMarks(t *testing.T) {
	u, lib := newTestUI(t)
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "UK", Scheme: domain.SchemeUK,
		Blocks: []*domain.Block{{Type: domain.BlockCommentary, Text: "Commentary"}}})
	m := c.marking
	if m.scheme.Selected != domain.SchemeOf(domain.SchemeUK).Name {
		t.Fatalf("scheme shows %q", m.scheme.Selected)
	}
	want := []string{"None", "OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"}
	if !slices.Equal(m.overall.level.Options, append([]string{"From the portions"}, want[1:]...)) {
		t.Fatalf("overall marking offers %q, want %q", m.overall.level.Options, want)
	}
	if len(m.overall.checks) != 1 || m.overall.checks[0].Text != "UK EYES ONLY" {
		t.Fatalf("caveats offered: %d", len(m.overall.checks))
	}
	if m.authRows[1].Visible() {
		t.Fatal("the US authority block shows under the UK scheme")
	}
	selectOnUI(&m.overall.level.Select, "OFFICIAL")
	if c.d.b.Classification != "uk:O" {
		t.Fatalf("overall marking stored as %q", c.d.b.Classification)
	}
	fyne.DoAndWait(func() { c.editBlock(0) })
	if !slices.Equal(c.editor.marking.level.Options, want) {
		t.Fatalf("the block's marking offers %q", c.editor.marking.level.Options)
	}
	selectOnUI(&c.editor.marking.level.Select, "OFFICIAL-SENSITIVE")
	if c.d.b.Blocks[0].Marking != "uk:OS" {
		t.Fatalf("block marking stored as %q", c.d.b.Blocks[0].Marking)
	}
	// A heading is a portion too: the trial found no way to mark one.
	fyne.DoAndWait(func() { c.onAdd(domain.BlockHeading) })
	if len(c.d.b.Blocks) != 2 || c.d.b.Blocks[1].Type != domain.BlockHeading {
		t.Fatalf("blocks after adding a heading: %d", len(c.d.b.Blocks))
	}
	if !c.editor.marking.box.Visible() || !contains(c.editor.content, c.editor.marking.box) {
		t.Fatal("the heading's editor offers no marking")
	}
	selectOnUI(&c.editor.marking.level.Select, "OFFICIAL")
	if c.d.b.Blocks[1].Marking != "uk:O" {
		t.Fatalf("heading marking stored as %q", c.d.b.Blocks[1].Marking)
	}
	// The US scheme shows its authority block.
	selectOnUI(m.scheme, domain.SchemeOf(domain.SchemeUS).Name)
	confirmForm(t, u, "Clear marks and change")
	if c.d.b.Scheme != domain.SchemeUS || !m.authRows[1].Visible() {
		t.Fatalf("scheme %q, authority shown %v", c.d.b.Scheme, m.authRows[1].Visible())
	}
	// A CUI briefing's first-page block is the designation indicator.
	label := func(i int) string { return m.authRows[2*i].(*widget.Label).Text }
	selectOnUI(&m.overall.level.Select, "CUI")
	if label(0) != "Controlled By" || label(1) != "CUI Category" || label(2) != "POC" {
		t.Fatalf("CUI lines %q %q %q", label(0), label(1), label(2))
	}
	selectOnUI(&m.overall.level.Select, "SECRET")
	if label(0) != "Classified By" || label(2) != "Declassify On" {
		t.Fatalf("SECRET lines %q %q", label(0), label(2))
	}
}

// Changing the scheme while marks of the old one exist lists them and
// changes nothing until the analyst chooses to clear them.
func TestChangingTheSchemeListsTheMarksItWouldClear(t *testing.T) {
	u, lib := newTestUI(t)
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "US", Scheme: domain.SchemeUS, Classification: "S",
		Blocks: []*domain.Block{{Type: domain.BlockCommentary, Text: "The claim dates from 2019", Marking: "S"},
			{Type: domain.BlockCommentary, Text: "Plain"}}})
	selectOnUI(c.marking.scheme, domain.SchemeOf(domain.SchemeUK).Name)
	if !overlayContains(u, "block 1, commentary “The claim dates from 2019”: SECRET") || !overlayContains(u, "overall marking: SECRET") {
		t.Fatal("the dialog does not list the marks")
	}
	if c.d.b.Scheme != domain.SchemeUS || c.marking.scheme.Selected != domain.SchemeOf(domain.SchemeUS).Name {
		t.Fatal("the scheme changed before the analyst answered")
	}
	confirmForm(t, u, "Keep US")
	if c.d.b.Scheme != domain.SchemeUS || c.d.b.Blocks[0].Marking != "S" {
		t.Fatal("keeping the scheme changed the briefing")
	}
	selectOnUI(c.marking.scheme, domain.SchemeOf(domain.SchemeUK).Name)
	confirmForm(t, u, "Clear marks and change")
	b := c.d.b
	if b.Scheme != domain.SchemeUK || b.Classification != "" || b.Blocks[0].Marking != "" {
		t.Fatalf("after clearing: scheme %q, overall %q, block %q", b.Scheme, b.Classification, b.Blocks[0].Marking)
	}
	if c.marking.scheme.Selected != domain.SchemeOf(domain.SchemeUK).Name || c.marking.overall.level.Options[1] != "OFFICIAL" {
		t.Fatal("the fields do not show the new scheme")
	}
}

// TLP's definition of the chosen colour shows beside the choice, and TLP
// marks no part of the briefing.
func TestTLPShowsTheDefinitionAndNoPortionMarks(t *testing.T) {
	u, lib := newTestUI(t)
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "TLP", Scheme: domain.SchemeTLP,
		Blocks: []*domain.Block{{Type: domain.BlockCommentary, Text: "Commentary"}}})
	selectOnUI(&c.marking.overall.level.Select, "TLP:AMBER")
	if d := c.marking.overall.def; !d.Visible() || !strings.Contains(d.Text, "need-to-know basis") {
		t.Fatalf("definition %q shown %v", d.Text, d.Visible())
	}
	if c.d.b.Classification != "tlp:AMBER" {
		t.Fatalf("stored %q", c.d.b.Classification)
	}
	if c.marking.markRows[1].Visible() {
		t.Fatal("a title mark is offered under TLP")
	}
	fyne.DoAndWait(func() { c.editBlock(0) })
	if c.editor.marking.box.Visible() {
		t.Fatal("a block mark is offered under TLP")
	}
	// An excerpt marked under the UK scheme is refused before it is
	// added: added, it made every later save fail (the trial).
	uk := &domain.Excerpt{ID: 7, SourceID: 1, Quote: "Cranes are the weak point.", Marking: "uk:O"}
	fyne.DoAndWait(func() { u.addExcerptTo(c.d.b.ID, uk) })
	if len(c.d.b.Blocks) != 1 || !overlayContains(u, "The excerpt was not added: OFFICIAL is a UK marking, and this briefing uses TLP markings") {
		t.Fatalf("%d blocks; dialog shown %v", len(c.d.b.Blocks), overlayContains(u, "The excerpt was not added"))
	}
}

// A release list the guide does not allow is said under the field and not
// saved; a right one is stored in the guide's order.
func TestReleaseListIsCheckedAsTyped(t *testing.T) {
	u, lib := newTestUI(t)
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "US", Scheme: domain.SchemeUS})
	o := c.marking.overall
	selectOnUI(&o.level.Select, "SECRET")
	fyne.DoAndWait(func() { o.release.SetText("GBR") })
	if !o.problem.Visible() || !strings.Contains(o.problem.Text, "needs USA") {
		t.Fatalf("problem %q", o.problem.Text)
	}
	if c.d.b.Classification != "S" {
		t.Fatalf("an incomplete release list was stored: %q", c.d.b.Classification)
	}
	fyne.DoAndWait(func() { o.release.SetText("gbr, usa, aus") })
	if c.d.b.Classification != "S//REL TO USA, AUS, GBR" || o.problem.Visible() {
		t.Fatalf("stored %q, problem %q", c.d.b.Classification, o.problem.Text)
	}
	fyne.DoAndWait(func() { o.release.SetText(""); o.checks[0].SetChecked(true) })
	if c.d.b.Classification != "S//NOFORN" {
		t.Fatalf("stored %q", c.d.b.Classification)
	}
}

// A block left unmarked while others are marked carries the "unmarked"
// tag in the document, from the export model's warnings.
func TestUnmarkedPortionsAreTaggedInTheDocument(t *testing.T) {
	u, lib := newTestUI(t)
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "US", Scheme: domain.SchemeUS,
		Blocks: []*domain.Block{{Type: domain.BlockCommentary, Text: "Marked", Marking: "U"},
			{Type: domain.BlockCommentary, Text: "Not marked"}}})
	tagged := func(i int) bool {
		var shown bool
		fyne.DoAndWait(func() { shown = c.docItem(c.blockItem(i)).Tag == "unmarked" })
		return shown
	}
	if tagged(0) || !tagged(1) {
		t.Fatalf("tags: marked %v, unmarked %v", tagged(0), tagged(1))
	}
	fyne.DoAndWait(func() { c.editBlock(1) })
	selectOnUI(&c.editor.marking.level.Select, "UNCLASSIFIED")
	if tagged(1) {
		t.Fatal("the tag stayed after the block was marked")
	}
	var text string
	fyne.DoAndWait(func() { it := c.docItem(c.blockItem(1)); text = it.Mark + it.Text })
	if text != "(U) Not marked" {
		t.Fatalf("the marked row reads %q: the mark chosen is not shown", text)
	}
}

// Settings keep the default scheme under "scheme" (the command line's key
// too) and the library's own default in the library; a new briefing takes
// the library's, else the settings'.
func TestSettingsSchemeAndLibraryDefault(t *testing.T) {
	u, lib := newTestUI(t)
	ctx := context.Background()
	fyne.DoAndWait(u.onSettings)
	eventually(t, "the settings", func() bool { return overlayContains(u, "") && formOrNil(u) != nil })
	form := findForm(t, u)
	scheme := formSelect(t, form, "Marking scheme")
	selectOnUI(&scheme.Select, domain.SchemeOf(domain.SchemeUK).Name)
	class := formMarking(t, form, "Marking")
	selectOnUI(&class.level.Select, "OFFICIAL")
	confirmForm(t, u, "Save")
	p := u.app.Preferences()
	if p.String(prefScheme) != "uk" || p.String(prefClassification) != "uk:O" {
		t.Fatalf("settings: scheme %q, marking %q", p.String(prefScheme), p.String(prefClassification))
	}
	fyne.DoAndWait(func() { u.onShowView(viewBriefings); u.briefings.onNew() })
	eventually(t, "the new briefing", func() bool { c := u.briefings.composer; return c.d != nil })
	if b := u.briefings.composer.d.b; b.Scheme != domain.SchemeUK || b.Classification != "uk:O" {
		t.Fatalf("new briefing: scheme %q, marking %q", b.Scheme, b.Classification)
	}
	// The library's default wins over the settings'.
	fyne.DoAndWait(u.onSettings)
	eventually(t, "the settings again", func() bool { return formOrNil(u) != nil })
	form = findForm(t, u)
	selectOnUI(&formSelect(t, form, "This library's scheme").Select, domain.SchemeOf(domain.SchemeAU).Name)
	confirmForm(t, u, "Save")
	eventually(t, "the library's default", func() bool { id, _ := lib.DefaultScheme(ctx); return id == domain.SchemeAU })
	before := u.briefings.composer.d.b.ID
	fyne.DoAndWait(func() { u.onShowView(viewBriefings); u.briefings.onNew() })
	eventually(t, "the second briefing", func() bool { c := u.briefings.composer; return c.d != nil && c.d.b.ID != before })
	// The settings' OFFICIAL is a UK marking: not given to an Australian briefing.
	if b := u.briefings.composer.d.b; b.Scheme != domain.SchemeAU || b.Classification != "" {
		t.Fatalf("new briefing in the library: scheme %q, marking %q", b.Scheme, b.Classification)
	}
}

// The source form keeps a source's marking; an excerpt of it is offered
// its scheme's marks, starts from the source's marking, and asks why when
// marked below it.
func TestSourceMarkingAndExcerptBelowItAsksWhy(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.editSource(src, "Source details", nil, nil) })
	form := findForm(t, u)
	selectOnUI(&formSelect(t, form, "Marking scheme").Select, domain.SchemeOf(domain.SchemeUK).Name)
	selectOnUI(&formMarking(t, form, "Marking").level.Select, "SECRET")
	confirmForm(t, u, "Save")
	eventually(t, "the source's marking", func() bool { return src.Marking == "uk:S" })
	r := u.library.reader
	fyne.DoAndWait(func() { r.open(src.ID, -1) })
	eventually(t, "the text", func() bool { return r.text.Text() != "" && r.source != nil && r.source.Marking == "uk:S" })
	fyne.DoAndWait(func() { r.text.Select(5, 25) })
	fyne.DoAndWait(r.onNewExcerpt)
	form = findForm(t, u)
	mf := formMarking(t, form, "Marking")
	if mf.scheme.ID != domain.SchemeUK || mf.level.Selected != "SECRET" {
		t.Fatalf("the excerpt is offered %s marks, starting at %q", mf.scheme.Short, mf.level.Selected)
	}
	var reason *dialogEntry
	walk(mf.box, func(o fyne.CanvasObject) {
		if e, ok := o.(*dialogEntry); ok && strings.HasPrefix(e.PlaceHolder, "Reason") {
			reason = e
		}
	})
	if reason == nil || reason.Visible() {
		t.Fatal("a reason is asked for at the source's own marking")
	}
	selectOnUI(&mf.level.Select, "OFFICIAL")
	if !reason.Visible() || !strings.Contains(reason.PlaceHolder, "SECRET") {
		t.Fatalf("no reason asked below the source: %q", reason.PlaceHolder)
	}
	fyne.DoAndWait(func() { reason.SetText("Released in the public report") })
	confirmForm(t, u, "Save excerpt")
	eventually(t, "the excerpt", func() bool {
		es, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{SourceID: src.ID})
		return len(es) == 1 && es[0].Marking == "uk:O" && es[0].MarkingReason == "Released in the public report"
	})
}

// About says Attaché is not an accredited system.
func TestAboutSaysNotAccredited(t *testing.T) {
	u, _ := newTestUI(t)
	fyne.DoAndWait(u.onAbout)
	if !overlayContains(u, "not an accredited system") {
		t.Fatal("About does not say Attaché is not accredited")
	}
}

func formOrNil(u *UI) *widget.Form {
	var form *widget.Form
	walkOverlays(u, func(c fyne.CanvasObject) {
		if f, ok := c.(*widget.Form); ok && form == nil {
			form = f
		}
	})
	return form
}

func formSelect(t *testing.T, form *widget.Form, label string) *dialogSelect {
	t.Helper()
	for _, it := range form.Items {
		if s, ok := it.Widget.(*dialogSelect); ok && it.Text == label {
			return s
		}
	}
	t.Fatalf("no select %q", label)
	return nil
}

// formMarking is the marking field of the form item label.
func formMarking(t *testing.T, form *widget.Form, label string) *markingField {
	t.Helper()
	for _, it := range form.Items {
		if it.Text != label {
			continue
		}
		var found *markingField
		walk(it.Widget, func(o fyne.CanvasObject) {
			if s, ok := o.(*dialogSelect); ok && found == nil {
				found = madeFields[s]
			}
		})
		if found != nil {
			return found
		}
	}
	t.Fatalf("no marking field %q", label)
	return nil
}

// madeFields are the marking fields made, by their level select (see
// markingFieldMade).
var madeFields = map[*dialogSelect]*markingField{}

func init() {
	markingFieldMade = func(f *markingField) { madeFields[f.level] = f }
}

// An export whose markings would be wrong is refused in one dialog naming
// each portion, with no Export button, and writes nothing.
func TestExportRefusalNamesEachPortion(t *testing.T) {
	u, lib := newTestUI(t)
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "UK", Scheme: domain.SchemeUK, Classification: "uk:O", TitleMarking: "uk:O",
		Blocks: []*domain.Block{{Type: domain.BlockCommentary, Text: "The claim dates from 2019", Marking: "uk:S"},
			{Type: domain.BlockCommentary, Text: "The second claim", Marking: "uk:TS"}}})
	dismissOverlays(u) // the offer of the sample
	path := filepath.Join(t.TempDir(), "brief.pdf")
	fyne.DoAndWait(func() { c.checkThenExport(pdfJob(path)) })
	eventually(t, "the refusal", func() bool { return overlayContains(u, "Attaché will not export “UK” until 2 problems") })
	if !overlayContains(u, "commentary “The claim dates from 2019” is SECRET, above the OFFICIAL") ||
		!overlayContains(u, "commentary “The second claim” is TOP SECRET") {
		t.Fatal("the refusal does not name each portion")
	}
	if countOverlays(u, "") != 1 {
		walkOverlays(u, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok {
				t.Log(l.Text)
			}
		})
		t.Fatalf("%d dialogs: want one for all problems", countOverlays(u, ""))
	}
	walkOverlays(u, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Export" {
			t.Error("a refused export offers Export")
		}
	})
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a refused export wrote the file")
	}
}

// Notices (analyst notes included) are listed before an export that may
// go ahead.
func TestExportListsTheNotesNotice(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	dismissOverlays(u)
	ctx := context.Background()
	e := &domain.Excerpt{SourceID: src.ID, Start: 0, End: 20, Note: "My private doubt"}
	if err := lib.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "Notes", IncludeNotes: true,
		Blocks: []*domain.Block{{Type: domain.BlockExcerpt, ExcerptID: e.ID}}})
	if !c.marking.notes.Checked {
		t.Fatal("the notes box does not show the briefing's choice")
	}
	path := filepath.Join(t.TempDir(), "notes.pdf")
	fyne.DoAndWait(func() { c.checkThenExport(pdfJob(path)) })
	eventually(t, "the notice", func() bool { return overlayContains(u, "Analyst notes on excerpts are included") })
	confirmForm(t, u, "Export")
	eventually(t, "the PDF", func() bool { _, err := os.Stat(path); return err == nil })
}

// Export for release asks the level, lists what the copy leaves out,
// writes the copy and records it in the versions.
func TestExportForReleaseListsDroppedAndRecordsTheCopy(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	u, lib := newTestUI(t)
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "Two levels", Scheme: domain.SchemeUS, Classification: "S", TitleMarking: "U",
		Authority: domain.Authority{ClassifiedBy: "A. Analyst", DerivedFrom: "Guide 1", DeclassifyOn: "20350101"},
		Blocks: []*domain.Block{{Type: domain.BlockCommentary, Text: "Open words", Marking: "U"},
			{Type: domain.BlockCommentary, Text: "Hidden words", Marking: "S"}}})
	dir := t.TempDir()
	u.app.Preferences().SetString(prefExportFolder, dir)
	fyne.DoAndWait(c.onExportRelease)
	eventually(t, "the level form", func() bool { return formOrNil(u) != nil })
	level := formMarking(t, findForm(t, u), "Release at")
	selectOnUI(&level.level.Select, "UNCLASSIFIED")
	confirmForm(t, u, "Continue")
	eventually(t, "the list of what is left out", func() bool { return overlayContains(u, "leaves out 1 portion") })
	if !overlayContains(u, "commentary “Hidden words” (SECRET)") {
		t.Fatal("the dropped portion is not named")
	}
	confirmForm(t, u, "Continue")
	eventually(t, "the export form", func() bool { f := formOrNil(u); return f != nil && overlayContains(u, "Export release copy") })
	confirmForm(t, u, "Export")
	name := fileSafe("Two levels (release UNCLASSIFIED)") + ".pdf"
	eventually(t, "the release copy", func() bool { _, err := os.Stat(filepath.Join(dir, name)); return err == nil })
	eventually(t, "the version", func() bool {
		vs, _ := lib.Snapshots(context.Background(), c.d.b.ID)
		return len(vs) > 0 && vs[0].Label == "Release copy at UNCLASSIFIED: "+name
	})
	if b, _ := lib.Briefing(context.Background(), c.d.b.ID); len(b.Blocks) != 2 {
		t.Fatal("the release copy changed the briefing")
	}
}

// Excerpts keep their own marks: a briefing quoting excerpts marked under
// its scheme cannot change it, and the dialog names them.
func TestSchemeChangeRefusedOverForeignExcerpts(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	dismissOverlays(u)
	e := &domain.Excerpt{SourceID: src.ID, Start: 0, End: 20, Marking: "U"}
	if err := lib.CreateExcerpt(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "Quoting", Scheme: domain.SchemeUS,
		Blocks: []*domain.Block{{Type: domain.BlockExcerpt, ExcerptID: e.ID}}})
	selectOnUI(c.marking.scheme, domain.SchemeOf(domain.SchemeUK).Name)
	if !overlayContains(u, "quotes 1 excerpt marked under another scheme") || !overlayContains(u, "block 1, excerpt") {
		t.Fatal("the refusal does not name the excerpt")
	}
	if c.d.b.Scheme != domain.SchemeUS || c.marking.scheme.Selected != domain.SchemeOf(domain.SchemeUS).Name {
		t.Fatal("the scheme changed under a US excerpt")
	}
	walkOverlays(u, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Clear") {
			t.Error("clearing is offered, though it cannot clear an excerpt's own mark")
		}
	})
}

// An unmarked title, while portions are marked, is named in the details'
// heading, which shows even when the details are folded.
func TestUnmarkedDetailsAreNamedInTheDetailsHeading(t *testing.T) {
	u, lib := newTestUI(t)
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "US", Scheme: domain.SchemeUS,
		Blocks: []*domain.Block{{Type: domain.BlockCommentary, Text: "Marked", Marking: "U"}}})
	if got := c.detailsItem.Title; got != "Details — unmarked: the title" {
		t.Fatalf("details heading %q", got)
	}
	selectOnUI(&c.marking.marks["title"].level.Select, "UNCLASSIFIED")
	if got := c.detailsItem.Title; got != "Details" {
		t.Fatalf("details heading after marking the title: %q", got)
	}
}

// In the excerpts view an excerpt is offered its source's scheme's marks;
// saved below its source without a reason, the library's message is
// shown and the edit kept; with one it saves.
func TestExcerptsViewAsksWhyBelowTheSource(t *testing.T) {
	setAutosave(t, time.Hour) // saved below, with saveNow
	u, lib := sampleInExcerpts(t)
	ctx := context.Background()
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	id := u.excerpts.excerpts[0].ID
	e, _ := lib.Excerpt(ctx, id)
	src, _ := lib.Source(ctx, e.SourceID)
	base := *src
	src.Marking = "S"
	if _, err := lib.UpdateSource(ctx, &base, src); err != nil {
		t.Fatal(err)
	}
	ebase := *e
	e.Marking = "S"
	if _, err := lib.UpdateExcerpt(ctx, &ebase, e); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.libraryChanged(changedExcerpts | changedSources) })
	fyne.DoAndWait(func() { u.excerpts.list.UnselectAll(); u.excerpts.list.Select(0) })
	f := u.excerpts.fields
	eventually(t, "the source's marking in the form", func() bool { return f.source == "S" && f.marking.level.Selected == "SECRET" })
	selectOnUI(&f.marking.level.Select, "CONFIDENTIAL")
	if !f.reason.Visible() {
		t.Fatal("no reason asked below the source")
	}
	fyne.DoAndWait(u.excerpts.saveNow)
	eventually(t, "the library's refusal", func() bool { return overlayContains(u, "give a reason to mark it lower") })
	dismissOverlays(u)
	typeOnUI(f.reason, "Declassified passage")
	fyne.DoAndWait(u.excerpts.saveNow)
	eventually(t, "the lower marking with its reason", func() bool {
		got, _ := lib.Excerpt(ctx, id)
		return got.Marking == "C" && got.MarkingReason == "Declassified passage"
	})
}

// The refusal list shows its sentences whole: the trial found one cut to
// a 40-pixel strip, naming neither the portion nor the fix.
func TestDialogListsAreTallEnoughForTheirSentences(t *testing.T) {
	u, _ := newTestUI(t)
	long := strings.Repeat("The heading of section 1 “Background” has no portion mark. ", 4)
	var h1, h3 float32
	fyne.DoAndWait(func() {
		h1 = u.listScroll(container.NewVBox(), []string{long}).MinSize().Height
		h3 = u.listScroll(container.NewVBox(), []string{long, long, long}).MinSize().Height
	})
	line := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height
	if h1 < 4*line || h3 <= h1 || h3 > u.win.Canvas().Size().Height*0.5+1 {
		t.Fatalf("a 4-line item gets %.0f px, three get %.0f (line %.0f, window %.0f)", h1, h3, line, u.win.Canvas().Size().Height)
	}
}
