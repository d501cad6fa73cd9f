package app

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/intake"
)

// webSource stores a source fetched from url, with an excerpt of quote.
func webSource(t *testing.T, u *UI, url, text, quote string) (*domain.Source, *domain.Excerpt) {
	t.Helper()
	ctx := context.Background()
	src := &domain.Source{Title: "Port report", URL: url, Kind: domain.KindWebPage, Text: text}
	if _, err := u.lib.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	at := strings.Index(text, quote)
	e := &domain.Excerpt{SourceID: src.ID, Quote: quote, Start: len([]rune(text[:at])), End: len([]rune(text[:at])) + len([]rune(quote))}
	if err := u.lib.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	return src, e
}

// privateRecheck lets the tests' rechecks fetch from this computer.
func privateRecheck(t *testing.T) {
	old := recheckOptions
	recheckOptions = func(u *UI, private bool) intake.RecheckOptions { return intake.RecheckOptions{Private: true} }
	t.Cleanup(func() { recheckOptions = old })
}

func overlayButton(u *UI, label string) *widget.Button {
	var btn *widget.Button
	walkOverlays(u, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			btn = b
		}
	})
	return btn
}

func TestRecheckFromTheLibraryFindsAChangedSourceAndImportsItsNewVersion(t *testing.T) {
	privateRecheck(t)
	page := "Ships are scarce.\n\nInsurers raised premiums by a third."
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte(page))
	}))
	defer srv.Close()
	u, lib := newTestUI(t)
	il := withIntegrity(u, lib)
	src, ex := webSource(t, u, srv.URL+"/report.txt", "Ships are scarce.\n\nInsurers doubled premiums.", "Insurers doubled premiums.")
	fyne.DoAndWait(u.onRecheckSources)
	var scope *widget.RadioGroup
	walkOverlays(u, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok {
			scope = r
		}
	})
	if scope == nil || scope.Selected != "Every source that can be read again" {
		t.Fatal("Recheck sources does not offer every source, with none open")
	}
	confirmForm(t, u, "Recheck")
	eventually(t, "the results", func() bool { return overlayContains(u, "Recheck results") })
	if !overlayContains(u, "Changed: ") || !overlayContains(u, "1 gone") {
		t.Error("the results do not say the source changed and its quote is gone")
	}
	il.mu.Lock()
	checks := il.checks
	il.mu.Unlock()
	if len(checks) != 1 || checks[0].SourceID != src.ID || checks[0].Status != domain.CheckChanged ||
		len(checks[0].Quotes) != 1 || checks[0].Quotes[0].ExcerptID != ex.ID || checks[0].Quotes[0].State != domain.QuoteGone {
		t.Fatalf("recorded %+v", checks)
	}
	imp := overlayButton(u, "Import the new version")
	if imp == nil {
		t.Fatal("a changed source offers no Import the new version")
	}
	fyne.DoAndWait(func() { imp.OnTapped() })
	eventually(t, "the new version", func() bool {
		list, _ := lib.Sources(context.Background(), domain.SourceFilter{})
		for _, s := range list {
			if s.ID != src.ID && s.URL == src.URL {
				full, _ := lib.Source(context.Background(), s.ID)
				return full != nil && full.Text == page
			}
		}
		return false
	})
	if imp.Text != "Imported" || !imp.Disabled() {
		t.Errorf("the button reads %q after the import", imp.Text)
	}
	if got, _ := lib.Source(context.Background(), src.ID); got.Text != "Ships are scarce.\n\nInsurers doubled premiums." {
		t.Errorf("the imported text was replaced: %q", got.Text)
	}
}

func TestRecheckUnavailableSaysTheHTTPStatus(t *testing.T) {
	privateRecheck(t)
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	u, lib := newTestUI(t)
	withIntegrity(u, lib)
	webSource(t, u, srv.URL+"/gone", "Ships are scarce.", "Ships")
	fyne.DoAndWait(func() { u.recheck(nil, true) })
	eventually(t, "the results", func() bool { return overlayContains(u, "Recheck results") })
	if !overlayContains(u, "Unavailable (HTTP 404)") {
		t.Error("the results do not give the server's answer")
	}
}

func TestRecheckCancelStopsWithinASecond(t *testing.T) {
	privateRecheck(t)
	var asked atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		<-r.Context().Done() // a server that never answers
	}))
	defer srv.Close()
	u, lib := newTestUI(t)
	il := withIntegrity(u, lib)
	webSource(t, u, srv.URL+"/a", "One.", "One.")
	webSource(t, u, srv.URL+"/b", "Two.", "Two.")
	realBackground(t)
	fyne.DoAndWait(func() { u.recheck(nil, true) })
	eventually(t, "the fetch", func() bool { return asked.Load() == 1 })
	cancel := overlayButton(u, "Cancel")
	if cancel == nil {
		t.Fatal("the progress has no Cancel")
	}
	start := time.Now()
	fyne.DoAndWait(func() { cancel.OnTapped() })
	eventually(t, "the stop", func() bool { return overlayContains(u, "Recheck results") })
	if d := time.Since(start); d > time.Second {
		t.Errorf("Cancel took %v", d)
	}
	if !overlayContains(u, "Stopped before 2 other sources") {
		t.Error("the results do not say what was left")
	}
	if asked.Load() != 1 {
		t.Errorf("%d fetches after Cancel", asked.Load()-1)
	}
	il.mu.Lock()
	defer il.mu.Unlock()
	if len(il.checks) != 0 {
		t.Errorf("a stopped recheck recorded %+v", il.checks)
	}
}

func TestSourceStandingIsMarkedWithANote(t *testing.T) {
	u, lib := newTestUI(t)
	il := withIntegrity(u, lib)
	src, _ := webSource(t, u, "https://example.org/r", "Ships are scarce.", "Ships")
	fyne.DoAndWait(func() { u.onSourceStanding(src) })
	var pick *widget.RadioGroup
	var note *dialogEntry
	walkOverlays(u, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.RadioGroup:
			pick = w
		case *dialogEntry:
			note = w
		}
	})
	if pick == nil || note == nil {
		t.Fatal("the standing form lacks its choice or note")
	}
	fyne.DoAndWait(func() { pick.SetSelected(standingChoices[1]) })
	confirmForm(t, u, "Save")
	if !overlayContains(u, "Write a note saying why") {
		t.Fatal("a retraction without a note is not asked about")
	}
	dismissTop(u)
	fyne.DoAndWait(func() { note.SetText("Withdrawn by the publisher on 3 March") })
	confirmForm(t, u, "Save")
	eventually(t, "the standing", func() bool {
		il.mu.Lock()
		defer il.mu.Unlock()
		return il.standings[src.ID] == domain.StandingRetracted
	})
	if il.notes[src.ID] != "Withdrawn by the publisher on 3 March" {
		t.Errorf("note kept: %q", il.notes[src.ID])
	}
}

func TestConcernFlagsNameTheConcern(t *testing.T) {
	at := time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC)
	sc := &domain.SourceConcern{Concerns: []domain.Concern{domain.ConcernUnavailable, domain.ConcernRetracted},
		Check: &domain.SourceCheck{HTTPStatus: 410}, Note: "withdrawn", At: at}
	if got := concernText(sc); got != "Retracted, unavailable (HTTP 410)" { // the worst first
		t.Errorf("flag %q", got)
	}
	if got := concernDetail(sc); !strings.HasPrefix(got, "Retracted: withdrawn; unavailable (HTTP 410) (3 Mar 2026") {
		t.Errorf("detail %q", got)
	}
	// Found by a trial: the note read as the reason for both concerns.
	sc.Check.Detail = "the page was removed"
	if got := concernDetail(sc); got != "Retracted: withdrawn; unavailable (HTTP 410): the page was removed (3 Mar 2026)" {
		t.Errorf("detail with two reasons %q", got)
	}
	if concernText(nil) != "" {
		t.Error("a source with no concern is flagged")
	}
}

// dismissTop closes the dialog on top.
func dismissTop(u *UI) {
	fyne.DoAndWait(func() {
		if o := u.win.Canvas().Overlays().Top(); o != nil {
			u.win.Canvas().Overlays().Remove(o)
		}
	})
}

func TestLibraryRowFlagsASourceWithAConcern(t *testing.T) {
	u, _ := newTestUI(t)
	s := u.library
	fyne.DoAndWait(func() {
		s.sources = []*domain.Source{{ID: 1, Title: "Port report", Concern: &domain.SourceConcern{SourceID: 1,
			Concerns: []domain.Concern{domain.ConcernRetracted}}}, {ID: 2, Title: "Sound report"}}
		for i, want := range []string{"Retracted · ", ""} {
			row := flaggedRow(true)()
			s.updateRow(i, row)
			box := row.(*fyne.Container)
			meta := box.Objects[0].(*fyne.Container).Objects[1].(*widget.Label)
			icon := box.Objects[1]
			if want != "" && (!strings.HasPrefix(meta.Text, want) || !icon.Visible() || meta.Importance != widget.WarningImportance) {
				t.Errorf("row %d: %q, icon shown %v", i, meta.Text, icon.Visible())
			}
			if want == "" && (icon.Visible() || strings.Contains(meta.Text, "Retracted")) {
				t.Errorf("a sound source is flagged: %q", meta.Text)
			}
		}
	})
}

func TestListsFlagExcerptsAndBriefingsOnTroubledSources(t *testing.T) {
	gone := &domain.SourceConcern{SourceID: 1, Concerns: []domain.Concern{domain.ConcernChanged},
		Check: &domain.SourceCheck{Status: domain.CheckChanged, Quotes: []domain.QuoteCheck{{ExcerptID: 7, State: domain.QuoteGone}}}}
	if got := excerptFlag(gone, 7); got != "Quote gone from the source · Changed since import" {
		t.Errorf("excerpt 7: %q", got)
	}
	if got := excerptFlag(gone, 8); got != "Source changed since import" {
		t.Errorf("excerpt 8: %q", got)
	}
	if got := riskFlag(&domain.BriefingRisk{Sources: []int64{1, 2}}); got != "Rests on 2 sources changed, gone or discredited" {
		t.Errorf("briefing: %q", got)
	}
	if got := riskFlag(&domain.BriefingRisk{Versions: []domain.VersionRisk{{SnapshotID: 3}}}); got != "1 version in its history is on troubled sources" {
		t.Errorf("history: %q", got)
	}
	u, lib := openSampleBriefing(t)
	il := withIntegrity(u, lib)
	il.risks = []*domain.BriefingRisk{{BriefingID: u.briefings.briefings[0].ID, Sources: []int64{1}}}
	fyne.DoAndWait(u.briefings.reload)
	eventually(t, "the flag", func() bool {
		row := flaggedRow(true)()
		u.briefings.updateRow(0, row)
		meta := row.(*fyne.Container).Objects[0].(*fyne.Container).Objects[1].(*widget.Label)
		return strings.HasPrefix(meta.Text, "Rests on 1 source changed")
	})
}

// flaggedMeta is the second line of a flaggedRow.
func flaggedMeta(row fyne.CanvasObject) string {
	return row.(*fyne.Container).Objects[0].(*fyne.Container).Objects[1].(*widget.Label).Text
}
