package export

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"
)

// pdfStream is one stream of a PDF: its dictionary and its data,
// inflated when it is compressed.
type pdfStream struct {
	dict, data []byte
}

var streamHead = regexp.MustCompile(`(?s)<<((?:[^<>]|<<[^<>]*>>)*)>>\s*stream\r?\n`)

// pdfStreams reads every stream of a PDF as Attaché writes it (each
// stream's dictionary gives its length), inflating the compressed ones.
func pdfStreams(t *testing.T, pdf []byte) []pdfStream {
	t.Helper()
	var out []pdfStream
	for _, m := range streamHead.FindAllSubmatchIndex(pdf, -1) {
		dict := pdf[m[2]:m[3]]
		lm := regexp.MustCompile(`/Length (\d+)`).FindSubmatch(dict)
		if lm == nil {
			t.Fatalf("a stream without a length: %s", dict)
		}
		n, _ := strconv.Atoi(string(lm[1]))
		data := pdf[m[1] : m[1]+n]
		if bytes.Contains(dict, []byte("/FlateDecode")) {
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("a stream does not inflate: %v", err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				t.Fatalf("a stream does not inflate: %v", err)
			}
		}
		out = append(out, pdfStream{dict: dict, data: data})
	}
	return out
}

// pageStreams are the pages' content streams in page order: gofpdf
// writes each page's contents, whose dictionary has only a length and
// filter, before the page object.
func pageStreams(t *testing.T, pdf []byte) [][]byte {
	t.Helper()
	var out [][]byte
	for _, s := range pdfStreams(t, pdf) {
		if bytes.Contains(s.data, []byte(" Td")) || bytes.Contains(s.data, []byte(" re f")) {
			if !bytes.Contains(s.dict, []byte("/Length1")) && !bytes.Contains(s.dict, []byte("/Subtype")) {
				out = append(out, s.data)
			}
		}
	}
	return out
}
