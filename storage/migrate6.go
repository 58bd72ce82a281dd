package storage

import (
	"database/sql"
	"fmt"

	"ccselect/model"
)

// migrationSteps are the parts of a migration that SQL cannot do, run right after its SQL, in
// the same transaction.
var migrationSteps = map[int]func(*sql.Tx) error{packedVersion: packScores}

// packScores moves every evaluation's scores from the scores table of schema 5 into the packed
// rows of schema 6 (migrations/0006), then drops the old table. A score whose vendor, criterion or
// reviewer is missing (only possible with foreign keys off) is left behind, as Load skipped it.
func packScores(tx *sql.Tx) error {
	var ids []int64
	if err := each(tx, func(r *sql.Rows) error {
		var id int64
		if err := r.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
	}, `SELECT id FROM evaluations ORDER BY id`); err != nil {
		return err
	}
	for _, id := range ids {
		var scores []model.Score
		if err := each(tx, func(r *sql.Rows) error {
			var sc model.Score
			if err := r.Scan(&sc.Vendor, &sc.Criterion, &sc.Reviewer, &sc.Value, &sc.Note, &sc.Evidence); err != nil {
				return err
			}
			scores = append(scores, sc)
			return nil
		}, `SELECT s.vendor, s.criterion, s.reviewer, s.value, s.note, s.evidence FROM scores s
			JOIN vendors v ON v.eval_id = s.eval_id AND v.id = s.vendor
			JOIN criteria c ON c.eval_id = s.eval_id AND c.id = s.criterion
			JOIN reviewers r ON r.eval_id = s.eval_id AND r.id = s.reviewer
			WHERE s.eval_id = ?`, id); err != nil {
			return fmt.Errorf("evaluation %d: %w", id, err)
		}
		if err := insertScores(tx, id, scores); err != nil {
			return fmt.Errorf("evaluation %d: %w", id, err)
		}
	}
	_, err := tx.ExecContext(ctx, `DROP TABLE scores`)
	return err
}
