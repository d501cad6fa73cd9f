package export

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// numberedStyles is a template's styles.xml whose Heading1 and List
// Number are numbered by its own lists, as Word writes them; List Number
// is not numbered for listNum "".
func numberedStyles(headingNum, listNum string) string {
	numPr := ""
	if listNum != "" {
		numPr = `<w:pPr><w:numPr><w:numId w:val="` + listNum + `"/></w:numPr></w:pPr>`
	}
	return xmlHeader + `<w:styles ` + wordNS + `>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>` +
		`<w:pPr><w:keepNext/><w:numPr><w:numId w:val="` + headingNum + `"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/>` +
		numPr + `</w:style></w:styles>`
}

// houseLevel is one abstractNum of a template's, its first level in
// format fmt and tied to style (none for "").
func houseLevel(id, format, style string) string {
	link := ""
	if style != "" {
		link = `<w:pStyle w:val="` + style + `"/>`
	}
	return `<w:abstractNum w:abstractNumId="` + id + `" w15:restartNumberingAfterBreak="0"><w:nsid w:val="1A2B3C4` + id + `"/>` +
		`<w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="` + format + `"/>` +
		link + `<w:lvlText w:val="(%1)"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>`
}

// houseNumbering is a template's numbering.xml as Word writes it, with
// the extra namespaces its definitions use declared on the root.
func houseNumbering(defs string) string {
	return xmlHeader + `<w:numbering ` + wordNS + ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
		`xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w15">` + defs + `</w:numbering>`
}

// docxLists reads an export's numbering.xml: each w:num's abstractNum,
// and each abstractNum's first level as "format text".
func docxLists(t *testing.T, numbering string) (nums, levels map[string]string) {
	t.Helper()
	root, err := parseXML([]byte(numbering))
	if err != nil {
		t.Fatalf("numbering.xml: %v", err)
	}
	nums, levels = map[string]string{}, map[string]string{}
	for _, k := range root.kids {
		switch {
		case k.is(ckW, "num"):
			id, _ := k.get(ckW, "numId")
			for _, a := range k.kids {
				if a.is(ckW, "abstractNumId") {
					nums[id] = a.wval()
				}
			}
		case k.is(ckW, "abstractNum"):
			id, _ := k.get(ckW, "abstractNumId")
			for _, lvl := range k.kids {
				if _, done := levels[id]; done || !lvl.is(ckW, "lvl") {
					continue
				}
				var format, text string
				for _, c := range lvl.kids {
					switch {
					case c.is(ckW, "numFmt"):
						format = c.wval()
					case c.is(ckW, "lvlText"):
						text = c.wval()
					}
				}
				levels[id] = format + " " + text
			}
		}
	}
	return nums, levels
}

var judgmentNumID = regexp.MustCompile(`<w:pStyle w:val="` + stJudgment + `"/>.*?<w:numId w:val="(\d+)"/>`)

// judgmentLists are the numIds of the key judgments' paragraphs.
func judgmentLists(t *testing.T, doc string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, p := range strings.Split(doc, "</w:p>") {
		if m := judgmentNumID.FindStringSubmatch(p); m != nil {
			out[m[1]]++
		}
	}
	if len(out) == 0 {
		t.Fatal("no key judgment is numbered")
	}
	return out
}

// checkOneNumberingPart: the numbering part is typed and related once,
// and its definitions stand in the schema's order.
func checkOneNumberingPart(t *testing.T, parts map[string]string) {
	t.Helper()
	if n := strings.Count(parts["[Content_Types].xml"], `PartName="/word/numbering.xml"`); n != 1 {
		t.Errorf("%d content types for numbering.xml, want 1", n)
	}
	if n := strings.Count(parts["word/_rels/document.xml.rels"], `Type="`+relNumbering+`"`); n != 1 {
		t.Errorf("%d numbering relationships, want 1", n)
	}
	num := parts["word/numbering.xml"]
	if last, first := strings.LastIndex(num, "<w:abstractNum "), strings.Index(num, "<w:num "); first < 0 || last > first {
		t.Errorf("a w:abstractNum stands after a w:num:\n%s", num)
	}
	if i := strings.Index(num, "<w:numPicBullet "); i >= 0 && i > strings.Index(num, "<w:abstractNum ") {
		t.Errorf("a w:numPicBullet stands after a w:abstractNum:\n%s", num)
	}
}

// TestDOCXTemplateListsAreKept: a template's numbered Heading 1 and List
// Number keep their lists, ids and all; the key judgments keep theirs.
func TestDOCXTemplateListsAreKept(t *testing.T) {
	defs := houseLevel("3", "upperRoman", "Heading1") + houseLevel("4", "lowerLetter", "ListNumber") +
		`<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="4"/></w:num>` +
		`<w:numIdMacAtCleanup w:val="2"/>`
	tpl := writeTemplate(t, "house.dotx", map[string]string{
		"word/styles.xml": numberedStyles("5", "6"), "word/numbering.xml": houseNumbering(defs),
	})
	b := docxBundle(t, domain.StatusDraft)
	out := docxBytes(t, b, DOCXOptions{Template: tpl})
	checkDOCX(t, out) // every numId of styles.xml and document.xml resolves
	parts := unzipDOCX(t, out)
	checkOneNumberingPart(t, parts)
	num := parts["word/numbering.xml"]
	for _, def := range []string{houseLevel("3", "upperRoman", "Heading1"), houseLevel("4", "lowerLetter", "ListNumber"),
		`<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>`, `<w:num w:numId="6"><w:abstractNumId w:val="4"/></w:num>`} {
		if !strings.Contains(num, def) {
			t.Errorf("the template's %.40s… is not kept as it was", def)
		}
	}
	if !strings.HasSuffix(num, `<w:numIdMacAtCleanup w:val="2"/></w:numbering>`) {
		t.Error("w:numIdMacAtCleanup is not last")
	}
	// No clash: Attaché's list keeps its ids and no longer claims List
	// Number, which the template's list is tied to; the key judgments,
	// on List Number, take the template's list through the style.
	nums, levels := docxLists(t, num)
	if nums["1"] == "" || levels[nums["1"]] != "decimal %1." {
		t.Errorf("Attaché's list is numId 1 on a %q list; want decimal %%1.", levels[nums["1"]])
	}
	judgments := 0
	for _, p := range numParas(t, out) {
		if p.style == stJudgment {
			judgments++
			if p.numID != "" {
				t.Errorf("key judgment %q is on list %s over the template's List Number", p.text, p.numID)
			}
		}
	}
	if judgments == 0 {
		t.Error("no key judgment")
	}
	if nums["5"] != "3" || nums["6"] != "4" {
		t.Errorf("the template's lists point elsewhere: %v", nums)
	}
	if n := strings.Count(num, `<w:pStyle w:val="ListNumber"/>`); n != 1 {
		t.Errorf("%d lists tied to List Number, want the template's alone", n)
	}
	// Styles keep their numbering as the template had it.
	if !strings.Contains(parts["word/styles.xml"], `<w:numPr><w:numId w:val="6"/></w:numPr>`) {
		t.Error("List Number lost its list")
	}
	if again := docxBytes(t, b, DOCXOptions{Template: tpl}); !bytes.Equal(out, again) {
		t.Error("the same briefing and template gave different bytes")
	}
}

// TestDOCXTemplateListIdsClash: a template whose list has the ids
// Attaché's own would take (Word numbers its first list 1, on abstract
// 0) keeps them; the key judgments move to free ids.
func TestDOCXTemplateListIdsClash(t *testing.T) {
	defs := houseLevel("0", "bullet", "") + houseLevel("1", "upperLetter", "") +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>`
	tpl := writeTemplate(t, "clash.docx", map[string]string{
		"word/styles.xml": numberedStyles("3", ""), "word/numbering.xml": houseNumbering(defs),
	})
	out := docxBytes(t, docxBundle(t, domain.StatusFinal), DOCXOptions{Template: tpl})
	checkDOCX(t, out)
	parts := unzipDOCX(t, out)
	checkOneNumberingPart(t, parts)
	nums, levels := docxLists(t, parts["word/numbering.xml"])
	if levels[nums["1"]] != "bullet (%1)" || levels[nums["3"]] != "upperLetter (%1)" {
		t.Errorf("the template's lists 1 and 3 are %q and %q, want its bullet and upperLetter", levels[nums["1"]], levels[nums["3"]])
	}
	judgments := judgmentLists(t, parts["word/document.xml"])
	for id := range judgments {
		if id != "4" || nums[id] != "2" || levels[nums[id]] != "decimal %1." {
			t.Errorf("the key judgments use numId %s on abstractNum %s, a %q list; want 4 on 2, decimal %%1.", id, nums[id], levels[nums[id]])
		}
	}
	if len(nums) != 3 || len(levels) != 3 {
		t.Errorf("%d lists on %d definitions, want 3 and 3: %v", len(nums), len(levels), nums)
	}
	// Attaché's list is tied to List Number where no list of the
	// template's is.
	if !strings.Contains(parts["word/numbering.xml"], `<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="ListNumber"/>`) {
		t.Error("Attaché's list is not tied to List Number")
	}
}

// TestDOCXTemplatePictureBullets: a picture bullet comes first, its
// picture carried with the numbering part's relationship to it.
func TestDOCXTemplatePictureBullets(t *testing.T) {
	pic := `<w:numPicBullet w:numPicBulletId="0"><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="_x0000_i1025" type="#_x0000_t75">` +
		`<v:imagedata r:id="rId1" xmlns:o="urn:schemas-microsoft-com:office:office" o:title="dot"/></v:shape></w:pict></w:numPicBullet>`
	level := `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="·"/><w:lvlPicBulletId w:val="0"/></w:lvl></w:abstractNum>`
	tpl := writeTemplate(t, "bullets.docx", map[string]string{
		"word/styles.xml":               numberedStyles("7", "7"),
		"word/numbering.xml":            houseNumbering(level + `<w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>` + pic),
		"word/_rels/numbering.xml.rels": string((&relSet{list: []rel{{id: "rId1", typ: relImage, target: "media/image9.png"}}}).xml()),
		"word/media/image9.png":         "not really a png",
		"[Content_Types].xml": xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="png" ContentType="image/png"/></Types>`,
	})
	out := docxBytes(t, docxBundle(t, domain.StatusDraft), DOCXOptions{Template: tpl})
	checkDOCX(t, out) // the bullet's r:id names a relationship, whose picture is there
	parts := unzipDOCX(t, out)
	checkOneNumberingPart(t, parts)
	if !strings.Contains(parts["word/numbering.xml"], "><w:numPicBullet ") {
		t.Error("the picture bullet is not first")
	}
	m := regexp.MustCompile(`Target="([^"]+)"`).FindStringSubmatch(parts["word/_rels/numbering.xml.rels"])
	if m == nil || parts["word/"+m[1]] != "not really a png" {
		t.Errorf("the bullet's picture was not carried over: %q", parts["word/_rels/numbering.xml.rels"])
	}
	// List Number is numbered by the template's list 7, though no level
	// of it names the style: Attaché's list must not claim it too.
	if strings.Contains(parts["word/numbering.xml"], `<w:pStyle w:val="ListNumber"/>`) {
		t.Error("Attaché's list claims List Number, which the template numbers")
	}
}

// TestDOCXTemplateBadNumbering: a numbering part Word could not read is
// refused by name, nothing written; one that defines nothing leaves
// Attaché's own.
func TestDOCXTemplateBadNumbering(t *testing.T) {
	for name, numbering := range map[string]string{
		"truncated.docx": strings.TrimSuffix(houseNumbering(houseLevel("0", "bullet", "")), "</w:abstractNum></w:numbering>"),
		"notlists.docx":  xmlHeader + `<w:styles ` + wordNS + `/>`,
		"badid.docx":     houseNumbering(`<w:num w:numId="one"><w:abstractNumId w:val="0"/></w:num>`),
	} {
		tpl := writeTemplate(t, name, map[string]string{"word/styles.xml": numberedStyles("0", "0"), "word/numbering.xml": numbering})
		var buf bytes.Buffer
		err := WriteDOCX(context.Background(), &buf, docxBundle(t, domain.StatusFinal), DOCXOptions{Template: tpl})
		want := name + " has numbering Attaché cannot read (word/numbering.xml: "
		if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), want) || !errors.As(err, new(*TemplateError)) || buf.Len() != 0 {
			t.Errorf("%s: %v (%d bytes), want EINVALID with %q", name, err, buf.Len(), want)
		}
	}
	tpl := writeTemplate(t, "empty.docx", map[string]string{
		"word/styles.xml": numberedStyles("0", "0"), "word/numbering.xml": houseNumbering(""),
	})
	parts := unzipDOCX(t, docxBytes(t, docxBundle(t, domain.StatusFinal), DOCXOptions{Template: tpl}))
	if parts["word/numbering.xml"] != string(numberingXML()) {
		t.Errorf("a template numbering nothing changed Attaché's:\n%s", parts["word/numbering.xml"])
	}
}

// TestNumberingTemplateAlone: with no list of Attaché's to add, the part
// is the template's definitions as they were.
func TestNumberingTemplateAlone(t *testing.T) {
	defs := houseLevel("2", "bullet", "") + `<w:num w:numId="9"><w:abstractNumId w:val="2"/></w:num>`
	n, err := parseNumbering([]byte(houseNumbering(defs)))
	if err != nil || n == nil {
		t.Fatalf("parseNumbering: %v, %v", n, err)
	}
	if got, want := string(n.xml("", "")), houseNumbering(defs); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
