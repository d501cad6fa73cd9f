package ingest

import (
	"strconv"
	"strings"
	"unicode"
)

// Paragraph kinds that matter to the importer.
const (
	styleBody = iota
	styleTitle
	styleSubtitle
	styleHeading
	styleTOC // table-of-contents entries: page numbers, not text
)

type styleInfo struct {
	kind, level int // level: 1–9 for headings
	numID       string
	ilvl        int
}

type valAttr struct {
	Val string `xml:"val,attr"`
}

type stylesXML struct {
	Lang   valAttr `xml:"docDefaults>rPrDefault>rPr>lang"`
	Styles []struct {
		ID      string   `xml:"styleId,attr"`
		Name    valAttr  `xml:"name"`
		BasedOn valAttr  `xml:"basedOn"`
		NumID   *valAttr `xml:"pPr>numPr>numId"`
		Ilvl    valAttr  `xml:"pPr>numPr>ilvl"`
		Outline *valAttr `xml:"pPr>outlineLvl"`
	} `xml:"style"`
}

type docxStyle struct {
	name, basedOn string
	numID         *string
	ilvl, outline int // outline: -1 when unset
}

// docxStyles resolves paragraph style ids. Built-in styles are recognised by
// their name in styles.xml ("heading 1", "Title"), which Word writes in
// English whatever the interface language, or failing that by their id.
type docxStyles struct {
	byID map[string]docxStyle
	lang string
}

func parseStyles(data []byte) (docxStyles, error) {
	var x stylesXML
	s := docxStyles{byID: map[string]docxStyle{}}
	if data == nil {
		return s, nil
	}
	if err := decodeXML(data, &x); err != nil {
		return s, err
	}
	s.lang = x.Lang.Val
	for _, st := range x.Styles {
		ds := docxStyle{name: st.Name.Val, basedOn: st.BasedOn.Val, outline: -1}
		if st.NumID != nil {
			ds.numID = &st.NumID.Val
			ds.ilvl, _ = strconv.Atoi(st.Ilvl.Val)
			ds.ilvl = min(max(ds.ilvl, 0), 8)
		}
		if st.Outline != nil {
			if n, err := strconv.Atoi(st.Outline.Val); err == nil && n >= 0 && n < 9 {
				ds.outline = n
			}
		}
		s.byID[st.ID] = ds
	}
	return s, nil
}

// info gives the kind and list numbering of a style, following basedOn.
func (s docxStyles) info(id string) styleInfo {
	var info styleInfo
	kindSet, numSet := false, false
	for range 16 { // basedOn chains are short; a loop in a damaged file must end
		st, ok := s.byID[id]
		if !kindSet {
			name := st.name
			if !ok || name == "" {
				name = id
			}
			if k, lvl := styleKindOf(name); k != styleBody {
				info.kind, info.level, kindSet = k, lvl, true
			} else if st.outline >= 0 {
				info.kind, info.level, kindSet = styleHeading, st.outline+1, true
			}
		}
		if !numSet && st.numID != nil {
			info.numID, info.ilvl, numSet = *st.numID, st.ilvl, true
		}
		if !ok || st.basedOn == "" || (kindSet && numSet) {
			break
		}
		id = st.basedOn
	}
	return info
}

// styleKindOf reads a style name or id: "heading 1", "Heading1", "Title",
// "Subtitle", "toc 2", "TOC Heading".
func styleKindOf(name string) (kind, level int) {
	n := strings.ToLower(strings.Join(strings.Fields(name), ""))
	switch {
	case n == "title":
		return styleTitle, 0
	case n == "subtitle":
		return styleSubtitle, 0
	case n == "tocheading" || (len(n) == 4 && strings.HasPrefix(n, "toc") && n[3] >= '1' && n[3] <= '9'):
		return styleTOC, 0
	case strings.HasPrefix(n, "heading") && len(n) == len("heading")+1 && n[7] >= '1' && n[7] <= '9':
		return styleHeading, int(n[7] - '0')
	}
	return styleBody, 0
}

// symText is the character a w:sym element shows. Symbol fonts put their
// glyphs at U+F020–U+F0FF (or at the plain code); the common ones are mapped,
// the rest of the private-use area is dropped.
func symText(font, char string) string {
	v, err := strconv.ParseUint(char, 16, 32)
	if err != nil {
		return ""
	}
	r := rune(v)
	if r >= 0xF000 && r <= 0xF0FF {
		r -= 0xF000
	}
	switch f := strings.ToLower(strings.TrimSpace(font)); {
	case f == "symbol":
		const upper, lower = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ", "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"
		switch {
		case r >= 'A' && r <= 'Z':
			return string([]rune(upper)[r-'A'])
		case r >= 'a' && r <= 'z':
			return string([]rune(lower)[r-'a'])
		}
		if s, ok := symbolFont[r]; ok {
			return s
		}
	case strings.HasPrefix(f, "wingdings"):
		if s, ok := wingdingsFont[r]; ok {
			return s
		}
		return ""
	}
	if r < 0x20 || (r >= 0x7F && r < 0xA0) || r > unicode.MaxRune || unicode.Is(unicode.Co, r) ||
		unicode.Is(unicode.Cs, r) {
		return ""
	}
	return string(r)
}

var symbolFont = map[rune]string{
	0xA3: "≤", 0xA5: "∞", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓", 0xB0: "°", 0xB1: "±",
	0xB3: "≥", 0xB4: "×", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈", 0xBC: "…", 0xD6: "√",
	0xD7: "·", 0xE5: "∑", 0xF2: "∫", 0xB6: "∂", 0xC6: "∅", 0xCE: "∈", 0xD2: "®", 0xD3: "©", 0xD4: "™",
	0x22: "∀", 0x24: "∃", 0x2D: "−", 0x40: "≅", 0x5E: "⊥",
}

var wingdingsFont = map[rune]string{
	0x6C: "●", 0x6E: "■", 0x71: "❑", 0x76: "❖", 0x9F: "•", 0xA7: "▪", 0xA8: "◻", 0xD8: "➢", 0xE0: "→",
	0xE8: "➔", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑",
}
