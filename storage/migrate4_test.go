package storage

import (
	"path/filepath"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

// indexes lists the indexes SQLite has on table.
func indexes(t *testing.T, s *Store, table string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	rows, err := s.db.Query(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`, table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		rows.Scan(&n)
		out[n] = true
	}
	return out
}

// A version-3 file (before migration 4, with the scores' criterion index) is read as it is by a
// read-only open and upgraded by a read-write open with every row intact; the upgraded file then
// edits, undoes and deletes as a new one does.
func TestSchema3FileReadAndUpgraded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.db")
	s := openAt(t, path)
	id, err := s.Create(fixture(), "tester")
	if err != nil {
		t.Fatal(err)
	}
	want := mustLoad(t, s, id)
	s.Close()
	asSchema5(t, path)
	rawExec(t, path, "DROP INDEX scores_annotated", "CREATE INDEX scores_criterion ON scores (eval_id, criterion)", "PRAGMA user_version = 3")

	rw := readThenUpgrade(t, path, id, want, 3, "", nil)
	sc := want.Scores[0]
	sc.Note = "after the upgrade"
	if err := rw.SetScore(id, sc, "ed"); err != nil {
		t.Fatal(err)
	}
	if err := rw.DeleteReviewer(id, sc.Reviewer, "ed"); err != nil {
		t.Fatal(err)
	}
	if _, err := rw.Undo(id, "ed"); err != nil {
		t.Fatal(err)
	}
	if got := mustLoad(t, rw, id); len(got.Scores) != len(want.Scores) {
		t.Fatalf("undo of the reviewer delete brought back %d scores, want %d", len(got.Scores), len(want.Scores))
	}
	if err := rw.Delete(id, "ed"); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"score_rows", "score_notes"} {
		if n := countRows(t, rw, table); n != 0 {
			t.Fatalf("%d rows left in %s after the delete", n, table)
		}
	}
}

// packedAfterUpgrade checks that an upgraded file has the packed tables and their index, and no
// scores table.
func packedAfterUpgrade(t *testing.T, s *Store) {
	t.Helper()
	if idx := indexes(t, s, "score_rows"); !idx["score_rows_reviewer"] {
		t.Fatalf("score_rows indexes after the upgrade: %v", idx)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'scores'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("the scores table is still there after the upgrade (%v)", err)
	}
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Deleting an evaluation removes its score rows (and with them their notes) through their keys,
// so the cascade from its criteria finds nothing to look through; the other evaluation's scores
// stay.
func TestDeleteEvaluationWithManyScores(t *testing.T) {
	s := newStore(t)
	gen := func(name string) *model.Evaluation {
		ev, err := samples.Generate(samples.GenOptions{Vendors: 40, Criteria: 30, Reviewers: 5, Seed: 2})
		if err != nil {
			t.Fatal(err)
		}
		ev.Name = name
		return ev
	}
	a, err := s.Create(gen("a"), "t")
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Create(gen("b"), "t")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(a, "t"); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "score_rows"); n != 40*5 {
		t.Fatalf("%d score rows left, want the other evaluation's %d (one per vendor and reviewer)", n, 40*5)
	}
	if n := countRows(t, s, "criteria"); n != 30 {
		t.Fatalf("%d criteria left, want 30", n)
	}
	if _, err := s.Load(a); err == nil {
		t.Fatal("the deleted evaluation still loads")
	}
	if ev := mustLoad(t, s, b); len(ev.Scores) != 40*30*5 {
		t.Fatalf("the other evaluation has %d scores", len(ev.Scores))
	}
}
