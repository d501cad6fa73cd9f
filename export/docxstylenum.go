package export

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// Styles a house template numbers. A template whose Heading 1 is a list
// ("Part I.") numbers the section headings itself, so the export drops
// its own typed number from them, and the headings outside the sections
// (Key judgments, Contents, Sources, the reading guide), which share the
// style, switch the list off with numId 0. A template whose List Number
// is a list ("(a)") numbers the key judgments, which are based on it, in
// its house style rather than Attaché's "1.". Attaché's own styles number
// nothing, so without such a template the output is as it was.

// styleNum is what a paragraph style says of its numbering.
type styleNum struct {
	basedOn string
	numID   string // its pPr's w:numPr/w:numId, "" for none
	hasNum  bool
}

// listedStyles are the ids of the paragraph styles of styles (a
// template's, merged with Attaché's) that a list of the template's
// numbers, following each style's basedOn chain to the nearest numId: a
// numId of 0, or one the numbering part lacks, numbers nothing.
func listedStyles(styles string, n *numberingDefs) map[string]bool {
	if n == nil {
		return nil
	}
	defs := readStyleNums(styles)
	out := map[string]bool{}
	for id := range defs {
		if styleNumbered(defs, id, n.numID) {
			out[id] = true
		}
	}
	return out
}

// styleNumbered follows id's basedOn chain; a chain longer than the
// styles, a loop, numbers nothing.
func styleNumbered(defs map[string]styleNum, id string, nums map[int]bool) bool {
	for range len(defs) {
		s, ok := defs[id]
		if !ok {
			return false
		}
		if s.hasNum {
			n, err := strconv.Atoi(strings.TrimSpace(s.numID))
			return err == nil && n != 0 && nums[n]
		}
		id = s.basedOn
	}
	return false
}

// readStyleNums reads the paragraph styles' basedOn and numPr; a part it
// cannot read to the end gives the styles read so far.
func readStyleNums(styles string) map[string]styleNum {
	out := map[string]styleNum{}
	d := xml.NewDecoder(bytes.NewReader([]byte(styles)))
	var stack []string // local names of the open WordprocessingML elements
	var id string      // the open paragraph style's id, "" outside one
	var cur styleNum
	for {
		tok, err := d.Token()
		if err == io.EOF || err != nil {
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			local := t.Name.Local
			if t.Name.Space != nsWML {
				local = "?" + local
			}
			stack = append(stack, local)
			path := strings.Join(stack, "/")
			switch {
			case path == "styles/style" && wAttr(t, "type") == "paragraph":
				id, cur = wAttr(t, "styleId"), styleNum{}
			case id == "":
			case path == "styles/style/basedOn":
				cur.basedOn = wAttr(t, "val")
			case path == "styles/style/pPr/numPr/numId":
				cur.numID, cur.hasNum = wAttr(t, "val"), true
			}
		case xml.EndElement:
			if len(stack) == 2 && id != "" {
				out[id], id = cur, ""
			}
			stack = stack[:len(stack)-1]
		}
	}
}
