package ingest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

const articlePage = `<!DOCTYPE html><html lang="en-AU"><head><title>Cables at Risk | The Strategist</title>
<meta property="og:site_name" content="The Strategist"><meta property="og:title" content="Cables at Risk">
<meta name="author" content="Ana de la Cruz"><meta property="article:published_time" content="2024-09-03T08:00:00+10:00">
<link rel="canonical" href="/canonical/cables-at-risk"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Cables at Risk</h1><p>Cable repair ships are few, old and slow. A single cut can take weeks to mend,
and most of the world’s data runs through a few hundred cables.</p><p>Governments now treat data links the way they
once treated pipelines — as strategic assets worth protecting with law, money and, increasingly, navies.</p>
<p>The policy question is who pays for resilience, and how quickly new routes can be built.</p></article></body></html>`

// fetchServer serves the pages the tests fetch; every handler checks the
// request headers.
func fetchServer(t *testing.T) *httptest.Server {
	t.Helper()
	done := make(chan struct{})
	mux := http.NewServeMux()
	page := func(ctype, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			fmt.Fprint(w, body)
		}
	}
	mux.HandleFunc("/article", page("text/html; charset=utf-8", articlePage))
	mux.HandleFunc("/plain-page", page("text/html", strings.Replace(articlePage, `<link rel="canonical" href="/canonical/cables-at-risk">`, "", 1)))
	mux.HandleFunc("/home-canonical", page("text/html", strings.Replace(articlePage, "/canonical/cables-at-risk", "https://example.org/", 1)))
	mux.HandleFunc("/r/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		to := "/plain-page"
		if n > 1 {
			to = "/r/" + strconv.Itoa(n-1)
		}
		http.Redirect(w, r, to, http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", http.StatusInternalServerError) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-done:
		}
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "The start of a page")
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-done:
		}
	})
	mux.HandleFunc("/big", page("text/plain", strings.Repeat("word ", 1000)))
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		for range 50 {
			fmt.Fprint(w, strings.Repeat("word ", 100))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/notes.txt", page("text/plain; charset=utf-8", "Short Title Here\n\nBy Jane Doe\n\nThe body of the note."))
	mux.HandleFunc("/report", page("application/pdf", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"))
	mux.HandleFunc("/latin", page("text/html; charset=windows-1252",
		"<html><head><title>Caf\xe9 diplomacy</title></head><body><p>The \x93caf\xe9\x94 summit \x96 held in Paris \x85</p>"+
			"<p>Delegates met for two days to agree the text.</p></body></html>"))
	mux.HandleFunc("/euro", page("text/html", `<html><head><meta charset="iso-8859-15"><title>Budget</title></head>`+
		"<body><p>The fund holds 5 \xa4bn.</p><p>It grows each year.</p></body></html>"))
	mux.HandleFunc("/mislabelled", page("text/html; charset=iso-8859-1", "<p>Caf\u00e9 \u201cquoted\u201d text here.</p><p>More text.</p>"))
	mux.HandleFunc("/brief", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", docxMIME)
		w.Write(simpleDOCX(t, "Sniffed Title", "The body of the document."))
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != DefaultUserAgent || !strings.HasPrefix(r.Header.Get("Accept"), "text/html") {
			t.Errorf("request headers %q", r.Header)
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { close(done); srv.Close() })
	return srv
}

var june = func() time.Time { return time.Date(2025, 6, 1, 12, 0, 0, 0, time.Local) }

func TestFetchHTMLPage(t *testing.T) {
	srv := fetchServer(t)
	src, rep, err := FetchURL(context.Background(), srv.URL+"/article#comments", FetchOptions{Now: june})
	if err != nil {
		t.Fatal(err)
	}
	checkSource(t, src, rep, "", want{
		format: "html", encoding: "utf-8", kind: domain.KindWebPage, title: "Cables at Risk", publisher: "The Strategist",
		url: srv.URL + "/canonical/cables-at-risk", lang: "en-AU", published: "2024-09-03", authors: []string{"Ana de la Cruz"},
		prefix:   "Cable repair ships are few",
		detected: []string{"fetched: " + srv.URL + "/article (HTTP 200, text/html; charset=utf-8)", "format: html (from the Content-Type text/html)"},
	})
	if src.Accessed.String() != "2025-06-01" {
		t.Errorf("Accessed = %v", src.Accessed)
	}
}

func TestFetchRedirects(t *testing.T) {
	srv := fetchServer(t)
	src, rep, err := FetchURL(context.Background(), srv.URL+"/r/5", FetchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if src.URL != srv.URL+"/plain-page" || !slices.Contains(lines(rep.Detected), "redirected: 5 times (from "+srv.URL+"/r/5)") {
		t.Errorf("URL %q, detected %q", src.URL, rep.Detected)
	}
	if src.Accessed != domain.DateOf(time.Now()) {
		t.Errorf("Accessed = %v", src.Accessed)
	}
	src, _, err = FetchURL(context.Background(), srv.URL+"/home-canonical", FetchOptions{})
	if err != nil || src.URL != srv.URL+"/home-canonical" {
		t.Errorf("a canonical link to the home page was used: %v %v", src, err)
	}
}

func TestFetchRefusals(t *testing.T) {
	srv := fetchServer(t)
	short := FetchOptions{Timeout: 300 * time.Millisecond}
	tests := []struct {
		path string
		opt  FetchOptions
		msg  []string
	}{
		{"/r/6", FetchOptions{}, []string{"/r/6 redirected more than 5 times", "open it in your browser"}},
		{"/to-file", FetchOptions{}, []string{"redirected to \"file:///etc/passwd\", which is not a web address"}},
		{"/missing", FetchOptions{}, []string{"the server answered 404 Not Found for " + srv.URL + "/missing: check the address"}},
		{"/broken", FetchOptions{}, []string{"answered 500 Internal Server Error", "try again later"}},
		{"/slow", short, []string{srv.URL + "/slow did not answer within 0.3 s", "internet connection"}},
		{"/slow-body", short, []string{"did not finish sending the page within 0.3 s"}},
		{"/big", FetchOptions{MaxBytes: 1000}, []string{"larger than the 1000 bytes download limit", "save the article's text"}},
		{"/big-chunked", FetchOptions{MaxBytes: 1000}, []string{"larger than the 1000 bytes download limit"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			t0 := time.Now()
			src, _, err := FetchURL(context.Background(), srv.URL+tt.path, tt.opt)
			checkFetchErr(t, src, err, tt.msg...)
			if time.Since(t0) > 5*time.Second {
				t.Errorf("took %v", time.Since(t0))
			}
		})
	}
}

func checkFetchErr(t *testing.T, src *domain.Source, err error, msg ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("fetched %q", src.Text)
	}
	if domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("code %q: %v", domain.ErrorCode(err), err)
	}
	for _, m := range msg {
		if !strings.Contains(err.Error(), m) {
			t.Errorf("message %q lacks %q", err, m)
		}
	}
}

func TestFetchContentTypes(t *testing.T) {
	srv := fetchServer(t)
	get := func(p string) (*domain.Source, *Report, error) {
		return FetchURL(context.Background(), srv.URL+p, FetchOptions{})
	}
	src, rep, err := get("/notes.txt")
	if err != nil || rep.Format != FormatText || src.Kind != domain.KindArticle || src.Title != "Short Title Here" ||
		!slices.Equal(src.Authors, []string{"Jane Doe"}) || src.URL != srv.URL+"/notes.txt" || src.FileName != "" {
		t.Errorf("text/plain: %v %+v %+v", err, src, rep)
	}
	src, rep, err = get("/latin")
	if err != nil || rep.Encoding != "windows-1252" || src.Title != "Café diplomacy" ||
		!strings.Contains(src.Text, "The “café” summit – held in Paris …") {
		t.Errorf("windows-1252: %v %q %+v", err, src.Text, rep)
	}
	src, rep, err = get("/euro")
	if err != nil || rep.Encoding != "iso-8859-15" || !strings.Contains(src.Text, "5 €bn") {
		t.Errorf("meta charset: %v %q %+v", err, src.Text, rep)
	}
	src, rep, err = get("/mislabelled")
	if err != nil || rep.Encoding != "utf-8" || !strings.Contains(src.Text, "Café “quoted”") || len(rep.Warnings) == 0 {
		t.Errorf("mislabelled UTF-8: %v %q %+v", err, src.Text, rep)
	}
	src, rep, err = get("/brief")
	if err != nil || rep.Format != FormatDOCX || src.Title != "Sniffed Title" || src.URL != srv.URL+"/brief" {
		t.Errorf("docx: %v %+v %+v", err, src, rep)
	}
	// The PDF goes to whatever importBytes does with PDFs; this one is damaged.
	if _, rep, err = get("/report"); err == nil && rep.Format != "pdf" || err != nil && (!strings.Contains(err.Error(), "PDF") ||
		!strings.HasPrefix(err.Error(), "the document at "+srv.URL+"/report ")) {
		t.Errorf("pdf: %v %+v", err, rep)
	}
}

func TestFetchBadAddresses(t *testing.T) {
	tests := []struct{ url, msg string }{
		{"", "no web address was given"},
		{"  ", "no web address was given"},
		{"file:///etc/passwd", "is a file on this computer, not a web address"},
		{"ftp://ftp.example.org/report.pdf", "is an FTP address"},
		{"javascript:alert(1)", "javascript: addresses cannot be fetched"},
		{"data:text/html," + strings.Repeat("x", 500), "data: addresses cannot be fetched"},
		{"example.org/page", "has no http:// or https:// in front: write the full address, e.g. https://example.org/page"},
		{"example.org:8080/page", "e.g. https://example.org:8080/page"},
		{"https://", "has no server name"},
		{"http:///path", "has no server name"},
		{"https://user:secret@example.org/x", "contains a user name or password"},
		{"https://exa mple.org/%zz", "is not a valid web address"},
	}
	for _, tt := range tests {
		src, _, err := FetchURL(context.Background(), tt.url, FetchOptions{})
		checkFetchErr(t, src, err, tt.msg)
		if strings.Contains(fmt.Sprint(err), "secret") || len(fmt.Sprint(err)) > 400 {
			t.Errorf("message %q", err)
		}
	}
}

func TestFetchConnectionProblems(t *testing.T) {
	srv := fetchServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	src, _, err := FetchURL(ctx, srv.URL+"/article", FetchOptions{})
	checkFetchErr(t, src, err, "the download of "+srv.URL+"/article was cancelled")

	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	src, _, err = FetchURL(ctx, srv.URL+"/slow", FetchOptions{})
	checkFetchErr(t, src, err, "was cancelled")

	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "Secure Title\n\nThe secure body.")
	}))
	defer tlsSrv.Close()
	src, _, err = FetchURL(context.Background(), tlsSrv.URL, FetchOptions{})
	checkFetchErr(t, src, err, "the secure connection to 127.0.0.1 failed: its certificate is not trusted")
	if src, _, err = FetchURL(context.Background(), tlsSrv.URL, FetchOptions{Client: tlsSrv.Client()}); err != nil || src.Title != "Secure Title" {
		t.Errorf("with the caller's client: %v", err)
	}

	noDNS := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		return nil, &net.DNSError{Err: "no such host", Name: "nowhere.example", IsNotFound: true}
	}}}
	src, _, err = FetchURL(context.Background(), "https://nowhere.example/page", FetchOptions{Client: noDNS})
	checkFetchErr(t, src, err, "cannot find the server nowhere.example: check the address")

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	src, _, err = FetchURL(context.Background(), "http://"+addr+"/", FetchOptions{})
	checkFetchErr(t, src, err, "127.0.0.1 refused the connection")
}

func TestFetchRefusesADowngradeToHTTP(t *testing.T) {
	plain := fetchServer(t)
	secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+"/plain-page", http.StatusFound)
	}))
	defer secure.Close()
	src, _, err := FetchURL(context.Background(), secure.URL+"/article", FetchOptions{Client: secure.Client()})
	checkFetchErr(t, src, err, "redirected from a secure (https) address to an insecure one", plain.URL+"/plain-page", "open it in your browser")
}
