package storage

import (
	"reflect"
	"testing"

	"ccselect/samples"
)

// Load returns scores in grid order (criterion, vendor, reviewer) with their notes and
// evidence, whether the grid is full (placed directly) or sparse (sorted): the two paths of
// loadScores. The generated evaluation lists its scores in that order already, so what comes
// back must equal what went in.
func TestLoadScoresGridOrder(t *testing.T) {
	for _, keep := range []int{1, 9} { // every score; one in nine (more than 4 cells a score)
		ev, err := samples.Generate(samples.GenOptions{Vendors: 6, Criteria: 7, Reviewers: 3, Seed: 5})
		if err != nil {
			t.Fatal(err)
		}
		scores := ev.Scores[:0]
		for i, sc := range ev.Scores {
			if i%keep != 0 {
				continue
			}
			if i%4 == 0 {
				sc.Note = "note " + sc.Vendor
			}
			if i%6 == 0 {
				sc.Evidence = "ev " + sc.Reviewer
			}
			scores = append(scores, sc)
		}
		ev.Scores = scores
		s := newStore(t)
		id, err := s.Create(ev, "t")
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Scores, ev.Scores) {
			t.Fatalf("keep 1 in %d: loaded scores differ from the stored ones (%d vs %d)", keep, len(got.Scores), len(ev.Scores))
		}
	}
}
