package export

import (
	"sync"

	"github.com/attache/attache/assets"
	"golang.org/x/image/font/sfnt"
)

// Font families as the PDF knows them. Body text is serif, headings,
// banners and labels sans; cjk is the fallback for what neither has.
const (
	famSerif = "serif"
	famSans  = "sans"
	famCJK   = "cjk"
)

// fontFiles maps family and gofpdf style ("", "B", "I", "BI") to the
// embedded file.
var fontFiles = map[string]string{
	famSerif + "":   "NotoSerif-Regular.ttf",
	famSerif + "B":  "NotoSerif-Bold.ttf",
	famSerif + "I":  "NotoSerif-Italic.ttf",
	famSerif + "BI": "NotoSerif-BoldItalic.ttf",
	famSans + "":    "NotoSans-Regular.ttf",
	famSans + "B":   "NotoSans-Bold.ttf",
	famSans + "I":   "NotoSans-Italic.ttf",
	famSans + "BI":  "NotoSans-Bold.ttf",
	famCJK + "":     "DroidSansFallbackFull.ttf",
}

// fontData caches the embedded files: embed.FS copies a file on every read.
var fontData sync.Map

func assetFont(file string) []byte {
	if b, ok := fontData.Load(file); ok {
		return b.([]byte)
	}
	b := assets.Font(file)
	fontData.Store(file, b)
	return b
}

func fontFile(fam, style string) string {
	if f, ok := fontFiles[fam+style]; ok {
		return f
	}
	return fontFiles[fam]
}

// coverage answers "does this font have a glyph for r" from the font's own
// character map; gofpdf would silently draw an empty box instead.
type coverage struct {
	mu    sync.Mutex
	ascii map[string]*[128]bool // the common case, answered without locking per rune
	fonts map[string]*sfnt.Font
	memo  map[string]map[rune]bool
	buf   sfnt.Buffer
}

var glyphs = &coverage{fonts: map[string]*sfnt.Font{}, memo: map[string]map[rune]bool{}, ascii: map[string]*[128]bool{}}

// hasAll reports whether file has every rune of s.
func (c *coverage) hasAll(file, s string) bool {
	c.mu.Lock()
	tab := c.ascii[file]
	c.mu.Unlock()
	if tab == nil {
		tab = new([128]bool)
		for r := rune(0); r < 128; r++ {
			tab[r] = c.has(file, r)
		}
		c.mu.Lock()
		c.ascii[file] = tab
		c.mu.Unlock()
	}
	for _, r := range s {
		if r < 128 {
			if !tab[r] {
				return false
			}
		} else if !c.has(file, r) {
			return false
		}
	}
	return true
}

func (c *coverage) has(file string, r rune) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.memo[file]
	if m == nil {
		m = map[rune]bool{}
		c.memo[file] = m
	}
	if v, ok := m[r]; ok {
		return v
	}
	f := c.fonts[file]
	if f == nil {
		var err error
		if f, err = sfnt.Parse(assetFont(file)); err != nil {
			return false
		}
		c.fonts[file] = f
	}
	idx, err := f.GlyphIndex(&c.buf, r)
	m[r] = err == nil && idx != 0
	return m[r]
}

// faceFor picks the family that can draw r: the requested one, else the CJK
// fallback; ok is false when no embedded font has it.
func faceFor(fam, style string, r rune) (string, string, bool) {
	if r > 0xFFFF { // gofpdf writes text as UCS-2; it cannot place these
		return fam, style, false
	}
	if glyphs.has(fontFile(fam, style), r) {
		return fam, style, true
	}
	if glyphs.has(fontFile(famCJK, ""), r) {
		return famCJK, "", true
	}
	return fam, style, false
}
