package acceptance

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var wordsRe = regexp.MustCompile(`(\d[\d,]*) words?\b`)

// wordsIn reads "N words" out of a label's text, or -1.
func wordsIn(text string) int {
	m := wordsRe.FindStringSubmatch(text)
	if m == nil {
		return -1
	}
	n, err := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	if err != nil {
		return -1
	}
	return n
}

// The briefings list, the composer and the command line give one word
// count for a briefing: they count the same document.
func TestWordCountsAgree(t *testing.T) {
	s := start(t, nil)
	s.withSample()
	s.openSampleBriefing()
	s.do("read the word counts of the list's row and of the composer")
	var list, composer int
	s.waitFor("both counts showing", 5*time.Second, func(tr *tree) bool {
		list, composer = -1, -1
		for _, n := range tr.all(typ("Label"), textContains(" words"), inLayer("content"), shown()) {
			// The list's row says when the briefing was edited; the
			// composer's line under the draft does not.
			if textContains("edited")(n) {
				list = wordsIn(n.Text)
			} else {
				composer = wordsIn(n.Text)
			}
		}
		return list >= 0 && composer >= 0
	})
	var rows []struct {
		Words int `json:"words"`
	}
	s.cliJSON(&rows, "briefing", "list")
	if len(rows) != 1 || list != composer || composer != rows[0].Words {
		s.fail("word counts: list %d, composer %d, attache briefing list %v; want one number", list, composer, rows)
	}
}
