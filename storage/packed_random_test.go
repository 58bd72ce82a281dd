package storage

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"ccselect/model"
	"ccselect/samples"
)

// Random edits through every path that writes a packed row — one score set (value, note,
// evidence) or cleared, a batch (CSV import), a vendor or reviewer deleted, and undo of any of
// them — checked after each step against a plain map of cells. Seeded: the same sequence every
// run, and a failure names its step.
func TestPackedRandomEdits(t *testing.T) {
	s := newStore(t)
	ev, err := samples.Generate(samples.GenOptions{Vendors: 5, Criteria: 6, Reviewers: 3, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.Create(ev, "t")
	if err != nil {
		t.Fatal(err)
	}
	ev = mustLoad(t, s, id)
	cells := func(scores []model.Score) map[cellKey]model.Score {
		m := make(map[cellKey]model.Score, len(scores))
		for _, sc := range scores {
			m[cellKey{sc.Vendor, sc.Criterion, sc.Reviewer}] = sc
		}
		return m
	}
	want := cells(ev.Scores)
	// The reference before each undoable edit, and how many undo steps take it back there (a
	// batch is one step per changed cell).
	type undoable struct {
		state map[cellKey]model.Score
		steps int
	}
	var history []undoable
	rng := rand.New(rand.NewPCG(9, 9))
	pick := func(n int) int { return rng.IntN(n) }
	randomScore := func() model.Score {
		c := ev.Framework.Criteria[pick(len(ev.Framework.Criteria))]
		sc := model.Score{Vendor: ev.Vendors[pick(len(ev.Vendors))].ID, Criterion: c.ID,
			Reviewer: ev.Reviewers[pick(len(ev.Reviewers))].ID, Value: float64(2+pick(9)) / 2}
		if c.Kind != model.KindRating {
			sc.Value = float64(pick(100000)) / 7 // not a short decimal
		}
		if pick(3) == 0 {
			sc.Note = fmt.Sprintf("备注 %d", pick(5))
		}
		if pick(4) == 0 {
			sc.Evidence = "e"
		}
		return sc
	}
	for step := 0; step < 400; step++ {
		before, steps := maps(want), 1
		var what string
		var err error
		switch op := pick(10); {
		case op < 5:
			sc := randomScore()
			what = "set " + scoreTarget(sc.Vendor, sc.Criterion, sc.Reviewer)
			if err = s.SetScore(id, sc, "t"); err == nil {
				want[cellKey{sc.Vendor, sc.Criterion, sc.Reviewer}] = sc
			}
		case op < 7:
			sc := randomScore()
			what = "clear " + scoreTarget(sc.Vendor, sc.Criterion, sc.Reviewer)
			if err = s.ClearScore(id, sc.Vendor, sc.Criterion, sc.Reviewer, "t"); err == nil {
				delete(want, cellKey{sc.Vendor, sc.Criterion, sc.Reviewer})
			}
		case op < 8:
			batch := []model.Score{randomScore(), randomScore(), randomScore()}
			what = "batch"
			var n int
			if n, err = s.SetScores(id, batch, "t"); err == nil {
				for _, sc := range batch {
					want[cellKey{sc.Vendor, sc.Criterion, sc.Reviewer}] = sc
				}
				steps = n
			}
		case op < 9 && len(history) > 0:
			what = "undo"
			last := history[len(history)-1]
			history = history[:len(history)-1]
			for i := 0; i < last.steps && err == nil; i++ {
				_, err = s.Undo(id, "t")
			}
			want, before = last.state, nil
		default:
			// Delete a vendor or reviewer, then undo it straight away (the grid keeps its shape).
			what = "delete and undo"
			if pick(2) == 0 {
				err = s.DeleteVendor(id, ev.Vendors[pick(len(ev.Vendors))].ID, "t")
			} else {
				err = s.DeleteReviewer(id, ev.Reviewers[pick(len(ev.Reviewers))].ID, "t")
			}
			if err == nil {
				_, err = s.Undo(id, "t")
			}
			before = nil
		}
		if err != nil {
			t.Fatalf("step %d (%s): %v", step, what, err)
		}
		if before != nil && !sameCells(before, want) {
			history = append(history, undoable{before, steps})
		}
		got := mustLoad(t, s, id)
		if !sameCells(cells(got.Scores), want) {
			t.Fatalf("step %d (%s): stored cells differ from the reference:\ngot  %v\nwant %v", step, what, cells(got.Scores), want)
		}
		noted := 0
		for _, sc := range want {
			if sc.Note != "" || sc.Evidence != "" {
				noted++
			}
		}
		if n := countRows(t, s, "score_notes"); n != noted { // no note outlives its cell
			t.Fatalf("step %d (%s): %d notes stored, %d cells have one", step, what, n, noted)
		}
		if !slices.IsSortedFunc(got.Scores, gridOrder(got)) {
			t.Fatalf("step %d (%s): scores not in grid order", step, what)
		}
	}
	if p, err := s.Check(); err != nil || len(p) > 0 {
		t.Fatalf("Check after the edits: %q, %v", p, err)
	}
}

func maps(m map[cellKey]model.Score) map[cellKey]model.Score {
	out := make(map[cellKey]model.Score, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func sameCells(a, b map[cellKey]model.Score) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// gridOrder compares scores by criterion, vendor, reviewer position in ev.
func gridOrder(ev *model.Evaluation) func(a, b model.Score) int {
	crit := map[string]int{}
	for i, c := range ev.Framework.Criteria {
		crit[c.ID] = i
	}
	return func(a, b model.Score) int {
		if c := crit[a.Criterion] - crit[b.Criterion]; c != 0 {
			return c
		}
		if c := ev.VendorIndex(a.Vendor) - ev.VendorIndex(b.Vendor); c != 0 {
			return c
		}
		return ev.ReviewerIndex(a.Reviewer) - ev.ReviewerIndex(b.Reviewer)
	}
}
