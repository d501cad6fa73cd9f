package main

import (
	"os"
	"os/signal"
	"slices"
	"syscall"
	"testing"
)

func TestQuitSignalsKeepWhatWasIgnored(t *testing.T) {
	if got := quitSignals(); !slices.Contains(got, os.Signal(syscall.SIGHUP)) || !slices.Contains(got, os.Signal(syscall.SIGTERM)) {
		t.Fatalf("quitSignals() = %v, want SIGHUP and SIGTERM among them", got)
	}
	// As under nohup: SIGHUP ignored stays ignored.
	signal.Ignore(syscall.SIGHUP)
	defer signal.Reset(syscall.SIGHUP)
	if got := quitSignals(); slices.Contains(got, os.Signal(syscall.SIGHUP)) {
		t.Errorf("quitSignals() = %v with SIGHUP ignored", got)
	}
}
