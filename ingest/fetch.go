package ingest

import (
	"context"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/attache/attache/domain"
)

// Fetch defaults.
const (
	DefaultFetchTimeout  = 30 * time.Second
	DefaultFetchMaxBytes = 32 << 20
	MaxRedirects         = 5
	// DefaultUserAgent names the app to the sites it reads. An HTTP product
	// token must be ASCII, hence "Attache" without the accent.
	DefaultUserAgent = "Attache/0.1 (+briefing import; contact: your organisation)"
)

const (
	docxMIME    = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	fetchAccept = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8," +
		"application/pdf;q=0.7," + docxMIME + ";q=0.7,*/*;q=0.1"
)

// FetchOptions tune FetchURL; zero values mean the defaults above, a plain
// http.Client and time.Now.
type FetchOptions struct {
	Client    *http.Client // its Transport and Jar are used; redirects are always checked by FetchURL
	Timeout   time.Duration
	MaxBytes  int64
	UserAgent string
	Now       func() time.Time
	// FromFile says the address came from a file (a source in someone
	// else's briefing file, fetched again to check it) rather than from the
	// analyst: then even the first connection may not go to this computer
	// or a private network. See fetch_guard.go.
	FromFile bool

	// Tests only: how addresses are placed, names resolved and
	// connections made (after the checks). nil means the real ones.
	classify func(netip.Addr) addrClass
	lookup   func(ctx context.Context, host string) ([]netip.Addr, error)
	connect  func(ctx context.Context, network, addr string) (net.Conn, error)
}

func (o FetchOptions) withDefaults() FetchOptions {
	if o.Timeout <= 0 {
		o.Timeout = DefaultFetchTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultFetchMaxBytes
	}
	if strings.TrimSpace(o.UserAgent) == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// FetchURL downloads an http(s) page and imports it through the importer for
// its Content-Type (HTML, plain text, Markdown, PDF or DOCX; sniffed when the
// server does not say), as if it were a file of that type. Source.URL is the
// page's canonical link when it gives one, else the address after
// redirects; Source.Accessed is today. FileName is left empty. This is the
// only function in the package that uses the network.
func FetchURL(ctx context.Context, rawURL string, opt FetchOptions) (*domain.Source, *Report, error) {
	u, err := checkFetchURL(rawURL)
	if err != nil {
		return nil, nil, err
	}
	opt = opt.withDefaults()
	limit := opt.Timeout
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < limit {
		limit = max(time.Until(dl), 0)
	}
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, domain.Errorf(domain.EINVALID, "%s cannot be fetched (%v): copy the address again from the browser", shortAddr(rawURL), err)
	}
	req.Header.Set("User-Agent", opt.UserAgent)
	req.Header.Set("Accept", fetchAccept)
	guard := newDialGuard(u, opt)
	if err := guard.start(); err != nil {
		return nil, nil, err
	}
	client, hops, err := fetchClient(opt.Client, guard)
	if err != nil {
		return nil, nil, err
	}
	defer client.CloseIdleConnections()
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, fetchError(parent, u, err, limit, false)
	}
	defer resp.Body.Close()
	final := *resp.Request.URL
	final.User, final.Fragment, final.RawFragment = nil, "", ""
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, nil, statusError(&final, resp.StatusCode)
	}
	tooLarge := domain.Errorf(domain.EINVALID, "the page at %s is larger than the %s download limit: save the "+
		"article's text from your browser and import that", final.Redacted(), humanSize(opt.MaxBytes))
	if resp.ContentLength > opt.MaxBytes {
		return nil, nil, tooLarge
	}
	body, over, err := readAtMost(resp.Body, opt.MaxBytes)
	if err != nil {
		return nil, nil, fetchError(parent, &final, err, limit, true)
	}
	if over {
		return nil, nil, tooLarge
	}
	ctype := resp.Header.Get("Content-Type")
	src, rep, err := importFetched(parent, &final, ctype, body) // the timeout is the download's
	if err != nil {
		return nil, nil, err
	}
	src.FileName = ""
	src.Accessed = domain.DateOf(opt.Now())
	status := fmt.Sprintf("HTTP %d", resp.StatusCode)
	if ctype != "" {
		status += ", " + oneLine(ctype)
	}
	rep.HTTPStatus = resp.StatusCode
	rep.Detected = append([]Finding{{Field: "fetched", Value: final.String(), From: status}}, rep.Detected...)
	if *hops > 0 {
		rep.Detected = append(rep.Detected, Finding{Field: "redirected", Value: plural(*hops, "time", "times"), From: "from " + u.String()})
	}
	return src, rep, nil
}

// checkFetchURL accepts absolute http and https addresses only.
func checkFetchURL(raw string) (*url.URL, error) {
	s := strings.TrimSpace(raw)
	bad := func(format string, a ...any) (*url.URL, error) {
		return nil, domain.Errorf(domain.EINVALID, format, a...)
	}
	if s == "" {
		return bad("no web address was given: paste the page's address, starting with https://")
	}
	u, err := url.Parse(s)
	if err != nil {
		return bad("%s is not a valid web address: copy it again from the browser's address bar", shortAddr(s))
	}
	scheme := strings.ToLower(u.Scheme)
	if u.Opaque != "" && u.Opaque[0] >= '0' && u.Opaque[0] <= '9' {
		scheme = "" // "example.org:8080/page" parses as scheme "example.org"
	}
	switch scheme {
	case "http", "https":
		u.Scheme = scheme
	case "":
		return bad("%s has no http:// or https:// in front: write the full address, e.g. https://%s",
			shortAddr(s), strings.Trim(shortAddr(s), `"`))
	case "file":
		return bad("%s is a file on this computer, not a web address: import the file itself", shortAddr(s))
	case "ftp", "ftps", "sftp":
		return bad("%s is an FTP address, which cannot be fetched: download the file with another program "+
			"and import it", shortAddr(s))
	default:
		if len(scheme) > 20 { // a scheme is ASCII
			scheme = scheme[:20] + "…"
		}
		return bad("%s: %s: addresses cannot be fetched; only web pages (http:// or https://) can",
			shortAddr(s), scheme)
	}
	switch {
	case u.Hostname() == "":
		return bad("%s has no server name: a web address looks like https://example.org/page", shortAddr(s))
	case u.User != nil:
		return bad("%s contains a user name or password: pages behind a login cannot be fetched; open the "+
			"page in your browser, save it (File › Save Page As) and import the file", shortAddr(u.Redacted()))
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// shortAddr quotes what the analyst typed, cut short: data: addresses can be
// megabytes long.
func shortAddr(s string) string {
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

// fetchClient copies the caller's client with the guard's transport and
// the redirect policy: at most MaxRedirects, only to http or https, never
// from https down to http, never where the guard forbids. hops counts the
// redirects taken.
func fetchClient(c *http.Client, guard *dialGuard) (*http.Client, *int, error) {
	var cc http.Client
	if c != nil {
		cc = *c
	}
	t, err := guard.transport(cc.Transport)
	if err != nil {
		return nil, nil, err
	}
	cc.Transport = t
	hops := new(int)
	cc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > MaxRedirects {
			return domain.Errorf(domain.EINVALID, "%s redirected more than %d times: open it in your browser, "+
				"and fetch the address the page ends on", via[0].URL.Redacted(), MaxRedirects)
		}
		if s := req.URL.Scheme; s != "http" && s != "https" {
			return domain.Errorf(domain.EINVALID, "%s redirected to %s, which is not a web address: the page "+
				"cannot be fetched; open it in your browser instead", via[0].URL.Redacted(), shortAddr(req.URL.String()))
		}
		// A secure address handing over to an insecure one would let anyone
		// on the network change the text the analyst quotes from.
		if req.URL.Scheme == "http" && via[len(via)-1].URL.Scheme == "https" {
			return domain.Errorf(domain.EINVALID, "%s redirected from a secure (https) address to an insecure one, %s: "+
				"Attaché does not follow that, since the page could be altered on the way; open it in your browser, "+
				"or fetch the http address yourself if you trust it", via[0].URL.Redacted(), shortAddr(req.URL.Redacted()))
		}
		if err := guard.redirected(req.URL); err != nil {
			return err
		}
		*hops = len(via)
		return nil
	}
	return &cc, hops, nil
}

// importFetched runs a downloaded body through the importer for its
// Content-Type; a type the importer does not know leaves the format to the
// address's extension, then the content. Messages speak of "the document
// at" the address, and a title found nowhere comes from its last part.
func importFetched(ctx context.Context, final *url.URL, ctype string, body []byte) (*domain.Source, *Report, error) {
	mt, params, _ := mime.ParseMediaType(ctype)
	mt = strings.ToLower(mt)
	in := input{name: fetchedName(final), label: "the document at " + final.String()}
	if f := formatByMIME(mt); f != nil {
		in.format, in.why = f, "from the Content-Type "+mt
	}
	data, enc, warn := decodeCharset(mt, in.format, params["charset"], body)
	src, rep, err := importBytes(ctx, in, data)
	if err != nil {
		return nil, nil, err
	}
	if enc != "" {
		rep.Encoding = enc
	}
	if warn != "" {
		rep.Warnings = append(rep.Warnings, warn)
	}
	if rep.Format == FormatHTML {
		setFetchedURL(src, rep, final)
	} else {
		src.URL = final.String()
	}
	return src, rep, nil
}
