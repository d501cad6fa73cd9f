package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/atomicfile"
	"github.com/attache/attache/store"
	"github.com/spf13/cobra"
)

func (a *cliApp) sourceFileCommand() *cobra.Command {
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "file ID --out FILE",
		Short: "Write the original file kept with a source (a PDF's, within the limit in Settings)",
		Long: `Write the original file a source was imported from, as the library keeps
it: PDFs within the size limit in the app's Settings (100 MB unless changed)
are kept, once however many sources share them, so that their pages can be
shown after the file is moved. An existing FILE is replaced only with
--force. 'attache source show ID' says whether a file is kept.`,
		Args: exactArgs(1, "a source id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usagef("give the file to write with --out FILE")
			}
			id, err := parseID(args[0], "source")
			if err != nil {
				return err
			}
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			f, err := lib.SourceFile(cmd.Context(), id)
			if err != nil {
				return err
			}
			write := atomicfile.WriteNew
			if force {
				write = atomicfile.Write
			}
			err = write(cmd.Context(), out, 0o666, func(w io.Writer) error {
				_, err := w.Write(f.Data)
				return err
			})
			if errors.Is(err, fs.ErrExist) {
				return domain.Errorf(domain.ECONFLICT, "%s already exists: give another --out, or --force to replace it", out)
			}
			if err != nil {
				return err
			}
			printf(a.env.Stdout, "Wrote %s (%s, SHA-256 %s), the original of source %d\n", out, sizeText(int64(len(f.Data))), f.SHA256, id)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "file to write")
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it exists")
	return cmd
}

// sizeText is a file size as people read it: "812 bytes", "2.4 MB".
func sizeText(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// jsonOriginal is the original file kept with a source, in `source show
// --json`; null when none is kept.
type jsonOriginal struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// jsonPageMap says that a source can be read as pages: how many, and how
// many characters of its text are placed on them.
type jsonPageMap struct {
	Pages  int `json:"pages"`
	Glyphs int `json:"glyphs"`
}

func originalOut(info *store.FileInfo) *jsonOriginal {
	if info == nil {
		return nil
	}
	return &jsonOriginal{Name: info.Name, Size: info.Size, SHA256: info.SHA256}
}

func pageMapOut(m *domain.TextMap) *jsonPageMap {
	if m == nil {
		return nil
	}
	return &jsonPageMap{Pages: len(m.Pages), Glyphs: len(m.Glyphs)}
}

// printPaged adds to `source show` what the library keeps of a source's
// pages: its original file and its page map.
func printPaged(w io.Writer, s *domain.Source, info *store.FileInfo) {
	switch {
	case info != nil:
		printf(w, "%-12s %s, %s, SHA-256 %s (kept: attache source file %d --out FILE)\n", "Original:", info.Name, sizeText(info.Size), info.SHA256, s.ID)
	case s.FileName != "":
		printf(w, "%-12s not kept in the library\n", "Original:")
	}
	switch {
	case s.TextMap != nil:
		printf(w, "%-12s %d pages, %d characters placed on them\n", "Page map:", len(s.TextMap.Pages), len(s.TextMap.Glyphs))
	case len(s.Pages) > 0:
		printf(w, "%-12s none (import the PDF again to read it as pages)\n", "Page map:")
	}
}
