package cli

import (
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/attache/attache/domain"
)

// Who did what, as the tables print it: the library keeps with every
// change who made it (--user, ATTACHE_USER, Settings, else the account's
// name), which matters most in a team library several analysts share.
// A name is "" for what was made before names were kept.

// nameWidth is the most of a name a table shows; longer ones end in "…".
const nameWidth = 16

// tableWidth is the terminal width the briefing list keeps to, as long
// as titles can be cut to make room.
const tableWidth = 100

// Briefing titles are cut to titleWidth, and to less (never below
// minTitleWidth) where the other columns need the room.
const (
	titleWidth    = 50
	minTitleWidth = 20
)

// printBriefingList is `briefing list`: one row a briefing, who changed it
// last at the end.
func printBriefingList(w io.Writer, list []*domain.BriefingSummary) error {
	header := []string{"ID", "TITLE", "STATUS", "BLOCKS", "WORDS", "EDITED", "CHANGED BY"}
	rows := [][]string{header}
	for _, b := range list {
		rows = append(rows, []string{strconv.FormatInt(b.ID, 10), b.Title, b.Status.Label(), strconv.Itoa(b.Blocks),
			strconv.Itoa(b.Words), b.UpdatedAt.Local().Format("2006-01-02 15:04"), clip(orDash(b.UpdatedBy), nameWidth)})
	}
	title := max(minTitleWidth, min(titleWidth, tableWidth-otherColumns(rows, 1)))
	tw := newTable(w)
	for i, r := range rows {
		if i > 0 {
			r[1] = clip(r[1], title)
		}
		printf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r[0], r[1], r[2], r[3], r[4], r[5], r[6])
	}
	return tw.Flush()
}

// otherColumns is how wide the table's columns but skip print, with the
// two spaces newTable puts after each but the last.
func otherColumns(rows [][]string, skip int) int {
	total := 0
	for c := range rows[0] {
		if c == skip {
			continue
		}
		width := 0
		for _, r := range rows {
			width = max(width, utf8.RuneCountInString(r[c]))
		}
		if c < len(rows[0])-1 {
			width += 2
		}
		total += width
	}
	return total + 2 // the skipped column's own two spaces
}

// makersLine is `briefing show`'s line on who made the briefing and who
// changed it last, when; "" when neither is known.
func makersLine(createdBy, updatedBy string, updated time.Time) string {
	at := updated.Local().Format("2006-01-02 15:04")
	switch {
	case createdBy == "" && updatedBy == "":
		return ""
	case updatedBy == "":
		return "Made by " + createdBy
	case createdBy == "":
		return "Changed by " + updatedBy + " at " + at
	}
	return "Made by " + createdBy + " · changed by " + updatedBy + " at " + at
}
