package ingest

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
)

// Each registered format is what its extensions and MIME types choose,
// and the message naming the accepted formats lists every one.
func TestRegisteredFormatsDecideDetection(t *testing.T) {
	text := "<!doctype html><p>Looks like a page.</p>"
	for _, f := range Formats() {
		for _, ext := range f.Extensions {
			got, why := input{name: "a" + strings.ToUpper(ext)}.declared()
			if !got.is(f.Name) || why != "from the extension "+ext {
				t.Errorf("%s: declared %v (%s), want %s", ext, got, why, f.Name)
			}
		}
		for _, mt := range f.MIMETypes {
			if got := formatByMIME(mt); !got.is(f.Name) {
				t.Errorf("%s: %v, want %s", mt, got, f.Name)
			}
		}
		if (f.read == nil) == (f.body == nil) {
			t.Errorf("%s has %v read and %v body: want exactly one import func", f.Name, f.read != nil, f.body != nil)
		}
		if f.body != nil {
			// A declared text format wins over what the content looks like.
			if got, _ := textFormat(formatNamed(f.Name), "declared", text); got.Name != f.Name {
				t.Errorf("text declared %s read as %s", f.Name, got.Name)
			}
		}
		if !strings.Contains(Accepted(), f.Description+" ("+f.Extensions[0]+")") {
			t.Errorf("Accepted() %q lacks %s", Accepted(), f.Name)
		}
	}
	// A format given by the caller (a Content-Type) wins over the name.
	in := input{name: "page.txt", label: "the document at https://example.org/page.txt", format: formatNamed(FormatHTML), why: "from the Content-Type text/html"}
	src, rep, err := importBytes(context.Background(), in, []byte("<title>Declared</title><p>Body text of the page.</p>"))
	if err != nil || rep.Format != FormatHTML || src.Title != "Declared" {
		t.Fatalf("declared html: %v, %+v", err, rep)
	}
	// Messages name the input by its label, and the title comes from its name.
	_, _, err = importBytes(context.Background(), in, []byte("  "))
	if err == nil || !strings.HasPrefix(err.Error(), "the document at https://example.org/page.txt is empty") {
		t.Fatalf("err %v", err)
	}
	src, _, err = Import("field-notes.md", bytes.NewReader([]byte("just a line of text, nothing more, and no title at all in it.")), Options{})
	if err != nil || src.Title != "Field notes" {
		t.Fatalf("title %q, %v", src.Title, err)
	}
}

// Found by a trial: a byline giving the date too ("By H. Tanaka, 20 May
// 2025") was listed as removed twice, once as byline, once as date line.
func TestOneLineFoundTwiceIsOneFinding(t *testing.T) {
	b := &builder{rep: &Report{}}
	b.found("removed", `"By H. Tanaka, 20 May 2025"`, "byline line")
	b.found("removed", `"By H. Tanaka, 20 May 2025"`, "date line")
	b.found("removed", `"Page 3"`, "page number")
	want := []Finding{
		{Field: "removed", Value: `"By H. Tanaka, 20 May 2025"`, From: "byline line and date line"},
		{Field: "removed", Value: `"Page 3"`, From: "page number"},
	}
	if !slices.Equal(b.rep.Detected, want) {
		t.Fatalf("findings %v, want %v", b.rep.Detected, want)
	}
}
