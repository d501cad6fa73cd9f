package export

import "strings"

// The OOXML sequences (ECMA-376 Part 1, transitional) of the property
// elements Word checks strictly: children out of this order, twice, or
// unknown make Word report unreadable content, while LibreOffice reads
// them in any order.
var (
	pPrSeq = strings.Fields(`pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr
		suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct
		autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents
		suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange`)
	// rPrSeq has the paragraph mark's tracked-change elements first and
	// rPrChange last: a paragraph mark's rPr (inside pPr) may have them.
	rPrSeq = strings.Fields(`ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike
		outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs
		highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange`)
	// sectPrSeq starts with the header and footer references, in any
	// order among themselves and repeated: see orderRank.
	sectPrSeq = strings.Fields(`headerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders
		lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid
		printerSettings sectPrChange`)
)

var sequences = map[string][]string{"pPr": pPrSeq, "rPr": rPrSeq, "sectPr": sectPrSeq}

// repeatable are the children that may appear more than once, by
// "parent/child"; all others appear at most once.
var repeatable = map[string]bool{"sectPr/headerReference": true, "sectPr/footerReference": true,
	"footnotePr/footnote": true, "endnotePr/endnote": true}

// orderRank is a child's place in its parent's sequence, -1 if unknown.
func orderRank(seq []string, local string) int {
	if local == "footerReference" {
		local = "headerReference"
	}
	for i, s := range seq {
		if s == local {
			return i
		}
	}
	return -1
}

// checkOrder checks the children of every w:pPr, w:rPr and w:sectPr in
// every WordprocessingML part (document, notes, headers, styles.xml's
// styles and docDefaults, numbering's levels), then w:p and w:r children.
func (p *docxPkg) checkOrder() {
	for _, name := range p.wordParts() {
		p.xml[name].walk(func(n *xnode) {
			if n.name.Space != ckW {
				return
			}
			if seq, ok := sequences[n.name.Local]; ok {
				p.checkSeq(name, n, seq)
			}
			switch n.name.Local {
			case "p":
				p.checkChildren(name, n, "pPr", paraKids)
			case "r":
				p.checkChildren(name, n, "rPr", runKids)
			case "t":
				if !n.parent.is(ckW, "r") {
					p.fail(name, "%s: w:t must be inside a w:r, not in %s", n.path(), n.parent.label())
				}
			}
		})
	}
}

func (p *docxPkg) checkSeq(part string, n *xnode, seq []string) {
	last, lastName := -1, ""
	seen := map[string]bool{}
	for _, k := range n.kids {
		r := orderRank(seq, k.name.Local)
		switch {
		case k.name.Space != ckW || r < 0:
			p.fail(part, "%s: unknown element %s in %s", k.path(), k.label(), n.label())
			continue
		case seen[k.name.Local] && !repeatable[n.name.Local+"/"+k.name.Local]:
			p.fail(part, "%s: %s appears twice in %s", k.path(), k.label(), n.label())
		case r < last:
			p.fail(part, "%s: %s comes after w:%s, but the schema puts it before", k.path(), k.label(), lastName)
		}
		seen[k.name.Local] = true
		if r >= last {
			last, lastName = r, k.name.Local
		}
	}
}

// Children a w:p and a w:r may have (CT_P's and CT_R's content, with the
// elements Word writes); anything else is an error, which catches a w:t
// or a w:p put straight into the wrong parent.
var (
	paraKids = set(`pPr r hyperlink bookmarkStart bookmarkEnd fldSimple ins del moveFrom moveTo
		commentRangeStart commentRangeEnd proofErr permStart permEnd sdt smartTag customXml subDoc
		moveFromRangeStart moveFromRangeEnd moveToRangeStart moveToRangeEnd dir bdo`)
	runKids = set(`rPr t br tab cr sym noBreakHyphen softHyphen footnoteReference endnoteReference footnoteRef
		endnoteRef separator continuationSeparator fldChar instrText delText delInstrText drawing pict object
		lastRenderedPageBreak ptab pgNum commentReference annotationRef ruby dayShort monthShort yearShort
		dayLong monthLong yearLong contentPart`)
)

func set(fields string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(fields) {
		m[f] = true
	}
	return m
}

// checkChildren checks n's children are allowed, with first (pPr, rPr)
// only as the first child. Math (m:oMath) and markup compatibility
// (mc:AlternateContent) are let through.
func (p *docxPkg) checkChildren(part string, n *xnode, first string, allowed map[string]bool) {
	for i, k := range n.kids {
		if k.name.Space != ckW {
			if !strings.Contains(k.name.Space, "math") && !strings.Contains(k.name.Space, "markup-compatibility") {
				p.fail(part, "%s: unknown element %s in %s", k.path(), k.label(), n.label())
			}
			continue
		}
		switch {
		case !allowed[k.name.Local]:
			p.fail(part, "%s: %s is not allowed directly in %s", k.path(), k.label(), n.label())
		case k.name.Local == first && i != 0:
			p.fail(part, "%s: %s must be the first child of %s", k.path(), k.label(), n.label())
		}
	}
}
