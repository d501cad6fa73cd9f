package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
)

// The SQLite store is a Library: the whole contract, nothing reached by
// asking a value whether it happens to have a method.
var _ Library = (*store.Store)(nil)

// readingCopyLib is a library being read from a private copy.
type readingCopyLib struct {
	*store.Store
	taken time.Time
}

func (l readingCopyLib) ReadOnly() bool                 { return true }
func (l readingCopyLib) ReadingCopy() (time.Time, bool) { return l.taken, true }

// The read-only banner says when the copy being read was taken.
func TestReadOnlyBannerNamesTheCopysTime(t *testing.T) {
	u, lib := newTestUI(t)
	taken := time.Date(2026, 3, 4, 9, 41, 0, 0, time.Local)
	var text string
	fyne.DoAndWait(func() {
		u.lib = readingCopyLib{lib, taken}
		text = bannerText(u.readOnlyBanner())
	})
	if !strings.Contains(text, "reading a copy taken at 09:41") || !strings.Contains(text, lib.Path()) {
		t.Fatalf("banner %q", text)
	}
	fyne.DoAndWait(func() {
		u.lib = lib
		text = bannerText(u.readOnlyBanner())
	})
	if strings.Contains(text, "reading a copy") {
		t.Fatalf("a library read in place spoke of a copy: %q", text)
	}
}

// bannerText is the text of the banner's label.
func bannerText(o fyne.CanvasObject) string {
	if l, ok := o.(*widget.Label); ok {
		return l.Text
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if s := bannerText(child); s != "" {
				return s
			}
		}
	}
	return ""
}

// Found by a trial: a rechecked page imported as a new version read
// exactly as the old one in the Library and in Open source…. Its line
// says which it is.
func TestANewVersionOfASourceSaysSo(t *testing.T) {
	at := time.Date(2026, 12, 4, 12, 0, 0, 0, time.Local)
	line := sourceLine(&domain.Source{Title: "Commerce tightens", Publisher: "Marsh", PreviousID: 2, ImportedAt: at})
	if !strings.HasPrefix(line, "new version of source 2, imported 4 Dec 2026 · Marsh") {
		t.Errorf("the line reads %q", line)
	}
	if line := sourceLine(&domain.Source{Title: "Commerce tightens", Publisher: "Marsh"}); strings.Contains(line, "version") {
		t.Errorf("an original reads %q", line)
	}
}
