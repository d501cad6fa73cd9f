package app

import (
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/attache/attache/internal/testfs"
)

func TestMain(m *testing.M) {
	background = func(f func()) { offUI(f) }
	uiPost = postForTest
	// Every test runs with the check that the UI goroutine never calls
	// the library (uicheck.go).
	uiCheck = true
	uiViolation = violations.add
	code := testfs.Main(m) // rescued briefings and caches stay out of /tmp and ~/.cache
	if left := violations.take(); len(left) > 0 {
		fmt.Fprintf(os.Stderr, "%d library calls on the UI goroutine outside the tests' windows; the first:\n%s\n", len(left), left[0])
		code = 1
	}
	os.Exit(code)
}

// violations are library calls made on the UI goroutine since last taken.
var violations uiViolations

type uiViolations struct {
	sync.Mutex
	found []string
}

func (v *uiViolations) add(msg string) {
	v.Lock()
	defer v.Unlock()
	v.found = append(v.found, msg)
}

func (v *uiViolations) take() []string {
	v.Lock()
	defer v.Unlock()
	f := v.found
	v.found = nil
	return f
}

// failOnUIViolations fails t, at its end, for each library call made on
// the UI goroutine during it.
func failOnUIViolations(t *testing.T) {
	t.Helper()
	violations.take() // an earlier test's late work is not this one's
	t.Cleanup(func() {
		for _, v := range violations.take() {
			t.Error(v)
		}
	})
}
