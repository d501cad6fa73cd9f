package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/settings"
)

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
