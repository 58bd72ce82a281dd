package storage

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"ccselect/model"
)

// Undo and redo replay audit rows. History is linear: undo takes the newest edit that is not
// undone, redo the oldest undone edit that a later edit has not discarded. Because of that, when
// an edit is undone the data is exactly in its "after" state, so applying "before" is always
// well defined (and the same holds for redo), even across processes: every process appends to
// the same log inside IMMEDIATE transactions.

// The JSON states the audit rows carry. A state names its own key, so applying "absent" (NULL)
// takes the key from the other side.
type vendorState struct {
	Vendor model.Vendor  `json:"vendor"`
	Pos    int           `json:"pos"`
	Scores []model.Score `json:"scores,omitempty"` // only in a delete's before
}

type reviewerState struct {
	Reviewer model.Reviewer `json:"reviewer"`
	Pos      int            `json:"pos"`
	Scores   []model.Score  `json:"scores,omitempty"`
}

type profileState struct {
	Profile   model.WeightProfile `json:"profile"`
	Pos       int                 `json:"pos"`
	KnockOuts []posKnockOut       `json:"knockouts,omitempty"` // rules scoped to it (delete's before)
}

type posKnockOut struct {
	Pos int `json:"pos"`
	model.KnockOut
}

type paramState struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
}

// applier establishes state to (nil: absent), replacing state from (nil: absent).
type applier func(tx *sql.Tx, id int64, from, to []byte) error

var appliers = map[string]applier{
	ActionRename:         applyColumn("name"),
	ActionClient:         applyColumn("client"),
	ActionProfileActive:  applyColumn("active_profile"),
	ActionScore:          applyScore,
	ActionClearScore:     applyScore,
	ActionVendorSave:     applyVendor,
	ActionVendorDelete:   applyVendor,
	ActionReviewerSave:   applyReviewer,
	ActionReviewerDelete: applyReviewer,
	ActionProfileSave:    applyProfile,
	ActionProfileDelete:  applyProfile,
	ActionKnockOuts:      applyKnockOuts,
	ActionParam:          applyParam,
}

// decode unmarshals the state that is present (to, else from) into v; present reports whether to
// was present.
func decode(from, to []byte, v any) (present bool, err error) {
	src := to
	if src == nil {
		src = from
	}
	if src == nil {
		return false, errors.New("audit row has neither before nor after")
	}
	return to != nil, json.Unmarshal(src, v)
}

func applyColumn(col string) applier {
	return func(tx *sql.Tx, id int64, _, to []byte) error {
		var v string
		if err := json.Unmarshal(to, &v); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE evaluations SET `+col+` = ? WHERE id = ?`, v, id)
		return err
	}
}

func applyScore(tx *sql.Tx, id int64, from, to []byte) error {
	var sc model.Score
	present, err := decode(from, to, &sc)
	if err != nil {
		return err
	}
	return setCell(tx, id, sc, present)
}

func applyVendor(tx *sql.Tx, id int64, from, to []byte) error {
	var st vendorState
	present, err := decode(from, to, &st)
	if err != nil {
		return err
	}
	if !present {
		_, err := tx.ExecContext(ctx, `DELETE FROM vendors WHERE eval_id = ? AND id = ?`, id, st.Vendor.ID)
		return err
	}
	if err := putVendor(tx, id, st.Pos, st.Vendor); err != nil {
		return err
	}
	return insertScores(tx, id, st.Scores)
}

func applyReviewer(tx *sql.Tx, id int64, from, to []byte) error {
	var st reviewerState
	present, err := decode(from, to, &st)
	if err != nil {
		return err
	}
	if !present {
		_, err := tx.ExecContext(ctx, `DELETE FROM reviewers WHERE eval_id = ? AND id = ?`, id, st.Reviewer.ID)
		return err
	}
	if err := putReviewer(tx, id, st.Pos, st.Reviewer); err != nil {
		return err
	}
	return insertScores(tx, id, st.Scores)
}

func applyProfile(tx *sql.Tx, id int64, from, to []byte) error {
	var st profileState
	present, err := decode(from, to, &st)
	if err != nil {
		return err
	}
	if !present {
		// Cascades to its weights, locks and the knock-outs scoped to it.
		_, err := tx.ExecContext(ctx, `DELETE FROM profiles WHERE eval_id = ? AND name = ?`, id, st.Profile.Name)
		return err
	}
	if err := putProfile(tx, id, st.Pos, &st.Profile); err != nil {
		return err
	}
	for _, k := range st.KnockOuts {
		if err := insertKnockOut(tx, id, k.Pos, k.KnockOut); err != nil {
			return err
		}
	}
	return nil
}

func applyKnockOuts(tx *sql.Tx, id int64, _, to []byte) error {
	var kos []posKnockOut
	if to != nil {
		if err := json.Unmarshal(to, &kos); err != nil {
			return err
		}
	}
	return replaceKnockOuts(tx, id, kos)
}

func applyParam(tx *sql.Tx, id int64, from, to []byte) error {
	var p paramState
	present, err := decode(from, to, &p)
	if err != nil {
		return err
	}
	if !present {
		_, err := tx.ExecContext(ctx, `DELETE FROM params WHERE eval_id = ? AND name = ?`, id, p.Name)
		return err
	}
	return putParam(tx, id, p.Name, p.Value)
}

// Undo reverts the newest edit of evaluation id that is not undone and returns what that edit
// was. With nothing left it returns ErrNothingToUndo.
func (s *Store) Undo(id int64, actor string) (Change, error) { return s.replay(id, actor, true) }

// Redo re-applies the most recently undone edit, unless a new edit has been made since. With
// nothing to redo it returns ErrNothingToRedo.
func (s *Store) Redo(id int64, actor string) (Change, error) { return s.replay(id, actor, false) }

func (s *Store) replay(id int64, actor string, undo bool) (Change, error) {
	verb, query := "redo", `SELECT seq, actor, action, target, before, after FROM audit
		WHERE eval_id = ? AND origin = ? AND undoable = 1 AND undone = 1 AND discarded = 0 ORDER BY seq LIMIT 1`
	if undo {
		verb, query = "undo", `SELECT seq, actor, action, target, before, after FROM audit
		WHERE eval_id = ? AND origin = ? AND undoable = 1 AND undone = 0 ORDER BY seq DESC LIMIT 1`
	}
	tx, done, err := s.beginWrite()
	if err != nil {
		return Change{}, fmt.Errorf("%s: %w", verb, err)
	}
	defer done()
	if err := exists(tx, id); err != nil {
		return Change{}, err
	}
	var seq int64
	var who, action, target string
	var before, after []byte
	err = tx.QueryRowContext(ctx, query, id, s.Origin()).Scan(&seq, &who, &action, &target, &before, &after)
	if errors.Is(err, sql.ErrNoRows) {
		if undo {
			return Change{}, ErrNothingToUndo
		}
		return Change{}, ErrNothingToRedo
	}
	if err != nil {
		return Change{}, fmt.Errorf("%s: %w", verb, err)
	}
	apply, ok := appliers[action]
	if !ok {
		return Change{}, fmt.Errorf("%s: audit row %d has action %q, which this program cannot replay", verb, seq, action)
	}
	from, to := before, after
	if undo {
		from, to = after, before
	}
	c := changeOf(seq, action, target, who, before, after)
	if err := apply(tx, id, from, to); err != nil {
		return Change{}, fmt.Errorf("%s %s: %w", verb, c.Description, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE audit SET undone = ? WHERE seq = ?`, undo, seq); err != nil {
		return Change{}, fmt.Errorf("%s: %w", verb, err)
	}
	now := s.clock()
	if err := s.touch(tx, id, now); err != nil {
		return Change{}, err
	}
	act := ActionRedo
	if undo {
		act = ActionUndo
	}
	if err := s.appendAudit(tx, id, now, actor, auditChange{
		action: act, target: target, before: rawJSON(from), after: rawJSON(to), ref: seq,
	}); err != nil {
		return Change{}, fmt.Errorf("%s: %w", verb, err)
	}
	if err := tx.Commit(); err != nil {
		return Change{}, fmt.Errorf("%s: %w", verb, err)
	}
	return c, nil
}

// rawJSON passes stored JSON through unchanged (nil stays NULL).
func rawJSON(b []byte) any {
	if b == nil {
		return nil
	}
	return json.RawMessage(b)
}
