package export

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// The page and what every page carries: the banner at the top and the
// foot, the draft watermark, "Page X of Y". Headers and footers come
// from a template (Attaché's own when none is chosen, furnitureXML) and
// are then furnished with the briefing's markings, so a house template
// can move and restyle them but never lose them.

// pageSetup is the section's page in twips.
type pageSetup struct {
	w, h, top, right, bottom, left, header, footer, gutter int
	landscape, titlePg                                     bool
}

// a4Page is the PDF's page: A4 with its margins (78 pt at the sides, the
// text from 64 pt under the top to 72 pt above the foot).
var a4Page = pageSetup{w: 11906, h: 16838, top: 1280, right: 1560, bottom: 1440, left: 1560, header: 400, footer: 400}

func (p pageSetup) textWidth() int  { return max(p.w-p.left-p.right-p.gutter, 1440) }
func (p pageSetup) textHeight() int { return max(p.h-p.top-p.bottom, 1440) }

// furniture is a header or footer part and how the section uses it.
type furniture struct {
	footer bool
	typ    string // default, first, even
	xml    string
	rels   *relSet // its own relationships; nil for none
}

// sectPr writes the body's final section properties in schema order.
func (w *docxWriter) sectPr(refs []furnitureRef) {
	b := &w.doc
	b.WriteString("<w:sectPr>")
	for _, footer := range []bool{false, true} {
		for _, r := range refs {
			if r.footer == footer {
				name := "w:headerReference"
				if footer {
					name = "w:footerReference"
				}
				empty(b, name, "w:type", r.typ, "r:id", r.rid)
			}
		}
	}
	if w.d != nil && len(w.d.Notes) > 0 { // the house template has no notes
		b.WriteString(`<w:` + w.notes.elem + `Pr>` + w.notes.props() + `</w:` + w.notes.elem + `Pr>`)
	}
	p := w.page
	sz := []string{"w:w", itoa(p.w), "w:h", itoa(p.h)}
	if p.landscape {
		sz = append(sz, "w:orient", "landscape")
	}
	empty(b, "w:pgSz", sz...)
	empty(b, "w:pgMar", "w:top", itoa(p.top), "w:right", itoa(p.right), "w:bottom", itoa(p.bottom), "w:left", itoa(p.left),
		"w:header", itoa(p.header), "w:footer", itoa(p.footer), "w:gutter", itoa(p.gutter))
	empty(b, "w:cols", "w:space", "720")
	boolElem(b, "w:titlePg", p.titlePg)
	b.WriteString("</w:sectPr>")
}

type furnitureRef struct {
	footer   bool
	typ, rid string
}

// placeholder is the banner paragraph of Attaché's own template: the
// export puts the banner in its place.
const placeholder = `<w:p><w:pPr><w:pStyle w:val="` + stBanner + `"/></w:pPr><w:r><w:t>CLASSIFICATION BANNER</w:t></w:r></w:p>`

// ownFurniture is Attaché's header and footer: the banner, and the page
// number above the banner at the foot.
func ownFurniture() []furniture {
	ns := `<w:hdr ` + wordNS + `>`
	return []furniture{
		{typ: "default", xml: xmlHeader + ns + placeholder + `</w:hdr>`},
		{footer: true, typ: "default", xml: xmlHeader + `<w:ftr ` + wordNS + `>` + pageNumbers() + placeholder + `</w:ftr>`},
	}
}

// pageNumbers is "Page X of Y" with PAGE and NUMPAGES fields.
func pageNumbers() string {
	var b strings.Builder
	b.WriteString("<w:p>")
	styled(stFooter).write(&b)
	run(&b, rPr{}, "Page ")
	field(&b, "PAGE", "1")
	run(&b, rPr{}, " of ")
	field(&b, "NUMPAGES", "1")
	b.WriteString("</w:p>")
	return b.String()
}

// field is a complex field with its last result shown until updated.
func field(b *strings.Builder, instr, result string) {
	fieldChar(b, "begin")
	b.WriteString(`<w:r><w:instrText xml:space="preserve"> ` + instr + ` </w:instrText></w:r>`)
	fieldChar(b, "separate")
	run(b, rPr{noProof: true}, result)
	fieldChar(b, "end")
}

var pageField = regexp.MustCompile(`(instrText[^>]*>\s*|w:instr="\s*)PAGE\b`)

// furnish puts the briefing's markings into a header or footer: the
// banner (and on a draft, in headers, the watermark and the draft mark)
// where the banner placeholder stands, else at its top; a footer without
// a page number gets "Page X of Y" too. n numbers the watermark shapes.
// A draft mark the template carries (an earlier export used as the
// template) is taken out first: only this briefing's status counts.
func (w *docxWriter) furnish(f furniture, n int) string {
	marks := w.bannerPara()
	if mark := draftMark(w.d.Briefing.Status); mark != "" && !f.footer {
		marks += w.draftPara(mark, n)
	}
	x := f.xml
	for {
		rest, ok := replaceStyledPara(x, stDraftMark, "")
		if !ok {
			break
		}
		x = rest
	}
	if rest, ok := replaceStyledPara(x, stBanner, marks); ok {
		x, marks = rest, ""
	}
	if marks != "" {
		x = afterRoot(x, f.footer, marks)
	}
	if f.footer && !pageField.MatchString(x) {
		if i := strings.LastIndex(x, "</w:ftr>"); i >= 0 {
			x = x[:i] + pageNumbers() + x[i:]
		}
	}
	return x
}

// replaceStyledPara replaces the first paragraph in style with with.
func replaceStyledPara(x, style, with string) (string, bool) {
	i := strings.Index(x, `<w:pStyle w:val="`+style+`"/>`)
	if i < 0 {
		return x, false
	}
	start := max(strings.LastIndex(x[:i], "<w:p>"), strings.LastIndex(x[:i], "<w:p "))
	end := strings.Index(x[i:], "</w:p>")
	if start < 0 || end < 0 {
		return x, false
	}
	return x[:start] + with + x[i+end+len("</w:p>"):], true
}

// afterRoot inserts marks at the top of a header or footer part.
func afterRoot(x string, footer bool, marks string) string {
	root := "<w:hdr"
	if footer {
		root = "<w:ftr"
	}
	i := strings.Index(x, root)
	if i < 0 {
		return x
	}
	j := strings.Index(x[i:], ">")
	if j < 0 {
		return x
	}
	at := i + j + 1
	return x[:at] + marks + x[at:]
}

// bannerPara is the banner in its scheme's form: the level's ink, on its
// fill when the guide prints one, centred or at the right margin. A
// briefing without a banner keeps an empty banner paragraph.
func (w *docxWriter) bannerPara() string {
	var b strings.Builder
	b.WriteString("<w:p>")
	props := styled(stBanner)
	r := rPr{}
	if lv := w.d.Mark.Level; lv != nil {
		r.color = hex(fromRGB(lv.Ink))
		if lv.Fill != nil {
			r.shade = hex(fromRGB(*lv.Fill))
		}
		if w.d.Scheme != nil && w.d.Scheme.Align == domain.AlignRight {
			props.jc = "right"
		}
	}
	if w.d.Scheme != nil && w.d.Scheme.BannerPoints > 9 {
		r.size = int(w.d.Scheme.BannerPoints * 2)
	}
	props.write(&b)
	run(&b, r, w.d.Banner)
	b.WriteString("</w:p>")
	return b.String()
}

// draftPara is the draft mark in words at the top left, where a reader
// meets it on every page, with the watermark across the page anchored to
// it, as Word writes a watermark: a VML text path behind the text.
func (w *docxWriter) draftPara(mark string, n int) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	styled(stDraftMark).write(&b)
	b.WriteString(watermark(mark, n))
	run(&b, rPr{}, mark)
	b.WriteString("</w:p>")
	return b.String()
}

func watermark(mark string, n int) string {
	width, height := "468pt", "117pt"
	if len(mark) > 6 {
		width, height = "468pt", "78pt"
	}
	id := strconv.Itoa(2048 + n)
	return `<w:r><w:rPr><w:noProof/></w:rPr><w:pict xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word">` +
		`<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">` +
		`<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>` +
		`<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>` +
		`<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/>` +
		`<v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>` +
		`<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>` +
		`<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>` +
		`<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>` +
		`<v:shape id="PowerPlusWaterMarkObject` + id + `" o:spid="_x0000_s` + id + `" type="#_x0000_t136" ` +
		`style="position:absolute;margin-left:0;margin-top:0;width:` + width + `;height:` + height + `;rotation:315;z-index:-251657216;` +
		`mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" ` +
		`o:allowincell="f" fillcolor="` + "#" + hex(navy) + `" stroked="f"><v:fill opacity=".1"/>` +
		`<v:textpath style="font-family:&quot;` + sansFont + `&quot;;font-size:1pt" string="` + xmlText(mark) + `"/>` +
		`<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>`
}
