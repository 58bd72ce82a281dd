package storage

import (
	"database/sql"
	"fmt"

	"ccselect/model"
)

// SetScores writes many cells in one transaction (a CSV import): every reference and value is
// checked first, cells whose value, note and evidence are already stored are skipped, and each
// changed cell gets its own audit row, so undo replays an import cell by cell and importing the
// same file twice records nothing the second time. Either every changed cell is written or none.
func (s *Store) SetScores(id int64, scores []model.Score, actor string) (changed int, err error) {
	tx, done, err := s.beginWrite()
	if err != nil {
		return 0, err
	}
	defer done()
	if err := exists(tx, id); err != nil {
		return 0, err
	}
	// One query per table instead of one per row: a 10,000-row import stays well under a second.
	crits, kinds, err := criteriaOf(tx, id)
	if err != nil {
		return 0, fmt.Errorf("scores: %w", err)
	}
	place := make(map[string]int, len(crits))
	for i, c := range crits {
		place[c] = i
	}
	vendors, err := batchIDs(tx, "vendors", id)
	if err != nil {
		return 0, err
	}
	reviewers, err := batchIDs(tx, "reviewers", id)
	if err != nil {
		return 0, err
	}
	stored, err := readPacked(tx, id, len(crits), "", "")
	if err != nil {
		return 0, fmt.Errorf("scores: %w", err)
	}
	count := stored.count()
	dirty := map[rowKey]bool{}
	notes := map[cellKey]annotation{} // the notes to write, after the rows
	var changes []auditChange
	for _, sc := range scores {
		kind, ok := kinds[sc.Criterion]
		switch {
		case !ok:
			return 0, fmt.Errorf("score: unknown criterion %q", sc.Criterion)
		case !vendors[sc.Vendor]:
			return 0, fmt.Errorf("score: unknown vendor %q", sc.Vendor)
		case !reviewers[sc.Reviewer]:
			return 0, fmt.Errorf("score: unknown reviewer %q", sc.Reviewer)
		}
		crit := model.Criterion{ID: sc.Criterion, Kind: kind}
		if err := model.CheckValue(&crit, sc.Value); err != nil {
			return 0, fmt.Errorf("score of %s by %s: %w", sc.Vendor, sc.Reviewer, err)
		}
		target := scoreTarget(sc.Vendor, sc.Criterion, sc.Reviewer)
		k, c, at := rowKey{sc.Vendor, sc.Reviewer}, cellKey{sc.Vendor, sc.Criterion, sc.Reviewer}, place[sc.Criterion]
		row := stored.rows[k]
		if row == nil {
			row = newRow(len(crits))
			stored.rows[k] = row
		}
		oldNotes, noted := notes[c]
		if !noted {
			oldNotes = stored.notes[c]
		}
		var before *model.Score
		if v, had := row.get(at); had {
			o := model.Score{Vendor: sc.Vendor, Criterion: sc.Criterion, Reviewer: sc.Reviewer,
				Value: v, Note: oldNotes.note, Evidence: oldNotes.evidence}
			if o == sc {
				continue
			}
			before = &o
		}
		if before == nil {
			if count >= model.MaxScores {
				return 0, fmt.Errorf("score %s: the evaluation already has %d scores, at most %d are allowed", target, count, model.MaxScores)
			}
			count++
		}
		// A repeated cell later in the list compares with this one.
		row.set(at, sc.Value)
		dirty[k] = true
		if a := (annotation{sc.Note, sc.Evidence}); a != oldNotes {
			notes[c] = a
		}
		changes = append(changes, auditChange{action: ActionScore, target: target, before: before, after: sc, undoable: true})
	}
	ex := func(query string, args ...any) (sql.Result, error) { return s.exec(tx, query, args...) }
	for k := range dirty {
		if err := writeRow(ex, id, k, stored.rows[k]); err != nil {
			return 0, err
		}
	}
	for c, a := range notes {
		if err := writeNote(ex, id, c, a); err != nil {
			return 0, err
		}
	}
	if len(changes) == 0 {
		return 0, nil
	}
	now := s.clock()
	if err := s.touch(tx, id, now); err != nil {
		return 0, err
	}
	if _, err := s.exec(tx, `UPDATE audit SET discarded = 1
		WHERE eval_id = ? AND undone = 1 AND discarded = 0`, id); err != nil {
		return 0, err
	}
	for _, c := range changes {
		if err := s.appendAudit(tx, id, now, actor, c); err != nil {
			return 0, err
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	return len(changes), nil
}

// batchIDs returns the ids of an evaluation's vendors or reviewers.
func batchIDs(q querier, table string, id int64) (map[string]bool, error) {
	set := map[string]bool{}
	err := each(q, func(r *sql.Rows) error {
		var v string
		if err := r.Scan(&v); err != nil {
			return err
		}
		set[v] = true
		return nil
	}, `SELECT id FROM `+table+` WHERE eval_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", table, err)
	}
	return set, nil
}
