package export

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// mdImages are the destinations and texts of the images a Markdown
// parser finds in md.
func mdImages(md []byte) (dest, alt []string) {
	doc := mdParser.Parser().Parse(text.NewReader(md))
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if img, ok := n.(*gast.Image); ok && entering {
			dest = append(dest, string(img.Destination))
			var b strings.Builder
			for c := img.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*gast.Text); ok {
					b.Write(t.Segment.Value(md))
				}
			}
			// The parser keeps backslash escapes in the text: a
			// renderer drops them.
			alt = append(alt, strings.NewReplacer(`\[`, "[", `\]`, "]").Replace(b.String()))
		}
		return gast.WalkContinue, nil
	})
	return dest, alt
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestMarkdownFileWritesFiguresBeside(t *testing.T) {
	one := newFigure(t, 4, 900, 600, 1, "Cable faults [by year]")
	two := newFigure(t, 9, 300, 200, 2, "")
	b := figureBundle(t, one, two, one) // the first figure twice: one file
	dir := t.TempDir()
	path := filepath.Join(dir, "my brief (2).md")
	f, _ := Lookup("md")
	if err := f.WriteFile(context.Background(), path, b, nil); err != nil {
		t.Fatal(err)
	}
	want := []string{"my brief (2)-figure-1.png", "my brief (2)-figure-2.png", "my brief (2).md"}
	if got := dirNames(t, dir); !slices.Equal(got, want) {
		t.Fatalf("the folder holds %q, want %q", got, want)
	}
	for name, png := range map[string][]byte{want[0]: one.PNG, want[1]: two.PNG} {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); !bytes.Equal(got, png) {
			t.Errorf("%s is not the figure's PNG", name)
		}
	}
	md, _ := os.ReadFile(path)
	dest, alt := mdImages(md)
	link1, link2 := "my%20brief%20%282%29-figure-1.png", "my%20brief%20%282%29-figure-2.png"
	if !slices.Equal(dest, []string{link1, link2, link1}) {
		t.Fatalf("the images link %q:\n%s", dest, md)
	}
	if !slices.Equal(alt, []string{"Figure 1: Cable faults [by year]", "Figure 2", "Figure 3: Cable faults [by year]"}) {
		t.Errorf("the images' texts are %q", alt)
	}
	for _, w := range []string{`(U) **Figure 1**: Cable faults \[by year\][^2]`, "(U) **Figure 2**[^3]",
		"[^2]: Ilić, “Subsea Cables,” 4.", "[^3]: Ilić, “Subsea Cables,” 9."} {
		if !bytes.Contains(md, []byte(w)) {
			t.Errorf("the Markdown lacks %q:\n%s", w, md)
		}
	}
	if bytes.Contains(md, []byte("Faults by year")) {
		t.Errorf("the Markdown prints the words inside the picture:\n%s", md)
	}
}

// TestMarkdownFileWritesNothingWhenItFails has the .md's name taken by a
// folder: the export fails, and no figure file is left beside it.
func TestMarkdownFileWritesNothingWhenItFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "brief.md")
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	err := WriteMarkdownFile(context.Background(), path, figureBundle(t, newFigure(t, 4, 300, 200, 1, "A chart")))
	if domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("got %v", err)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"brief.md"}) {
		t.Fatalf("a failed export left %q", got)
	}
}

func TestMarkdownStreamRefusesFigures(t *testing.T) {
	var buf bytes.Buffer
	err := WriteMarkdown(context.Background(), &buf, figureBundle(t, newFigure(t, 4, 300, 200, 1, "A chart")))
	if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), "1 figure, which Markdown keeps as image files beside the .md file") {
		t.Fatalf("got %v", err)
	}
	if buf.Len() != 0 {
		t.Fatal("something was written")
	}
	// Without figures the file and the stream are the same Markdown.
	b := figureBundle(t)
	if err := WriteMarkdown(context.Background(), &buf, b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "b.md")
	if err := WriteMarkdownFile(context.Background(), path, b); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, buf.Bytes()) {
		t.Fatal("the file and the stream differ")
	}
}
