package storage

import (
	"database/sql"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"

	"ccselect/internal/hugemem"
	"ccselect/model"
)

// Scores are stored packed (migration 6, issue 13): a row of score_rows holds one reviewer's
// values for one vendor, one float64 per criterion in framework order, and score_notes holds the
// note and evidence of the few cells that have any. This file is the one place that knows the
// row's layout.

// noScore is what an unscored cell holds: a NaN, which no score can be (model.CheckValue refuses
// numbers that are not finite). One fixed bit pattern, so a row's bytes depend only on its values.
var noScore = math.Float64frombits(0x7ff8_0000_0000_0000)

// rowKey names a row: one vendor's values from one reviewer.
type rowKey struct{ vendor, reviewer string }

// cellKey names a cell of the grid.
type cellKey struct{ vendor, criterion, reviewer string }

// annotation is a cell's note and evidence.
type annotation struct{ note, evidence string }

func (a annotation) empty() bool { return a.note == "" && a.evidence == "" }

// scoreRow is one row of score_rows in memory.
type scoreRow struct {
	vals   []float64 // by criterion position; noScore where unscored
	scored int       // how many vals are scores
	stored bool      // the table has this row (an upsert or a delete writes it)
}

// newRow is a row of nc unscored cells, not yet stored.
func newRow(nc int) *scoreRow {
	r := &scoreRow{vals: make([]float64, nc)}
	for i := range r.vals {
		r.vals[i] = noScore
	}
	return r
}

// rowFrom decodes a row read through a LEFT JOIN: b nil means none is stored, and an empty one
// is returned.
func rowFrom(b []byte, nc int, k rowKey) (*scoreRow, error) {
	if b == nil {
		return newRow(nc), nil
	}
	return decodeRow(b, nc, k)
}

// decodeRow decodes a stored row. A row whose length does not match the framework is an error:
// the file is damaged.
func decodeRow(b []byte, nc int, k rowKey) (*scoreRow, error) {
	if len(b) != 8*nc {
		return nil, fmt.Errorf("scores of vendor %q by reviewer %q: %d bytes stored, %d expected (8 per criterion)",
			k.vendor, k.reviewer, len(b), 8*nc)
	}
	r := &scoreRow{vals: make([]float64, nc), stored: true}
	for i := range r.vals {
		v := math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
		if math.IsNaN(v) {
			v = noScore
		} else {
			r.scored++
		}
		r.vals[i] = v
	}
	return r, nil
}

// bytes is the row as stored.
func (r *scoreRow) bytes() []byte {
	b := make([]byte, 8*len(r.vals))
	for i, v := range r.vals {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v))
	}
	return b
}

// get returns cell c's value and whether it has one.
func (r *scoreRow) get(c int) (float64, bool) {
	v := r.vals[c]
	return v, !math.IsNaN(v)
}

// set gives cell c value v.
func (r *scoreRow) set(c int, v float64) {
	if _, had := r.get(c); !had {
		r.scored++
	}
	r.vals[c] = v
}

// clear leaves cell c unscored.
func (r *scoreRow) clear(c int) {
	if _, had := r.get(c); had {
		r.scored--
	}
	r.vals[c] = noScore
}

// execFn runs one statement: a Store's cached statement on the keystroke path, tx.ExecContext
// elsewhere.
type execFn func(query string, args ...any) (sql.Result, error)

func txExec(tx *sql.Tx) execFn {
	return func(query string, args ...any) (sql.Result, error) { return tx.ExecContext(ctx, query, args...) }
}

const (
	upsertRowSQL = `INSERT INTO score_rows (eval_id, vendor, reviewer, scored, vals) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (eval_id, vendor, reviewer) DO UPDATE SET scored = excluded.scored, vals = excluded.vals`
	deleteRowSQL  = `DELETE FROM score_rows WHERE eval_id = ? AND vendor = ? AND reviewer = ?`
	upsertNoteSQL = `INSERT INTO score_notes (eval_id, vendor, reviewer, criterion, note, evidence) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (eval_id, vendor, reviewer, criterion) DO UPDATE SET note = excluded.note, evidence = excluded.evidence`
	deleteNoteSQL = `DELETE FROM score_notes WHERE eval_id = ? AND vendor = ? AND reviewer = ? AND criterion = ?`
)

// writeRow stores r: an upsert, or, once no cell of it is scored, a delete (which takes the
// row's notes with it, by the foreign key's cascade).
func writeRow(ex execFn, id int64, k rowKey, r *scoreRow) error {
	var err error
	switch {
	case r.scored > 0:
		_, err = ex(upsertRowSQL, id, k.vendor, k.reviewer, r.scored, r.bytes())
		r.stored = true
	case r.stored:
		_, err = ex(deleteRowSQL, id, k.vendor, k.reviewer)
		r.stored = false
	}
	if err != nil {
		return fmt.Errorf("scores of %s by %s: %w", k.vendor, k.reviewer, err)
	}
	return nil
}

// writeNote stores a cell's note and evidence, after its row (whose key the note references);
// both empty removes them.
func writeNote(ex execFn, id int64, c cellKey, a annotation) error {
	var err error
	if a.empty() {
		_, err = ex(deleteNoteSQL, id, c.vendor, c.reviewer, c.criterion)
	} else {
		_, err = ex(upsertNoteSQL, id, c.vendor, c.reviewer, c.criterion, a.note, a.evidence)
	}
	if err != nil {
		return fmt.Errorf("note of %s/%s/%s: %w", c.vendor, c.criterion, c.reviewer, err)
	}
	return nil
}

// criteriaOf returns the evaluation's criterion ids in framework order and their kinds: a
// criterion's index in the first is its place in every row.
func criteriaOf(q querier, id int64) ([]string, map[string]model.Kind, error) {
	var ids []string
	kinds := map[string]model.Kind{}
	err := each(q, func(r *sql.Rows) error {
		var c, k string
		if err := r.Scan(&c, &k); err != nil {
			return err
		}
		ids = append(ids, c)
		kinds[c] = model.Kind(k)
		return nil
	}, `SELECT id, kind FROM criteria WHERE eval_id = ? ORDER BY pos`, id)
	if err != nil {
		return nil, nil, fmt.Errorf("criteria: %w", err)
	}
	return ids, kinds, nil
}

// packedScores is the stored scores of an evaluation, or of one vendor's or reviewer's part.
type packedScores struct {
	rows  map[rowKey]*scoreRow
	notes map[cellKey]annotation
}

// readPacked reads the rows of evaluation id (filter "": all of them; else "vendor" or
// "reviewer", and only those of key) and their notes. nc is the framework's criterion count.
func readPacked(q querier, id int64, nc int, filter, key string) (*packedScores, error) {
	where, args := `eval_id = ?`, []any{id}
	if filter != "" {
		where, args = where+` AND `+filter+` = ?`, append(args, key)
	}
	p := &packedScores{rows: map[rowKey]*scoreRow{}}
	var vals sql.RawBytes
	err := each(q, func(r *sql.Rows) error {
		var k rowKey
		var scored int
		if err := r.Scan(&k.vendor, &k.reviewer, &scored, &vals); err != nil {
			return err
		}
		row, err := decodeRow(vals, nc, k)
		if err != nil {
			return err
		}
		if row.scored != scored {
			// roomForScore counts by the column: a row that disagrees is damage, not a guess.
			return fmt.Errorf("scores of vendor %q by reviewer %q: %d values stored, the row says %d",
				k.vendor, k.reviewer, row.scored, scored)
		}
		p.rows[k] = row
		return nil
	}, `SELECT vendor, reviewer, scored, vals FROM score_rows WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	err = each(q, func(r *sql.Rows) error {
		var c cellKey
		var a annotation
		if err := r.Scan(&c.vendor, &c.reviewer, &c.criterion, &a.note, &a.evidence); err != nil {
			return err
		}
		if p.notes == nil {
			p.notes = map[cellKey]annotation{}
		}
		p.notes[c] = a
		return nil
	}, `SELECT vendor, reviewer, criterion, note, evidence FROM score_notes WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// count is how many cells are scored.
func (p *packedScores) count() int {
	n := 0
	for _, r := range p.rows {
		n += r.scored
	}
	return n
}

// scores lists p's scores in grid order (criterion, then vendor, then reviewer, as ev lists
// them), each Score taking its id strings from ev's lists. Rows of a vendor or reviewer ev does
// not have (only possible with foreign keys off) are skipped.
func (p *packedScores) scores(ev *model.Evaluation) []model.Score {
	nv, nr := len(ev.Vendors), len(ev.Reviewers)
	grid := make([]*scoreRow, nv*nr) // by vendor × nr + reviewer
	n := 0
	for v := range ev.Vendors {
		for r := range ev.Reviewers {
			if row := p.rows[rowKey{ev.Vendors[v].ID, ev.Reviewers[r].ID}]; row != nil {
				grid[v*nr+r] = row
				n += row.scored
			}
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]model.Score, 0, n)
	hugemem.Advise(out)                    // 18 MB at 200k scores, filled once: a third of a report was its page faults
	for c := range ev.Framework.Criteria { // every row holds one value per criterion (decodeRow)
		crit := ev.Framework.Criteria[c].ID
		for v := range ev.Vendors {
			for r, row := range grid[v*nr : v*nr+nr] {
				if row == nil {
					continue
				}
				value, ok := row.get(c)
				if !ok {
					continue
				}
				sc := model.Score{Vendor: ev.Vendors[v].ID, Criterion: crit, Reviewer: ev.Reviewers[r].ID, Value: value}
				if a, ok := p.notes[cellKey{sc.Vendor, crit, sc.Reviewer}]; ok {
					sc.Note, sc.Evidence = a.note, a.evidence
				}
				out = append(out, sc)
			}
		}
	}
	return out
}

// insertScores writes scores (already validated) into rows that do not exist yet: a new
// evaluation's, or a deleted vendor's or reviewer's brought back by undo. Rows go in key order,
// so each insert lands beside the one before in the b-tree.
func insertScores(tx *sql.Tx, id int64, scores []model.Score) error {
	if len(scores) == 0 {
		return nil
	}
	crits, _, err := criteriaOf(tx, id)
	if err != nil {
		return err
	}
	place := make(map[string]int, len(crits))
	for i, c := range crits {
		place[c] = i
	}
	rows := map[rowKey]*scoreRow{}
	for i := range scores {
		sc := &scores[i]
		c, ok := place[sc.Criterion]
		if !ok {
			return fmt.Errorf("score %s/%s/%s: unknown criterion", sc.Vendor, sc.Criterion, sc.Reviewer)
		}
		k := rowKey{sc.Vendor, sc.Reviewer}
		row := rows[k]
		if row == nil {
			row = newRow(len(crits))
			rows[k] = row
		}
		row.set(c, sc.Value)
	}
	keys := make([]rowKey, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b rowKey) int {
		if c := strings.Compare(a.vendor, b.vendor); c != 0 {
			return c
		}
		return strings.Compare(a.reviewer, b.reviewer)
	})
	st, err := tx.PrepareContext(ctx, `INSERT INTO score_rows (eval_id, vendor, reviewer, scored, vals) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, k := range keys {
		r := rows[k]
		if _, err := st.ExecContext(ctx, id, k.vendor, k.reviewer, r.scored, r.bytes()); err != nil {
			return fmt.Errorf("scores of %s by %s: %w", k.vendor, k.reviewer, err)
		}
	}
	ex := txExec(tx)
	for i := range scores {
		sc := &scores[i]
		if a := (annotation{sc.Note, sc.Evidence}); !a.empty() {
			if err := writeNote(ex, id, cellKey{sc.Vendor, sc.Criterion, sc.Reviewer}, a); err != nil {
				return err
			}
		}
	}
	return nil
}
