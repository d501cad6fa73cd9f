package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// listen follows the other analysts' writes to a team library: every
// write transaction sends a notice naming its session at commit (see
// announce), and one connection of our own waits for them. A notice from
// another session sets the flag ChangedElsewhere reports. When the
// connection drops the listener reconnects, every few seconds, and counts
// the gap as a change: what happened meanwhile is unknown.
func (s *Store) listen(ctx context.Context, cfg *pgx.ConnConfig) error {
	conn, err := listenConn(ctx, cfg)
	if err != nil {
		return unreachable(s.path, err)
	}
	lctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	s.stopListen = func() { cancel(); <-done }
	go func() {
		defer close(done)
		for lctx.Err() == nil {
			s.waitNotices(lctx, conn)
			conn.Close(context.Background())
			conn = nil
			for conn == nil && lctx.Err() == nil {
				select {
				case <-lctx.Done():
				case <-time.After(2 * time.Second):
					conn, _ = listenConn(lctx, cfg)
				}
			}
			if conn != nil {
				s.elsewhere.Store(true)
			}
		}
		if conn != nil {
			conn.Close(context.Background())
		}
	}()
	return nil
}

// listenConn opens a connection listening on the changes channel.
func listenConn(ctx context.Context, cfg *pgx.ConnConfig) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, "LISTEN "+changesChannel); err != nil {
		conn.Close(context.Background())
		return nil, err
	}
	return conn, nil
}

// waitNotices takes notices until the connection fails or ctx ends.
func (s *Store) waitNotices(ctx context.Context, conn *pgx.Conn) {
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return
		}
		if n.Payload != s.session {
			s.elsewhere.Store(true)
		}
	}
}
