package export

import (
	"regexp"
	"strings"
)

// The styles of the DOCX. Word's built-in styles keep their built-in ids
// and names, so a house template restyles them as it restyles any
// document; what Word has no style for gets an "Attache …" style of its
// own, so that a template can restyle that too.

// Fonts of Attaché's own look: a serif for reading, a sans for furniture,
// as the PDF has them; Word substitutes what a machine lacks.
const (
	serifFont = "Georgia"
	sansFont  = "Arial"
)

// Style ids the body uses.
const (
	stTitle       = "Title"
	stSubtitle    = "Subtitle"
	stHeading1    = "Heading1"
	stHeading2    = "Heading2"
	stHeading3    = "Heading3"
	stQuote       = "Quote"
	stListNumber  = "ListNumber"
	stFootText    = "FootnoteText"
	stFootRef     = "FootnoteReference"
	stEndText     = "EndnoteText"
	stEndRef      = "EndnoteReference"
	stCaption     = "Caption"
	stHeader      = "Header"
	stFooter      = "Footer"
	stTOCHeading  = "TOCHeading"
	stTOC1        = "TOC1"
	stDetails     = "AttacheDetails"
	stDefinition  = "AttacheDefinition"
	stAuthority   = "AttacheAuthority"
	stBottomLine  = "AttacheBottomLine"
	stBLUFLabel   = "AttacheBottomLineLabel"
	stJudgment    = "AttacheKeyJudgment"
	stBasis       = "AttacheBasis"
	stCommentary  = "AttacheCommentary"
	stAnalystNote = "AttacheAnalystNote"
	stFigure      = "AttacheFigure"
	stSource      = "AttacheSourceEntry"
	stSourceInfo  = "AttacheSourceDetails"
	stBanner      = "AttacheBanner"
	stDraftMark   = "AttacheDraftMark"
	stRunningHead = "AttacheRunningHeader"
	stGuideIntro  = "AttacheGuideText"
	stGuideNote   = "AttacheGuideNote"
	stGuideTable  = "AttacheGuideTable"
)

// styleDef is one w:style.
type styleDef struct {
	id, name, kind  string // kind: paragraph, character, table
	basedOn, next   string
	builtin         bool // Word's own: no customStyle flag
	uiPriority      int
	semiHidden      bool
	p               pPr
	r               rPr
	tableBorders    bool
	defaultParagrah bool
	notDefault      bool // a template has its own default of this kind
}

// para is a paragraph style of Attaché's own.
func para(id, name, basedOn string, p pPr, r rPr) styleDef {
	p.style = ""
	return styleDef{id: id, name: name, kind: "paragraph", basedOn: basedOn, p: p, r: r}
}

// spacing is a pPr with space before and after, in points.
func spacing(before, after float64) pPr {
	p := styled("")
	p.before, p.after = int(before*20), int(after*20)
	return p
}

// houseStyles are Attaché's styles, in the order styles.xml lists them.
func houseStyles() []styleDef {
	navyX, inkX, greyX := hex(navy), hex(ink), hex(grey)
	normal := spacing(0, 7)
	normal.line = 276
	heading := func(id, name string, level int, size int, before float64) styleDef {
		p := spacing(before, 6)
		p.keepNext, p.keepLines, p.outline = true, true, level-1
		s := para(id, name, "Normal", p, rPr{font: sansFont, bold: true, color: navyX, size: size})
		s.builtin, s.next, s.uiPriority = true, "Normal", 9
		return s
	}
	builtin := func(s styleDef) styleDef { s.builtin = true; return s }
	title := spacing(0, 4)
	title.keepNext = true
	subtitle := spacing(0, 10)
	subtitle.keepNext = true
	quote := spacing(4, 3)
	quote.left, quote.right = 480, 240
	quote.border = `<w:left w:val="single" w:sz="12" w:space="8" w:color="` + hex(quoteBar) + `"/>`
	list := spacing(0, 4)
	list.left, list.hanging = 400, 400
	bluf := spacing(0, 0)
	bluf.left, bluf.right = 280, 280
	bluf.shade = hex(blufFill)
	bluf.border = `<w:top w:val="single" w:sz="4" w:space="6" w:color="` + hex(blufFill) + `"/>` +
		`<w:left w:val="single" w:sz="24" w:space="10" w:color="` + navyX + `"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="6" w:color="` + hex(blufFill) + `"/>` +
		`<w:right w:val="single" w:sz="4" w:space="10" w:color="` + hex(blufFill) + `"/>`
	blufLabel := bluf
	// The label stands clear of the summary, as in the PDF's box.
	blufLabel.before, blufLabel.after, blufLabel.keepNext, blufLabel.outline = 440, 100, true, 0
	basis := spacing(0, 6)
	basis.left = 400
	details := spacing(0, 2)
	figure := spacing(10, 0)
	figure.keepNext, figure.jc = true, "center"
	caption := spacing(6, 12)
	caption.jc = "center"
	source := spacing(0, 1)
	source.left, source.hanging, source.keepNext = 400, 400, true
	sourceInfo := spacing(0, 7)
	sourceInfo.left = 400
	banner := spacing(0, 0)
	banner.jc = "center"
	header := styled("")
	// The PDF's running header: 8.5 pt grey over a hairline rule.
	runningHead := spacing(4, 0)
	runningHead.border = `<w:bottom w:val="single" w:sz="4" w:space="3" w:color="` + hex(rule) + `"/>`
	footer := styled("")
	footer.jc = "center"
	noteText := spacing(0, 2)
	toc := spacing(0, 1)
	tocHeading := styled("")
	tocHeading.outline = 9 // body text: the contents do not list their own heading
	guideIntro := spacing(0, 5)
	guideIntro.keepNext = true // the sentence stays with its table
	analyst := spacing(0, 6)
	analyst.left, analyst.right = 480, 240
	return []styleDef{
		{id: "Normal", name: "Normal", kind: "paragraph", builtin: true, defaultParagrah: true, p: normal, r: rPr{font: serifFont, color: inkX, size: 21}},
		{id: "DefaultParagraphFont", name: "Default Paragraph Font", kind: "character", builtin: true, uiPriority: 1, semiHidden: true},
		builtin(para(stTitle, "Title", "Normal", title, rPr{font: sansFont, bold: true, color: navyX, size: 42})),
		builtin(para(stSubtitle, "Subtitle", "Normal", subtitle, rPr{font: sansFont, color: greyX, size: 25})),
		heading(stHeading1, "heading 1", 1, 26, 20),
		heading(stHeading2, "heading 2", 2, 17, 12),
		heading(stHeading3, "heading 3", 3, 15, 10),
		builtin(para(stQuote, "Quote", "Normal", quote, rPr{size: 20})),
		builtin(para(stListNumber, "List Number", "Normal", list, rPr{})),
		builtin(para(stFootText, "footnote text", "Normal", noteText, rPr{size: 18})),
		{id: stFootRef, name: "footnote reference", kind: "character", builtin: true, basedOn: "DefaultParagraphFont", r: rPr{color: navyX, vertAlign: "superscript"}},
		builtin(para(stEndText, "endnote text", "Normal", noteText, rPr{size: 18})),
		{id: stEndRef, name: "endnote reference", kind: "character", builtin: true, basedOn: "DefaultParagraphFont", r: rPr{color: navyX, vertAlign: "superscript"}},
		builtin(para(stCaption, "caption", "Normal", caption, rPr{font: sansFont, size: 17})),
		builtin(para(stHeader, "header", "Normal", header, rPr{font: sansFont, size: 17, color: greyX})),
		builtin(para(stFooter, "footer", "Normal", footer, rPr{font: sansFont, size: 17, color: greyX})),
		builtin(para(stTOCHeading, "TOC Heading", stHeading1, tocHeading, rPr{})),
		builtin(para(stTOC1, "toc 1", "Normal", toc, rPr{})),
		{id: "TableNormal", name: "Normal Table", kind: "table", builtin: true, semiHidden: true, uiPriority: 99},
		para(stDetails, "Attache Details", "Normal", details, rPr{}),
		para(stDefinition, "Attache Definition", "Normal", spacing(8, 0), rPr{font: sansFont, size: 17, color: greyX}),
		para(stAuthority, "Attache Authority", "Normal", spacing(0, 0), rPr{font: sansFont, size: 17}),
		para(stBLUFLabel, "Attache Bottom Line Label", stBottomLine, blufLabel, rPr{font: sansFont, bold: true, caps: true, color: navyX, size: 15}),
		para(stBottomLine, "Attache Bottom Line", "Normal", bluf, rPr{size: 22}),
		para(stJudgment, "Attache Key Judgment", stListNumber, styled(""), rPr{}),
		para(stBasis, "Attache Basis", "Normal", basis, rPr{font: sansFont, size: 17, color: greyX}),
		para(stCommentary, "Attache Commentary", "Normal", styled(""), rPr{}),
		para(stAnalystNote, "Attache Analyst Note", "Normal", analyst, rPr{font: sansFont, size: 17, color: greyX}),
		para(stFigure, "Attache Figure", "Normal", figure, rPr{}),
		para(stSource, "Attache Source Entry", "Normal", source, rPr{size: 18}),
		para(stSourceInfo, "Attache Source Details", "Normal", sourceInfo, rPr{font: sansFont, size: 17, color: greyX}),
		para(stBanner, "Attache Banner", "Normal", banner, rPr{font: sansFont, bold: true, size: 18}),
		para(stRunningHead, "Attache Running Header", stHeader, runningHead, rPr{}),
		para(stDraftMark, "Attache Draft Mark", stHeader, styled(""), rPr{bold: true, color: "AA1E1E", size: 16}),
		para(stGuideIntro, "Attache Guide Text", "Normal", guideIntro, rPr{}),
		para(stGuideNote, "Attache Guide Note", "Normal", spacing(4, 2), rPr{font: sansFont, size: 17, color: greyX}),
		{id: stGuideTable, name: "Attache Guide Table", kind: "table", basedOn: "TableNormal", tableBorders: true, r: rPr{size: 18}},
	}
}

func (s styleDef) write(b *strings.Builder) {
	kv := []string{"w:type", s.kind}
	if (s.defaultParagrah || s.id == "DefaultParagraphFont" || s.id == "TableNormal") && !s.notDefault {
		kv = append(kv, "w:default", "1")
	}
	if !s.builtin {
		kv = append(kv, "w:customStyle", "1")
	}
	kv = append(kv, "w:styleId", s.id)
	b.WriteString("<w:style")
	attrs(b, kv...)
	b.WriteString(">")
	empty(b, "w:name", "w:val", s.name)
	if s.basedOn != "" {
		empty(b, "w:basedOn", "w:val", s.basedOn)
	}
	if s.next != "" {
		empty(b, "w:next", "w:val", s.next)
	}
	if s.uiPriority > 0 {
		empty(b, "w:uiPriority", "w:val", itoa(s.uiPriority))
	}
	boolElem(b, "w:semiHidden", s.semiHidden)
	if s.kind == "paragraph" || s.kind == "character" {
		b.WriteString("<w:qFormat/>")
	}
	if s.kind == "paragraph" {
		s.p.write(b)
	}
	s.r.write(b)
	if s.kind == "table" {
		b.WriteString(`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>`)
		if s.tableBorders {
			c := hex(rule)
			b.WriteString("<w:tblBorders>")
			for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
				empty(b, "w:"+side, "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", c)
			}
			b.WriteString("</w:tblBorders>")
		}
		b.WriteString(`<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr>`)
	}
	b.WriteString("</w:style>")
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// stylesXML is Attaché's own styles.xml.
func stylesXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles ` + wordNS + `>`)
	b.WriteString(`<w:docDefaults><w:rPrDefault>`)
	rPr{font: serifFont, size: 21}.write(&b)
	b.WriteString(`</w:rPrDefault><w:pPrDefault/></w:docDefaults>`)
	for _, s := range houseStyles() {
		s.write(&b)
	}
	b.WriteString(`</w:styles>`)
	return b.String()
}

var (
	styleIDPattern  = regexp.MustCompile(`w:styleId="([^"]*)"`)
	styleTagPattern = regexp.MustCompile(`<w:style\b[^>]*>`)
)

// mergeStyles is a template's styles.xml with Attaché's styles it lacks
// added: its own styles win, and every style the document names exists.
func mergeStyles(tpl string) (string, bool) {
	end := strings.LastIndex(tpl, "</w:styles>")
	if end < 0 {
		return "", false
	}
	have := map[string]bool{}
	for _, m := range styleIDPattern.FindAllStringSubmatch(tpl, -1) {
		have[m[1]] = true
	}
	// A template whose default styles have other ids (a Word in German
	// calls Normal "Standard") keeps them as the defaults.
	defaults := map[string]bool{}
	for _, m := range styleTagPattern.FindAllString(tpl, -1) {
		a := attributes(m)
		if d := a["w:default"]; d == "1" || d == "true" || d == "on" {
			defaults[a["w:type"]] = true
		}
	}
	var add strings.Builder
	for _, s := range houseStyles() {
		if !have[s.id] {
			s.notDefault = defaults[s.kind]
			s.write(&add)
		}
	}
	return tpl[:end] + add.String() + tpl[end:], true
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
