package app

import "github.com/attache/attache/domain"

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
