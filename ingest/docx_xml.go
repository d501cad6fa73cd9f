package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// maxXMLDepth bounds element nesting in the parts of a .docx; Word's own
// documents stay far below it, even with tables in text boxes in tables.
const maxXMLDepth = 256

var errXMLTooDeep = errors.New("elements are nested more than 256 deep")

// xmlReader hands out the tokens of a part while enforcing maxXMLDepth. It
// serves both the streaming document parser and xml.Unmarshal (through
// xml.NewTokenDecoder), so no part can nest without limit. encoding/xml
// expands no DTD entities, so entity bombs cannot work either.
type xmlReader struct {
	d     *xml.Decoder
	depth int
}

func newXMLReader(data []byte) *xmlReader {
	return &xmlReader{d: xml.NewDecoder(bytes.NewReader(data))}
}

func (r *xmlReader) Token() (xml.Token, error) {
	t, err := r.d.Token()
	switch t.(type) {
	case xml.StartElement:
		if r.depth++; r.depth > maxXMLDepth {
			return nil, errXMLTooDeep
		}
	case xml.EndElement:
		r.depth--
	}
	return t, err
}

// decodeXML unmarshals a small part (properties, styles, numbering).
func decodeXML(data []byte, v any) error {
	return xml.NewTokenDecoder(newXMLReader(data)).Decode(v)
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// on reads an OOXML boolean property: present means true unless its value
// says otherwise.
func on(e xml.StartElement) bool {
	switch strings.ToLower(attr(e, "val")) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// docxPara is one paragraph of the document (or one table row).
type docxPara struct {
	text  string // as imported, list label included
	plain string // without the list label, for titles
	style styleInfo
	table bool
}

type openPara struct {
	b      strings.Builder
	style  string
	numID  string
	ilvl   int
	hasNum bool
}

type openTable struct{ cells, cell []string }

// docxParser walks document.xml (or footnotes.xml) as a token stream:
// documents can be large, and a tree would cost several times their size.
type docxParser struct {
	styles  docxStyles
	lists   *docxLists
	notes   *docxNotes
	out     []docxPara
	names   []string // open elements by local name
	skip    int      // >0 inside content Word does not show
	paras   []*openPara
	tables  []*openTable
	hidden  bool   // the current run is hidden text
	noteKey string // in a notes part: the note being read
	tracked bool   // the document has tracked changes
}

func (p *docxParser) parent(up int) string {
	if n := len(p.names) - up; n >= 0 {
		return p.names[n]
	}
	return ""
}

func (p *docxParser) parse(data []byte) error {
	r := newXMLReader(data)
	for {
		t, err := r.Token()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			p.start(t)
			p.names = append(p.names, t.Name.Local)
		case xml.EndElement:
			p.names = p.names[:max(len(p.names)-1, 0)]
			p.end(t.Name.Local)
		case xml.CharData:
			if p.skip == 0 && !p.hidden && p.parent(1) == "t" && len(p.paras) > 0 {
				p.write(string(t))
			}
		}
	}
}

func (p *docxParser) write(s string) { p.paras[len(p.paras)-1].b.WriteString(s) }

func (p *docxParser) start(e xml.StartElement) {
	if p.skip > 0 {
		p.skip++
		return
	}
	par := p.parent(1)
	inRun := par == "r" && len(p.paras) > 0
	switch e.Name.Local {
	case "del", "moveFrom": // tracked deletions: the text as if changes were accepted
		p.tracked, p.skip = true, 1
	case "ins", "moveTo":
		p.tracked = true
	case "Fallback": // mc:Fallback repeats mc:Choice (text boxes in VML)
		p.skip = 1
	case "footnote", "endnote":
		if t := attr(e, "type"); t != "" && t != "normal" { // separators
			p.skip = 1
		} else {
			p.noteKey = e.Name.Local[:1] + attr(e, "id")
		}
	case "p":
		p.paras = append(p.paras, &openPara{})
	case "pStyle":
		if par == "pPr" && len(p.paras) > 0 {
			p.paras[len(p.paras)-1].style = attr(e, "val")
		}
	case "numId", "ilvl":
		if par == "numPr" && p.parent(2) == "pPr" && len(p.paras) > 0 {
			op := p.paras[len(p.paras)-1]
			if e.Name.Local == "numId" {
				op.numID, op.hasNum = attr(e, "val"), true
			} else if n, err := strconv.Atoi(attr(e, "val")); err == nil {
				op.ilvl = min(max(n, 0), 8)
			}
		}
	case "r":
		p.hidden = false
	case "vanish":
		if par == "rPr" && p.parent(2) == "r" {
			p.hidden = on(e)
		}
	case "tab", "ptab", "br", "cr", "noBreakHyphen", "sym", "footnoteReference", "endnoteReference":
		if inRun && !p.hidden {
			p.write(p.runMark(e))
		}
	case "tbl":
		p.tables = append(p.tables, &openTable{})
	case "tc":
		if len(p.tables) > 0 {
			p.tables[len(p.tables)-1].cell = nil
		}
	}
}

// runMark is the text of an empty run element. w:softHyphen gives nothing:
// it is only a place where Word may break a word.
func (p *docxParser) runMark(e xml.StartElement) string {
	switch e.Name.Local {
	case "tab", "ptab":
		return "\t"
	case "br", "cr":
		return "\n"
	case "noBreakHyphen":
		return "\u2011"
	case "sym":
		return symText(attr(e, "font"), attr(e, "char"))
	}
	return "[" + strconv.Itoa(p.notes.ref(e.Name.Local[:1]+attr(e, "id"))) + "]"
}

func (p *docxParser) end(name string) {
	if p.skip > 0 {
		p.skip--
		return
	}
	switch name {
	case "r":
		p.hidden = false
	case "footnote", "endnote":
		p.noteKey = ""
	case "p":
		if n := len(p.paras); n > 0 {
			op := p.paras[n-1]
			p.paras = p.paras[:n-1]
			if para, ok := p.finish(op); ok {
				p.emit(para)
			}
		}
	case "tc":
		if n := len(p.tables); n > 0 {
			t := p.tables[n-1]
			if c := strings.Join(t.cell, " "); c != "" {
				t.cells = append(t.cells, c)
			}
			t.cell = nil
		}
	case "tr":
		if n := len(p.tables); n > 0 {
			t := p.tables[n-1]
			row := strings.Join(t.cells, " | ")
			t.cells = nil
			p.tables = p.tables[:n-1] // the row belongs to the enclosing cell, if any
			if row != "" {
				p.emit(docxPara{text: row, plain: row, table: true})
			}
			p.tables = append(p.tables, t)
		}
	case "tbl":
		if n := len(p.tables); n > 0 {
			p.tables = p.tables[:n-1]
		}
	}
}

// emit sends a finished paragraph to the open table cell, the note being
// read, or the document body.
func (p *docxParser) emit(para docxPara) {
	switch {
	case len(p.tables) > 0:
		t := p.tables[len(p.tables)-1]
		t.cell = append(t.cell, strings.ReplaceAll(para.text, "\n", " "))
	case p.noteKey != "":
		p.notes.text[p.noteKey] = append(p.notes.text[p.noteKey], para.text)
	default:
		p.out = append(p.out, para)
	}
}

// finish cleans a paragraph's text and gives it its list label. The label
// is counted even for an empty paragraph, as Word numbers those too.
func (p *docxParser) finish(op *openPara) (docxPara, bool) {
	info := p.styles.info(op.style)
	numID, ilvl := info.numID, info.ilvl
	if op.hasNum {
		numID, ilvl = op.numID, op.ilvl
	}
	label := p.lists.label(numID, ilvl)
	lines := splitLines(cleanInput(op.b.String()))
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, " \t")
	}
	plain := strings.Trim(strings.Join(lines, "\n"), "\n")
	if isBlank(plain) || info.kind == styleTOC {
		return docxPara{}, false
	}
	return docxPara{text: label + plain, plain: plain, style: info}, true
}
