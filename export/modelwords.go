package export

import (
	"unicode"

	"github.com/attache/attache/domain"
)

// Words is the briefing's length in words, the one count every screen
// shows (the composer, the Briefings list, the command line).
//
// It counts the words a reader reads in the briefing's own text, from the
// title to the end of the last section: the title and subtitle, the bottom
// line, each key judgment with its confidence as printed ("moderate
// confidence" is two words), the section headings, the commentary, the
// excerpts' quotes, the figures' captions (a figure's words are its
// caption: the picture, and the text inside it that search finds, are
// not prose a reader reads through) and the analyst's notes on excerpts
// and figures when the briefing includes them (otherwise they are
// private, and printed nowhere).
//
// It leaves out the apparatus printed around that text, as a journal's
// word limit leaves out its references: classification banners and
// portion marks, labels ("Bottom line up front", "Key judgments",
// "Analyst's note", "Contents", a figure's "Figure 2:"), the title block's rows (prepared for,
// prepared by, date, status), section and note numbers, running headers
// and page numbers, the notes (the citations), the sources appendix, the
// basis line under each key judgment and the reading guide.
//
// A word is a run of characters between white space that holds at least
// one letter or digit: "U.S.-China" and "2027." are one word each, a dash
// or bullet standing alone is none.
func (d *Document) Words() int {
	n := CountWords(d.Briefing.Title) + CountWords(d.Briefing.Subtitle) + CountWords(d.Briefing.Summary)
	for _, j := range d.Judgments {
		n += CountWords(j.Text) + CountWords(j.Confidence)
	}
	for _, it := range d.Body {
		n += CountWords(it.Text)
		if it.Type == domain.BlockExcerpt {
			n += CountWords(it.Comment)
		}
	}
	return n
}

// CountWords counts the words of s as Words defines them.
func CountWords(s string) int {
	n, counted := 0, false // counted: the run of non-space so far has a letter or digit
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			counted = false
		case !counted && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			counted = true
			n++
		}
	}
	return n
}

// BriefingWords is Words for a briefing as stored, for lists: the count
// needs its blocks and their excerpts, not its sources.
func BriefingWords(b *domain.Briefing) int {
	return NewDocument(&domain.Bundle{Briefing: b}).Words()
}
