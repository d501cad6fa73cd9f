package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/atomicfile"
)

// CheckTemplate says whether the file at path can be a house template
// for the DOCX: it has a Word extension, it exists, and it starts as every
// .docx and .dotx does, as a zip. It reads four bytes: the command line
// and the app call it before an export, so that a template moved away or
// mistyped is named with what to do, rather than reported by the writer
// halfway through. "" (Attaché's own) is fine. What is wrong is a
// *TemplateError.
func CheckTemplate(path string) error {
	p := strings.TrimSpace(path)
	if p == "" {
		return nil
	}
	if _, err := templateOption.Parse(p); err != nil {
		return &TemplateError{Code: domain.EINVALID, Path: p, Problem: "is not a .docx or .dotx file", Fix: chooseAnother}
	}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return &TemplateError{Code: domain.ENOTFOUND, Path: p, Problem: "does not exist", Fix: chooseAnother}
	}
	if err != nil {
		return &TemplateError{Code: domain.EINVALID, Path: p, Problem: fmt.Sprintf("cannot be read (%v)", err), Fix: chooseAnother}
	}
	defer f.Close()
	head := make([]byte, 4)
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, []byte("PK\x03\x04")) {
		return &TemplateError{Code: domain.EINVALID, Path: p, Problem: "is not a Word file",
			Fix: "save it from Word as a .docx or .dotx, or leave the template empty for Attaché's own"}
	}
	return nil
}

const chooseAnother = "choose another .docx or .dotx, or leave the template empty for Attaché's own"

// TemplateError is what is wrong with a house template: the file and its
// fault ("does not exist"), apart from what to do about it, so that the
// app can name its own controls (a Clear button, Settings) where the
// command line says to leave the option empty (Fix). It reads as a
// domain error of Code.
type TemplateError struct {
	Code    string // a domain error code: ENOTFOUND, EINVALID
	Path    string
	Problem string // "does not exist", "is not a Word file"
	Fix     string // the command line's advice
}

func (e *TemplateError) Error() string {
	return "the house template " + e.Path + " " + e.Problem + ": " + e.Fix
}

// Unwrap is the domain error, for its code (domain.ErrorCode).
func (e *TemplateError) Unwrap() error { return &domain.Error{Code: e.Code, Message: e.Error()} }

// TemplateKey is the key of the DOCX's house template option: the flag,
// the settings key, the Options key.
const TemplateKey = "template"

// WriteTemplateFile writes Attaché's own house template (WriteDOCXTemplate)
// to path whole or not at all, for a team to restyle in Word and give
// back as the template. path must end in .dotx or .docx, so that the
// file written can be chosen as the template as it is.
func WriteTemplateFile(ctx context.Context, path string) error {
	if err := CheckTemplateName(path); err != nil {
		return err
	}
	return atomicfile.Write(ctx, path, 0o666, WriteDOCXTemplate)
}

// CheckTemplateName refuses a name to save the template under that the
// template option would not take back: its own message, since the
// option's says to leave it empty, which an output file cannot be.
func CheckTemplateName(path string) error {
	if slices.Contains(templateOption.Exts, strings.ToLower(filepath.Ext(strings.TrimSpace(path)))) {
		return nil
	}
	return domain.Errorf(domain.EINVALID, "%q: the template must be saved as .dotx or .docx, to be chosen as the template as it is", path)
}
