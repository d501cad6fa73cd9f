package export_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	nfkc "golang.org/x/text/unicode/norm"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// TestDOCXInLibreOffice converts the fixture briefing's DOCX to PDF with
// LibreOffice (make check-docx; too slow and too large a dependency for
// make test) and compares it with Attaché's own PDF of the briefing: every
// paragraph of ours must be in LibreOffice's text, and the page counts
// must be close. With ATTACHE_CHECK_DOCX_OUT set, the DOCX, both PDFs and
// their pages as PNG are left in that folder for a human to compare.
func TestDOCXInLibreOffice(t *testing.T) {
	if os.Getenv("ATTACHE_CHECK_DOCX") != "1" {
		t.Skip("set ATTACHE_CHECK_DOCX=1 (make check-docx) to check the DOCX in LibreOffice")
	}
	for _, tool := range []string{"soffice", "pdftotext", "pdfinfo", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: scripts/check-docx.sh installs it", tool)
		}
	}
	dir := t.TempDir()
	b := docxLongBundle()
	d := export.NewDocument(b)
	ours := filepath.Join(dir, "attache.pdf")
	writeFile(t, ours, writeFormat(t, "pdf", b))
	out := os.Getenv("ATTACHE_CHECK_DOCX_OUT")
	if out != "" {
		keep(t, out, map[string]string{ours: "attache.pdf"})
	}
	for _, notes := range []string{"footnotes", "endnotes"} {
		t.Run(notes, func(t *testing.T) {
			docx := filepath.Join(dir, "briefing-"+notes+".docx")
			writeFile(t, docx, writeDOCX(t, b, notes))
			lo := convertWithLibreOffice(t, dir, docx)
			compareWithOurs(t, d, ours, lo, notes == "endnotes")
			if out != "" {
				keep(t, out, map[string]string{docx: filepath.Base(docx), lo: "libreoffice-" + notes + ".pdf"})
			}
		})
	}
}

// compareWithOurs checks LibreOffice's PDF of the DOCX against ours: every
// paragraph in the text, the banner at the top and bottom of every page,
// and page counts within max(2 pages, 30%) of each other (the DOCX sets
// the same text in Word's fonts, so they are never equal).
func compareWithOurs(t *testing.T, d *export.Document, ours, lo string, endnotes bool) {
	t.Helper()
	loText := pdfText(t, lo)
	for _, p := range expectedParagraphs(d) {
		if !strings.Contains(loText, strings.ToLower(flat(p))) {
			t.Errorf("LibreOffice's PDF lacks %q", p)
		}
	}
	pages := pdfPageTexts(t, lo)
	for i, page := range pages {
		if endnotes && endnotesOnly(d, pages[i:]) {
			t.Logf("LibreOffice's page %d holds only endnotes, on its own Endnote page style without the section's banners (a known LibreOffice limitation: see endnotesOnly)", i+1)
			break
		}
		if n := strings.Count(page, d.Banner); n < 2 {
			t.Errorf("LibreOffice's page %d shows the banner %q %d times, want top and bottom", i+1, d.Banner, n)
		}
	}
	ourPages, loPages := pdfPages(t, ours), pdfPages(t, lo)
	t.Logf("pages: Attaché's PDF %d, LibreOffice's PDF of the DOCX %d", ourPages, loPages)
	if diff := max(ourPages-loPages, loPages-ourPages); diff > max(2, ourPages*3/10) {
		t.Errorf("page counts differ by %d: Attaché %d, LibreOffice %d", diff, ourPages, loPages)
	}
}

// endnotesOnly reports whether the pages, the last of LibreOffice's PDF,
// hold nothing but the endnotes, each line a note's text. LibreOffice (7.4
// at least) imports a DOCX's endnotes onto a page style of its own,
// "Endnote", with no header or footer, whatever the section says: the
// DOCX converted to ODT shows that master page empty, and w:pos docEnd
// and sectEnd, in settings.xml and in the section, make no difference.
// Word sets the endnotes in the section, under its headers and footers
// with their banners. Only such pages are let off the banner check: a
// page with anything else on it, or one before the body's end, is not.
func endnotesOnly(d *export.Document, pages []string) bool {
	seen := false
	for _, page := range pages {
		for _, line := range strings.Split(page, "\n") {
			line = norm(line)
			if line == "" {
				continue
			}
			if !isNoteLine(d, line) {
				return false
			}
			seen = true
		}
	}
	return seen
}

// isNoteLine reports whether a line of text is part of a note: its
// number (pdftotext puts a raised number on a line of its own), or a piece
// of a note's text, with or without its number before it.
func isNoteLine(d *export.Document, line string) bool {
	for _, n := range d.Notes {
		num, text := strconv.Itoa(n.Num), norm(n.Text)
		if line == num || strings.Contains(text, strings.TrimPrefix(line, num+" ")) {
			return true
		}
	}
	return false
}

// pdfPageTexts is each page's text; pdftotext ends every page with a form feed.
func pdfPageTexts(t *testing.T, pdf string) []string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// docxLongBundle is docxBundle's body said four times over, some pages
// long, so that the page counts mean something.
func docxLongBundle() *domain.Bundle {
	b := docxBundle(domain.SchemeUS)
	body := b.Briefing.Blocks[2:]
	for i := 2; i <= 4; i++ {
		for _, bl := range body {
			c := *bl
			if c.Type == domain.BlockHeading {
				c.Text += " " + strconv.Itoa(i)
			}
			if c.Type == domain.BlockCommentary {
				c.Text = strings.Repeat(c.Text+" ", 3)
			}
			b.Briefing.Blocks = append(b.Briefing.Blocks, &c)
		}
	}
	return b
}

func writeFormat(t *testing.T, name string, b *domain.Bundle) []byte {
	t.Helper()
	f, _ := export.Lookup(name)
	var buf bytes.Buffer
	if err := f.Write(context.Background(), &buf, b, export.Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// convertWithLibreOffice runs soffice on the DOCX and returns the PDF's
// path. Its profile, and HOME for anything else it writes, are in dir.
func convertWithLibreOffice(t *testing.T, dir, docx string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	outDir := filepath.Join(dir, "lo")
	cmd := exec.CommandContext(ctx, "soffice", "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "pdf", "--outdir", outDir, docx)
	cmd.Env = append(os.Environ(), "HOME="+filepath.Join(dir, "home"), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	out, err := cmd.CombinedOutput()
	pdf := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(docx), ".docx")+".pdf")
	if _, serr := os.Stat(pdf); err != nil || serr != nil || bytes.Contains(bytes.ToLower(out), []byte("error")) {
		t.Fatalf("LibreOffice did not convert the DOCX (%v):\n%s", err, out)
	}
	return pdf
}

// pdfText is pdftotext's text of the PDF, flattened and in lower case.
func pdfText(t *testing.T, pdf string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return strings.ToLower(flat(string(out))) // headings may be set in capitals
}

// flat is text compared across PDF writers: compatibility forms folded
// (ligatures), and every run of white space one space.
func flat(s string) string { return norm(nfkc.NFKC.String(s)) }

func pdfPages(t *testing.T, pdf string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", pdf).Output()
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(out)
	if err != nil || m == nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// keep copies the files into out and renders both PDFs' pages as PNG.
func keep(t *testing.T, out string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for from, name := range files {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(out, name), data)
		if strings.HasSuffix(name, ".pdf") {
			prefix := filepath.Join(out, strings.TrimSuffix(name, ".pdf"))
			if msg, err := exec.Command("pdftoppm", "-png", "-r", "60", from, prefix).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, msg)
			}
		}
	}
	t.Logf("kept in %s", out)
}

// expectedParagraphs are the document's texts a reader must find, each
// with its portion mark: the details, key judgments, body and notes.
func expectedParagraphs(d *export.Document) []string {
	out := []string{d.Briefing.Title, d.SubtitlePortion + d.Briefing.Subtitle, d.SummaryPortion + d.Briefing.Summary}
	for _, j := range d.Judgments {
		out = append(out, j.Portion+j.Text)
		if j.Confidence != "" {
			out = append(out, "("+strings.ToLower(j.Confidence)+")")
		}
	}
	for _, it := range d.Body {
		switch it.Type {
		case domain.BlockHeading:
			out = append(out, it.Portion+it.Text)
		case domain.BlockCommentary:
			paras := strings.Split(it.Text, "\n\n")
			paras[0] = it.Portion + paras[0]
			out = append(out, paras...)
		case domain.BlockExcerpt:
			out = append(out, it.Text)
			if it.Comment != "" {
				out = append(out, it.Comment)
			}
		}
	}
	for _, n := range d.Notes {
		out = append(out, n.Text)
	}
	return out
}
