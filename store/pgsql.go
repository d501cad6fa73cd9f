package store

import "strings"

// pgSpelling rewrites the few SQLite-only expressions the store's queries
// use into PostgreSQL's, applied once per query with the parameters (see
// rebind). Each is an exact fragment of a query in this package, so a
// query changed without its rule here fails the contract tests on
// PostgreSQL rather than passing by luck. Queries that differ more than
// this (the search index, JSON inside versions) ask the dialect instead.
var pgSpelling = strings.NewReplacer(
	// A list of ids travels as one JSON array parameter.
	`SELECT value FROM json_each(?)`, `SELECT j.value::bigint FROM json_array_elements_text(?::json) AS j(value)`,
	// An author list is a JSON array in a text column.
	`FROM json_each(authors)`, `FROM json_array_elements_text(authors::json) AS value`,
	`json_group_array(`, `json_agg(`,
	`group_concat(`, `string_agg(`,
	// No limit: SQLite's -1, PostgreSQL's ALL.
	` LIMIT -1 OFFSET `, ` LIMIT ALL OFFSET `,
	// Listings sorted without regard to case.
	`s.title COLLATE NOCASE`, `lower(s.title)`,
	`s.authors COLLATE NOCASE`, `lower(s.authors)`,
)
