package domain

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"sync"
)

// A TextMap is kept as bytes: a 100-page report has some 300,000 glyphs, so
// each is packed in a few bytes (offsets and pages as deltas, boxes in
// 1/65535ths of the page) and the whole compressed.

const textMapMagic = "ATM1"

// maxTextMapBytes bounds what UnmarshalBinary unpacks, so a damaged or
// hostile map cannot take the process's memory: far above the glyphs of
// the largest text a source holds.
const maxTextMapBytes = 512 << 20

// MarshalBinary packs the map.
func (m *TextMap) MarshalBinary() ([]byte, error) {
	var raw bytes.Buffer
	put := func(v uint64) { raw.Write(binary.AppendUvarint(nil, v)) }
	putF := func(f float32) { raw.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(f))) }
	put(uint64(len(m.Pages)))
	for _, p := range m.Pages {
		putF(p.W)
		putF(p.H)
	}
	put(uint64(len(m.Glyphs)))
	prevOff, prevPage := int32(-1), int32(0)
	for _, g := range m.Glyphs {
		if g.Offset <= prevOff || g.Page < 0 {
			return nil, Errorf(EINVALID, "the page map is out of order at offset %d", g.Offset)
		}
		put(uint64(g.Offset - prevOff))
		put(zigzag(g.Page - prevPage))
		for _, f := range [4]float32{g.Box.X0, g.Box.Y0, g.Box.X1, g.Box.Y1} {
			raw.Write(binary.LittleEndian.AppendUint16(nil, quantize(f)))
		}
		prevOff, prevPage = g.Offset, g.Page
	}
	var out bytes.Buffer
	out.WriteString(textMapMagic)
	w, _ := flate.NewWriter(&out, flate.BestSpeed)
	if _, err := w.Write(raw.Bytes()); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// UnmarshalBinary unpacks a map packed by MarshalBinary.
func (m *TextMap) UnmarshalBinary(data []byte) error {
	bad := func() error { return Errorf(EINVALID, "the page map is damaged: import the PDF again") }
	if !bytes.HasPrefix(data, []byte(textMapMagic)) {
		return bad()
	}
	raw, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(data[len(textMapMagic):])), maxTextMapBytes+1))
	if err != nil || len(raw) > maxTextMapBytes {
		return bad()
	}
	r := bytes.NewReader(raw)
	get := func() uint64 {
		v, e := binary.ReadUvarint(r)
		err = errors.Join(err, e)
		return v
	}
	var buf [4]byte
	getF := func() float32 {
		_, e := io.ReadFull(r, buf[:4])
		err = errors.Join(err, e)
		return math.Float32frombits(binary.LittleEndian.Uint32(buf[:4]))
	}
	getQ := func() float32 {
		_, e := io.ReadFull(r, buf[:2])
		err = errors.Join(err, e)
		return float32(binary.LittleEndian.Uint16(buf[:2])) / 65535
	}
	n := get()
	if err != nil || n > uint64(r.Len()/8) {
		return bad()
	}
	pages := make([]PageSize, n)
	for i := range pages {
		pages[i] = PageSize{W: getF(), H: getF()}
	}
	n = get()
	if err != nil || n > uint64(r.Len()/10) {
		return bad()
	}
	glyphs := make([]Glyph, n)
	off, page := int64(-1), int64(0)
	for i := range glyphs {
		off += int64(get())
		page += unzigzag(get())
		if off > math.MaxInt32 || page < 0 || page > math.MaxInt32 {
			return bad()
		}
		glyphs[i] = Glyph{Offset: int32(off), Page: int32(page), Box: PageRect{getQ(), getQ(), getQ(), getQ()}}
	}
	if err != nil {
		return bad()
	}
	m.Pages, m.Glyphs = pages, glyphs
	m.once, m.byPage = sync.Once{}, nil
	return nil
}

func quantize(f float32) uint16 {
	return uint16(math.Round(float64(min(max(f, 0), 1)) * 65535))
}

func zigzag(v int32) uint64 { return uint64(uint32((v << 1) ^ (v >> 31))) }

func unzigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }
