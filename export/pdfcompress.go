package export

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"runtime"
	"strconv"
	"sync"
)

// gofpdf compresses each page with a freshly allocated zlib writer, about a
// megabyte of garbage per page, which made a 500-page export twice as slow.
// So the document is written uncompressed and its plain streams are
// compressed here, with one reused writer per CPU, and the cross-reference
// table rebuilt. This relies on the layout gofpdf writes: numbered objects
// in sequence, each ending "endobj\n", then "xref".

var (
	objStart  = regexp.MustCompile(`(?m)^(\d+) 0 obj\n`)
	lengthKey = regexp.MustCompile(`/Length (\d+)`)
)

type pdfObject struct {
	num        int
	head, data []byte // dictionary up to "stream\n"; stream data (nil for none)
	tail       []byte // after the data, through "endobj\n"
	compress   bool
}

func compressStreams(in []byte) ([]byte, error) {
	xref := bytes.LastIndex(in, []byte("\nxref\n"))
	if xref < 0 {
		return nil, fmt.Errorf("compress PDF: no cross-reference table")
	}
	first := objStart.FindIndex(in)
	if first == nil {
		return nil, fmt.Errorf("compress PDF: no objects")
	}
	objs, err := splitObjects(in[first[0] : xref+1])
	if err != nil {
		return nil, err
	}
	if objs, err = orderImages(objs); err != nil {
		return nil, err
	}
	deflateAll(objs)
	return assemble(in[:first[0]], objs, in[xref+1:])
}

func splitObjects(b []byte) ([]*pdfObject, error) {
	var objs []*pdfObject
	for len(b) > 0 {
		m := objStart.FindSubmatchIndex(b)
		if m == nil || m[0] != 0 {
			return nil, fmt.Errorf("compress PDF: unexpected bytes between objects")
		}
		o := &pdfObject{}
		o.num, _ = strconv.Atoi(string(b[m[2]:m[3]]))
		body := b[m[1]:]
		end, err := o.parse(b[:m[1]], body)
		if err != nil {
			return nil, err
		}
		objs = append(objs, o)
		b = body[end:]
	}
	return objs, nil
}

// parse reads one object's body and returns where it ends.
func (o *pdfObject) parse(header, body []byte) (int, error) {
	si := bytes.Index(body, []byte(">>\nstream\n"))
	ei := bytes.Index(body, []byte("endobj\n"))
	if ei < 0 {
		return 0, fmt.Errorf("compress PDF: object %d has no end", o.num)
	}
	if si < 0 || si > ei {
		o.head = append(append([]byte{}, header...), body[:ei+7]...)
		return ei + 7, nil
	}
	dict := body[:si+2]
	lm := lengthKey.FindSubmatch(dict)
	if lm == nil {
		return 0, fmt.Errorf("compress PDF: stream %d has no length", o.num)
	}
	n, _ := strconv.Atoi(string(lm[1]))
	start := si + len(">>\nstream\n")
	if start+n > len(body) {
		return 0, fmt.Errorf("compress PDF: stream %d is cut short", o.num)
	}
	o.head = append(append([]byte{}, header...), dict...)
	o.data = body[start : start+n]
	o.compress = !bytes.Contains(dict, []byte("/Filter"))
	rest := body[start+n:]
	e := bytes.Index(rest, []byte("endobj\n"))
	if e < 0 {
		return 0, fmt.Errorf("compress PDF: stream %d has no end", o.num)
	}
	o.tail = rest[:e+7]
	return start + n + e + 7, nil
}

// deflateAll compresses the plain streams in parallel, one zlib writer per
// worker, reused through Reset.
func deflateAll(objs []*pdfObject) {
	work := make(chan *pdfObject)
	var wg sync.WaitGroup
	for range max(runtime.GOMAXPROCS(0), 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
			for o := range work {
				buf.Reset()
				zw.Reset(&buf)
				zw.Write(o.data)
				zw.Close()
				o.data = append([]byte(nil), buf.Bytes()...)
				o.head = lengthKey.ReplaceAll(o.head, []byte("/Length "+strconv.Itoa(len(o.data))+" /Filter /FlateDecode"))
			}
		}()
	}
	for _, o := range objs {
		if o.compress {
			work <- o
		}
	}
	close(work)
	wg.Wait()
}

// assemble writes the objects back with a new cross-reference table.
func assemble(header []byte, objs []*pdfObject, xrefAndTrailer []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Write(header)
	offsets := map[int]int{}
	for _, o := range objs {
		offsets[o.num] = out.Len()
		out.Write(o.head)
		if o.data != nil {
			out.WriteString("stream\n")
			out.Write(o.data)
			out.Write(o.tail)
		}
	}
	ti := bytes.Index(xrefAndTrailer, []byte("trailer\n"))
	si := bytes.Index(xrefAndTrailer, []byte("startxref\n"))
	if ti < 0 || si < 0 {
		return nil, fmt.Errorf("compress PDF: no trailer")
	}
	xrefAt := out.Len()
	size := len(offsets) + 1
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		off, ok := offsets[n]
		if !ok {
			return nil, fmt.Errorf("compress PDF: object %d is missing", n)
		}
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	out.Write(xrefAndTrailer[ti:si])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", xrefAt)
	return out.Bytes(), nil
}
