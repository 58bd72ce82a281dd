package storage

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Audit actions: the Action of an AuditEntry and of a Change. Edits are undoable; create,
// duplicate and delete are recorded but not undoable; undo and redo rows point at the edit they
// replayed through Ref. The strings are stored in the log, so they never change: an old
// database must still replay.
const (
	ActionCreate         = "create"
	ActionDuplicate      = "duplicate"
	ActionDelete         = "delete"
	ActionRename         = "rename"
	ActionClient         = "client"
	ActionScore          = "score"
	ActionClearScore     = "score.clear"
	ActionVendorSave     = "vendor.save"
	ActionVendorDelete   = "vendor.delete"
	ActionReviewerSave   = "reviewer.save"
	ActionReviewerDelete = "reviewer.delete"
	ActionProfileSave    = "profile.save"
	ActionProfileDelete  = "profile.delete"
	ActionProfileActive  = "profile.active"
	ActionKnockOuts      = "knockouts"
	ActionParam          = "param"
	ActionUndo           = "undo"
	ActionRedo           = "redo"
)

// AuditEntry is one row of an evaluation's history. Before and After are JSON ("" when the
// thing did not exist on that side).
type AuditEntry struct {
	Seq                                  int64
	At                                   time.Time
	Actor, Action, Target, Before, After string
	Undone                               bool
	Ref                                  int64 // for undo/redo rows: the Seq of the edit replayed
}

// auditChange is what one edit did, as it goes into the audit log.
type auditChange struct {
	action, target string
	before, after  any // marshalled to JSON; nil (or JSON null) is stored as NULL
	undoable       bool
	ref            int64
}

func toJSON(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if bytes.Equal(b, []byte("null")) {
		return nil, nil
	}
	return string(b), nil
}

const insertAuditSQL = `INSERT INTO audit (eval_id, at, actor, action, target, before, after, undoable, ref, origin)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func (s *Store) appendAudit(tx *sql.Tx, id int64, at time.Time, actor string, c auditChange) error {
	before, err := toJSON(c.before)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	after, err := toJSON(c.after)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	var ref any
	if c.ref != 0 {
		ref = c.ref
	}
	_, err = s.exec(tx, insertAuditSQL, id, stamp(at), actor, c.action, c.target, before, after, c.undoable, ref, s.Origin())
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// touch bumps the evaluation's updated time; it is also how an edit learns that the evaluation
// is gone.
func (s *Store) touch(tx *sql.Tx, id int64, now time.Time) error {
	res, err := s.exec(tx, `UPDATE evaluations SET updated = ? WHERE id = ?`, stamp(now), id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return notFound(id)
	}
	return nil
}

// edit runs fn in one write transaction. fn makes the change and reports it, or returns nil
// when there is nothing to change (then nothing at all is written: no audit row, no redo
// discarded). A recorded edit discards the redo chain, bumps updated and appends its audit row.
func (s *Store) edit(id int64, actor string, fn func(tx *sql.Tx) (*auditChange, error)) error {
	tx, done, err := s.beginWrite()
	if err != nil {
		return err
	}
	defer done()
	c, err := fn(tx)
	if err != nil || c == nil {
		return err
	}
	c.undoable = true
	now := s.clock()
	if err := s.touch(tx, id, now); err != nil {
		return err
	}
	// Mark, never delete: the log stays append-only apart from the two flags.
	// Every origin's redo chain goes: redoing an older edit over a newer one made elsewhere
	// would silently overwrite it.
	if _, err := s.exec(tx, `UPDATE audit SET discarded = 1
		WHERE eval_id = ? AND undone = 1 AND discarded = 0`, id); err != nil {
		return err
	}
	if err := s.appendAudit(tx, id, now, actor, *c); err != nil {
		return err
	}
	return tx.Commit()
}

// exists reports whether evaluation id exists.
func exists(q querier, id int64) error {
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM evaluations WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound(id)
	}
	return err
}

// Audit returns the newest limit entries of an evaluation's history, newest first (limit ≤ 0:
// all). The history of a deleted evaluation is still there.
func (s *Store) Audit(id int64, limit int) ([]AuditEntry, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	var out []AuditEntry
	err := each(s.db, func(r *sql.Rows) error {
		var e AuditEntry
		var at int64
		var ref sql.NullInt64
		if err := r.Scan(&e.Seq, &at, &e.Actor, &e.Action, &e.Target, &e.Before, &e.After, &e.Undone, &ref); err != nil {
			return err
		}
		e.At, e.Ref = unstamp(at), ref.Int64
		out = append(out, e)
		return nil
	}, `SELECT seq, at, actor, action, target, coalesce(before, ''), coalesce(after, ''), undone, ref
		FROM audit WHERE eval_id = ? ORDER BY seq DESC LIMIT ?`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("audit of evaluation %d: %w", id, err)
	}
	if len(out) == 0 {
		if err := exists(s.db, id); err != nil {
			return nil, err
		}
	}
	return out, nil
}
