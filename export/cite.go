package export

import (
	"slices"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// Citations follow Chicago (17th ed.) notes and bibliography in its form for
// web and news articles, for every kind of source: title in quotes, then
// publisher or site, date and URL. Plain text, typographic quotes, Chicago
// punctuation inside them, never a doubled mark (“Why?” takes no comma). A
// bibliography entry lists up to citeMaxAuthors authors; more are cut to
// citeCutAuthors and “et al.” (CMOS 14.76).
const (
	citeMaxAuthors = 10
	citeCutAuthors = 7
)

// NoteCitation is the full note for the first citation of a source:
// Author, “Title: Subtitle,” Publisher, May 11, 2024, URL.
func NoteCitation(s *domain.Source) string { return NoteCitationAt(s, "") }

// NoteCitationAt is NoteCitation with a locator such as "12" or "12–13",
// which Chicago puts after the date: …, May 11, 2024, 12, URL.
func NoteCitationAt(s *domain.Source, pages string) string {
	c := citeNew(s)
	date := c.published
	if date == "" && c.accessed != "" {
		date = "accessed " + c.accessed
	}
	return citeJoin([]citePart{{text: citeNoteAuthors(c.authors)}, {text: c.title, quoted: true},
		{text: c.publisher}, {text: date}, {text: pages}, {text: c.url}}, ",")
}

// ShortNoteCitationAt is the short note with a locator: Surname, “Short
// Title,” 12. The locator follows the title's closing quote, its comma
// inside the quote as Chicago has it.
func ShortNoteCitationAt(s *domain.Source, pages string) string {
	return citeJoin(append(citeShortParts(s), citePart{text: pages}), ",")
}

// pageLocator is "12" or "12–13" for an excerpt of a paged source, else "".
func pageLocator(s *domain.Source, e *domain.Excerpt) string {
	if s == nil || e == nil {
		return ""
	}
	first, last := s.PageRange(e.Start, e.End)
	switch {
	case first == 0:
		return ""
	case first == last:
		return strconv.Itoa(first)
	}
	return strconv.Itoa(first) + "–" + strconv.Itoa(last)
}

// ShortNoteCitation is the shortened note for later citations: author
// surname(s), short title (≤ 4 words of the title before any colon) in
// quotes.
func ShortNoteCitation(s *domain.Source) string { return citeJoin(citeShortParts(s), ",") }

// citeShortParts are the short note's parts: the surnames, the short title.
func citeShortParts(s *domain.Source) []citePart {
	c := citeNew(s)
	surnames := make([]string, len(c.authors))
	for i, a := range c.authors {
		_, surnames[i], _, _ = citeSplitName(a)
	}
	short := citeShortTitle(c.mainTitle)
	if short == "" {
		short = citeShortTitle(c.title)
	}
	return []citePart{{text: citeNoteAuthors(surnames)}, {text: short, quoted: true}}
}

// BibliographyEntry is the entry for the source list (first author inverted):
// Surname, Given. “Title: Subtitle.” Publisher, May 11, 2024. URL.
func BibliographyEntry(s *domain.Source) string {
	if s == nil {
		return ""
	}
	c := citeNew(s)
	parts := []citePart{{text: citeBibAuthors(c.authors)}, {text: c.title, quoted: true}}
	date, pub := c.published, c.publisher
	switch {
	case date == "" && c.accessed != "": // “Site. Accessed May 12, 2024.”
		parts = append(parts, citePart{text: pub})
		date, pub = "Accessed "+c.accessed, ""
	case date == "":
		date = "n.d."
	}
	if pub != "" {
		date = citeEnd(pub, ",") + " " + date
	}
	return citeJoin(append(parts, citePart{text: date}, citePart{text: c.url}), ".")
}

// citation is a source's metadata cleaned for citing, authors in natural order.
type citation struct {
	authors                     []string
	mainTitle, title, publisher string
	published, accessed, url    string
}

func citeNew(s *domain.Source) citation {
	if s == nil {
		return citation{}
	}
	c := citation{
		mainTitle: citeNestQuotes(citeClean(s.Title)),
		publisher: citeTrim(citeClean(s.Publisher)),
		published: citeChicagoDate(s.Published),
		accessed:  citeChicagoDate(s.Accessed),
		url:       strings.TrimSpace(s.URL),
	}
	for _, a := range s.Authors {
		if a = citeTrim(citeClean(a)); a != "" {
			c.authors = append(c.authors, citeName(a, false))
		}
	}
	c.title = c.mainTitle
	switch sub := citeNestQuotes(citeClean(s.Subtitle)); {
	case sub == "" || c.title == "":
		c.title += sub
	case strings.HasSuffix(c.title, ":"), citeTerminal(c.title, "?!"): // CMOS 8.163
		c.title += " " + sub
	default:
		c.title += ": " + sub
	}
	return c
}

// citePart is one element; a quoted one takes its punctuation inside.
type citePart struct {
	text   string
	quoted bool
}

// citeJoin joins the non-empty parts, each ending in sep, the last in ".".
func citeJoin(parts []citePart, sep string) string {
	var out []string
	for i, p := range parts {
		if p.text == "" {
			continue
		}
		mark := "."
		for _, q := range parts[i+1:] {
			if q.text != "" {
				mark = sep
			}
		}
		if p.quoted {
			out = append(out, citeQuote(p.text, mark))
		} else {
			out = append(out, citeEnd(p.text, mark))
		}
	}
	return strings.Join(out, " ")
}

// citeQuote puts t in quotes with mark inside, unless t ends a sentence.
func citeQuote(t, mark string) string {
	if citeTerminal(t, ".?!") {
		mark = ""
	}
	return "“" + t + mark + "”"
}

// citeEnd appends mark unless it would double the punctuation: nothing
// follows ? or !, no period follows a period ("Jr."), no comma a comma.
func citeEnd(t, mark string) string {
	if citeTerminal(t, "?!") || strings.HasSuffix(t, mark) || (mark == "." && citeTerminal(t, ".")) {
		return t
	}
	return t + mark
}

// citeTerminal reports whether t ends in one of marks (before any closing
// quotation marks).
func citeTerminal(t, marks string) bool {
	t = strings.TrimRight(t, "’”'\"")
	return t != "" && strings.ContainsAny(t[len(t)-1:], marks)
}

// citeNoteAuthors is "A", "A and B", "A, B, and C" or "A et al.".
func citeNoteAuthors(a []string) string {
	switch len(a) {
	case 2:
		return a[0] + " and " + a[1]
	case 0, 1, 3:
		return citeList(a)
	}
	return a[0] + " et al."
}

// citeBibAuthors inverts the first name and lists up to citeMaxAuthors.
func citeBibAuthors(a []string) string {
	if len(a) == 0 {
		return ""
	}
	names := append([]string{citeName(a[0], true)}, a[1:]...)
	if len(names) > citeMaxAuthors {
		return strings.Join(names[:citeCutAuthors], ", ") + ", et al."
	}
	return citeList(names)
}

// citeList is "A", "A, and B" or "A, B, and C".
func citeList(a []string) string {
	if len(a) < 2 {
		return strings.Join(a, "")
	}
	return strings.Join(a[:len(a)-1], ", ") + ", and " + a[len(a)-1]
}

var (
	citeOrgWords = citeWords("Office Agency Council Centre Center Committee Commission Foundation Association " +
		"Bureau Government Organisation Organization Authority Bank Service Parliament Union Board Secretariat " +
		"Inc Ltd LLC GmbH Conseil Consejo Ufficio Zentrum Centro Совет Комитет Служба Центр Επιτροπή Κέντρο Οργανισμός")
	// citeOrgStems begin words for Ministry, Институт, Υπουργείο, University….
	citeOrgStems  = strings.Fields("minist department departament institut istitut univers министерств институт университет агентств υπουργ ινστιτούτ πανεπιστ")
	citeSuffixes  = citeWords("Jr. Jr Sr. Sr II III IV")
	citeShortStop = citeWords("a an the and or but nor of to in into on onto for at by with from after before over under as than about against amid among between during since until via")
	citeParticles = citeWords("van von der den de del della di da du dos das la le ter ten bin ibn al el")
)

func citeWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[strings.ToLower(w)] = true
	}
	return m
}

// citeSplitName parses a name into given names, surname (with particles such
// as "von der") and suffix; ok is false for organisations and single names,
// which are never inverted. "Surname, Given" as typed is understood.
func citeSplitName(name string) (given, sur, suffix string, ok bool) {
	if !strings.Contains(name, " ") {
		return "", name, "", false
	}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		w = strings.Trim(w, ".,()")
		if citeOrgWords[w] || slices.ContainsFunc(citeOrgStems, func(s string) bool { return strings.HasPrefix(w, s) }) {
			return "", name, "", false
		}
	}
	parts := strings.Split(name, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	if n := len(parts); n > 1 && citeSuffixes[strings.ToLower(parts[n-1])] {
		suffix, parts = parts[n-1], parts[:n-1]
	}
	switch {
	case len(parts) == 2 && parts[0] != "" && parts[1] != "":
		return parts[1], parts[0], suffix, true
	case len(parts) != 1:
		return "", name, "", false
	}
	w := strings.Fields(parts[0])
	if n := len(w); suffix == "" && n > 2 && citeSuffixes[strings.ToLower(w[n-1])] {
		suffix, w = w[n-1], w[:n-1]
	}
	if len(w) < 2 {
		return "", name, "", false
	}
	i := len(w) - 1
	for i > 1 && citeParticles[strings.ToLower(w[i-1])] {
		i--
	}
	return strings.Join(w[:i], " "), strings.Join(w[i:], " "), suffix, true
}

// citeName is "Given Surname Jr." (no comma before the suffix, CMOS 17)
// or, inverted, "Surname, Given, Jr.", whichever way the name was typed.
func citeName(name string, inverted bool) string {
	given, sur, suffix, ok := citeSplitName(name)
	switch {
	case !ok:
		return name
	case inverted:
		return strings.TrimSuffix(sur+", "+given+", "+suffix, ", ")
	}
	return strings.TrimSpace(given + " " + sur + " " + suffix)
}

// citeShortTitle is at most four words of the title before any colon; a
// cut title does not end on a word such as "and" or "the".
func citeShortTitle(t string) string {
	if i := strings.Index(t, ":"); i > 0 {
		t = t[:i]
	}
	w := strings.Fields(t)
	if len(w) <= 4 {
		return strings.Join(w, " ")
	}
	w = w[:4]
	for len(w) > 1 && citeShortStop[strings.ToLower(w[len(w)-1])] {
		w = w[:len(w)-1]
	}
	return strings.TrimRight(strings.Join(w, " "), ",;:–—-")
}

// citeChicagoDate is "May 11, 2024"; "" when unknown (dates are whole or zero).
func citeChicagoDate(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("January 2, 2006")
}

// citeClean collapses white space, newlines included.
func citeClean(s string) string { return strings.Join(strings.Fields(s), " ") }

func citeTrim(s string) string { return strings.TrimRight(s, " ,;:") }

// curlyToSingle is built once: building a Replacer costs more than using it,
// and every note of a long briefing nests quotes.
var curlyToSingle = strings.NewReplacer("“", "‘", "”", "’")

// citeNestQuotes turns double quotation marks inside a title into single
// ones, since the title itself goes in double quotes.
func citeNestQuotes(s string) string {
	s = curlyToSingle.Replace(s)
	for i := 0; strings.Contains(s, `"`); i++ {
		s = strings.Replace(s, `"`, []string{"‘", "’"}[i%2], 1)
	}
	return s
}
