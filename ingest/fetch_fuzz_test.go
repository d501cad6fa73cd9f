package ingest

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/attache/attache/domain"
)

// checkSourceURL holds a source's URL to what exporters make links of: empty,
// or an absolute http(s) address on one line, without spaces or control
// characters, that parses.
func checkSourceURL(t *testing.T, u string) {
	t.Helper()
	if u == "" {
		return
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || !utf8.ValidString(u) ||
		strings.ContainsFunc(u, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		t.Fatalf("source URL %q (%v)", u, err)
	}
}

// FuzzFetchAddress feeds what an analyst pastes into the "fetch a web page"
// field to the address check: an accepted address is an absolute http(s)
// address with a server, no password and no fragment; a refused one gets a
// short, readable message, even for a pasted megabyte.
func FuzzFetchAddress(f *testing.F) {
	for _, s := range []string{
		"https://example.org/a", "http://example.org", "HTTPS://EXAMPLE.ORG/x#frag", "example.org/page", "example.org:8080/page",
		"file:///etc/passwd", "ftp://x/y", "javascript:alert(1)", "data:text/html," + strings.Repeat("A", 10_000),
		"https://user:pass@example.org/", "https://user:pass@example.org/" + strings.Repeat("p", 10_000), "https:///path",
		"https://[::1]:80/", "https://[::1", "http://exa mple.org", " https://example.org/\n", "https://example.org/\x00",
		"https://\u202eevil.org/gnp.exe", "https://例え.jp/", "https://xn--r8jz45g.jp/", "\xff\xfe", "", " ", "://",
		strings.Repeat("a", 10_000) + "://example.org/", strings.Repeat("é", 5000) + ":x", "https:" + strings.Repeat("/", 5000),
		"http://%41.com/", "http://a.com/%zz", "mailto:x@y", "https://example.org/?q=" + strings.Repeat("ü", 5000),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := checkFetchURL(s)
		if err != nil {
			msg := domain.ErrorMessage(err)
			if u != nil || domain.ErrorCode(err) != domain.EINVALID || !utf8.ValidString(msg) || strings.TrimSpace(msg) == "" {
				t.Fatalf("checkFetchURL(%.200q) = %v, %.300v (%s)", s, u, err, domain.ErrorCode(err))
			}
			// shortAddr cuts what is quoted to 80 characters, which quoting
			// can lengthen tenfold; the message must not grow with the input.
			if n := utf8.RuneCountInString(msg); n > 2000 {
				t.Fatalf("checkFetchURL(%.200q…): a message of %d characters: %.300s…", s, n, msg)
			}
			return
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.User != nil || u.Fragment != "" || u.RawFragment != "" {
			t.Fatalf("checkFetchURL(%q) accepted %#v", s, u)
		}
		if again, err := url.Parse(u.String()); err != nil || again.Host != u.Host || again.Scheme != u.Scheme {
			t.Fatalf("checkFetchURL(%q) = %q, which parses as %v (%v)", s, u, again, err)
		}
	})
}

// FuzzImportFetched feeds a downloaded body, with the Content-Type and
// address it came with, to the importer FetchURL uses: the properties of
// every import hold, and the source's URL is a web address.
func FuzzImportFetched(f *testing.F) {
	for _, c := range []struct{ path, ctype, body string }{
		{"article", "text/html; charset=utf-8", articlePage},
		{"latin", "text/html; charset=windows-1252", "<title>Caf\xe9</title><p>The \x93caf\xe9\x94 summit \x96 held \x85</p>"},
		{"x.txt", "text/plain; charset=utf-16", "\xff\xfeH\x00i\x00"},
		{"", "text/plain; charset=bogus", "Title\n\nBody text."},
		{"notes", "text/markdown", "---\ntitle: T\nurl: javascript:alert(1)\n---\n# T\n\nBody"},
		{"p", "", "<html><p>no type</p>"},
		{"p", "text/html", `<link rel=canonical href="javascript:alert(1)"><meta property="og:url" content="https://e.org/a` + "\x01" + `b"><p>x</p>`},
		{"deep/page", "text/html", `<link rel="canonical" href="//other.example/a b"><p>body</p>`},
		{"deep/page", "text/html", `<link rel="canonical" href="https://u:p@example.org/x#f"><p>body</p>`},
		{"deep/page", "text/html", `<meta property="og:url" content="https://example.org/` + "\r" + `x"><p>body</p>`},
		{"deep/page", "text/html", `<script type="application/ld+json">{"@type":"Article","url":"https://e.org/` + "\u2028" + `"}</script><p>b</p>`},
		{"deep/page", "text/html", `<script type="application/ld+json">{"@type":"Article","url":"https://e.org/\u0001x"}</script><p>b</p>`},
		{"deep/page", "text/html", `<meta property="og:url" content="https://e.org/` + "\x7f" + `"><p>body</p>`},
		{"p", "application/xhtml+xml; charset=iso-8859-2", "<p>\xb1\xe6</p>"},
		{"p", "text/html;charset=\"", "<meta charset=\"x-user-defined\"><p>\x80\xff</p>"},
		{"p", "text/html", "<meta charset=utf-16><p>\x00</p>"},
		{"\u202ecod.exe", "text/plain", "\u202e Title\n\n" + strings.Repeat("w", 10_000)},
		{"report", "application/pdf", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"},
		{"x.docx", "application/octet-stream", "PK\x03\x04"},
		{"p", "text/plain", "\x00\x00\x00"},
	} {
		f.Add(c.path, c.ctype, []byte(c.body))
	}
	f.Fuzz(func(t *testing.T, path, ctype string, body []byte) {
		if len(body) > 1<<20 {
			return
		}
		final := &url.URL{Scheme: "https", Host: "example.org", Path: "/" + path}
		t0 := time.Now()
		src, rep, err := importFetched(context.Background(), final, ctype, body)
		if d := time.Since(t0); d > 10*time.Second {
			t.Fatalf("slow: %v for %d bytes", d, len(body))
		}
		if err != nil {
			if src != nil || rep != nil || domain.ErrorCode(err) != domain.EINVALID {
				t.Fatalf("error %v (%s) with a result", err, domain.ErrorCode(err))
			}
			return
		}
		text := src.Text
		switch {
		case strings.TrimSpace(text) == "" || !utf8.ValidString(text):
			t.Fatalf("bad text %q", text)
		case strings.Contains(text, "\r") || strings.Contains(text, "\n\n\n") || strings.Trim(text, "\n") != text:
			t.Fatalf("paragraphs not separated by exactly one blank line: %q", text)
		case src.Title == "" || !utf8.ValidString(src.Title) || strings.Contains(src.Title, "\n"):
			t.Fatalf("bad title %q", src.Title)
		case src.URL == "":
			t.Fatalf("a fetched source without its URL")
		}
		checkSourceURL(t, src.URL)
	})
}
