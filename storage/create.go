package storage

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"ccselect/model"
)

// Stamps outside this range do not fit in int64 nanoseconds.
var (
	minTime = time.Date(1678, 1, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(2261, 12, 31, 0, 0, 0, 0, time.UTC)
)

// ErrNameTaken: another evaluation already has the name. The schema enforces it (a unique
// index), so two simultaneous imports under one name cannot both succeed. Errors wrap it with
// the name.
var ErrNameTaken = errors.New("an evaluation with this name already exists")

// nameTaken wraps a unique-constraint failure on the evaluation's name as ErrNameTaken.
func nameTaken(name string, err error) error {
	if err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed: evaluations.name") {
		return fmt.Errorf("%w: %q", ErrNameTaken, name)
	}
	return err
}

// Create validates ev and saves it in one transaction. It sets ev.ID, and ev.Created and
// ev.Updated to now when they are zero (they are normalised to UTC, as Load returns them). A
// name already in use is ErrNameTaken.
func (s *Store) Create(ev *model.Evaluation, actor string) (int64, error) {
	tx, done, err := s.beginWrite()
	if err != nil {
		return 0, fmt.Errorf("create evaluation: %w", err)
	}
	defer done()
	id, err := s.createIn(tx, ev, actor)
	if err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("create evaluation %q: %w", ev.Name, nameTaken(ev.Name, err))
	}
	return id, nil
}

func (s *Store) createIn(tx *sql.Tx, ev *model.Evaluation, actor string) (int64, error) {
	if ev == nil {
		return 0, errors.New("create evaluation: nil evaluation")
	}
	if err := ev.Validate(); err != nil {
		return 0, fmt.Errorf("create evaluation: %w", err)
	}
	now := s.clock()
	created, updated := ev.Created, ev.Updated
	if created.IsZero() {
		created = now
	}
	if updated.IsZero() {
		updated = now
	}
	for _, t := range []time.Time{created, updated} {
		if t.Before(minTime) || t.After(maxTime) {
			return 0, fmt.Errorf("create evaluation: time %s is out of range", t)
		}
	}
	created, updated = created.Round(0).UTC(), updated.Round(0).UTC()
	if err := largeCache(tx); err != nil { // load.go
		return 0, fmt.Errorf("create evaluation %q: %w", ev.Name, err)
	}
	id, err := insertEvaluation(tx, ev, created, updated)
	if err != nil {
		return 0, fmt.Errorf("create evaluation %q: %w", ev.Name, nameTaken(ev.Name, err))
	}
	if err := s.appendAudit(tx, id, now, actor, auditChange{
		action: ActionCreate, target: ev.Name, after: map[string]any{"name": ev.Name, "industry": ev.Industry},
	}); err != nil {
		return 0, fmt.Errorf("create evaluation %q: %w", ev.Name, err)
	}
	ev.ID, ev.Created, ev.Updated = id, created, updated
	return id, nil
}

// Duplicate copies evaluation id (framework, vendors, reviewers, scores, profiles, knock-outs;
// not its history) under newName, or "<name> (copy)" when newName is empty.
func (s *Store) Duplicate(id int64, newName, actor string) (int64, error) {
	tx, done, err := s.beginWrite()
	if err != nil {
		return 0, fmt.Errorf("duplicate evaluation %d: %w", id, err)
	}
	defer done()
	ev, err := load(tx, id)
	if err != nil {
		return 0, err
	}
	from := ev.Name
	if newName == "" {
		newName = ev.Name + " (copy)"
	}
	ev.Name = newName
	if err := ev.Validate(); err != nil {
		return 0, fmt.Errorf("duplicate evaluation %d: %w", id, err)
	}
	now := s.clock()
	newID, err := insertEvaluation(tx, ev, now, now)
	if err != nil {
		return 0, fmt.Errorf("duplicate evaluation %d: %w", id, nameTaken(newName, err))
	}
	if err := s.appendAudit(tx, newID, now, actor, auditChange{
		action: ActionDuplicate, target: newName,
		before: map[string]any{"id": id, "name": from}, after: map[string]any{"name": newName},
	}); err != nil {
		return 0, fmt.Errorf("duplicate evaluation %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("duplicate evaluation %d: %w", id, err)
	}
	return newID, nil
}

// Delete purges an evaluation: every row of it goes, its history (audit rows) included, and
// the pages it occupied are zeroed (secure_delete) and the -wal is checkpointed and truncated, so
// the file keeps none of the deleted client's data. It cannot be undone. The only trace is one
// audit row saying who deleted evaluation id when, without its name or content.
func (s *Store) Delete(id int64, actor string) error {
	tx, done, err := s.beginWrite()
	if err != nil {
		return fmt.Errorf("delete evaluation %d: %w", id, err)
	}
	defer done()
	if err := exists(tx, id); err != nil {
		return err
	}
	// The scores first, through their keys: the cascade from each deleted criterion would
	// otherwise look for its notes without an index, reading every note of the evaluation once
	// per criterion. Deleting the rows takes their notes with them.
	if _, err := tx.ExecContext(ctx, `DELETE FROM score_rows WHERE eval_id = ?`, id); err != nil {
		return fmt.Errorf("delete evaluation %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM evaluations WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete evaluation %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM audit WHERE eval_id = ?`, id); err != nil {
		return fmt.Errorf("delete evaluation %d: %w", id, err)
	}
	if err := s.appendAudit(tx, id, s.clock(), actor, auditChange{action: ActionDelete}); err != nil {
		return fmt.Errorf("delete evaluation %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("delete evaluation %d: %w", id, err)
	}
	// The -wal still holds earlier versions of the purged pages: copy it into the (zeroed) file
	// and truncate it. A reader elsewhere can keep the checkpoint from finishing; the next
	// delete or close retries, and the pages are already zero in the file.
	s.conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return nil
}

// insertEvaluation writes a validated evaluation under a new id.
func insertEvaluation(tx *sql.Tx, ev *model.Evaluation, created, updated time.Time) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO evaluations (name, client, industry, created, updated, active_profile)
		VALUES (?, ?, ?, ?, ?, ?)`, ev.Name, ev.Client, ev.Industry, stamp(created), stamp(updated), ev.ActiveProfile)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	for i, d := range ev.Framework.Dimensions {
		if _, err := tx.ExecContext(ctx, `INSERT INTO dimensions (eval_id, id, pos, name_zh, name_en) VALUES (?, ?, ?, ?, ?)`,
			id, d.ID, i, d.Name.Zh, d.Name.En); err != nil {
			return 0, fmt.Errorf("dimension %s: %w", d.ID, err)
		}
	}
	for i := range ev.Framework.Criteria {
		if err := insertCriterion(tx, id, i, &ev.Framework.Criteria[i]); err != nil {
			return 0, err
		}
	}
	for name, v := range ev.Params {
		if err := putParam(tx, id, name, v); err != nil {
			return 0, err
		}
	}
	for i, v := range ev.Vendors {
		if err := putVendor(tx, id, i, v); err != nil {
			return 0, err
		}
	}
	for i, r := range ev.Reviewers {
		if err := putReviewer(tx, id, i, r); err != nil {
			return 0, err
		}
	}
	if err := insertScores(tx, id, ev.Scores); err != nil {
		return 0, err
	}
	for i := range ev.Profiles {
		if err := putProfile(tx, id, i, &ev.Profiles[i]); err != nil {
			return 0, err
		}
	}
	if err := insertKnockOuts(tx, id, 0, ev.KnockOuts); err != nil {
		return 0, err
	}
	if err := insertWeightsSizing(tx, id, ev); err != nil { // profiles.go
		return 0, err
	}
	return id, nil
}

func insertCriterion(tx *sql.Tx, id int64, pos int, c *model.Criterion) error {
	rubric, err := json.Marshal(c.Rubric)
	if err != nil {
		return err
	}
	var anchors any // NULL when there are none
	if len(c.Anchors) > 0 {
		b, err := json.Marshal(c.Anchors)
		if err != nil {
			return err
		}
		anchors = string(b)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO criteria (eval_id, id, dimension, pos, name_zh, name_en, desc_zh, desc_en,
		rubric, kind, unit, direction, anchors, anchor_param) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, c.ID, c.Dimension, pos, c.Name.Zh, c.Name.En, c.Description.Zh, c.Description.En,
		string(rubric), string(c.Kind), c.Unit, string(c.Direction), anchors, c.AnchorParam)
	if err != nil {
		return fmt.Errorf("criterion %s: %w", c.ID, err)
	}
	return nil
}

// insertKnockOuts writes rules at positions first, first+1, …
func insertKnockOuts(tx *sql.Tx, id int64, first int, kos []model.KnockOut) error {
	for i, k := range kos {
		if err := insertKnockOut(tx, id, first+i, k); err != nil {
			return err
		}
	}
	return nil
}

func insertKnockOut(tx *sql.Tx, id int64, pos int, k model.KnockOut) error {
	var profile any // NULL: applies under every profile
	if k.Profile != "" {
		profile = k.Profile
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO knockouts (eval_id, pos, criterion, op, threshold, param, profile)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, pos, k.Criterion, string(k.Op), k.Threshold, k.Param, profile)
	if err != nil {
		return fmt.Errorf("knock-out on %s: %w", k.Criterion, err)
	}
	return nil
}

// putParam inserts or replaces one parameter.
func putParam(tx *sql.Tx, id int64, name string, v float64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO params (eval_id, name, value) VALUES (?, ?, ?)
		ON CONFLICT (eval_id, name) DO UPDATE SET value = excluded.value`, id, name, v)
	if err != nil {
		return fmt.Errorf("parameter %s: %w", name, err)
	}
	return nil
}

// putVendor inserts or updates a vendor at position pos.
func putVendor(tx *sql.Tx, id int64, pos int, v model.Vendor) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO vendors (eval_id, id, pos, name_zh, name_en, notes, price)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (eval_id, id) DO UPDATE SET pos = excluded.pos, name_zh = excluded.name_zh,
			name_en = excluded.name_en, notes = excluded.notes, price = excluded.price`,
		id, v.ID, pos, v.Name.Zh, v.Name.En, v.Notes, v.Price)
	if err != nil {
		return fmt.Errorf("vendor %s: %w", v.ID, err)
	}
	return nil
}

// putReviewer inserts or updates a reviewer at position pos.
func putReviewer(tx *sql.Tx, id int64, pos int, r model.Reviewer) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO reviewers (eval_id, id, pos, name) VALUES (?, ?, ?, ?)
		ON CONFLICT (eval_id, id) DO UPDATE SET pos = excluded.pos, name = excluded.name`,
		id, r.ID, pos, r.Name)
	if err != nil {
		return fmt.Errorf("reviewer %s: %w", r.ID, err)
	}
	return nil
}

// putProfile inserts a profile at pos, or replaces its weights and locks if it exists (the row
// itself stays, so knock-outs scoped to it survive).
func putProfile(tx *sql.Tx, id int64, pos int, p *model.WeightProfile) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO profiles (eval_id, name, pos) VALUES (?, ?, ?)
		ON CONFLICT (eval_id, name) DO UPDATE SET pos = excluded.pos`, id, p.Name, pos); err != nil {
		return fmt.Errorf("profile %s: %w", p.Name, err)
	}
	for _, table := range []string{"profile_dimension_weights", "profile_criterion_weights", "profile_locks"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE eval_id = ? AND profile = ?`, id, p.Name); err != nil {
			return fmt.Errorf("profile %s: %w", p.Name, err)
		}
	}
	for dim, w := range p.Dimensions {
		if _, err := tx.ExecContext(ctx, `INSERT INTO profile_dimension_weights (eval_id, profile, dimension, weight)
			VALUES (?, ?, ?, ?)`, id, p.Name, dim, w); err != nil {
			return fmt.Errorf("profile %s: weight of %s: %w", p.Name, dim, err)
		}
	}
	for crit, w := range p.Criteria {
		if _, err := tx.ExecContext(ctx, `INSERT INTO profile_criterion_weights (eval_id, profile, criterion, weight)
			VALUES (?, ?, ?, ?)`, id, p.Name, crit, w); err != nil {
			return fmt.Errorf("profile %s: weight of %s: %w", p.Name, crit, err)
		}
	}
	for i, l := range p.Locked {
		if _, err := tx.ExecContext(ctx, `INSERT INTO profile_locks (eval_id, profile, pos, target) VALUES (?, ?, ?, ?)`,
			id, p.Name, i, l); err != nil {
			return fmt.Errorf("profile %s: lock %s: %w", p.Name, l, err)
		}
	}
	return putElicitation(tx, id, p) // profiles.go
}
