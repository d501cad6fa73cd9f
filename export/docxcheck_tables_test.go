package export

import "strings"

// More sequences Word checks and LibreOffice does not: table, row and
// cell properties (a w:trPr is a choice, in any order, so it is not here).
var (
	tblPrSeq = strings.Fields(`tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize
		tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange`)
	tcPrSeq = strings.Fields(`cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection
		tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange`)
)

// settingsSeq is CT_Settings' order, which Word enforces on settings.xml.
var settingsSeq = strings.Fields(`writeProtection view zoom removePersonalInformation removeDateAndTime
	doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth
	printFormsData embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins
	alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors
	hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles
	stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView trackRevisions doNotTrackMoves
	doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop
	autoHyphenation consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength
	clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting bookFoldPrinting
	bookFoldPrintingSheets drawingGridHorizontalSpacing drawingGridVerticalSpacing
	displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin
	drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning
	characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore
	savePreviewPicture doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText
	doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags
	alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr
	attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures
	forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags
	decimalSymbol listSeparator`)

// The note properties: in settings.xml, w:footnote and w:endnote name
// the separators, once each; in a w:sectPr only the first four appear.
var (
	footnotePrSeq = strings.Fields(`pos numFmt numStart numRestart footnote`)
	endnotePrSeq  = strings.Fields(`pos numFmt numStart numRestart endnote`)
)

func init() {
	sequences["tblPr"] = tblPrSeq
	sequences["tcPr"] = tcPrSeq
	sequences["settings"] = settingsSeq
	sequences["footnotePr"] = footnotePrSeq
	sequences["endnotePr"] = endnotePrSeq
}

// checkStructure checks what Word needs of stories and tables: a table
// cell, header, footer and note end with a paragraph (Word reports
// unreadable content for a cell without one, or ending in a table); a
// table has w:tblPr and w:tblGrid first; the body's w:sectPr is its last
// child; a drawing's wp:docPr has an id and a name; a w:t with a space at
// either end keeps it with xml:space="preserve" (Word drops it otherwise,
// running words together).
func (p *docxPkg) checkStructure() {
	for _, name := range p.wordParts() {
		p.xml[name].walk(func(n *xnode) {
			switch {
			case n.is(ckW, "tc"), n.is(ckW, "hdr"), n.is(ckW, "ftr"), isNote(n):
				p.endsWithParagraph(name, n)
			case n.is(ckW, "tbl"):
				if len(n.kids) < 2 || !n.kids[0].is(ckW, "tblPr") || !n.kids[1].is(ckW, "tblGrid") {
					p.fail(name, "%s: a table starts with w:tblPr then w:tblGrid", n.path())
				}
			case n.is(ckW, "body"):
				for i, k := range n.kids {
					if k.is(ckW, "sectPr") && i != len(n.kids)-1 {
						p.fail(name, "%s: w:sectPr must be the body's last child", k.path())
					}
				}
			case n.is(ckWP, "docPr"):
				id, _ := n.get("", "id")
				if _, ok := n.get("", "name"); !ok || id == "" || strings.HasPrefix(id, "-") {
					p.fail(name, "%s: a drawing's wp:docPr needs a positive id and a name", n.path())
				}
			case n.is(ckW, "t"), n.is(ckW, "instrText"):
				text := n.text
				if strings.TrimSpace(text) != text && text != "" {
					if v, _ := n.get(ckXML, "space"); v != "preserve" {
						p.fail(name, "%s %q has a space at an end but no xml:space=\"preserve\": Word drops it", n.path(), text)
					}
				}
			}
		})
	}
}

// endsWithParagraph checks a story's last block-level child is a w:p
// (separators included: Word writes them as paragraphs too).
func (p *docxPkg) endsWithParagraph(part string, n *xnode) {
	var last *xnode
	for _, k := range n.kids {
		if k.name.Space == ckW && (k.name.Local == "p" || k.name.Local == "tbl" || k.name.Local == "sdt") {
			last = k
		}
	}
	if last == nil || !last.is(ckW, "p") {
		p.fail(part, "%s: %s must end with a w:p", n.path(), n.label())
	}
}

// isNote says n is a note or comment of a notes part, not settings.xml's
// w:footnotePr/w:footnote, which names a separator.
func isNote(n *xnode) bool {
	p := n.parent
	return p != nil && (n.is(ckW, "footnote") && p.is(ckW, "footnotes") || n.is(ckW, "endnote") && p.is(ckW, "endnotes") ||
		n.is(ckW, "comment") && p.is(ckW, "comments"))
}
