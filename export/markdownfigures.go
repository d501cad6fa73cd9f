package export

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/atomicfile"
)

// Figures in Markdown: each figure's PNG is written as a file beside the
// .md, named after it ("brief-figure-1.png" for brief.md), and the
// Markdown shows it as an image whose text is "Figure N: caption", with
// the caption line and its footnote under it. A figure put in twice is
// written once and shown from the same file.

// figure writes a figure item: the image, then its caption line with its
// portion mark and footnote.
func (m *mdWriter) figure(it Item) {
	m.block("![" + mdInline(it.FigureLabel()) + "](" + m.figures[it.FigureNum] + ")")
	line := mdPortion(it.Portion) + "**Figure " + strconv.Itoa(it.FigureNum) + "**"
	if caption := mdInline(it.Text); caption != "" {
		line += ": " + caption
	}
	m.block(line + "[^" + strconv.Itoa(it.Note) + "]")
}

// WriteMarkdownFile exports b as Markdown to path with its figures as PNG
// files beside it, every file whole or not at all: all are written to
// temporary files first, and put in place (the figures, then the .md)
// only when all were written, so a failed or cancelled export leaves the
// files that were there as they were.
func WriteMarkdownFile(ctx context.Context, path string, b *domain.Bundle) error {
	return WriteMarkdownFileWith(ctx, path, b, Context{})
}

// WriteMarkdownFileWith is WriteMarkdownFile laid out with c (whether the
// basis of key judgments and the reading guide are printed).
func WriteMarkdownFileWith(ctx context.Context, path string, b *domain.Bundle, c Context) error {
	d, err := markdownDocument(ctx, b, c)
	if err != nil {
		return err
	}
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target // the figures go beside the file, not beside a link to it
	}
	names, files := figureFiles(d, path)
	var pending []*atomicfile.File
	defer func() {
		for _, f := range pending {
			f.Abort()
		}
	}()
	for _, ff := range files {
		f, err := atomicfile.Create(ctx, ff.path, 0o666)
		if err != nil {
			return err
		}
		pending = append(pending, f)
		if _, err := f.Writer().Write(ff.png); err != nil {
			return err
		}
	}
	md, err := atomicfile.Create(ctx, path, 0o666)
	if err != nil {
		return err
	}
	pending = append(pending, md)
	var buf bytes.Buffer
	if err := writeMarkdown(ctx, &buf, d, names); err != nil {
		return err
	}
	if _, err := md.Writer().Write(buf.Bytes()); err != nil {
		return err
	}
	for _, f := range pending {
		if err := f.Commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

// figureFile is an image file to write beside the Markdown.
type figureFile struct {
	path string
	png  []byte
}

// figureFiles names each figure's file, by figure number, as the
// Markdown at mdPath links it (relative, escaped for a link), and lists
// the files to write, one per distinct image.
func figureFiles(d *Document, mdPath string) (map[int]string, []figureFile) {
	names := map[int]string{}
	var files []figureFile
	bySHA := map[string]string{}
	stem := strings.TrimSuffix(filepath.Base(mdPath), filepath.Ext(mdPath))
	for _, it := range d.Body {
		if it.Figure == nil {
			continue
		}
		sha := domain.FigureSHA256(it.Figure.PNG)
		name, ok := bySHA[sha]
		if !ok {
			name = stem + "-figure-" + strconv.Itoa(it.FigureNum) + ".png"
			bySHA[sha] = name
			files = append(files, figureFile{path: filepath.Join(filepath.Dir(mdPath), name), png: it.Figure.PNG})
		}
		names[it.FigureNum] = mdFileLink(name)
	}
	return names, files
}

// mdFileLink is a file name as a link's destination: every byte but
// letters, digits and "-._~" percent-encoded, so that no space, bracket,
// parenthesis or colon in the name can end the link or make it a URL.
func mdFileLink(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.IndexByte("-._~", c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// plural is "1 figure", "3 figures".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
