package storage

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

// A sparse evaluation with awkward values (measured numbers that are not short decimals, a
// negative zero is not possible: values are checked) and notes on some cells round-trips through
// the packed rows exactly, in grid order.
func TestPackedRoundTrip(t *testing.T) {
	s := newStore(t)
	ev, err := samples.Generate(samples.GenOptions{Vendors: 7, Criteria: 9, Reviewers: 3, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(4, 13))
	kept := ev.Scores[:0]
	for _, sc := range ev.Scores {
		if rng.IntN(3) == 0 {
			continue // a third of the cells unscored
		}
		if rng.IntN(5) == 0 {
			sc.Note = "备注 " + sc.Vendor
		}
		if rng.IntN(7) == 0 {
			sc.Evidence = "https://example.com/" + sc.Criterion
		}
		kept = append(kept, sc)
	}
	ev.Scores = kept
	id, err := s.Create(ev, "t")
	if err != nil {
		t.Fatal(err)
	}
	got := mustLoad(t, s, id)
	if len(got.Scores) != len(ev.Scores) {
		t.Fatalf("%d scores loaded, %d stored", len(got.Scores), len(ev.Scores))
	}
	for i := range ev.Scores {
		if got.Scores[i] != ev.Scores[i] {
			t.Fatalf("score %d: got %+v, stored %+v", i, got.Scores[i], ev.Scores[i])
		}
	}
	if n := countRows(t, s, "score_rows"); n > 7*3 {
		t.Fatalf("%d score rows for 7 vendors × 3 reviewers", n)
	}
}

// Clearing the last scored cell of a row deletes the row, and with it the row's notes; a
// cleared cell's note goes even when its row stays.
func TestClearEmptiesRowAndNotes(t *testing.T) {
	s := newStore(t)
	ev := fixture()
	id, err := s.Create(ev, "t")
	if err != nil {
		t.Fatal(err)
	}
	first := ev.Scores[0]
	first.Note, first.Evidence = "n", ""
	notes := countRows(t, s, "score_notes")
	if ev.Scores[0].Note == "" && ev.Scores[0].Evidence == "" {
		notes++
	}
	if err := s.SetScore(id, first, "t"); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "score_notes"); n != notes {
		t.Fatalf("%d notes after one was set, want %d", n, notes)
	}
	var row []model.Score
	for _, sc := range mustLoad(t, s, id).Scores {
		if sc.Vendor == first.Vendor && sc.Reviewer == first.Reviewer {
			row = append(row, sc)
		}
	}
	if len(row) < 2 {
		t.Fatalf("the fixture's row %s/%s has %d scores; the test needs two", first.Vendor, first.Reviewer, len(row))
	}
	rows := countRows(t, s, "score_rows")
	if err := s.ClearScore(id, first.Vendor, first.Criterion, first.Reviewer, "t"); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "score_notes"); n != notes-1 {
		t.Fatalf("%d notes after a noted cell was cleared, want %d", n, notes-1)
	}
	for _, sc := range row[1:] {
		if err := s.ClearScore(id, sc.Vendor, sc.Criterion, sc.Reviewer, "t"); err != nil {
			t.Fatal(err)
		}
	}
	if n := countRows(t, s, "score_rows"); n != rows-1 {
		t.Fatalf("%d score rows after emptying one of %d", n, rows)
	}
	var rowNotes int
	if err := s.db.QueryRow(`SELECT count(*) FROM score_notes WHERE vendor = ? AND reviewer = ?`, first.Vendor, first.Reviewer).Scan(&rowNotes); err != nil || rowNotes != 0 {
		t.Fatalf("%d notes left on the emptied row (%v)", rowNotes, err)
	}
	// Undo brings every cell back, the note included.
	for range row {
		if _, err := s.Undo(id, "t"); err != nil {
			t.Fatal(err)
		}
	}
	got := mustLoad(t, s, id)
	if got.Scores[0] != first {
		t.Fatalf("after undo: %+v, want %+v", got.Scores[0], first)
	}
}

// A stored row that does not match the framework (damage or a hand edit) is refused by Load with
// a message naming the row, and Check reports it.
func TestDamagedRowRefused(t *testing.T) {
	for _, tc := range []struct{ name, update, want string }{
		{"short", `UPDATE score_rows SET vals = substr(vals, 1, 8) WHERE rowid = (SELECT min(rowid) FROM score_rows)`, "8 bytes stored, 32 expected"},
		{"count", `UPDATE score_rows SET scored = scored + 1 WHERE rowid = (SELECT min(rowid) FROM score_rows)`, "the row says"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			id, err := s.Create(fixture(), "t")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.db.Exec(tc.update); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Load(id); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Load of a damaged row: %v, want %q", err, tc.want)
			}
			p, err := s.Check()
			if err != nil || len(p) != 1 || !strings.Contains(p[0], tc.want) {
				t.Fatalf("Check: %q, %v", p, err)
			}
		})
	}
}

// Migration 6 moves a schema-5 file's scores into packed rows with every value and note, and
// leaves behind a score whose vendor is gone (written with foreign keys off), as Load of the old
// file skipped it; an edit made before the upgrade undoes and redoes after it.
func TestSchema5FileUpgradedWithOrphan(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v5.db")
	s := openAt(t, path)
	ev := fixture()
	ev.Scores[1].Note, ev.Scores[2].Evidence = "旧备注", "old evidence"
	id, err := s.Create(ev, "tester")
	if err != nil {
		t.Fatal(err)
	}
	want := mustLoad(t, s, id)
	// An edit made before the upgrade, to be undone after it: the history is the model's, not
	// the table's.
	edited := want.Scores[0]
	edited.Value, edited.Note = 5, "改过"
	if edited == want.Scores[0] {
		edited.Value = 4
	}
	if err := s.SetScore(id, edited, "tester"); err != nil {
		t.Fatal(err)
	}
	want.Scores[0], want.Updated = edited, mustLoad(t, s, id).Updated
	s.Close()
	asSchema5(t, path)
	rawExec(t, path, `INSERT INTO scores (eval_id, vendor, criterion, reviewer, value) VALUES (1, 'ghost', 'arch_redundancy', 'wang', 3)`)

	rw := readThenUpgrade(t, path, id, want, 5, "points to a missing vendors row", nil)
	if _, err := rw.Undo(id, "tester"); err != nil {
		t.Fatalf("undo of an edit made before the upgrade: %v", err)
	}
	if got := mustLoad(t, rw, id).Scores[0]; got != ev.Scores[0] {
		t.Fatalf("after undo across the upgrade: %+v, want %+v", got, ev.Scores[0])
	}
	if _, err := rw.Redo(id, "tester"); err != nil {
		t.Fatal(err)
	}
	noted := 0
	for _, sc := range want.Scores {
		if sc.Note != "" || sc.Evidence != "" {
			noted++
		}
	}
	if n := countRows(t, rw, "score_notes"); n != noted {
		t.Fatalf("%d notes after the upgrade, want %d", n, noted)
	}
	// The old table's pages went back to the system (VACUUM after the upgrade).
	var free int
	if err := rw.db.QueryRow(`PRAGMA freelist_count`).Scan(&free); err != nil || free != 0 {
		t.Fatalf("%d free pages after the upgrade (%v)", free, err)
	}
}
