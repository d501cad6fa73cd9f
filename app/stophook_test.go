package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// The toolkit's stop hook is gone after dropToolkitStopHook: nothing is
// left for the lifecycle to queue as the event loop shuts down.
func TestDropToolkitStopHook(t *testing.T) {
	a := test.NewTempApp(t)
	l, ok := a.Lifecycle().(interface {
		SetOnStoppedHookExecuted(func())
		OnStopped() func()
	})
	if !ok {
		t.Fatalf("the test app's lifecycle (%T) has no stop hook to drop", a.Lifecycle())
	}
	l.SetOnStoppedHookExecuted(func() {}) // as fyneapp.NewWithID sets it
	if l.OnStopped() == nil {
		t.Fatal("a stop hook was set but the lifecycle does not return it")
	}
	if !dropToolkitStopHook(a) {
		t.Fatal("dropToolkitStopHook did not find the hook's setter")
	}
	if l.OnStopped() != nil {
		t.Error("after dropToolkitStopHook the lifecycle still has something to run at stop")
	}
}
