package app

import (
	"errors"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/settings"
)

// Who did what: the library keeps with every change the name of who made
// it (the account's, or the one given in Settings, with --user or
// ATTACHE_USER). In a team library several analysts share, the lists
// and versions say whose work each thing is. A name is "" for what was
// made before names were kept: then nothing is said.

// sayUserRefused tells, once the window is up, why the name given for
// the analyst's changes was not taken (too long); the library keeps the
// account's name meanwhile.
func (u *UI) sayUserRefused(err error) {
	if err == nil {
		return
	}
	u.notify(sentence(domain.ErrorMessage(err)) + " Your changes are kept under your computer account's name.")
}

// byName is " by NAME" after a time, or "" when the name is not known.
func byName(name string) string {
	if name == "" {
		return ""
	}
	return " by " + name
}

// makersLine says who made a thing and who changed it last, or "" when
// neither is known.
func makersLine(createdBy, updatedBy string) string {
	switch {
	case createdBy == "" && updatedBy == "":
		return ""
	case createdBy == "":
		return "Last changed by " + updatedBy
	case updatedBy == "" || updatedBy == createdBy:
		return "Made by " + createdBy
	}
	return "Made by " + createdBy + " · last changed by " + updatedBy
}

// excerptOrigin is the excerpts view's line under the quote: where the
// excerpt is from, and under it whose it is.
func excerptOrigin(e *domain.Excerpt) string {
	if who := makersLine(e.CreatedBy, e.UpdatedBy); who != "" {
		return excerptFrom(e) + "\n" + who
	}
	return excerptFrom(e)
}

// libraryUser is who the open library keeps the changes made here as, or
// "" for a library that does not say. The name is set once, as the
// library opens, before anything runs on it: reading it is no library
// work, so this may run on the UI goroutine.
func libraryUser(lib Library) string {
	if l, ok := unwrapLibrary(lib).(interface{ User() string }); ok {
		return l.User()
	}
	return ""
}

// userNameHelp is the hint under the Settings field for the analyst's
// name; now is the name their changes are kept as in this window.
func userNameHelp(now string) string {
	help := "Shown to other analysts in a team library; your computer account's name when left empty. A new name applies from the next time you start Attaché"
	if now != "" {
		help += " (now: “" + now + "”)"
	}
	return help + "."
}

// checkUserName is the Settings field's check: at most the library's
// longest name, said shortly under the field.
func checkUserName(typed string) error {
	if _, err := settings.ParseUserName(typed); err != nil {
		return errors.New("at most " + itoa(settings.MaxUserName) + " characters")
	}
	return nil
}

// versionWhen is when a version was kept, and by whom when known.
func versionWhen(s *domain.Snapshot) string {
	when := s.CreatedAt.Local().Format("2 Jan 2006 15:04:05")
	if s.By == "" {
		return when
	}
	return when + " · kept by " + s.By
}
