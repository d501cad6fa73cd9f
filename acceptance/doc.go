// Package acceptance holds the real-input acceptance suite: the real attache
// binary under Xvfb on a temporary library, driven only through the X server
// (xdotool) and checked through the command line's --json output and
// screenshots. It finds controls through the app's test probe
// (ATTACHE_TEST_PROBE, app/probe.go), by their visible text, so a layout
// change does not break it.
//
// It runs with `make accept` (part of `make test`), or
//
//	ATTACHE_ACCEPT=1 go test -tags sqlite_fts5 ./acceptance/
//
// which builds the binary first; ATTACHE_BIN names a binary to use instead.
// Without either variable the tests are skipped, so that `go test ./...`
// does not run the suite twice. ATTACHE_ACCEPT_OUT names a folder for the
// screenshots (kept), and then TestScreenshotsForReview also shoots every
// view at 800×600, 1280×800 and 1920×1080 in both themes; otherwise only
// failures' screenshots are kept (with the probe's widget tree beside each,
// as .json), in a folder the failing test prints. ATTACHE_ACCEPT_DISPLAY
// is the first X display number to try (default 50).
package acceptance
