package export

import (
	"context"
	"io"

	"github.com/attache/attache/domain"
)

// writeDOCXFormat is the DOCX writer's entry from the format registry.
// BASE STUB: the DOCX writer replaces this file.
func writeDOCXFormat(ctx context.Context, w io.Writer, b *domain.Bundle, opts Options) error {
	return domain.Errorf(domain.EINVALID, "DOCX export is not written yet")
}

// WriteDOCXTemplate writes Attaché's own house template, a .dotx with
// the styles, page and header and footer layout the DOCX export uses,
// for an analyst or a team to restyle and name in Settings.
// BASE STUB: the DOCX writer replaces this file.
func WriteDOCXTemplate(w io.Writer) error {
	return domain.Errorf(domain.EINVALID, "the DOCX template is not written yet")
}
