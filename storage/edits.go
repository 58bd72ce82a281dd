package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"

	"ccselect/model"
)

// The edits below (other than scores, which have their own hot path) load the evaluation inside
// the transaction, apply the change to that copy and run model's Validate on it before writing
// anything, so what is stored always validates as a whole. They load it without its scores
// (loadLight): none of them changes an id a score references or adds a score, so the scores'
// rules cannot break, and an edit then costs the same at 200 scores as at 750k.

// Rename sets the evaluation's name (trimmed; empty is an error).
func (s *Store) Rename(id int64, name, actor string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errors.New("rename: the name must not be empty")
	}
	if err := model.CheckName("evaluation name", name); err != nil {
		return fmt.Errorf("rename: %w", err)
	}
	return s.setColumn(id, actor, ActionRename, "name", name)
}

// SetClient sets the client's name (may be empty).
func (s *Store) SetClient(id int64, client, actor string) error {
	client = strings.TrimSpace(client)
	if err := model.CheckLine("client", client); err != nil {
		return fmt.Errorf("set client: %w", err)
	}
	return s.setColumn(id, actor, ActionClient, "client", client)
}

func (s *Store) setColumn(id int64, actor, action, col, value string) error {
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		var old string
		err := tx.QueryRowContext(ctx, `SELECT `+col+` FROM evaluations WHERE id = ?`, id).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, notFound(id)
		}
		if err != nil || old == value {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE evaluations SET `+col+` = ? WHERE id = ?`, value, id); err != nil {
			return nil, nameTaken(value, err)
		}
		return &auditChange{action: action, target: value, before: old, after: value}, nil
	})
}

// SaveVendor updates the vendor with v.ID, or appends v as a new vendor. An empty v.ID gets a
// generated one (from the English name, else "vendor-N"). An empty name is an error.
func (s *Store) SaveVendor(id int64, v model.Vendor, actor string) error {
	if v.Name.IsEmpty() {
		return errors.New("save vendor: the name must not be empty")
	}
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		ev, err := loadLight(tx, id)
		if err != nil {
			return nil, err
		}
		if v.ID == "" {
			v.ID = model.NewID(v.Name.En, "vendor", func(s string) bool { return ev.VendorIndex(s) >= 0 })
		}
		var before *vendorState
		if i := ev.VendorIndex(v.ID); i >= 0 {
			if ev.Vendors[i] == v {
				return nil, nil
			}
			pos, err := position(tx, "vendors", id, v.ID)
			if err != nil {
				return nil, err
			}
			before = &vendorState{Vendor: ev.Vendors[i], Pos: pos}
			ev.Vendors[i] = v
		} else {
			ev.Vendors = append(ev.Vendors, v)
		}
		if err := ev.Validate(); err != nil {
			return nil, fmt.Errorf("save vendor: %w", err)
		}
		after := vendorState{Vendor: v}
		if before != nil {
			after.Pos = before.Pos
		} else if after.Pos, err = nextPosition(tx, "vendors", id); err != nil {
			return nil, err
		}
		if err := putVendor(tx, id, after.Pos, v); err != nil {
			return nil, err
		}
		return &auditChange{action: ActionVendorSave, target: v.ID, before: before, after: after}, nil
	})
}

// DeleteVendor removes a vendor and its scores. Undo brings both back, in their places.
func (s *Store) DeleteVendor(id int64, vendorID, actor string) error {
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		ev, err := loadLight(tx, id)
		if err != nil {
			return nil, err
		}
		i := ev.VendorIndex(vendorID)
		if i < 0 {
			return nil, fmt.Errorf("delete vendor: unknown vendor %q", vendorID)
		}
		pos, err := position(tx, "vendors", id, vendorID)
		if err != nil {
			return nil, err
		}
		before := vendorState{Vendor: ev.Vendors[i], Pos: pos}
		if before.Scores, err = scoresOf(tx, ev, "vendor", vendorID); err != nil {
			return nil, fmt.Errorf("delete vendor: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM vendors WHERE eval_id = ? AND id = ?`, id, vendorID); err != nil {
			return nil, fmt.Errorf("delete vendor: %w", err)
		}
		return &auditChange{action: ActionVendorDelete, target: vendorID, before: before}, nil
	})
}

// SaveReviewer updates the reviewer with r.ID, or appends r. An empty r.ID gets a generated one
// (from the name, else "reviewer-N"). An empty name is an error.
func (s *Store) SaveReviewer(id int64, r model.Reviewer, actor string) error {
	r.Name = strings.TrimSpace(r.Name)
	if r.Name == "" {
		return errors.New("save reviewer: the name must not be empty")
	}
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		ev, err := loadLight(tx, id)
		if err != nil {
			return nil, err
		}
		if r.ID == "" {
			r.ID = model.NewID(r.Name, "reviewer", func(s string) bool { return ev.ReviewerIndex(s) >= 0 })
		}
		var before *reviewerState
		if i := ev.ReviewerIndex(r.ID); i >= 0 {
			if ev.Reviewers[i] == r {
				return nil, nil
			}
			pos, err := position(tx, "reviewers", id, r.ID)
			if err != nil {
				return nil, err
			}
			before = &reviewerState{Reviewer: ev.Reviewers[i], Pos: pos}
			ev.Reviewers[i] = r
		} else {
			ev.Reviewers = append(ev.Reviewers, r)
		}
		if err := ev.Validate(); err != nil {
			return nil, fmt.Errorf("save reviewer: %w", err)
		}
		after := reviewerState{Reviewer: r}
		if before != nil {
			after.Pos = before.Pos
		} else if after.Pos, err = nextPosition(tx, "reviewers", id); err != nil {
			return nil, err
		}
		if err := putReviewer(tx, id, after.Pos, r); err != nil {
			return nil, err
		}
		return &auditChange{action: ActionReviewerSave, target: r.ID, before: before, after: after}, nil
	})
}

// DeleteReviewer removes a reviewer and their scores. Undo brings both back.
func (s *Store) DeleteReviewer(id int64, reviewerID, actor string) error {
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		ev, err := loadLight(tx, id)
		if err != nil {
			return nil, err
		}
		i := ev.ReviewerIndex(reviewerID)
		if i < 0 {
			return nil, fmt.Errorf("delete reviewer: unknown reviewer %q", reviewerID)
		}
		pos, err := position(tx, "reviewers", id, reviewerID)
		if err != nil {
			return nil, err
		}
		before := reviewerState{Reviewer: ev.Reviewers[i], Pos: pos}
		if before.Scores, err = scoresOf(tx, ev, "reviewer", reviewerID); err != nil {
			return nil, fmt.Errorf("delete reviewer: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM reviewers WHERE eval_id = ? AND id = ?`, id, reviewerID); err != nil {
			return nil, fmt.Errorf("delete reviewer: %w", err)
		}
		return &auditChange{action: ActionReviewerDelete, target: reviewerID, before: before}, nil
	})
}

// SaveProfile validates p against the evaluation's framework and stores it, replacing the
// profile of the same name or appending a new one.
func (s *Store) SaveProfile(id int64, p model.WeightProfile, actor string) error {
	p.Name = strings.TrimSpace(p.Name)
	if p.Name == "" {
		return errors.New("save profile: the name must not be empty")
	}
	if err := model.CheckName("weight profile name", p.Name); err != nil {
		return fmt.Errorf("save profile: %w", err)
	}
	p = normalizeProfile(p)
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		ev, err := loadLight(tx, id)
		if err != nil {
			return nil, err
		}
		if err := p.Validate(&ev.Framework); err != nil {
			return nil, fmt.Errorf("save profile: %w", err)
		}
		var before *profileState
		after := profileState{Profile: p}
		if old, err := ev.Profile(p.Name); err == nil {
			if reflect.DeepEqual(*old, p) {
				return nil, nil
			}
			if after.Pos, err = position(tx, "profiles", id, p.Name); err != nil {
				return nil, err
			}
			before = &profileState{Profile: *old, Pos: after.Pos}
		} else if after.Pos, err = nextPosition(tx, "profiles", id); err != nil {
			return nil, err
		}
		if err := putProfile(tx, id, after.Pos, &p); err != nil {
			return nil, err
		}
		return &auditChange{action: ActionProfileSave, target: p.Name, before: before, after: after}, nil
	})
}

// normalizeProfile makes p look the way Load returns profiles (non-nil maps, nil empty locks), so
// that saving an unchanged profile is recognised as no change.
func normalizeProfile(p model.WeightProfile) model.WeightProfile {
	c := p.Clone()
	if len(c.Locked) == 0 {
		c.Locked = nil
	}
	c.Elicitation = normalizeElicitation(c.Elicitation) // profiles.go
	return c
}

// DeleteProfile removes a weight profile and the knock-outs scoped to it. The only profile and
// the active one cannot be deleted.
func (s *Store) DeleteProfile(id int64, name, actor string) error {
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		ev, err := loadLight(tx, id)
		if err != nil {
			return nil, err
		}
		p, err := ev.Profile(name)
		if err != nil {
			return nil, fmt.Errorf("delete profile: %w", err)
		}
		if len(ev.Profiles) == 1 {
			return nil, fmt.Errorf("delete profile: %q is the only weight profile", name)
		}
		if active, err := ev.Active(); err == nil && active.Name == name {
			return nil, fmt.Errorf("delete profile: %q is the active profile; activate another first", name)
		}
		pos, err := position(tx, "profiles", id, name)
		if err != nil {
			return nil, err
		}
		before := profileState{Profile: *p, Pos: pos}
		all, err := knockOutsAt(tx, id)
		if err != nil {
			return nil, err
		}
		for _, k := range all {
			if k.Profile == name {
				before.KnockOuts = append(before.KnockOuts, k)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM profiles WHERE eval_id = ? AND name = ?`, id, name); err != nil {
			return nil, fmt.Errorf("delete profile: %w", err)
		}
		return &auditChange{action: ActionProfileDelete, target: name, before: before}, nil
	})
}

// SetActiveProfile makes the named profile the one the evaluation is ranked with.
func (s *Store) SetActiveProfile(id int64, name, actor string) error {
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		ev, err := loadLight(tx, id)
		if err != nil {
			return nil, err
		}
		if _, err := ev.Profile(name); err != nil {
			return nil, fmt.Errorf("set active profile: %w", err)
		}
		if ev.ActiveProfile == name {
			return nil, nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE evaluations SET active_profile = ? WHERE id = ?`, name, id); err != nil {
			return nil, err
		}
		return &auditChange{action: ActionProfileActive, target: name, before: ev.ActiveProfile, after: name}, nil
	})
}

// SaveKnockOuts replaces the evaluation's knock-out rules (in the given order) after
// validating them against the framework, the parameters and the profiles.
func (s *Store) SaveKnockOuts(id int64, kos []model.KnockOut, actor string) error {
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		ev, err := loadLight(tx, id)
		if err != nil {
			return nil, err
		}
		if len(kos) == len(ev.KnockOuts) && (len(kos) == 0 || reflect.DeepEqual(kos, ev.KnockOuts)) {
			return nil, nil
		}
		ev.KnockOuts = kos
		if err := ev.Validate(); err != nil {
			return nil, fmt.Errorf("save knock-outs: %w", err)
		}
		before, err := knockOutsAt(tx, id)
		if err != nil {
			return nil, err
		}
		after := make([]posKnockOut, len(kos))
		for i, k := range kos {
			after[i] = posKnockOut{Pos: i, KnockOut: k}
		}
		if err := replaceKnockOuts(tx, id, after); err != nil {
			return nil, err
		}
		return &auditChange{action: ActionKnockOuts, target: fmt.Sprintf("%d rules", len(kos)), before: before, after: after}, nil
	})
}

// knockOutsAt returns the rules with their stored positions, which have gaps after a profile's
// rules went with it; undo must put every rule back exactly where it was.
func knockOutsAt(q querier, id int64) ([]posKnockOut, error) {
	var out []posKnockOut
	err := each(q, func(r *sql.Rows) error {
		var k posKnockOut
		var profile sql.NullString
		if err := r.Scan(&k.Pos, &k.Criterion, &k.Op, &k.Threshold, &k.Param, &profile); err != nil {
			return err
		}
		k.Profile = profile.String
		out = append(out, k)
		return nil
	}, `SELECT pos, criterion, op, threshold, param, profile FROM knockouts WHERE eval_id = ? ORDER BY pos`, id)
	return out, err
}

func replaceKnockOuts(tx *sql.Tx, id int64, kos []posKnockOut) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM knockouts WHERE eval_id = ?`, id); err != nil {
		return err
	}
	for _, k := range kos {
		if err := insertKnockOut(tx, id, k.Pos, k.KnockOut); err != nil {
			return err
		}
	}
	return nil
}

// SetParam sets an evaluation parameter (e.g. "P", the required peak channels). Parameters are
// positive numbers.
func (s *Store) SetParam(id int64, name string, value float64, actor string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errors.New("set parameter: the name must not be empty")
	}
	if err := model.CheckLine("parameter name", name); err != nil {
		return fmt.Errorf("set parameter: %w", err)
	}
	if math.IsNaN(value) || math.IsInf(value, 0) || value <= 0 {
		return fmt.Errorf("set parameter %s: must be a positive number, got %g", name, value)
	}
	if err := model.CheckParam(name, value); err != nil {
		return fmt.Errorf("set parameter %s: %w", name, err)
	}
	return s.edit(id, actor, func(tx *sql.Tx) (*auditChange, error) {
		if err := exists(tx, id); err != nil {
			return nil, err
		}
		var before *paramState
		var old float64
		err := tx.QueryRowContext(ctx, `SELECT value FROM params WHERE eval_id = ? AND name = ?`, id, name).Scan(&old)
		switch {
		case err == nil:
			if old == value {
				return nil, nil
			}
			before = &paramState{Name: name, Value: old}
		case !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
		if err := putParam(tx, id, name, value); err != nil {
			return nil, err
		}
		return &auditChange{action: ActionParam, target: name, before: before, after: paramState{Name: name, Value: value}}, nil
	})
}

// position returns the stored position of a vendor, reviewer (by id) or profile (by name).
func position(q querier, table string, id int64, key string) (int, error) {
	col := "id"
	if table == "profiles" {
		col = "name"
	}
	var pos int
	err := q.QueryRowContext(ctx, `SELECT pos FROM `+table+` WHERE eval_id = ? AND `+col+` = ?`, id, key).Scan(&pos)
	return pos, err
}

// nextPosition is one past the last position in table: new rows go at the end.
func nextPosition(q querier, table string, id int64) (int, error) {
	var pos int
	err := q.QueryRowContext(ctx, `SELECT coalesce(max(pos) + 1, 0) FROM `+table+` WHERE eval_id = ?`, id).Scan(&pos)
	return pos, err
}

// scoresOf returns the scores of one vendor or reviewer (col), in grid order like Load's: what
// undo of its deletion must bring back. ev is the evaluation without its scores (loadLight).
func scoresOf(q querier, ev *model.Evaluation, col, key string) ([]model.Score, error) {
	p, err := readPacked(q, ev.ID, len(ev.Framework.Criteria), col, key)
	if err != nil {
		return nil, err
	}
	return p.scores(ev), nil
}
