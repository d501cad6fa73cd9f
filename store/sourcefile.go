package store

import (
	"context"

	"github.com/attache/attache/domain"
)

// SourceFile implements domain.SourceService.
// CONTRACT STUB: the store helper replaces this with the files table.
func (s *Store) SourceFile(ctx context.Context, id int64) (*domain.OriginalFile, error) {
	return nil, domain.Errorf(domain.ENOTFOUND, "the library keeps no original file for source %d: import the file again to read it as pages", id)
}
