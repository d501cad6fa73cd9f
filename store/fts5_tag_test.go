package store

import (
	"go/build"
	"slices"
	"testing"
)

// A build without the sqlite_fts5 tag must fail at compile time: the file
// that breaks it is part of the package exactly when the tag is missing.
func TestBuildWithoutFTS5TagFails(t *testing.T) {
	for _, tags := range [][]string{nil, {"sqlite_fts5"}} {
		ctx := build.Default
		ctx.BuildTags = tags
		pkg, err := ctx.ImportDir(".", 0)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := slices.Contains(pkg.GoFiles, "fts5_tag.go"), tags == nil; got != want {
			t.Errorf("tags %v: fts5_tag.go in the build = %v, want %v", tags, got, want)
		}
	}
}
