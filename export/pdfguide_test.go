package export

import (
	"context"
	"strings"
	"testing"
)

// Found by a trial: the confidence table of "How to read this
// assessment" split across pages, leaving "Low confidence" alone on the
// last. Its rows are kept together, and the grades' last row never
// stands alone.
func TestTheGuidesTablesDoNotLeaveARowAlone(t *testing.T) {
	d := NewDocument(basisBundle())
	if d.Guide == nil || len(d.Guide.Confidence) != 3 {
		t.Fatalf("the guide: %+v", d.Guide)
	}
	l, err := layOut(context.Background(), d, PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	keep := map[string]bool{}
	var grades []string
	for _, b := range l.blocks {
		if len(b.lines) == 0 || len(b.lines[0].pieces) == 0 {
			continue
		}
		term := b.lines[0].pieces[0].text
		switch {
		case strings.HasSuffix(term, "confidence"):
			keep[term] = b.keepWithNext
		case strings.HasPrefix(term, "Reliability") || strings.HasPrefix(term, "Credibility"):
			grades = append(grades, term)
			keep[term] = b.keepWithNext
		}
	}
	for _, term := range []string{"High confidence", "Moderate confidence"} {
		if !keep[term] {
			t.Errorf("%q is not kept with the next row", term)
		}
	}
	if n := len(grades); n < 2 || !keep[grades[n-2]] {
		t.Errorf("the grades' last row can stand alone: %v %v", grades, keep)
	}
}
