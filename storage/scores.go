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
// that checks every reference and reads the cell's row and note, then the row's upsert, the
// note's if it changed, and the audit row.
func (s *Store) SetScore(id int64, sc model.Score, actor string) error {
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		var kind string
		var place, nc int
		var vendorOK, reviewerOK bool
		var vals []byte
		var oldNote, oldEvidence sql.NullString
		err := s.queryRow(tx, setScoreSQL, sc.Vendor, sc.Reviewer, sc.Vendor, sc.Reviewer, id, sc.Criterion).
			Scan(&kind, &place, &nc, &vendorOK, &reviewerOK, &vals, &oldNote, &oldEvidence)
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
		k := rowKey{sc.Vendor, sc.Reviewer}
		row, err := rowFrom(vals, nc, k)
		if err != nil {
			return nil, fmt.Errorf("score: %w", err)
		}
		old, had := row.get(place)
		if !had {
			if err := roomForScore(tx, id); err != nil {
				return nil, err
			}
		}
		oldNotes := annotation{oldNote.String, oldEvidence.String}
		var before *model.Score
		if had {
			before = &model.Score{Vendor: sc.Vendor, Criterion: sc.Criterion, Reviewer: sc.Reviewer,
				Value: old, Note: oldNotes.note, Evidence: oldNotes.evidence}
			if *before == sc {
				return nil, nil
			}
		}
		ex := func(query string, args ...any) (sql.Result, error) { return s.exec(tx, query, args...) }
		if err := putCell(ex, id, row, place, sc, oldNotes); err != nil {
			return nil, err
		}
		return &auditChange{action: ActionScore, target: scoreTarget(sc.Vendor, sc.Criterion, sc.Reviewer),
			before: before, after: sc}, nil
	})
}

// A cell as stored: the criterion's place in the row and the framework's size (the row's
// length), then the row and the note (NULL where there are none). Parameters: vendor, reviewer,
// evaluation, criterion.
const (
	cellPlaceSQL = `(SELECT count(*) FROM criteria x WHERE x.eval_id = c.eval_id AND x.pos < c.pos),
		(SELECT count(*) FROM criteria x WHERE x.eval_id = c.eval_id)`
	cellStoredSQL = `s.vals, n.note, n.evidence
	FROM criteria c
	LEFT JOIN score_rows s ON s.eval_id = c.eval_id AND s.vendor = ? AND s.reviewer = ?
	LEFT JOIN score_notes n ON n.eval_id = c.eval_id AND n.vendor = s.vendor AND n.reviewer = s.reviewer AND n.criterion = c.id
	WHERE c.eval_id = ? AND c.id = ?`
)

// setScoreSQL reads a cell as stored and checks its references on the way: the criterion's kind,
// and whether the vendor and the reviewer exist (two more parameters, vendor and reviewer, first).
const setScoreSQL = `SELECT c.kind, ` + cellPlaceSQL + `,
		EXISTS (SELECT 1 FROM vendors WHERE eval_id = c.eval_id AND id = ?),
		EXISTS (SELECT 1 FROM reviewers WHERE eval_id = c.eval_id AND id = ?),
		` + cellStoredSQL

// putCell writes sc into its row (already read, its cell at place) and its note, when that
// differs from what the cell had (old).
func putCell(ex execFn, id int64, row *scoreRow, place int, sc model.Score, old annotation) error {
	row.set(place, sc.Value)
	if err := writeRow(ex, id, rowKey{sc.Vendor, sc.Reviewer}, row); err != nil {
		return err
	}
	if a := (annotation{sc.Note, sc.Evidence}); a != old {
		return writeNote(ex, id, cellKey{sc.Vendor, sc.Criterion, sc.Reviewer}, a)
	}
	return nil
}

// clearCell leaves a cell of row (already read, its cell at place) unscored and drops its note.
func clearCell(ex execFn, id int64, row *scoreRow, place int, c cellKey, old annotation) error {
	row.clear(place)
	if err := writeRow(ex, id, rowKey{c.vendor, c.reviewer}, row); err != nil {
		return err
	}
	if !old.empty() && row.stored {
		return writeNote(ex, id, c, annotation{})
	}
	return nil // no note, or the row went and took its notes with it
}

// readCell reads one cell: its row, its place in the row and its note. The cell's references
// are not checked: an unknown criterion is an error, an unknown vendor or reviewer reads as an
// empty row.
func readCell(q querier, id int64, c cellKey) (*scoreRow, int, annotation, error) {
	var place, nc int
	var vals []byte
	var note, evidence sql.NullString
	err := q.QueryRowContext(ctx, `SELECT `+cellPlaceSQL+`, `+cellStoredSQL, c.vendor, c.reviewer, id, c.criterion).
		Scan(&place, &nc, &vals, &note, &evidence)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, annotation{}, fmt.Errorf("unknown criterion %q", c.criterion)
	}
	if err != nil {
		return nil, 0, annotation{}, err
	}
	row, err := rowFrom(vals, nc, rowKey{c.vendor, c.reviewer})
	return row, place, annotation{note.String, evidence.String}, err
}

// ClearScore removes one reviewer's value for one cell. Clearing an empty cell records nothing;
// an unknown vendor, criterion or reviewer is an error.
func (s *Store) ClearScore(id int64, vendor, criterion, reviewer, actor string) error {
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		c := cellKey{vendor, criterion, reviewer}
		row, place, notes, err := readCell(tx, id, c)
		if err != nil {
			if bad := checkCell(tx, id, vendor, criterion, reviewer); bad != nil {
				return nil, bad
			}
			return nil, fmt.Errorf("clear score: %w", err)
		}
		value, had := row.get(place)
		if !had {
			return nil, checkCell(tx, id, vendor, criterion, reviewer)
		}
		if err := clearCell(txExec(tx), id, row, place, c, notes); err != nil {
			return nil, fmt.Errorf("clear score: %w", err)
		}
		old := model.Score{Vendor: vendor, Criterion: criterion, Reviewer: reviewer,
			Value: value, Note: notes.note, Evidence: notes.evidence}
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

// setCell writes one score, or clears its cell (present false), outside the keystroke path: undo
// and redo replaying a score.
func setCell(tx *sql.Tx, id int64, sc model.Score, present bool) error {
	c := cellKey{sc.Vendor, sc.Criterion, sc.Reviewer}
	row, place, notes, err := readCell(tx, id, c)
	if err != nil {
		return fmt.Errorf("score %s/%s/%s: %w", sc.Vendor, sc.Criterion, sc.Reviewer, err)
	}
	if !present {
		if _, had := row.get(place); !had {
			return nil
		}
		return clearCell(txExec(tx), id, row, place, c, notes)
	}
	return putCell(txExec(tx), id, row, place, sc, notes)
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
	if err := q.QueryRowContext(ctx, `SELECT coalesce(sum(scored), 0) FROM score_rows WHERE eval_id = ?`, id).Scan(&n); err != nil {
		return fmt.Errorf("score: %w", err)
	}
	if n >= model.MaxScores {
		return fmt.Errorf("score: the evaluation already has %d scores, at most %d are allowed", n, model.MaxScores)
	}
	return nil
}
