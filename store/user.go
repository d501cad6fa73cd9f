package store

import (
	"os"
	"os/user"
	"strings"

	"github.com/attache/attache/domain"
)

// maxUserName bounds a name given with --user or in Settings: it is shown
// in every list, and kept with every change.
const maxUserName = 64

// osUser is the name of the account Attaché runs under: who made a change,
// unless the analyst gave another name (SetUser). "" when the system says
// nothing.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}

// SetUser names who makes the changes that follow: kept with every source,
// excerpt, briefing and version written, and shown in lists and versions.
// A blank name leaves the account's own name.
func (s *Store) SetUser(name string) error {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return nil
	}
	if len([]rune(name)) > maxUserName {
		return domain.Errorf(domain.EINVALID, "the name %q is longer than %d characters: give a shorter one", name, maxUserName)
	}
	s.user = name
	return nil
}

// User is who the changes made through this library are kept as.
func (s *Store) User() string { return s.user }
