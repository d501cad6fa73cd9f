package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"testing"
)

// checkDOCX fails t with one message per thing in the package that Word
// would refuse ("unreadable content") or repair, and LibreOffice opens
// without a word: so a DOCX that LibreOffice shows well can still fail
// for the reader who opens it in Word. Each message names the part and
// the element.
func checkDOCX(t testing.TB, data []byte) {
	t.Helper()
	for _, p := range docxProblems(data) {
		t.Error(p)
	}
}

// Relationship types, transitional.
const (
	ckRelMain      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	ckRelCore      = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	ckRelApp       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
	ckRelStyles    = ckR + "/styles"
	ckRelNumbering = ckR + "/numbering"
	ckRelFootnotes = ckR + "/footnotes"
	ckRelEndnotes  = ckR + "/endnotes"
	ckRelSettings  = ckR + "/settings"
	ckTypeMain     = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ckTypeTemplate = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
)

// docxPkg is a package being checked: its parts by name (no leading
// slash), the parsed XML parts, and each part's relationships.
type docxPkg struct {
	parts    map[string][]byte // by lower-case name: OPC part names ignore case
	names    []string          // as written, in zip order
	xml      map[string]*xnode // parsed parts, by lower-case name
	rels     map[string][]docxRel
	types    docxTypes
	problems []string
}

type docxRel struct{ id, typ, target, mode string }

type docxTypes struct {
	defaults  map[string]string // extension, lower case → content type
	overrides map[string]string // part name, lower case, no slash → content type
}

func (p *docxPkg) fail(part, format string, args ...any) {
	p.problems = append(p.problems, part+": "+fmt.Sprintf(format, args...))
}

// docxProblems lists what is wrong with the package; none for a good one.
func docxProblems(data []byte) []string {
	p, err := readPkg(data)
	if err != nil {
		return []string{"package: " + err.Error()}
	}
	p.checkTypes()
	p.parseParts()
	p.checkRels()
	main := p.checkMain()
	if main == "" {
		return p.problems
	}
	p.checkProps()
	p.checkRelIDsUsed()
	p.checkOrder()
	p.checkStructure()
	p.checkIDs(main)
	p.checkStyles(main)
	p.checkNumbering(main)
	p.checkNotes(main)
	return p.problems
}

func readPkg(data []byte) (*docxPkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a ZIP: %v", err)
	}
	p := &docxPkg{parts: map[string][]byte{}, xml: map[string]*xnode{}, rels: map[string][]docxRel{}}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue // folder entries are not parts; Word ignores them
		}
		key := strings.ToLower(f.Name)
		if _, dup := p.parts[key]; dup {
			p.fail(f.Name, "the part is in the ZIP twice (part names ignore case)")
			continue
		}
		if strings.HasPrefix(f.Name, "/") || strings.Contains(f.Name, `\`) {
			p.fail(f.Name, "a part name must not start with / nor hold a backslash")
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f.Name, err)
		}
		p.parts[key] = b
		p.names = append(p.names, f.Name)
	}
	return p, nil
}

// checkTypes reads [Content_Types].xml: every part needs a content type,
// from a Default for its extension or an Override for its name, and an
// Override must not name a part that is not there.
func (p *docxPkg) checkTypes() {
	const ct = "[Content_Types].xml"
	p.types = docxTypes{defaults: map[string]string{}, overrides: map[string]string{}}
	root, err := p.parse(ct)
	if err != nil {
		p.fail(ct, "%v", err)
		return
	}
	for _, k := range root.kids {
		switch k.name.Local {
		case "Default":
			ext, _ := k.get("", "Extension")
			typ, _ := k.get("", "ContentType")
			p.types.defaults[strings.ToLower(ext)] = typ
		case "Override":
			name, _ := k.get("", "PartName")
			typ, _ := k.get("", "ContentType")
			key := strings.ToLower(strings.TrimPrefix(name, "/"))
			if !strings.HasPrefix(name, "/") {
				p.fail(ct, "Override PartName %q must start with /", name)
			}
			if _, ok := p.parts[key]; !ok {
				p.fail(ct, "Override names %s, which is not in the package", name)
			}
			p.types.overrides[key] = typ
		default:
			p.fail(ct, "unknown element <%s>", k.name.Local)
		}
	}
	for _, n := range p.names {
		if n != ct && p.contentType(n) == "" {
			p.fail(n, "the part has no content type: no Override for /%s and no Default for .%s", n, path.Ext(n))
		}
	}
}

func (p *docxPkg) contentType(name string) string {
	key := strings.ToLower(name)
	if t, ok := p.types.overrides[key]; ok {
		return t
	}
	ext := strings.TrimPrefix(path.Ext(key), ".")
	return p.types.defaults[ext]
}

func (p *docxPkg) parse(name string) (*xnode, error) {
	data, ok := p.parts[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("missing")
	}
	root, err := parseXML(data)
	if err != nil {
		return nil, fmt.Errorf("not well-formed XML: %v", err)
	}
	return root, nil
}

// parseParts parses every XML part; media (images, fonts) are not XML.
func (p *docxPkg) parseParts() {
	for _, n := range p.names {
		typ := p.contentType(n)
		if n == "[Content_Types].xml" || !(strings.HasSuffix(typ, "xml") || strings.HasSuffix(strings.ToLower(n), ".xml") ||
			strings.HasSuffix(strings.ToLower(n), ".rels")) {
			continue
		}
		root, err := p.parse(n)
		if err != nil {
			p.fail(n, "%v", err)
			continue
		}
		p.xml[strings.ToLower(n)] = root
	}
}

// relsOf is the relationships part of a part ("" for the package).
func relsOf(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// sourceOf is the part a relationships part belongs to ("" for the
// package's own _rels/.rels), and false for a .rels outside a _rels folder.
func sourceOf(rels string) (string, bool) {
	dir, file := path.Split(rels)
	if path.Base(dir) != "_rels" || !strings.HasSuffix(file, ".rels") {
		return "", false
	}
	parent := path.Dir(strings.TrimSuffix(dir, "/"))
	if file == ".rels" && parent == "." {
		return "", true
	}
	return strings.TrimPrefix(path.Join(parent, strings.TrimSuffix(file, ".rels")), "./"), true
}

// checkRels checks every relationships part: Ids unique, internal targets
// present, and the part it belongs to present.
func (p *docxPkg) checkRels() {
	for _, n := range p.names {
		if !strings.HasSuffix(strings.ToLower(n), ".rels") {
			continue
		}
		src, ok := sourceOf(n)
		if !ok {
			p.fail(n, "a relationships part must be _rels/NAME.rels beside its part")
			continue
		}
		if _, there := p.parts[strings.ToLower(src)]; src != "" && !there {
			p.fail(n, "relationships of %s, which is not in the package", src)
		}
		root := p.xml[strings.ToLower(n)]
		if root == nil {
			continue
		}
		p.rels[strings.ToLower(src)] = p.readRels(n, src, root)
	}
}

func (p *docxPkg) readRels(name, src string, root *xnode) []docxRel {
	var out []docxRel
	seen := map[string]bool{}
	for _, k := range root.kids {
		r := docxRel{}
		r.id, _ = k.get("", "Id")
		r.typ, _ = k.get("", "Type")
		r.target, _ = k.get("", "Target")
		r.mode, _ = k.get("", "TargetMode")
		switch {
		case k.name.Local != "Relationship":
			p.fail(name, "unknown element <%s>", k.name.Local)
			continue
		case r.id == "":
			p.fail(name, "Relationship to %s has no Id", r.target)
		case seen[r.id]:
			p.fail(name, "Relationship Id %s is used twice", r.id)
		}
		seen[r.id] = true
		if r.mode != "External" {
			if r.mode != "" && r.mode != "Internal" {
				p.fail(name, "Relationship %s: TargetMode %q is neither Internal nor External", r.id, r.mode)
			}
			r.target = resolveTarget(src, r.target)
			if _, ok := p.parts[strings.ToLower(r.target)]; !ok {
				p.fail(name, "Relationship %s (%s) points at %s, which is not in the package", r.id, path.Base(r.typ), r.target)
			}
		}
		out = append(out, r)
	}
	return out
}

// resolveTarget is a relationship's target as a part name: relative to
// the folder of the part the relationships belong to, or absolute.
func resolveTarget(src, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(path.Dir(src), target)), "/")
}

// related are the targets of src's relationships of type typ.
func (p *docxPkg) related(src, typ string) []string {
	var out []string
	for _, r := range p.rels[strings.ToLower(src)] {
		if r.typ == typ && r.mode != "External" {
			out = append(out, r.target)
		}
	}
	return out
}

// checkMain finds the main document: the one officeDocument target of the
// package relationships, with the main document's content type and a
// w:document root. It returns "" when there is none to check further.
func (p *docxPkg) checkMain() string {
	mains := p.related("", ckRelMain)
	if len(mains) != 1 {
		p.fail("_rels/.rels", "%d officeDocument relationships, want exactly 1", len(mains))
		return ""
	}
	main := mains[0]
	if ct := p.contentType(main); ct != ckTypeMain && ct != ckTypeTemplate {
		p.fail(main, "the main document's content type is %q, want %s", ct, ckTypeMain)
	}
	root := p.xml[strings.ToLower(main)]
	if root == nil {
		return ""
	}
	if !root.is(ckW, "document") {
		p.fail(main, "the root is <%s>, want w:document", root.label())
		return ""
	}
	return main
}

// checkProps parses the core and extended properties, where there are any.
func (p *docxPkg) checkProps() {
	want := map[string]string{ckRelCore: "coreProperties", ckRelApp: "Properties"}
	types := []string{ckRelCore, ckRelApp}
	for _, typ := range types {
		targets := p.related("", typ)
		if len(targets) > 1 {
			p.fail("_rels/.rels", "%d %s relationships, want at most 1", len(targets), path.Base(typ))
		}
		for _, t := range targets {
			if root := p.xml[strings.ToLower(t)]; root != nil && root.name.Local != want[typ] {
				p.fail(t, "the root is <%s>, want %s", root.label(), want[typ])
			}
		}
	}
}

// refTypes are the relationship types that section references need.
var refTypes = map[string]string{"headerReference": "header", "footerReference": "footer"}

// checkRelIDsUsed checks that every r:id, r:embed, r:link … in a part
// names one of that part's relationships.
func (p *docxPkg) checkRelIDsUsed() {
	keys := make([]string, 0, len(p.xml))
	for k := range p.xml {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, part := range keys {
		ids := map[string]string{}
		for _, r := range p.rels[part] {
			ids[r.id] = r.typ
		}
		p.xml[part].walk(func(n *xnode) {
			for _, a := range n.attr {
				typ, ok := ids[a.Value]
				if a.Name.Space != ckR {
					continue
				}
				if !ok {
					p.fail(part, "%s r:%s=%q names no relationship in %s", n.path(), a.Name.Local, a.Value, relsOf(part))
				} else if want := refTypes[n.name.Local]; n.name.Space == ckW && want != "" && path.Base(typ) != want {
					p.fail(part, "%s r:id=%q is a %s relationship, want %s", n.path(), a.Value, path.Base(typ), want)
				}
			}
		})
	}
}
