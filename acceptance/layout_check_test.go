package acceptance

import (
	"strings"
	"testing"
)

// TestLayoutProblemsFindsOverlapAndOverflow checks the 800×600 check itself
// on a made-up tree: a button over a tab and a label past the right edge
// are reported; a label inside a scroller, cut by it, and a text inside its
// own button are not.
func TestLayoutProblemsFindsOverlapAndOverflow(t *testing.T) {
	root := &node{Type: "*fyne.Container", Layer: "content", rect: rect{0, 0, 800, 600}, Children: []*node{
		{Type: "*container.tabButton", Text: "Compose", rect: rect{300, 40, 100, 36}},
		{Type: "*widget.Button", Text: "Trash", rect: rect{350, 40, 90, 36}, Children: []*node{
			{Type: "*widget.Label", Text: "Trash", rect: rect{360, 45, 50, 20}}}},
		{Type: "*widget.Label", Text: "Delete", rect: rect{760, 100, 80, 30}},
		{Type: "*widget.Label", Text: "long row", rect: rect{10, 500, 400, 200}, Clip: &rect{0, 400, 800, 200}},
	}}
	tr := &tree{win: &window{W: 800, H: 600, Layers: []*node{root}}}
	flatten(root, nil, 0, &tr.nodes)
	got := strings.Join(layoutProblems(tr), "\n")
	for _, want := range []string{`*container.tabButton "Compose" at 300,40 100x36 overlaps *widget.Button "Trash" at 350,40 90x36`,
		`*widget.Label "Delete" at 760,100 80x30 leaves the 800x600 window`} {
		if !strings.Contains(got, want) {
			t.Errorf("layoutProblems missed %q; it found:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 2 {
		t.Errorf("layoutProblems found %d problems, want 2:\n%s", n, got)
	}
}
