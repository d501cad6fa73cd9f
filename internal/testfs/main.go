package testfs

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// wasmCacheEnv is ingest.PDFCacheEnv (not imported: ingest's own tests use
// this package).
const wasmCacheEnv = "ATTACHE_WASM_CACHE"

// Main runs a package's tests (call it from TestMain) so that they leave
// nothing behind, whoever started them: the temporary folder (TMPDIR, and
// so t.TempDir and anything the code under test puts in os.TempDir, such
// as rescued briefings), the user's cache folder (XDG_CACHE_HOME) and the
// PDF engine's compiled-code cache all point into one private folder,
// removed when the tests end. A PDF cache already named in
// ATTACHE_WASM_CACHE is kept: `make test` shares one across packages, so
// the engine is compiled once per run rather than once per package.
func Main(m *testing.M) int {
	root, err := os.MkdirTemp("", "attache-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "testfs: no temporary folder:", err)
		return 1
	}
	defer os.RemoveAll(root)
	tmp, cache := filepath.Join(root, "tmp"), filepath.Join(root, "cache")
	for _, d := range []string{tmp, cache} {
		if err := os.Mkdir(d, 0o700); err != nil {
			fmt.Fprintln(os.Stderr, "testfs:", err)
			return 1
		}
	}
	env := map[string]string{"TMPDIR": tmp, "XDG_CACHE_HOME": cache}
	if os.Getenv(wasmCacheEnv) == "" {
		env[wasmCacheEnv] = filepath.Join(cache, "attache", "wasm")
	}
	for k, v := range env {
		if err := os.Setenv(k, v); err != nil {
			fmt.Fprintln(os.Stderr, "testfs:", err)
			return 1
		}
	}
	return m.Run()
}
