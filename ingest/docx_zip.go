package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"path"
	"strings"

	"github.com/attache/attache/domain"
)

// Limits on what a .docx package may make the importer unpack. A Word
// document's text part is rarely more than a few megabytes; the caps stop
// zip bombs (small archives that expand to gigabytes) and archives with
// millions of entries before they cost memory or time.
const (
	maxDOCXEntries = 5000     // parts in the package
	maxDOCXText    = 64 << 20 // word/document.xml, uncompressed
	maxDOCXPart    = 16 << 20 // footnotes, endnotes, styles, numbering
	maxDOCXSmall   = 1 << 20  // properties and relationships
	maxDOCXTotal   = 96 << 20 // everything unpacked from one package
	maxDOCXRatio   = 500      // uncompressed ÷ compressed above ratioFloor; XML rarely passes 100, zeros reach 1000
	ratioFloor     = 1 << 20
)

// cfbMagic starts a Compound File: an old .doc, or a password-protected
// .docx, which Word wraps in the same container.
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// docxPackage is an opened .docx and the bytes unpacked from it so far.
type docxPackage struct {
	base  string
	files map[string]*zip.File // by lower-case part name: OPC names ignore case
	rels  map[string]*docxRels // relationship parts read so far
	total int64
}

func errDamaged(base, why string) error {
	return domain.Errorf(domain.EINVALID, "%s is damaged or incomplete (%s): open it in Word, save a new copy "+
		"and import that, or save it as .txt", base, why)
}

func errEncrypted(base string) error {
	return domain.Errorf(domain.EINVALID, "%s is password-protected or in the old .doc format: save it as .docx "+
		"(without a password) or .txt and import that", base)
}

// errBomb says why a package was not unpacked; why is a clause such as
// "its part word/document.xml would unpack to more than 64 MB".
func errBomb(base, why string) error {
	return domain.Errorf(domain.EINVALID, "%s was not unpacked: %s, as ZIP bombs do; if it is a genuine "+
		"document, save it as .txt and import that", base, why)
}

// zipEntryCount reads the entry count from the end-of-central-directory
// record (or its ZIP64 form), so that an archive with millions of entries is
// refused before archive/zip allocates a header for each.
func zipEntryCount(data []byte) (uint64, bool) {
	const eocdLen, locLen = 22, 20
	start := max(0, len(data)-eocdLen-0xFFFF) // the record ends with a comment of up to 64 KiB
	i := bytes.LastIndex(data[start:], []byte("PK\x05\x06"))
	if i < 0 || start+i+eocdLen > len(data) {
		return 0, false
	}
	at := start + i
	rec := data[at:]
	n := uint64(binary.LittleEndian.Uint16(rec[10:]))
	if n != 0xFFFF && binary.LittleEndian.Uint32(rec[16:]) != 0xFFFFFFFF {
		return n, true
	}
	// ZIP64: a locator just before the record gives the ZIP64 record's offset.
	if at < locLen || !bytes.HasPrefix(data[at-locLen:], []byte("PK\x06\x07")) {
		return 0, false
	}
	off := binary.LittleEndian.Uint64(data[at-locLen+8:])
	if off > uint64(len(data)) || uint64(len(data))-off < 56 || !bytes.HasPrefix(data[off:], []byte("PK\x06\x06")) {
		return 0, false
	}
	return binary.LittleEndian.Uint64(data[off+32:]), true
}

func openDOCX(base string, data []byte) (*docxPackage, error) {
	n, ok := zipEntryCount(data)
	if !ok {
		return nil, errDamaged(base, "its ZIP directory is missing, so the file was probably cut short")
	}
	if n > maxDOCXEntries {
		return nil, errBomb(base, "its ZIP directory lists more parts than any Word document has")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // nothing is written to disk: odd names are harmless
		return nil, errDamaged(base, "its ZIP structure cannot be read")
	}
	p := &docxPackage{base: base, files: make(map[string]*zip.File, len(zr.File)), rels: map[string]*docxRels{}}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := p.files[name]; !dup {
			p.files[name] = f
		}
	}
	return p, nil
}

// read unpacks one part, nil when the package has no such part. Both the
// size the ZIP header declares and the bytes actually produced are checked,
// since a crafted header can lie.
func (p *docxPackage) read(name string, limit int64) ([]byte, error) {
	f := p.files[strings.ToLower(name)]
	if f == nil {
		return nil, nil
	}
	if f.Flags&1 != 0 {
		return nil, errEncrypted(p.base)
	}
	limit = min(limit, maxDOCXTotal-p.total)
	tooBig := errBomb(p.base, "its part "+name+" would unpack to more than "+humanSize(limit))
	if f.UncompressedSize64 > uint64(limit) {
		return nil, tooBig
	}
	if f.UncompressedSize64 > ratioFloor && f.UncompressedSize64/max(f.CompressedSize64, 1) > maxDOCXRatio {
		return nil, errBomb(p.base, "its part "+name+" claims to expand more than 500 times its packed size")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, errDamaged(p.base, name+" cannot be unpacked")
	}
	defer rc.Close()
	data, over, err := readAtMost(rc, limit)
	switch {
	case errors.Is(err, zip.ErrFormat): // archive/zip stops where the declared size ends
		return nil, errBomb(p.base, "its part "+name+" holds more data than its header declares")
	case err != nil:
		return nil, errDamaged(p.base, name+" cannot be unpacked: "+err.Error())
	case over:
		return nil, tooBig
	case len(data) > ratioFloor && uint64(len(data))/max(f.CompressedSize64, 1) > maxDOCXRatio:
		return nil, errBomb(p.base, "its part "+name+" expands more than 500 times its packed size")
	}
	p.total += int64(len(data))
	return data, nil
}

type docxRels struct {
	Rels []struct {
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

// related finds the parts that relsPart links to with relationship types
// ending in kind ("/officeDocument", "/footnotes"), as part names; when the
// relationships cannot be read, fallback is the usual name.
func (p *docxPackage) related(relsPart, kind, fallback string) string {
	rels, seen := p.rels[relsPart]
	if !seen {
		data, err := p.read(relsPart, maxDOCXSmall)
		rels = &docxRels{}
		if err != nil || data == nil || decodeXML(data, rels) != nil {
			rels = nil
		}
		p.rels[relsPart] = rels
	}
	if rels == nil {
		return fallback
	}
	// The relationships of dir/x.xml live in dir/_rels/x.xml.rels.
	dir := path.Dir(path.Dir(relsPart))
	for _, r := range rels.Rels {
		if !strings.HasSuffix(r.Type, kind) || strings.EqualFold(r.Mode, "External") {
			continue
		}
		name := path.Join(dir, r.Target)
		if strings.HasPrefix(r.Target, "/") {
			name = path.Clean(r.Target)
		}
		if name = strings.TrimPrefix(name, "/"); p.files[strings.ToLower(name)] != nil {
			return name
		}
	}
	return fallback
}
