package storage

import (
	"bytes"
	"database/sql"
	"fmt"
	"slices"

	"ccselect/model"
)

// Reading the scores of a file older than migration 6 (a read-only open never migrates): one row
// per score in the scores table.

// loadScoresLegacy reads the scores table of schema 5 and older alone (no JOIN, no ORDER BY: at 750k scores those were
// most of a report's time, issue 13) and puts the rows in grid order itself. Per row it reads
// the three ids joined into one key, because with this driver each column costs about as much
// as the row's b-tree step, and the value; notes and evidence come from a second pass that
// returns only the cells that have them. The ids are resolved to positions
// through maps built from the vendors, criteria and reviewers already loaded, and each Score
// takes the id strings of those lists, so nothing is kept per row but its value, note and
// evidence. A row whose vendor, criterion or reviewer is missing (only possible with foreign
// keys off) is skipped, as the JOIN skipped it.
func loadScoresLegacy(q querier, ev *model.Evaluation) error {
	nv, nc, nr := len(ev.Vendors), len(ev.Framework.Criteria), len(ev.Reviewers)
	if nv == 0 || nc == 0 || nr == 0 {
		return nil
	}
	vendors := make(map[string]int, nv)
	for i := range ev.Vendors {
		vendors[ev.Vendors[i].ID] = i
	}
	crits := make(map[string]int, nc)
	for i := range ev.Framework.Criteria {
		crits[ev.Framework.Criteria[i].ID] = i
	}
	reviewers := make(map[string]int, nr)
	for i := range ev.Reviewers {
		reviewers[ev.Reviewers[i].ID] = i
	}
	// cell is a score's grid position: (criterion × nv + vendor) × nr + reviewer.
	cell := func(vendor, crit, reviewer []byte) (int, bool) {
		v, okV := vendors[string(vendor)]
		c, okC := crits[string(crit)]
		r, okR := reviewers[string(reviewer)]
		return (c*nv+v)*nr + r, okV && okC && okR
	}
	type row struct {
		key   int
		value float64
	}
	// Room for every cell, up to the limit: no count(*) pass over the table first.
	rows := make([]row, 0, min(nv*nc*nr, model.MaxScores))
	var key sql.RawBytes
	var rw row
	// Ids are single lines (model.CheckLine refuses control characters), so the unit separator
	// cannot occur in one; a key that does not split in three is an error, not a guess.
	split := func(key []byte) (int, bool, error) {
		i := bytes.IndexByte(key, 0x1f)
		j := bytes.LastIndexByte(key, 0x1f)
		if i < 0 || i == j || bytes.IndexByte(key[i+1:j], 0x1f) >= 0 {
			return 0, false, fmt.Errorf("score key %q does not split into vendor, criterion and reviewer", key)
		}
		c, ok := cell(key[:i], key[i+1:j], key[j+1:])
		return c, ok, nil
	}
	const keySQL = `vendor || char(31) || criterion || char(31) || reviewer`
	err := each(q, func(r *sql.Rows) error {
		if err := r.Scan(&key, &rw.value); err != nil {
			return err
		}
		var ok bool
		var err error
		if rw.key, ok, err = split(key); ok {
			rows = append(rows, rw)
		}
		return err
	}, `SELECT `+keySQL+`, value FROM scores WHERE eval_id = ?`, ev.ID)
	if err != nil {
		return err
	}
	// Notes and evidence in a second pass over the same snapshot, for the few cells that have
	// any: every column a row returns costs about as much as its b-tree step, and most cells
	// have neither. The partial index scores_annotated (migration 5) holds just those cells; a
	// read-only open of an older file scans instead, with the same result.
	type annotation struct{ note, evidence string }
	var notes map[int]annotation
	err = each(q, func(r *sql.Rows) error {
		var a annotation
		if err := r.Scan(&key, &a.note, &a.evidence); err != nil {
			return err
		}
		c, ok, err := split(key)
		if ok {
			if notes == nil {
				notes = map[int]annotation{}
			}
			notes[c] = a
		}
		return err
	}, `SELECT `+keySQL+`, note, evidence FROM scores`+annotatedIndex(q)+` WHERE eval_id = ? AND `+annotatedSQL, ev.ID)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	// Grid order. Every key is distinct (the primary key), so when the grid is not much larger
	// than the rows a direct placement is a linear sort; otherwise sort the keys.
	order := make([]int32, 0, len(rows))
	if cells := nv * nc * nr; cells <= 4*len(rows) {
		slot := make([]int32, cells)
		for i := range rows {
			slot[rows[i].key] = int32(i) + 1
		}
		for _, i := range slot {
			if i != 0 {
				order = append(order, i-1)
			}
		}
	} else {
		for i := range rows {
			order = append(order, int32(i))
		}
		slices.SortFunc(order, func(a, b int32) int { return rows[a].key - rows[b].key })
	}
	ev.Scores = make([]model.Score, len(order))
	for j, i := range order {
		rw := &rows[i]
		r := rw.key % nr
		v := rw.key / nr % nv
		c := rw.key / nr / nv
		a := notes[rw.key]
		ev.Scores[j] = model.Score{Vendor: ev.Vendors[v].ID, Criterion: ev.Framework.Criteria[c].ID,
			Reviewer: ev.Reviewers[r].ID, Value: rw.value, Note: a.note, Evidence: a.evidence}
	}
	return nil
}

// annotatedIndex names the partial index for the notes query when the file has it: without
// statistics SQLite's planner prefers the primary key (eval_id, …) and would step through every
// score. A read-only open of a file older than migration 5 has no such index and scans.
func annotatedIndex(q querier) string {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'scores_annotated'`).Scan(&n); err != nil || n == 0 {
		return ""
	}
	return " INDEXED BY scores_annotated"
}

// annotatedSQL selects the scores with a note or evidence. It is, word for word, the WHERE of the
// partial index scores_annotated (migrations/0005): SQLite uses a partial index only for a query
// whose terms imply the index's, and TestAnnotatedQueryUsesIndex holds the two together.
const annotatedSQL = `(note <> '' OR evidence <> '')`
