//go:build attache_debug

package app

// A debug build (go build -tags "sqlite_fts5 attache_debug") stops at the
// first library call made on the UI goroutine.
func init() { uiCheck = true }
