// Package jsonfile writes the shared test briefing as an interchange file,
// for the tests that import one (a package of its own: testbundle is
// imported by interchange's tests, so it cannot import interchange).
package jsonfile

import (
	"os"
	"testing"

	"github.com/attache/attache/interchange"
	"github.com/attache/attache/internal/testbundle"
)

// Write writes testbundle.Bundle at path: an export, or a rescue copy of
// unsaved work.
func Write(t testing.TB, path string) string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := interchange.WriteJSON(f, testbundle.Bundle(t)); err != nil {
		t.Fatal(err)
	}
	return path
}
