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
	nameJoiners  = regexp.MustCompile(`(?i)\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|\s*;\s*|\s+with\s+)\s*`)
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
	parts := strings.Split(nameJoiners.ReplaceAllString(segs[0], ","), ",")
	for i, part := range parts {
		part = strings.TrimSpace(part)
		switch {
		case part == "":
			continue
		case i > 0 && isDatePart(part, parts[i:]):
			if p, u, ok := parseDateLine(strings.Join(parts[i:], ",")); ok {
				b.pub, b.upd = p, u
			}
			return b, len(b.authors) > 0
		case i > 0 && isAffiliation(part):
			continue
		case !looksLikeName(part, 5):
			return b, false
		default:
			b.authors = append(b.authors, part)
		}
	}
	return b, len(b.authors) > 0
}

// isDatePart reports whether a comma part starts a date that may itself
// contain a comma ("May 11, 2024").
func isDatePart(part string, rest []string) bool {
	_, _, ok := parseDateLine(strings.Join(rest, ","))
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
