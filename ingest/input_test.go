package ingest

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/attache/attache/domain"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var b []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

const sample = "Reef Monitoring Goes Orbital\n\nBy Léa Martin\n\n11 Jan 2024\n\nSatellites now spot coral bleaching within days – not months.\u00a0That’s “progress”.\n"

func TestImportEncodings(t *testing.T) {
	wantText := "Satellites now spot coral bleaching within days – not months.\u00a0That’s “progress”."
	// Windows-1252: é=E9, –=96, NBSP=A0, ’=92, “=93, ”=94.
	cp1252 := []byte("Reef Monitoring Goes Orbital\r\n\r\nBy L\xe9a Martin\r\n\r\n11 Jan 2024\r\n\r\n" +
		"Satellites now spot coral bleaching within days \x96 not months.\xa0That\x92s \x93progress\x94.\r\n")
	tests := []struct {
		name, encoding string
		data           []byte
		warn           string
	}{
		{"utf8.txt", "utf-8", []byte(sample), ""},
		{"utf8-bom.txt", "utf-8", append([]byte("\xEF\xBB\xBF"), sample...), ""},
		{"crlf.txt", "utf-8", []byte(strings.ReplaceAll(sample, "\n", "\r\n")), ""},
		{"cr.txt", "utf-8", []byte(strings.ReplaceAll(sample, "\n", "\r")), ""},
		{"utf16le.txt", "utf-16", utf16Bytes(sample, false, true), ""},
		{"utf16be.txt", "utf-16", utf16Bytes(sample, true, true), ""},
		{"utf16-nobom.txt", "utf-16", utf16Bytes(sample, false, false), "no byte-order mark"},
		{"ansi.txt", "windows-1252", cp1252, "Windows-1252"},
		{"decomposed.txt", "utf-8", []byte(strings.Replace(sample, "é", "e\u0301", 1)), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, rep, err := Import(tt.name, bytes.NewReader(tt.data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkText(t, src.Text)
			if rep.Encoding != tt.encoding {
				t.Errorf("Encoding = %q, want %q", rep.Encoding, tt.encoding)
			}
			if src.Text != wantText {
				t.Errorf("Text = %q, want %q", src.Text, wantText)
			}
			if src.Title != "Reef Monitoring Goes Orbital" || len(src.Authors) != 1 || src.Authors[0] != "Léa Martin" ||
				src.Published.String() != "2024-01-11" {
				t.Errorf("metadata: %q %q %s", src.Title, src.Authors, src.Published)
			}
			if tt.warn != "" && !strings.Contains(strings.Join(rep.Warnings, "\n"), tt.warn) {
				t.Errorf("Warnings %q lack %q", rep.Warnings, tt.warn)
			}
			if tt.warn == "" && len(rep.Warnings) > 0 {
				t.Errorf("unexpected warnings %q", rep.Warnings)
			}
		})
	}
}

func TestImportMostlyUTF8WithStrayByte(t *testing.T) {
	data := []byte("Grüße aus Köln, schöne Grüße, ça va très bien.\n\nEin kaputtes Byte: \xff hier.\n")
	src, rep, err := Import("mixed.txt", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Encoding != "utf-8" || !strings.Contains(src.Text, "Grüße aus Köln") || !strings.Contains(src.Text, "\uFFFD") {
		t.Errorf("encoding %q, text %q", rep.Encoding, src.Text)
	}
}

func TestImportRefuses(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3}, 50)...)
	tests := []struct {
		name string
		data []byte
		msg  []string // all must appear in the message
	}{
		{"empty.txt", nil, []string{"empty.txt is empty:"}},
		{"blank.md", []byte(" \n\t\r\n\u00a0\n"), []string{"blank.md is empty:"}},
		{"bom-only.txt", []byte("\xEF\xBB\xBF\n"), []string{"is empty:"}},
		{"utf16-empty.txt", utf16Bytes("  \n", false, true), []string{"is empty:"}},
		{"photo.txt", png, []string{"looks like a binary file", ".txt", ".md", ".html"}},
		{"nul.txt", []byte("text with a \x00 NUL byte"), []string{"looks like a binary file"}},
		{"controls", bytes.Repeat([]byte("a\x01\x02\x03\x04"), 40), []string{"looks like a binary file"}},
		{"report.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), []string{"report.pdf is damaged or not a PDF", "save a new copy"}},
		{"report.txt", []byte("\n  %PDF-1.4\n"), []string{"report.txt is damaged or not a PDF"}},
		{"brief.docx", []byte("PK\x03\x04\x14\x00\x06\x00word/document.xml"), []string{"brief.docx is damaged or incomplete", "save a new copy", ".txt"}},
		{"old.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"), []string{".doc", "not supported yet"}},
		{"notes.rtf", []byte(`{\rtf1\ansi Hello}`), []string{"RTF import is not supported yet"}},
		{"only-markup.html", []byte("<html><head><title>T</title><script>var x=1</script></head><body></body></html>"),
			[]string{"no readable article text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, rep, err := Import(tt.name, bytes.NewReader(tt.data), Options{})
			if err == nil {
				t.Fatalf("imported %q (%v)", src.Text, rep)
			}
			if domain.ErrorCode(err) != domain.EINVALID {
				t.Errorf("code %q, want invalid", domain.ErrorCode(err))
			}
			for _, m := range tt.msg {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("message %q lacks %q", err, m)
				}
			}
		})
	}
}

func TestImportFormatDetection(t *testing.T) {
	tests := []struct{ name, content, format string }{
		{"page.HTML", "plain words", "html"},
		{"notes.markdown", "plain words", "markdown"},
		{"notes.txt", "<html><body><p>Hello there</p></body></html>", "text"},
		{"noext", "\n  <!DOCTYPE html><html><body><p>Hello there</p></body></html>", "html"},
		{"clip", "Some text<p>with a paragraph tag</p>", "html"},
		{"clip.dat", "<BODY>Shouting tags</BODY>", "html"},
		{"note", "---\ntitle: X\n---\nBody text", "markdown"},
		{"note2", "Intro line\n\n## Heading\n\nMore", "markdown"},
		{"note3", "Just #hashtags and 2 < 3 > 1", "text"},
	}
	for _, tt := range tests {
		_, rep, err := Import(tt.name, strings.NewReader(tt.content), Options{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if rep.Format != tt.format {
			t.Errorf("%s: format %q, want %q", tt.name, rep.Format, tt.format)
		}
	}
}

func TestImportKeepsShortNote(t *testing.T) {
	src, _, err := Import("dir/quick-note.txt", strings.NewReader("Call the embassy about the visa backlog"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The only line is both the title and the text: a source needs text.
	if src.Title != "Call the embassy about the visa backlog" || src.Text != src.Title || src.FileName != "quick-note.txt" {
		t.Errorf("title %q, text %q, file %q", src.Title, src.Text, src.FileName)
	}
}

func TestImportWindows1252HTML(t *testing.T) {
	page := "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 Diplomacy</title></head><body><article>" +
		strings.Repeat("<p>The caf\xe9\x92s owners \x96 and their guests \x97 talked policy for hours, long into the night.</p>", 4) +
		"</article></body></html>"
	src, rep, err := Import("page.htm", strings.NewReader(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Encoding != "windows-1252" || src.Title != "Café Diplomacy" ||
		!strings.HasPrefix(src.Text, "The café’s owners – and their guests — talked policy") {
		t.Errorf("encoding %q title %q text %.80q", rep.Encoding, src.Title, src.Text)
	}
	if rep.DuplicatesCollapsed != 3 {
		t.Errorf("DuplicatesCollapsed = %d, want 3", rep.DuplicatesCollapsed)
	}
}
