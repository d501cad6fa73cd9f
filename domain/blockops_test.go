package domain

import (
	"strings"
	"testing"
)

// blocksOf makes blocks from a spec: "H" heading, "c" commentary, "j"
// judgment, each named by its position letter in Text.
func blocksOf(spec string) []*Block {
	var bs []*Block
	for i, r := range spec {
		t := map[rune]BlockType{'H': BlockHeading, 'c': BlockCommentary, 'j': BlockJudgment}[r]
		bs = append(bs, &Block{Type: t, Text: string(rune('a' + i))})
	}
	return bs
}

func names(bs []*Block) string {
	var b strings.Builder
	for _, x := range bs {
		b.WriteString(x.Text)
	}
	return b.String()
}

func TestSectionEnd(t *testing.T) {
	bs := blocksOf("cHccHcj")
	for _, tc := range []struct{ i, want int }{{0, 1}, {1, 4}, {2, 3}, {4, 7}, {6, 7}} {
		if got := SectionEnd(bs, tc.i); got != tc.want {
			t.Errorf("SectionEnd(%d) = %d, want %d", tc.i, got, tc.want)
		}
	}
}

func TestMoveBlocks(t *testing.T) {
	bs := blocksOf("cHccHcj") // a b c d e f g
	for _, tc := range []struct {
		from, end, to int
		want          string
		at            int
		ok            bool
	}{
		{0, 1, 7, "bcdefga", 6, true},  // to the end
		{4, 7, 1, "aefgbcd", 1, true},  // the second section before the first
		{1, 4, 7, "aefgbcd", 4, true},  // the first after the second: the same order
		{2, 3, 4, "abdcefg", 3, true},  // down one, past d
		{3, 4, 2, "abdcefg", 2, true},  // up one
		{1, 4, 2, "abcdefg", 1, false}, // into itself
		{1, 4, 4, "abcdefg", 1, false}, // where it is
		{5, 4, 0, "abcdefg", 5, false}, // an empty run
		{0, 8, 0, "abcdefg", 0, false}, // out of range
	} {
		got, at, ok := MoveBlocks(bs, tc.from, tc.end, tc.to)
		if names(got) != tc.want || at != tc.at || ok != tc.ok {
			t.Errorf("MoveBlocks(%d,%d,%d) = %s at %d ok %v, want %s at %d ok %v", tc.from, tc.end, tc.to, names(got), at, ok, tc.want, tc.at, tc.ok)
		}
	}
	if names(bs) != "abcdefg" {
		t.Errorf("MoveBlocks changed its input: %s", names(bs))
	}
}

func TestInsertBlock(t *testing.T) {
	bs := blocksOf("cc")
	x := &Block{Type: BlockCommentary, Text: "x"}
	for _, tc := range []struct {
		at   int
		want string
	}{{0, "xab"}, {1, "axb"}, {2, "abx"}, {9, "abx"}, {-1, "xab"}} {
		if got := names(InsertBlock(bs, tc.at, x)); got != tc.want {
			t.Errorf("InsertBlock(%d) = %s, want %s", tc.at, got, tc.want)
		}
	}
	if names(bs) != "ab" {
		t.Errorf("InsertBlock changed its input")
	}
}

func TestWithoutBlank(t *testing.T) {
	bs := blocksOf("cHcj")
	bs[0].Text, bs[3].Text = " \n", ""
	bs = append(bs, &Block{Type: BlockExcerpt, ExcerptID: 1})
	got := WithoutBlank(bs)
	if len(got) != 3 || got[0].Text != "b" || got[1].Text != "c" || got[2].Type != BlockExcerpt {
		t.Errorf("WithoutBlank kept %d blocks: %s", len(got), names(got))
	}
	if len(bs) != 5 || bs[0].Text != " \n" {
		t.Errorf("WithoutBlank changed its input")
	}
	whole := blocksOf("cc")
	if got := WithoutBlank(whole); &got[0] != &whole[0] {
		t.Errorf("WithoutBlank copied a list with no blank block")
	}
}
