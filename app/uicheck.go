package app

import (
	"fmt"
	"runtime/debug"
	"sync"
)

// The UI goroutine never waits on the library: a write can wait up to the
// busy timeout, and the window would freeze meanwhile. In tests and debug
// builds (-tags attache_debug) every call to the library is checked:
// checkedLibrary (uicheck_library.go) reports one made on the UI
// goroutine.
//
// "The UI goroutine" is a goroutine registered with uiGoroutine (New
// registers the one building the window: the event loop's in a real run;
// in tests, each test's own, which plays it since Fyne's test driver runs
// fyne.Do on the caller's goroutine), and any goroutine while it runs UI
// work handed over by uiDo (UI.do). Work run by background is off it,
// even when run inline (tests do), and so is the last save as the app
// quits, when the window is gone.

// uiCheck turns the check on; set before any window is built.
var uiCheck bool

// uiViolation is told of each library call made on the UI goroutine:
// debug builds stop there; tests record it and fail (see main_test.go).
var uiViolation = func(msg string) { panic(msg) }

type goRole int8

const (
	roleUI goRole = iota + 1
	roleWorker
)

var roles = struct {
	sync.Mutex
	ui    map[uint64]int      // goroutines registered as the UI goroutine
	stack map[uint64][]goRole // what each goroutine is running now, innermost last
}{ui: map[uint64]int{}, stack: map[uint64][]goRole{}}

// uiGoroutine registers the calling goroutine as the UI goroutine until
// the returned function is called.
func uiGoroutine() (release func()) {
	if !uiCheck {
		return func() {}
	}
	id := goroutineID()
	roles.Lock()
	roles.ui[id]++
	roles.Unlock()
	return func() {
		roles.Lock()
		defer roles.Unlock()
		if roles.ui[id]--; roles.ui[id] <= 0 {
			delete(roles.ui, id)
		}
	}
}

// runAs runs f in role r on the calling goroutine.
func runAs(r goRole, f func()) {
	if !uiCheck {
		f()
		return
	}
	id := goroutineID()
	roles.Lock()
	roles.stack[id] = append(roles.stack[id], r)
	roles.Unlock()
	defer func() {
		roles.Lock()
		defer roles.Unlock()
		s := roles.stack[id]
		if s = s[:len(s)-1]; len(s) == 0 {
			delete(roles.stack, id)
		} else {
			roles.stack[id] = s
		}
	}()
	f()
}

// offUI runs f as work that may wait on the library: background work run
// inline, or the last save once the window is closing.
func offUI(f func()) { runAs(roleWorker, f) }

// isUIGoroutine tells whether the caller is a goroutine registered with
// uiGoroutine, whatever work it runs now.
func isUIGoroutine() bool {
	id := goroutineID()
	roles.Lock()
	defer roles.Unlock()
	return roles.ui[id] > 0
}

// onUIGoroutine tells whether the caller is running UI work.
func onUIGoroutine() bool {
	id := goroutineID()
	roles.Lock()
	defer roles.Unlock()
	if s := roles.stack[id]; len(s) > 0 {
		return s[len(s)-1] == roleUI
	}
	return roles.ui[id] > 0
}

// checkedLibrary is the app's Library as the check sees it: every call
// that reaches SQLite is refused on the UI goroutine. Path and ReadOnly
// are answered from memory and not checked.
type checkedLibrary struct{ lib Library }

// checked wraps lib when the check is on.
func checked(lib Library) Library {
	if !uiCheck {
		return lib
	}
	if c, ok := lib.(checkedLibrary); ok {
		return c
	}
	return checkedLibrary{lib}
}

func (c checkedLibrary) check(method string) {
	if onUIGoroutine() {
		uiViolation(fmt.Sprintf("the library's %s was called on the UI goroutine; run it in background(...) and hand the result back with u.do:\n%s", method, debug.Stack()))
	}
}

// unwrapLibrary is the library a checkedLibrary wraps, or lib itself.
func unwrapLibrary(lib Library) Library {
	if c, ok := lib.(checkedLibrary); ok {
		return c.lib
	}
	return lib
}
