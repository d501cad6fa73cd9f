package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckTemplate(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "House.dotx")
	fake := filepath.Join(dir, "Fake.docx")
	if err := os.WriteFile(good, []byte("PK\x03\x04rest"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fake, []byte("{\\rtf1"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := CheckTemplate(""); err != nil {
		t.Errorf("no template: %v", err)
	}
	if err := CheckTemplate(good); err != nil {
		t.Errorf("a zip .dotx: %v", err)
	}
	for path, want := range map[string]string{
		fake:                            "is not a Word file",
		filepath.Join(dir, "Gone.docx"): "does not exist",
		filepath.Join(dir, "House.odt"): ".docx or .dotx",
	} {
		err := CheckTemplate(path)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), filepath.Base(path)) {
			t.Errorf("CheckTemplate(%s) = %v; want it named, with %q", path, err, want)
		}
	}
}

func TestTemplateKeyIsTheOptions(t *testing.T) {
	if templateOption.Key != TemplateKey || !templateOption.File {
		t.Errorf("the template option is %+v, its key const %q", templateOption, TemplateKey)
	}
}
