package ingest

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzImportDOCX feeds whole files: mostly it exercises the ZIP checks.
func FuzzImportDOCX(f *testing.F) {
	brief := buildDOCX(f, briefParts())
	simple := simpleDOCX(f, "Title", "By Jane Doe", "Body.")
	for _, seed := range [][]byte{
		brief, simple, brief[:len(brief)/3], simple[:len(simple)-30], append(bytes.Clone(cfbMagic), 0, 0),
		[]byte("PK\x03\x04"), []byte("PK\x05\x06" + strings.Repeat("\x00", 18)), []byte("PK\x03\x04word/document.xml"),
		buildDOCX(f, map[string]string{"word/document.xml": "<w:document><w:body><w:p><w:r><w:t>x"}),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "fuzz.docx", data) })
}

// FuzzDOCXXML wraps fuzzed document, footnotes and numbering parts in a
// valid package, so that the XML walk itself is explored.
func FuzzDOCXXML(f *testing.F) {
	p := briefParts()
	f.Add(p["word/document.xml"], p["word/footnotes.xml"], p["word/numbering.xml"])
	f.Add(documentXML(item(1, 8, "x"), table([]string{"<w:p>", ""})), "", "")
	f.Add(`<w:p><w:r><w:t>a</w:t><w:footnoteReference w:id="1"/></w:r></w:p>`,
		`<w:footnote w:id="1"><w:p><w:r><w:t>n</w:t><w:footnoteReference w:id="1"/></w:r></w:p></w:footnote>`, "")
	f.Add(documentXML(item(2, 0, "a"), item(2, 2, "b")), "",
		`<w:numbering `+wNS+`><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="2"><w:start w:val="-5"/>`+
			`<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1%2%3%9%%"/></w:lvl></w:abstractNum>`+
			`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`)
	f.Add(`<w:p><w:r><w:sym w:font="Symbol" w:char="F0"/><w:sym w:char="D800"/><w:t>&#xFFFE;&#13;</w:t></w:r></w:p>`, "", "")
	f.Fuzz(func(t *testing.T, doc, notes, numbering string) {
		data := buildDOCX(t, map[string]string{"word/document.xml": doc, "word/footnotes.xml": notes,
			"word/numbering.xml": numbering, "word/styles.xml": briefStyles})
		fuzzImport(t, "fuzz.docx", data)
	})
}

func TestSymText(t *testing.T) {
	for _, tt := range []struct{ font, char, want string }{
		{"Symbol", "F0B7", "•"}, {"Symbol", "F061", "α"}, {"Symbol", "0057", "Ω"}, {"Wingdings", "F0FC", "✓"},
		{"Wingdings", "F001", ""}, {"", "2013", "–"}, {"Arial", "F041", "A"}, {"", "E000", ""}, {"", "D800", ""},
		{"", "zz", ""}, {"", "1", ""}, {"", "110000", ""},
	} {
		if got := symText(tt.font, tt.char); got != tt.want {
			t.Errorf("symText(%q, %q) = %q, want %q", tt.font, tt.char, got, tt.want)
		}
	}
}

func TestListLabels(t *testing.T) {
	l, err := parseNumbering([]byte(briefNumbering))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range []struct {
		id   string
		ilvl int
	}{{"2", 0}, {"2", 1}, {"2", 1}, {"2", 0}, {"2", 1}, {"3", 0}, {"3", 0}, {"1", 0}, {"0", 0}, {"", 0}, {"9", 0}} {
		got = append(got, l.label(c.id, c.ilvl))
	}
	want := []string{"1. ", "(a) ", "(b) ", "2. ", "(a) ", "4. ", "5. ", Bullet, "", "", Bullet}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("labels %q, want %q", got, want)
	}
	for n, w := range map[int]string{1: "a", 26: "z", 27: "aa", 53: "aaa", 0: "0", 9999: "9999"} {
		if got := formatNumber(n, "lowerLetter"); got != w {
			t.Errorf("lowerLetter %d = %q, want %q", n, got, w)
		}
	}
	if got := formatNumber(1994, "upperRoman"); got != "MCMXCIV" {
		t.Errorf("roman %q", got)
	}
}
