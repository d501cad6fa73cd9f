package export

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// The numbering part. Attaché's own has one list, the key judgments';
// a house template's styles (a List Number, numbered headings) point
// into the template's own numbering.xml by w:numId, so the export keeps
// the template's definitions as they are, ids and all, and gives its own
// list ids the template does not use. The template's ids stay because
// its styles, and its headers and footers, are copied as they are: they
// would all need rewriting were the template's ids the ones to move.

const nsWML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// judgmentList is the numId of the key judgments' list when no template
// numbering is in the way.
const judgmentList = 1

// numberingDefs is a template's numbering.xml cut into its definitions,
// each kept byte for byte, by the kind the schema orders them in
// (CT_Numbering: numPicBullet*, abstractNum*, num*, numIdMacAtCleanup?).
type numberingDefs struct {
	root       string   // the start tag: it declares the prefixes the definitions use
	picBullets []string // w:numPicBullet
	abstracts  []string // w:abstractNum
	nums       []string // w:num
	cleanup    string   // w:numIdMacAtCleanup, "" for none
	abstractID map[int]bool
	numID      map[int]bool
	linked     map[string]bool // styles tied to a list of the template's
	rels       *relSet         // the picture bullets' pictures, nil for none
}

// parseNumbering reads a numbering part. It returns nil for one that
// defines nothing, and an error for one that is not well-formed, whose
// root is not w:numbering, or whose ids are not numbers: what Word
// itself would refuse to open.
func parseNumbering(data []byte) (*numberingDefs, error) {
	n := &numberingDefs{abstractID: map[int]bool{}, numID: map[int]bool{}, linked: map[string]bool{}}
	d := xml.NewDecoder(bytes.NewReader(data))
	var stack []xml.Name // open elements, the root first
	var start int64      // where the open definition began
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name)
			switch len(stack) {
			case 1:
				if n.root != "" {
					return nil, errors.New("more than one root element")
				}
				n.root = string(data[off:d.InputOffset()])
				// Attaché's own list is written with the w prefix, so the
				// root must bind it, as Word's always does.
				if t.Name.Space != nsWML || t.Name.Local != "numbering" || !strings.HasPrefix(n.root, "<w:numbering") {
					return nil, errors.New("the root is not w:numbering")
				}
			case 2:
				start = off
				if err := n.noteID(t); err != nil {
					return nil, err
				}
			default:
				parent := stack[len(stack)-2]
				if t.Name.Space == nsWML && t.Name.Local == "pStyle" && parent.Space == nsWML && parent.Local == "lvl" {
					n.linked[wAttr(t, "val")] = true
				}
			}
		case xml.EndElement:
			if len(stack) == 2 {
				n.add(stack[1], string(data[start:d.InputOffset()]))
			}
			stack = stack[:len(stack)-1]
		}
	}
	if n.root == "" {
		return nil, errors.New("no root element")
	}
	// Nothing defined (an empty or self-closed root): Attaché's own part
	// serves, and n.root, which may end in "/>", is never written.
	if len(n.picBullets)+len(n.abstracts)+len(n.nums) == 0 {
		return nil, nil
	}
	return n, nil
}

// noteID records the id a definition declares, which Attaché's own list
// must then not use.
func (n *numberingDefs) noteID(t xml.StartElement) error {
	if t.Name.Space != nsWML {
		return nil
	}
	var ids map[int]bool
	attr := ""
	switch t.Name.Local {
	case "abstractNum":
		ids, attr = n.abstractID, "abstractNumId"
	case "num":
		ids, attr = n.numID, "numId"
	default:
		return nil
	}
	v := wAttr(t, attr)
	id, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return errors.New("w:" + t.Name.Local + " has w:" + attr + "=\"" + v + "\", which is not a number")
	}
	ids[id] = true
	return nil
}

// add keeps a definition in its kind's group; what the schema does not
// allow at the top of w:numbering is left behind, as Word would drop it.
func (n *numberingDefs) add(name xml.Name, elem string) {
	if name.Space != nsWML {
		return
	}
	switch name.Local {
	case "numPicBullet":
		n.picBullets = append(n.picBullets, elem)
	case "abstractNum":
		n.abstracts = append(n.abstracts, elem)
	case "num":
		n.nums = append(n.nums, elem)
	case "numIdMacAtCleanup":
		n.cleanup = elem
	}
}

func wAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Space == nsWML && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// freeID is want, or, when the template uses it, one past the
// template's highest: the same template always gives the same id.
func freeID(want int, used map[int]bool) int {
	if !used[want] {
		return want
	}
	high := want
	for id := range used {
		high = max(high, id)
	}
	return high + 1
}

// ownList is Attaché's one list, "1." for the key judgments, hanging as
// the List Number style hangs, as an abstractNum and a num with the ids
// given. link ties its level to the List Number style; it is left out
// where a template's own list is tied to that style, as a style can
// belong to one list only.
func ownList(abstractID, numID int, link bool) (abstract, num string) {
	style := ""
	if link {
		style = `<w:pStyle w:val="` + stListNumber + `"/>`
	}
	abstract = `<w:abstractNum w:abstractNumId="` + itoa(abstractID) + `"><w:multiLevelType w:val="singleLevel"/>` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>` + style +
		`<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="400" w:hanging="400"/></w:pPr></w:lvl>` +
		`</w:abstractNum>`
	num = `<w:num w:numId="` + itoa(numID) + `"><w:abstractNumId w:val="` + itoa(abstractID) + `"/></w:num>`
	return abstract, num
}

// numberingXML is Attaché's own word/numbering.xml.
func numberingXML() []byte {
	abstract, num := ownList(0, judgmentList, true)
	return []byte(xmlHeader + `<w:numbering ` + wordNS + `>` + abstract + num + `</w:numbering>`)
}

// numberingPart is word/numbering.xml for a template's numbering (nil
// for none) and the numId the key judgments take: the template's
// definitions and Attaché's list, each kind in the schema's order.
func numberingPart(tpl *numberingDefs) ([]byte, int) {
	if tpl == nil {
		return numberingXML(), judgmentList
	}
	numID := freeID(judgmentList, tpl.numID)
	abstract, num := ownList(freeID(0, tpl.abstractID), numID, !tpl.linked[stListNumber])
	return tpl.xml(abstract, num), numID
}

// xml is the part with the template's definitions and, where given,
// one abstractNum and one num more, after the template's of their kind.
func (n *numberingDefs) xml(abstract, num string) []byte {
	var b strings.Builder
	b.WriteString(xmlHeader + n.root)
	for _, group := range [][]string{n.picBullets, n.abstracts, {abstract}, n.nums, {num}, {n.cleanup}} {
		for _, s := range group {
			b.WriteString(s)
		}
	}
	b.WriteString(`</w:numbering>`)
	return []byte(b.String())
}

// listNumberPattern finds the List Number style of a styles.xml.
var listNumberPattern = regexp.MustCompile(`(?s)<w:style\b[^>]*w:styleId="` + stListNumber + `"[^>]*>.*?</w:style>`)

// takeNumbering reads the template's numbering part, where it has one,
// and the pictures its picture bullets show. styles is the template's
// styles.xml: where its List Number is numbered by a list of its own,
// Attaché's list must not claim that style too.
func (t *docxTemplate) takeNumbering(pkg *templatePkg, styles string) error {
	const name = "word/numbering.xml"
	data, err := pkg.read(name)
	if err != nil || data == nil {
		return err
	}
	n, err := parseNumbering(data)
	if err != nil {
		return templateError(pkg.file, "has numbering Attaché cannot read ("+name+": "+err.Error()+")")
	}
	if n == nil {
		return nil
	}
	if strings.Contains(listNumberPattern.FindString(styles), "<w:numId ") {
		n.linked[stListNumber] = true
	}
	if n.rels, err = t.takeRels(pkg, name); err != nil {
		return err
	}
	t.numbering = n
	return nil
}
