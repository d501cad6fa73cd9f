package settings

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
)

func TestUserTakesTheFlagThenTheEnvironmentThenSettings(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "ATTACHE_USER" {
				return v
			}
			return ""
		}
	}
	saved := map[string]string{UserName: "  Ana   Ruiz "}
	for _, c := range []struct {
		flag, env string
		values    map[string]string
		want      string
	}{
		{"ben", "cleo", saved, "ben"},
		{"", "cleo", saved, "cleo"},
		{"  ", " ", saved, "Ana Ruiz"}, // blank counts as none
		{"", "", nil, ""},              // the account's name, the store's default
		{"", "", map[string]string{UserName: ""}, ""},
	} {
		got, err := User(c.flag, env(c.env), c.values)
		if err != nil || got != c.want {
			t.Errorf("User(%q, %q, %v) = %q, %v; want %q", c.flag, c.env, c.values, got, err, c.want)
		}
	}
	// A long name is refused where it is given, not passed over for the
	// next: the analyst would not know which name their changes carry.
	long := strings.Repeat("n", MaxUserName+1)
	for _, c := range []struct {
		flag, env string
		values    map[string]string
		from      string
	}{
		{long, "cleo", saved, "--user: "},
		{"", long, saved, "ATTACHE_USER: "},
		{"", "", map[string]string{UserName: long}, "the name in Settings: "},
	} {
		_, err := User(c.flag, env(c.env), c.values)
		msg := domain.ErrorMessage(err)
		if domain.ErrorCode(err) != domain.EINVALID || !strings.HasPrefix(msg, c.from) || !strings.Contains(msg, "longer than 64 characters") {
			t.Errorf("a long name from %s: %v", c.from, err)
		}
	}
}

// The limit checked as the name is typed is the library's own: what
// Settings takes, the store takes, and what it refuses, the store
// refuses too.
func TestMaxUserNameIsTheStoresLimit(t *testing.T) {
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	longest := strings.Repeat("é", MaxUserName)
	if _, err := ParseUserName(longest); err != nil {
		t.Fatalf("settings refused %d characters: %v", MaxUserName, err)
	}
	if err := s.SetUser(longest); err != nil || s.User() != longest {
		t.Fatalf("the store refused %d characters: %v", MaxUserName, err)
	}
	over := longest + "é"
	_, perr := ParseUserName(over)
	serr := s.SetUser(over)
	if perr == nil || serr == nil {
		t.Fatalf("%d characters: settings %v, store %v", MaxUserName+1, perr, serr)
	}
	if domain.ErrorMessage(perr) != domain.ErrorMessage(serr) {
		t.Errorf("the refusals differ:\n settings: %s\n store:    %s", domain.ErrorMessage(perr), domain.ErrorMessage(serr))
	}
}
