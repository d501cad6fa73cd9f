package bench

import (
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// chromiumInstall is how a Debian machine gets the browser the side-by-side
// compares with.
const chromiumInstall = "apt-get install chromium"

// BenchmarkExportProcess runs `attache export` of the 1,000-excerpt briefing
// as a whole process (start-up, opening the library, loading the bundle,
// writing the file), to PDF, to Markdown and to DOCX, and headless Chromium
// printing the same content, as HTML, to PDF. Each op runs each once, after
// one unmeasured warm-up of each; run it with -benchtime=3x for medians of
// three. Targets: PDF ≤ 0.08 × Chromium, Markdown ≤ 100 ms; DOCX has none
// yet and is reported beside PDF. The CPU time of attache's process (user
// + system) is reported too: on a shared machine it moves far less than
// wall time.
func BenchmarkExportProcess(b *testing.B) {
	heavy(b)
	dir := b.TempDir()
	bin := buildAttache(b, dir)
	lib := mustLibrary(b, exportLibrary)
	db := filepath.Join(dir, "library.db")
	if err := copyFile(db, lib.Path()); err != nil {
		b.Fatal(err)
	}
	runs := map[string]func() (time.Duration, error){
		"pdf": func() (time.Duration, error) {
			return runQuiet(bin, "--db", db, "export", "1", "--out", filepath.Join(dir, "out.pdf"))
		},
		"md": func() (time.Duration, error) {
			return runQuiet(bin, "--db", db, "export", "1", "--out", filepath.Join(dir, "out.md"))
		},
		"docx": func() (time.Duration, error) {
			return runQuiet(bin, "--db", db, "export", "1", "--out", filepath.Join(dir, "out.docx"))
		},
	}
	names := []string{"pdf", "md", "docx"}
	if chrome, err := exec.LookPath("chromium"); err != nil {
		b.Logf("chromium is not installed (%s): no side-by-side", chromiumInstall)
	} else {
		page := filepath.Join(dir, "briefing.html")
		if err := writeBriefingHTML(lib, page); err != nil {
			b.Fatal(err)
		}
		profile := filepath.Join(dir, "chromium-profile")
		// Its own home: Chromium writes ~/.config/chromium and dconf's
		// cache whatever --user-data-dir says.
		home := []string{"HOME=" + dir, "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
			"XDG_CACHE_HOME=" + filepath.Join(dir, "cache")}
		runs["chromium"] = func() (time.Duration, error) {
			return runQuietIn(home, chrome, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir="+profile, "--no-pdf-header-footer",
				"--print-to-pdf="+filepath.Join(dir, "chromium.pdf"), "file://"+page)
		}
		names = append(names, "chromium")
	}
	for _, n := range names { // warm the page cache and Chromium's profile
		if _, err := runs[n](); err != nil {
			b.Fatalf("%s: %v", n, err)
		}
	}
	times, cpus := map[string][]time.Duration{}, map[string][]time.Duration{}
	b.ResetTimer()
	for range b.N {
		for _, n := range names {
			t0 := time.Now()
			cpu, err := runs[n]()
			if err != nil {
				b.Fatalf("%s: %v", n, err)
			}
			times[n] = append(times[n], time.Since(t0))
			cpus[n] = append(cpus[n], cpu)
		}
	}
	b.StopTimer()
	for _, n := range names {
		b.ReportMetric(ms(median(times[n])), n+"-ms")
	}
	for _, n := range []string{"pdf", "md", "docx"} {
		b.ReportMetric(ms(median(cpus[n])), n+"-cpu-ms")
	}
	if c := times["chromium"]; len(c) > 0 {
		b.ReportMetric(float64(median(times["pdf"]))/float64(median(c)), "pdf/chromium")
	}
}

// buildAttache builds the attache command into dir (the tests run in bench/,
// so the module root is next door).
func buildAttache(b *testing.B, dir string) string {
	bin := filepath.Join(dir, "attache")
	cmd := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runQuiet runs a command and returns the CPU time it used.
func runQuiet(name string, args ...string) (time.Duration, error) {
	return runQuietIn(nil, name, args...)
}

// runQuietIn is runQuiet with env added to the program's environment.
func runQuietIn(env []string, name string, args ...string) (time.Duration, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("%v\n%s", err, out)
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), nil
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// writeBriefingHTML writes the bench briefing as a plain HTML page with the
// same words as the PDF: headings, commentary, quotes with their citations
// and notes, and the list of sources.
func writeBriefingHTML(lib interface {
	Bundle(context.Context, int64) (*domain.Bundle, error)
}, path string) error {
	bundle, err := lib.Bundle(context.Background(), 1)
	if err != nil {
		return err
	}
	var w strings.Builder
	e := html.EscapeString
	br := bundle.Briefing
	fmt.Fprintf(&w, "<!doctype html><meta charset=utf-8><title>%s</title>\n", e(br.Title))
	w.WriteString(`<style>@page{size:A4;margin:2cm}body{font:11pt/1.4 serif}blockquote{margin:0 2em}</style>` + "\n")
	fmt.Fprintf(&w, "<p>%s</p><h1>%s</h1><p>%s · %s</p><p><b>Bottom line.</b> %s</p>\n",
		e(br.Classification.Banner()), e(br.Title), e(br.Author), e(br.Date.Long()), e(br.Summary))
	for _, blk := range br.Blocks {
		switch {
		case blk.Type == domain.BlockHeading:
			fmt.Fprintf(&w, "<h2>%s</h2>\n", e(blk.Text))
		case blk.Excerpt != nil:
			src := bundle.Source(blk.Excerpt.SourceID)
			fmt.Fprintf(&w, "<blockquote><p>“%s”</p><p>— %s</p></blockquote><p><i>%s</i></p>\n",
				e(blk.Excerpt.Quote), e(export.BibliographyEntry(src)), e(blk.Excerpt.Note))
		default:
			for _, p := range strings.Split(blk.Text, "\n\n") {
				fmt.Fprintf(&w, "<p>%s</p>\n", e(p))
			}
		}
	}
	w.WriteString("<h2>Sources</h2><ol>\n")
	for _, s := range bundle.Sources {
		fmt.Fprintf(&w, "<li>%s<br>SHA-256 %s</li>\n", e(export.BibliographyEntry(s)), e(s.SHA256[:16]))
	}
	w.WriteString("</ol>\n")
	return os.WriteFile(path, []byte(w.String()), 0o600)
}
