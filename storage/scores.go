package storage

import (
	"database/sql"
	"errors"
	"fmt"

	"ccselect/model"
)

// SetScore inserts or replaces one reviewer's value (with note and evidence) for one cell. The
// value is checked with model.CheckValue against the evaluation's criterion; an unknown vendor,
// criterion or reviewer is an error. Setting the value a cell already has records nothing.
//
// This runs on every keystroke of the scoring grid, so it is one small transaction: one query
// that checks every reference and reads the old value, then the upsert and the audit row.
func (s *Store) SetScore(id int64, sc model.Score, actor string) error {
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		var kind string
		var vendorOK, reviewerOK bool
		var oldValue sql.NullFloat64
		var oldNote, oldEvidence sql.NullString
		err := s.queryRow(tx, `SELECT c.kind,
				EXISTS (SELECT 1 FROM vendors WHERE eval_id = c.eval_id AND id = ?),
				EXISTS (SELECT 1 FROM reviewers WHERE eval_id = c.eval_id AND id = ?),
				s.value, s.note, s.evidence
			FROM criteria c
			LEFT JOIN scores s ON s.eval_id = c.eval_id AND s.vendor = ? AND s.criterion = c.id AND s.reviewer = ?
			WHERE c.eval_id = ? AND c.id = ?`,
			sc.Vendor, sc.Reviewer, sc.Vendor, sc.Reviewer, id, sc.Criterion).
			Scan(&kind, &vendorOK, &reviewerOK, &oldValue, &oldNote, &oldEvidence)
		if errors.Is(err, sql.ErrNoRows) {
			if err := exists(tx, id); err != nil {
				return nil, err
			}
			return nil, fmt.Errorf("score: unknown criterion %q", sc.Criterion)
		}
		if err != nil {
			return nil, fmt.Errorf("score: %w", err)
		}
		if !vendorOK {
			return nil, fmt.Errorf("score: unknown vendor %q", sc.Vendor)
		}
		if !reviewerOK {
			return nil, fmt.Errorf("score: unknown reviewer %q", sc.Reviewer)
		}
		crit := model.Criterion{ID: sc.Criterion, Kind: model.Kind(kind)}
		if err := model.CheckMeasured(&crit, sc.Value); err != nil {
			return nil, fmt.Errorf("score of %s by %s: %w", sc.Vendor, sc.Reviewer, err)
		}
		for _, f := range [][2]string{{"note", sc.Note}, {"evidence", sc.Evidence}} {
			if err := model.CheckNote(f[0], f[1]); err != nil {
				return nil, fmt.Errorf("score of %s by %s: %w", sc.Vendor, sc.Reviewer, err)
			}
		}
		if !oldValue.Valid {
			if err := roomForScore(tx, id); err != nil {
				return nil, err
			}
		}
		var before *model.Score
		if oldValue.Valid {
			before = &model.Score{Vendor: sc.Vendor, Criterion: sc.Criterion, Reviewer: sc.Reviewer,
				Value: oldValue.Float64, Note: oldNote.String, Evidence: oldEvidence.String}
			if *before == sc {
				return nil, nil
			}
		}
		if _, err := s.exec(tx, upsertScoreSQL, id, sc.Vendor, sc.Criterion, sc.Reviewer, sc.Value, sc.Note, sc.Evidence); err != nil {
			return nil, fmt.Errorf("score %s/%s/%s: %w", sc.Vendor, sc.Criterion, sc.Reviewer, err)
		}
		return &auditChange{action: ActionScore, target: scoreTarget(sc.Vendor, sc.Criterion, sc.Reviewer),
			before: before, after: sc}, nil
	})
}

// ClearScore removes one reviewer's value for one cell. Clearing an empty cell records nothing;
// an unknown vendor, criterion or reviewer is an error.
func (s *Store) ClearScore(id int64, vendor, criterion, reviewer, actor string) error {
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		old := model.Score{Vendor: vendor, Criterion: criterion, Reviewer: reviewer}
		err := tx.QueryRowContext(ctx, `SELECT value, note, evidence FROM scores
			WHERE eval_id = ? AND vendor = ? AND criterion = ? AND reviewer = ?`, id, vendor, criterion, reviewer).
			Scan(&old.Value, &old.Note, &old.Evidence)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, checkCell(tx, id, vendor, criterion, reviewer)
		}
		if err != nil {
			return nil, fmt.Errorf("clear score: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM scores WHERE eval_id = ? AND vendor = ? AND criterion = ? AND reviewer = ?`,
			id, vendor, criterion, reviewer); err != nil {
			return nil, fmt.Errorf("clear score: %w", err)
		}
		return &auditChange{action: ActionClearScore, target: scoreTarget(vendor, criterion, reviewer), before: old}, nil
	})
}

// checkCell reports which of a cell's references does not exist (nil if all do).
func checkCell(q querier, id int64, vendor, criterion, reviewer string) error {
	if err := exists(q, id); err != nil {
		return err
	}
	for _, ref := range []struct{ table, what, id string }{
		{"vendors", "vendor", vendor}, {"criteria", "criterion", criterion}, {"reviewers", "reviewer", reviewer},
	} {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM `+ref.table+` WHERE eval_id = ? AND id = ?`, id, ref.id).
			Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("unknown %s %q", ref.what, ref.id)
		}
	}
	return nil
}

func scoreTarget(vendor, criterion, reviewer string) string {
	return vendor + "/" + criterion + "/" + reviewer
}

const upsertScoreSQL = `INSERT INTO scores (eval_id, vendor, criterion, reviewer, value, note, evidence)
	VALUES (?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (eval_id, vendor, criterion, reviewer)
	DO UPDATE SET value = excluded.value, note = excluded.note, evidence = excluded.evidence`

func upsertScore(tx *sql.Tx, id int64, sc model.Score) error {
	_, err := tx.ExecContext(ctx, upsertScoreSQL, id, sc.Vendor, sc.Criterion, sc.Reviewer, sc.Value, sc.Note, sc.Evidence)
	if err != nil {
		return fmt.Errorf("score %s/%s/%s: %w", sc.Vendor, sc.Criterion, sc.Reviewer, err)
	}
	return nil
}

// roomForScore refuses a new cell when the evaluation already has model.MaxScores scores. Only
// a grid with more cells than that can get there, so the count, which reads every score, is
// made only then; on every smaller grid a keystroke pays one query over three small tables.
func roomForScore(q querier, id int64) error {
	var cells int64
	if err := q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM vendors WHERE eval_id = ?) *
		(SELECT count(*) FROM criteria WHERE eval_id = ?) * (SELECT count(*) FROM reviewers WHERE eval_id = ?)`,
		id, id, id).Scan(&cells); err != nil {
		return fmt.Errorf("score: %w", err)
	}
	if cells <= model.MaxScores {
		return nil
	}
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM scores WHERE eval_id = ?`, id).Scan(&n); err != nil {
		return fmt.Errorf("score: %w", err)
	}
	if n >= model.MaxScores {
		return fmt.Errorf("score: the evaluation already has %d scores, at most %d are allowed", n, model.MaxScores)
	}
	return nil
}
