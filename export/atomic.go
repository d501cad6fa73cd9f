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
// own (see atomicfile). Markdown writes its figures as image files beside
// path, each whole or not at all too (WriteMarkdownFile).
func (f *Format) WriteFile(ctx context.Context, path string, b *domain.Bundle, opts Options) error {
	if f.writeFile != nil {
		checked, err := f.check(opts)
		if err != nil {
			return err
		}
		return f.writeFile(ctx, path, b, checked)
	}
	return atomicfile.Write(ctx, path, documentPerm, func(w io.Writer) error { return f.Write(ctx, w, b, opts) })
}

// documentPerm is the mode asked for a document written for readers:
// 0o666 less the user's umask (0644 under the usual 022), as for any
// document an editor saves. Private files (settings, backups, rescue
// copies) ask 0o600 instead.
const documentPerm = 0o666

// WriteText writes text to path whole, as an export is written and with
// the same permissions: for another document made for readers, such as
// a change note.
func WriteText(ctx context.Context, path, text string) error {
	return atomicfile.Write(ctx, path, documentPerm, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	})
}
