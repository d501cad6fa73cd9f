package integrity

import (
	"fmt"
	"strings"

	"github.com/attache/attache/domain"
)

// noteQuoteRunes is how much of a judgment or quote the note repeats:
// enough to recognise it, short enough to read at a glance.
const noteQuoteRunes = 160

// Markdown is the short change note, as exported: a heading, the
// versions compared, then bullet lists, readable as plain text too.
func (c *Changes) Markdown() string {
	var b strings.Builder
	title := strings.TrimSpace(c.NewTitle)
	if title == "" {
		title = strings.TrimSpace(c.OldTitle)
	}
	fmt.Fprintf(&b, "# What changed in %s\n\n", oneLine(title))
	if c.From != "" || c.To != "" {
		fmt.Fprintf(&b, "From %s to %s.\n\n", orUnnamed(c.From), orUnnamed(c.To))
	}
	if c.Empty() {
		b.WriteString("Nothing changed in the key judgments, their evidence, the bottom line, the title or the status.\n")
		return b.String()
	}
	for _, sec := range c.Sections() {
		head := ""
		if sec.Head != "" {
			head = "## " + sec.Head
		}
		writeList(&b, head, sec.Lines)
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// ChangeSection is a part of a change note: its head ("" for the
// briefing's own title, status and bottom line) and its lines, each a
// sentence without its bullet.
type ChangeSection struct {
	Head  string
	Lines []string
}

// Sections are the change note's parts that have lines, in order: the
// briefing, its key judgments, their evidence. The exported note and the
// app's Versions dialog both say them, in the same words.
func (c *Changes) Sections() []ChangeSection {
	var out []ChangeSection
	for _, sec := range []ChangeSection{{"", c.briefingLines()}, {"Key judgments", c.judgmentLines()}, {"Evidence", c.evidenceLines()}} {
		if len(sec.Lines) > 0 {
			out = append(out, sec)
		}
	}
	return out
}

func orUnnamed(s string) string {
	if s == "" {
		return "an unnamed version"
	}
	return s
}

func (c *Changes) briefingLines() []string {
	var lines []string
	if sameWords(c.OldTitle) != sameWords(c.NewTitle) {
		lines = append(lines, fmt.Sprintf("Title: %s → %s", cite(c.OldTitle), cite(c.NewTitle)))
	}
	if c.OldStatus != c.NewStatus {
		lines = append(lines, fmt.Sprintf("Status: %s → %s", c.OldStatus.Label(), c.NewStatus.Label()))
	}
	if c.BottomLine {
		lines = append(lines, "The bottom line was reworded.")
	}
	return lines
}

func (c *Changes) judgmentLines() []string {
	var lines []string
	for _, j := range c.Judgments {
		switch j.Kind {
		case ChangeAdded:
			lines = append(lines, fmt.Sprintf("Added: %s (%s)", cite(j.New), confidenceLabel(j.NewConfidence)))
		case ChangeRemoved:
			lines = append(lines, fmt.Sprintf("Removed: %s (was %s)", cite(j.Old), confidenceLabel(j.OldConfidence)))
		case ChangeReworded:
			l := fmt.Sprintf("Reworded: %s → %s", cite(j.Old), cite(j.New))
			if j.OldConfidence != j.NewConfidence {
				l += " (" + confidenceShift(j.OldConfidence, j.NewConfidence) + ")"
			}
			lines = append(lines, l)
		case ChangeConfidence:
			lines = append(lines, fmt.Sprintf("Confidence changed: %s: %s", cite(j.New),
				confidenceShift(j.OldConfidence, j.NewConfidence)))
		}
	}
	return lines
}

func (c *Changes) evidenceLines() []string {
	var lines []string
	for i, e := range c.Evidence {
		if e.Kind == ChangeAdded && c.restanced(i) >= 0 {
			lines = append(lines, fmt.Sprintf("Now %s %s: %s (was %s)", stanceVerb(e.Stance), cite(e.Judgment),
				e.ExcerptName(), stanceVerb(c.Evidence[c.restanced(i)].Stance)))
			continue
		}
		if e.Kind == ChangeRemoved && c.restancedBy(i) {
			continue
		}
		to := "Added to"
		if e.Kind == ChangeRemoved {
			to = "Removed from"
		}
		lines = append(lines, fmt.Sprintf("%s %s: %s", to, cite(e.Judgment), linkName(e)))
	}
	return lines
}

// restanced finds the removal matching the addition at i (same judgment
// and excerpt: the link's stance changed), -1 if none.
func (c *Changes) restanced(i int) int {
	a := c.Evidence[i]
	for k, e := range c.Evidence {
		if e.Kind == ChangeRemoved && e.ExcerptID == a.ExcerptID && e.Judgment == a.Judgment {
			return k
		}
	}
	return -1
}

// restancedBy says the removal at i is matched by an addition.
func (c *Changes) restancedBy(i int) bool {
	r := c.Evidence[i]
	for _, e := range c.Evidence {
		if e.Kind == ChangeAdded && e.ExcerptID == r.ExcerptID && e.Judgment == r.Judgment {
			return true
		}
	}
	return false
}

// linkName is the link as the note lists it: "supporting excerpt
// “Exports fell.” (Chip report)", "a contradicting excerpt since deleted".
func linkName(e EvidenceChange) string {
	name := e.ExcerptName()
	if strings.HasPrefix(name, "an excerpt") {
		return "a " + stanceLabel(e.Stance) + strings.TrimPrefix(name, "an")
	}
	return stanceLabel(e.Stance) + " excerpt " + name
}

func writeList(b *strings.Builder, heading string, lines []string) {
	if len(lines) == 0 {
		return
	}
	if heading != "" {
		b.WriteString(heading + "\n\n")
	}
	for _, l := range lines {
		b.WriteString("- " + l + "\n")
	}
	b.WriteString("\n")
}

// cite quotes text on one line, cut to noteQuoteRunes.
func cite(s string) string {
	s = oneLine(s)
	if r := []rune(s); len(r) > noteQuoteRunes {
		s = strings.TrimSpace(string(r[:noteQuoteRunes-1])) + "…"
	}
	return "“" + s + "”"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func confidenceLabel(c domain.Confidence) string {
	if c == domain.ConfidenceNone {
		return "no confidence level"
	}
	return string(c) + " confidence"
}

// confidenceShift is "moderate → high confidence".
func confidenceShift(a, b domain.Confidence) string {
	name := func(c domain.Confidence) string {
		if c == domain.ConfidenceNone {
			return "no level"
		}
		return string(c)
	}
	return name(a) + " → " + name(b) + " confidence"
}

func stanceVerb(s domain.Stance) string {
	if s == domain.StanceContradicts {
		return "contradicts"
	}
	return "supports"
}

func stanceLabel(s domain.Stance) string {
	if s == domain.StanceContradicts {
		return "contradicting"
	}
	return "supporting"
}
