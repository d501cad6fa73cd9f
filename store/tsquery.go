package store

import (
	"strings"
	"unicode"
)

// tsQuery is ftsQuery for PostgreSQL: whatever a user typed, read by the
// same rules (words and "phrases" ANDed, OR, -word, a trailing *), written
// as a tsquery of quoted lexemes. Every word is quoted, so tsquery's
// operators and SQL in the input are searched for as plain words; the
// query travels as a parameter of to_tsquery, never inside the SQL.
func tsQuery(input string) string {
	var groups [][]string
	var nots []string
	joinNext := false
	for _, t := range parseQuery(input) {
		lex := t.lexemes()
		switch {
		case t.or:
			joinNext = len(groups) > 0
			continue
		case lex == "":
		case t.not:
			nots = append(nots, lex)
		case joinNext:
			last := len(groups) - 1
			groups[last] = append(groups[last], lex)
		default:
			groups = append(groups, []string{lex})
		}
		joinNext = false
	}
	if len(groups) == 0 {
		return ""
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = "(" + strings.Join(g, " | ") + ")"
	}
	q := strings.Join(parts, " & ")
	for _, n := range nots {
		q += " & !(" + n + ")"
	}
	return q
}

// lexemes is the term as a tsquery: its words quoted, followed one by
// the next (<->), the last a prefix when the term ends with *.
func (t queryTerm) lexemes() string {
	words := strings.FieldsFunc(t.text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = "'" + strings.ReplaceAll(strings.ReplaceAll(w, `\`, `\\`), "'", "''") + "'"
	}
	if len(words) > 0 && t.prefix {
		words[len(words)-1] += ":*"
	}
	return strings.Join(words, " <-> ")
}

// tsConfig is the text-search configuration of the team library's index
// (migrations_pg): English stemming, as SQLite's porter tokenizer.
const tsConfig = "'english'"

// matchQuery is what the dialect's match expression takes for input: ""
// when nothing searchable is left.
func (d dialect) matchQuery(input string) string {
	if d == postgresDialect {
		return tsQuery(input)
	}
	return ftsQuery(input)
}

// match is the condition on the search table that its row matches the
// query in parameter p.
func (d dialect) match(p string) string {
	if d == postgresDialect {
		return "tsv @@ to_tsquery(" + tsConfig + ", " + p + ")"
	}
	return "search MATCH " + p
}

// rank orders matches of the query in parameter p, best first when
// ascending: SQLite's bm25 is negative, so is the PostgreSQL rank here. The
// weights are the index's: title 4, meta 2, body 1 (ts_rank's array runs
// D, C, B, A, each at most 1).
func (d dialect) rank(p string) string {
	if d == postgresDialect {
		return "-ts_rank('{0.1, 0.25, 0.5, 1.0}', tsv, to_tsquery(" + tsConfig + ", " + p + "))"
	}
	return bm25Rank
}

// snippet is a few words around the matches of the query in parameter p,
// the matches between markOpen and markClose.
func (d dialect) snippet(p string) string {
	if d == postgresDialect {
		return "ts_headline(" + tsConfig + ", body || ' ' || meta, to_tsquery(" + tsConfig + ", " + p + "), " +
			"'StartSel=" + markOpen + ", StopSel=" + markClose + ", MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…')"
	}
	return "snippet(search, -1, '" + markOpen + "', '" + markClose + "', '…', 16)"
}

// rankWindow restricts a match on the query in parameter p to the newest
// rankedMatches rows; the parameter off is rankedMatches - 1.
func (d dialect) rankWindow(p, off string) string {
	return "rowid >= coalesce((SELECT rowid FROM search WHERE " + d.match(p) +
		" ORDER BY rowid DESC LIMIT 1 OFFSET " + off + "), 0)"
}
