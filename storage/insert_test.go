package storage

import (
	"fmt"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

// Scores are inserted 128 to a statement, binding only ids and value in batches without notes or
// evidence: an evaluation whose notes fall in some batches and not others (and whose last batch
// is partial) reads back exactly, note for note, and undo of a vendor delete (which re-inserts
// its scores) too.
func TestInsertScoresMixedBatches(t *testing.T) {
	ev, err := samples.Generate(samples.GenOptions{Vendors: 41, Criteria: 30, Reviewers: 5, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	for i := range ev.Scores {
		switch {
		case i%997 == 0:
			ev.Scores[i].Note = fmt.Sprintf("note %d", i)
		case i%1409 == 0:
			ev.Scores[i].Evidence = fmt.Sprintf("evidence %d", i)
		}
	}
	ev.Scores[len(ev.Scores)-1].Note = "the last one"
	want := map[string]model.Score{}
	for _, sc := range ev.Scores {
		want[scoreTarget(sc.Vendor, sc.Criterion, sc.Reviewer)] = sc
	}
	s := newStore(t)
	id, err := s.Create(ev, "t")
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string) {
		t.Helper()
		got := mustLoad(t, s, id)
		if len(got.Scores) != len(want) {
			t.Fatalf("%s: %d scores, want %d", what, len(got.Scores), len(want))
		}
		for _, sc := range got.Scores {
			if w := want[scoreTarget(sc.Vendor, sc.Criterion, sc.Reviewer)]; w != sc {
				t.Fatalf("%s: read %+v, wrote %+v", what, sc, w)
			}
		}
	}
	check("after Create")
	if err := s.DeleteVendor(id, ev.Vendors[7].ID, "t"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(id, "t"); err != nil {
		t.Fatal(err)
	}
	check("after undoing a vendor delete")
}
