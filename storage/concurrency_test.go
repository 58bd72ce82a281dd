package storage

import (
	"fmt"
	"sync"
	"testing"

	"ccselect/model"
)

// Two stores on one file (two processes, in effect) and several goroutines per store edit at
// once: IMMEDIATE transactions plus busy_timeout must serialise them without a single
// "database is locked", and every edit must land with its audit row.
func TestConcurrentWriters(t *testing.T) {
	s1, id := withFixture(t)
	s2 := openAt(t, s1.Path())
	ev := mustLoad(t, s1, id)
	var cells []model.Score
	for _, v := range ev.Vendors {
		for _, c := range ev.Framework.Criteria {
			if c.Kind == model.KindRating {
				cells = append(cells, model.Score{Vendor: v.ID, Criterion: c.ID, Reviewer: "wang"})
			}
		}
	}
	const perWorker = 25
	var wg sync.WaitGroup
	errs := make(chan error, 4*perWorker)
	for w, st := range []*Store{s1, s2, s1, s2} {
		wg.Add(1)
		go func(w int, st *Store) {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				sc := cells[(w+i)%len(cells)]
				sc.Value = float64((w+i)%5 + 1)
				sc.Note = fmt.Sprintf("w%d i%d", w, i) // always a real change
				if err := st.SetScore(id, sc, fmt.Sprint("w", w)); err != nil {
					errs <- err
					return
				}
				if i%5 == 0 {
					if _, err := st.Load(id); err != nil {
						errs <- err
						return
					}
				}
			}
		}(w, st)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n := len(mustAudit(t, s1, id, 0)); n != 1+4*perWorker {
		t.Fatalf("audit rows %d, want %d", n, 1+4*perWorker)
	}
	if p, err := s2.Check(); err != nil || len(p) != 0 {
		t.Fatalf("Check: %q %v", p, err)
	}
}

// Edits that read the evaluation before writing (a new vendor gets the next free id and
// position) from two stores at once: each runs on a snapshot taken inside its IMMEDIATE
// transaction, so no edit is lost or overwritten, and undo from either store walks the one
// shared history back to the start.
func TestConcurrentReadModifyWrite(t *testing.T) {
	s1, id := withFixture(t)
	s2 := openAt(t, s1.Path())
	start := mustLoad(t, s1, id)
	const perWorker = 10
	var wg sync.WaitGroup
	errs := make(chan error, 4*perWorker)
	for w, st := range []*Store{s1, s2, s1, s2} {
		wg.Add(1)
		go func(w int, st *Store) {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				// Same name everywhere: the id is derived and must be made unique each time.
				if err := st.SaveVendor(id, model.Vendor{Name: model.Both("New Vendor"), Notes: fmt.Sprint(w, i)}, "w"); err != nil {
					errs <- err
					return
				}
			}
		}(w, st)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	ev := mustLoad(t, s2, id)
	if got := len(ev.Vendors) - len(start.Vendors); got != 4*perWorker {
		t.Fatalf("%d vendors added, want %d", got, 4*perWorker)
	}
	notes := map[string]bool{}
	for _, v := range ev.Vendors[len(start.Vendors):] {
		notes[v.Notes] = true
	}
	if len(notes) != 4*perWorker {
		t.Fatalf("some saves overwrote others: %d distinct of %d", len(notes), 4*perWorker)
	}
	for i := 0; i < 4*perWorker; i++ {
		st := []*Store{s1, s2}[i%2]
		if _, err := st.Undo(id, "u"); err != nil {
			t.Fatalf("undo %d: %v", i, err)
		}
	}
	sameEval(t, "after undoing every save", start, mustLoad(t, s1, id), true)
	if p, err := s1.Check(); err != nil || len(p) != 0 {
		t.Fatalf("Check: %q %v", p, err)
	}
}
