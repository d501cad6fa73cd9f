package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
)

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
