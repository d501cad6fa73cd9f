package ingest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/attache/attache/domain"
)

// Where a fetch may connect. An address the analyst types may be on their
// own network (an intranet page is their choice), but a page must not lead
// the fetch anywhere the analyst did not choose: a public page that
// redirects to the computer itself or to the office network would have
// Attaché read, and store, what only an insider can see. And no fetch ever
// reaches the link-local addresses where cloud servers hand out their own
// credentials (the instance metadata service).
//
// The rule is checked where it cannot be dodged: on the IP address about
// to be connected to, after the name is resolved (so a name that resolves
// to a public address for the check and to a private one for the
// connection — DNS rebinding — is caught), and once more by the dialer's
// Control function, which refuses any address the check did not pass.

// dialGuard applies the rule to one FetchURL call: its transport dials
// through dial, and its redirect policy reports each hop with redirect.
type dialGuard struct {
	fromFile bool // the address came from a file: even the first hop is not the analyst's choice
	classify func(netip.Addr) addrClass
	lookup   func(ctx context.Context, host string) ([]netip.Addr, error)
	connect  func(ctx context.Context, network, addr string) (net.Conn, error) // nil: a net.Dialer with control
	custom   bool                                                              // connect is the caller's own dialer, given host names

	mu       sync.Mutex
	origin   *url.URL           // the address asked for
	current  *url.URL           // the address being requested
	redirect bool               // current was reached by a redirect
	trusted  map[addrClass]bool // classes the analyst chose by typing the address
	proxy    string             // host:port of the proxy, when one is used
	passed   map[netip.Addr]bool
}

func newDialGuard(origin *url.URL, opt FetchOptions) *dialGuard {
	g := &dialGuard{fromFile: opt.FromFile, classify: opt.classify, lookup: opt.lookup, connect: opt.connect,
		origin: origin, current: origin, trusted: map[addrClass]bool{classPublic: true}, passed: map[netip.Addr]bool{}}
	if g.classify == nil {
		g.classify = classifyAddr
	}
	if g.lookup == nil {
		g.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	return g
}

// transport wraps base so that every connection goes through the guard. A
// transport that dials by itself (a test's) is handed host names, checked
// by name and address literal only; a RoundTripper that is not an
// *http.Transport cannot be guarded and is refused.
func (g *dialGuard) transport(base http.RoundTripper) (*http.Transport, error) {
	if base == nil {
		base = http.DefaultTransport
	}
	t, ok := base.(*http.Transport)
	if !ok {
		return nil, domain.Errorf(domain.EINTERNAL, "the fetch's transport (%T) cannot be checked for where it connects", base)
	}
	t = t.Clone()
	if t.DialContext != nil && g.connect == nil {
		g.connect, g.custom = t.DialContext, true
	}
	if g.connect == nil {
		d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: g.control}
		g.connect = d.DialContext
	}
	t.DialContext = g.dial
	t.DialTLSContext = nil
	if proxy := t.Proxy; proxy != nil {
		t.Proxy = func(req *http.Request) (*url.URL, error) {
			u, err := proxy(req)
			if u != nil {
				g.setProxy(u)
			}
			return u, err
		}
	}
	return t, nil
}

func (g *dialGuard) setProxy(u *url.URL) {
	port := u.Port()
	if port == "" {
		port = map[string]string{"https": "443", "socks5": "1080"}[u.Scheme]
		if port == "" {
			port = "80"
		}
	}
	g.mu.Lock()
	g.proxy = net.JoinHostPort(u.Hostname(), port)
	g.mu.Unlock()
}

// start checks the address asked for by its text, before anything is sent.
func (g *dialGuard) start() error { return g.checkURL(g.origin) }

// redirected notes the next hop and checks it by its text: through a proxy
// the connection goes to the proxy, so this is the only check there is.
func (g *dialGuard) redirected(u *url.URL) error {
	g.mu.Lock()
	g.current, g.redirect = u, true
	g.mu.Unlock()
	return g.checkURL(u)
}

func (g *dialGuard) checkURL(u *url.URL) error {
	host := u.Hostname()
	if isMetadataName(host) {
		return g.refuse(host, netip.Addr{}, classLinkLocal)
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return g.check(host, ip)
	}
	if h := strings.TrimSuffix(strings.ToLower(host), "."); h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return g.check(host, netip.IPv6Loopback())
	}
	return nil
}

// check decides whether host, at ip, may be connected to now. The first
// hop of an address the analyst typed trusts the kind of network it is on.
func (g *dialGuard) check(host string, ip netip.Addr) error {
	c := g.classify(ip)
	g.mu.Lock()
	defer g.mu.Unlock()
	switch {
	case c == classLinkLocal:
	case g.trusted[c]:
		return nil
	case !g.redirect && !g.fromFile:
		g.trusted[c] = true
		return nil
	}
	return g.refuseLocked(host, ip, c)
}

// dial resolves the host, checks every address it has (one forbidden
// address is enough to refuse: the name is hostile), and connects to
// the checked addresses only.
func (g *dialGuard) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	g.mu.Lock()
	viaProxy := addr == g.proxy
	g.mu.Unlock()
	if isMetadataName(host) {
		return nil, g.refuse(host, netip.Addr{}, classLinkLocal)
	}
	if g.custom {
		if ip, err := netip.ParseAddr(host); err == nil && !viaProxy {
			if err := g.check(host, ip); err != nil {
				return nil, err
			}
		}
		return g.connect(ctx, network, addr)
	}
	ips, err := g.lookup(ctx, host)
	if err != nil {
		return nil, err
	}
	if len(ips) == 0 {
		return nil, &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
	}
	for _, ip := range ips {
		// The proxy the system is set up with is the analyst's own choice;
		// only the metadata addresses are refused there too.
		if viaProxy && g.classify(ip) != classLinkLocal {
			continue
		}
		if err := g.check(host, ip); err != nil {
			return nil, err
		}
	}
	var firstErr error
	for _, ip := range ips {
		g.mu.Lock()
		g.passed[ip.Unmap()] = true
		g.mu.Unlock()
		conn, err := g.connect(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return conn, nil
		}
		if firstErr == nil {
			firstErr = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, firstErr
}

// control is the dialer's last word: it connects only to an address that
// dial checked, whatever else may have asked for a connection.
func (g *dialGuard) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("connection to %s refused: not an address", address)
	}
	g.mu.Lock()
	ok := g.passed[ap.Addr().Unmap()]
	g.mu.Unlock()
	if !ok {
		return g.refuse(ap.Addr().String(), ap.Addr(), g.classify(ap.Addr()))
	}
	return nil
}

func (g *dialGuard) refuse(host string, ip netip.Addr, c addrClass) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.refuseLocked(host, ip, c)
}

// refuseLocked says which address was refused, why, and what to do.
func (g *dialGuard) refuseLocked(host string, ip netip.Addr, c addrClass) error {
	at := host
	if ip.IsValid() && ip.Unmap().String() != host {
		at = fmt.Sprintf("%s (%s)", host, ip.Unmap())
	}
	lead := fmt.Sprintf("%s leads to %s", g.current.Redacted(), at)
	if g.redirect {
		lead = fmt.Sprintf("%s redirected to %s, at %s", g.origin.Redacted(), g.current.Redacted(), at)
	}
	switch {
	case c == classLinkLocal:
		return domain.Errorf(domain.EINVALID, "%s, a link-local address, where cloud servers hand out their own "+
			"credentials: Attaché never fetches such addresses; if you need that page, open it in your browser, "+
			"save it and import the file", lead)
	case g.redirect && !g.fromFile:
		return domain.Errorf(domain.EINVALID, "%s, %s: Attaché does not follow a web page there without asking; "+
			"if you mean to read that page, fetch %s directly", lead, c.where(), g.current.Redacted())
	}
	return domain.Errorf(domain.EINVALID, "%s, %s: an address that came from a file is not fetched there "+
		"without asking; if you trust it, fetch %s directly", lead, c.where(), g.current.Redacted())
}
