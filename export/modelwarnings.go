package export

import (
	"strconv"

	"github.com/attache/attache/domain"
)

// WarningCode names a kind of problem a reader would trip over; screens
// and later checks (marking schemes, the composer's own marks) key on it,
// never on the message.
type WarningCode string

const (
	// WarnUnmarkedPortion: portion marks are in use but this portion has
	// none, so a reader cannot tell its classification.
	WarnUnmarkedPortion WarningCode = "unmarked-portion"
	// WarnEmptySection: a section heading with nothing under it.
	WarnEmptySection WarningCode = "empty-section"
)

// Warning is one problem found before export, with the block it is about.
type Warning struct {
	Code    WarningCode
	Block   int    // index of the block in the briefing
	Message string // for the analyst: what is wrong and what to do
}

// Warnings are the checks run before export: portions without a mark
// while others have one, and sections left empty in the laid-out document
// (a heading followed only by key judgments is empty there, since the
// judgments move to the front). They come in reading order.
func (d *Document) Warnings() []Warning {
	var out []Warning
	if d.Marked {
		for _, j := range d.Judgments {
			if j.Portion == "" {
				out = append(out, Warning{WarnUnmarkedPortion, j.Block,
					"Key judgment " + strconv.Itoa(j.Number) + " carries no portion marking while other portions do: choose its marking."})
			}
		}
	}
	for i, it := range d.Body {
		switch {
		case it.Type == domain.BlockHeading && (i+1 == len(d.Body) || d.Body[i+1].Type == domain.BlockHeading):
			out = append(out, Warning{WarnEmptySection, it.Block,
				"The section “" + it.Text + "” is empty: add to it or remove its heading."})
		case it.Type != domain.BlockHeading && d.Marked && it.Portion == "":
			out = append(out, Warning{WarnUnmarkedPortion, it.Block, unmarkedMessage(it)})
		}
	}
	return out
}

func unmarkedMessage(it Item) string {
	what := "The commentary in block " + strconv.Itoa(it.Block+1)
	if it.Type == domain.BlockExcerpt {
		what = "The excerpt with note " + strconv.Itoa(it.Note)
	}
	return what + " carries no portion marking while other portions do: choose its marking."
}

// WarningSummary puts warnings into sentences for a dialog before export:
// the unmarked portions are counted in one sentence (a long briefing may
// have dozens), the others keep their own.
func WarningSummary(ws []Warning) []string {
	var out []string
	unmarked := 0
	for _, w := range ws {
		if w.Code == WarnUnmarkedPortion {
			unmarked++
		}
	}
	switch {
	case unmarked == 1:
		out = append(out, "1 portion carries no portion marking while others do.")
	case unmarked > 1:
		out = append(out, strconv.Itoa(unmarked)+" portions carry no portion marking while others do.")
	}
	for _, w := range ws {
		if w.Code != WarnUnmarkedPortion {
			out = append(out, w.Message)
		}
	}
	return out
}
