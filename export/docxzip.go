package export

import (
	"archive/zip"
	"compress/flate"
	"io"
	"time"
)

// zipEpoch is every entry's time: the package's bytes depend on the
// briefing alone, never on when it was written.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// writeZip writes parts, in the order given, as a deflated ZIP package.
func writeZip(w io.Writer, parts []part) error {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.DefaultCompression)
	})
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipEpoch})
		if err != nil {
			return err
		}
		if _, err := f.Write(p.data); err != nil {
			return err
		}
	}
	return z.Close()
}
