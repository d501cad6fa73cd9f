package ingest

import (
	"strconv"
	"strings"
)

type lvlXML struct {
	Ilvl  string  `xml:"ilvl,attr"`
	Start valAttr `xml:"start"`
	Fmt   valAttr `xml:"numFmt"`
	Text  valAttr `xml:"lvlText"`
}

type numberingXML struct {
	Abstract []struct {
		ID     string   `xml:"abstractNumId,attr"`
		Levels []lvlXML `xml:"lvl"`
	} `xml:"abstractNum"`
	Nums []struct {
		ID        string  `xml:"numId,attr"`
		Abstract  valAttr `xml:"abstractNumId"`
		Overrides []struct {
			Ilvl  string   `xml:"ilvl,attr"`
			Start *valAttr `xml:"startOverride"`
			Lvl   *lvlXML  `xml:"lvl"`
		} `xml:"lvlOverride"`
	} `xml:"num"`
}

type numLevel struct {
	defined   bool
	fmt, text string
	start     int
}

// docxLists numbers list paragraphs as Word shows them: bullets become
// Bullet, numbered items get their label ("1. ", "(a) ", "2.1 "), counted
// per list (w:num), with deeper levels restarting under a new parent item.
type docxLists struct {
	defs  map[string]*[9]numLevel
	count map[string]*[9]int
	open  map[string]*[9]bool
}

func parseNumbering(data []byte) (*docxLists, error) {
	l := &docxLists{defs: map[string]*[9]numLevel{}, count: map[string]*[9]int{}, open: map[string]*[9]bool{}}
	if data == nil {
		return l, nil
	}
	var x numberingXML
	if err := decodeXML(data, &x); err != nil {
		return l, err
	}
	abstract := map[string][9]numLevel{}
	for _, a := range x.Abstract {
		var lv [9]numLevel
		for _, xl := range a.Levels {
			setLevel(&lv, xl)
		}
		abstract[a.ID] = lv
	}
	for _, n := range x.Nums {
		lv := abstract[n.Abstract.Val]
		for _, o := range n.Overrides {
			if o.Lvl != nil {
				o.Lvl.Ilvl = o.Ilvl
				setLevel(&lv, *o.Lvl)
			}
			if i, err := strconv.Atoi(o.Ilvl); err == nil && i >= 0 && i < 9 && o.Start != nil {
				lv[i].start = clampStart(o.Start.Val)
			}
		}
		l.defs[n.ID] = &lv
	}
	return l, nil
}

func setLevel(lv *[9]numLevel, xl lvlXML) {
	i, err := strconv.Atoi(xl.Ilvl)
	if err != nil || i < 0 || i > 8 {
		return
	}
	text := xl.Text.Val
	if len(text) > 64 {
		text = ""
	}
	lv[i] = numLevel{defined: true, fmt: xl.Fmt.Val, text: text, start: clampStart(xl.Start.Val)}
}

func clampStart(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 1
	}
	return min(max(n, 0), 1_000_000)
}

// label counts one paragraph of list numID at level ilvl and returns its
// label; "" when the paragraph is not in a list.
func (l *docxLists) label(numID string, ilvl int) string {
	if numID == "" || numID == "0" { // numId 0 switches numbering off
		return ""
	}
	lv := l.defs[numID]
	if lv == nil || !lv[ilvl].defined {
		return Bullet // numbering part missing or damaged: a bullet is the likeliest
	}
	if l.count[numID] == nil {
		l.count[numID], l.open[numID] = new([9]int), new([9]bool)
	}
	count, open := l.count[numID], l.open[numID]
	if open[ilvl] {
		count[ilvl] = min(count[ilvl]+1, 1_000_000)
	} else {
		count[ilvl], open[ilvl] = lv[ilvl].start, true
	}
	for i := ilvl + 1; i < 9; i++ {
		open[i] = false
	}
	switch lv[ilvl].fmt {
	case "bullet":
		return Bullet
	case "none":
		return ""
	}
	s := lv[ilvl].text
	for i := 0; i <= ilvl; i++ {
		n := count[i]
		if !open[i] {
			n = lv[i].start
		}
		s = strings.ReplaceAll(s, "%"+strconv.Itoa(i+1), formatNumber(n, lv[i].fmt))
	}
	if s = strings.TrimSpace(s); s == "" {
		return ""
	}
	return s + " "
}

func formatNumber(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		if n < 1 || n > 26*8 {
			break
		}
		// Word repeats the letter past z: y, z, aa, bb …
		s := strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		if n < 1 || n > 3999 {
			break
		}
		s := roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
