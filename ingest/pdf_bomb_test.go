package ingest

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// zlibZeros is a zlib stream that inflates to mib MiB of the byte fill, at
// about a thousandth of that: one compressed MiB, flushed to a byte
// boundary, repeated (each copy refers only to bytes it wrote itself), then
// an empty final block and the Adler-32 of the whole, so that the stream is
// valid to the last byte.
func zlibZeros(mib int, fill byte) []byte {
	var c bytes.Buffer
	w, _ := flate.NewWriter(&c, flate.BestCompression)
	w.Write(bytes.Repeat([]byte{fill}, 1<<20))
	w.Flush()
	var out bytes.Buffer
	out.Write([]byte{0x78, 0xDA})
	for range mib {
		out.Write(c.Bytes())
	}
	out.Write([]byte{0x03, 0x00}) // final block of fixed codes, empty
	const mod = 65521
	n := uint64(mib) << 20
	var half uint64 // n(n+1)/2 mod 65521
	if n%2 == 0 {
		half = (n / 2 % mod) * ((n + 1) % mod) % mod
	} else {
		half = (n % mod) * ((n + 1) / 2 % mod) % mod
	}
	a := (1 + uint64(fill)*(n%mod)) % mod
	b := (n%mod + uint64(fill)*half) % mod
	out.Write([]byte{byte(b >> 8), byte(b), byte(a >> 8), byte(a)})
	return out.Bytes()
}

// bombPDF is a one-page PDF with a line of text and a second content
// stream that inflates to mib MiB of spaces: the file is about mib KiB.
func bombPDF(mib int) []byte {
	var p bytes.Buffer
	var offs []int
	obj := func(format string, a ...any) {
		offs = append(offs, p.Len())
		fmt.Fprintf(&p, "%d 0 obj\n", len(offs))
		fmt.Fprintf(&p, format, a...)
		p.WriteString("\nendobj\n")
	}
	p.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [4 0 R 5 0 R] " +
		"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>")
	text := "BT /F1 12 Tf 72 700 Td (A page of text before the bomb.) Tj ET"
	obj("<< /Length %d >>\nstream\n%s\nendstream", len(text), text)
	bomb := zlibZeros(mib, ' ')
	obj("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(bomb), bomb)
	xref := p.Len()
	fmt.Fprintf(&p, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&p, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&p, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return p.Bytes()
}

// The bomb generator must make what it claims, or the test below proves
// nothing: a small bomb inflates to exactly its size, all spaces, and the
// same PDF with a harmless stream imports.
func TestBombPDFIsWhatItSays(t *testing.T) {
	zr, err := zlib.NewReader(bytes.NewReader(zlibZeros(3, ' ')))
	if err != nil {
		t.Fatal(err)
	}
	r, err := io.ReadAll(zr) // fails on a wrong checksum
	if err != nil {
		t.Fatal(err)
	}
	if len(r) != 3<<20 || len(bytes.Trim(r, " ")) != 0 {
		t.Fatalf("inflated %d bytes, want %d spaces", len(r), 3<<20)
	}
	src, _, err := Import("small.pdf", bytes.NewReader(bombPDF(3)), Options{})
	if err != nil {
		t.Fatalf("a 3 MiB stream of spaces: %v", err)
	}
	if !strings.Contains(src.Text, "A page of text before the bomb.") {
		t.Errorf("text = %q", src.Text)
	}
}

// A 4 MB PDF whose content inflates to 4 GiB is refused for what it is,
// the engine's memory stays under the cap, and the next PDF imports.
func TestPDFBombIsRefusedWithinTheMemoryCap(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	data := bombPDF(4000)
	if len(data) > 5<<20 {
		t.Fatalf("the bomb is %d bytes, want under 5 MiB", len(data))
	}
	start := time.Now()
	var mems []*pdfMemory
	_, _, err := readPDFFile(context.Background(), input{name: "bomb.pdf", label: "bomb.pdf"}, data, time.Minute, &mems)
	t.Logf("bomb read in %v: %v", time.Since(start), err)
	hit := false
	for _, m := range mems {
		if p := m.Peak(); p > pdfMemoryLimit {
			t.Errorf("engine memory peaked at %d bytes, over the %d cap", p, pdfMemoryLimit)
		}
		hit = hit || m.Hit()
	}
	if !hit {
		t.Fatal("the bomb did not reach the memory cap")
	}
	_, _, err = Import("bomb.pdf", bytes.NewReader(data), Options{})
	if err == nil || !strings.Contains(err.Error(), "bomb.pdf was not read: it needs more than 512 MB of memory") ||
		!strings.Contains(err.Error(), "save a new copy") {
		t.Fatalf("err = %v, want the memory refusal with what to do", err)
	}
	src, _ := importFX(t, longReport(2))
	if !strings.Contains(src.Text, "interconnectors") {
		t.Errorf("the PDF after the bomb: %q", src.Text)
	}
}

// A real document stays far below the cap: a 30-page report, read by two
// engines, uses a small part of it.
func TestPDFMemoryOfAGenuineReport(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	var mems []*pdfMemory
	src, _, err := readPDFFile(context.Background(), input{name: "long.pdf", label: "long.pdf"}, longReport(30).bytes(t), time.Minute, &mems)
	if err != nil || len(src.Pages) != 29 {
		t.Fatalf("err %v", err)
	}
	for _, m := range mems {
		t.Logf("engine memory peak: %d MiB", m.Peak()>>20)
		if m.Hit() || m.Peak() > pdfMemoryLimit/4 {
			t.Errorf("engine memory peak %d MiB", m.Peak()>>20)
		}
	}
}

// A page that runs past the time limit cannot be interrupted, but the
// import is given up on time, with what to do, and the next one works.
func TestPDFOverTheTimeLimitIsGivenUpOnTime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	data := bombPDF(400)       // one page of about 1.5 s: under the memory cap, over this limit
	importFX(t, longReport(1)) // the engine started
	oldLimit, oldGrace := pdfTimeout, pdfGrace
	pdfTimeout, pdfGrace = 100*time.Millisecond, 100*time.Millisecond
	start := time.Now()
	_, _, err := Import("slow.pdf", bytes.NewReader(data), Options{})
	took := time.Since(start)
	pdfTimeout, pdfGrace = oldLimit, oldGrace
	if err == nil || !strings.Contains(err.Error(), "slow.pdf took more than 100ms to read and was given up") {
		t.Fatalf("err = %v", err)
	}
	if took > time.Second {
		t.Errorf("given up after %v, want about 0.2 s", took)
	}
	src, _ := importFX(t, longReport(1))
	if !strings.Contains(src.Text, "interconnectors") {
		t.Errorf("the PDF after: %q", src.Text)
	}
}
