package store

// The team library reaches PostgreSQL through pgx's database/sql driver
// ("pgx"), so the store's one body of SQL code serves both databases.
import _ "github.com/jackc/pgx/v5/stdlib"
