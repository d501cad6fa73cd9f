package intake

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// A file keeps its absolute path, given relative or not, so a recheck can
// read it again; pasted text has none.
func TestFileSourcesKeepTheirLocation(t *testing.T) {
	dir := t.TempDir()
	path := write(t, filepath.Join(dir, "a.txt"), article("Alpha"))
	write(t, filepath.Join(dir, "sub", "b.txt"), article("Bravo"))
	t.Chdir(dir) // a relative name is the one the analyst typed here
	lib := &library{}
	items := append(names(path, filepath.Join("sub", "b.txt")), Item{Name: "-", Text: strings.NewReader(article("Pasted"))})
	rs, _ := runAll(t, context.Background(), lib, items, Options{})
	want := []string{path, filepath.Join(dir, "sub", "b.txt"), ""}
	for i, r := range rs {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Name, r.Err)
		}
		if r.Source.Location != want[i] {
			t.Errorf("%s: location %q, want %q", r.Name, r.Source.Location, want[i])
		}
	}
}
