package export

import (
	"regexp"
	"sort"
	"strings"
)

// storyRoots are the parts holding text (document, headers, footers,
// notes, comments), sorted by name: bookmark and drawing ids must be
// unique across all of them, as Word keeps one table per document.
func (p *docxPkg) storyRoots() []string {
	var out []string
	for k, root := range p.xml {
		switch {
		case root.is(ckW, "document"), root.is(ckW, "hdr"), root.is(ckW, "ftr"), root.is(ckW, "footnotes"),
			root.is(ckW, "endnotes"), root.is(ckW, "comments"):
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// bookmarkName is what Word accepts as a bookmark's name: a letter first
// (or _ for the hidden ones such as _Toc and _Ref), then letters, digits
// and underscores.
var bookmarkName = regexp.MustCompile(`^[\p{L}_][\p{L}\p{N}_]*$`)

// checkIDs checks bookmarks (ids unique and each closed, names unique,
// valid and at most 40 characters) and drawings' wp:docPr ids.
func (p *docxPkg) checkIDs(string) {
	ids, names, docPr := map[string]string{}, map[string]string{}, map[string]string{}
	for _, part := range p.storyRoots() {
		ends := map[string]bool{}
		var starts []*xnode
		p.xml[part].walk(func(n *xnode) {
			switch {
			case n.is(ckW, "bookmarkStart"):
				starts = append(starts, n)
			case n.is(ckW, "bookmarkEnd"):
				ends[n.wid()] = true
			case n.is(ckWP, "docPr"):
				id, _ := n.get("", "id")
				if prev, dup := docPr[id]; dup {
					p.fail(part, "%s id=%q is used before, in %s: drawing ids must be unique", n.path(), id, prev)
				}
				docPr[id] = part
			}
		})
		for _, n := range starts {
			id, name := n.wid(), n.wval()
			if v, ok := n.get(ckW, "name"); ok {
				name = v
			}
			if prev, dup := ids[id]; dup {
				p.fail(part, "%s w:id=%q is used before, in %s: bookmark ids must be unique", n.path(), id, prev)
			}
			ids[id] = part
			if !ends[id] {
				p.fail(part, "%s w:id=%q has no w:bookmarkEnd with that id", n.path(), id)
			}
			p.checkBookmarkName(part, n, name, names)
		}
	}
}

func (p *docxPkg) checkBookmarkName(part string, n *xnode, name string, names map[string]string) {
	switch {
	case len([]rune(name)) > 40:
		p.fail(part, "%s w:name=%q is %d characters: Word allows 40", n.path(), name, len([]rune(name)))
	case !bookmarkName.MatchString(name):
		p.fail(part, "%s w:name=%q is not a valid bookmark name (a letter, then letters, digits, _)", n.path(), name)
	}
	if prev, dup := names[strings.ToLower(name)]; dup {
		p.fail(part, "%s w:name=%q is used before, in %s: bookmark names must be unique", n.path(), name, prev)
	}
	names[strings.ToLower(name)] = part
}

// docxStyle is one w:style of styles.xml.
type docxStyle struct{ typ string }

// checkStyles checks that style ids are unique and that every style a
// part uses (pStyle, rStyle, tblStyle, and basedOn, next, link inside
// styles.xml) is defined, of the right type.
func (p *docxPkg) checkStyles(main string) {
	styles := map[string]docxStyle{}
	part := p.one(main, ckRelStyles)
	if root := p.xml[strings.ToLower(part)]; root != nil {
		for _, k := range root.kids {
			if !k.is(ckW, "style") {
				continue
			}
			id, _ := k.get(ckW, "styleId")
			typ, _ := k.get(ckW, "type")
			if _, dup := styles[id]; dup {
				p.fail(part, "%s w:styleId=%q is defined twice", k.path(), id)
			}
			styles[id] = docxStyle{typ: typ}
		}
	}
	want := map[string]string{"pStyle": "paragraph", "rStyle": "character", "tblStyle": "table"}
	for _, name := range p.wordParts() {
		p.xml[name].walk(func(n *xnode) {
			typ, ok := want[n.name.Local]
			if n.name.Space != ckW {
				return
			}
			if !ok && (n.name.Local == "basedOn" || n.name.Local == "next" || n.name.Local == "link") && n.parent.is(ckW, "style") {
				typ, ok = "", true
			}
			if !ok {
				return
			}
			s, there := styles[n.wval()]
			switch {
			case part == "":
				p.fail(name, "%s w:val=%q: the document has no styles part", n.path(), n.wval())
			case !there:
				p.fail(name, "%s w:val=%q names no style in %s", n.path(), n.wval(), part)
			case typ != "" && s.typ != typ && !(s.typ == "" && typ == "paragraph"):
				p.fail(name, "%s w:val=%q is a %s style, want %s", n.path(), n.wval(), s.typ, typ)
			}
		})
	}
}

// wordParts are the parsed parts in the WordprocessingML namespace.
func (p *docxPkg) wordParts() []string {
	var out []string
	for k, root := range p.xml {
		if root.name.Space == ckW {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// one is the target of main's one relationship of type typ, "" for none.
func (p *docxPkg) one(main, typ string) string {
	t := p.related(main, typ)
	if len(t) > 1 {
		p.fail(relsOf(main), "%d relationships of type %s, want at most 1", len(t), typ)
	}
	if len(t) == 0 {
		return ""
	}
	return t[0]
}

// checkNumbering checks that each w:numId used names a w:num of
// numbering.xml (0 means no list), and each w:num an w:abstractNum.
func (p *docxPkg) checkNumbering(main string) {
	part := p.one(main, ckRelNumbering)
	nums, abstract := map[string]bool{"0": true}, map[string]bool{}
	if root := p.xml[strings.ToLower(part)]; root != nil {
		for _, k := range root.kids {
			switch {
			case k.is(ckW, "abstractNum"):
				id, _ := k.get(ckW, "abstractNumId")
				abstract[id] = true
			case k.is(ckW, "num"):
				id, _ := k.get(ckW, "numId")
				if nums[id] {
					p.fail(part, "%s w:numId=%q is defined twice", k.path(), id)
				}
				nums[id] = true
			}
		}
		for _, k := range root.kids {
			for _, a := range k.kids {
				if k.is(ckW, "num") && a.is(ckW, "abstractNumId") && !abstract[a.wval()] {
					p.fail(part, "%s w:val=%q names no w:abstractNum", a.path(), a.wval())
				}
			}
		}
	}
	for _, name := range p.wordParts() {
		p.xml[name].walk(func(n *xnode) {
			if n.is(ckW, "numId") && n.parent.is(ckW, "numPr") && !nums[n.wval()] {
				p.fail(name, "%s w:val=%q names no w:num in %s", n.path(), n.wval(), orNone(part))
			}
		})
	}
}

func orNone(part string) string {
	if part == "" {
		return "(no numbering part)"
	}
	return part
}
