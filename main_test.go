package main

import (
	"os"
	"os/signal"
	"slices"
	"syscall"
	"testing"
)

func TestTildeHome(t *testing.T) {
	for _, c := range []struct{ msg, home, want string }{
		{"mkdir /home/ann/.local/share/attache/backups: permission denied", "/home/ann", "mkdir ~/.local/share/attache/backups: permission denied"},
		{"copy /home/ann/a.db to /home/ann/b.db", "/home/ann/", "copy ~/a.db to ~/b.db"},
		{"open /home/anna/a.db: no such file", "/home/ann", "open /home/anna/a.db: no such file"},
		{"backup of /home/ann failed", "/home/ann", "backup of ~ failed"},
		{"no path here", "/home/ann", "no path here"},
		{"\"/home/ann\": denied; /home/ann.old kept", "/home/ann", "\"~\": denied; /home/ann.old kept"},
		{"/srv/a.db is damaged", "", "/srv/a.db is damaged"},
		{"/srv/a.db is damaged", "/", "/srv/a.db is damaged"},
	} {
		if got := tildeHome(c.msg, c.home); got != c.want {
			t.Errorf("tildeHome(%q, %q) = %q, want %q", c.msg, c.home, got, c.want)
		}
	}
}

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
