package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

func TestImportDOCXRefuses(t *testing.T) {
	gig, gigCRC := zeroDeflate(t, 1024) // 1 GiB of zeros in about 1 MB
	small, smallCRC := zeroDeflate(t, 8)
	valid := simpleDOCX(t, "Title", "Body.")

	var many bytes.Buffer
	zw := zip.NewWriter(&many)
	for i := range maxDOCXEntries + 1 {
		zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("word/media/image%d.png", i), Method: zip.Store})
	}
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(documentXML(para("", run("x")))))
	zw.Close()

	var locked bytes.Buffer
	zw = zip.NewWriter(&locked)
	w, _ = zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store, Flags: 1, CompressedSize64: 4, UncompressedSize64: 4})
	w.Write([]byte("\x00\x01\x02\x03"))
	zw.Close()

	deep := documentXML(strings.Repeat("<w:sdt>", 300) + para("", run("deep")) + strings.Repeat("</w:sdt>", 300))
	tests := []struct {
		name string
		data []byte
		msg  []string
	}{
		{"bomb.docx", rawDOCX(t, gig, gigCRC, 1<<30), []string{"bomb.docx was not unpacked", "word/document.xml", "ZIP bombs", ".txt"}},
		{"lying.docx", rawDOCX(t, gig, gigCRC, 1000), []string{"lying.docx was not unpacked", "more data than its header declares"}},
		{"ratio.docx", rawDOCX(t, small, smallCRC, 8<<20), []string{"was not unpacked", "expand more than 500 times"}},
		{"many.docx", many.Bytes(), []string{"was not unpacked", "lists more parts than any Word document has"}},
		{"locked.docx", locked.Bytes(), []string{"locked.docx is password-protected or in the old .doc format", "save it as .docx", ".txt"}},
		{"secret.docx", append(bytes.Clone(cfbMagic), make([]byte, 600)...), []string{"secret.docx is password-protected or in the old .doc format"}},
		{"cut.docx", valid[:len(valid)/2], []string{"cut.docx is damaged or incomplete", "cut short", "save a new copy"}},
		{"cut-local.docx", valid[:len(valid)-10], []string{"is damaged or incomplete"}},
		{"notword.docx", buildDOCX(t, map[string]string{"content.xml": "<x/>"}), []string{"not a Word document", "word/document.xml"}},
		{"deep.docx", buildDOCX(t, map[string]string{"word/document.xml": deep}), []string{"damaged", "nested more than 256 deep"}},
		{"broken.docx", buildDOCX(t, map[string]string{"word/document.xml": documentXML(para("", run("a")) + "<w:p>")}),
			[]string{"damaged", "not readable XML", "word/document.xml"}},
		{"entity.docx", buildDOCX(t, map[string]string{"word/document.xml": `<!DOCTYPE d [<!ENTITY a "aaaa">]>` +
			`<w:document ` + wNS + `><w:body><w:p><w:r><w:t>&a;&a;</w:t></w:r></w:p></w:body></w:document>`}), []string{"not readable XML"}},
		{"empty.docx", buildDOCX(t, map[string]string{"word/document.xml": documentXML(para("", run(" ")))}), []string{"no readable article text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t0 := time.Now()
			src, rep, err := Import(tt.name, bytes.NewReader(tt.data), Options{})
			if err == nil {
				t.Fatalf("imported %q (%v)", src.Text, rep)
			}
			if d := time.Since(t0); d > 5*time.Second {
				t.Errorf("took %v to refuse", d)
			}
			if domain.ErrorCode(err) != domain.EINVALID {
				t.Errorf("code %q, want invalid: %v", domain.ErrorCode(err), err)
			}
			for _, m := range tt.msg {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("message %q lacks %q", err, m)
				}
			}
		})
	}
}

// A zip that is not a Word document, under another name, keeps the
// existing "ZIP package" advice; damaged optional parts only warn.
func TestImportDOCXOptionalPartsAndOtherZips(t *testing.T) {
	other := buildDOCX(t, map[string]string{"content.xml": "<x/>", "_rels/.rels": ""})
	if _, _, err := Import("book.epub", bytes.NewReader(other), Options{}); err == nil ||
		!strings.Contains(err.Error(), "ZIP package such as an .odt or .epub") {
		t.Errorf("epub: %v", err)
	}
	parts := briefParts()
	parts["word/styles.xml"] = "<w:styles"
	parts["word/footnotes.xml"] = strings.Repeat("<a>", 400)
	parts["docProps/core.xml"] = "not xml <"
	src, rep, err := Import("brief.docx", bytes.NewReader(buildDOCX(t, parts)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	warns := strings.Join(rep.Warnings, "\n")
	for _, w := range []string{"styles could not be read", "footnotes could not be read", "properties could not be read"} {
		if !strings.Contains(warns, w) {
			t.Errorf("warnings %q lack %q", rep.Warnings, w)
		}
	}
	if !strings.Contains(src.Text, "[2] Endnote text.") || strings.Contains(src.Text, "[1] See") {
		t.Errorf("notes: %q", src.Text)
	}
}
