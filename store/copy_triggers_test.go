package store

import (
	"context"
	"regexp"
	"slices"
	"testing"

	"github.com/attache/attache/domain"
)

// The copy sets again, once every row is in, the columns triggers move
// as rows go in (copyComputed). A trigger added to either schema that
// moves another column would leave the copy's value wrong: this reads
// every trigger of this run's database and fails on such a column.
func TestCopyKnowsEveryComputedColumn(t *testing.T) {
	s := openTest(t)
	q := `SELECT tbl_name, sql FROM sqlite_schema WHERE type = 'trigger'`
	if s.dialect == postgresDialect {
		q = `SELECT c.relname, p.prosrc FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
			JOIN pg_proc p ON p.oid = tg.tgfoid WHERE NOT tg.tgisinternal`
	}
	rows, err := s.rt().Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	updates := regexp.MustCompile(`(?i)\bUPDATE\s+(\w+)\s+SET\s+(\w+)\s*=`)
	assigns := regexp.MustCompile(`(?i)\bNEW\.(\w+)\s*:=`) // a PostgreSQL BEFORE trigger changing the row
	found := map[string]bool{}
	for rows.Next() {
		var table, body string
		if err := rows.Scan(&table, &body); err != nil {
			t.Fatal(err)
		}
		for _, m := range updates.FindAllStringSubmatch(body, -1) {
			found[m[1]+"."+m[2]] = true
			computedOrNot(t, m[1], m[2], body)
		}
		for _, m := range assigns.FindAllStringSubmatch(body, -1) {
			// attache_next_id sets an id only where none is given;
			// the copy gives every one.
			if m[1] != "id" {
				computedOrNot(t, table, m[1], body)
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if !found["sources.excerpt_count"] || !found["briefings.revision"] {
		t.Fatalf("the triggers were not read: found %v", found)
	}
}

func computedOrNot(t *testing.T, table, col, body string) {
	t.Helper()
	if !notCopied(table) && !slices.Contains(copyComputed[table], col) {
		t.Errorf("a trigger moves %s.%s, which copyComputed lacks: the copy would leave it as the triggers made it\n%s", table, col, body)
	}
}

// The copy sets each briefing's revision last: setting it must not move
// it again, as every other change to a briefing does.
func TestSettingARevisionDoesNotMoveIt(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b := &domain.Briefing{Title: "Controls", Blocks: []*domain.Block{{Type: domain.BlockHeading, Text: "One"}}}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.wt().Exec(`UPDATE briefings SET revision = 42 WHERE id = ?`, b.ID); err != nil {
		t.Fatal(err)
	}
	if rev, _, err := s.BriefingRevision(ctx, b.ID); err != nil || rev != 42 {
		t.Fatalf("revision %d, %v; want 42", rev, err)
	}
}

// Tables go in after those they refer to, whatever their names.
func TestInsertOrderPutsParentsFirst(t *testing.T) {
	tables := map[string]*tableShape{
		"a_child":  {name: "a_child", refs: []fkRef{{"p", "z_parent"}, {"self", "a_child"}}},
		"z_parent": {name: "z_parent", refs: []fkRef{{"g", "m_grand"}}},
		"m_grand":  {name: "m_grand"},
		"search":   {name: "search"},
	}
	if got := insertOrder(tables); !slices.Equal(got, []string{"m_grand", "z_parent", "a_child"}) {
		t.Fatalf("order %v", got)
	}
}
