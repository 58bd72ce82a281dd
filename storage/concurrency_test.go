package storage

import (
	"fmt"
	"sync"
	"testing"
	"time"

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

// WAL: while another store holds the write lock, reads go on at once (and see the last
// committed state), and a write waits for the lock instead of failing with "database is locked".
func TestReadsDuringAnotherWrite(t *testing.T) {
	s1, id := withFixture(t)
	s2 := openAt(t, s1.Path())
	tx, done, err := s2.beginWrite()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE evaluations SET name = 'uncommitted' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	readDone := make(chan error, 1)
	go func() {
		ev, err := s1.Load(id)
		if err == nil && ev.Name != fixture().Name {
			err = fmt.Errorf("read an uncommitted name %q", ev.Name)
		}
		if err == nil {
			_, err = s1.List()
		}
		readDone <- err
	}()
	select {
	case err := <-readDone:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(3 * time.Second): // the busy timeout is 5 s
		done()
		t.Fatal("a read waited for another store's write transaction")
	}
	wrote := make(chan error, 1)
	go func() { wrote <- s1.Rename(id, "after the lock", "s1") }()
	select {
	case err := <-wrote:
		t.Fatalf("a write went through while another store held the write lock: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	done() // roll back and release the lock
	if err := <-wrote; err != nil {
		t.Fatalf("the waiting write failed: %v", err)
	}
	if ev := mustLoad(t, s2, id); ev.Name != "after the lock" {
		t.Fatalf("name %q", ev.Name)
	}
}

// Scores are stored a row per vendor and reviewer, so writing one cell rewrites its row. Four
// writers on two stores (two processes, in effect) each own one criterion of the same row and
// write it over and over: every IMMEDIATE transaction reads the row under the write lock, so no
// writer's cell is lost to another's rewrite of the row, and each cell ends with its owner's last
// value.
func TestConcurrentWritersOneRow(t *testing.T) {
	s1, id := withFixture(t)
	s2 := openAt(t, s1.Path())
	ev := mustLoad(t, s1, id)
	vendor, reviewer := ev.Vendors[0].ID, ev.Reviewers[0].ID
	value := func(c model.Criterion, i int) float64 {
		if c.Kind == model.KindRating {
			return float64(i%5 + 1)
		}
		return float64(100 + i)
	}
	const perWorker = 20
	crits := ev.Framework.Criteria
	var wg sync.WaitGroup
	errs := make(chan error, len(crits))
	for w := range crits {
		st := []*Store{s1, s2}[w%2]
		wg.Add(1)
		go func(c model.Criterion, st *Store) {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				sc := model.Score{Vendor: vendor, Criterion: c.ID, Reviewer: reviewer, Value: value(c, i)}
				if err := st.SetScore(id, sc, "w"); err != nil {
					errs <- err
					return
				}
			}
		}(crits[w], st)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, sc := range mustLoad(t, s2, id).Scores {
		if sc.Vendor == vendor && sc.Reviewer == reviewer {
			got[sc.Criterion] = sc.Value
		}
	}
	for _, c := range crits {
		if want := value(c, perWorker-1); got[c.ID] != want {
			t.Errorf("cell %s/%s/%s = %v, want its writer's last value %v", vendor, c.ID, reviewer, got[c.ID], want)
		}
	}
}
