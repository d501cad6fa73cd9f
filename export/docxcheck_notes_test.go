package export

import "strings"

// checkNotes checks footnotes and endnotes: ids unique, the separator
// and continuation separator present once there are notes, every
// reference pointing at a note of its own (Word gives each reference one
// note, and refuses a reference to a separator or to nothing), and the
// separators settings.xml names present.
func (p *docxPkg) checkNotes(main string) {
	settingsPart := p.one(main, ckRelSettings)
	settings := p.xml[strings.ToLower(settingsPart)]
	for _, kind := range []string{"footnote", "endnote"} {
		part := p.one(main, ckR+"/"+kind+"s")
		notes := p.readNotes(part, kind)
		refs := map[string]bool{}
		for _, name := range p.wordParts() {
			p.xml[name].walk(func(n *xnode) {
				if !n.is(ckW, kind+"Reference") {
					return
				}
				id := n.wid()
				typ, there := notes[id]
				switch {
				case part == "":
					p.fail(name, "%s w:id=%q: the document has no %ss part", n.path(), id, kind)
				case !there:
					p.fail(name, "%s w:id=%q names no w:%s in %s", n.path(), id, kind, part)
				case typ != "" && typ != "normal":
					p.fail(name, "%s w:id=%q names the %s, not a note", n.path(), id, typ)
				case refs[id]:
					p.fail(name, "%s w:id=%q is referred to twice: each reference needs a note of its own", n.path(), id)
				}
				refs[id] = true
			})
		}
		if settings != nil {
			p.checkNoteSettings(settingsPart, settings, kind, part, notes)
		}
	}
}

// readNotes reads a notes part's notes, id → w:type ("" for a note).
func (p *docxPkg) readNotes(part, kind string) map[string]string {
	notes := map[string]string{}
	root := p.xml[strings.ToLower(part)]
	if root == nil {
		return notes
	}
	if !root.is(ckW, kind+"s") {
		p.fail(part, "the root is <%s>, want w:%ss", root.label(), kind)
		return notes
	}
	normal := false
	for _, k := range root.kids {
		if !k.is(ckW, kind) {
			p.fail(part, "%s: unknown element in w:%ss", k.path(), kind)
			continue
		}
		id := k.wid()
		typ, _ := k.get(ckW, "type")
		if _, dup := notes[id]; dup {
			p.fail(part, "%s w:id=%q is used twice", k.path(), id)
		}
		notes[id] = typ
		normal = normal || typ == "" || typ == "normal"
	}
	if normal {
		for _, sep := range []string{"separator", "continuationSeparator"} {
			if !hasValue(notes, sep) {
				p.fail(part, "there are %ss but no w:%s of w:type=%q", kind, kind, sep)
			}
		}
	}
	return notes
}

func (p *docxPkg) checkNoteSettings(settingsPart string, settings *xnode, kind, part string, notes map[string]string) {
	settings.walk(func(n *xnode) {
		if n.is(ckW, kind) && n.parent.is(ckW, kind+"Pr") {
			if _, ok := notes[n.wid()]; !ok {
				p.fail(settingsPart, "%s w:id=%q names no w:%s in %s", n.path(), n.wid(), kind, orNone(part))
			}
		}
	})
}

func hasValue(m map[string]string, v string) bool {
	for _, x := range m {
		if x == v {
			return true
		}
	}
	return false
}
