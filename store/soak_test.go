package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

// The crash test runs this test binary again as a writer that edits a
// briefing through SaveBriefing — the path the composer's autosave takes —
// and reports each committed edit on stdout; the test kills it with SIGKILL
// at a random moment and checks the library.
const soakEnv = "ATTACHE_SOAK_WRITER"

func TestMain(m *testing.M) {
	if path := os.Getenv(soakEnv); path != "" {
		soakWriter(path)
		return
	}
	if path := os.Getenv(copyReaderEnv); path != "" {
		copyReader(path)
		return
	}
	os.Exit(runBackends(m))
}

func soakWriter(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	b := &domain.Briefing{Title: "Soak"}
	if err := s.CreateBriefing(ctx, b); err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	out := bufio.NewWriter(os.Stdout)
	for n := 1; ; n++ {
		b.Summary = "edit " + strconv.Itoa(n)
		b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockCommentary, Text: strings.Repeat("words ", n%50+1)})
		if len(b.Blocks) > 30 {
			b.Blocks = b.Blocks[1:]
		}
		if err := saveBriefing(ctx, s, b); err != nil {
			fmt.Fprintln(out, "error", err)
			out.Flush()
			os.Exit(1)
		}
		fmt.Fprintln(out, "committed", n)
		out.Flush()
	}
}

// soakTrials is how many crashes to run: a handful in `make test`, more
// with ATTACHE_SOAK_TRIALS (the soak target runs 100).
func soakTrials() int {
	if n, err := strconv.Atoi(os.Getenv("ATTACHE_SOAK_TRIALS")); err == nil && n > 0 {
		return n
	}
	return 4
}

func TestSIGKILLLosesNoCommittedEdit(t *testing.T) {
	trials := soakTrials()
	lost, maxLast := 0, 0
	for i := 0; i < trials; i++ {
		path := filepath.Join(t.TempDir(), "soak.db")
		last := killWriter(t, path, time.Duration(150+rand.IntN(600))*time.Millisecond)
		maxLast = max(maxLast, last)
		got := storedEdit(t, path)
		if got < last {
			lost++
			t.Errorf("trial %d: the writer reported edit %d committed, the library has %d", i, last, got)
		}
	}
	t.Logf("%d SIGKILL trials, %d lost edits (last committed edits reported: up to %d)", trials, lost, maxLast)
}

// killWriter runs the writer, kills it after d, and returns the last edit
// it reported committed.
func killWriter(t *testing.T, path string, d time.Duration) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), soakEnv+"="+path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	time.Sleep(d)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	last := 0
	for l := range lines {
		if strings.HasPrefix(l, "error") {
			t.Fatalf("writer: %s", l)
		}
		if n, err := strconv.Atoi(strings.TrimPrefix(l, "committed ")); err == nil {
			last = n
		}
	}
	return last
}

// storedEdit reopens the library, checks its integrity and returns the edit
// number its briefing holds (0 when the writer died before creating it).
func storedEdit(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen after SIGKILL: %v", err)
	}
	defer s.Close()
	var check string
	if err := s.rt().QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q %v", check, err)
	}
	list, _ := s.Briefings(context.Background(), domain.BriefingFilter{})
	if len(list) == 0 {
		return 0
	}
	b, err := s.Briefing(context.Background(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(strings.TrimPrefix(b.Summary, "edit "))
	return n
}
