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
