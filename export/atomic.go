package export

import (
	"context"
	"io"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/atomicfile"
)

// WriteFile exports b to path whole or not at all, through atomicfile: a
// failed or cancelled export leaves an earlier file at path as it was and
// no temporary file beside it. A new file gets the permissions the user's
// umask gives documents (0o666 less the umask); a replaced one keeps its
// own (see atomicfile).
func (f *Format) WriteFile(ctx context.Context, path string, b *domain.Bundle, opts Options) error {
	return atomicfile.Write(ctx, path, 0o666, func(w io.Writer) error { return f.Write(ctx, w, b, opts) })
}
