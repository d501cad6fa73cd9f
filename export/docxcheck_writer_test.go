package export

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/attache/attache/domain"
)

// TestDOCXWriterPassesTheChecker runs the package checker over the
// writer's output for briefings that exercise its parts: a draft (the
// watermark in the headers), figures (media and drawings), the basis and
// the reading guide (more notes, tables), the shared test briefing in
// three scripts, both note kinds, the house template, a DOCX written
// with it, and one written with an earlier export as its template.
func TestDOCXWriterPassesTheChecker(t *testing.T) {
	fig := func() *domain.Bundle {
		return figureBundle(t, newFigure(t, 4, 900, 600, 1, "Cable faults by year"), newFigure(t, 9, 300, 600, 2, ""))
	}
	bundles := map[string]func() *domain.Bundle{
		"draft":   func() *domain.Bundle { return pdfBundle(3, domain.StatusDraft) },
		"figures": fig,
		"basis":   basisBundle,
		"shared":  func() *domain.Bundle { return markAll(testBundle(t), domain.MarkingCUI) },
		"markdown": func() *domain.Bundle {
			return mdBundle(t)
		},
	}
	for name, mk := range bundles {
		for _, notes := range []string{"footnotes", "endnotes"} {
			t.Run(name+"/"+notes, func(t *testing.T) {
				opts := Options{"notes": notes, "basis": "on", "reading-guide": "on"}
				checkDOCX(t, docxOf(t, mk(), opts))
			})
		}
	}
	t.Run("template", func(t *testing.T) {
		var tpl bytes.Buffer
		if err := WriteDOCXTemplate(&tpl); err != nil {
			t.Fatal(err)
		}
		checkDOCX(t, tpl.Bytes())
		path := filepath.Join(t.TempDir(), "house.dotx")
		if err := os.WriteFile(path, tpl.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		checkDOCX(t, docxOf(t, pdfBundle(2, domain.StatusDraft), Options{"template": path}))
	})
	t.Run("earlier export as template", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "earlier.docx")
		earlier := docxOf(t, figureBundle(t, newFigure(t, 4, 900, 600, 1, "Faults")), Options{"notes": "endnotes"})
		if err := os.WriteFile(path, earlier, 0o600); err != nil {
			t.Fatal(err)
		}
		checkDOCX(t, docxOf(t, pdfBundle(2, domain.StatusDraft), Options{"template": path}))
	})
}

func docxOf(t *testing.T, b *domain.Bundle, opts Options) []byte {
	t.Helper()
	f, _ := Lookup("docx")
	var buf bytes.Buffer
	if err := f.Write(context.Background(), &buf, b, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
