package ingest

import (
	"strconv"
	"strings"
)

// docxNotes numbers footnotes and endnotes in the order the text refers to
// them, in one sequence, and holds their text.
type docxNotes struct {
	num   map[string]int // "f2" (footnote id 2), "e1" (endnote id 1) → number
	order []string
	text  map[string][]string
}

func newDOCXNotes() *docxNotes {
	return &docxNotes{num: map[string]int{}, text: map[string][]string{}}
}

func (n *docxNotes) ref(key string) int {
	if k, ok := n.num[key]; ok {
		return k
	}
	n.order = append(n.order, key)
	n.num[key] = len(n.order)
	return len(n.order)
}

// paragraphs lays out the notes the text refers to as "[n] text".
func (n *docxNotes) paragraphs() []string {
	var out []string
	for _, key := range n.order {
		if t := strings.Join(n.text[key], "\n"); t != "" {
			out = append(out, "["+strconv.Itoa(n.num[key])+"] "+t)
		}
	}
	return out
}
