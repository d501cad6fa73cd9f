package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// `attache import -` with nobody writing, or a named pipe nobody opens or
// writes to, waits in a read: Ctrl+C (SIGINT) and SIGTERM must still end it
// within a second, with a message and the error status, and not as a
// killed process.
func TestImportWaitingOnInputStopsOnSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the program")
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		for _, input := range []string{"stdin", "fifo", "fifo opened"} {
			t.Run(sig.String()+" "+input, func(t *testing.T) {
				stopWaitingImport(t, sig, input)
			})
		}
	}
}

func stopWaitingImport(t *testing.T, sig syscall.Signal, input string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	arg := fifo
	if input == "stdin" {
		arg = "-"
	}
	cmd := exec.Command(os.Args[0], "--db", db, "import", arg)
	cmd.Env = []string{"ATTACHE_MAIN_CHILD=1", "HOME=" + dir, "PATH=" + os.Getenv("PATH"), "LANG=C.UTF-8",
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"), "XDG_DATA_HOME=" + filepath.Join(dir, "data"),
		"XDG_CACHE_HOME=" + filepath.Join(dir, "cache")}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if input == "stdin" {
		r, w, err := os.Pipe() // the write end stays open and silent
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		defer r.Close()
		cmd.Stdin = r
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	defer func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-done
		}
	}()
	if input == "fifo opened" {
		// A writer that opens the pipe and never writes: the open succeeds
		// and the read waits. Opened without blocking for a reader first.
		w, err := os.OpenFile(fifo, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
	}
	// The library is opened before the input is read, and the signal
	// handlers are in place before that: once the file exists, the
	// import is waiting.
	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(db); err == nil {
			break
		}
		if time.Since(start) > 20*time.Second {
			t.Fatalf("the library was never opened; stderr: %s", stderr.String())
		}
	}
	time.Sleep(300 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("the import ended before the signal: %v; stderr: %s", err, stderr.String())
	default:
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	sent := time.Now()
	var err error
	select {
	case err = <-done:
	case <-time.After(time.Second):
		t.Fatalf("still running 1 s after %v", sig)
	}
	took := time.Since(sent)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("after %v: %v (want exit status 1, not killed by the signal); stderr: %s", sig, err, stderr.String())
	}
	msg := stderr.String()
	if !strings.Contains(msg, "stopped by Ctrl+C or a stop signal") || !strings.Contains(msg, "nothing") {
		t.Errorf("stderr does not say it was stopped and what became of the input:\n%s", msg)
	}
	t.Logf("%v ended it in %v: %s", sig, took.Round(time.Millisecond), strings.TrimSpace(msg))
}
