package ingest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"testing"
)

func TestClassifyAddr(t *testing.T) {
	for addr, want := range map[string]addrClass{
		"93.184.215.14": classPublic, "2606:4700::1111": classPublic, "8.8.8.8": classPublic,
		"10.1.2.3": classPrivate, "172.16.0.1": classPrivate, "192.168.1.10": classPrivate, "fd12::1": classPrivate,
		"100.64.0.1": classPrivate, "239.1.2.3": classPrivate, "224.0.0.251": classLinkLocal,
		"127.0.0.1": classLoopback, "127.8.9.10": classLoopback, "::1": classLoopback, "0.0.0.0": classLoopback,
		"::": classLoopback, "0.1.2.3": classLoopback, "::ffff:127.0.0.1": classLoopback,
		"169.254.169.254": classLinkLocal, "169.254.0.1": classLinkLocal, "fe80::1": classLinkLocal,
		"::ffff:169.254.169.254": classLinkLocal, "64:ff9b::a9fe:a9fe": classLinkLocal, "fd00:ec2::254": classLinkLocal,
		"100.100.100.200": classLinkLocal,
	} {
		if got := classifyAddr(netip.MustParseAddr(addr)); got != want {
			t.Errorf("classifyAddr(%s) = %v, want %v", addr, got, want)
		}
	}
}

// guardWorld is a test's network: one loopback server, names that resolve
// as the test says, the server's address counted as public when asked,
// and a connector that records every address and connects only to the
// server: nothing the tests do can leave the machine.
type guardWorld struct {
	srv      *httptest.Server
	srvAddr  string
	names    map[string][]string // name → addresses
	mu       sync.Mutex
	dialed   []string
	lookedUp []string
}

func newGuardWorld(t *testing.T, h http.Handler) *guardWorld {
	t.Helper()
	w := &guardWorld{srv: httptest.NewServer(h), names: map[string][]string{}}
	t.Cleanup(w.srv.Close)
	w.srvAddr = w.srv.Listener.Addr().String()
	return w
}

func (w *guardWorld) port() string { _, p, _ := net.SplitHostPort(w.srvAddr); return p }

// opts marks the server's address as public when public is set.
func (w *guardWorld) opts(public bool) FetchOptions {
	srvIP := netip.MustParseAddrPort(w.srvAddr).Addr()
	o := FetchOptions{
		lookup: func(_ context.Context, host string) ([]netip.Addr, error) {
			w.mu.Lock()
			defer w.mu.Unlock()
			w.lookedUp = append(w.lookedUp, host)
			if ip, err := netip.ParseAddr(host); err == nil {
				return []netip.Addr{ip}, nil
			}
			list, ok := w.names[host]
			if !ok {
				return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
			}
			var ips []netip.Addr
			for _, s := range list {
				ips = append(ips, netip.MustParseAddr(s))
			}
			return ips, nil
		},
		connect: func(ctx context.Context, network, addr string) (net.Conn, error) {
			w.mu.Lock()
			w.dialed = append(w.dialed, addr)
			w.mu.Unlock()
			if addr != w.srvAddr {
				return nil, errors.New("test: only the test server may be connected to")
			}
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		},
	}
	if public {
		o.classify = func(ip netip.Addr) addrClass {
			if ip == srvIP {
				return classPublic
			}
			return classifyAddr(ip)
		}
	}
	return o
}

func (w *guardWorld) dialedOnlyTheServer(t *testing.T) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, a := range w.dialed {
		if a != w.srvAddr {
			t.Errorf("connected to %s", a)
		}
	}
}

// A public page that redirects into this computer, the private network or
// the metadata service is not followed, whatever the redirect is written
// as, and the message names the address and says how to go on.
func TestFetchDoesNotFollowAPublicPageInside(t *testing.T) {
	var w *guardWorld
	w = newGuardWorld(t, http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if to := r.URL.Query().Get("to"); to != "" {
			http.Redirect(rw, r, strings.ReplaceAll(to, "PORT", w.port()), http.StatusFound)
			return
		}
		rw.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(rw, "Public Title\n\nThe public body of the page.")
	}))
	w.names["news.test"] = []string{"127.0.0.1"}
	w.names["rebound.test"] = []string{"169.254.169.254"}
	w.names["office.test"] = []string{"10.20.30.40"}
	w.names["mixed.test"] = []string{"127.0.0.1", "192.168.0.9"}
	origin := "http://news.test:" + w.port() + "/story?to="
	for _, tt := range []struct{ to, at, where string }{
		{"http://127.0.0.2:PORT/secret", "127.0.0.2", "on this computer"},
		{"http://localhost:PORT/secret", "localhost (::1)", "on this computer"},
		{"http://[::1]:PORT/secret", "::1", "on this computer"},
		{"http://0.0.0.0:PORT/secret", "0.0.0.0", "on this computer"},
		{"http://10.1.2.3/intranet", "10.1.2.3", "on a private network"},
		{"http://office.test:PORT/intranet", "office.test (10.20.30.40)", "on a private network"},
		{"http://mixed.test:PORT/intranet", "mixed.test (192.168.0.9)", "on a private network"},
		{"http://169.254.169.254/latest/meta-data/iam/", "169.254.169.254", "a link-local address"},
		{"http://[::ffff:169.254.169.254]/latest/", "::ffff:169.254.169.254 (169.254.169.254)", "a link-local address"},
		{"http://rebound.test:PORT/latest/", "rebound.test (169.254.169.254)", "a link-local address"},
		{"http://metadata.google.internal/computeMetadata/v1/", "metadata.google.internal", "a link-local address"},
		{"http://[fe80::1%25eth0]/", "fe80::1%eth0", "a link-local address"},
	} {
		t.Run(tt.to, func(t *testing.T) {
			addr := origin + url.QueryEscape(tt.to)
			src, _, err := FetchURL(context.Background(), addr, w.opts(true))
			target := strings.ReplaceAll(tt.to, "PORT", w.port())
			checkFetchErr(t, src, err, addr+" redirected to "+target+", at "+tt.at+", "+tt.where)
			if tt.where == "a link-local address" {
				checkFetchErr(t, src, err, "never fetches such addresses", "save it and import the file")
			} else {
				checkFetchErr(t, src, err, "does not follow a web page there without asking", "fetch "+target+" directly")
			}
		})
	}
	w.dialedOnlyTheServer(t)
	// The same page without a redirect is fetched: the test server counts
	// as public, and the rule is about where a page leads.
	src, _, err := FetchURL(context.Background(), origin, w.opts(true))
	if err != nil || src.Title != "Public Title" {
		t.Fatalf("the public page: %v", err)
	}
}

// A name that resolved to a public address for the first request and to a
// private one when the redirect connects again (DNS rebinding) is caught
// at the connection, where the address is known.
func TestFetchCatchesARebindingName(t *testing.T) {
	var w *guardWorld
	calls := 0
	w = newGuardWorld(t, http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/first" {
			rw.Header().Set("Connection", "close") // the redirect must connect again
			http.Redirect(rw, r, "/second", http.StatusFound)
			return
		}
		fmt.Fprint(rw, "Should not be read")
	}))
	o := w.opts(true)
	lookup := o.lookup
	o.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
		if host == "flip.test" {
			calls++
			if calls > 1 {
				return []netip.Addr{netip.MustParseAddr("192.168.7.7")}, nil
			}
			return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
		}
		return lookup(ctx, host)
	}
	addr := "http://flip.test:" + w.port() + "/first"
	src, _, err := FetchURL(context.Background(), addr, o)
	checkFetchErr(t, src, err, "redirected to http://flip.test:"+w.port()+"/second, at flip.test (192.168.7.7), on a private network")
	if calls != 2 {
		t.Errorf("%d lookups, want 2", calls)
	}
	w.dialedOnlyTheServer(t)
}

// An address the analyst types may be on their own network: intranet pages
// and redirects within them are fetched. The metadata service never is.
func TestFetchTypedAddresses(t *testing.T) {
	w := newGuardWorld(t, http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/moved" {
			http.Redirect(rw, r, "/page", http.StatusMovedPermanently)
			return
		}
		rw.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(rw, "Intranet Title\n\nThe intranet body.")
	}))
	w.names["wiki.office.test"] = []string{"127.0.0.1"}
	src, _, err := FetchURL(context.Background(), "http://wiki.office.test:"+w.port()+"/moved", w.opts(false))
	if err != nil || src.Title != "Intranet Title" {
		t.Fatalf("an intranet page the analyst typed: %v", err)
	}
	for _, addr := range []string{"http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/",
		"http://METADATA.GOOGLE.INTERNAL./x", "http://[fe80::a9fe:a9fe]/", "http://100.100.100.200/latest/meta-data/"} {
		src, _, err := FetchURL(context.Background(), addr, w.opts(false))
		checkFetchErr(t, src, err, addr+" leads to", "a link-local address", "never fetches such addresses")
	}
	w.names["meta.test"] = []string{"169.254.169.254"}
	src, _, err = FetchURL(context.Background(), "http://meta.test/", w.opts(false))
	checkFetchErr(t, src, err, "http://meta.test/ leads to meta.test (169.254.169.254), a link-local address")
	w.dialedOnlyTheServer(t)
}

// A source's address from someone else's briefing file, fetched again, is
// not the analyst's choice: even its first connection may not go inside.
func TestFetchFromFileTrustsNoLocalAddress(t *testing.T) {
	w := newGuardWorld(t, http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(rw, "Some Title\n\nSome body.")
	}))
	w.names["intranet.test"] = []string{"127.0.0.1"}
	addr := "http://intranet.test:" + w.port() + "/page"
	o := w.opts(false)
	o.FromFile = true
	src, _, err := FetchURL(context.Background(), addr, o)
	checkFetchErr(t, src, err, addr+" leads to intranet.test (127.0.0.1), on this computer",
		"an address that came from a file is not fetched there without asking", "fetch "+addr+" directly")
	o = w.opts(true) // the same server counted as public
	o.FromFile = true
	if src, _, err = FetchURL(context.Background(), addr, o); err != nil || src.Title != "Some Title" {
		t.Fatalf("a public address from a file: %v", err)
	}
	w.dialedOnlyTheServer(t)
}

// The dialer's Control function connects only to addresses dial checked,
// so a connection that skipped the check is refused before it is made.
func TestFetchDialerControl(t *testing.T) {
	u, _ := url.Parse("http://example.test/")
	g := newDialGuard(u, FetchOptions{})
	if err := g.control("tcp4", "169.254.169.254:80", nil); err == nil || !strings.Contains(err.Error(), "link-local") {
		t.Errorf("control let an unchecked metadata address through: %v", err)
	}
	if err := g.control("tcp4", "93.184.215.14:443", nil); err == nil {
		t.Error("control let an unchecked address through")
	}
	g.passed[netip.MustParseAddr("93.184.215.14")] = true
	if err := g.control("tcp4", "93.184.215.14:443", nil); err != nil {
		t.Errorf("a checked address: %v", err)
	}
}
