package export

import (
	"strings"
	"testing"
)

// CheckDOCX lets the tests of package export_test (which may import the
// importer, package ingest, without a cycle) run the package checker.
func CheckDOCX(t testing.TB, data []byte) {
	t.Helper()
	checkDOCX(t, data)
}

// DOCXPara is one paragraph of a DOCX's main document as the round-trip
// tests see it: its text and its style's name ("heading 1").
type DOCXPara struct{ Text, Style string }

// DOCXParagraphs reads the paragraphs of data's main document (not of
// tables' cells' nested stories: those are read as paragraphs too), with
// the name of each paragraph's style from styles.xml.
func DOCXParagraphs(t testing.TB, data []byte) []DOCXPara {
	t.Helper()
	p, main := parsedMain(t, data)
	names := map[string]string{}
	if st := p.xml[strings.ToLower(p.one(main, ckRelStyles))]; st != nil {
		for _, s := range st.kids {
			id, _ := s.get(ckW, "styleId")
			for _, k := range s.kids {
				if k.is(ckW, "name") {
					names[id] = k.wval()
				}
			}
		}
	}
	var out []DOCXPara
	p.xml[main].walk(func(n *xnode) {
		if n.is(ckW, "p") {
			out = append(out, DOCXPara{Text: paraText(n), Style: names[paraStyle(n)]})
		}
	})
	return out
}

func paraStyle(p *xnode) string {
	for _, k := range p.kids {
		if k.is(ckW, "pPr") {
			for _, s := range k.kids {
				if s.is(ckW, "pStyle") {
					return s.wval()
				}
			}
		}
	}
	return ""
}

// paraText is the text of a paragraph's runs (w:t, w:tab as a space).
func paraText(p *xnode) string {
	var b strings.Builder
	p.walk(func(n *xnode) {
		switch {
		case n.is(ckW, "t"):
			b.WriteString(n.text)
		case n.is(ckW, "tab"), n.is(ckW, "br"):
			b.WriteString(" ")
		}
	})
	return b.String()
}

// DOCXPartText is the text (w:t) of every part whose root is local
// (w:hdr, w:ftr, w:footnotes …), in part name order: a header's banner.
func DOCXPartText(t testing.TB, data []byte, local string) []string {
	t.Helper()
	p := parsed(t, data)
	var out []string
	for _, name := range p.wordParts() {
		if p.xml[name].is(ckW, local) {
			out = append(out, paraText(p.xml[name]))
		}
	}
	return out
}

// DOCXCount counts the elements w:local in the part at name.
func DOCXCount(t testing.TB, data []byte, name, local string) int {
	t.Helper()
	p := parsed(t, data)
	n := 0
	if root := p.xml[strings.ToLower(name)]; root != nil {
		root.walk(func(e *xnode) {
			if e.is(ckW, local) {
				n++
			}
		})
	}
	return n
}

// DOCXNoteFormat is the number format Word gives the notes of kind
// ("footnote", "endnote"): the last section's w:numFmt, else
// settings.xml's, else Word's default, which is lowerRoman (i, ii, iii)
// for endnotes.
func DOCXNoteFormat(t testing.TB, data []byte, kind string) string {
	t.Helper()
	p, main := parsedMain(t, data)
	var fromSect, fromSettings string
	find := func(root *xnode, into *string, parent string) {
		if root == nil {
			return
		}
		root.walk(func(n *xnode) {
			if n.is(ckW, "numFmt") && n.parent.is(ckW, kind+"Pr") && n.parent.parent.is(ckW, parent) {
				*into = n.wval()
			}
		})
	}
	find(p.xml[main], &fromSect, "sectPr")
	find(p.xml[strings.ToLower(p.one(main, ckRelSettings))], &fromSettings, "settings")
	switch {
	case fromSect != "":
		return fromSect
	case fromSettings != "":
		return fromSettings
	case kind == "endnote":
		return "lowerRoman"
	}
	return "decimal"
}

// parsed reads data's parts for the hooks above, failing t if it is no
// package.
func parsed(t testing.TB, data []byte) *docxPkg {
	t.Helper()
	p, err := readPkg(data)
	if err != nil {
		t.Fatal(err)
	}
	p.checkTypes()
	p.parseParts()
	return p
}

// parsedMain is parsed with the main document's part name, failing t if
// there is none.
func parsedMain(t testing.TB, data []byte) (*docxPkg, string) {
	t.Helper()
	p := parsed(t, data)
	p.checkRels()
	main := p.checkMain()
	if main == "" {
		t.Fatalf("no main document: %v", p.problems)
	}
	return p, main
}
