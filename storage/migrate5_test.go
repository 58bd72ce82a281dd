package storage

import (
	"path/filepath"
	"strings"
	"testing"
)

// On a file of schema 5 (read-only, so not upgraded), the notes pass of Load reads the partial index of annotated scores, not every score: the
// query plan names scores_annotated. (INDEXED BY makes SQLite refuse the query outright if the
// query's WHERE and the index's drift apart; this test then fails too.)
func TestAnnotatedQueryUsesIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	rw := openAt(t, path)
	id, err := rw.Create(fixture(), "tester")
	if err != nil {
		t.Fatal(err)
	}
	rw.Close()
	asSchema5(t, path)
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN SELECT note FROM scores`+annotatedIndex(s.db)+` WHERE eval_id = ? AND `+annotatedSQL, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var a, b, c int
		var detail string
		if err := rows.Scan(&a, &b, &c, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if got := strings.Join(plan, "; "); !strings.Contains(got, "scores_annotated") {
		t.Fatalf("the notes query does not use the partial index: %s", got)
	}
}

// A version-4 file (before migration 5) is read as it is by a read-only open, notes included
// (the notes pass then scans), and a read-write open upgrades it with every score and note intact.
func TestSchema4FileReadAndUpgraded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v4.db")
	s := openAt(t, path)
	ev := fixture()
	ev.Scores[0].Note, ev.Scores[len(ev.Scores)-1].Evidence = "a note", "some evidence"
	id, err := s.Create(ev, "tester")
	if err != nil {
		t.Fatal(err)
	}
	want := mustLoad(t, s, id)
	if want.Scores[0].Note != "a note" {
		t.Fatalf("fixture note not stored: %+v", want.Scores[0])
	}
	s.Close()
	asSchema5(t, path)
	rawExec(t, path, "DROP INDEX scores_annotated", "PRAGMA user_version = 4")

	readThenUpgrade(t, path, id, want, 4, "", func(ro *Store) {
		if idx := indexes(t, ro, "scores"); idx["scores_annotated"] {
			t.Fatal("a read-only open created the index")
		}
	})
}
