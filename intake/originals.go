package intake

import (
	"bytes"
	"context"
	"os"

	"github.com/attache/attache/ingest"
)

// Original files. A PDF source is read as pages, which needs the file
// itself (the page view draws it, figures are cut from it), so a PDF's
// bytes go to the library with its source when they are within the limit
// in Settings. Other formats are not kept: their text is all Attaché
// shows of them, and a copy would only double the library's size.

// keepable reads the file at path when it may be kept: a regular file of
// at most limit bytes. It is read once, here, and imported from these
// bytes, so the file kept is the file the text came from even if it
// changes meanwhile. nil when it is not to be kept or cannot be read (the
// import then reads it as usual, and says what is wrong).
func keepable(path string, limit int64) []byte {
	if limit <= 0 {
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > limit || fi.Size() > ingest.DefaultMaxBytes {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil || int64(len(data)) > limit {
		return nil
	}
	return data
}

// importKept imports the file read into data, and gives the source its
// original when the file was a PDF.
func importKept(ctx context.Context, path string, data []byte) (read, error) {
	src, rep, err := ingest.ImportContext(ctx, path, bytes.NewReader(data), ingest.Options{})
	if err != nil {
		return read{}, err
	}
	if rep != nil && rep.Format == "pdf" {
		src.Original = data
	}
	return read{src, rep}, nil
}
