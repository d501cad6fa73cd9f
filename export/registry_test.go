package export

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

func TestFormatsAreRegisteredOnce(t *testing.T) {
	var names []string
	seen := map[string]string{}
	for _, f := range Formats() {
		names = append(names, f.Name)
		if f.Label == "" || f.MIME == "" || !strings.HasPrefix(f.Ext, ".") || f.write == nil {
			t.Errorf("%s is registered without a label, MIME type, extension or writer: %+v", f.Name, f)
		}
		for _, n := range append([]string{f.Name, f.Ext}, f.Aliases...) {
			if other, dup := seen[n]; dup {
				t.Errorf("%q names both %s and %s", n, other, f.Name)
			}
			seen[n] = f.Name
		}
	}
	if got := strings.Join(names, ","); got != "pdf,md,docx,json" {
		t.Errorf("formats %s, want pdf,md,docx,json with PDF the default", got)
	}
	if FormatNames() != "pdf, md, docx or json" {
		t.Errorf("FormatNames %q", FormatNames())
	}
}

// Options with the same key in two formats would be one flag on the
// command line and one setting in the app: they must mean the same.
func TestOptionKeysMeanOneThing(t *testing.T) {
	byKey := map[string]Option{}
	for _, f := range Formats() {
		for _, o := range f.Options {
			if o.Key == "" || o.Label == "" || o.Help == "" || o.What == "" {
				t.Errorf("%s: option %+v lacks a key, label, help or what", f.Name, o)
			}
			if _, err := o.Parse(o.Default); err != nil {
				t.Errorf("%s: the default of %s does not parse: %v", f.Name, o.Key, err)
			}
			if prev, ok := byKey[o.Key]; ok && prev.Label != o.Label {
				t.Errorf("%s means two things", o.Key)
			}
			byKey[o.Key] = o
		}
	}
}

func TestLookup(t *testing.T) {
	for in, want := range map[string]string{"pdf": "pdf", ".PDF": "pdf", "markdown": "md", "md": "md", " Json ": "json", "DOCX": "docx", "word": "docx"} {
		if f, ok := Lookup(in); !ok || f.Name != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", in, f, ok, want)
		}
	}
	for _, in := range []string{"", "txt", "doc", "."} {
		if f, ok := Lookup(in); ok {
			t.Errorf("Lookup(%q) found %s", in, f.Name)
		}
	}
	for path, want := range map[string]string{"a/brief.pdf": "pdf", "notes.v2.MD": "md", "b.json": "json", "c/Brief.DOCX": "docx"} {
		if f, ok := ForFile(path); !ok || f.Name != want {
			t.Errorf("ForFile(%q) = %v, %v", path, f, ok)
		}
	}
	if _, ok := ForFile("brief"); ok {
		t.Error("a name without extension has a format")
	}
}

func TestPaperOptionAcceptsTheAppsLabels(t *testing.T) {
	pdf, _ := Lookup("pdf")
	paper, ok := pdf.Option("paper")
	if !ok {
		t.Fatal("the PDF format has no paper option")
	}
	// The app keeps "A4" or "US Letter"; scripts write a4 or letter.
	for in, want := range map[string]string{"": "a4", "A4": "a4", "US Letter": "letter", "letter": "letter", "US-Letter": "letter"} {
		if got, err := paper.Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := paper.Parse("a3"); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), `"a3" is not a paper size: use a4 or letter`) {
		t.Errorf("a3: %v", err)
	}
	if paper.LabelOf("letter") != "US Letter" || paper.LabelOf("nonsense") != "A4" {
		t.Errorf("LabelOf: %q %q", paper.LabelOf("letter"), paper.LabelOf("nonsense"))
	}
	if allow, _ := pdf.Option(AllowMissing); paper.IsSwitch() || !allow.IsSwitch() || !allow.AskFirst {
		t.Error("paper is a choice and allow-missing an on/off option asked for first")
	}
}

// The registry's options reach the writer: letter paper is 612 points wide.
func TestFormatWriteHonoursOptions(t *testing.T) {
	pdf, _ := Lookup("pdf")
	sizes := map[string]string{}
	for _, paper := range []string{"A4", "US Letter"} {
		var buf bytes.Buffer
		if err := pdf.Write(context.Background(), &buf, pdfBundle(1, domain.StatusFinal), Options{"paper": paper}); err != nil {
			t.Fatal(err)
		}
		sizes[paper] = poppler(t, buf.Bytes(), "pdfinfo")
	}
	if !strings.Contains(sizes["A4"], "595.28 x 841.89 pts (A4)") || !strings.Contains(sizes["US Letter"], "612 x 792 pts (letter)") {
		t.Errorf("page sizes: A4 %q, letter %q", sizes["A4"], sizes["US Letter"])
	}
	err := pdf.Write(context.Background(), &bytes.Buffer{}, pdfBundle(1, domain.StatusFinal), Options{"paper": "tabloid"})
	if domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("tabloid: %v", err)
	}
	md, _ := Lookup("md")
	var buf bytes.Buffer
	if err := md.Write(context.Background(), &buf, pdfBundle(1, domain.StatusFinal), Options{"paper": "letter"}); err != nil || !strings.HasPrefix(buf.String(), "**") {
		t.Errorf("Markdown with another format's option: %v, %.40q", err, buf.String())
	}
}

// A cancelled export leaves neither the file nor a temporary file, and an
// earlier file is untouched; cancelled before it starts, no format writes.
func TestCancelledExportLeavesNoFile(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, f := range Formats() {
		dir := t.TempDir()
		err := f.WriteFile(ctx, filepath.Join(dir, "brief"+f.Ext), pdfBundle(1, domain.StatusFinal), nil)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %v, want context.Canceled", f.Name, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s: a cancelled export left %v", f.Name, entries)
		}
		var buf bytes.Buffer
		if err := f.Write(ctx, &buf, pdfBundle(1, domain.StatusFinal), nil); !errors.Is(err, context.Canceled) || buf.Len() > 0 {
			t.Errorf("%s: wrote %d bytes under a cancelled context (%v)", f.Name, buf.Len(), err)
		}
	}
}

// A long PDF (2,000 excerpts, about a second here) stops within a second
// of Cancel, leaving no file behind.
func TestPDFStopsSoonAfterCancel(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	bundle := benchBundle(t, 2000)
	pdf, _ := Lookup("pdf")
	dir := t.TempDir()
	path := filepath.Join(dir, "long.pdf")
	if err := os.WriteFile(path, []byte("earlier export"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, after := range []time.Duration{20 * time.Millisecond, 120 * time.Millisecond} {
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- pdf.WriteFile(ctx, path, bundle, nil) }()
		time.Sleep(after)
		cancel()
		asked := time.Now()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled after %v: %v, want context.Canceled", after, err)
			}
			if took := time.Since(asked); took > time.Second {
				t.Errorf("cancelled after %v, it stopped %v later", after, took)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("cancelled after %v, the export had not stopped 10 s later", after)
		}
		if b, _ := os.ReadFile(path); string(b) != "earlier export" {
			t.Fatalf("the earlier file now holds %.20q", b)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("the folder holds %v, want only the earlier file", entries)
		}
	}
}

// The house template is a path: kept as typed, checked for its extension
// only, empty for Attaché's own.
func TestFileOptionParse(t *testing.T) {
	o := templateOption
	if o.IsSwitch() {
		t.Fatal("a file option is no switch")
	}
	for in, want := range map[string]string{"": "", "  ": "", " /Home/Ann/House.DOTX ": "/Home/Ann/House.DOTX", "t.docx": "t.docx"} {
		if got, err := o.Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"house.doc", "house", "house.pdf"} {
		_, err := o.Parse(in)
		if err == nil || !strings.Contains(err.Error(), ".docx or .dotx") {
			t.Errorf("Parse(%q) = %v; want a refusal naming .docx or .dotx", in, err)
		}
	}
}
