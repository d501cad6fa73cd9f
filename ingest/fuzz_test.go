package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/attache/attache/domain"
)

// fuzzImport checks the properties every import must keep: no panic, and on
// success a text excerpts can index into.
func fuzzImport(t *testing.T, name string, data []byte) {
	t0 := time.Now()
	src, rep, err := Import(name, bytes.NewReader(data), Options{MaxBytes: 1 << 20})
	if d := time.Since(t0); d > 10*time.Second { // "never takes forever", with room for a loaded machine
		t.Fatalf("slow: %v for %d bytes", d, len(data))
	}
	if err != nil {
		if src != nil || rep != nil {
			t.Fatalf("error %v with a result", err)
		}
		if domain.ErrorCode(err) != domain.EINVALID {
			t.Fatalf("error not meant for the analyst: %v", err)
		}
		return
	}
	switch text := src.Text; {
	case strings.TrimSpace(text) == "":
		t.Fatalf("empty text from %q", data)
	case !utf8.ValidString(text):
		t.Fatalf("invalid UTF-8 %q", text)
	case !norm.NFC.IsNormalString(text):
		t.Fatalf("not NFC %q", text)
	case strings.Contains(text, "\r"):
		t.Fatalf("carriage return in %q", text)
	case strings.Contains(text, "\n\n\n") || strings.Trim(text, "\n") != text:
		t.Fatalf("paragraphs not separated by exactly one blank line: %q", text)
	case src.Title == "" || !utf8.ValidString(src.Title) || strings.Contains(src.Title, "\n"):
		t.Fatalf("bad title %q", src.Title)
	}
}

// addFixtures seeds a fuzzer with the committed fixtures of one extension.
func addFixtures(f *testing.F, exts ...string) {
	for _, ext := range exts {
		files, _ := filepath.Glob(filepath.Join("testdata", "*"+ext))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
}

func FuzzImportText(f *testing.F) {
	addFixtures(f, ".txt")
	for _, s := range []string{
		"", " ", "\x00", "\xff\xfe", "\xfe\xff\x00", "\xef\xbb\xbf", "A\r\rB\r\n\r\nC", "TECH POLICYTech\n\nBody",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZabc", "By Jane Doe", "By Jane\n\n11 May 2024",
		"Title\nSub\nBy X Y\n31 June 2024\n\nBody\n\nBody", "e\u0301\u0301\n\n\u0301", "\u00a0\n\u00a0x", "%PDF", "PK\x03\x04",
		sample, string(utf16Bytes(sample, true, true)), "caf\xe9 na\xefve \x93quoted\x94",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "fuzz.txt", data) })
}

func FuzzImportMarkdown(f *testing.F) {
	addFixtures(f, ".md")
	for _, s := range []string{
		"---\n---\n", "---\ntitle: [\n---\n#", "# \n", "```\n", "<!--", "*_*_**__", "[a](b)[c][d]![e](f)", "\\*\\",
		"---\nauthor:\n  - name: X\n - Y\ndate: 2024-02-30\n---\n# T\n\n- a\n1. b\n> c\n", "`x``y`", "___\n---\n***",
		"\U000F002A\\*", "Title\n=\n", "---\nurl: http://x y\nlang: " + strings.Repeat("x", 50) + "\n---\nb",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "fuzz.md", data) })
}

func FuzzImportHTML(f *testing.F) {
	addFixtures(f, ".html", ".htm")
	for _, s := range []string{
		"<p>", "<html lang=>", "<title></title><p>x", "<script type=application/ld+json>{\"@type\":\"Article\"}</script><p>x</p>",
		`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[[["x"]]],"headline":1}]}</script>p`,
		"<pre>\n\n</pre>x", "<ol><li><ul><li>a</ol>b", "<table><td>a<td>b<tr>c", "<br><br><br>x", "<svg><title>s</title></svg>t",
		strings.Repeat("<div>", 600) + "deep", "<head><body><nav>n</nav>b", "<meta property=og:title content=' '>x",
		"<p>&nbsp;</p><p>&#0;&#xD800;</p>", "\xff<p>caf\xe9</p>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "fuzz.html", data) })
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"11 May 2024", "Published: May 11, 2024", "Updated 2 June 2024 | Published 1 Jan 2020",
		"2024-05-11T10:00:00+10:00", "Sat, 11th of May, 2024 at 10:00 pm AEST", "0000-00-00", "Sept. 31, 2024", "|||", "—"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseHumanDate(s)
		if ok != !d.IsZero() || ok && (d.Year < 1800 || d.Year > 2200 || d.Day < 1 || d.Day > 31) {
			t.Fatalf("ParseHumanDate(%q) = %v, %v", s, d, ok)
		}
		if ok && d.Time().Day() != d.Day {
			t.Fatalf("ParseHumanDate(%q) gave a day that does not exist: %v", s, d)
		}
		p, u, ok := parseDateLine(s)
		if ok == (p.date.IsZero() && u.date.IsZero()) {
			t.Fatalf("parseDateLine(%q) = %v, %v, %v", s, p, u, ok)
		}
		if b, ok := parseByline(s); ok && len(b.authors) == 0 {
			t.Fatalf("parseByline(%q) accepted without authors", s)
		}
	})
}
