package pgtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// portTries bounds the retries when another process takes the port
// between freePort and the server's bind, which is rare.
const portTries = 3

// stopTimeout bounds the immediate shutdown before Stop kills the server.
const stopTimeout = 30 * time.Second

// errPortTaken is a start that failed because the port was taken.
var errPortTaken = errors.New("port taken")

// launch starts postgres on a free port and waits until it accepts
// connections, trying another port if the chosen one was taken.
//
// postgres runs as this process's child rather than through pg_ctl,
// which leaves it to init: Stop then waits for its very exit (gone, not
// just signalled, when Stop returns), a server that dies while starting
// fails Start at once rather than at a deadline, and Pdeathsig stops it
// if the tests die.
func (s *Server) launch(ctx context.Context, a account) error {
	for try := 1; ; try++ {
		port, err := freePort()
		if err != nil {
			return err
		}
		s.port = port
		err = s.spawn(ctx, a)
		if err == nil || try == portTries || !errors.Is(err, errPortTaken) {
			return err
		}
	}
}

// freePort returns a port nothing listens on now, by listening on port 0
// and closing.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// spawn starts postgres on s.port and waits until it is ready.
func (s *Server) spawn(ctx context.Context, a account) error {
	log, err := s.openLog()
	if err != nil {
		return err
	}
	defer log.Close() // postgres has its own copy
	logStart, _ := log.Seek(0, io.SeekEnd)
	cmd := exec.Command(filepath.Join(s.bin, "postgres"), "-D", s.data(), "-p", strconv.Itoa(s.port))
	s.prepare(cmd, a, log)
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	s.cmd, s.done = cmd, done

	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	pingErr := errors.New("not tried")
	for {
		select {
		case <-done:
			if strings.Contains(s.logSince(logStart), "Address already in use") {
				return fmt.Errorf("postgres exited: port %d: %w", s.port, errPortTaken)
			}
			return fmt.Errorf("postgres exited: %v", cmd.ProcessState)
		case <-ctx.Done():
			return fmt.Errorf("postgres not accepting connections (%v): %w", pingErr, ctx.Err())
		case <-tick.C:
			if pingErr = s.ping(ctx); pingErr == nil {
				return nil
			}
		}
	}
}

// URL returns the address of database db as superuser postgres over TCP,
// for pgx.Connect or pgxpool.New. TLS is off: the server has none.
func (s *Server) URL(db string) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.User("postgres"),
		Host:     "127.0.0.1:" + strconv.Itoa(s.port),
		Path:     "/" + db,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// ping connects over TCP, as the tests will, and checks the server is
// ours: another test package's server may hold the port for a moment
// before ours fails to bind it.
func (s *Server) ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	var name string
	if err := conn.QueryRow(ctx, "SHOW cluster_name").Scan(&name); err != nil {
		return err
	}
	if name != s.name {
		return fmt.Errorf("port %d is another server's (%s)", s.port, name)
	}
	return nil
}

// Stop shuts the server down (an immediate shutdown: there is nothing to
// save) and removes its folder, data, log and socket. Further calls
// return the first one's result.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() {
		var errs []error
		if s.cmd != nil {
			select {
			case <-s.done:
			default:
				_ = s.cmd.Process.Signal(syscall.SIGQUIT)
				select {
				case <-s.done:
				case <-time.After(stopTimeout):
					_ = s.cmd.Process.Kill()
					<-s.done
					errs = append(errs, fmt.Errorf("pgtest: postgres ignored the shutdown for %v: killed", stopTimeout))
				}
			}
		}
		s.lastLog = s.logSince(0)
		if err := os.RemoveAll(s.dir); err != nil {
			errs = append(errs, fmt.Errorf("pgtest: %w", err))
		}
		s.stopErr = errors.Join(errs...)
		s.stopped.Store(true)
	})
	return s.stopErr
}

// logLines is how much of the log Log returns: the lines that explain a
// failure are near its end, and a test's message should stay readable.
const logLines = 40

// Log returns the end of the server's log (initdb's output, then the
// server's), for a failing test's message. After Stop, it is the log as
// Stop found it.
func (s *Server) Log() string {
	if s.stopped.Load() {
		return s.lastLog
	}
	return s.logSince(0)
}

// logSince returns the last logLines lines of the log after byte offset.
func (s *Server) logSince(offset int64) string {
	b, err := os.ReadFile(s.logPath())
	if err != nil {
		return fmt.Sprintf("(no log: %v)", err)
	}
	if offset > int64(len(b)) {
		offset = int64(len(b))
	}
	lines := strings.SplitAfter(string(b[offset:]), "\n")
	if len(lines) > logLines {
		lines = lines[len(lines)-logLines:]
	}
	return strings.Join(lines, "")
}
