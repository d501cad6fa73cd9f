package ingest

import (
	"regexp"
	"strings"
	"unicode"
)

// byline is what a "By …" line says.
type byline struct {
	authors   []string
	publisher string
	pub, upd  dateLine
}

var (
	bylinePrefix = regexp.MustCompile(`(?i)^(?:(?:words|written|reporting|story|text|article)\s+by|by)\s*:?\s+`)
	authorPrefix = regexp.MustCompile(`(?i)^authors?\s*:\s*`)
	// listSeparators always separate names; nameJoiners ("and", "&",
	// "with") may instead be part of one organisation's name.
	listSeparators = regexp.MustCompile(`\s*[,;]\s*`)
	nameJoiners    = regexp.MustCompile(`(?i)\s+and\s+|\s*&\s*|\s+with\s+`)
	leadingJoiner  = regexp.MustCompile(`(?i)^(?:and|&|with)\s+`)
)

// Words that start a phrase after "By" in ordinary prose ("By contrast, …",
// "By the end of …"), so such a line is never taken for a byline.
var notNames = set("the", "a", "an", "this", "that", "these", "those", "contrast", "comparison",
	"default", "design", "far", "then", "now", "all", "our", "their", "his", "her", "its", "my",
	"your", "some", "most", "many", "early", "late", "mid", "next", "last", "one", "way", "law",
	"definition", "nature", "chance", "mistake", "accident", "means", "virtue", "extension",
	"comparison", "no", "not", "doing", "making", "using", "taking", "having")

// Role words that, leading a comma part, make it an affiliation to drop
// ("Jane Doe, Senior Fellow") rather than another author.
var roleWords = set("senior", "junior", "chief", "associate", "assistant", "deputy", "executive",
	"managing", "contributing", "staff", "special", "visiting", "research", "nonresident",
	"non-resident", "adjunct", "former", "lead", "principal", "head", "director", "editor",
	"correspondent", "reporter", "writer", "analyst", "fellow", "professor", "researcher",
	"contributor", "columnist", "journalist", "lecturer", "president", "chair", "ceo", "founder",
	"programme", "program", "policy", "economics", "political", "foreign", "defence", "defense",
	"technology", "science", "business", "international", "national", "global", "security",
	"guest", "our", "the")

// Organisation words: a part naming an institution is an affiliation, not an author.
var orgWords = set("institute", "university", "centre", "center", "council", "foundation",
	"association", "agency", "department", "ministry", "school", "college", "laboratory",
	"initiative", "project", "press", "media", "news", "times", "journal", "inc", "ltd", "llc")

var particles = set("de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le",
	"bin", "binti", "al", "el", "y", "ten", "ter", "dos", "das", "st.", "zu", "af", "av")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// parseByline recognises "By A", "By A and B", "By A, B and C", "By A & B",
// "Words by A", "Author: A", with optional "| Publisher" or "| date" fields.
// It is strict about names, because "By 2030 the grid…" must stay prose.
func parseByline(line string) (byline, bool) {
	var b byline
	if len(line) > 800 {
		return b, false
	}
	line = strings.Join(strings.FieldsFunc(line, unicode.IsSpace), " ")
	if line == "" || len(line) > 200 {
		return b, false
	}
	loc := bylinePrefix.FindStringIndex(line)
	if loc == nil {
		loc = authorPrefix.FindStringIndex(line)
	}
	if loc == nil {
		return b, false
	}
	segs := splitSegments(line[loc[1]:])
	if len(segs) == 0 {
		return b, false
	}
	for _, seg := range segs[1:] {
		if p, u, ok := parseDateLine(seg); ok {
			b.pub, b.upd = p, u
		} else if b.publisher == "" && looksLikePublisher(seg) {
			b.publisher = seg
		}
	}
	parts := listSeparators.Split(segs[0], -1)
	for i, part := range parts {
		part = leadingJoiner.ReplaceAllString(strings.TrimSpace(part), "")
		if part == "" {
			continue
		}
		if i > 0 && isDatePart(part, parts[i:]) {
			if p, u, ok := parseDateLine(strings.Join(parts[i:], ", ")); ok {
				b.pub, b.upd = p, u
			}
			return b, len(b.authors) > 0
		}
		for _, name := range joinedNames(part) {
			switch {
			case len(b.authors) > 0 && isAffiliation(name):
				continue
			case !looksLikeName(name, 5) && !looksLikeOrgName(name):
				return b, false
			}
			b.authors = append(b.authors, name)
		}
	}
	return b, len(b.authors) > 0
}

// Words that make a name an organisation's, such as a newsroom's desk or a
// think tank's programme: "Cyber and Critical Tech desk" is one author.
var orgNameWords = set("desk", "team", "institute", "institution", "centre", "center", "program",
	"programme", "unit", "office", "department", "ministry", "council", "committee", "staff",
	"group", "board", "bureau", "division", "secretariat", "service", "agency", "commission",
	"foundation", "association", "society", "forum", "network", "coalition", "initiative",
	"project", "newsroom", "editors", "lab", "laboratory", "taskforce", "observatory")

// Subject words that no person's name is made of: "Critical Tech" or
// "International Studies" is part of an organisation's name.
var subjectWords = set("tech", "technology", "technologies", "cyber", "security", "policy",
	"affairs", "studies", "research", "strategy", "strategic", "development", "defence", "defense",
	"intelligence", "economics", "economic", "international", "foreign", "science", "sciences",
	"digital", "critical", "emerging", "innovation", "governance", "diplomacy", "energy",
	"climate", "trade", "industry", "editorial")

// isOrgName tells whether a name has a word only organisations' names have.
func isOrgName(name string) bool {
	for _, w := range strings.Fields(name) {
		lw := strings.ToLower(strings.Trim(w, ".,()’'"))
		if orgNameWords[lw] || subjectWords[lw] {
			return true
		}
	}
	return false
}

// isPersonName is a name of two or more words that is not an
// organisation's: "Alice Smith", not "Cyber" or "Office of Science".
func isPersonName(name string) bool {
	return len(strings.Fields(name)) >= 2 && looksLikeName(name, 5) && !isOrgName(name)
}

// joinedNames splits one list item at "and", "&" and "with" into the names
// it joins, but keeps an organisation's name whole. A person's name stands
// alone; a run of other pieces is one name when one of them has an
// organisation word, so "Cyber and Critical Tech desk" and "Centre for
// Strategic and International Studies" stay whole while "Alice Smith and
// Bob Jones" (and "Reuters and AP") are two.
func joinedNames(item string) []string {
	pieces := nameJoiners.Split(item, -1)
	seps := nameJoiners.FindAllString(item, -1)
	var names []string
	for i := 0; i < len(pieces); {
		if isPersonName(pieces[i]) {
			names = append(names, pieces[i])
			i++
			continue
		}
		end, org := i, false
		for end < len(pieces) && !isPersonName(pieces[end]) {
			org = org || isOrgName(pieces[end])
			end++
		}
		if org {
			names = append(names, rejoin(pieces[i:end], seps[i:end-1]))
		} else {
			names = append(names, pieces[i:end]...)
		}
		i = end
	}
	out := names[:0]
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// rejoin puts pieces back together with the joiners that stood between them.
func rejoin(pieces, seps []string) string {
	var b strings.Builder
	for i, p := range pieces {
		if i > 0 {
			b.WriteString(seps[i-1])
		}
		b.WriteString(p)
	}
	return b.String()
}

// looksLikeOrgName accepts an organisation's name such as "Cyber and
// Critical Tech desk": capitalised, short, with an organisation word, its
// other lower-case words only joiners or organisation words.
func looksLikeOrgName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 10 || len([]rune(s)) > 80 || !isOrgName(s) {
		return false
	}
	if !unicode.IsUpper([]rune(words[0])[0]) || notNames[strings.ToLower(words[0])] {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		switch rs := []rune(w); {
		case strings.ContainsFunc(w, unicode.IsDigit):
			return false
		case unicode.IsUpper(rs[0]), w == "&", orgNameWords[lw], subjectWords[lw], orgJoiners[lw]:
		default:
			return false
		}
	}
	return true
}

var orgJoiners = set("and", "of", "for", "on", "the", "in", "with")

// isDatePart reports whether a comma part starts a date that may itself
// contain a comma ("May 11, 2024").
func isDatePart(part string, rest []string) bool {
	_, _, ok := parseDateLine(strings.Join(rest, ", "))
	if !ok {
		_, _, ok = parseDateLine(part)
	}
	return ok
}

func isAffiliation(part string) bool {
	words := strings.Fields(part)
	if roleWords[strings.ToLower(strings.Trim(words[0], ".,"))] {
		return true
	}
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,()"))
		if orgWords[lw] || lw == "at" || lw == "of" || lw == "for" {
			return true
		}
	}
	return false
}

// looksLikeName accepts "Jane Q. Analyst", "Omar Haddad", "Ana de la Cruz",
// "Seán O’Brien", "Reuters"; it refuses digits, sentences and lower-case words.
func looksLikeName(s string, maxWords int) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxWords || len([]rune(s)) > 60 {
		return false
	}
	if notNames[strings.ToLower(words[0])] {
		return false
	}
	real := 0
	for _, w := range words {
		if particles[strings.ToLower(w)] {
			continue
		}
		rs := []rune(w)
		if !unicode.IsUpper(rs[0]) {
			return false
		}
		for _, r := range rs {
			if !unicode.IsLetter(r) && !unicode.IsMark(r) && !strings.ContainsRune(".-'’", r) {
				return false
			}
		}
		real++
	}
	return real > 0
}

// looksLikePublisher accepts a short capitalised name such as "The Strategist".
func looksLikePublisher(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 || len(s) > 80 || strings.ContainsAny(s, ".!?") {
		return false
	}
	return unicode.IsUpper([]rune(words[0])[0])
}
