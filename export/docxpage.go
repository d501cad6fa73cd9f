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

// The placeholders of Attaché's own template, each a paragraph in its
// style: the export puts the banner, the running header and the
// classification authority block in their places (furnish).
var (
	placeholder       = placeholderPara(stBanner, "CLASSIFICATION BANNER")
	runningHeadHolder = placeholderPara(stRunningHead, "RUNNING HEADER")
	authorityHolder   = placeholderPara(stAuthority, "CLASSIFICATION AUTHORITY")
)

func placeholderPara(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// ownFurniture is Attaché's headers and footers, laid out as the PDF's
// pages: a distinct first page (w:titlePg) whose header is the banner
// alone and whose footer holds the classification authority block above
// the page number and the banner, where the PDF prints it on page 1; on
// later pages the banner over the running header, and the page number
// above the banner at the foot.
func ownFurniture() []furniture {
	hdr := func(typ, body string) furniture {
		return furniture{typ: typ, xml: xmlHeader + `<w:hdr ` + wordNS + `>` + body + `</w:hdr>`}
	}
	ftr := func(typ, body string) furniture {
		return furniture{footer: true, typ: typ, xml: xmlHeader + `<w:ftr ` + wordNS + `>` + body + pageNumbers() + placeholder + `</w:ftr>`}
	}
	return []furniture{
		hdr("default", placeholder+runningHeadHolder),
		hdr("first", placeholder),
		ftr("default", ""),
		ftr("first", authorityHolder),
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
// banner (in a draft's headers with the draft mark beside it and the
// watermark) where the banner placeholder stands, else at its top; the
// running header at its placeholder; in the first page's footer the
// classification authority block, at its placeholder or on top. A footer
// without a page number gets "Page X of Y" too. n numbers the watermark
// shapes. What an earlier export used as the template carries (its draft
// mark, running header, authority block) is replaced, never doubled:
// only this briefing's markings count.
func (w *docxWriter) furnish(f furniture, n int) string {
	x, _ := replaceStyled(f.xml, stDraftMark, "")
	x = placeMarks(x, stBanner, w.bannerPara(!f.footer, n), f.footer)
	x, _ = replaceStyled(x, stRunningHead, w.runningHead())
	authority := ""
	if f.footer && f.typ == "first" {
		authority = w.authorityParas()
	}
	x = placeMarks(x, stAuthority, authority, f.footer)
	if f.footer && !pageField.MatchString(x) {
		if i := strings.LastIndex(x, "</w:ftr>"); i >= 0 {
			x = x[:i] + pageNumbers() + x[i:]
		}
	}
	return x
}

// placeMarks puts marks where the paragraph in style stands, else at the
// top of the part.
func placeMarks(x, style, marks string, footer bool) string {
	if rest, ok := replaceStyled(x, style, marks); ok {
		return rest
	}
	if marks == "" {
		return x
	}
	return afterRoot(x, footer, marks)
}

// replaceStyled replaces the first paragraph in style with with and
// takes out any others in it; ok says whether there was one.
func replaceStyled(x, style, with string) (string, bool) {
	// A mark no XML holds stands in for with until the others are out,
	// as with may be in style itself.
	const stand = "\x00"
	x, ok := replaceStyledPara(x, style, stand)
	for found := ok; found; {
		x, found = replaceStyledPara(x, style, "")
	}
	return strings.Replace(x, stand, with, 1), ok
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
// briefing without a banner keeps an empty banner paragraph. In a
// draft's header the draft mark stands at the left of the same line, as
// in the PDF, where a reader meets it on every page, the banner then
// set at a tab, and the watermark is anchored to it.
func (w *docxWriter) bannerPara(header bool, n int) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	props := styled(stBanner)
	r := rPr{}
	right := false
	if lv := w.d.Mark.Level; lv != nil {
		r.color = hex(fromRGB(lv.Ink))
		if lv.Fill != nil {
			r.shade = hex(fromRGB(*lv.Fill))
		}
		right = w.d.Scheme != nil && w.d.Scheme.Align == domain.AlignRight
	}
	if right {
		props.jc = "right"
	}
	if w.d.Scheme != nil && w.d.Scheme.BannerPoints > 9 {
		r.size = int(w.d.Scheme.BannerPoints * 2)
	}
	mark := draftMark(w.d.Briefing.Status)
	if !header || mark == "" {
		props.write(&b)
		run(&b, r, w.d.Banner)
		b.WriteString("</w:p>")
		return b.String()
	}
	props.jc = "left"
	props.tabs = centreTab(w.page.textWidth() / 2)
	if right {
		props.tabs = rightTab(w.page.textWidth())
	}
	props.write(&b)
	b.WriteString(watermark(mark, n))
	// The PDF's draft mark: 8 pt bold sans in dark red.
	run(&b, rPr{font: sansFont, bold: true, color: "AA1E1E", size: 16}, mark)
	run(&b, r, "\t"+w.d.Banner)
	b.WriteString("</w:p>")
	return b.String()
}

func centreTab(pos int) string { return `<w:tab w:val="center" w:pos="` + itoa(pos) + `"/>` }
func rightTab(pos int) string  { return `<w:tab w:val="right" w:pos="` + itoa(pos) + `"/>` }

// runningHead is the PDF's running header on pages after the first: the
// short title at the left, the date at the right margin, a rule below.
func (w *docxWriter) runningHead() string {
	br := w.d.Briefing
	var b strings.Builder
	b.WriteString("<w:p>")
	props := styled(stRunningHead)
	props.tabs = rightTab(w.page.textWidth())
	props.write(&b)
	text := shortTitle(br.Title)
	if d := br.Date.Long(); d != "" {
		text += "\t" + d
	}
	run(&b, rPr{}, text)
	b.WriteString("</w:p>")
	return b.String()
}

// authorityParas is the classification authority block, a paragraph a
// line, for the first page's footer; "" without one.
func (w *docxWriter) authorityParas() string {
	var b strings.Builder
	for i, a := range w.d.Authority {
		b.WriteString("<w:p>")
		// Clear of the text or the notes above, and of the page number
		// below, as the PDF keeps it.
		props := styled(stAuthority)
		if i == 0 {
			props.before = 200
		}
		if i == len(w.d.Authority)-1 {
			props.after = 160
		}
		props.write(&b)
		run(&b, rPr{}, a)
		b.WriteString("</w:p>")
	}
	return b.String()
}

// watermark is the PDF's watermark as a VML text path: the mark in bold
// sans at 84 pt (52 pt for a longer mark), navy at 7% opacity, turned 50
// degrees anticlockwise about the page's centre. A text path is drawn to
// fill its box, so the box is the text's size: its advance in Arial Bold
// by a width table, and two thirds of the size high, as Word sizes one.
func watermark(mark string, n int) string {
	size := 84.0
	if len(mark) > 6 {
		size = 52
	}
	width := strconv.FormatFloat(boldAdvance(mark)*size, 'f', 1, 64) + "pt"
	height := strconv.FormatFloat(size*2/3, 'f', 1, 64) + "pt"
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
		`style="position:absolute;margin-left:0;margin-top:0;width:` + width + `;height:` + height + `;rotation:310;z-index:-251657216;` +
		`mso-position-horizontal:center;mso-position-horizontal-relative:page;mso-position-vertical:center;mso-position-vertical-relative:page" ` +
		`o:allowincell="f" fillcolor="` + "#" + hex(navy) + `" stroked="f"><v:fill opacity=".07"/>` +
		`<v:textpath style="font-family:&quot;` + sansFont + `&quot;;font-size:1pt" string="` + xmlText(mark) + `"/>` +
		`<w10:wrap anchorx="page" anchory="page"/></v:shape></w:pict></w:r>`
}

// boldAdvance is text's width in Arial Bold (Helvetica Bold's metrics) in
// ems: capitals, the space and the middle dot, the marks' characters;
// anything else as a wide capital.
func boldAdvance(text string) float64 {
	const caps = "722722722722667611778722278556722611833722778667778722667611722667944667667611"
	w := 0
	for _, r := range text {
		switch {
		case r >= 'A' && r <= 'Z':
			i := int(r-'A') * 3
			v, _ := strconv.Atoi(caps[i : i+3])
			w += v
		case r == ' ', r == '·':
			w += 278
		default:
			w += 722
		}
	}
	return float64(w) / 1000
}
