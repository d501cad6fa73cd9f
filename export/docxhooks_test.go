package export

import "testing"

// CheckDOCX lets the tests of package export_test (which may import the
// importer, package ingest, without a cycle) run the package checker.
func CheckDOCX(t testing.TB, data []byte) {
	t.Helper()
	checkDOCX(t, data)
}
