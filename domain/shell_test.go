package domain

import "testing"

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/home/a/lib.db":             "/home/a/lib.db",
		"/home/a/My Library.db":      "'/home/a/My Library.db'",
		"/tmp/it's.json":             `'/tmp/it'\''s.json'`,
		"":                           "''",
		"/r/Brief - b3-unsaved.json": "'/r/Brief - b3-unsaved.json'",
	} {
		if got := ShellQuote(in); got != want {
			t.Errorf("ShellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
