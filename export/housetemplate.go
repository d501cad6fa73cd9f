package export

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/atomicfile"
)

// CheckTemplate says whether the file at path can be a house template
// for the DOCX: it has a Word extension (the template option's Parse), it
// exists, and it starts as every .docx and .dotx does, as a zip. It reads
// four bytes: the command line and the app call it before an export, so
// that a template moved away or mistyped is named with what to do, rather
// than reported by the writer halfway through. "" (Attaché's own) is fine.
func CheckTemplate(path string) error {
	p, err := templateOption.Parse(path)
	if err != nil || p == "" {
		return err
	}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return domain.Errorf(domain.ENOTFOUND, "the house template %s does not exist: choose another .docx or .dotx, or leave the template empty for Attaché's own", p)
	}
	if err != nil {
		return domain.Errorf(domain.EINVALID, "the house template %s cannot be read (%v): choose another .docx or .dotx, or leave the template empty for Attaché's own", p, err)
	}
	defer f.Close()
	head := make([]byte, 4)
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, []byte("PK\x03\x04")) {
		return domain.Errorf(domain.EINVALID, "the house template %s is not a Word file: save it from Word as a .docx or .dotx, or leave the template empty for Attaché's own", p)
	}
	return nil
}

// TemplateKey is the key of the DOCX's house template option: the flag,
// the settings key, the Options key.
const TemplateKey = "template"

// WriteTemplateFile writes Attaché's own house template (WriteDOCXTemplate)
// to path whole or not at all, for a team to restyle in Word and give
// back as the template. path must end in .dotx or .docx, so that the
// file written can be chosen as the template as it is.
func WriteTemplateFile(ctx context.Context, path string) error {
	if _, err := templateOption.Parse(path); err != nil {
		return err
	}
	return atomicfile.Write(ctx, path, 0o666, WriteDOCXTemplate)
}
