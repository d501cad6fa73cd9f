// Package pgtest runs a throwaway PostgreSQL server for tests: a new
// cluster in a temporary folder, listening on 127.0.0.1 on a free port and
// on a Unix socket in that folder, with durability off for speed and trust
// authentication (tests only: any local user may connect while it runs).
// Stop shuts it down and removes the folder, leaving nothing behind.
//
// One server per test package is enough: start it in TestMain and give
// each test its own database, which takes a fraction of a second where a
// server takes a second or two:
//
//	var pg *pgtest.Server
//
//	func TestMain(m *testing.M) {
//		var err error
//		if pg, err = pgtest.Start(context.Background()); err != nil {
//			fmt.Fprintln(os.Stderr, err)
//			os.Exit(1)
//		}
//		code := m.Run()
//		if err := pg.Stop(); err != nil {
//			fmt.Fprintln(os.Stderr, err)
//			code = 1
//		}
//		os.Exit(code)
//	}
//
//	func TestSomething(t *testing.T) {
//		url, err := pg.CreateDB(ctx, "something")
//		...
//	}
//
// or, for a test of its own, New(t), which stops the server when the test
// ends.
//
// Without the server programs, Start returns an error that says how to get
// them (`make deps`, or ATTACHE_PG_BIN). Callers should fail on it, not
// skip: a skipped test passes CI on a machine that never ran it.
//
// Run as root, as CI does, the server runs as user nobody (initdb and
// postgres refuse root). Its folder is then made in os.TempDir() if
// nobody can reach that, else in /tmp: testfs.Main's TMPDIR is a 0700
// folder of root's, shut to nobody.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// startTimeout bounds Start when ctx has no earlier deadline: initdb and a
// start take about a second, more on a loaded CI machine.
const startTimeout = 2 * time.Minute

// Server is a running PostgreSQL cluster. Its methods may be called from
// several goroutines.
type Server struct {
	bin  string // folder of initdb and postgres
	dir  string // the temporary folder: data/, server.log, the socket
	port int
	name string // cluster_name, to tell our server from another on port

	cmd  *exec.Cmd
	done chan struct{} // closed once postgres has exited and been reaped

	stopOnce sync.Once
	stopErr  error
	stopped  atomic.Bool // set once lastLog is
	lastLog  string      // the log's tail as Stop found it, for Log afterwards
}

// account is who the server programs run as: this process's user, or
// (other) the given uid and gid.
type account struct {
	other    bool
	uid, gid uint32
}

// Start initialises a cluster in a new temporary folder and starts a
// server on it, returning once the server accepts connections. On failure
// it leaves nothing behind, and the error holds the server's log.
func Start(ctx context.Context) (*Server, error) {
	s, err := start(ctx)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// start is Start, but returns the stopped server on failure too, for the
// tests to check it left nothing.
func start(ctx context.Context) (*Server, error) {
	ctx, cancel := context.WithTimeout(ctx, startTimeout)
	defer cancel()
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	acct := serverAccount()
	dir, err := tempDir(acct)
	if err != nil {
		return nil, err
	}
	s := &Server{bin: bin, dir: dir, name: filepath.Base(dir)}
	if err := s.setUp(ctx, acct); err != nil {
		tail := s.Log()
		err = errors.Join(err, s.Stop())
		return s, fmt.Errorf("pgtest: start PostgreSQL from %s: %w\n--- server log ---\n%s", bin, err, tail)
	}
	return s, nil
}

// maxParent is the longest parent folder tempDir uses: the socket's path,
// parent/attache-pg-NNNNNNNNNN/.s.PGSQL.NNNNN, must fit the 104 bytes a
// Unix socket address holds on macOS (108 on Linux).
const maxParent = 103 - len("/attache-pg-1234567890/.s.PGSQL.65535")

// tempDir makes the server's folder, owned by the server's account (so it
// may put its socket there) and closed to everyone else. When that account
// is nobody and cannot reach os.TempDir() (testfs.Main points TMPDIR into
// a 0700 folder of root's), or when os.TempDir() is too long for the
// socket, it falls back on /tmp; Stop removes the folder either way.
func tempDir(a account) (string, error) {
	parent := os.TempDir()
	if !a.canReach(parent) || len(parent) > maxParent {
		parent = "/tmp"
		if !a.canReach(parent) {
			return "", fmt.Errorf("pgtest: user %d cannot reach %s nor /tmp, so PostgreSQL cannot run there", a.uid, os.TempDir())
		}
	}
	dir, err := os.MkdirTemp(parent, "attache-pg-*")
	if err != nil {
		return "", fmt.Errorf("pgtest: %w", err)
	}
	if a.other {
		if err := os.Chown(dir, int(a.uid), int(a.gid)); err != nil {
			_ = os.RemoveAll(dir)
			return "", fmt.Errorf("pgtest: %w", err)
		}
	}
	return dir, nil
}

func (s *Server) data() string    { return filepath.Join(s.dir, "data") }
func (s *Server) logPath() string { return filepath.Join(s.dir, "server.log") }

// setUp runs initdb, writes the settings and starts the server.
func (s *Server) setUp(ctx context.Context, a account) error {
	if err := s.initdb(ctx, a); err != nil && ctx.Err() != nil {
		return fmt.Errorf("initdb: %w (%v)", ctx.Err(), err)
	} else if err != nil {
		return fmt.Errorf("initdb: %w", err)
	}
	if err := s.configure(); err != nil {
		return err
	}
	return s.launch(ctx, a)
}

// configure sets speed over durability (the cluster is thrown away),
// connections only from this machine, and trust for them. Checkpoints go
// unlogged: each CREATE DATABASE makes one, and they would push what
// explains a failure out of Log's tail.
func (s *Server) configure() error {
	conf := fmt.Sprintf(`
# pgtest: a throwaway cluster for tests.
cluster_name = '%s'
listen_addresses = '127.0.0.1'
unix_socket_directories = '%s'
max_connections = 100
shared_buffers = 32MB
fsync = off
synchronous_commit = off
full_page_writes = off
log_checkpoints = off
`, s.name, strings.ReplaceAll(s.dir, "'", "''"))
	f, err := os.OpenFile(filepath.Join(s.data(), "postgresql.conf"), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(conf); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	hba := "local all all trust\nhost all all 127.0.0.1/32 trust\n"
	return os.WriteFile(filepath.Join(s.data(), "pg_hba.conf"), []byte(hba), 0o600)
}

// initdb makes the cluster, its output appended to the log for the error
// if it fails. C.UTF-8 rather than C: under C, lower('É') stays 'É', as
// it does under no locale a user has. --no-sync: nothing here must
// survive a crash, and syncing can take seconds on a slow disk.
func (s *Server) initdb(ctx context.Context, a account) error {
	log, err := s.openLog()
	if err != nil {
		return err
	}
	defer log.Close()
	cmd := exec.CommandContext(ctx, filepath.Join(s.bin, "initdb"), "-D", s.data(),
		"-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
	s.prepare(cmd, a, log)
	// Cancelled, initdb must end on SIGTERM, not be killed: killed, it
	// leaves its postgres child writing into the folder Start is removing,
	// and shared memory behind when that child panics. On SIGTERM it ends
	// the step under way, waits for that child and removes the data.
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = stopTimeout
	return cmd.Run()
}

// prepare gives a server program its account, its output, a working
// folder it can enter (it may not enter the caller's), and the caller's
// environment less the PG* variables, which could point it elsewhere.
func (s *Server) prepare(cmd *exec.Cmd, a account, log *os.File) {
	cmd.SysProcAttr = a.procAttr()
	cmd.Stdout, cmd.Stderr = log, log
	cmd.Dir = s.dir
	cmd.Env = []string{} // not nil, which would mean this environment
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PG") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
}

// openLog opens the log for appending. This process opens it, so the
// server writes through the descriptor it inherits whoever it runs as.
func (s *Server) openLog() (*os.File, error) {
	return os.OpenFile(s.logPath(), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
}
