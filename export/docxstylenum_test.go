package export

import "testing"

// TestListedStyles follows basedOn chains to the nearest numId.
func TestListedStyles(t *testing.T) {
	style := func(id, basedOn, numID string) string {
		s := `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + id + `"/>`
		if basedOn != "" {
			s += `<w:basedOn w:val="` + basedOn + `"/>`
		}
		if numID != "" {
			s += `<w:pPr><w:numPr><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>`
		}
		return s + `</w:style>`
	}
	styles := xmlHeader + `<w:styles ` + wordNS + `>` +
		style("A", "", "5") + style("B", "A", "") + style("C", "B", "") + // C → B → A, numbered
		style("Off", "A", "0") + style("UnderOff", "Off", "") + // numId 0 cuts the chain
		style("Missing", "", "9") + style("Loop1", "Loop2", "") + style("Loop2", "Loop1", "") +
		style("Orphan", "Nowhere", "") +
		`<w:style w:type="character" w:styleId="Char"><w:name w:val="Char"/><w:basedOn w:val="A"/></w:style>` +
		`<w:style w:type="table" w:styleId="Table"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>`
	n, err := parseNumbering([]byte(houseNumbering(houseLevel("3", "decimal", "") + `<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>`)))
	if err != nil {
		t.Fatal(err)
	}
	got := listedStyles(styles, n)
	for _, id := range []string{"A", "B", "C"} {
		if !got[id] {
			t.Errorf("%s is not numbered", id)
		}
	}
	for _, id := range []string{"Off", "UnderOff", "Missing", "Loop1", "Loop2", "Orphan", "Char", "Table"} {
		if got[id] {
			t.Errorf("%s is numbered", id)
		}
	}
	if listedStyles(styles, nil) != nil {
		t.Error("styles are numbered without a numbering part")
	}
}
