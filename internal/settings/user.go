package settings

import (
	"strings"

	"github.com/attache/attache/domain"
)

// UserName is the key of the name the analyst's changes are kept with
// (store.Store.SetUser), as the app's Settings dialog writes it; missing
// or blank, the computer account's name is kept.
const UserName = "user_name"

// MaxUserName is the longest name, in characters, a library keeps with a
// change: the store's own limit, which refuses longer ones (a test holds
// the two together). Settings checks it as the name is typed.
const MaxUserName = 64

// Where a name was given, in the message refusing it.
const (
	fromFlag     = "--user"
	fromEnv      = "ATTACHE_USER"
	fromSettings = "the name in Settings"
)

// User is who the analyst's changes are kept as, by the one rule the
// command line and the desktop app share: the --user flag (flag), else
// the ATTACHE_USER environment variable, else the name saved in Settings
// (values, as Strings reads them), else "", which leaves the library its
// default, the computer account's name. A blank value counts as none.
// A name longer than MaxUserName is refused with where it came from, so
// the analyst knows what to change; nothing is opened yet by then.
func User(flag string, getenv func(string) string, values map[string]string) (string, error) {
	for _, c := range [...]struct{ name, from string }{
		{flag, fromFlag}, {getenv("ATTACHE_USER"), fromEnv}, {values[UserName], fromSettings},
	} {
		name, err := ParseUserName(c.name)
		if err != nil {
			return "", domain.Errorf(domain.EINVALID, "%s: %s", c.from, domain.ErrorMessage(err))
		}
		if name != "" {
			return name, nil
		}
	}
	return "", nil
}

// ParseUserName reads a name as the library keeps it: runs of spaces as
// one, none at the ends; "" for none. One longer than MaxUserName is
// refused in the words the store uses.
func ParseUserName(typed string) (string, error) {
	name := strings.Join(strings.Fields(typed), " ")
	if len([]rune(name)) > MaxUserName {
		return "", domain.Errorf(domain.EINVALID, "the name %q is longer than %d characters: give a shorter one", name, MaxUserName)
	}
	return name, nil
}
