package ingest

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/attache/attache/domain"
)

// fetchedName is the last part of a download's address (else the server's
// name), cut to 100 characters: the file name a download would get, from
// which a title found nowhere else is made.
func fetchedName(u *url.URL) string {
	base := path.Base(u.Path)
	if base == "/" || base == "." || base == "" {
		base = u.Hostname()
	}
	if r := []rune(base); len(r) > 100 {
		base = string(r[:100])
	}
	return base
}

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_.:-]{1,40})`)

// decodeCharset turns a body of a text format (f, by its Content-Type) into
// UTF-8 by the charset the server (or, for HTML, a <meta> tag) declares. UTF-8 and undeclared bodies are left to
// the importer's own detection; so is a page declared Latin-1 or
// Windows-1252 that is valid UTF-8, a common server misconfiguration.
func decodeCharset(mt string, f *Format, label string, body []byte) (data []byte, enc, warn string) {
	if !strings.HasPrefix(mt, "text/") && mt != "application/xhtml+xml" {
		return body, "", ""
	}
	if label == "" && f.is(FormatHTML) {
		if m := metaCharset.FindSubmatch(body[:min(len(body), 4096)]); m != nil {
			label = string(m[1])
		}
	}
	if strings.TrimSpace(label) == "" {
		return body, "", ""
	}
	e, name := charset.Lookup(label)
	switch {
	case e == nil:
		return body, "", fmt.Sprintf("the page declares the character set %q, which this importer does not know; "+
			"if letters look wrong, save the page from your browser as UTF-8 and import the file", label)
	case name == "utf-8":
		return body, "", ""
	case (name == "windows-1252" || name == "iso-8859-2" || name == "iso-8859-15") && utf8.Valid(body) &&
		strings.ContainsFunc(string(body), func(r rune) bool { return r >= 0x80 }):
		return body, EncUTF8, fmt.Sprintf("the server says the page is %s, but it is valid UTF-8, so it was read as UTF-8", name)
	}
	out, err := e.NewDecoder().Bytes(body)
	if err != nil {
		return body, "", ""
	}
	return out, name, ""
}

// setFetchedURL records the page's address: its canonical link (resolved
// against the address fetched), else the address it declares in Open Graph
// or JSON-LD, else the address fetched. A declared address that is only the
// site's home page, for an article deeper in the site, is a CMS mistake.
func setFetchedURL(src *domain.Source, rep *Report, final *url.URL) {
	homeOnly := func(s string) bool {
		u, err := url.Parse(s)
		return err == nil && strings.Trim(u.Path, "/") == "" && strings.Trim(final.Path, "/") != ""
	}
	if c := rep.canonical; c != "" {
		if cu, err := final.Parse(c); err == nil && (cu.Scheme == "http" || cu.Scheme == "https") &&
			cu.Host != "" && !homeOnly(cu.String()) {
			cu.User, cu.Fragment = nil, ""
			src.URL = cu.String()
			rep.Detected = append(rep.Detected, Finding{Field: "url", Value: src.URL, From: "canonical link"})
			return
		}
	}
	if src.URL != "" && !homeOnly(src.URL) {
		return
	}
	src.URL = final.String()
	rep.Detected = append(rep.Detected, Finding{Field: "url", Value: src.URL, From: "the address fetched"})
}

// StatusError is a server's refusal of a page: its HTTP status, kept for
// a recheck to record, with the message for the analyst.
type StatusError struct {
	Code int
	Err  error // a *domain.Error saying what to do
}

func (e *StatusError) Error() string { return e.Err.Error() }
func (e *StatusError) Unwrap() error { return e.Err }

func statusError(u *url.URL, code int) error {
	what := fmt.Sprintf("the server answered %d %s for %s", code, http.StatusText(code), u.Redacted())
	if http.StatusText(code) == "" {
		what = fmt.Sprintf("the server answered %d for %s", code, u.Redacted())
	}
	var todo string
	switch {
	case code == 404 || code == 410:
		todo = "check the address"
	case code == 401 || code == 403 || code == 407 || code == 451:
		todo = "the page needs a login or refuses automatic downloads; open it in your browser, save it " +
			"(File › Save Page As) and import the file"
	case code == 429:
		todo = "the site is limiting requests; wait a few minutes and try again"
	case code >= 500:
		todo = "the site has a problem; try again later, or save the page from your browser and import the file"
	default:
		todo = "open the page in your browser, save it and import the file"
	}
	return &StatusError{Code: code, Err: domain.Errorf(domain.EINVALID, "%s: %s", what, todo)}
}

// fetchError explains a failed download; reading says whether the headers
// had arrived (so the body was being read).
func fetchError(parent context.Context, u *url.URL, err error, limit time.Duration, reading bool) error {
	var de *domain.Error
	var dns *net.DNSError
	var certErr *tls.CertificateVerificationError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	var record tls.RecordHeaderError
	var alert tls.AlertError
	var ne net.Error
	addr, host := u.Redacted(), u.Hostname()
	msg := func(format string, a ...any) error { return domain.Errorf(domain.EINVALID, format, a...) }
	switch {
	case errors.As(err, &de): // from the redirect policy
		return de
	case errors.Is(parent.Err(), context.Canceled):
		return msg("the download of %s was cancelled", addr)
	case reading && (errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()):
		return msg("%s did not finish sending the page within %s: the connection may be slow; try again, or "+
			"save the page from your browser and import the file", addr, seconds(limit))
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout():
		return msg("%s did not answer within %s: check your internet connection and the address, or try again later",
			addr, seconds(limit))
	case errors.As(err, &dns):
		return msg("cannot find the server %s: check the address is spelled right and that this computer is online", host)
	case errors.As(err, &certErr), errors.As(err, &unknownCA), errors.As(err, &hostErr), errors.As(err, &invalid):
		return msg("the secure connection to %s failed: its certificate is not trusted by this computer (%v); check "+
			"the address, or open the page in your browser, save it and import the file", host, rootCause(err))
	case errors.As(err, &record), errors.As(err, &alert):
		return msg("the secure connection to %s failed (%v): check the address (https:// or http://), or open the "+
			"page in your browser, save it and import the file", host, rootCause(err))
	case errors.Is(err, syscall.ECONNREFUSED):
		return msg("%s refused the connection: check the address (and port), or try again later", host)
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return msg("the connection to %s broke off: try again", host)
	}
	return msg("could not download %s (%v): check your internet connection and try again", addr, rootCause(err))
}

// rootCause drops the url.Error wrapper, which repeats the address.
func rootCause(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// seconds writes a timeout the way the analyst set it: "30 s", "1.5 s".
func seconds(d time.Duration) string {
	if d%time.Second == 0 {
		return fmt.Sprintf("%d s", d/time.Second)
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}
