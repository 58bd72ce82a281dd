package storage

import (
	"ccselect/model"
	"cmp"
	"database/sql"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"testing"
)

// asSchema5 rewrites a current file's scores as schema 5 stored them, one row per score in the
// scores table (its DDL and indexes as migrations 1, 4 and 5 left them), and sets user_version 5,
// so the tests of older files start from a file an older ccselect could have written.
func asSchema5(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := tx.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// The table exactly as migration 1 created it, read from that migration.
	init, err := migrationFS.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	_, ddl, found := strings.Cut(string(init), "CREATE TABLE scores (")
	ddl, _, ended := strings.Cut(ddl, ";")
	if !found || !ended {
		t.Fatal("migration 1 no longer creates the scores table")
	}
	ddl = "CREATE TABLE scores (" + ddl
	exec(ddl)
	exec(`CREATE INDEX scores_reviewer ON scores (eval_id, reviewer)`)
	exec(`CREATE INDEX scores_annotated ON scores (eval_id) WHERE note <> '' OR evidence <> ''`)
	rows, err := tx.Query(`SELECT s.eval_id, s.vendor, s.reviewer, s.vals,
		(SELECT group_concat(id, char(31)) FROM (SELECT id FROM criteria WHERE eval_id = s.eval_id ORDER BY pos))
		FROM score_rows s`)
	if err != nil {
		t.Fatal(err)
	}
	type cell struct {
		id                          int64
		vendor, criterion, reviewer string
		value                       float64
	}
	var cells []cell
	for rows.Next() {
		var c cell
		var vals []byte
		var crits string
		if err := rows.Scan(&c.id, &c.vendor, &c.reviewer, &vals, &crits); err != nil {
			t.Fatal(err)
		}
		ids := splitUnit(crits)
		for i := range ids {
			if v := math.Float64frombits(binary.LittleEndian.Uint64(vals[8*i:])); !math.IsNaN(v) {
				c.criterion, c.value = ids[i], v
				cells = append(cells, c)
			}
		}
	}
	rows.Close()
	for _, c := range cells {
		exec(`INSERT INTO scores (eval_id, vendor, criterion, reviewer, value) VALUES (?, ?, ?, ?, ?)`,
			c.id, c.vendor, c.criterion, c.reviewer, c.value)
	}
	exec(`UPDATE scores SET (note, evidence) = (SELECT n.note, n.evidence FROM score_notes n
		WHERE n.eval_id = scores.eval_id AND n.vendor = scores.vendor AND n.reviewer = scores.reviewer AND n.criterion = scores.criterion)
		WHERE EXISTS (SELECT 1 FROM score_notes n
		WHERE n.eval_id = scores.eval_id AND n.vendor = scores.vendor AND n.reviewer = scores.reviewer AND n.criterion = scores.criterion)`)
	exec(`DROP TABLE score_notes`)
	exec(`DROP TABLE score_rows`)
	exec(`PRAGMA user_version = 5`)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

func splitUnit(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1f {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// readThenUpgrade checks the life of an older file at path: a read-only open reads it as it is
// (want, version left alone, Check clean or, when roProblem is given, exactly one problem that
// says it; then extra, if given, looks at it), and a read-write open upgrades it to packed
// scores with want intact and Check clean. It returns the upgraded store.
func readThenUpgrade(t *testing.T, path string, id int64, want *model.Evaluation, version int, roProblem string, extra func(ro *Store)) *Store {
	t.Helper()
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	sameEval(t, fmt.Sprintf("read-only load of a v%d file", version), want, mustLoad(t, ro, id), false)
	if v, _ := ro.SchemaVersion(); v != version {
		t.Fatalf("a read-only open of a v%d file migrated it to %d", version, v)
	}
	problems, err := ro.Check()
	clean := len(problems) == 0
	if roProblem != "" {
		clean = len(problems) == 1 && strings.Contains(problems[0], roProblem)
	}
	if err != nil || !clean {
		t.Fatalf("check of a v%d file read-only: %q, %v (want %s)", version, problems, err, cmp.Or(roProblem, "none"))
	}
	if extra != nil {
		extra(ro)
	}
	ro.Close()

	rw := openAt(t, path)
	if v, _ := rw.SchemaVersion(); v != SchemaVersion {
		t.Fatalf("read-write open left schema %d", v)
	}
	packedAfterUpgrade(t, rw)
	sameEval(t, "load after upgrade", want, mustLoad(t, rw, id), false)
	if problems, err := rw.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check after upgrade: %v, %v", problems, err)
	}
	return rw
}
