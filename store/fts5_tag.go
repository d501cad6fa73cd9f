//go:build !sqlite_fts5

package store

// Search needs SQLite's full-text module, which go-sqlite3 compiles in only
// with the sqlite_fts5 build tag. Without it the program would build and
// then fail at run time ("no such module: fts5"), so this file stops the
// build instead, with the fix in the name of what is missing: build with
// make, or with go build -tags sqlite_fts5.
var _ = buildWithTagsSqliteFts5SeeMakefile
