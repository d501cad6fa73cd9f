package store

import (
	"strings"
	"unicode"
)

// maxQueryTerms keeps a pasted page of text from becoming a query that
// takes seconds.
const maxQueryTerms = 64

type queryTerm struct {
	text   string // the words, without quotes
	prefix bool
	not    bool
	or     bool // the OR operator, not a term
}

// ftsQuery turns whatever a user typed into a valid FTS5 query, or "" when
// nothing searchable is left. Words and "phrases" are ANDed; a trailing *
// makes a prefix; OR between terms binds them together as in web search
// engines; -word excludes. Every term is quoted, so FTS5 syntax characters,
// keywords and SQL the user types are searched for as plain words.
func ftsQuery(input string) string {
	var groups [][]string
	var nots []string
	joinNext := false
	for _, t := range parseQuery(input) {
		switch {
		case t.or:
			joinNext = len(groups) > 0
			continue
		case t.not:
			nots = append(nots, t.quoted())
		case joinNext:
			last := len(groups) - 1
			groups[last] = append(groups[last], t.quoted())
		default:
			groups = append(groups, []string{t.quoted()})
		}
		joinNext = false
	}
	if len(groups) == 0 {
		return ""
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = strings.Join(g, " OR ")
		if len(g) > 1 {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	q := strings.Join(parts, " AND ")
	if len(nots) > 0 {
		q = "(" + q + ") NOT (" + strings.Join(nots, " OR ") + ")"
	}
	return q
}

func (t queryTerm) quoted() string {
	q := `"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`
	if t.prefix {
		q += "*"
	}
	return q
}

// parseQuery splits input into terms; an unclosed quote runs to the end.
func parseQuery(input string) []queryTerm {
	var terms []queryTerm
	// SQLite reads the query as a C string: a NUL would end it mid-quote.
	rs := []rune(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, input))
	for i := 0; i < len(rs) && len(terms) < maxQueryTerms; {
		switch {
		case unicode.IsSpace(rs[i]):
			i++
		case rs[i] == '"':
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			t := queryTerm{text: string(rs[i+1 : min(j, len(rs))])}
			i = j + 1
			if i < len(rs) && rs[i] == '*' {
				t.prefix = true
			}
			if searchable(t.text) {
				terms = append(terms, t)
			}
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' {
				j++
			}
			if t, ok := wordTerm(string(rs[i:j])); ok {
				terms = append(terms, t)
			}
			i = j
		}
	}
	return terms
}

func wordTerm(w string) (queryTerm, bool) {
	if w == "OR" || w == "|" {
		return queryTerm{or: true}, true
	}
	var t queryTerm
	if len(w) > 1 && w[0] == '-' {
		t.not, w = true, w[1:]
	}
	trimmed := strings.TrimRight(w, "*")
	t.prefix = trimmed != w
	t.text = trimmed
	return t, searchable(t.text)
}

// searchable reports whether the tokenizer will find a word in s; a phrase
// with no words is an FTS5 syntax error.
func searchable(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
