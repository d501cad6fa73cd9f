package integrity

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/attache/attache/domain"
)

// stale lists the supporting evidence of a judgment about the present
// that is older than MaxAgeMonths.
func (j *basisJudgment) stale() string {
	if j.r.MaxAgeMonths <= 0 || !AboutThePresent(j.blk.Text, j.r.Now) {
		return ""
	}
	var old []string
	seen := map[int64]bool{}
	for _, ev := range j.supporting() {
		src := sourceOf(j.b, ev.Excerpt)
		if src == nil || seen[src.ID] {
			continue
		}
		d, how := src.Published, "published"
		if d.IsZero() {
			d, how = src.Accessed, "accessed"
		}
		if d.IsZero() || monthsBetween(d, j.r.Now) <= j.r.MaxAgeMonths {
			continue
		}
		seen[src.ID] = true
		old = append(old, fmt.Sprintf("%s, %s %s", firstWords(src.Title), how, d.Long()))
	}
	if len(old) == 0 {
		return ""
	}
	return fmt.Sprintf("%s is about the present, but it rests on evidence more than %d months old (%s): check that it still holds and link more recent evidence, or say in the judgment which time it is about.",
		j.name, j.r.MaxAgeMonths, strings.Join(old, "; "))
}

// monthsBetween is how many whole months lie from d to now.
func monthsBetween(d domain.Date, now time.Time) int {
	n := (now.Year()-d.Year)*12 + int(now.Month()-d.Month)
	if now.Day() < d.Day {
		n--
	}
	return n
}

var (
	wordRE = regexp.MustCompile(`[\p{L}\p{N}']+`)
	// futurePhrases name a time to come; matched on the words joined by
	// single spaces, in lower case.
	futurePhrases = []string{"going to", "over the next", "in the coming", "within the next", "in the next",
		"next year", "next month", "next decade", "in future", "in the future", "by the end of", "in the long term",
		"in the longer term", "in the medium term", "in the years ahead", "in the months ahead"}
	futureWords = map[string]bool{"will": true, "won't": true, "shall": true, "forthcoming": true}
	// pastWords are the past tense of the verbs that carry a judgment
	// ("was", "had"): a judgment in the past tense is about the past.
	pastWords = map[string]bool{"was": true, "were": true, "had": true, "did": true, "didn't": true, "wasn't": true, "weren't": true}
)

// AboutThePresent says whether a key judgment is about the present as of
// now, which the stale-evidence rule holds to recent evidence. It is not
// when it names a time to come ("will", "shall", "going to", "by 2030"
// or any year after now's, "over the next", "in the coming", "next
// year"…) or a past one (a year before now's, unless after "since", and
// the past tense of "be", "have" and "do": "was", "were", "had", "did").
func AboutThePresent(text string, now time.Time) bool {
	text = strings.ToLower(strings.ReplaceAll(text, "’", "'"))
	words := wordRE.FindAllString(text, -1)
	for i, w := range words {
		words[i] = strings.TrimSuffix(w, "'s") // "next year's"
	}
	joined := " " + strings.Join(words, " ") + " "
	for _, p := range futurePhrases {
		if strings.Contains(joined, " "+p+" ") {
			return false
		}
	}
	for i, w := range words {
		if futureWords[w] || pastWords[w] || strings.HasSuffix(w, "'ll") {
			return false
		}
		if y, ok := year(w); ok {
			if y > now.Year() || (y < now.Year() && (i == 0 || words[i-1] != "since")) {
				return false
			}
		}
	}
	return true
}

// year reads a word that is a year from 1900 to 2199.
func year(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	if err != nil || y < 1900 || y > 2199 {
		return 0, false
	}
	return y, true
}

// JudgmentName names a key judgment by its number and first words, as
// every message about it does: "Key judgment 2 “China is likely to…”".
func JudgmentName(n int, text string) string {
	return "Key judgment " + strconv.Itoa(n) + " " + firstWords(text)
}

// firstWords is the first words of text in quotation marks, cut at a space
// after at most 32 characters: "“China is likely to…”".
func firstWords(text string) string {
	const most = 32
	r := []rune(strings.Join(strings.Fields(text), " "))
	if len(r) <= most {
		return "“" + string(r) + "”"
	}
	n := most
	for i := most - 1; i > most/2; i-- {
		if r[i] == ' ' {
			n = i
			break
		}
	}
	return "“" + string(r[:n]) + "…”"
}
