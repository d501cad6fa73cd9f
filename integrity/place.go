package integrity

import (
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// Place names where in b the block at index is, as the analyst reads it:
// "Bottom line" (index -1), "Key judgment 2", "Commentary “Outages
// will…”". The composer's checks, "Before you export" and the command
// line's list after an export all say it so.
func Place(b *domain.Briefing, index int) string {
	if index < 0 || index >= len(b.Blocks) {
		return "Bottom line"
	}
	blk := b.Blocks[index]
	switch blk.Type {
	case domain.BlockJudgment:
		return "Key judgment " + strconv.Itoa(domain.JudgmentNumbers(b.Blocks)[index])
	case domain.BlockHeading:
		return "Heading “" + clip(blk.Text, 30) + "”"
	case domain.BlockExcerpt:
		return "Excerpt"
	}
	return "Commentary “" + clip(blk.Text, 30) + "”"
}

// FindingLine is a finding as a line of a list: its place, the words if
// the message does not quote them, and the message.
func FindingLine(b *domain.Briefing, f Finding) string {
	if !strings.Contains(f.Message, f.Words) {
		return Place(b, f.Index) + " — “" + f.Words + "”: " + f.Message
	}
	return Place(b, f.Index) + ": " + f.Message
}

// clip puts s on one line of at most n runes, the last "…" when cut.
func clip(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
