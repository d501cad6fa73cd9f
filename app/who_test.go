package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/settings"
	"github.com/attache/attache/store"
)

// colleague opens the library at path as another analyst would, in a
// team library: their changes keep their name.
func colleague(t *testing.T, path, name string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.SetUser(name); err != nil {
		t.Fatal(err)
	}
	return s
}

// Settings has the analyst's name, with help saying who sees it, what it
// falls back on and when it applies; a name too long cannot be saved,
// and the one saved is where the command line and the next start read
// it.
func TestSettingsYourName(t *testing.T) {
	u, lib := newTestUI(t)
	fyne.DoAndWait(u.onSettings)
	eventually(t, "the settings", func() bool { return formOrNil(u) != nil })
	form := formOrNil(u)
	var name *dialogEntry
	var help string
	for i, it := range form.Items {
		if e, ok := it.Widget.(*dialogEntry); ok && it.Text == "Your name (kept with your changes)" {
			name = e
			if l, ok := form.Items[i+1].Widget.(*widget.Label); ok && form.Items[i+1].Text == "" {
				help = l.Text
			}
		}
	}
	if name == nil {
		t.Fatal("no \"Your name (kept with your changes)\" field in Settings")
	}
	if name.Text != "" {
		t.Errorf("the field shows %q before any name was set", name.Text)
	}
	for _, want := range []string{"other analysts in a team library", "computer account", "next time you start", "“" + lib.User() + "”"} {
		if !strings.Contains(help, want) {
			t.Errorf("the help under the field does not say %q: %q", want, help)
		}
	}
	fyne.DoAndWait(func() { name.SetText(strings.Repeat("n", settings.MaxUserName+1)) })
	if err := name.Validator(name.Text); err == nil || !strings.Contains(err.Error(), "at most 64 characters") {
		t.Errorf("a name too long: %v", err)
	}
	fyne.DoAndWait(func() { name.SetText("  Ana   Ruiz ") })
	if err := name.Validator(name.Text); err != nil {
		t.Fatalf("a good name refused: %v", err)
	}
	confirmForm(t, u, "Save")
	if got := u.app.Preferences().String(settings.UserName); got != "Ana Ruiz" {
		t.Fatalf("saved %q, want \"Ana Ruiz\"", got)
	}
	// Opened again, the dialog shows the name saved.
	fyne.DoAndWait(u.onSettings)
	eventually(t, "the settings again", func() bool {
		f := formOrNil(u)
		return f != nil && f.Items[0].Widget.(*dialogEntry).Text == "Ana Ruiz"
	})
}

// The Briefings list says who changed each briefing last, after the time
// it already shows; a briefing whose maker is not known says no name.
func TestBriefingsListSaysWhoChangedIt(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	ctx := context.Background()
	ben := colleague(t, lib.Path(), "Ben Okafor")
	b := &domain.Briefing{Title: "Chips"}
	if err := ben.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.onShowView(viewBriefings); u.briefings.reload() })
	eventually(t, "the list", func() bool { return u.briefings.list.Length() == 1 })
	var meta string
	fyne.DoAndWait(func() {
		row := flaggedRow(true)()
		u.briefings.updateRow(0, row)
		meta = flaggedMeta(row)
	})
	if !strings.Contains(meta, "· edited ") || !strings.HasSuffix(meta, " by Ben Okafor") {
		t.Errorf("the row says %q, want the time edited and \"by Ben Okafor\"", meta)
	}
	fyne.DoAndWait(func() {
		u.briefings.briefings[0].UpdatedBy = ""
		row := flaggedRow(true)()
		u.briefings.updateRow(0, row)
		meta = flaggedMeta(row)
	})
	if strings.Contains(meta, " by") {
		t.Errorf("a briefing changed by no one known says %q", meta)
	}
}

// The excerpt's details say who made it and who changed it last.
func TestExcerptDetailsSayWhoMadeAndChangedIt(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	ctx := context.Background()
	ana, ben := colleague(t, lib.Path(), "Ana Ruiz"), colleague(t, lib.Path(), "Ben Okafor")
	src := &domain.Source{Kind: domain.KindReport, Title: "Chips", Text: "Export controls alone will not hold the line."}
	if _, err := ana.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	e := &domain.Excerpt{SourceID: src.ID, Start: 0, End: 15}
	if err := ana.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	e, _ = ben.Excerpt(ctx, e.ID)
	e.Note = "Ben's reading"
	if _, err := ben.UpdateExcerpt(ctx, nil, e); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts); u.excerpts.reload() })
	eventually(t, "the excerpt", func() bool { return u.excerpts.list.Length() == 1 })
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	eventually(t, "the details", func() bool { return u.excerpts.from.Text != "" })
	var from string
	fyne.DoAndWait(func() { from = u.excerpts.from.Text })
	if !strings.HasPrefix(from, "From “Chips”") || !strings.HasSuffix(from, "\nMade by Ana Ruiz · last changed by Ben Okafor") {
		t.Errorf("the details say %q", from)
	}
}

func TestMakersLine(t *testing.T) {
	for _, c := range [][3]string{
		{"", "", ""},
		{"ana", "", "Made by ana"},
		{"ana", "ana", "Made by ana"},
		{"", "ben", "Last changed by ben"},
		{"ana", "ben", "Made by ana · last changed by ben"},
	} {
		if got := makersLine(c[0], c[1]); got != c[2] {
			t.Errorf("makersLine(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

// A name refused as the library opened (too long) is said in the window,
// with the name the changes keep instead.
func TestRefusedUserNameIsSaid(t *testing.T) {
	u, _ := newTestUI(t)
	fyne.DoAndWait(func() {
		u.sayUserRefused(nil)
		if u.notice() != "" {
			t.Errorf("no refusal, yet the notice says %q", u.notice())
		}
		u.sayUserRefused(domain.Errorf(domain.EINVALID, "ATTACHE_USER: the name %q is longer than 64 characters: give a shorter one", "n"))
	})
	want := "ATTACHE_USER: the name \"n\" is longer than 64 characters: give a shorter one. Your changes are kept under your computer account's name."
	if got := u.notice(); got != want {
		t.Errorf("the notice says %q, want %q", got, want)
	}
}
