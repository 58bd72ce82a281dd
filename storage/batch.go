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
	kinds := map[string]model.Kind{}
	if err := each(tx, func(r *sql.Rows) error {
		var c, k string
		if err := r.Scan(&c, &k); err != nil {
			return err
		}
		kinds[c] = model.Kind(k)
		return nil
	}, `SELECT id, kind FROM criteria WHERE eval_id = ?`, id); err != nil {
		return 0, fmt.Errorf("scores: %w", err)
	}
	vendors, err := batchIDs(tx, "vendors", id)
	if err != nil {
		return 0, err
	}
	reviewers, err := batchIDs(tx, "reviewers", id)
	if err != nil {
		return 0, err
	}
	old := map[string]model.Score{}
	if err := each(tx, func(r *sql.Rows) error {
		var sc model.Score
		if err := r.Scan(&sc.Vendor, &sc.Criterion, &sc.Reviewer, &sc.Value, &sc.Note, &sc.Evidence); err != nil {
			return err
		}
		old[scoreTarget(sc.Vendor, sc.Criterion, sc.Reviewer)] = sc
		return nil
	}, `SELECT vendor, criterion, reviewer, value, note, evidence FROM scores WHERE eval_id = ?`, id); err != nil {
		return 0, fmt.Errorf("scores: %w", err)
	}
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
		var before *model.Score
		if o, ok := old[target]; ok {
			if o == sc {
				continue
			}
			before = &o
		}
		if before == nil && len(old) >= model.MaxScores {
			return 0, fmt.Errorf("score %s: the evaluation already has %d scores, at most %d are allowed", target, len(old), model.MaxScores)
		}
		old[target] = sc // a repeated cell later in the list compares with this one
		if _, err := s.exec(tx, upsertScoreSQL, id, sc.Vendor, sc.Criterion, sc.Reviewer, sc.Value, sc.Note, sc.Evidence); err != nil {
			return 0, fmt.Errorf("score %s: %w", target, err)
		}
		changes = append(changes, auditChange{action: ActionScore, target: target, before: before, after: sc, undoable: true})
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
