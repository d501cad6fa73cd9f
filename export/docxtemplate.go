package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// House templates, the reference-document idea: a .docx or .dotx whose
// styles, lists, theme, fonts, page and headers and footers the export
// takes, its text left behind. Its styles win; Attaché's styles it lacks
// are added, so every style the document names exists. Its lists are kept
// with their ids, which its styles name (docxnumbering.go). Its headers
// and footers get the markings (furnish), so no template can drop a
// banner.

// docxTemplate is what the export takes from a template.
type docxTemplate struct {
	styles    string
	theme     []byte // nil for none
	fontTable []byte
	page      pageSetup
	furniture []furniture
	media     []part          // pictures the template's headers, footers and bullets show
	numbering *numberingDefs  // the template's lists, nil for none
	numbered  map[string]bool // the styles its lists number (docxstylenum.go)
	evenOdd   bool
}

// Limits on a template: a house template is styles and a letterhead,
// never near these; a ZIP bomb or a huge file fails with a message.
const (
	maxTemplateFile  = 64 << 20
	maxTemplatePart  = 16 << 20
	maxTemplateParts = 4096
)

// ownTemplate is Attaché's house template: its styles, the PDF's page
// and its own header and footer.
func ownTemplate() *docxTemplate {
	page := a4Page
	page.titlePg = true // the first page's own header and footer
	return &docxTemplate{styles: stylesXML(), fontTable: fontTableXML(), page: page, furniture: ownFurniture()}
}

// templateError is a template that cannot serve, as CheckTemplate says
// it: a *TemplateError, so that the app words its own advice (Settings, a
// Clear button) for a fault only the writer finds.
func templateError(file, what string) error {
	return &TemplateError{Code: domain.EINVALID, Path: file, Problem: what, Fix: chooseAnother}
}

func readTemplateFile(file string) (*docxTemplate, error) {
	st, err := os.Stat(file)
	if err != nil {
		return nil, templateError(file, "cannot be read ("+domain.ErrorMessage(err)+")")
	}
	if st.Size() > maxTemplateFile {
		return nil, templateError(file, "is larger than 64 MB")
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, templateError(file, "cannot be read ("+domain.ErrorMessage(err)+")")
	}
	return readTemplate(file, data)
}

// templatePkg reads a template's parts under the limits.
type templatePkg struct {
	file  string
	files map[string]*zip.File
	types typesXML // its [Content_Types].xml, for the pictures taken
}

type typesXML struct {
	Defaults []struct {
		Ext   string `xml:"Extension,attr"`
		CType string `xml:"ContentType,attr"`
	} `xml:"Default"`
	Overrides []struct {
		Part  string `xml:"PartName,attr"`
		CType string `xml:"ContentType,attr"`
	} `xml:"Override"`
}

// contentType is the content type the template gives a part: a picture
// keeps its own, whatever its kind, so no part of ours is left untyped.
func (t *templatePkg) contentType(name string) string {
	for _, o := range t.types.Overrides {
		if strings.TrimPrefix(o.Part, "/") == name {
			return o.CType
		}
	}
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
	for _, d := range t.types.Defaults {
		if strings.EqualFold(d.Ext, ext) {
			return d.CType
		}
	}
	return "application/octet-stream"
}

func (t *templatePkg) read(name string) ([]byte, error) {
	f := t.files[name]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > maxTemplatePart {
		return nil, templateError(t.file, "has a part larger than 16 MB ("+name+")")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, templateError(t.file, "is damaged ("+name+": "+err.Error()+")")
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxTemplatePart+1))
	if err != nil || len(data) > maxTemplatePart {
		return nil, templateError(t.file, "is damaged or too large ("+name+")")
	}
	return data, nil
}

func readTemplate(file string, data []byte) (*docxTemplate, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, templateError(file, "is not a Word document or template (a .docx or .dotx is a ZIP package)")
	}
	if len(z.File) > maxTemplateParts {
		return nil, templateError(file, "has too many parts")
	}
	pkg := &templatePkg{file: file, files: map[string]*zip.File{}}
	for _, f := range z.File {
		pkg.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	types, err := pkg.read("[Content_Types].xml")
	if err != nil {
		return nil, err
	}
	_ = xml.Unmarshal(types, &pkg.types) // damaged: pictures are typed by their extension
	styles, err := pkg.read("word/styles.xml")
	if err != nil {
		return nil, err
	}
	if styles == nil {
		return nil, templateError(file, "has no styles (word/styles.xml), so it is no Word template")
	}
	merged, ok := mergeStyles(string(styles))
	if !ok {
		return nil, templateError(file, "has styles Attaché cannot read (word/styles.xml)")
	}
	t := &docxTemplate{styles: merged, page: a4Page}
	if t.theme, err = pkg.read("word/theme/theme1.xml"); err != nil {
		return nil, err
	}
	if t.fontTable, err = pkg.read("word/fontTable.xml"); err != nil {
		return nil, err
	}
	if t.fontTable == nil {
		t.fontTable = fontTableXML()
	}
	settings, err := pkg.read("word/settings.xml")
	if err != nil {
		return nil, err
	}
	t.evenOdd = flagOn(string(settings), "w:evenAndOddHeaders")
	if err := t.takeSection(pkg); err != nil {
		return nil, err
	}
	if err := t.takeNumbering(pkg, string(styles)); err != nil {
		return nil, err
	}
	t.numbered = listedStyles(merged, t.numbering)
	t.fillFurniture()
	return t, nil
}

var (
	sectPrPattern    = regexp.MustCompile(`(?s)<w:sectPr\b(?:[^>]*/>|.*?</w:sectPr>)`)
	furnitureRefPat  = regexp.MustCompile(`<w:(header|footer)Reference\b[^>]*>`)
	elementPatterns  = map[string]*regexp.Regexp{"pgSz": regexp.MustCompile(`<w:pgSz\b[^>]*>`), "pgMar": regexp.MustCompile(`<w:pgMar\b[^>]*>`)}
	attributePattern = regexp.MustCompile(`([\w:]+)="([^"]*)"`)
)

// takeSection reads the page and the headers and footers of the
// template body's final section.
func (t *docxTemplate) takeSection(pkg *templatePkg) error {
	doc, err := pkg.read("word/document.xml")
	if err != nil || doc == nil {
		return err
	}
	all := sectPrPattern.FindAllString(string(doc), -1)
	if len(all) == 0 {
		return nil
	}
	sect := all[len(all)-1]
	t.page = pageOf(sect)
	relData, err := pkg.read("word/_rels/document.xml.rels")
	if err != nil {
		return err
	}
	targets := relTargets(relData)
	for _, ref := range furnitureRefPat.FindAllStringSubmatch(sect, -1) {
		a := attributes(ref[0])
		target, ok := targets[a["r:id"]]
		if !ok {
			continue
		}
		name := path.Join("word", target.target)
		x, err := pkg.read(name)
		if err != nil {
			return err
		}
		if x == nil {
			continue
		}
		f := furniture{footer: ref[1] == "footer", typ: a["w:type"], xml: string(x)}
		if f.typ == "" {
			f.typ = "default"
		}
		if f.rels, err = t.takeRels(pkg, name); err != nil {
			return err
		}
		t.furniture = append(t.furniture, f)
	}
	return nil
}

// takeRels copies the relationships of a header or footer, and the
// pictures they point to under new names; what they point to that the
// template lacks is left out.
func (t *docxTemplate) takeRels(pkg *templatePkg, name string) (*relSet, error) {
	data, err := pkg.read(path.Join(path.Dir(name), "_rels", path.Base(name)+".rels"))
	if err != nil || data == nil {
		return nil, err
	}
	out := &relSet{}
	for _, r := range parseRels(data) {
		if r.external {
			out.list = append(out.list, r)
			continue
		}
		src := path.Join(path.Dir(name), r.target)
		body, err := pkg.read(src)
		if err != nil {
			return nil, err
		}
		if body == nil {
			continue
		}
		dest := "media/template" + itoa(len(t.media)+1) + "_" + path.Base(src)
		t.media = append(t.media, part{name: "word/" + dest, ctype: pkg.contentType(src), data: body})
		r.target = dest
		out.list = append(out.list, r)
	}
	return out, nil
}

// fillFurniture adds Attaché's own header or footer for each kind of
// page the template leaves without one, so every page has its banner: its
// first page's for a first page, its default for the others.
func (t *docxTemplate) fillFurniture() {
	types := []string{"default"}
	if t.page.titlePg {
		types = append(types, "first")
	}
	if t.evenOdd {
		types = append(types, "even")
	}
	own := &docxTemplate{furniture: ownFurniture()}
	for _, typ := range types {
		for _, footer := range []bool{false, true} {
			if _, ok := t.find(footer, typ); ok {
				continue
			}
			o, ok := own.find(footer, typ)
			if !ok {
				o, _ = own.find(footer, "default")
			}
			o.typ = typ
			t.furniture = append(t.furniture, o)
		}
	}
}

// withFirstPage gives a template without a distinct first page one, for
// the classification authority block's footer: its first page takes a
// copy of its default header and footer (the letterhead stays), and
// furnish adds the block to that footer. A template with a first page
// keeps its own.
func (t *docxTemplate) withFirstPage() {
	if t.page.titlePg {
		return
	}
	t.page.titlePg = true
	for _, footer := range []bool{false, true} {
		if _, ok := t.find(footer, "first"); ok {
			continue
		}
		if f, ok := t.find(footer, "default"); ok { // fillFurniture made sure
			f.typ = "first"
			t.furniture = append(t.furniture, f)
		}
	}
}

// find is the template's header or footer of a type.
func (t *docxTemplate) find(footer bool, typ string) (furniture, bool) {
	for _, f := range t.furniture {
		if f.footer == footer && f.typ == typ {
			return f, true
		}
	}
	return furniture{}, false
}

// pageOf reads a sectPr's page size, margins and title page; what it
// does not give is the PDF's.
func pageOf(sect string) pageSetup {
	p := a4Page
	if m := elementPatterns["pgSz"].FindString(sect); m != "" {
		a := attributes(m)
		setInt(&p.w, a["w:w"])
		setInt(&p.h, a["w:h"])
		p.landscape = a["w:orient"] == "landscape"
	}
	if m := elementPatterns["pgMar"].FindString(sect); m != "" {
		a := attributes(m)
		for k, v := range map[string]*int{"w:top": &p.top, "w:right": &p.right, "w:bottom": &p.bottom, "w:left": &p.left,
			"w:header": &p.header, "w:footer": &p.footer, "w:gutter": &p.gutter} {
			setInt(v, a[k])
		}
	}
	p.titlePg = flagOn(sect, "w:titlePg")
	return p
}

// flagOn says whether an OOXML on/off element is present and on.
func flagOn(x, name string) bool {
	m := regexp.MustCompile(`<` + name + `\b[^>]*>`).FindString(x)
	if m == "" {
		return false
	}
	switch attributes(m)["w:val"] {
	case "0", "false", "off":
		return false
	}
	return true
}

func setInt(dst *int, s string) {
	if n, err := strconv.Atoi(s); err == nil && n >= 0 && n < 200000 {
		*dst = n
	}
}

func attributes(elem string) map[string]string {
	out := map[string]string{}
	for _, m := range attributePattern.FindAllStringSubmatch(elem, -1) {
		out[m[1]] = m[2]
	}
	return out
}

type relsXML struct {
	Rels []struct {
		ID         string `xml:"Id,attr"`
		Type       string `xml:"Type,attr"`
		Target     string `xml:"Target,attr"`
		TargetMode string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

func parseRels(data []byte) []rel {
	var x relsXML
	if xml.Unmarshal(data, &x) != nil {
		return nil
	}
	out := make([]rel, 0, len(x.Rels))
	for _, r := range x.Rels {
		out = append(out, rel{id: r.ID, typ: r.Type, target: r.Target, external: r.TargetMode == "External"})
	}
	return out
}

func relTargets(data []byte) map[string]rel {
	out := map[string]rel{}
	for _, r := range parseRels(data) {
		if !r.external {
			out[r.id] = r
		}
	}
	return out
}
