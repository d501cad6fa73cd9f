package export

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// The namespaces the checker reads. Attaché writes transitional OOXML, the
// flavour Word writes by default; Strict names are not accepted.
const (
	ckW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	ckR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	ckWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	ckA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	ckXML = "http://www.w3.org/XML/1998/namespace"
)

// xnode is one element of a parsed part: the checker walks whole trees,
// which is fine at test sizes, and keeps the parent so that a message can
// say where an element stands.
type xnode struct {
	name   xml.Name
	attr   []xml.Attr
	kids   []*xnode
	parent *xnode
	text   string // the character data directly inside, for w:t
}

// parseXML reads a part as Word would: well-formed, one root, and every
// namespace prefix declared. encoding/xml accepts an undeclared prefix
// (it leaves the prefix where the URI should be) while Word refuses the
// file, hence the extra check.
func parseXML(data []byte) (*xnode, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var root, cur *xnode
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := checkPrefixes(t); err != nil {
				return nil, err
			}
			n := &xnode{name: t.Name, attr: t.Copy().Attr, parent: cur}
			switch {
			case cur != nil:
				cur.kids = append(cur.kids, n)
			case root != nil:
				return nil, errors.New("more than one root element")
			default:
				root = n
			}
			cur = n
		case xml.EndElement:
			cur = cur.parent
		case xml.CharData:
			if cur != nil {
				cur.text += string(t)
			}
			if cur == nil && len(bytes.TrimSpace(t)) > 0 {
				return nil, errors.New("text outside the root element")
			}
		}
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	return root, nil
}

func checkPrefixes(t xml.StartElement) error {
	names := []xml.Name{t.Name}
	for _, a := range t.Attr {
		if a.Name.Space != "xmlns" {
			names = append(names, a.Name)
		}
	}
	for _, n := range names {
		if n.Space != "" && !strings.Contains(n.Space, ":") {
			return errors.New("<" + t.Name.Local + ">: namespace prefix " + n.Space + " is not declared")
		}
	}
	return nil
}

// walk calls f on n and every element below it, in document order.
func (n *xnode) walk(f func(*xnode)) {
	f(n)
	for _, k := range n.kids {
		k.walk(f)
	}
}

// is says whether n is the element local in namespace ns.
func (n *xnode) is(ns, local string) bool { return n.name.Space == ns && n.name.Local == local }

// get is the value of attribute local in namespace ns ("" for none).
func (n *xnode) get(ns, local string) (string, bool) {
	for _, a := range n.attr {
		if a.Name.Space == ns && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// wval is w:val, the attribute most WordprocessingML elements carry.
func (n *xnode) wval() string { v, _ := n.get(ckW, "val"); return v }

// wid is w:id.
func (n *xnode) wid() string { v, _ := n.get(ckW, "id"); return v }

// label names an element for messages, "w:rPr", with the usual prefixes.
func (n *xnode) label() string { return qname(n.name) }

func qname(n xml.Name) string {
	switch n.Space {
	case ckW:
		return "w:" + n.Local
	case ckR:
		return "r:" + n.Local
	case ckWP:
		return "wp:" + n.Local
	case ckA:
		return "a:" + n.Local
	case "":
		return n.Local
	}
	return "{" + n.Space + "}" + n.Local
}

// path is where n stands, "w:body/w:p[3]/w:r[1]/w:rPr", counted among
// its siblings of the same name from 1, so that a message finds it.
func (n *xnode) path() string {
	var parts []string
	for e := n; e != nil; e = e.parent {
		seg := e.label()
		if p := e.parent; p != nil {
			i, same := 0, 0
			for _, k := range p.kids {
				if k.name == e.name {
					same++
					if k == e {
						i = same
					}
				}
			}
			if same > 1 {
				seg += "[" + strconv.Itoa(i) + "]"
			}
		}
		parts = append(parts, seg)
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, "/")
}
