package ingest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/attache/attache/assets"
)

// fxDoc describes a PDF for the tests to generate with gofpdf: every page
// lists its paragraphs line by line, so line ends (and hyphens) are exact.
type fxDoc struct {
	title, author, subject string    // document info
	created                time.Time // CreationDate
	xmp                    string    // XMP packet, if any
	cover                  []fxLine  // lines of the title page, before the body of page 1
	pages                  [][][]string
	header                 string // running header from page 2 on
	footer                 bool   // page number "– n –" at the bottom from page 2 on
	columns                bool   // page bodies in two columns, written row by row
	password               string // encrypt with this user password
	imageOnly              bool   // a picture, no text at all
	uncompressed           bool   // page content left readable, for fuzzing
	watermark              string // drawn diagonally across every page
}

type fxLine struct {
	text string
	size float64
	gap  float64 // mm of space after the line
}

const fxLead = 5.0 // mm between baselines of body text

func (fx fxDoc) bytes(t testing.TB) []byte {
	t.Helper()
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetAutoPageBreak(false, 0)
	f.SetCompression(!fx.uncompressed)
	f.AddUTF8FontFromBytes("serif", "", assets.Font("NotoSerif-Regular.ttf"))
	if fx.password != "" {
		f.SetProtection(gofpdf.CnProtectPrint, fx.password, "owner-"+fx.password)
	}
	f.SetTitle(fx.title, true)
	f.SetAuthor(fx.author, true)
	f.SetSubject(fx.subject, true)
	if !fx.created.IsZero() {
		f.SetCreationDate(fx.created)
	}
	if fx.xmp != "" {
		f.SetXmpMetadata([]byte(fx.xmp))
	}
	f.SetHeaderFunc(func() {
		if fx.watermark != "" {
			f.TransformBegin()
			f.TransformRotate(50, 105, 150)
			f.SetFont("serif", "", 90)
			f.Text(30, 170, fx.watermark)
			f.TransformEnd()
		}
		if f.PageNo() > 1 && fx.header != "" {
			f.SetFont("serif", "", 8)
			f.SetXY(20, 10)
			f.CellFormat(170, 4, fx.header, "", 0, "C", false, 0, "")
		}
	})
	f.SetFooterFunc(func() {
		if f.PageNo() > 1 && fx.footer {
			f.SetFont("serif", "", 9)
			f.SetXY(20, 282)
			f.CellFormat(170, 4, fmt.Sprintf("– %d –", f.PageNo()), "", 0, "C", false, 0, "")
		}
	})
	if fx.imageOnly {
		var buf bytes.Buffer
		img := image.NewGray(image.Rect(0, 0, 40, 40))
		for i := range img.Pix {
			img.Pix[i] = uint8(i * 7)
		}
		img.Set(3, 3, color.White)
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		f.AddPage()
		f.RegisterImageOptionsReader("scan", gofpdf.ImageOptions{ImageType: "PNG"}, &buf)
		f.ImageOptions("scan", 20, 20, 170, 240, false, gofpdf.ImageOptions{}, 0, "")
	}
	for pi, paras := range fx.pages {
		f.AddPage()
		y := 25.0
		if pi == 0 {
			for _, c := range fx.cover {
				f.SetFont("serif", "", c.size)
				h := c.size * 0.45
				f.SetXY(20, y)
				f.CellFormat(170, h, c.text, "", 0, "L", false, 0, "")
				y += h + c.gap
			}
		}
		f.SetFont("serif", "", 11)
		if fx.columns && len(paras) == 2 {
			for i := 0; i < max(len(paras[0]), len(paras[1])); i++ {
				for c, x := range []float64{20, 110} {
					if i < len(paras[c]) {
						f.SetXY(x, y)
						f.CellFormat(80, fxLead, paras[c][i], "", 0, "L", false, 0, "")
					}
				}
				y += fxLead
			}
			continue
		}
		for _, para := range paras {
			for _, line := range para {
				f.SetXY(20, y)
				f.CellFormat(170, fxLead, line, "", 0, "L", false, 0, "")
				y += fxLead
			}
			y += 3
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// reportFixture is a four-page report: a title page, running header and
// page numbers, hyphenated line ends, paragraphs over page breaks.
func reportFixture() fxDoc {
	return fxDoc{
		title: "Grid Resilience in the Baltic States", author: "Ann Smith; Bob Jones",
		subject: "Options for 2025–2030", created: time.Date(2024, 5, 13, 9, 30, 0, 0, time.UTC),
		header: "Institute for Energy Security · Grid Resilience in the Baltic States", footer: true,
		cover: []fxLine{
			{"Grid Resilience in the", 26, 2}, {"Baltic States", 26, 8},
			{"By Ann Smith and Bob Jones", 12, 3}, {"11 May 2024", 12, 12},
		},
		pages: [][][]string{
			{{"The synchronisation of the Baltic grids with continental Europe ended the",
				"region’s reliance on the Russian-controlled “BRELL” ring — a milestone."}},
			{{"Summary"},
				{"This report examines the tele-",
					"communications links that grid operators rely on, and the high-",
					"risk interconnectors whose self-",
					"regulation has been questioned by regulators in three countries."},
				{"Operators now coordinate balancing across the three networks, which",
					"requires the exchange of data at a frequency that older equip-"}},
			{{"ment cannot sustain; replacing it will cost about €1.2 billion by 2030.",
				"Funding is expected to come from the Connecting Europe Facility."},
				{"Cyber-attacks on control systems are the second concern of this",
					"report and the subject of its final"}},
			{{"chapter, which sets out options for the next five years.",
				"Each option is costed and compared with the status quo."}},
		},
	}
}
